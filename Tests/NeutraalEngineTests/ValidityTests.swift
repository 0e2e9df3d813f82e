import Testing
@testable import NeutraalEngine

/// `valid from` / `valid until`: a description is judged by the rules in force on its date.
@Suite("Validity periods")
struct ValidityTests {
    struct DatedCase: CustomTestStringConvertible, Sendable {
        let date: String
        let inForce: String
        let notInForce: String
        var testDescription: String { "a meeting on \(date) is judged by \(inForce)" }
    }

    static let dated: [DatedCase] = [
        DatedCase(date: "2018-06-01", inForce: "VAL-OLD", notInForce: "VAL-NEW"),
        DatedCase(date: "2019-03-31", inForce: "VAL-OLD", notInForce: "VAL-NEW"),
        DatedCase(date: "2019-04-01", inForce: "VAL-NEW", notInForce: "VAL-OLD"),
        DatedCase(date: "2024-01-01", inForce: "VAL-NEW", notInForce: "VAL-OLD"),
    ]

    @Test(arguments: dated)
    func datedDescription(_ example: DatedCase) throws {
        let evaluation = try Fixture.evaluate("kind: meeting\ntopic: campagne\ndate: \(example.date)")
        #expect(evaluation.firedRules == [example.inForce])
        #expect(evaluation.notInForce == [example.notInForce])
        #expect(evaluation.dated)
        #expect(evaluation.day == CivilDate.parse(example.date))
    }

    @Test("the same facts dated before and after the revision get different verdicts")
    func differentVerdicts() throws {
        let before = try Fixture.evaluate("kind: meeting\ntopic: campaign\ndate: 2018-01-01")
        let after = try Fixture.evaluate("kind: meeting\ntopic: campaign\ndate: 2020-01-01")
        #expect(before.verdict == .advisory)
        #expect(after.verdict == .violation)
    }

    @Test("an undated description is judged by the rules in force on the evaluator's day, and says so")
    func undated() throws {
        let old = try Fixture.evaluate("kind: meeting\ntopic: campaign", asOf: try #require(CivilDate.parse("2019-01-15")))
        let new = try Fixture.evaluate("kind: meeting\ntopic: campaign", asOf: try #require(CivilDate.parse("2019-04-01")))
        #expect(old.firedRules == ["VAL-OLD"])
        #expect(new.firedRules == ["VAL-NEW"])
        #expect(!old.dated)
        #expect(old.day == CivilDate.parse("2019-01-15"))
    }
}
