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

    @Test("JSON: one reporter writes each description's own source and rule set version, whatever it wrote before")
    func jsonSourcesAndVersions() throws {
        let fixture = try Fixture.ruleSet()
        let real = try RealRules.ruleSet()
        #expect(fixture.version != real.version)
        let post = "---\nkind: post\n---\nText.\n"
        // two sources of the same path (the reporter keeps the quoted path of the source it saw last), and others
        let sources = [SourceText(path: "a.md", text: post), SourceText(path: "b \"quoted\".md", text: post),
                       SourceText(path: "a.md", text: post), SourceText(path: "c.md", text: post)]
        var reporter = JSONReporter()
        var seen: [(source: String, version: String)] = []
        for (index, source) in (sources + sources.reversed()).enumerated() {
            let ruleSet = index % 3 == 1 ? real : fixture
            let description = try Fixture.description(source, in: ruleSet)
            let evaluation = Evaluator(ruleSet: ruleSet, asOf: Fixture.today).evaluate(description)
            let context = ReportContext(ruleSet: ruleSet, language: .english)
            let output = reporter.add(.evaluated(evaluation), context)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
            seen.append((try #require(object["source"] as? String), try #require(object["rulesetVersion"] as? String)))
            #expect(seen[index].source == source.path, "item \(index)")
            #expect(seen[index].version == ruleSet.version, "item \(index)")
        }
        #expect(Set(seen.map(\.source)).count == 3)
    }

    @Test("JSON: a record's id written as JSONWriter quotes it, short or long, plain or with characters to escape")
    func jsonIDs() throws {
        let ruleSet = try RealRules.ruleSet()
        let context = ReportContext(ruleSet: ruleSet, language: .english)
        let reader = DescriptionReader(vocabulary: ruleSet.vocabulary)
        let ids = ["a", "act-1", "sixteen-bytes-id", "seventeen-bytes-id", "a \"quoted\" id", "<b>&", "één", "tab\there",
                   String(repeating: "x", count: 40)]
        let lines = ids.map { id in
            #"{"id":\#(JSONWriter.quote(id)),"kind":"post","actor":{"role":"minister","ministry":"OCW"},"text":"x","date":"2023-12-04"}"#
        }
        let source = SourceText(path: "ids.jsonl", text: lines.joined(separator: "\n") + "\n")
        var reporter = JSONReporter()
        for (index, outcome) in reader.read(source).enumerated() {
            guard case .description(let description) = outcome else {
                Issue.record("record \(index) not read")
                continue
            }
            let output = reporter.add(.evaluated(Evaluator(ruleSet: ruleSet, asOf: Fixture.today).evaluate(description)), context)
            #expect(output.hasPrefix("{\"id\":" + JSONWriter.quote(ids[index]) + ",\"source\":"), "\(ids[index])")
        }
    }

    @Test("JSON: one reporter writes each description's own derived facts, however often the same ones came before")
    func jsonContextsInTurn() throws {
        let ruleSet = try RealRules.ruleSet()
        let context = ReportContext(ruleSet: ruleSet, language: .english)
        // dates in three election periods, one outside every period, and none, repeated and alternated
        let dates: [(date: String?, period: String?)] = [
            ("2023-11-01", "Tweede Kamerverkiezing 2023"), ("2023-11-02", "Tweede Kamerverkiezing 2023"),
            ("2021-02-10", "Tweede Kamerverkiezing 2021"), ("2020-01-01", nil),
            ("2021-03-01", "Tweede Kamerverkiezing 2021"), ("2023-10-20", "Tweede Kamerverkiezing 2023"),
            (nil, nil), ("2022-02-01", "Gemeenteraadsverkiezingen 2022"), ("2022-03-01", "Gemeenteraadsverkiezingen 2022"),
            ("2023-11-22", "Tweede Kamerverkiezing 2023"),
        ]
        var shared = JSONReporter()
        for (index, item) in dates.enumerated() {
            let header = "kind: post\npostedBy: minister\naccount.variant: hybrid" + (item.date.map { "\ndate: \($0)" } ?? "")
            let source = SourceText(path: "post-\(index).md", text: "---\n\(header)\n---\nText.\n")
            let evaluation = Evaluator(ruleSet: ruleSet, asOf: Fixture.today).evaluate(try Fixture.description(source, in: ruleSet))
            var fresh = JSONReporter()
            let output = shared.add(.evaluated(evaluation), context)
            #expect(output == fresh.add(.evaluated(evaluation), context), "item \(index)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
            let shown = (object["context"] as? [String: Any])?["electionPeriod"] as? String
            #expect(shown == item.period, "item \(index)")
        }
    }

    @Test("markdown: in Dutch an unreadable description is a `fout` and a finding's status is in Dutch; in English as before")
    func markdownLanguage() throws {
        let ruleSet = try Fixture.ruleSet()
        let evaluation = try Fixture.evaluate("kind: post\npostedBy: civil-servant\ndate: 2021-01-01", text: "Stem op ons")
        let broken = ReportItem.failed(source: "b.md", id: "b.md", diagnostics: [Diagnostic("input.empty", "the file is empty", at: nil)])
        func table(_ language: Language) -> String {
            var reporter = MarkdownReporter()
            let context = ReportContext(ruleSet: ruleSet, language: language, detailed: true)
            _ = reporter.add(.evaluated(evaluation), context)
            _ = reporter.add(broken, context)
            var summary = Summary()
            summary.add(.evaluated(evaluation))
            summary.add(broken)
            return reporter.finish(summary, context)
        }
        let dutch = table(.dutch)
        #expect(dutch.contains("| b.md | fout | input.empty |"), "\(dutch)")
        #expect(dutch.contains("| onbepaald | T-IS |"), "\(dutch)")
        #expect(!dutch.contains("undetermined") && !dutch.contains("| error |"))
        let english = table(.english)
        #expect(english.contains("| b.md | error | input.empty |"))
        #expect(english.contains("| undetermined | T-IS |"), "\(english)")
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

    @Test("text: a line break or tab in the evidence and its context reads as a space, not as a \\u{a} escape")
    func textExcerptLineBreaks() throws {
        let output = try Self.report(TextReporter(), "kind: post\npostedBy: minister\ndate: 2023-11-15", text: "Nog een week!\r\nStem\top ons\n\nTot dan.")
        #expect(output.contains("«Stem op» [14–21]"), "\(output)")
        #expect(output.contains("> Nog een week! «Stem op» ons  Tot dan.\n"), "\(output)")
        #expect(!output.contains("\\u{"), "\(output)")
        #expect("a\r\nb\rc\td\ne".replacingNewlines() == "a b c d e")
    }

    @Test("text: words found in a text of a list's element are shown in their context, as in the description's own text")
    func textExcerptInElement() throws {
        let rules = #"""
        source S
          title: "Bron"
          date: 2021

        lexicon calls
          entries:
            "stem op"

        rule EL-1 "Oproep in een passage"
          source: S, "p. 1"
          applies to: speech
          when: some sections where (text mentions calls)
          verdict: advisory
          message nl: "Oproep: {match}."
          message en: "Call: {match}."
          example fires "oproep":
            kind: speech
            sections: [{"text": "Stem op ons"}]
          example silent "geen oproep":
            kind: speech
            sections: [{"text": "Dank u wel"}]
        """#
        let ruleSet = try RuleSetLoader().load(sources: [SourceText(path: "fixture.schema", text: Fixture.schema),
                                                         SourceText(path: "element.rules", text: rules)])
        let header = "kind: speech\n" + #"sections: [{"content": "policy", "text": "Tot slot: stem op ons."}]"#
        let evaluation = Evaluator(ruleSet: ruleSet, asOf: Fixture.today).evaluate(try Fixture.post(header, in: ruleSet))
        var reporter = TextReporter()
        let context = ReportContext(ruleSet: ruleSet, language: .english, detailed: true)
        let output = reporter.begin(context) + reporter.add(.evaluated(evaluation), context)
        #expect(output.contains("evidence: sections[1].text: «stem op» [10–17] (3:34)\n      > Tot slot: «stem op» ons.\n"), "\(output)")
        #expect(!output.contains("\n      \n"), "an empty line of context: \(output)")
    }
}
