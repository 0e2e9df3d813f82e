import Testing
@testable import NeutraalEngine

/// `overrides` (in principle X, unless Y) and the order of verdicts.
@Suite("Exceptions and verdicts")
struct ExceptionTests {
    @Test("a specific violation sets the general allowed rule aside; the set-aside finding is still shown")
    func specificRuleOverrides() throws {
        let evaluation = try Fixture.evaluate("kind: post\npostedBy: civil-servant", text: "Stem op ons!")
        #expect(evaluation.status("EX-SPECIFIC") == .fired)
        #expect(evaluation.status("EX-GENERAL") == .overridden(by: "EX-SPECIFIC"))
        #expect(evaluation.finding("EX-GENERAL")?.effectiveVerdict == nil)
        #expect(evaluation.verdict == .violation)
    }

    @Test("when the specific rule does not fire, the general rule stands")
    func generalRuleStands() throws {
        let evaluation = try Fixture.evaluate("kind: post\npostedBy: civil-servant", text: "Vandaag een school bezocht.")
        #expect(evaluation.status("EX-GENERAL") == .fired)
        #expect(evaluation.finding("EX-SPECIFIC") == nil)
        #expect(evaluation.verdict != .violation)
    }

    @Test("an override only sets aside a rule that fired for the same description")
    func overrideNeedsTheGeneralRuleToFire() throws {
        let evaluation = try Fixture.evaluate("kind: post\npostedBy: minister\ncontent.partyPolitical: true")
        #expect(evaluation.finding("EX-GENERAL") == nil)
        #expect(evaluation.finding("EX-SPECIFIC") == nil)
    }

    /// Rules of the fixture's meetings that set each other aside in a chain: B overrides A, C (found before
    /// B) overrides B, and D overrides A too; all four fire on any meeting with levels.
    static let chain = #"""
    rule CH-A "A"
      source: HANDBOEK, "p. 1"
      applies to: meeting
      when: levels is present
      verdict: allowed
      message nl: "A."
      message en: "A."
      example overridden "with levels":
        kind: meeting
        levels: advisory
      example silent "without":
        kind: meeting

    rule CH-C "C"
      source: HANDBOEK, "p. 1"
      applies to: meeting
      overrides: CH-B
      when: levels is present
      verdict: violation
      message nl: "C."
      message en: "C."
      example fires "with levels":
        kind: meeting
        levels: advisory
      example silent "without":
        kind: meeting

    rule CH-B "B"
      source: HANDBOEK, "p. 1"
      applies to: meeting
      overrides: CH-A
      when: levels is present
      verdict: advisory
      message nl: "B."
      message en: "B."
      example overridden "with levels":
        kind: meeting
        levels: advisory
      example silent "without":
        kind: meeting

    rule CH-D "D"
      source: HANDBOEK, "p. 1"
      applies to: meeting
      overrides: CH-A
      when: levels is present
      verdict: violation
      message nl: "D."
      message en: "D."
      example fires "with levels":
        kind: meeting
        levels: advisory
      example silent "without":
        kind: meeting
    """#

    @Test("an exception set aside by another still sets aside what it overrides, and a rule set aside twice names the first exception")
    func chainOfExceptions() throws {
        let ruleSet = try RuleSetLoader().load(sources: Fixture.sources + [SourceText(path: "chain.rules", text: Self.chain)])
        let evaluation = Evaluator(ruleSet: ruleSet, asOf: Fixture.today).evaluate(try Fixture.post("kind: meeting\nlevels: advisory", in: ruleSet))
        #expect(evaluation.status("CH-A") == .overridden(by: "CH-B"))
        #expect(evaluation.status("CH-B") == .overridden(by: "CH-C"))
        #expect(evaluation.status("CH-C") == .fired)
        #expect(evaluation.status("CH-D") == .fired)
    }

    @Test("statuses are equal exactly when they are the same case with equal payloads")
    func statusEquality() {
        let waiver = Waiver(rule: "R", reason: "ok", approvedBy: "A", until: 3, offset: 7)
        let other = Waiver(rule: "R", reason: "ok", approvedBy: "B", until: 3, offset: 7)
        let statuses: [Finding.Status] = [.fired, .undetermined, .silent, .baselined, .overridden(by: "X"), .overridden(by: "Y"),
                                          .waived(waiver), .waived(other)]
        for (i, a) in statuses.enumerated() {
            for (j, b) in statuses.enumerated() {
                #expect((a == b) == (i == j), "\(a) \(b)")
            }
        }
        #expect(Finding.Status.overridden(by: "X") == .overridden(by: String("X".reversed().reversed())))
        #expect(Finding.Status.waived(waiver) == .waived(Waiver(rule: "R", reason: "ok", approvedBy: "A", until: 3, offset: 7)))
    }

    struct VerdictCase: CustomTestStringConvertible, Sendable {
        let levels: String
        let expected: Verdict
        var testDescription: String { "levels [\(levels)] give \(expected.rawValue)" }
    }

    static let verdicts: [VerdictCase] = [
        VerdictCase(levels: "", expected: .allowed),
        VerdictCase(levels: "allowed", expected: .allowed),
        VerdictCase(levels: "allowed, advisory", expected: .advisory),
        VerdictCase(levels: "advisory, judgement", expected: .judgement),
        VerdictCase(levels: "judgement, allowed", expected: .judgement),
        VerdictCase(levels: "allowed, violation, advisory", expected: .violation),
        VerdictCase(levels: "violation, judgement", expected: .violation),
    ]

    @Test("the overall verdict is the most severe standing finding: violation > judgement > advisory > allowed", arguments: verdicts)
    func verdictOrder(_ example: VerdictCase) throws {
        let evaluation = try Fixture.evaluate("kind: meeting\ntopic: policy\nlevels: \(example.levels)")
        #expect(evaluation.verdict == example.expected)
    }

    @Test("findings are listed most severe first")
    func findingsOrder() throws {
        let evaluation = try Fixture.evaluate("kind: meeting\ntopic: beleid\nlevels: allowed, advisory, violation, judgement")
        #expect(evaluation.firedRules == ["LV-VIOLATION", "LV-JUDGEMENT", "LV-ADVISORY", "LV-ALLOWED"])
    }

    @Test("verdicts compare by severity and read in English or Dutch")
    func verdictWords() {
        #expect(Verdict.allowed < .advisory && Verdict.advisory < .judgement && Verdict.judgement < .violation)
        #expect(Verdict(word: "niet toegestaan") == .violation)
        #expect(Verdict(word: "Afweging") == .judgement)
        #expect(Verdict(word: "let op") == .advisory)
        #expect(Verdict(word: "toegestaan") == .allowed)
        #expect(Verdict(word: "maybe") == nil)
    }
}
