import Foundation
import Testing
@testable import NeutraalEngine

/// The real rule set and the bundled samples, judged in-process, for the HTML report tests.
private enum HTMLCase {
    static var root: String { PackageRoot.path() }

    static var loaded: Result<RuleSet, DiagnosticList> { RealRules.loaded }

    static func ruleSet() throws -> RuleSet { try loaded.get() }

    static let asOf = CivilDate.parse("2024-06-01") ?? 0

    /// Every description of `Samples/`, read and judged in path order.
    static func samples(_ ruleSet: RuleSet) throws -> [ReportItem] {
        let folder = root + "/Samples"
        let paths = (FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? [])
            .filter { path in InputCollector.extensions.contains { path.hasSuffix("." + $0) } }.sorted()
        let reader = DescriptionReader(vocabulary: ruleSet.vocabulary)
        let evaluator = Evaluator(ruleSet: ruleSet, asOf: asOf)
        var items: [ReportItem] = []
        for path in paths {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/" + path)))
            for outcome in reader.read(SourceText(path: "Samples/" + path, bytes: bytes)) {
                switch outcome {
                case .description(let description): items.append(.evaluated(evaluator.evaluate(description)))
                case .failure(let source, let id, let diagnostics): items.append(.failed(source: source, id: id, diagnostics: diagnostics))
                }
            }
        }
        return items
    }

    /// Reads and judges one JSON description.
    static func judge(_ json: String, _ ruleSet: RuleSet) -> ReportItem? {
        let outcomes = DescriptionReader(vocabulary: ruleSet.vocabulary).read(SourceText(path: "hostile.json", bytes: Array(json.utf8)))
        guard outcomes.count == 1 else { return nil }
        switch outcomes[0] {
        case .description(let description): return .evaluated(Evaluator(ruleSet: ruleSet, asOf: asOf).evaluate(description))
        case .failure(let source, let id, let diagnostics): return .failed(source: source, id: id, diagnostics: diagnostics)
        }
    }

    /// The whole page, as `lint --format html` writes it.
    static func render(_ items: [ReportItem], _ ruleSet: RuleSet, language: Language = .dutch) -> (page: String, summary: Summary) {
        let context = ReportContext(ruleSet: ruleSet, language: language)
        var reporter = HTMLReporter()
        var summary = Summary()
        var page = reporter.begin(context)
        for item in items {
            summary.add(item)
            page += reporter.add(item, context)
        }
        return (page + reporter.finish(summary, context), summary)
    }

