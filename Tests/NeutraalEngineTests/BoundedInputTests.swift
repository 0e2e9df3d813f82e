import Foundation
import Testing
@testable import NeutraalEngine

/// Inputs without a size (standard input, devices, pipes) are read with a bound: a stream that never ends
/// or passes the bound is refused, a binary one as soon as its first bytes show it; JSON Lines on standard
/// input are read piece by piece and judged while the stream is still coming in.
@Suite("Bounded input")
struct BoundedInputTests {
    /// Pieces of `bytes` (or of an endless repetition of them), counting what was asked for.
    final class Stream: @unchecked Sendable {
        let bytes: [UInt8]
        let endless: Bool
        private(set) var delivered = 0
        private(set) var calls = 0

        init(_ bytes: [UInt8], endless: Bool = false) {
            self.bytes = bytes
            self.endless = endless
        }

        func next(_ count: Int) -> [UInt8]? {
            calls += 1
            var piece: [UInt8] = []
            while piece.count < count, endless || delivered < bytes.count {
                let offset = delivered % bytes.count
                let take = min(count - piece.count, bytes.count - offset, endless ? Int.max : bytes.count - delivered)
                piece += bytes[offset..<offset + take]
                delivered += take
            }
            return piece
        }
    }

    @Test("an endless stream is refused once it passes the bound, having read little more than the bound")
    func endlessStream() {
        let stream = Stream(Array("aaaa".utf8), endless: true)
        #expect(InputBytes.readAll(pieces: stream.next, limit: 10_000) == .failure(.tooLarge))
        #expect(stream.delivered == 10_001)
    }

    @Test("a stream as long as the bound is read whole; one byte more is refused")
    func exactlyTheBound() {
        let text = Array(String(repeating: "{\"kind\":\"post\"}\n", count: 100).utf8)
        #expect(InputBytes.readAll(pieces: Stream(text).next, limit: text.count) == .success(text))
        #expect(InputBytes.readAll(pieces: Stream(text + [0x0A]).next, limit: text.count) == .failure(.tooLarge))
        #expect(InputBytes.readAll(after: Array(text.prefix(10)), pieces: Stream(Array(text.dropFirst(10))).next,
                                   limit: text.count) == .success(text))
    }

    @Test("a stream of NUL bytes is refused as binary after its first piece, however long it is")
    func binaryStream() {
        let stream = Stream([0], endless: true)
        #expect(InputBytes.readAll(after: [0, 0, 0], pieces: stream.next) == .failure(.binary))
        #expect(stream.calls == 0)
        #expect(InputBytes.readAll(pieces: stream.next) == .failure(.binary))
        #expect(stream.calls == 1)
        // a NUL byte further on than the window is text that happens to hold one, not a binary file
        let late = Array(repeating: UInt8(ascii: "a"), count: InputBytes.binaryWindow) + [0]
        #expect(InputBytes.readAll(pieces: Stream(late).next) == .success(late))
    }

    @Test("a device that never ends is refused as binary without being read whole")
    func devZero() {
        #expect(InputBytes.readFile("/dev/zero") == .failure(.binary))
        #expect(InputBytes.readFile("/nonexistent/neutraal") == .failure(.unreadable))
    }

    @Test("JSON Lines on standard input are judged piece by piece while the stream comes in, as the same file is")
    func standardInputStreams() throws {
        let ruleSet = try RealRules.ruleSet()
        var generator = GeneratedActivities(seed: 5)
        var lines = generator.lines(1_200)
        lines[700] = #"{"kind":"post","account":{"variant":"rood"}}"#
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("neutraal-stdin-\(UUID().uuidString).jsonl")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let batch = BatchEvaluator(evaluator: Evaluator(ruleSet: ruleSet, asOf: CivilDate.parse("2024-06-01") ?? 0),
                                   jobs: 2, chunkSize: 4_096)
        /// Each record's id and verdict, or its error's code and line.
        func outcomes(_ input: InputCollector.Input, _ stream: Stream, firstResult: inout Int?) -> [String] {
            var outcomes: [String] = []
            batch.run([input], standardInput: stream.next, keepItems: true) { result in
                if firstResult == nil { firstResult = stream.delivered }
                for item in result.items {
                    switch item {
                    case .evaluated(let evaluation): outcomes.append("\(evaluation.description.id) \(evaluation.verdict)")
                    case .failed(_, _, let diagnostics):
                        outcomes.append("\(diagnostics.first?.code ?? "") line \(diagnostics.first?.location?.line ?? 0)")
                    }
                }
            }
            return outcomes
        }
        let stream = Stream(bytes)
        var deliveredAtFirstResult: Int?
        let fromStandardInput = outcomes(.standardInput, stream, firstResult: &deliveredAtFirstResult)
        var unused: Int?
        let fromFile = outcomes(.file(file.path), Stream([]), firstResult: &unused)
        #expect(fromStandardInput.count == 1_200)
        #expect(fromStandardInput == fromFile)
        #expect(fromStandardInput[700] == "input.unknown-value line 701")
        let first = try #require(deliveredAtFirstResult)
        #expect(first < bytes.count / 2, "the first results came after \(first) of \(bytes.count) bytes")
        #expect(stream.delivered == bytes.count)
    }
}
