import Testing
@testable import NeutraalEngine

/// The sets of descriptions that the evaluator's passes are compared on, rule by rule: each with the rule
/// set it is judged by, and the least number of descriptions it holds (a comparison over a set that failed
/// to load would pass on nothing).
enum EvaluationCorpus: CaseIterable, CustomTestStringConvertible, Sendable {
    /// Every sample and every rule example, judged by the real rule set.
    case samplesAndExamples
    /// The fixture rule set's examples: every construct of the language.
    case everyConstruct
    /// A generated batch of 2,000 activities, judged by the real rule set.
    case generatedBatch

    var testDescription: String {
        switch self {
        case .samplesAndExamples: return "every sample and rule example"
        case .everyConstruct: return "every construct of the language (the fixture rule set's examples)"
        case .generatedBatch: return "a generated batch"
        }
    }

    /// Fewer descriptions than this means the set did not load as it should.
    var leastCount: Int {
        switch self {
        case .samplesAndExamples: return 200
        case .everyConstruct: return 50
        case .generatedBatch: return 1_900
        }
    }

    /// The same rule set loaded once more: equal in every rule, but other objects.
    func ruleSetLoadedAgain() throws -> RuleSet {
        switch self {
        case .samplesAndExamples, .generatedBatch: return try RuleSetLoader().load(folder: PackageRoot.path() + "/Rules")
        case .everyConstruct: return try RuleSetLoader().load(sources: Fixture.sources)
        }
    }

    /// The rule set and the descriptions.
    func load() throws -> (ruleSet: RuleSet, descriptions: [Description]) {
        switch self {
        case .samplesAndExamples:
            let ruleSet = try RealRules.ruleSet()
            return (ruleSet, ruleSet.rules.flatMap { $0.examples.compactMap(\.description) } + (try RuleSetPropertiesTests.samples(ruleSet)))
        case .everyConstruct:
            let ruleSet = try Fixture.ruleSet()
            return (ruleSet, ruleSet.rules.flatMap { $0.examples.compactMap(\.description) })
        case .generatedBatch:
            let ruleSet = try RealRules.ruleSet()
            return (ruleSet, GeneratedActivities.descriptions(2_000, seed: 7, ruleSet))
        }
    }
}
