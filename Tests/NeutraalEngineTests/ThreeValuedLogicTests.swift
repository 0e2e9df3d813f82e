import Testing
@testable import NeutraalEngine

/// Missing facts: unknown (the default), `when absent: false` and `when absent: empty`.
@Suite("Three-valued logic")
struct ThreeValuedLogicTests {
    @Test("a missing fact gives an undetermined finding that names the fact")
    func missingFactIsNamed() throws {
        let evaluation = try Fixture.evaluate("kind: post\npostedBy: minister")
        let finding = try #require(evaluation.finding("T-IS"))
        #expect(finding.status == .undetermined)
        #expect(finding.missing == ["account.variant"])
        #expect(finding.effectiveVerdict == .advisory)
    }

    @Test("a missing fact inside an element of a list is named with the element's number")
    func missingFactInElement() throws {
        let evaluation = try Fixture.evaluate(#"kind: speech\#nsections: [{"content": "policy", "draftedBy": "minister"}, {"content": "party-political"}]"#)
        let finding = try #require(evaluation.finding("T-SOME"))
        #expect(finding.status == .undetermined)
        #expect(finding.missing == ["sections[2].draftedBy"])
    }

    @Test("an undetermined violation counts as advisory, never as a pass or a violation")
    func undeterminedCountsAsAdvisory() throws {
        let evaluation = try Fixture.evaluate("kind: speech")
        #expect(evaluation.status("T-SOME") == .undetermined)
        #expect(evaluation.finding("T-SOME")?.missing == ["sections"])
        #expect(evaluation.firedRules.isEmpty)
        #expect(evaluation.verdict == .advisory)
    }

    @Test("`when absent: false`: an undeclared flag is false, not unknown")
    func absentFalse() throws {
        let evaluation = try Fixture.evaluate("kind: post\naccount.variant: corporate")
        #expect(evaluation.status("T-NOT") == .fired)
        #expect(evaluation.status("T-AND-UNKNOWN") == .silent)
        #expect(evaluation.finding("T-AND-UNKNOWN") == nil)
    }

    @Test("`when absent: empty`: a missing text mentions nothing and a missing list includes nothing")
    func absentEmpty() throws {
        let evaluation = try Fixture.evaluate("kind: post\naccount.variant: corporate\npostedBy: minister\ndraftedBy: minister")
        for rule in ["T-MENTIONS", "T-MENTIONS-ANYWHERE", "T-MATCHES", "T-DEFINE"] {
            #expect(evaluation.finding(rule) == nil, "\(rule) must be silent, not undetermined")
        }
        let meeting = try Fixture.evaluate("kind: meeting")
        #expect(meeting.findings.allSatisfy { !$0.rule.id.hasPrefix("LV-") })
    }

    struct LogicCase: CustomTestStringConvertible, Sendable {
        let behaviour: String
        let rule: String
        let header: String
        let expected: Finding.Status
        var testDescription: String { behaviour }
    }

    static let logic: [LogicCase] = [
        LogicCase(behaviour: "false and unknown is false", rule: "T-AND-UNKNOWN", header: "kind: post", expected: .silent),
        LogicCase(behaviour: "true and unknown is unknown", rule: "T-AND-UNKNOWN", header: "kind: post\ncontent.partyPolitical: true", expected: .undetermined),
        LogicCase(behaviour: "true or unknown is true", rule: "T-OR-UNKNOWN", header: "kind: post\ncontent.partyPolitical: true", expected: .fired),
        LogicCase(behaviour: "false or unknown is unknown", rule: "T-OR-UNKNOWN", header: "kind: post", expected: .undetermined),
        LogicCase(behaviour: "not unknown is unknown", rule: "T-IS-NOT", header: "kind: post", expected: .undetermined),
        LogicCase(behaviour: "`is present` is never unknown", rule: "T-PRESENT", header: "kind: post", expected: .silent),
        LogicCase(behaviour: "`every` over a missing list is unknown", rule: "T-EVERY", header: "kind: speech", expected: .undetermined),
        LogicCase(behaviour: "a date comparison without a date is unknown", rule: "T-BEFORE", header: "kind: post", expected: .undetermined),
    ]

    @Test(arguments: logic)
    func connectives(_ example: LogicCase) throws {
        let evaluation = try Fixture.evaluate(example.header)
        #expect(evaluation.status(example.rule) == example.expected)
    }
}
