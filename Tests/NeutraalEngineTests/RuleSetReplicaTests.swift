import Foundation
import Testing
@testable import NeutraalEngine

/// Replicas of a rule set (one per worker thread of a long batch, so that the workers do not count
/// references on the same objects): equal to the original in everything a user sees, sharing none of its
/// objects; and a batch judged with them renders the very bytes of a batch judged with one rule set.
@Suite("Rule set replicas")
struct RuleSetReplicaTests {
    static let day = CivilDate.parse("2024-06-01") ?? 0

    /// JSON Lines as `lint --format json` writes them, prepared for the rule set a worker judges with.
    struct JSONLines: ItemRendering {
        var reporter: JSONReporter
        let context: ReportContext

        mutating func render(_ item: ReportItem, into output: inout JSONBytes) {
            reporter.add(item, context, into: &output)
        }

        static let preparation: BatchEvaluator.RendererPreparation = { ruleSet in
            let context = ReportContext(ruleSet: ruleSet, language: .dutch)
            let prepared = JSONReporter(preparedFor: context)
            return { JSONLines(reporter: prepared, context: context) }
        }
    }

    @Test("a replica has the same version and rules, and shares no rule, reader, scanner or program with the original")
    func sharesNothing() throws {
        let original = try RealRules.ruleSet().withPatternAutomata()
        let replica = original.replica()
        #expect(replica.version == original.version)
        #expect(replica.rules.map(\.id) == original.rules.map(\.id))
        #expect(replica.rules.count > 40)
        for (mine, theirs) in zip(original.rules, replica.rules) {
            #expect(mine !== theirs, "rule \(mine.id) is shared")
        }
        #expect(replica.vocabulary.directReader !== original.vocabulary.directReader)
        #expect(replica.origin?.patternAutomata == true, "the replica of a rule set with pattern automata has them too")
        #expect(replica.origin !== original.origin)
        // the arrays the evaluator reads for every description are buffers of their own
        original.program.withView { mine in replica.program.withView { theirs in
            #expect(mine.nodes.baseAddress != theirs.nodes.baseAddress)
        } }
    }

    @Test("a rule set not loaded from sources is its own replica")
    func withoutOrigin() throws {
        var ruleSet = try RealRules.ruleSet()
        ruleSet.origin = nil
        #expect(ruleSet.replica().rules.first === ruleSet.rules.first)
    }

    @Test("the replica judges every generated record exactly as the original does")
    func sameJudgements() throws {
        let original = try RealRules.ruleSet().withPatternAutomata()
        let replica = original.replica()
        var generator = GeneratedActivities(seed: 11)
        let source = SourceText(path: "batch.jsonl", bytes: Array((generator.lines(400).joined(separator: "\n") + "\n").utf8))
        func rendered(_ ruleSet: RuleSet) -> String {
            let evaluator = Evaluator(ruleSet: ruleSet, asOf: Self.day)
            let context = ReportContext(ruleSet: ruleSet, language: .english)
            var reporter = JSONReporter(preparedFor: context)
            var text = ""
            for outcome in DescriptionReader(vocabulary: ruleSet.vocabulary).read(source) {
                switch outcome {
                case .description(let description): text += reporter.add(.evaluated(evaluator.evaluate(description)), context)
                case .failure(let path, let id, let diagnostics): text += reporter.add(.failed(source: path, id: id, diagnostics: diagnostics), context)
                }
            }
            return text
        }
        let expected = rendered(original)
        #expect(expected.contains("\"verdict\":\"violation\""))
        #expect(rendered(replica) == expected)
    }

    @Test("the kits of a two-job batch: the batch's own, then one replica for a long run, then the own kit lent")
    func kitPool() throws {
        let ruleSet = try RealRules.ruleSet().withPatternAutomata()
        let pool = BatchEvaluator.KitPool(evaluator: Evaluator(ruleSet: ruleSet, asOf: Self.day), jobs: 2,
                                          renderers: JSONLines.preparation)
        let first = pool.take(long: true)
        #expect(first.owned && first.kit.evaluator.ruleSet.rules[0] === ruleSet.rules[0])
        // a short run shares the batch's own kit rather than paying for a replica
        let short = pool.take(long: false)
        #expect(!short.owned && short.kit.evaluator.ruleSet.rules[0] === ruleSet.rules[0])
        let second = pool.take(long: true)
        #expect(second.owned && second.kit.evaluator.ruleSet.rules[0] !== ruleSet.rules[0])
        #expect(second.kit.makeRenderer != nil)
        // no more replicas than jobs beyond the first
        let third = pool.take(long: true)
        #expect(!third.owned && third.kit.evaluator.ruleSet.rules[0] === ruleSet.rules[0])
        pool.give(second.kit)
        let again = pool.take(long: true)
        #expect(again.owned && again.kit.evaluator.ruleSet.rules[0] === second.kit.evaluator.ruleSet.rules[0])
    }

    @Test("a long batch on two jobs renders the same bytes as on one, with or without the items kept", arguments: [false, true])
    func sameBytes(_ keepItems: Bool) throws {
        let ruleSet = try RealRules.ruleSet().withPatternAutomata()
        var generator = GeneratedActivities(seed: 5)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("neutraal-replicas-\(UUID().uuidString).jsonl")
        try (generator.lines(1_200).joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        func output(jobs: Int) -> (text: String, items: Int) {
            let batch = BatchEvaluator(evaluator: Evaluator(ruleSet: ruleSet, asOf: Self.day), jobs: jobs, chunkSize: 4_096)
            var text = ""
            var items = 0
            batch.run([.file(file.path)], standardInput: { _ in [] }, renderers: JSONLines.preparation, keepItems: keepItems) { result in
                text += String(decoding: result.rendered?.bytes ?? [], as: UTF8.self)
                items += result.items.count
            }
            return (text, items)
        }
        let one = output(jobs: 1)
        let two = output(jobs: 2)
        #expect(one.text.split(separator: "\n").count == 1_200)
        #expect(two.text == one.text)
        #expect(two.items == (keepItems ? 1_200 : 0))
    }
}
