import Testing
@testable import NeutraalEngine

/// `values by kind:` in the vocabulary: an enumeration field whose kinds each give it values of their
/// own. A description giving a value of another kind is refused, located at the field and with the values
/// its kind may give, the same way whether the line is read directly or the ordinary way; every mistake in
/// the declaration is located in the schema.
@Suite("Values by kind")
struct ValuesByKindTests {
    /// A field added to the fixture's vocabulary (`topic`: policy, campaign; kinds post, speech, meeting).
    static func schema(_ field: String) -> SourceText {
        SourceText(path: "extra.schema", text: field)
    }

    static let subject = """
    field subject "Onderwerp"
      type: enum topic
      kinds: post, meeting
      values by kind:
        meeting: campaign
    """

    static func ruleSet(_ field: String = subject) throws -> RuleSet {
        try RuleSetLoader().load(sources: Fixture.sources + [schema(field)])
    }

    static func diagnostics(_ field: String) -> [Diagnostic] {
        LoaderErrorTests.diagnostics(of: Fixture.sources + [schema(field)])
    }

    // MARK: Descriptions

    struct Line: CustomTestStringConvertible, Sendable {
        let behaviour: String
        let json: String
        /// nil: read as a description (directly); else the error's code, column and hint.
        let error: (code: String, column: Int, hint: String)?
        var testDescription: String { behaviour }
    }

