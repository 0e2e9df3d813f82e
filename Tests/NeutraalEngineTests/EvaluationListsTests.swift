import Testing
@testable import NeutraalEngine

/// An evaluation keeps its rules not in force and its problems in one box made only when either list has
/// something, and a finding its missing facts only when there are some: what is read back must be the
/// lists given, empty or not, through every way an evaluation or a finding is made again.
@Suite("Rarely filled lists of evaluations and findings")
struct EvaluationListsTests {
    @Test("not in force and problems read back as given, alone or together, and kept by `replacing`")
    func evaluationLists() throws {
        let evaluation = try Fixture.evaluate("kind: meeting\ntopic: beleid\ndate: 2020-06-01")
        let problem = Diagnostic("test.problem", "a problem", at: nil)
        for (notInForce, problems) in [([String](), [Diagnostic]()), (["VAL-OLD"], []), ([], [problem]), (["VAL-OLD", "VAL-NEW"], [problem])] {
            let made = Evaluation(description: evaluation.description, verdict: evaluation.verdict, findings: evaluation.findings,
                                  day: evaluation.day, dated: evaluation.dated, context: evaluation.context,
                                  notInForce: notInForce, problems: problems)
            #expect(made.notInForce == notInForce)
            #expect(made.problems.map(\.code) == problems.map(\.code))
            let replaced = made.replacing(findings: made.findings)
            #expect(replaced.notInForce == notInForce)
            #expect(replaced.problems.map(\.code) == problems.map(\.code))
            let cleared = made.replacing(findings: made.findings, problems: [])
            #expect(cleared.notInForce == notInForce && cleared.problems.isEmpty)
        }
    }

    @Test("a finding's missing facts read back as given, and are kept with another status")
    func findingMissing() throws {
        let rule = try #require(Fixture.ruleSet().rules.first)
        for missing in [[], ["topic"], ["topic", "date"]] {
            let finding = Finding(rule: rule, status: .undetermined, evidenceList: .empty, missing: missing, explanation: nil)
            #expect(finding.missing == missing)
            #expect(finding.with(status: .silent).missing == missing)
            let collected = Finding(rule: rule, status: .undetermined, evidenceList: .empty,
                                    missingFacts: missing.isEmpty ? nil : missing, explanation: nil)
            #expect(collected.missing == missing)
        }
    }
}
