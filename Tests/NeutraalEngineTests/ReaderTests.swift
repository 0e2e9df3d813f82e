import Testing
@testable import NeutraalEngine

/// Reading descriptions: JSON (object, array, JSON Lines) and posts with a `---` header.
@Suite("Description readers")
struct ReaderTests {
    static func read(_ text: String, path: String) throws -> [ReadOutcome] {
        try read(Array(text.utf8), path: path)
    }

    static func read(_ bytes: [UInt8], path: String) throws -> [ReadOutcome] {
        DescriptionReader(vocabulary: try Fixture.ruleSet().vocabulary).read(SourceText(path: path, bytes: bytes))
    }

    static func value(_ description: Description, _ path: String) throws -> FactValue? {
        let slot = try #require(description.record.values.indices.first { index in
            (try? Fixture.ruleSet().vocabulary.root.fields[index].path) == path
        })
        return description.record.values[slot]
    }

    /// The value as a user would read it (`hybrid`, `true`, `2023-11-10`, `#D66, #CDA`).
    static func shown(_ description: Description, _ path: String) throws -> String? {
        let ruleSet = try Fixture.ruleSet()
        return Evaluator(ruleSet: ruleSet).displayFact(path, of: description)
    }

    // MARK: Formats

    @Test("a JSON object is one description named after its file; nested objects are dotted fields")
    func jsonObject() throws {
        let outcomes = try Self.read(#"{"kind": "post", "account": {"variant": "hybride"}, "draftedBy": ["minister", "ambtenaar"], "text": "Hallo"}"#, path: "one.json")
        let description = try #require(outcomes.only?.description)
        #expect(description.id == "one.json")
        #expect(try Self.shown(description, "account.variant") == "hybrid")
        #expect(try Self.shown(description, "draftedBy") == "minister, civil-servant")
        #expect(try Self.shown(description, "text") == "Hallo")
    }

    @Test("a required field with a value outside its enumeration is one error, not also a missing field", arguments: [
        ("p.json", #"{"kind": "pots", "text": "Stem op ons"}"#),
        ("p.jsonl", #"{"kind":"pots","text":"Stem op ons"}"# + "\n"),
        ("p.md", "---\nkind: pots\n---\nStem op ons\n"),
    ])
    func wrongRequiredValue(_ path: String, _ text: String) throws {
        let outcomes = try Self.read(text, path: path)
        guard case .failure(_, _, let diagnostics)? = outcomes.first else {
            Issue.record("`\(path)` was read as a description")
            return
        }
        #expect(diagnostics.map(\.code) == ["input.unknown-value"], "\(diagnostics.map(\.message))")
    }

    @Test("a JSON array is a batch: one description per element, numbered unless it has an id")
    func jsonArray() throws {
        let outcomes = try Self.read(#"[{"kind": "post"}, {"kind": "speech", "id": "toespraak"}, {"kind": "meeting"}]"#, path: "batch.json")
        #expect(outcomes.map(\.id) == ["batch.json#1", "toespraak", "batch.json#3"])
        #expect(outcomes.allSatisfy { $0.description != nil })
    }

    @Test("JSON Lines: a broken line in the middle is reported at its line and column, the others are read")
    func jsonLinesWithBrokenLine() throws {
        let text = "{\"kind\": \"post\"}\n{\"kind\": \"post\", \"text\": }\n{\"kind\": \"bericht\", \"id\": \"derde\"}\n"
        let outcomes = try Self.read(text, path: "batch.jsonl")
        #expect(outcomes.count == 3)
        #expect(outcomes[0].description?.id == "batch.jsonl#1")
        #expect(outcomes[2].description?.id == "derde")
        let error = try #require(outcomes[1].diagnostics.first)
        #expect(outcomes[1].id == "batch.jsonl#2")
        #expect(error.code == "input.invalid-json")
        #expect(error.location == SourceLocation(file: "batch.jsonl", line: 2, column: 26))
        #expect(error.message == "expected a JSON value, found `}`")
    }

    @Test("a .json file with one object per line is read as JSON Lines")
    func jsonFileWithSeveralObjects() throws {
        let outcomes = try Self.read("{\"kind\": \"post\"}\n{\"kind\": \"speech\"}\n", path: "several.json")
        #expect(outcomes.count == 2)
        #expect(outcomes.allSatisfy { $0.description != nil })
    }

    @Test("JSON Lines number records, not lines, in the ids of a batch")
    func jsonLinesNumbering() throws {
        let outcomes = try Self.read("{\"kind\": \"post\"}\n\n{\"kind\": \"speech\"}\n", path: "gaps.jsonl")
        #expect(outcomes.map(\.id) == ["gaps.jsonl#1", "gaps.jsonl#2"])
    }

    @Test("a post with a header: Dutch aliases, values in any case, the text below the header, derived facts")
    func postWithHeader() throws {
        let text = """
        ---
        kind: Bericht
        account.variant: HYBRIDE
        postedBy: Politiek Assistent
        draftedBy: ambtenaar, MINISTER
        content.partyPolitical: Ja
        date: 2023-11-10
        # a comment line in the header
        ---

        Vanavond debatteer ik in Utrecht. #D66 #onderwijs

        """
        let description = try #require(try Self.read(text, path: "post.md").only?.description)
        #expect(try Self.shown(description, "kind") == "post")
        #expect(try Self.shown(description, "account.variant") == "hybrid")
        #expect(try Self.shown(description, "postedBy") == "political-assistant")
        #expect(try Self.shown(description, "draftedBy") == "civil-servant, minister")
        #expect(try Self.shown(description, "content.partyPolitical") == "true")
        #expect(try Self.shown(description, "text") == "Vanavond debatteer ik in Utrecht. #D66 #onderwijs")
        #expect(try Self.shown(description, "hashtags") == "#D66, #onderwijs")
        #expect(try Self.shown(description, "electionPeriod") == "Tweede Kamerverkiezing 2023")
        #expect(description.location(ofSlot: description.record.values.indices[3]) == SourceLocation(file: "post.md", line: 11, column: 1))
    }

    @Test("a `#` in a header value belongs to the value: only a line that starts with `#` is a comment")
    func hashInHeaderValue() throws {
        let text = "---\nkind: post\n# a note\nhashtags: #VVD, #D66\n---\n"
        let description = try #require(try Self.read(text, path: "post.md").only?.description)
        #expect(try Self.shown(description, "hashtags") == "#VVD, #D66")
    }

    @Test("a list of objects is written as JSON in a header")
    func sectionsInHeader() throws {
        let text = "---\nkind: speech\nsections: [ {\"content\": \"partijpolitiek\", \"draftedBy\": \"ambtenaar\", \"text\": \"Stem op ons\"}, {\"content\": \"policy\"} ]\n---\n"
        let description = try #require(try Self.read(text, path: "speech.md").only?.description)
        guard case .objects(let elements)? = try Self.value(description, "sections") else {
            Issue.record("sections is not a list of objects")
            return
        }
        #expect(elements.count == 2)
        let evaluation = Evaluator(ruleSet: try Fixture.ruleSet(), asOf: Fixture.today).evaluate(description)
        #expect(evaluation.status("T-SOME") == .fired)
    }

    @Test("the same facts in JSON and in a header judge the same")
    func bothFormsMeanTheSame() throws {
        let json = #"{"kind": "post", "account": {"variant": "corporate"}, "postedBy": "ambtenaar", "text": "Stem op ons! #D66"}"#
        let header = "---\nkind: post\naccount.variant: corporate\npostedBy: civil-servant\n---\nStem op ons! #D66\n"
        let ruleSet = try Fixture.ruleSet()
        let evaluator = Evaluator(ruleSet: ruleSet, asOf: Fixture.today)
        let fromJSON = evaluator.evaluate(try #require(try Self.read(json, path: "a.json").only?.description))
        let fromHeader = evaluator.evaluate(try #require(try Self.read(header, path: "a.md").only?.description))
        #expect(fromJSON.verdict == fromHeader.verdict)
        #expect(fromJSON.firedRules == fromHeader.firedRules)
        #expect(fromJSON.firedRules.contains("EX-SPECIFIC"))
    }

    @Test("a single value where a list belongs is a list of one; null is no value")
    func singleValueForList() throws {
        let json = #"{"kind": "speech", "draftedBy": "minister", "sections": {"content": "policy"}, "postedBy": null}"#
        let description = try #require(try Self.read(json, path: "s.json").only?.description)
        #expect(try Self.shown(description, "draftedBy") == "minister")
        #expect(try Self.shown(description, "sections") == "1 items")
        #expect(try Self.value(description, "postedBy") == nil)
    }

    @Test("numbers are read from JSON numbers and from header words")
    func numbers() throws {
        let fromJSON = try #require(try Self.read(#"{"kind": "meeting", "attendees": 12}"#, path: "m.json").only?.description)
        let fromHeader = try #require(try Self.read("---\nkind: meeting\nattendees: 12.5\n---\n", path: "m.md").only?.description)
        #expect(try Self.shown(fromJSON, "attendees") == "12")
        #expect(try Self.shown(fromHeader, "attendees") == "12.5")
        let wrong = try Self.read(#"{"kind": "meeting", "attendees": "twaalf"}"#, path: "m.json").flatMap(\.diagnostics)
        #expect(wrong.map(\.code) == ["input.wrong-type"])
    }

    @Test("an `id` names the description in reports")
    func idField() throws {
        let description = try #require(try Self.read("---\nid: mijn-bericht\nkind: post\n---\n", path: "p.md").only?.description)
        #expect(description.id == "mijn-bericht")
    }

    @Test("without a telling extension the format is chosen by the first character")
    func formatBySniffing() throws {
        #expect(DescriptionReader.format(path: "<stdin>", bytes: Array("  {\"kind\": \"post\"}".utf8)) == .json)
        #expect(DescriptionReader.format(path: "<stdin>", bytes: Array("\u{FEFF}[{}]".utf8)) == .json)
        #expect(DescriptionReader.format(path: "<stdin>", bytes: Array("---\nkind: post\n---\n".utf8)) == .header)
        #expect(DescriptionReader.format(path: "x.ndjson", bytes: []) == .jsonLines)
        #expect(DescriptionReader.format(path: "x.TXT", bytes: Array("{".utf8)) == .header)
    }

    @Test("the expectations of a sample are read apart from its facts")
    func expectations() throws {
        let header = "---\nexpect verdict: violation\nexpect rules: EX-SPECIFIC, T-DEFINE\nexpect overridden: EX-GENERAL\nkind: post\n---\n"
        let json = #"{"expect": {"verdict": "allowed", "rules": [], "overridden": ["X"]}, "kind": "post"}"#
        let fromHeader = try #require(try Self.read(header, path: "p.md").only?.description)
        let fromJSON = try #require(try Self.read(json, path: "p.json").only?.description)
        #expect(fromHeader.expectation == Expectation(verdict: "violation", rules: ["EX-SPECIFIC", "T-DEFINE"], overridden: ["EX-GENERAL"]))
        #expect(fromJSON.expectation == Expectation(verdict: "allowed", rules: [], overridden: ["X"]))
    }

    // MARK: Errors

    struct ErrorCase: CustomTestStringConvertible, Sendable {
        let behaviour: String
        let path: String
        let text: String
        let code: String
        let line: Int
        let column: Int
        var message: String? = nil
        var hint: String? = nil
        var testDescription: String { behaviour }
    }

    static let errors: [ErrorCase] = [
        ErrorCase(behaviour: "an unknown header field, with a did-you-mean", path: "p.md", text: "---\nkind: post\nacount.variant: corporate\n---\n",
                  code: "input.unknown-field", line: 3, column: 1, message: "unknown field `acount.variant`", hint: "did you mean `account.variant`?"),
        ErrorCase(behaviour: "a header key with two letters swapped suggests the field, not a shorter one as far by plain edits", path: "p.md",
                  text: "---\nkidn: post\n---\n", code: "input.unknown-field", line: 2, column: 1, message: "unknown field `kidn`",
                  hint: "did you mean `kind`?"),
        ErrorCase(behaviour: "an unknown JSON field, with a did-you-mean", path: "p.json", text: #"{"kind": "post", "acount.variant": "corporate"}"#,
                  code: "input.unknown-field", line: 1, column: 18, hint: "did you mean `account.variant`?"),
        ErrorCase(behaviour: "an unknown field in a nested JSON object is named by its dotted path", path: "p.json",
                  text: #"{"kind": "post", "account": {"varaint": "corporate"}}"#,
                  code: "input.unknown-field", line: 1, column: 30, message: "unknown field `account.varaint`", hint: "did you mean `account.variant`?"),
        ErrorCase(behaviour: "a value where a group of fields belongs", path: "p.json", text: #"{"kind": "post", "account": "corporate"}"#,
                  code: "input.wrong-type", line: 1, column: 29, message: "field `account` must be an object with `variant`", hint: "`account.variant`"),
        ErrorCase(behaviour: "an unknown field inside an element of a list", path: "p.json", text: #"{"kind": "speech", "sections": [{"contnet": "policy"}]}"#,
                  code: "input.unknown-field", line: 1, column: 34, hint: "did you mean `content`?"),
        ErrorCase(behaviour: "an unknown enumeration value, with the allowed values", path: "p.md", text: "---\nkind: post\naccount.variant: hybried\n---\n",
                  code: "input.unknown-value", line: 3, column: 18, message: "`hybried` is not a value of `account.variant`",
                  hint: "allowed values: `corporate`, `hybrid` (`hybride`), `personal` (`persoonlijk`)"),
        ErrorCase(behaviour: "an unknown kind lists the kinds", path: "p.json", text: #"{"kind": "pots"}"#,
                  code: "input.unknown-value", line: 1, column: 10, hint: "did you mean `post`?"),
        ErrorCase(behaviour: "a string where a bool belongs (JSON)", path: "p.json", text: #"{"kind": "post", "content": {"partyPolitical": "yes"}}"#,
                  code: "input.wrong-type", line: 1, column: 48, message: "field `content.partyPolitical` must be bool, found a string", hint: "true or false"),
        ErrorCase(behaviour: "a word that is not a bool (header)", path: "p.md", text: "---\nkind: post\ncontent.partyPolitical: misschien\n---\n",
                  code: "input.wrong-type", line: 3, column: 25, hint: "ja or nee"),
        ErrorCase(behaviour: "a number where a list of objects belongs", path: "p.json", text: #"{"kind": "speech", "sections": 3}"#,
                  code: "input.wrong-type", line: 1, column: 32),
        ErrorCase(behaviour: "an impossible date (header)", path: "p.md", text: "---\nkind: post\ndate: 2023-02-30\n---\n",
                  code: "input.invalid-date", line: 3, column: 7, hint: "YYYY-MM-DD"),
        ErrorCase(behaviour: "a date in another format (JSON)", path: "p.json", text: #"{"kind": "post", "date": "10-11-2023"}"#,
                  code: "input.invalid-date", line: 1, column: 26),
        ErrorCase(behaviour: "a duplicate header key points at the second", path: "p.md", text: "---\nkind: post\npostedBy: minister\npostedBy: ambtenaar\n---\n",
                  code: "input.duplicate-field", line: 4, column: 1),
        ErrorCase(behaviour: "a duplicate JSON key points at the second", path: "p.json", text: #"{"kind": "post", "kind": "speech"}"#,
                  code: "input.duplicate-field", line: 1, column: 18),
        ErrorCase(behaviour: "a field of another kind names the kinds it describes", path: "p.md", text: "---\nkind: speech\naccount.variant: corporate\n---\n",
                  code: "input.field-of-other-kind", line: 3, column: 1, message: "field `account.variant` does not belong to kind `speech`", hint: "`post`"),
        ErrorCase(behaviour: "a missing `kind` lists the kinds", path: "p.md", text: "---\npostedBy: minister\n---\nTekst\n",
                  code: "input.missing-field", line: 1, column: 1, message: "the required field `kind` is missing",
                  hint: "`post` (`bericht`), `speech` (`spreekbeurt`), `meeting` (`bijeenkomst`)"),
        ErrorCase(behaviour: "an empty post file", path: "p.md", text: "", code: "input.empty", line: 1, column: 1),
        ErrorCase(behaviour: "an empty JSON file", path: "p.json", text: "  \n", code: "input.empty", line: 1, column: 1),
        ErrorCase(behaviour: "a post without a header", path: "p.md", text: "\nStem op ons!\n", code: "input.missing-header", line: 2, column: 1),
        ErrorCase(behaviour: "a header that is not closed", path: "p.md", text: "---\nkind: post\n", code: "input.unclosed-header", line: 1, column: 1),
        ErrorCase(behaviour: "a header line without a colon", path: "p.md", text: "---\nkind: post\njust words\n---\n", code: "input.header-line", line: 3, column: 1),
        ErrorCase(behaviour: "JSON nested 10,000 deep is an error, not a crash", path: "p.json", text: String(repeating: "[", count: 10_000),
                  code: "input.invalid-json", line: 1, column: 65, message: "nested deeper than 64 levels"),
        ErrorCase(behaviour: "a header list of objects nested 10,000 deep is an error, not a crash", path: "p.md",
                  text: "---\nkind: speech\nsections: " + String(repeating: "[", count: 10_000) + "\n---\n",
                  code: "input.invalid-json", line: 3, column: 75, message: "nested deeper than 64 levels"),
        ErrorCase(behaviour: "JSON cut off inside a string", path: "p.json", text: #"{"kind": "post", "text": "Stem op"#,
                  code: "input.invalid-json", line: 1, column: 26, message: "the string is not closed", hint: "truncated"),
        ErrorCase(behaviour: "JSON cut off after a value", path: "p.json", text: "{\"kind\": \"post\",\n  \"postedBy\": \"minister\"",
                  code: "input.invalid-json", line: 2, column: 25, message: "the object is not closed", hint: "truncated"),
        ErrorCase(behaviour: "a description that is not an object", path: "p.json", text: "[1]", code: "input.not-an-object", line: 1, column: 2),
        ErrorCase(behaviour: "text in the header and below it is given twice", path: "p.md", text: "---\nkind: post\ntext: \"a\"\n---\nb\n",
                  code: "input.duplicate-field", line: 5, column: 1),
        ErrorCase(behaviour: "a misspelled group of fields suggests the group", path: "p.json",
                  text: #"{"kind": "post", "acount": {"variant": "hybrid"}}"#,
                  code: "input.unknown-field", line: 1, column: 18, message: "unknown field `acount`", hint: "did you mean `account`?"),
        ErrorCase(behaviour: "a group of fields given one value lists the group's fields", path: "p.md", text: "---\nkind: post\naccount: hybride\n---\n",
                  code: "input.unknown-field", line: 3, column: 1, message: "unknown field `account`",
                  hint: "`account` is a group of fields: `account.variant`"),
        ErrorCase(behaviour: "CRLF line ends keep columns and lines right", path: "p.md", text: "---\r\nkind: post\r\naccount.variant: hybried\r\n---\r\nTekst\r\n",
                  code: "input.unknown-value", line: 3, column: 18),
        ErrorCase(behaviour: "a header line with nothing before its colon asks for the field name, not an unknown field ``", path: "p.md",
                  text: "---\nkind: post\n  : corporate\n---\n", code: "input.header-line", line: 3, column: 3,
                  message: "found no field name before the colon", hint: "write the field name before the colon"),
        ErrorCase(behaviour: "a header key after a tab is located at the key, not at the tab", path: "p.md",
                  text: "---\nkind: post\n\tacount.variant: corporate\n---\n", code: "input.unknown-field", line: 3, column: 2),
        ErrorCase(behaviour: "a header value after a tab is located at the value", path: "p.md",
                  text: "---\nkind: post\naccount.variant:\t\thybried\n---\n", code: "input.unknown-value", line: 3, column: 19),
        ErrorCase(behaviour: "a list item after a tab is located at the item", path: "p.md",
                  text: "---\nkind: post\ndraftedBy: minister,\tkoning\n---\n", code: "input.unknown-value", line: 3, column: 22,
                  message: "`koning` is not a value of `draftedBy`"),
        ErrorCase(behaviour: "an empty item between commas of a header list is an error, as `\"\"` is in a JSON list", path: "p.md",
                  text: "---\nkind: post\ndraftedBy: minister, , ambtenaar\n---\n", code: "input.empty-item", line: 3, column: 22,
                  message: "the list `draftedBy` has an empty item", hint: "remove the extra comma"),
        ErrorCase(behaviour: "a comma at the end of a header list is an error too", path: "p.md",
                  text: "---\nkind: post\nhashtags: #D66,\n---\n", code: "input.empty-item", line: 3, column: 16),
        ErrorCase(behaviour: "a header field with nothing after its colon has no value, with the allowed values", path: "p.md",
                  text: "---\nkind: post\naccount.variant:\n---\n", code: "input.unknown-value", line: 3, column: 17,
                  message: "field `account.variant` has no value",
                  hint: "write one of the values or leave the field out; allowed values: `corporate`, `hybrid` (`hybride`), `personal` (`persoonlijk`)"),
        ErrorCase(behaviour: "an empty JSON string where an enumeration value belongs has no value", path: "p.json",
                  text: #"{"kind": "post", "account.variant": ""}"#, code: "input.unknown-value", line: 1, column: 37,
                  message: "field `account.variant` has no value", hint: "allowed values: `corporate`"),
        ErrorCase(behaviour: "a header date with nothing after its colon has no value", path: "p.md",
                  text: "---\nkind: post\ndate:   \n---\n", code: "input.invalid-date", line: 3, column: 9,
                  message: "field `date` has no value", hint: "YYYY-MM-DD"),
        ErrorCase(behaviour: "a header bool with nothing after its colon has no value", path: "p.md",
                  text: "---\nkind: post\ncontent.partyPolitical:\n---\n", code: "input.wrong-type", line: 3, column: 24,
                  message: "field `content.partyPolitical` has no value", hint: "true or false"),
        ErrorCase(behaviour: "a header list in brackets is one error that shows the list without them", path: "p.md",
                  text: "---\nkind: post\ndraftedBy: [minister, civil-servant]\n---\n", code: "input.bracketed-list", line: 3, column: 12,
                  message: "the list `draftedBy` is written in brackets",
                  hint: "write a list in a header as `a, b`, without brackets: `draftedBy: minister, civil-servant`"),
        ErrorCase(behaviour: "a header list written as a JSON list is told the same way", path: "p.md",
                  text: "---\nkind: post\nhashtags: [\"#D66\", \"#VVD\"]\n---\n", code: "input.bracketed-list", line: 3, column: 11,
                  hint: "without brackets: `hashtags: #D66, #VVD`"),
        ErrorCase(behaviour: "a `#` note after a header value is part of the value, and the hint says so", path: "p.md",
                  text: "---\nkind: post # note\n---\n", code: "input.unknown-value", line: 2, column: 7,
                  message: "`post # note` is not a value of `kind`", hint: "the whole rest of the line is the value: `#` starts no comment in a header"),
        ErrorCase(behaviour: "a `#` note after a header bool keeps the allowed words in the hint", path: "p.md",
                  text: "---\nkind: post\ncontent.partyPolitical: ja # zeker\n---\n", code: "input.wrong-type", line: 3, column: 25,
                  hint: "`#` starts no comment in a header (a note goes on a line of its own that starts with `#`); write true or false"),
        ErrorCase(behaviour: "a `#` note after a header date is told as part of the value", path: "p.md",
                  text: "---\nkind: post\ndate: 2023-11-10\t# dinsdag\n---\n", code: "input.invalid-date", line: 3, column: 7,
                  hint: "the whole rest of the line is the value"),
    ]

    @Test(arguments: errors)
    func locatedError(_ example: ErrorCase) throws {
        let outcomes = try Self.read(example.text, path: example.path)
        let diagnostics = outcomes.flatMap(\.diagnostics)
        let diagnostic = try #require(diagnostics.first { $0.code == example.code }, "got \(diagnostics)")
        #expect(diagnostic.location == SourceLocation(file: example.path, line: example.line, column: example.column))
        if let message = example.message { #expect(diagnostic.message.contains(message), "message: \(diagnostic.message)") }
        if let hint = example.hint { #expect(diagnostic.hint?.contains(hint) == true, "hint: \(diagnostic.hint ?? "none")") }
    }

    @Test("a pretty-printed object with a stray comma after it gives one error, at the comma")
    func trailingGarbageAfterPrettyObject() throws {
        let outcomes = try Self.read("{\n  \"kind\": \"post\"\n},\n", path: "p.json")
        let diagnostics = outcomes.flatMap(\.diagnostics)
        do {
            #expect(diagnostics.count == 1)
            #expect(diagnostics.first?.location == SourceLocation(file: "p.json", line: 3, column: 2))
        }
    }

    @Test("a header list in brackets gives one error, not one per item")
    func bracketedListIsOneError() throws {
        let diagnostics = try Self.read("---\nkind: post\ndraftedBy: [minister, civil-servant]\n---\n", path: "p.md").flatMap(\.diagnostics)
        #expect(diagnostics.map(\.code) == ["input.bracketed-list"])
    }

    @Test("every error of a header is reported, in order")
    func allHeaderErrors() throws {
        let text = "---\nkind: post\nacount.variant: corporate\ndate: gisteren\npostedBy: koning\n---\n"
        let diagnostics = try Self.read(text, path: "p.md").flatMap(\.diagnostics)
        #expect(diagnostics.map(\.code) == ["input.unknown-field", "input.invalid-date", "input.unknown-value"])
        #expect(diagnostics.map { $0.location?.line ?? 0 } == [3, 4, 5])
    }

    @Test("invalid UTF-8 in a post is located at the bad byte")
    func invalidUTF8Post() throws {
        let bytes = Array("---\nkind: post\n---\nab".utf8) + [0xC3, 0x28] + Array(" cd\n".utf8)
        let diagnostic = try #require(try Self.read(bytes, path: "p.md").only?.diagnostics.first)
        #expect(diagnostic.code == "input.invalid-utf8")
        #expect(diagnostic.location == SourceLocation(file: "p.md", line: 4, column: 3))
    }

    @Test("invalid UTF-8 inside a JSON string is located at the bad byte")
    func invalidUTF8JSON() throws {
        let bytes = Array(#"{"kind": "post", "text": "ab"#.utf8) + [0xFF] + Array(#""}"#.utf8)
        let diagnostic = try #require(try Self.read(bytes, path: "p.json").only?.diagnostics.first)
        #expect(diagnostic.code == "input.invalid-json")
        #expect(diagnostic.message.contains("UTF-8"))
        #expect(diagnostic.location == SourceLocation(file: "p.json", line: 1, column: 29))
    }

    @Test("binary bytes are refused, not read as a post")
    func binaryFile() throws {
        let diagnostic = try #require(try Self.read([0x00, 0x01, 0x02, 0x0A, 0x00], path: "p.md").only?.diagnostics.first)
        #expect(diagnostic.code == "input.binary")
    }

    @Test("a byte order mark is skipped in both formats")
    func byteOrderMark() throws {
        let post = try Self.read("\u{FEFF}---\nkind: post\n---\nTekst\n", path: "bom.md")
        let json = try Self.read("\u{FEFF}{\"kind\": \"post\"}", path: "bom.json")
        #expect(post.only?.description != nil)
        #expect(json.only?.description != nil)
    }

    @Test("a byte order mark does not shift the columns of the first line")
    func byteOrderMarkColumns() throws {
        let diagnostic = try #require(try Self.read("\u{FEFF}{\"kind\": \"pots\"}", path: "bom.json").only?.diagnostics.first)
        do {
            #expect(diagnostic.location == SourceLocation(file: "bom.json", line: 1, column: 10))
        }
    }

    @Test("a header list with nothing at all is an empty list, not an error")
    func emptyHeaderList() throws {
        let description = try #require(try Self.read("---\nkind: post\ndraftedBy:\n---\nTekst\n", path: "p.md").only?.description)
        guard case .list(let items)? = try Self.value(description, "draftedBy") else {
            Issue.record("draftedBy is not a list")
            return
        }
        #expect(items.isEmpty)
    }

    @Test("CRLF line ends are not part of values or of the text")
    func crlf() throws {
        let text = "---\r\nkind: post\r\naccount.variant: corporate\r\n---\r\nRegel een\r\nRegel twee\r\n"
        let description = try #require(try Self.read(text, path: "crlf.md").only?.description)
        #expect(try Self.shown(description, "account.variant") == "corporate")
        #expect(try Self.shown(description, "text") == "Regel een\nRegel twee")
    }
}

extension ReadOutcome {
    var description: Description? {
        if case .description(let description) = self { return description }
        return nil
    }

    var diagnostics: [Diagnostic] {
        if case .failure(_, _, let diagnostics) = self { return diagnostics }
        return []
    }

    var id: String {
        switch self {
        case .description(let description): return description.id
        case .failure(_, let id, _): return id
        }
    }
}

extension Array {
    /// The single element, or nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
