import Testing
@testable import NeutraalEngine

/// A rule author's slip gives one error where it is, with what was meant: no second error caused by the first,
/// no suggestion that cannot be right.
@Suite("Rule author typos")
struct AuthorTypoTests {
    typealias Loader = LoaderErrorTests

    @Test("a misspelled required attribute is one error, with a did-you-mean, and its value is still checked")
    func misspelledRequiredAttribute() {
        let diagnostics = Loader.diagnostics(Loader.rule().replacingOccurrences(of: "  source: HANDBOEK", with: "  sorce: HANDBOK"))
        #expect(diagnostics.map(\.code) == ["rules.unknown-attribute", "rules.unknown-source"], "\(diagnostics)")
        #expect(diagnostics.first?.message == "`sorce` is not an attribute of `rule`")
        #expect(diagnostics.first?.hint == "did you mean `source`?")
        #expect(diagnostics.last?.hint == "did you mean `HANDBOEK`?")
    }

    @Test("a misspelled `weigh nl` is not also reported as a judgement that does not say what to weigh")
    func misspelledWeigh() {
        let text = Loader.rule(extra: [#"  wiegh nl: "de minister weegt""#, #"  weigh en: "the minister weighs""#])
            .replacingOccurrences(of: "verdict: advisory", with: "verdict: judgement")
        let diagnostics = Loader.diagnostics(text)
        #expect(diagnostics.map(\.code) == ["rules.unknown-attribute"], "\(diagnostics)")
    }

    @Test("`any` beside a kind is refused as such, not as `any is not a kind` with `any` among the kinds")
    func anyBesideAKind() {
        let diagnostics = Loader.diagnostics(Loader.rule().replacingOccurrences(of: "applies to: post", with: "applies to: post, any"))
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.message == "`any` stands alone: it means every kind")
        #expect(diagnostics.first?.hint == "write `applies to: any`, or name the kinds without it: `applies to: post`")
    }

    @Test("an override of an unknown rule never suggests the rule itself")
    func danglingOverrideNotItself() {
        let diagnostics = Loader.diagnostics(Loader.rule(extra: ["  overrides: R-2"]))
        #expect(diagnostics.map(\.code) == ["rules.dangling-override"], "\(diagnostics)")
        #expect(diagnostics.first?.hint == nil, "`R-1` cannot be meant: a rule overriding itself is an error")
        let two = Loader.diagnostics(Loader.rule() + Loader.rule("R-3", extra: ["  overrides: R-2"]))
        #expect(two.first?.hint == "did you mean `R-1`?", "\(two)")
    }

    @Test("a well-formed day that does not exist says why", arguments: [
        ("2021-02-30", "`2021-02` has 28 days"), ("2024-02-30", "`2024-02` has 29 days"),
        ("2021-13-01", "there is no month 13; write YYYY-MM-DD"), ("21-02-03", "write YYYY-MM-DD"),
    ])
    func impossibleDay(_ date: String, _ hint: String) {
        let diagnostics = Loader.diagnostics(Loader.rule(when: "date is before \(date)"))
        #expect(diagnostics.map(\.code) == ["rules.invalid-date"], "\(diagnostics)")
        #expect(diagnostics.first?.hint == hint)
    }

    @Test("a source dated in a month that does not exist says so")
    func impossibleSourceMonth() {
        let diagnostics = Loader.diagnostics("source BRON\n  title: \"Bron\"\n  date: 2021-13-08\n")
        #expect(diagnostics.first?.hint == "there is no month 13; write YYYY-MM-DD, YYYY-MM or YYYY", "\(diagnostics)")
    }

    @Test("a rule id in lower case or with `_` suggests the id in upper case with `-`")
    func ruleIDSuggestion() {
        let diagnostics = Loader.diagnostics(Loader.rule("qa_01"))
        #expect(diagnostics.map(\.code) == ["rules.invalid-id"], "\(diagnostics)")
        #expect(diagnostics.first?.hint == "did you mean `QA-01`?")
    }

    @Test("a misspelled expectation of an example suggests the one meant; an example without a name says so")
    func exampleHeaders() {
        let typo = Loader.diagnostics(Loader.rule().replacingOccurrences(of: #"example fires "a":"#, with: #"example fire "a":"#))
        #expect(typo.count == 1, "a refused header is not also a missing example: \(typo)")
        #expect(typo.first?.hint?.hasPrefix("did you mean `fires`? the expectation is one of `fires`") == true, "\(typo)")
        let unnamed = Loader.diagnostics(Loader.rule().replacingOccurrences(of: #"example fires "a":"#, with: "example fires:"))
        #expect(unnamed.count == 1, "\(unnamed)")
        #expect(unnamed.first?.message == "example `fires` has no name", "\(unnamed)")
        #expect(unnamed.first?.hint?.hasPrefix("name it in quotes") == true)
    }

    @Test("a set value outside the enumeration of the field it is compared with says where the comparison is")
    func setValueNamesTheUse() {
        let diagnostics = Loader.diagnostics(Loader.rule(when: "account.variant is one of roles"))
        #expect(diagnostics.first?.hint == "allowed values: `corporate`, `hybrid` (`hybride`), `personal` (`persoonlijk`); "
                + "`roles` is compared with `account.variant` at broken.rules:4:35", "\(diagnostics)")
    }

    @Test("a rule's title is its header's or its `title:` attribute's, which was read and then ignored; without either, or with both, it is an error")
    func ruleTitle() throws {
        let attribute = Loader.rule(title: "").replacingOccurrences(of: "  applies to:", with: "  title: \"Een titel\"\n  applies to:")
        let set = try RuleSetLoader().load(sources: [SourceText(path: "fixture.schema", text: Fixture.schema),
                                                    SourceText(path: "prelude.rules", text: Loader.prelude),
                                                    SourceText(path: "titled.rules", text: attribute)])
        #expect(set.rule("R-1")?.title == "Een titel")
        let none = Loader.diagnostics(Loader.rule(title: ""))
        #expect(none.map(\.code) == ["rules.missing-attribute"], "\(none)")
        #expect(none.first?.message == "rule `R-1` has no title")
        #expect(none.first?.location?.line == 1 && none.first?.location?.column == 6)
        let both = Loader.diagnostics(Loader.rule().replacingOccurrences(of: "  applies to:", with: "  title: \"Nog een\"\n  applies to:"))
        #expect(both.map(\.code) == ["rules.duplicate-attribute"], "\(both)")
    }

    @Test("an attribute given twice in a block is refused at the second, naming the first: only the first was read", arguments: [
        ("  verdict: violation", "rule"), ("  when: account.variant is hybrid", "rule"), ("  message nl: \"ander\"", "rule"),
    ])
    func repeatedAttribute(_ line: String, _ keyword: String) {
        let diagnostics = Loader.diagnostics(Loader.rule(extra: [line]))
        #expect(diagnostics.map(\.code) == ["rules.duplicate-attribute"], "\(diagnostics)")
        #expect(diagnostics.first?.location?.line == 14)
        #expect(diagnostics.first?.message.contains("is given twice in \(keyword) `R-1` (first at broken.rules:") == true, "\(diagnostics)")
    }

    @Test("a field with two `type:` lines is refused too")
    func repeatedFieldType() {
        let diagnostics = Loader.diagnostics(of: [SourceText(path: "fixture.schema", text: Fixture.schema + "\nfield extra\n  type: string\n  type: bool\n"),
                                                  SourceText(path: "prelude.rules", text: Loader.prelude)])
        #expect(diagnostics.contains { $0.code == "rules.duplicate-attribute" && $0.message.hasPrefix("`type` is given twice in field `extra`") },
                "\(diagnostics)")
    }
}
