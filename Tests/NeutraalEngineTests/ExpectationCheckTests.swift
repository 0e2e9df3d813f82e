import Testing
@testable import NeutraalEngine

/// A sample's expectation: where its values were written, read the same by every reader, and a value
/// that is no verdict or no rule reported there by the regression runner, with what is allowed.
@Suite("Expectation places and checks")
struct ExpectationCheckTests {
    struct Written: CustomTestStringConvertible, Sendable {
        let behaviour: String
        let path: String
        let text: String
        /// `line:column` of the verdict, of each rule and of each overridden rule.
        let verdict: String
        let rules: [String]
        let overridden: [String]
        var testDescription: String { behaviour }
    }

    static let written: [Written] = [
        Written(behaviour: "a post header", path: "p.md",
                text: "---\nkind: post\nexpect verdict:  allowed \nexpect rules: T-IS,  \"T-PRESENT\"\nexpect overridden: none\n---\n",
                verdict: "3:18", rules: ["4:15", "4:22"], overridden: []),
        Written(behaviour: "a JSON object", path: "p.json",
                text: "{\"kind\": \"post\",\n \"expect\": {\"verdict\": \"allowed\", \"rules\": [\"T-IS\", 3, \"T-PRESENT\"], \"overridden\": [\"T-IS\"]}}",
                verdict: "2:24", rules: ["2:45", "2:56"], overridden: ["2:85"]),
    ]

    static func place(_ description: Description, _ offset: Int?) -> String {
        guard let offset else { return "none" }
        let location = description.source.location(at: offset)
        return "\(location.line):\(location.column)"
    }

    @Test("the reader keeps where each expected value starts", arguments: written)
    func places(_ written: Written) throws {
        let description = try Fixture.description(SourceText(path: written.path, text: written.text), in: try Fixture.ruleSet())
        let places = description.expectation.places
        #expect(Self.place(description, places.verdict) == written.verdict)
        #expect(places.rules.map { Self.place(description, $0) } == written.rules)
        #expect(places.overridden.map { Self.place(description, $0) } == written.overridden)
        #expect(description.expectation.rules?.count == written.rules.count)
    }

    @Test("a line of JSON Lines read directly keeps the same places as read the ordinary way")
    func directPlaces() throws {
        let ruleSet = try Fixture.ruleSet()
        let line = #"{"kind":"post","expect":{"verdict":"allowed","rules":["T-IS","T-PRESENT"],"rules":["T-IS-NOT"],"overridden":[ "T-IS" ]}}"#
        let source = SourceText(path: "p.jsonl", text: line + "\n")
        let range = 0..<source.bytes.count - 1
        let direct = try #require(ruleSet.vocabulary.directReader.read(source, range: range, number: 1))
        guard case .description(let ordinary) = DescriptionReader(vocabulary: ruleSet.vocabulary).readLineParsed(source, range: range, number: 1) else {
            Issue.record("the line does not read the ordinary way")
            return
        }
        for description in [direct, ordinary] {
            let places = description.expectation.places
            #expect(Self.place(description, places.verdict) == "1:36")
            #expect(description.expectation.rules == ["T-IS-NOT"])
            #expect(places.rules.map { Self.place(description, $0) } == ["1:84"])
            #expect(places.overridden.map { Self.place(description, $0) } == ["1:111"])
        }
    }

    @Test("equal expectations stay equal wherever they were written")
    func equalityIgnoresPlaces() {
        var moved = Expectation(verdict: "allowed", rules: ["A"])
        moved.places = Expectation.Places(verdict: 40, rules: [50])
        #expect(moved == Expectation(verdict: "allowed", rules: ["A"]))
    }

    struct Wrong: CustomTestStringConvertible, Sendable {
        let behaviour: String
        let path: String
        let text: String
        /// `line:column: message [code]` and the hint of each problem.
        let problems: [(place: String, hint: String)]
        var testDescription: String { behaviour }
    }

    static let wrong: [Wrong] = [
        Wrong(behaviour: "a misspelt verdict in a header", path: "p.md", text: "---\nexpect verdict: alowed\nkind: post\n---\n",
              problems: [("2:17: error: `alowed` is not a verdict [expect.unknown-verdict]",
                          "did you mean `allowed`? verdicts: `allowed`, `advisory`, `judgement`, `violation`, `toegestaan`, `let op`, `afweging`, `niet toegestaan`")]),
        Wrong(behaviour: "a verdict far from any in JSON", path: "p.json", text: #"{"kind":"post","expect":{"verdict":"nope"}}"#,
              problems: [("1:36: error: `nope` is not a verdict [expect.unknown-verdict]",
                          "verdicts: `allowed`, `advisory`, `judgement`, `violation`, `toegestaan`, `let op`, `afweging`, `niet toegestaan`")]),
        Wrong(behaviour: "unknown rules, expected to fire and to be overridden", path: "p.md",
              text: "---\nkind: post\nexpect rules: T-IS, T-PRESNT\nexpect overridden: NOPE-NOPE-99\n---\n",
              problems: [("3:21: error: `expect rules` names unknown rule `T-PRESNT` [expect.unknown-rule]", "did you mean `T-PRESENT`?"),
                         ("4:20: error: `expect overridden` names unknown rule `NOPE-NOPE-99` [expect.unknown-rule]",
                          "`neutraal rules` lists the rule ids")]),
    ]

    @Test("a value that is no verdict or no rule is an error at the value, with what is allowed", arguments: wrong)
    func wrongValues(_ wrong: Wrong) throws {
        let ruleSet = try Fixture.ruleSet()
        let description = try Fixture.description(SourceText(path: wrong.path, text: wrong.text), in: ruleSet)
        let report = RegressionRunner(ruleSet: ruleSet, asOf: Fixture.today).run(samples: [.description(description)], filter: wrong.path)
        let only = try #require(report.cases.only)
        guard case .errored(let diagnostics) = only.result else {
            Issue.record("not an error: \(only.result)")
            return
        }
        #expect(diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0): error: \($0.message) [\($0.code)]" }
                == wrong.problems.map(\.place))
        #expect(diagnostics.map { $0.hint ?? "" } == wrong.problems.map(\.hint))
        #expect(only.location == diagnostics.first?.location, "the case is located at its first problem")
    }

    @Test("a valid expectation in Dutch or in capitals is compared, not an error")
    func validWords() throws {
        let ruleSet = try Fixture.ruleSet()
        let description = try Fixture.description(SourceText(path: "p.md", text: "---\nexpect verdict: Niet toegestaan\nexpect rules: T-IS\nkind: post\n---\n"),
                                                   in: ruleSet)
        let report = RegressionRunner(ruleSet: ruleSet, asOf: Fixture.today).run(samples: [.description(description)], filter: "p.md")
        guard case .failed(let problems)? = report.cases.only?.result else {
            Issue.record("not a failed comparison: \(String(describing: report.cases.only?.result))")
            return
        }
        #expect(problems.contains("expected verdict: niet toegestaan"))
    }
}
