import Foundation
import Testing
@testable import NeutraalCLI
import NeutraalEngine

/// `lint` compiles a copy of the rule set for each worker that can run at once only when the batch is large
/// enough to pay for it (a copy costs some milliseconds on the clock); otherwise every worker shares one.
@Suite("Rule set copies for lint")
struct RuleSetCopiesCountTests {
    /// A file of `size` bytes that takes no room on disk (a hole).
    static func sparseFile(_ size: Int) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("neutraal-size-\(UUID().uuidString).jsonl")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(size))
        try handle.close()
        return url
    }

    static var workers: Int { min(2, ProcessInfo.processInfo.activeProcessorCount) }

    @Test("a batch of files adding up to the threshold gets a copy per worker that can run; one byte less gets one")
    func threshold() throws {
        let large = try Self.sparseFile(RuleSetCopies.threshold / 2)
        let rest = try Self.sparseFile(RuleSetCopies.threshold / 2)
        let short = try Self.sparseFile(RuleSetCopies.threshold / 2 - 1)
        defer { for url in [large, rest, short] { try? FileManager.default.removeItem(at: url) } }
        #expect(RuleSetCopies.count(for: [.file(large.path), .file(rest.path)], jobs: 2) == Self.workers)
        #expect(RuleSetCopies.count(for: [.file(large.path), .file(short.path)], jobs: 2) == 1)
        #expect(RuleSetCopies.count(for: [.file(large.path), .file(rest.path)], jobs: 1) == 1, "one job shares nothing")
        #expect(RuleSetCopies.count(for: [.file(large.path), .file(rest.path)], jobs: 64) <= ProcessInfo.processInfo.activeProcessorCount,
                "no more copies than cores")
    }

    @Test("standard input and problems count for nothing, whatever they turn out to hold")
    func unknownLength() {
        let inputs: [InputCollector.Input] = [.standardInput, .problem(path: "x", code: "input.missing", message: "m", hint: nil)]
        #expect(RuleSetCopies.count(for: inputs, jobs: 2) == 1)
    }
}
