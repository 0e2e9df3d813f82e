import Foundation
import Testing
@testable import NeutraalEngine

/// The flat condition program (the first pass over every description) against the condition tree (the
/// reference, which also collects evidence): the same outcome for every rule on every description.
@Suite("Condition program")
struct ConditionProgramTests {
    /// Every rule of `ruleSet` on `description`, both ways; returns the rules where the outcomes differ.
    static func differences(_ description: Description, _ ruleSet: RuleSet) -> [String] {
        let evaluator = Evaluator(ruleSet: ruleSet, asOf: CivilDate.parse("2024-06-01") ?? 0)
        var differences: [String] = []
        for rule in ruleSet.rules {
            var treeScope = Evaluator.Scope(record: description.record, layout: 0, prefix: "")
            var programScope = Evaluator.Scope(record: description.record, layout: 0, prefix: "")
            let tree = evaluator.evaluate(rule.condition, &treeScope, trace: nil)
            let program = evaluator.quickOutcome(of: rule, &programScope)
            if tree != program { differences.append("\(description.id) \(rule.id): tree \(tree), program \(program)") }
        }
        return differences
    }

    @Test("the program and the tree agree on every rule", arguments: EvaluationCorpus.allCases)
    func agreement(_ corpus: EvaluationCorpus) throws {
        let (ruleSet, descriptions) = try corpus.load()
        #expect(descriptions.count > corpus.leastCount)
        let differences = descriptions.flatMap { Self.differences($0, ruleSet) }
        #expect(differences.isEmpty, "\(differences.prefix(10))")
    }

    @Test("tests of enumeration values become bit masks, other tests stay tests")
    func masks() throws {
        let ruleSet = try Fixture.ruleSet()
        let program = ruleSet.program
        #expect(program.roots.count == ruleSet.rules.count)
        #expect(program.nodes.contains { $0.operation == .symbolIn })
        #expect(program.nodes.contains { $0.operation == .test })
    }

    @Test("presence and truth-value tests become plain nodes, and bodies of quantifiers that search no text are marked")
    func valueNodes() throws {
        let program = try RealRules.ruleSet().program
        #expect(program.nodes.contains { $0.operation == .boolIs })
        #expect(program.nodes.contains { $0.operation == .present })
        let quantified = program.nodes.filter { [.some, .every, .no].contains($0.operation) }
        #expect(quantified.contains { $0.bodyReadsOnlyValues })
        #expect(!program.tests.contains {
            switch $0.operation {
            case .present, .missing, .equals(.bool), .notEquals(.bool): return true
            default: return false
            }
        })
    }
}
