import Foundation
import Testing
@testable import NeutraalEngine

/// The traced pass (which collects evidence, and skips recording where nothing would be kept) against
/// the program: the same outcome for every rule on every description, with and without an explanation.
@Suite("Traced pass")
struct TracedPassTests {
    /// Every rule of `ruleSet` on `description`, traced and by the program; the rules where they differ.
    static func differences(_ description: Description, _ ruleSet: RuleSet) -> [String] {
        let evaluator = Evaluator(ruleSet: ruleSet, asOf: CivilDate.parse("2024-06-01") ?? 0)
        var differences: [String] = []
        for rule in ruleSet.rules {
            var programScope = Evaluator.Scope(record: description.record, layout: 0, prefix: "")
            let program = evaluator.quickOutcome(of: rule, &programScope)
            for explains in [false, true] {
                var scope = Evaluator.Scope(record: description.record, layout: 0, prefix: "")
                var trace = Evaluator.Trace(explains: explains)
                let traced = evaluator.evaluate(rule.condition, &scope, &trace)
                if traced != program { differences.append("\(description.id) \(rule.id) explains \(explains): traced \(traced), program \(program)") }
                if traced == .false, !trace.evidence.isEmpty { differences.append("\(description.id) \(rule.id): evidence for a false outcome") }
            }
        }
        return differences
    }

    @Test("the traced pass and the program agree on every rule", arguments: EvaluationCorpus.allCases)
    func agreement(_ corpus: EvaluationCorpus) throws {
        let (ruleSet, descriptions) = try corpus.load()
        #expect(descriptions.count > corpus.leastCount)
        let differences = descriptions.flatMap { Self.differences($0, ruleSet) }
        #expect(differences.isEmpty, "\(differences.prefix(10))")
    }

    /// Every rule of `ruleSet` on `description`, traced on the program and on the tree (recording, not
    /// explaining); the rules where the outcome, the evidence or the missing facts differ.
    static func programTraceDifferences(_ description: Description, _ ruleSet: RuleSet) -> [String] {
        let evaluator = Evaluator(ruleSet: ruleSet, asOf: CivilDate.parse("2024-06-01") ?? 0)
        func spelled(_ trace: Evaluator.Trace) -> [String] {
            // keys as numbers (the same rule set on both sides), texts spelled out
            func text(_ index: Int32) -> String { index >= 0 ? trace.texts[Int(index)] : "-" }
            return trace.evidence.map {
                "\($0.fact)/\(text($0.factText))=\($0.value)/\(text($0.valueText))/\(text($0.match))@\($0.offset):\($0.start)-\($0.end)"
            } + trace.missing.map { "missing \($0)" }
        }
        var differences: [String] = []
        ruleSet.program.withView { program in
            var treeScope = Evaluator.Scope(record: description.record, layout: 0, prefix: "")
            var programScope = Evaluator.Scope(record: description.record, layout: 0, prefix: "")
            for rule in ruleSet.rules {
                var treeTrace = Evaluator.Trace(explains: false)
                let tree = evaluator.evaluate(rule.condition, &treeScope, &treeTrace)
                var programTrace = Evaluator.Trace(explains: false)
                let traced = evaluator.tracedOutcome(ofRuleAt: rule.index, program, &programScope, &programTrace)
                if tree != traced || spelled(treeTrace) != spelled(programTrace) {
                    differences.append("\(description.id) \(rule.id): tree \(tree) \(spelled(treeTrace)), program \(traced) \(spelled(programTrace))")
                }
            }
        }
        return differences
    }