    static let lines: [Line] = [
        Line(behaviour: "a value its kind gives the field", json: #"{"kind":"meeting","subject":"campaign"}"#, error: nil),
        Line(behaviour: "the value in Dutch", json: #"{"kind":"meeting","subject":"Campagne"}"#, error: nil),
        Line(behaviour: "any value for a kind without values of its own", json: #"{"kind":"post","subject":"policy"}"#, error: nil),
        Line(behaviour: "a value of another kind", json: #"{"kind":"meeting","subject":"policy"}"#,
             error: ("input.value-of-other-kind", 19, "for `meeting`: `campaign` (`campagne`)")),
        Line(behaviour: "a value of another kind in Dutch, the kind written last", json: #"{"subject":"beleid","kind":"meeting"}"#,
             error: ("input.value-of-other-kind", 2, "for `meeting`: `campaign` (`campagne`)")),
    ]

    @Test("a description gives its field a value of its kind, or is refused with its kind's values, both ways", arguments: lines)
    func line(_ line: Line) throws {
        let reader = DescriptionReader(vocabulary: try Self.ruleSet().vocabulary)
        let source = SourceText(path: "batch.jsonl", text: line.json + "\n")
        let range = 0..<source.bytes.count - 1
        let direct = reader.vocabulary.directReader.read(source, range: range, number: 1)
        let parsed = reader.readLineParsed(source, range: range, number: 1)
        switch (line.error, parsed) {
        case (nil, .description):
            #expect(direct != nil, "the line is read directly")
        case (let expected?, .failure(_, _, let diagnostics)):
            #expect(direct == nil, "the direct reader leaves the line to the ordinary path")
            #expect(diagnostics.count == 1)
            #expect(diagnostics.first?.code == expected.code)
            #expect(diagnostics.first?.location?.line == 1)
            #expect(diagnostics.first?.location?.column == expected.column)
            #expect(diagnostics.first?.hint == expected.hint)
        default:
            Issue.record("unexpected outcome: \(parsed)")
        }
        // readLine (direct first, then the ordinary way) gives what the ordinary way gives
        let outcome = try #require(reader.readLine(source, range: range, number: 1))
        #expect(DirectRecordReaderTests.difference(outcome, parsed) == nil)
    }

    /// The diagnostics of a meeting written as a post whose header gives `subject: VALUE` (none when it reads).
    static func headerDiagnostics(subject value: String) throws -> [Diagnostic] {
        let reader = DescriptionReader(vocabulary: try ruleSet().vocabulary)
        let outcomes = reader.read(SourceText(path: "meeting.md", text: "---\nkind: meeting\nsubject: \(value)\n---\nTekst\n"))
        return outcomes.flatMap(\.diagnostics)
    }

    @Test("a post header gives a value of another kind: refused at the field's line")
    func postHeader() throws {
        let diagnostics = try Self.headerDiagnostics(subject: "policy")
        #expect(diagnostics.map(\.code) == ["input.value-of-other-kind"])
        #expect(diagnostics.first?.message == "`policy` is not a value of `subject` for kind `meeting`")
        #expect(diagnostics.first?.location?.line == 3)
    }

    @Test("a value of no kind lists the values kind by kind")
    func unknownValue() throws {
        let diagnostics = try Self.headerDiagnostics(subject: "campagn")
        #expect(diagnostics.map(\.code) == ["input.unknown-value"])
        #expect(diagnostics.first?.hint == "did you mean `campaign`? allowed values: for `meeting`: `campaign` (`campagne`)")
    }

    // MARK: Declarations

    struct Declaration: CustomTestStringConvertible, Sendable {
        let behaviour: String
        let field: String
        let code: String
        let line: Int
        let column: Int
        var hint: String? = nil
        var testDescription: String { behaviour }
    }

    static func field(type: String = "enum topic", kinds: String = "post, meeting", values: [String]) -> String {
        (["field subject \"Onderwerp\"", "  type: \(type)", "  kinds: \(kinds)"] + values).joined(separator: "\n") + "\n"
    }

    static let declarations: [Declaration] = [
        Declaration(behaviour: "on a field that is not an enumeration", field: field(type: "string", values: ["  values by kind:", "    meeting: x"]),
                    code: "rules.type-mismatch", line: 4, column: 3),
        Declaration(behaviour: "an unknown kind, with a did-you-mean", field: field(values: ["  values by kind:", "    meetng: campaign"]),
                    code: "rules.unknown-kind", line: 5, column: 5, hint: "did you mean `meeting`?"),
        Declaration(behaviour: "a kind that does not carry the field", field: field(values: ["  values by kind:", "    speech: campaign"]),
                    code: "rules.unknown-kind", line: 5, column: 5, hint: "its kinds: `post` (`bericht`), `meeting` (`bijeenkomst`)"),
        Declaration(behaviour: "a value outside the enumeration, with a did-you-mean", field: field(values: ["  values by kind:", "    meeting: campain"]),
                    code: "rules.unknown-value", line: 5, column: 14, hint: "did you mean `campaign`?"),
        Declaration(behaviour: "a kind given its values twice", field: field(values: ["  values by kind:", "    meeting: campaign", "    meeting: policy"]),
                    code: "rules.duplicate-name", line: 6, column: 5),
        Declaration(behaviour: "a kind given no values", field: field(values: ["  values by kind:", "    meeting:"]),
                    code: "rules.empty-list", line: 5, column: 5),
        Declaration(behaviour: "values on the attribute's own line", field: field(values: ["  values by kind: meeting: campaign"]),
                    code: "rules.unexpected-token", line: 4, column: 19),
        Declaration(behaviour: "no line below the attribute", field: field(values: ["  values by kind:"]),
                    code: "rules.empty-list", line: 4, column: 3),
        Declaration(behaviour: "a line that is not `kind: values`", field: field(values: ["  values by kind:", "    meeting campaign"]),
                    code: "rules.expected-attribute", line: 5, column: 5),
        Declaration(behaviour: "a misspelled attribute", field: field(values: ["  values per kind:", "    meeting: campaign"]),
                    code: "rules.unknown-attribute", line: 4, column: 3, hint: "did you mean `values by kind`?"),
    ]

    @Test("a mistake in `values by kind` is located in the schema", arguments: declarations)
    func declaration(_ declaration: Declaration) {
        let diagnostics = Self.diagnostics(declaration.field)
        let found = diagnostics.first { $0.location?.file == "extra.schema" }
        #expect(found?.code == declaration.code, "\(diagnostics)")
        #expect(found?.location?.line == declaration.line)
        #expect(found?.location?.column == declaration.column)
        if let hint = declaration.hint { #expect(found?.hint?.hasPrefix(hint) == true, "\(found?.hint ?? "no hint")") }
    }

    @Test("the valid declaration loads, and the field keeps each kind's values")
    func validDeclaration() throws {
        let vocabulary = try Self.ruleSet().vocabulary
        let slot = try #require(vocabulary.layouts[0].slotByPath["subject"])
        let field = vocabulary.layouts[0].fields[slot]
        let meeting = try #require(vocabulary.kinds.caseIndex(of: "meeting"))
        let campaign = try #require(vocabulary.enums.first { $0.name == "topic" }?.caseIndex(of: "campaign"))
        #expect(field.valuesByKind == [meeting: [campaign]])
    }
}