    /// The findings in the page's JSON data block, as (description id, category, rule).
    static func data(_ page: String) throws -> [(id: String, category: String, rule: String, marks: [Int])] {
        let open = "<script type=\"application/json\" id=\"neutraal-data\">"
        let parts = page.components(separatedBy: open)
        try #require(parts.count == 2)
        let json = try #require(parts[1].components(separatedBy: "</script>").first)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        var rows: [(String, String, String, [Int])] = []
        for entry in entries {
            let id = try #require(entry["id"] as? String)
            for finding in try #require(entry["f"] as? [[String: Any]]) {
                rows.append((id, try #require(finding["v"] as? String), try #require(finding["r"] as? String), finding["m"] as? [Int] ?? []))
            }
        }
        return rows
    }
}

@Suite("The HTML report")
struct HTMLReporterTests {
    static let hostile = #"""
    {"kind": "post", "id": "<script>alert(1)</script> \" ' ]]>", "date": "2023-11-20",
     "account": {"variant": "corporate"}, "postedBy": "civil-servant", "draftedBy": "civil-servant",
     "text": "Stem op 22 november! <script>alert(1)</script> ]]> \"quoted\" 'single' \u001b[31mred\u001b[0m <b onmouseover=x>"}
    """#

    @Test("description text cannot inject markup: script tags, CDATA ends, quotes and ANSI escapes are escaped")
    func hostileTextIsEscaped() throws {
        let ruleSet = try HTMLCase.ruleSet()
        let item = try #require(HTMLCase.judge(Self.hostile, ruleSet))
        let (page, _) = HTMLCase.render([item], ruleSet)
        #expect(!page.contains("<script>alert"))
        #expect(!page.lowercased().contains("<script>alert"))
        #expect(!page.contains("<b onmouseover"))
        #expect(!page.contains("]]>"))
        #expect(!page.unicodeScalars.contains("\u{1B}"))
        // exactly the page's own three script elements: settings, data and the script
        #expect(page.components(separatedBy: "<script").count - 1 == 3)
        #expect(page.components(separatedBy: "</script>").count - 1 == 3)
        // the text is there, escaped, in the part without script and in the data
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"))
        #expect(page.contains("&quot;quoted&quot;"))
        let rows = try HTMLCase.data(page)
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.id == "<script>alert(1)</script> \" ' ]]>" })
    }

    @Test("the evidence is highlighted with <mark> at its Unicode-scalar offsets")
    func evidenceIsMarked() throws {
        #expect(HTMLReporter.highlighted("één <b> stem op mij", marks: [(8, 19)]) == "één &lt;b&gt; <mark>stem op mij</mark>")
        #expect(HTMLReporter.highlighted("abc", marks: [(1, 2), (0, 1), (2, 9)]) == "<mark>a</mark><mark>b</mark><mark>c</mark>")
        #expect(HTMLReporter.highlighted("abc", marks: [(2, 1)]) == "abc")
        let long = String(repeating: "x", count: 3000) + "MATCH" + String(repeating: "y", count: 3000)
        let (shown, shift) = HTMLReporter.excerpt(long, marks: [(3000, 3005)])
        let scalars = Array(try #require(shown).unicodeScalars)
        #expect(scalars.count <= HTMLReporter.textLimit + 2)
        #expect(String(String.UnicodeScalarView(scalars[(3000 + shift)..<(3005 + shift)])) == "MATCH")
    }

    @Test("evidence beyond the excerpt of a long text is listed as a note, not lost with the cut text")
    func evidenceOutsideTheExcerpt() throws {
        let ruleSet = try HTMLCase.ruleSet()
        let filler = String(repeating: "Vandaag sprak de minister met leraren over het lerarentekort. ", count: 60)
        let json = #"{"kind": "post", "id": "long", "date": "2023-11-20", "account": {"variant": "corporate"}, "#
            + #""postedBy": "civil-servant", "draftedBy": "civil-servant", "text": "Stem op 22 november! "#
            + filler + #"Samen sterk. #VVD"}"#
        let item = try #require(HTMLCase.judge(json, ruleSet))
        let (page, _) = HTMLCase.render([item], ruleSet)
        let open = "<script type=\"application/json\" id=\"neutraal-data\">"
        let block = try #require(page.components(separatedBy: open).last?.components(separatedBy: "</script>").first)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [[String: Any]])
        let entry = try #require(entries.first)
        let shown = try #require(entry["t"] as? String).unicodeScalars.count
        let findings = try #require(entry["f"] as? [[String: Any]])
        let fired = try #require(findings.first { $0["r"] as? String == "SOCIAL-CORP-02" })
        let marks = fired["m"] as? [Int] ?? []
        #expect(marks == [0, 19], "the call to vote at the start is still highlighted")
        #expect(marks.allSatisfy { $0 <= shown }, "every mark lies in the text shown")
        #expect((fired["n"] as? [String] ?? []).contains("text: «#VVD»"), "the hashtag past the cut is a note")
        #expect(page.contains("<li>text: «#VVD»</li>"), "and in the part without script")
    }

    @Test("a finding shows where its description is (file:line:column) when the id does not say it")
    func placeIsShown() throws {
        let ruleSet = try HTMLCase.ruleSet()
        let item = try #require(HTMLCase.judge(Self.hostile, ruleSet))
        let (page, _) = HTMLCase.render([item], ruleSet)
        // in the part without script, under the id and the date
        #expect(page.contains("<span class=\"sub\">2023-11-20</span><span class=\"sub\">hostile.json:1:1</span></td>"))
        // and in the table the script builds
        #expect(page.contains("cell(tr, d.id, d.d || \"\", place(d));"))
        // not twice when the id is the file's name
        let named = try #require(HTMLCase.judge(#"{"kind": "post", "date": "2023-11-20", "text": "x"}"#, ruleSet))
        let (plain, _) = HTMLCase.render([named], ruleSet)
        #expect(try HTMLCase.data(plain).contains { $0.id == "hostile.json" })
        #expect(!plain.contains("<span class=\"sub\">hostile.json:1:1</span>"))
        // nor for an unreadable record, whose id is `file#line`
        let broken = try #require(HTMLCase.judge(#"{"kind": "post", "id": broken}"#, ruleSet))
        let (unreadable, _) = HTMLCase.render([broken], ruleSet)
        #expect(try HTMLCase.data(unreadable).allSatisfy { $0.id.hasPrefix("hostile.json") })
        #expect(!unreadable.contains("<span class=\"sub\">hostile.json</span>"))
    }

    @Test("noncharacters in a text (U+FFFE, U+FDD0, U+1FFFE) leave the page valid: escaped in the data, replaced in the markup")
    func noncharacters() throws {
        let ruleSet = try HTMLCase.ruleSet()
        let json = #"{"kind": "post", "id": "nc", "date": "2023-11-20", "account": {"variant": "corporate"}, "#
            + #""postedBy": "civil-servant", "draftedBy": "civil-servant", "text": "Stem op 22 november! \ufffe \ufdd0 \ud83f\udffe #VVD"}"#
        let item = try #require(HTMLCase.judge(json, ruleSet))
        let (page, _) = HTMLCase.render([item], ruleSet)
        #expect(!page.unicodeScalars.contains(where: XMLEscape.isNoncharacter), "HTML forbids them anywhere in a page")
        #expect(page.contains(#"\ufffe \ufdd0 \ud83f\udffe #VVD"#), "the data keeps them as escapes")
        #expect(page.contains("\u{FFFD} \u{FFFD} \u{FFFD} <mark>#VVD</mark>"), "the part without script shows a replacement character")
        let rows = try HTMLCase.data(page)
        #expect(rows.first?.marks == [0, 19, 27, 31], "offsets still count one per character")
    }

    @Test("totals per verdict match the summary, and every finding of the samples is in the data")
    func samplesAreComplete() throws {
        let ruleSet = try HTMLCase.ruleSet()
        let items = try HTMLCase.samples(ruleSet)
        #expect(items.count > 20)
        let (page, summary) = HTMLCase.render(items, ruleSet)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        #expect(page.hasSuffix("</html>\n"))
        for verdict in Verdict.allCases {
            let card = "<span class=\"n\">\(summary.byVerdict[verdict] ?? 0)</span><span class=\"l\">\(verdict.dutch)</span>"
            #expect(page.contains(card), "no total for \(verdict)")
        }
        var expected: [String] = []
        for item in items {
            guard case .evaluated(let evaluation) = item else { continue }
            for finding in evaluation.findings {
                guard let category = HTMLCategory(finding) else { continue }
                expected.append("\(evaluation.description.id) \(category.rawValue) \(finding.rule.id)")
            }
            for problem in evaluation.problems { expected.append("\(evaluation.description.id) error \(problem.code)") }
        }
        let rows = try HTMLCase.data(page)
        #expect(rows.map { "\($0.id) \($0.category) \($0.rule)" } == expected)
        #expect(rows.contains { !$0.marks.isEmpty }, "some evidence is a stretch of text")
        #expect(page.contains("<mark>"))
        // the charts: one bar per rule with findings to act on, linked to the table's filter
        for rule in Set(rows.filter { $0.category != "error" && $0.category != "allowed" }.map(\.rule)) {
            #expect(page.contains("<a href=\"#rule=\(rule)\" aria-label=\"\(rule)"), "no bar for \(rule)")
        }
        #expect(page.contains("Tweede Kamerverkiezing 2023: 2023-10-09 – 2023-11-22"))
        // self-contained: nothing is loaded from elsewhere
        for reference in ["src=", "<link", "@import", "url("] { #expect(!page.contains(reference)) }
    }

    @Test("every finding that is not silent is in the data, as in the JSON output: those of rules that conclude `allowed` too")
    func allowedFindingsOfTheSamples() throws {
        let ruleSet = try HTMLCase.ruleSet()
        let items = try HTMLCase.samples(ruleSet)
        var expected: [String] = []
        for item in items {
            guard case .evaluated(let evaluation) = item else { continue }
            for finding in evaluation.findings {
                if case .silent = finding.status { continue }
                expected.append("\(evaluation.description.id) \(finding.rule.id)")
            }
            for problem in evaluation.problems { expected.append("\(evaluation.description.id) \(problem.code)") }
        }
        let rows = try HTMLCase.data(HTMLCase.render(items, ruleSet).page)
        #expect(rows.map { "\($0.id) \($0.rule)" } == expected)
        #expect(rows.contains { $0.category == "allowed" }, "the samples hold findings of rules that conclude `allowed`")
    }

    @Test("the card of the advisory verdict also shows the undetermined findings, which count as advisory")
    func advisoryCardShowsUndetermined() throws {
        let ruleSet = try HTMLCase.ruleSet()
        let items = try HTMLCase.samples(ruleSet)
        let (page, summary) = HTMLCase.render(items, ruleSet)
        let rows = try HTMLCase.data(page)
        #expect(rows.contains { $0.category == "undetermined" }, "the samples hold undetermined findings")
        #expect((summary.byVerdict[.advisory] ?? 0) > 0)
        #expect(page.contains("<a class=\"card c-advisory\" href=\"#verdict=advisory,undetermined\">"))
        // the script reads a list of verdicts from the address, and offers the pair in its filter
        #expect(page.contains("state.verdict.split(\",\").indexOf(r.f.v) >= 0"))
        #expect(page.contains("option(verdictSelect, \"advisory,undetermined\","))
    }

    @Test("the cards count as the text summary does: unreadable descriptions beside the verdicts, those with a waiver in error apart")
    func cardsAddUp() throws {
        let ruleSet = try HTMLCase.ruleSet()
        let unreadable = try #require(HTMLCase.judge(#"{"kind": "post", "id": broken}"#, ruleSet))
        let expired = try #require(HTMLCase.judge(#"{"kind": "post", "id": "w", "date": "2023-03-10", "account": {"variant": "hybrid"}, "#
            + #""postedBy": "political-assistant", "content": {"partyPolitical": true}, "text": "Doe mee!", "waivers": "#
            + #"[{"rule": "SOCIAL-HYB-04", "reason": "r", "approvedBy": "x", "until": "2020-01-01"}]}"#, ruleSet))
        let items = try HTMLCase.samples(ruleSet) + [unreadable, expired]
        let (page, summary) = HTMLCase.render(items, ruleSet)
        #expect(summary.unreadable == 1 && summary.invalidWaivers == 1)
        #expect(page.contains("<span class=\"n\">1</span><span class=\"l\">onleesbaar</span>"))
        #expect(page.contains("<span class=\"n\">1</span><span class=\"l\">met een ongeldige vrijstelling (ook bij hun oordeel geteld)</span>"))
        // the verdict cards and the unreadable card add up to the descriptions checked in the heading
        let judged = Verdict.allCases.map { summary.byVerdict[$0] ?? 0 }.reduce(0, +)
        #expect(page.contains("<p>\(judged + 1) beschrijvingen gecontroleerd"))
        #expect(!page.contains("<span class=\"n\">2</span><span class=\"l\">onleesbaar"))
    }

    @Test("without script, the cards lead to their verdict's group of the grouped list")
    func cardsLeadSomewhereWithoutScript() throws {
        let ruleSet = try HTMLCase.ruleSet()
        let unreadable = try #require(HTMLCase.judge(#"{"kind": "post", "id": broken}"#, ruleSet))
        let (page, _) = HTMLCase.render(try HTMLCase.samples(ruleSet) + [unreadable], ruleSet)
        let links = page.components(separatedBy: "<a class=\"card ").dropFirst().compactMap { card in
            card.components(separatedBy: "href=\"#").dropFirst().first?.components(separatedBy: "\"").first
        }
        #expect(links.count == 4, "violation, judgement, advisory and unreadable")
        for fragment in links {
            #expect(page.contains("<details class=\"c-") && page.contains("\" id=\"\(fragment)\"><summary>"), "nothing has the id \(fragment)")
        }
        #expect(page.contains("<details class=\"c-advisory\" id=\"verdict=advisory,undetermined\">"))
        #expect(page.contains("<details class=\"c-error\" id=\"verdict=error\">"))
    }

    static let permitted = #"""
    {"kind": "post", "id": "hybride-d66", "account": {"variant": "hybrid"}, "postedBy": "political-assistant",
     "draftedBy": "political-assistant", "date": "2023-11-10", "text": "Vanavond debatteer ik in Utrecht. Kom ook! #D66"}
    """#

    @Test("a description with only an `allowed` finding is in the page: in the data and the grouped list, counted apart, not in the charts")
    func allowedOnly() throws {
        let ruleSet = try HTMLCase.ruleSet()
        let item = try #require(HTMLCase.judge(Self.permitted, ruleSet))
        guard case .evaluated(let evaluation) = item else { Issue.record("not judged: \(item)"); return }
        #expect(evaluation.findings.contains { $0.rule.id == "SOCIAL-HYB-02" && $0.statusWord == "fired" })
        let (page, _) = HTMLCase.render([item], ruleSet)
        let rows = try HTMLCase.data(page)
        #expect(rows.map { "\($0.id) \($0.category) \($0.rule)" } == ["hybride-d66 allowed SOCIAL-HYB-02"])
        #expect(rows.first?.marks == [43, 47], "the hashtag is highlighted")
        #expect(page.contains("<li class=\"c-allowed\">1 toegestaan</li>"), "counted apart")
        #expect(page.contains("<details class=\"c-allowed\"><summary><span class=\"badge\">toegestaan</span> 1</summary>"))
        #expect(page.contains("<details><summary>SOCIAL-HYB-02: "))
        #expect(!page.contains("<a href=\"#rule=SOCIAL-HYB-02\""), "not in the charts")
        #expect(!page.contains("<p>Geen bevindingen.</p>"))
        // the table leaves them out until asked for, and says so
        #expect(page.contains("<option value=\"\">alle behalve toegestaan</option>"))
        #expect(page.contains("\"allowed\":\"toegestaan\""))
        #expect(page.contains("\"allowedHidden\":"))
        #expect(page.contains("r.f.v === \"allowed\""))
    }

    @Test("English labels with --lang en")
    func english() throws {
        let ruleSet = try HTMLCase.ruleSet()
        let item = try #require(HTMLCase.judge(Self.hostile, ruleSet))
        let (page, _) = HTMLCase.render([item], ruleSet, language: .english)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(page.contains("Totals per verdict"))
        #expect(page.contains("\"violation\":\"violation\""))
        #expect(!page.contains("Totalen per oordeel"))
    }

    @Test("an empty run is a complete page that says there are no findings")
    func emptyRun() throws {
        let ruleSet = try HTMLCase.ruleSet()
        let (page, _) = HTMLCase.render([], ruleSet)
        #expect(page.contains("Geen bevindingen."))
        #expect(try HTMLCase.data(page).isEmpty)
        #expect(page.hasSuffix("</html>\n"))
    }

    @Test("an unreadable description is a row of its own")
    func unreadable() throws {
        let ruleSet = try HTMLCase.ruleSet()
        let item = try #require(HTMLCase.judge(#"{"kind": "post", "account": {"variant": "<hybrid>"}}"#, ruleSet))
        let (page, summary) = HTMLCase.render([item], ruleSet)
        #expect(summary.errors == 1)
        #expect(try HTMLCase.data(page).allSatisfy { $0.category == "error" })
        #expect(!page.contains("<hybrid>"))
    }

    @Test("grid lines of the chart fall on whole numbers", arguments: [(1, 4), (4, 4), (5, 8), (9, 12), (37, 40), (120, 200), (1234, 2000)])
    func niceCeiling(value: Int, expected: Int) {
        #expect(SVGChart.niceCeiling(value) == expected)
    }

    @Test("a chart's text alternative gives its figures, and the bars of the chart per rule are links a screen reader can reach")
    func chartTextAlternatives() {
        let series = [SVGChart.Series(label: "niet toegestaan", color: "#b3261e"), SVGChart.Series(label: "afweging", color: "#c26a00")]
        let bars = [SVGChart.Bar(label: "R-1", title: "R-1: <Titel>", counts: [2, 1], link: "#rule=R-1"),
                    SVGChart.Bar(label: "R-2", title: "R-2", counts: [0, 3], link: "#rule=R-2")]
        let linked = SVGChart.horizontal(bars, series: series, title: "Per regel")
        #expect(linked.contains("<svg class=\"chart\" viewBox=\"0 0 640 52\" aria-label=\"Per regel: R-1 3; R-2 3\">"), "an image would hide its links")
        #expect(linked.contains("<a href=\"#rule=R-1\" aria-label=\"R-1: &lt;Titel&gt;: 3 (2 niet toegestaan, 1 afweging)\">"))
        #expect(linked.contains("<a href=\"#rule=R-2\" aria-label=\"R-2: 3 (3 afweging)\">"))
        let plain = bars.map { SVGChart.Bar(label: $0.label, title: $0.title, counts: $0.counts, link: nil) }
        #expect(SVGChart.horizontal(plain, series: series, title: "Per brondocument").contains("role=\"img\" aria-label=\"Per brondocument: R-1 3; R-2 3\""))
        let months = [SVGChart.Bar(label: "jan 2023", title: "jan 2023", counts: [1, 0], link: nil),
                      SVGChart.Bar(label: "feb 2023", title: "feb 2023", counts: [0, 0], link: nil)]
        #expect(SVGChart.columns(months, series: series, shades: [], ticks: [], title: "Door de tijd").contains("role=\"img\" aria-label=\"Door de tijd: jan 2023 1\""))
    }

    @Test("the catalog page lists every rule with both messages, escaped, grouped by source")
    func catalog() throws {
        let ruleSet = try HTMLCase.ruleSet()
        let page = RuleCatalog.html(ruleSet, language: .dutch)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        #expect(!page.contains("<script"))
        for rule in ruleSet.rules {
            #expect(page.contains("id=\"\(RuleCatalog.anchor("rule", rule.id))\""), "no article for \(rule.id)")
            #expect(page.contains(XMLEscape.text(rule.messageNL)))
            #expect(page.contains(XMLEscape.text(rule.messageEN)))
        }
        #expect(RuleCatalog.html(ruleSet, language: .english).contains("<h2>Source documents</h2>"))
        #expect(RuleCatalog.anchor("rule", "A.B <x>") == "rule-A_B__x_")
    }

    @Test("each rule's messages come in the page's own language first, then the other")
    func catalogMessagesInThePageLanguageFirst() throws {
        let ruleSet = try HTMLCase.ruleSet()
        for (language, first, second) in [(Language.dutch, "<dt>Melding (nl)</dt>", "<dt>Melding (en)</dt>"),
                                          (Language.english, "<dt>Message (en)</dt>", "<dt>Message (nl)</dt>")] {
            let page = RuleCatalog.html(ruleSet, language: language)
            let firsts = page.components(separatedBy: first).count - 1
            #expect(firsts == ruleSet.rules.count, "\(language)")
            // in every article the page's language comes before the other one
            for article in page.components(separatedBy: first).dropFirst() {
                let ownEnd = article.range(of: "<article") ?? article.range(of: "</body>")
                let other = try #require(article.range(of: second), "\(language)")
                #expect(ownEnd.map { other.lowerBound < $0.lowerBound } ?? true, "\(language)")
            }
        }
    }
}