    @Test("the traced pass on the program records the same evidence and missing facts as on the tree, in the same order",
          arguments: EvaluationCorpus.allCases)
    func programTraceMatchesTree(_ corpus: EvaluationCorpus) throws {
        let (ruleSet, descriptions) = try corpus.load()
        #expect(descriptions.count > corpus.leastCount)
        let differences = descriptions.flatMap { Self.programTraceDifferences($0, ruleSet) }
        #expect(differences.isEmpty, "\(differences.prefix(5))")
        // the comparison sees evidence at all
        let withEvidence = descriptions.prefix(200).contains { description in
            ruleSet.program.withView { program in
                var scope = Evaluator.Scope(record: description.record, layout: 0, prefix: "")
                return ruleSet.rules.contains { rule in
                    var trace = Evaluator.Trace(explains: false)
                    _ = Evaluator(ruleSet: ruleSet).tracedOutcome(ofRuleAt: rule.index, program, &scope, &trace)
                    return !trace.evidence.isEmpty
                }
            }
        }
        #expect(withEvidence)
    }

    /// The real rule set's evaluator, the samples and a generated batch of `count`, and the JSON report of an
    /// evaluation: what the workspace tests compare.
    private static func workspaceCase(_ count: Int, seed: UInt64) throws
        -> (evaluator: Evaluator, descriptions: [Description], rendered: (Evaluation) -> [UInt8]) {
        let ruleSet = try RealRules.ruleSet()
        let context = ReportContext(ruleSet: ruleSet, language: .dutch)
        let descriptions = try RuleSetPropertiesTests.samples(ruleSet) + GeneratedActivities.descriptions(count, seed: seed, ruleSet)
        func rendered(_ evaluation: Evaluation) -> [UInt8] {
            var reporter = JSONReporter()
            var json = JSONBytes()
            reporter.add(.evaluated(evaluation), context, into: &json)
            return json.bytes
        }
        return (Evaluator(ruleSet: ruleSet, asOf: CivilDate.parse("2024-06-01") ?? 0), descriptions, rendered)
    }

    @Test("descriptions judged one after another in one workspace get the same report as each judged afresh")
    func reusedWorkspace() throws {
        let (evaluator, descriptions, rendered) = try Self.workspaceCase(1_000, seed: 13)
        var workspace = Evaluator.Workspace()
        var differing: [String] = []
        var withEvidence = 0
        var elementFacts = 0
        // the store of the findings' evidence, emptied for the next description once its findings are given back
        var stores = Set<ObjectIdentifier>()
        for description in descriptions {
            let reused = evaluator.evaluate(description, reusing: &workspace)
            stores.insert(ObjectIdentifier(workspace.evidence))
            if rendered(reused) != rendered(evaluator.evaluate(description)) { differing.append(description.id) }
            if reused.findings.contains(where: { !$0.evidence.isEmpty }) { withEvidence += 1 }
            // facts of elements of lists, whose paths the workspace spells once for the batch
            elementFacts += reused.findings.flatMap(\.evidence).filter { $0.fact.contains("[") }.count
            // given back once used, as a batch gives back each result it has rendered
            workspace.recycle(.evaluated(reused))
        }
        #expect(differing.isEmpty, "\(differing.prefix(10))")
        #expect(withEvidence > descriptions.count / 2)
        #expect(elementFacts > descriptions.count / 10)
        #expect(stores.count == 1)
    }

