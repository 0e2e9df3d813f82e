import Foundation
import Testing
@testable import NeutraalEngine

/// A worker keeps its evaluator's workspace, and a renderer that carries over, from one unit of work to the
/// next (`BatchEvaluator.KitRoom`): the text of a batch cut into many units is the text of the batch judged
/// as one, whatever the jobs and copies, and a renderer that does not carry over is made afresh for each unit.
@Suite("Kit rooms")
struct KitRoomTests {
    /// JSON Lines, carried over from one unit to the next.
    struct CarriedLines: ItemRendering {
        var lines: RuleSetCopiesTests.JSONLines

        mutating func render(_ item: ReportItem, into output: inout JSONBytes) {
            lines.render(item, into: &output)
        }

        static var carriesOver: Bool { true }

        static let preparation: BatchEvaluator.RendererPreparation = { ruleSet in
            let context = ReportContext(ruleSet: ruleSet, language: .dutch)
            let prepared = JSONReporter(preparedFor: context)
            return { CarriedLines(lines: RuleSetCopiesTests.JSONLines(reporter: prepared, context: context)) }
        }
    }

    /// Writes how many results it rendered before each result, so that a renderer carried over shows.
    struct Counting: ItemRendering {
        var count = 0

        mutating func render(_ item: ReportItem, into output: inout JSONBytes) {
            output.raw(utf8: "\(count)\n")
            count += 1
        }
    }

    /// `Counting`, carried over.
    struct CarriedCounting: ItemRendering {
        var counting = Counting()

        mutating func render(_ item: ReportItem, into output: inout JSONBytes) {
            counting.render(item, into: &output)
        }

        static var carriesOver: Bool { true }
    }

    /// A file of `count` generated records, removed by `body`'s end.
    static func withBatch<Result>(_ count: Int, _ body: (URL) throws -> Result) throws -> Result {
        var generator = GeneratedActivities(seed: 17)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("neutraal-rooms-\(UUID().uuidString).jsonl")
        try (generator.lines(count).joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try body(file)
    }

    /// The text `renderers` make of the batch in `file`, cut into units of `chunkSize` bytes.
    static func output(_ file: URL, jobs: Int, copies: Int, chunkSize: Int, renderers: @escaping BatchEvaluator.RendererPreparation) throws -> String {
        let ruleSets = try RuleSetCopiesTests.copies()
        let batch = BatchEvaluator(evaluator: Evaluator(ruleSet: ruleSets[0], asOf: RuleSetCopiesTests.day), jobs: jobs, chunkSize: chunkSize,
                                   copies: ruleSets.dropFirst().prefix(copies).map { Evaluator(ruleSet: $0, asOf: RuleSetCopiesTests.day) })
        var text = ""
        batch.run([.file(file.path)], standardInput: { _ in [] }, renderers: renderers, keepItems: false) { result in
            text += String(decoding: result.rendered?.bytes ?? [], as: UTF8.self)
        }
        return text
    }

    @Test("a batch cut into units of 4 KB renders the text of the batch judged as one unit, on one job or more, with copies or without",
          arguments: [(1, 0), (2, 1), (3, 1), (2, 0)])
    func sameText(_ jobs: Int, _ copies: Int) throws {
        try Self.withBatch(1_500) { file in
            let whole = try Self.output(file, jobs: 1, copies: 0, chunkSize: 1 << 24, renderers: RuleSetCopiesTests.JSONLines.preparation)
            #expect(whole.split(separator: "\n").count == 1_500)
            #expect(try Self.output(file, jobs: jobs, copies: copies, chunkSize: 4_096, renderers: CarriedLines.preparation) == whole)
            #expect(try Self.output(file, jobs: jobs, copies: copies, chunkSize: 4_096, renderers: RuleSetCopiesTests.JSONLines.preparation) == whole)
        }
    }

    @Test("a renderer that carries over goes on to the next unit of its worker; any other is made afresh for each unit")
    func carriedOver() throws {
        try Self.withBatch(300) { file in
            let fresh = try Self.output(file, jobs: 1, copies: 0, chunkSize: 4_096) { _ in { Counting() } }
            let carried = try Self.output(file, jobs: 1, copies: 0, chunkSize: 4_096) { _ in { CarriedCounting() } }
            #expect(carried == (0..<300).map { "\($0)\n" }.joined())
            // units of 4 KB hold a few records each: the fresh renderers count from 0 again
            #expect(fresh.split(separator: "\n").count == 300)
            #expect(fresh.split(separator: "\n").filter { $0 == "0" }.count > 10)
        }
    }
}
