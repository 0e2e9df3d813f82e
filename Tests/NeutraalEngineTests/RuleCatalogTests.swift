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

    @Test("`explain` writes a period with only an end day as `in force: until DAY`")
    func periodWithOnlyAnEnd() throws {
        let rule = LoaderErrorTests.rule(extra: ["  valid until: 2030-12-31"])
            .replacingOccurrences(of: "    kind: post\n", with: "    kind: post\n    date: 2024-01-01\n")
        let ruleSet = try RuleSetLoader().load(sources: [SourceText(path: "fixture.schema", text: Fixture.schema),
                                                         SourceText(path: "prelude.rules", text: LoaderErrorTests.prelude),
                                                         SourceText(path: "until.rules", text: rule)])
        let described = try #require(ruleSet.rule("R-1").map { RuleCatalog.describe($0, ruleSet) })
        #expect(described.contains("\n  in force: until 2030-12-31\n"), "\(described)")
    }
}
