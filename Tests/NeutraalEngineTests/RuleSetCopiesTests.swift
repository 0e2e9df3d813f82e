import Foundation
import Testing
@testable import NeutraalEngine

/// Copies of a rule set (one per worker thread of a large batch, so that the workers do not count
/// references on the same objects): equal in everything a user sees, sharing no object; and a batch judged
/// with them renders the very bytes of a batch judged with one rule set.
@Suite("Rule set copies")
struct RuleSetCopiesTests {
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

    /// Three copies of the real rule set, with pattern automata.
    static func copies() throws -> [RuleSet] {
        try RuleSetLoader().load(folder: PackageRoot.path() + "/Rules", copies: 3, patternAutomata: true)
    }

    @Test("copies have the same version and rules, and share no rule, reader, source or program")
    func shareNothing() throws {
        let copies = try Self.copies()
        #expect(copies.count == 3)
        let original = copies[0]
        for copy in copies.dropFirst() {
            #expect(copy.version == original.version)
            #expect(copy.rules.map(\.id) == original.rules.map(\.id))
            for (mine, theirs) in zip(original.rules, copy.rules) {
                #expect(mine !== theirs, "rule \(mine.id) is shared")
            }
            #expect(copy.vocabulary.directReader !== original.vocabulary.directReader)
            // the arrays the evaluator reads for every description are buffers of their own
            original.program.withView { mine in copy.program.withView { theirs in
                #expect(mine.nodes.baseAddress != theirs.nodes.baseAddress)
            } }
        }
        #expect(original.rules.count > 40)
        #expect(original.version == (try RealRules.ruleSet()).version, "a copy is the rule set `load(folder:)` gives")
    }

    @Test("copies of a broken rule set fail with the diagnostics of one load")
    func brokenCopies() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neutraal-copies-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "enum kind\n  values: post\nrule X-1 \"t\"\n  bogus: 1\n".write(to: folder.appendingPathComponent("a.rules"), atomically: true, encoding: .utf8)
        var once: [String] = []
        do { _ = try RuleSetLoader().load(folder: folder.path) } catch let list as DiagnosticList { once = list.diagnostics.map(\.description) }
        #expect(!once.isEmpty)
        #expect(throws: DiagnosticList.self) { try RuleSetLoader().load(folder: folder.path, copies: 2) }
        do { _ = try RuleSetLoader().load(folder: folder.path, copies: 2) } catch let list as DiagnosticList {
            #expect(list.diagnostics.map(\.description) == once)
        }
    }

    @Test("a copy judges every generated record exactly as the first does")
    func sameJudgements() throws {
        let copies = try Self.copies()
        let (first, third) = (copies[0], copies[2])
        let expected = Self.rendered(first)
        #expect(expected.contains("\"verdict\":\"violation\""))
        #expect(Self.rendered(third) == expected)
    }

    @Test("a rule set loaded with its pattern automata is the one given them after loading")
    func automataAtLoad() throws {
        let given = try RealRules.ruleSet().withPatternAutomata()
        let loaded = try #require(try RuleSetLoader().load(folder: PackageRoot.path() + "/Rules", copies: 1, patternAutomata: true).first)
        #expect(loaded.patterns.allSatisfy(\.hasAutomaton) && loaded.patterns.contains { $0.literalBit != 0 })
        #expect(loaded.patterns.map(\.automaton) == given.patterns.map(\.automaton))
        #expect(loaded.patterns.map(\.automatonGroup) == given.patterns.map(\.automatonGroup))
        #expect(loaded.patterns.map(\.literalBit) == given.patterns.map(\.literalBit))
        #expect(Self.rendered(loaded) == Self.rendered(given))
    }

    /// 400 generated records judged with `ruleSet`, as JSON Lines.
    static func rendered(_ ruleSet: RuleSet) -> String {
        var generator = GeneratedActivities(seed: 11)
        let source = SourceText(path: "batch.jsonl", bytes: Array((generator.lines(400).joined(separator: "\n") + "\n").utf8))
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

    @Test("the kits of a batch: its own first, then its copies, then its own lent when none is free")
    func kitPool() throws {
        let copies = try Self.copies()
        let evaluators = copies.map { Evaluator(ruleSet: $0, asOf: Self.day) }
        let pool = BatchEvaluator.KitPool(evaluator: evaluators[0], copies: Array(evaluators.dropFirst()),
                                          renderers: JSONLines.preparation)
        var taken: [BatchEvaluator.Kit] = []
        for expected in copies {
            let (kit, owned) = pool.take()
            #expect(owned && kit.evaluator.ruleSet.rules[0] === expected.rules[0])
            #expect(kit.makeRenderer != nil)
            taken.append(kit)
        }
        let lent = pool.take()
        #expect(!lent.owned && lent.kit.evaluator.ruleSet.rules[0] === copies[0].rules[0])
        pool.give(taken[1])
        let again = pool.take()
        #expect(again.owned && again.kit.evaluator.ruleSet.rules[0] === copies[1].rules[0])
    }

    @Test("a batch on two jobs with a copy each renders the same bytes as on one job, with or without the items kept",
          arguments: [false, true])
    func sameBytes(_ keepItems: Bool) throws {
        let copies = try Self.copies()
        let ruleSet = copies[0]
        var generator = GeneratedActivities(seed: 5)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("neutraal-copies-\(UUID().uuidString).jsonl")
        try (generator.lines(1_200).joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        func output(jobs: Int) -> (text: String, items: Int) {
            let batch = BatchEvaluator(evaluator: Evaluator(ruleSet: ruleSet, asOf: Self.day), jobs: jobs, chunkSize: 4_096,
                                       copies: jobs == 1 ? [] : [Evaluator(ruleSet: copies[1], asOf: Self.day)])
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
