import Foundation
import Testing
@testable import NeutraalEngine

/// The text and JSON reporters as pure functions from results to text.
@Suite("Reporters")
struct ReporterTests {
    static func report(_ reporter: some Reporter, _ header: String, text: String? = nil, language: Language = .english) throws -> String {
        var reporter = reporter
        let ruleSet = try Fixture.ruleSet()
        let evaluation = try Fixture.evaluate(header, text: text)
        let context = ReportContext(ruleSet: ruleSet, language: language, detailed: true)
        return reporter.begin(context) + reporter.add(.evaluated(evaluation), context)
    }

    @Test("JSON: an overridden finding names the rule that set it aside; an undetermined one names the missing facts")
    func jsonStatuses() throws {
        let output = try Self.report(JSONReporter(), "kind: post\npostedBy: civil-servant\ndate: 2021-01-01", text: "Stem op ons")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let general = try #require(findings.first { $0["rule"] as? String == "EX-GENERAL" })
        #expect(general["status"] as? String == "overridden")
        #expect(general["overriddenBy"] as? String == "EX-SPECIFIC")
        let undetermined = try #require(findings.first { $0["rule"] as? String == "T-IS" })
        #expect(undetermined["status"] as? String == "undetermined")
        #expect(undetermined["missing"] as? [String] == ["account.variant"])
        #expect(object["verdict"] as? String == "violation")
        #expect(object["dated"] as? Bool == true)
    }

    @Test("JSON: a citation carries the document, its date, the locator and the source that quotes it")
    func jsonCitation() throws {
        let output = try Self.report(JSONReporter(), "kind: post", text: "Kom ook! #D66")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let define = try #require(findings.first { $0["rule"] as? String == "T-DEFINE" })
        let citation = try #require(define["citation"] as? [String: Any])
        #expect(citation["document"] as? String == "Notitie die in het handboek staat")
        #expect(citation["date"] as? String == "2021-03")
        #expect(citation["locator"] as? String == "§ 2")
        #expect(citation["quotedIn"] as? String == "Handboek voor de test")
    }

    @Test("text: a judgement finding shows what the minister weighs")
    func textWeigh() throws {
        let output = try Self.report(TextReporter(), "kind: meeting\ntopic: policy\nlevels: judgement")
        #expect(output.contains("post.md:4:1: judgement: Judgement. [LV-JUDGEMENT]\n"), "\(output)")
        #expect(output.contains("to weigh: Weigh it."))
        #expect(output.contains("source: Handboek voor de test (2021-09-24), Kamerstuk 1, nr. 2, p. 13"))
    }

    @Test("text: the derived election period is shown as context")
    func textContext() throws {
        let output = try Self.report(TextReporter(), "kind: post\ndate: 2023-11-01\npostedBy: minister\naccount.variant: hybrid", language: .dutch)
        #expect(output.contains("context: electionPeriod = Tweede Kamerverkiezing 2023"))
    }
}
