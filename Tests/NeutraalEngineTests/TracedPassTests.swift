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
            var programScope = Evaluator.Scope(record: description.record, layout: 0, prefix: "", source: description.source)
            let program = evaluator.quickOutcome(of: rule, &programScope)
            for explains in [false, true] {
                var scope = Evaluator.Scope(record: description.record, layout: 0, prefix: "", source: description.source)
                var trace = Evaluator.Trace(explains: explains)
                let traced = evaluator.evaluate(rule.condition, &scope, &trace)
                if traced != program { differences.append("\(description.id) \(rule.id) explains \(explains): traced \(traced), program \(program)") }
                if traced == .false, !trace.evidence.isEmpty { differences.append("\(description.id) \(rule.id): evidence for a false outcome") }
            }
        }
        return differences
    }

    @Test("the traced pass and the program agree on every rule for every sample and rule example")
    func samplesAndExamples() throws {
        let ruleSet = try RealRules.ruleSet()
        let descriptions = ruleSet.rules.flatMap { $0.examples.compactMap(\.description) }
            + (try RuleSetPropertiesTests.samples(ruleSet))
        let differences = descriptions.flatMap { Self.differences($0, ruleSet) }
        #expect(differences.isEmpty, "\(differences.prefix(10))")
    }

    @Test("the traced pass and the program agree on every construct of the language (the fixture rule set's examples)")
    func everyConstruct() throws {
        let ruleSet = try Fixture.ruleSet()
        let descriptions = ruleSet.rules.flatMap { $0.examples.compactMap(\.description) }
        let differences = descriptions.flatMap { Self.differences($0, ruleSet) }
        #expect(differences.isEmpty, "\(differences.prefix(10))")
    }

    @Test("the traced pass and the program agree on every rule for a generated batch")
    func generatedBatch() throws {
        let ruleSet = try RealRules.ruleSet()
        let descriptions = GeneratedActivities.descriptions(1_000, seed: 11, ruleSet)
        #expect(descriptions.count > 900)
        let differences = descriptions.flatMap { Self.differences($0, ruleSet) }
        #expect(differences.isEmpty, "\(differences.prefix(10))")
    }
}
