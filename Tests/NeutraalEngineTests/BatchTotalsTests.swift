import Foundation
import Testing
@testable import NeutraalEngine

/// The totals of a batch counted per unit of work on the worker threads and merged in order: the same as
/// counting every result one by one, however the batch is cut into units; and records rendered and
/// dropped on the workers are all rendered, once.
@Suite("Batch totals")
struct BatchTotalsTests {
    /// A renderer that writes each result's id on a line of its own.
    struct IDLines: ItemRendering {
        mutating func render(_ item: ReportItem, into output: inout JSONBytes) {
            switch item {
            case .evaluated(let evaluation): output.raw(utf8: evaluation.description.id)
            case .failed(_, let id, _): output.raw(utf8: id)
            }
            output.raw("\n")
        }
    }

    /// A JSON Lines file of `count` generated records, with a broken line in the middle.
    static func batchFile(_ count: Int) throws -> URL {
        var generator = GeneratedActivities(seed: 3)
        var lines = generator.lines(count)
        lines[count / 2] = #"{"id":"broken","kind":"post","#
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("neutraal-totals-\(UUID().uuidString).jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("totals merged per unit equal totals counted result by result, for small and large units and 1 or 2 jobs",
          arguments: [(1_024, 1), (1_024, 2), (1 << 18, 2)])
    func mergedTotals(_ chunkSize: Int, _ jobs: Int) throws {
        let ruleSet = try RealRules.ruleSet()
        let file = try Self.batchFile(1_500)
        defer { try? FileManager.default.removeItem(at: file) }
        let batch = BatchEvaluator(evaluator: Evaluator(ruleSet: ruleSet, asOf: CivilDate.parse("2024-06-01") ?? 0),
                                   jobs: jobs, chunkSize: chunkSize)
        var merged = Summary()
        var counted = Summary()
        var units = 0
        batch.run([.file(file.path)], standardInput: { _ in [] }, keepItems: true) { result in
            merged.merge(result.summary)
            for item in result.items { counted.add(item) }
            units += 1
        }
        #expect(chunkSize > 1_024 || units > 10, "the batch was cut into \(units) units")
        #expect(counted.descriptions + counted.errors == 1_500)
        #expect(counted.errors >= 1, "the broken line is counted")
        #expect(merged.descriptions == counted.descriptions && merged.errors == counted.errors)
        #expect(merged.byVerdict == counted.byVerdict)
        #expect(merged.byRule == counted.byRule)
        #expect(!merged.byRule.isEmpty)
        let mergedStatuses: [Int] = [merged.overridden, merged.undetermined, merged.waived, merged.baselined]
        let countedStatuses: [Int] = [counted.overridden, counted.undetermined, counted.waived, counted.baselined]
        #expect(mergedStatuses == countedStatuses)
    }

    @Test("records rendered on the workers and not kept: every record rendered once, in input order, none kept")
    func renderedNotKept() throws {
        let ruleSet = try RealRules.ruleSet()
        let file = try Self.batchFile(1_500)
        defer { try? FileManager.default.removeItem(at: file) }
        let batch = BatchEvaluator(evaluator: Evaluator(ruleSet: ruleSet, asOf: CivilDate.parse("2024-06-01") ?? 0),
                                   jobs: 2, chunkSize: 1_024)
        var ids: [String] = []
        var kept = 0
        var total = Summary()
        batch.run([.file(file.path)], standardInput: { _ in [] }, renderers: { _ in { IDLines() } }, keepItems: false) { result in
            kept += result.items.count
            total.merge(result.summary)
            if let rendered = result.rendered {
                ids += String(decoding: rendered.bytes, as: UTF8.self).split(separator: "\n").map(String.init)
            }
        }
        #expect(kept == 0)
        #expect(ids.count == 1_500)
        #expect(total.descriptions + total.errors == 1_500)
        // generated ids count up with the line, so input order shows in the ids
        let numbers = ids.compactMap { $0.split(separator: "-").last.flatMap { Int($0) } }
        #expect(numbers == numbers.sorted())
    }
}
