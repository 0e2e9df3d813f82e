import Foundation
import Testing
@testable import NeutraalEngine
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Hostile text in a description (its `id`, its text, a field name) goes through every report format
/// and comes out inert: every format still parses, and nothing reaches a terminal, a browser or a CI log raw.
@Suite("Safe output")
struct SafeOutputTests {
    struct Hostile: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        var testDescription: String { name }
    }

    static let hostile: [Hostile] = [
        Hostile(name: "a script tag", text: "<script>alert(1)</script>"),
        Hostile(name: "a CDATA end", text: "x]]><![CDATA[<b>y</b>]]>"),
        Hostile(name: "an ANSI colour escape", text: "\u{1B}[31mrood\u{1B}[0m"),
        Hostile(name: "an OSC title escape", text: "\u{1B}]0;x\u{07}"),
        Hostile(name: "quotes", text: "\"'\"' `x`"),
        Hostile(name: "backslashes", text: "a\\b\\\"c\\n\\u0041\\"),
        Hostile(name: "a newline and a workflow command", text: "id\n::error file=x,line=1::injected\n::set-output name=x::y"),
        Hostile(name: "a carriage return", text: "a\r::warning::b\r\n"),
        Hostile(name: "percent-encoded line ends", text: "%0A::error::x%0D%25"),
        Hostile(name: "table pipes", text: "| a | b |\\|c\\\\|"),
        Hostile(name: "line and paragraph separators", text: "a\u{2028}b\u{2029}c"),
        Hostile(name: "bidi overrides", text: "\u{202E}fdp.exe\u{202C} \u{2066}x\u{2069}"),
        Hostile(name: "a NUL and DEL", text: "a\u{0}b\u{7F}c"),
        Hostile(name: "combining marks after separators", text: "a|\u{301}b,\u{301}c:\u{301}:\u{301}d\\\u{301}|e"),
        Hostile(name: "Markdown and HTML markup", text: "**b** [l](javascript:alert(1)) <img src=x onerror=alert(1)> &amp;"),
    ]

    /// The real rule set.
    static var ruleSet: Result<RuleSet, DiagnosticList> { RealRules.loaded }

    static let asOf = CivilDate.parse("2024-06-01") ?? 0

    /// A corporate post that calls to vote (a violation), with the hostile text in its id and text, and
    /// a record whose field name is hostile (an unreadable description).
    static func items(_ hostile: String, _ ruleSet: RuleSet) throws -> [ReportItem] {
        let post: [String: Any] = [
            "id": hostile, "kind": "post", "account": ["variant": "corporate"], "postedBy": "minister", "date": "2023-11-10",
            "text": "Stem op 22 november op ons! " + hostile,
        ]
        let broken: [String: Any] = ["kind": "post", hostile: "x"]
        var bytes: [UInt8] = []
        for object in [post, broken] {
            bytes += [UInt8](try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) + [0x0A]
        }
        let source = SourceText(path: "hostile/" + hostile + ".jsonl", bytes: bytes)
        let evaluator = Evaluator(ruleSet: ruleSet, asOf: asOf)
        return DescriptionReader(vocabulary: ruleSet.vocabulary).read(source, format: .jsonLines).map { outcome in
            switch outcome {
            case .description(let description): return .evaluated(evaluator.evaluate(description))
            case .failure(let source, let id, let diagnostics): return .failed(source: source, id: id, diagnostics: diagnostics)
            }
        }
    }

    static func render(_ format: ReportFormat, _ items: [ReportItem], _ context: ReportContext) -> String {
        var reporter = format.makeReporter()
        var summary = Summary()
        var output = reporter.begin(context)
        for item in items {
            summary.add(item)
            output += reporter.add(item, context)
        }
        return output + reporter.finish(summary, context)
    }

    /// Control characters that must never reach any output raw (escape sequences among them).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r") || value == 0x7F || (0x80...0x9F).contains(value)
    }

    /// What must not reach a terminal or CI log raw either: carriage returns, bidi overrides and isolates,
    /// line and paragraph separators (JSON, XML and HTML carry these harmlessly as data).
    static func isDangerousOnScreen(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return isControl(scalar) || scalar == "\r" || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            || value == 0x2028 || value == 0x2029
    }

    @Test("hostile text stays inert in every format",
          arguments: hostile, ReportFormat.allCases)
    func inert(_ hostile: Hostile, _ format: ReportFormat) throws {
        let ruleSet = try Self.ruleSet.get()
        let items = try Self.items(hostile.text, ruleSet)
        try #require(items.count == 2)
        guard case .evaluated(let evaluation) = items[0] else {
            Issue.record("the hostile post was not read: \(items[0])")
            return
        }
        #expect(evaluation.description.id == hostile.text)
        #expect(evaluation.findings.contains { $0.status == .fired && $0.rule.verdict == .violation },
                "no rule fired, so the text would not reach the messages")
        guard case .failed = items[1] else {
            Issue.record("the record with a hostile field name was read")
            return
        }
        let context = ReportContext(ruleSet: ruleSet, language: .dutch, color: false)
        let output = Self.render(format, items, context)
        #expect(!output.isEmpty)
        switch format {
        case .json: try Self.checkJSONLines(output, id: hostile.text)
        case .sarif: try Self.checkJSON(output)
        case .junit: Self.checkXML(output)
        case .markdown: Self.checkMarkdown(output)
        case .github: Self.checkGitHub(output)
        case .text: Self.checkText(output, color: false)
        case .html: Self.checkHTML(output)
        }
        // whatever the format, no control character reaches the output raw (text formats show them as visible
        // escapes, JSON as \u escapes, XML as U+FFFD); formats read on a screen or in a CI log carry no bidi
        // override, separator or carriage return either
        let onScreen: [ReportFormat] = [.text, .github, .markdown]
        let raw = output.unicodeScalars.filter { onScreen.contains(format) ? Self.isDangerousOnScreen($0) : Self.isControl($0) }
        #expect(raw.isEmpty, "raw control characters in \(format): \(raw.map { String($0.value, radix: 16) })")
    }

    @Test("text output with colour on carries only its own colour codes", arguments: hostile)
    func colouredText(_ hostile: Hostile) throws {
        let ruleSet = try Self.ruleSet.get()
        let items = try Self.items(hostile.text, ruleSet)
        for detailed in [false, true] {
            let context = ReportContext(ruleSet: ruleSet, language: .english, color: true, detailed: detailed)
            Self.checkText(Self.render(.text, items, context), color: true)
        }
    }

    // MARK: Checks per format

    static func checkJSONLines(_ output: String, id: String) throws {
        var ids: [String] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: true) {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            let dictionary = try #require(object as? [String: Any], "not an object: \(line)")
            if let value = dictionary["id"] as? String { ids.append(value) }
        }
        #expect(ids.count == 2, "expected two JSON lines")
        #expect(ids.first == id, "the id did not survive the round trip")
    }

    static func checkJSON(_ output: String) throws {
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8))
        #expect(object is [String: Any])
    }

    final class XMLErrors: NSObject, XMLParserDelegate {
        var error: Error?
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
    }

    static func checkXML(_ output: String) {
        let parser = XMLParser(data: Data(output.utf8))
        let delegate = XMLErrors()
        parser.delegate = delegate
        let parsed = parser.parse()
        #expect(parsed, "JUnit XML does not parse: \(String(describing: delegate.error ?? parser.parserError))")
    }

    /// The cells of a GFM table row: `|` separates cells unless escaped by a backslash (which itself escapes
    /// any character, a backslash too), as cmark-gfm's table extension scans it.
    static func cells(_ row: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in row {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if character == "|" { count += 1 }
        }
        return count - 1
    }

    static func checkMarkdown(_ output: String) {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        var index = 0
        var tables = 0
        while index < lines.count {
            guard lines[index].hasPrefix("|") else { index += 1; continue }
            tables += 1
            let columns = cells(lines[index])
            while index < lines.count, lines[index].hasPrefix("|") {
                #expect(cells(lines[index]) == columns, "row with \(cells(lines[index])) cells, header \(columns): \(lines[index])")
                #expect(!lines[index].contains("<script"), "raw HTML in a cell: \(lines[index])")
                index += 1
            }
            // a row broken by a line end would leave its rest on a line of its own
            #expect(index == lines.count || lines[index].isEmpty, "text after a table row: \(lines[index])")
        }
        #expect(tables == 2, "expected the summary and the findings table")
    }

    static func checkGitHub(_ output: String) {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count >= 2)
        for line in lines {
            #expect(line.hasPrefix("::error ") || line.hasPrefix("::warning ") || line.hasPrefix("::notice "), "not a command: \(line)")
            // the properties end at the first `::`; each is one known `key=value` (escaped `:` and `,` inside)
            let afterWord = String(line.drop(while: { $0 != " " }).dropFirst())
            let properties = afterWord.components(separatedBy: "::")[0]
            for property in properties.components(separatedBy: ",") {
                let key = property.components(separatedBy: "=")[0]
                #expect(["file", "line", "col", "endLine", "endColumn", "title"].contains(key), "an injected property `\(property)` in: \(line)")
            }
        }
    }

    static func checkText(_ output: String, color: Bool) {
        let scalars = Array(output.unicodeScalars)
        if !color {
            #expect(!scalars.contains("\u{1B}"), "a raw ESC in text output without colour")
            return
        }
        // with colour: every ESC starts one of the reporter's own SGR codes (ESC [ digits/; m), nothing else
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\u{1B}" {
                var end = index + 1
                var wellFormed = end < scalars.count && scalars[end] == "["
                end += 1
                while end < scalars.count, "0123456789;".unicodeScalars.contains(scalars[end]) { end += 1 }
                wellFormed = wellFormed && end < scalars.count && scalars[end] == "m"
                #expect(wellFormed, "an escape that is not a colour code at scalar \(index)")
                index = end
            }
            index += 1
        }
        #expect(!scalars.contains("\u{07}"), "a raw BEL in text output")
        #expect(!scalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
    }

    static func checkHTML(_ output: String) {
        #expect(!output.contains("<script>alert"), "hostile script in the HTML report")
        #expect(!output.contains("<img src=x"), "hostile element in the HTML report")
        #expect(!output.contains("<![CDATA[<b>"), "hostile CDATA in the HTML report")
    }
}
