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
