import Testing
@testable import NeutraalEngine

/// The generated catalog shows a rule as completely as `neutraal explain` does, in both languages.
@Suite("The rule catalog")
struct RuleCatalogTests {
    @Test("a judgement rule's catalog entry says what to weigh in Dutch and in English")
    func weighInBothLanguages() throws {
        let ruleSet = try RealRules.ruleSet()
        let markdown = RuleCatalog.markdown(ruleSet)
        let judgements = ruleSet.rules.filter { $0.verdict == .judgement }
        #expect(!judgements.isEmpty)
        for rule in judgements {
            guard let weighNL = rule.weighNL, let weighEN = rule.weighEN else { continue }
            #expect(markdown.contains("- weigh nl: \(weighNL)\n"), "\(rule.id)")
            #expect(markdown.contains("- weigh en: \(weighEN)\n"), "\(rule.id)")
        }
    }
}
