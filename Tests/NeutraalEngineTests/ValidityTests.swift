import Foundation
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

    @Test("the rules not in force on a description's date are named in the text and JSON reports, not passed over in silence")
    func notInForceReported() throws {
        let ruleSet = try Fixture.ruleSet()
        // a meeting about policy on 2018-06-01: VAL-OLD is silent, VAL-NEW not yet in force
        let evaluation = try Fixture.evaluate("kind: meeting\ntopic: beleid\ndate: 2018-06-01")
        #expect(evaluation.firedRules.isEmpty)
        for language in [Language.dutch, .english] {
            var text = TextReporter()
            let context = ReportContext(ruleSet: ruleSet, language: language, detailed: true)
            let shown = text.add(.evaluated(evaluation), context)
            let expected = language == .dutch ? "niet toegepast, want op 2018-06-01 (nog) niet van kracht: VAL-NEW"
                                              : "not applied, not (yet) in force on 2018-06-01: VAL-NEW"
            #expect(shown.contains(expected), "\(shown)")
            #expect(!shown.contains("geen regel is van toepassing;") && !shown.contains("no rule applies;"), "\(shown)")
        }
        var json = JSONReporter()
        let line = json.add(.evaluated(evaluation), ReportContext(ruleSet: ruleSet, language: .dutch, detailed: true))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["notInForce"] as? [String] == ["VAL-NEW"])
        // a description all of whose rules are in force has no such member
        let later = try Fixture.evaluate("kind: meeting\ntopic: beleid\ndate: 2020-06-01")
        var again = JSONReporter()
        let laterLine = again.add(.evaluated(later), ReportContext(ruleSet: ruleSet, language: .dutch, detailed: true))
        #expect(later.notInForce == ["VAL-OLD"])
        let earliest = try Fixture.evaluate("kind: post\ndate: 2018-06-01")
        var third = JSONReporter()
        let postLine = third.add(.evaluated(earliest), ReportContext(ruleSet: ruleSet, language: .dutch, detailed: true))
        #expect(laterLine.contains(#""notInForce":["VAL-OLD"]"#))
        #expect(!postLine.contains("notInForce"), "\(postLine)")
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