    @Test("speeches whose sections' texts do and do not call for votes, judged in turn in one workspace: each as judged afresh")
    func keptElementScopes() throws {
        let (evaluator, _, rendered) = try Self.workspaceCase(0, seed: 1)
        let reader = DescriptionReader(vocabulary: evaluator.ruleSet.vocabulary)
        let texts = ["Met deze wet maken we het huren betaalbaar. Word lid en help ons!", "Betaalbaar huren voor iedereen.",
                     "Stem op ons #PvdA", "", "Financiën: de begroting sluit."]
        var lines: [String] = []
        for (index, text) in (texts + texts.reversed()).enumerated() {
            let second = index % 2 == 0 ? #",{"content":"policy","draftedBy":"civil-servant","text":"\#(texts[(index + 2) % texts.count])"}"# : ""
            lines.append(#"{"id":"s\#(index)","kind":"speech","date":"2024-03-01","sections":[{"content":"policy","withinPortfolio":true,"draftedBy":"civil-servant","text":"\#(text)"}\#(second)]}"#)
        }
        let source = SourceText(path: "speeches.jsonl", text: lines.joined(separator: "\n") + "\n")
        let descriptions = reader.read(source).compactMap { outcome -> Description? in
            if case .description(let description) = outcome { return description }
            return nil
        }
        #expect(descriptions.count == lines.count)
        var workspace = Evaluator.Workspace()
        var fired = 0
        for description in descriptions {
            let reused = evaluator.evaluate(description, reusing: &workspace)
            #expect(rendered(reused) == rendered(evaluator.evaluate(description)), "\(description.id)")
            if reused.findings.contains(where: { $0.rule.id == "DONNER-06" && $0.status == .fired }) { fired += 1 }
            workspace.recycle(.evaluated(reused))
        }
        // some speeches call for votes in a section and some do not, so that a kept scope meets both
        #expect(fired > 0 && fired < descriptions.count)
    }

    @Test("one workspace used in turn with and without explanations: each evaluation as when judged afresh, explanations included")
    func workspaceWithAndWithoutExplanations() throws {
        let (evaluator, descriptions, _) = try Self.workspaceCase(200, seed: 19)
        let explaining = Evaluator(ruleSet: evaluator.ruleSet, asOf: evaluator.asOf, explain: true)
        func spelled(_ evaluation: Evaluation) -> [String] {
            evaluation.findings.map { "\($0.rule.id) \($0.statusWord) \($0.evidence) \($0.missing) \($0.explanation.map(Self.spelled) ?? "-")" }
        }
        var workspace = Evaluator.Workspace()
        var differing: [String] = []
        var explained = 0
        for (number, description) in descriptions.enumerated() {
            let judge = number % 3 == 0 ? explaining : evaluator
            let reused = judge.evaluate(description, reusing: &workspace)
            if spelled(reused) != spelled(judge.evaluate(description)) { differing.append(description.id) }
            if reused.findings.contains(where: { $0.explanation != nil }) { explained += 1 }
            #expect(reused.findings.allSatisfy { ($0.explanation != nil) == judge.explain })
            workspace.recycle(.evaluated(reused))
        }
        #expect(differing.isEmpty, "\(differing.prefix(10))")
        #expect(explained > 20)
    }

    private static func spelled(_ node: ExplainNode) -> String {
        "\(node.text)=\(node.outcome)(\(node.children.map(spelled).joined(separator: ",")))"
    }

    @Test("evaluations kept while more descriptions are judged in the same workspace keep their own findings")
    func keptEvaluations() throws {
        let (evaluator, descriptions, rendered) = try Self.workspaceCase(300, seed: 17)
        // every evaluation is kept (as a report that lists them all does) and rendered only at the end: the
        // room the workspace reuses for the next description's findings must not be theirs
        var workspace = Evaluator.Workspace()
        // each is also given back to the workspace, as a batch that keeps its results does: the lists it
        // shares with the kept evaluation must stay as they are when the workspace empties them for the next
        // the store of the findings' evidence that a kept evaluation holds is left to it: a new one is made
        var stores = Set<ObjectIdentifier>()
        let kept = descriptions.map { description in
            let evaluation = evaluator.evaluate(description, reusing: &workspace)
            stores.insert(ObjectIdentifier(workspace.evidence))
            workspace.recycle(.evaluated(evaluation))
            return evaluation
        }
        let differing = zip(descriptions, kept).filter { rendered($1) != rendered(evaluator.evaluate($0)) }.map(\.0.id)
        #expect(differing.isEmpty, "\(differing.prefix(10))")
        #expect(stores.count > descriptions.count / 2)
        #expect(kept.filter { $0.findings.count > 1 }.count > descriptions.count / 4)
    }
}
