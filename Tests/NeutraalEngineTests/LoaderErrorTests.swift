import Testing
@testable import NeutraalEngine

/// A broken rule set is refused with every problem located (file, line, column), a stable code and a hint.
@Suite("Loader errors")
struct LoaderErrorTests {
    /// Declarations shared by the broken files, in their own file so that line numbers below are local.
    static let prelude = #"""
    source HANDBOEK "Handboek"
      title: "Handboek"
      date: 2021-09-24

    lexicon campaign
      entries:
        "stem op"

    set roles
      values: civil-servant
    """#

    /// A valid rule; the cases below change one line of it. `when` is on line 4, its value at column 9.
    static func rule(_ id: String = "R-1", title: String = #""Een regel""#, source: String? = #"HANDBOEK, "p. 1""#,
                     when: String = "account.variant is corporate", extra: [String] = [],
                     messageNL: String? = #""nl""#, fires: Bool = true, silent: Bool = true) -> String {
        var lines = ["rule \(id) \(title)"]
        lines.append(source.map { "  source: \($0)" } ?? "  note: geen bron")
        lines.append("  applies to: post")
        lines.append("  when: \(when)")
        lines.append("  verdict: advisory")
        lines.append(messageNL.map { "  message nl: \($0)" } ?? "  note: geen bericht")
        lines.append(#"  message en: "en""#)
        lines.append(fires ? #"  example fires "a":"# : #"  example undetermined "a":"#)
        lines.append("    kind: post")
        lines.append("    account.variant: corporate")
        lines.append(silent ? #"  example silent "b":"# : #"  example undetermined "b":"#)
        lines.append("    kind: post")
        lines.append("    account.variant: hybrid")
        return (lines + extra).joined(separator: "\n") + "\n"
    }

    /// The diagnostics of loading the fixture vocabulary, the prelude and `text` as `broken.rules`.
    static func diagnostics(_ text: String) -> [Diagnostic] {
        diagnostics(of: [SourceText(path: "fixture.schema", text: Fixture.schema), SourceText(path: "prelude.rules", text: prelude),
                         SourceText(path: "broken.rules", text: text)])
    }

    static func diagnostics(of sources: [SourceText]) -> [Diagnostic] {
        do {
            _ = try RuleSetLoader().load(sources: sources)
            return []
        } catch let list as DiagnosticList {
            return list.diagnostics
        } catch {
            return [Diagnostic("test.unexpected-error", "\(error)", at: nil)]
        }
    }

    struct ErrorCase: CustomTestStringConvertible, Sendable {
        let behaviour: String
        let text: String
        let code: String
        let line: Int
        let column: Int
        var file = "broken.rules"
        var message: String? = nil
        var hint: String? = nil
        var testDescription: String { behaviour }
    }

    static let cases: [ErrorCase] = [
        ErrorCase(behaviour: "an unknown field, with a did-you-mean", text: rule(when: "acount.variant is corporate"),
                  code: "rules.unknown-field", line: 4, column: 9, message: "unknown field `acount.variant`",
                  hint: "did you mean `account.variant`?"),
        ErrorCase(behaviour: "a value outside the enumeration, with the allowed values", text: rule(when: "account.variant is corprate"),
                  code: "rules.unknown-value", line: 4, column: 28, message: "`corprate` is not a value of `account.variant`",
                  hint: "did you mean `corporate`? allowed values: `corporate`, `hybrid` (`hybride`), `personal` (`persoonlijk`)"),
        ErrorCase(behaviour: "a value of a set outside the enumeration names the set and points at its values",
                  text: rule(when: "account.variant is one of roles"),
                  code: "rules.unknown-value", line: 10, column: 11, file: "prelude.rules",
                  message: "`civil-servant` (in set `roles`) is not a value of `account.variant`"),
        ErrorCase(behaviour: "`mentions` on a bool is a type mismatch", text: rule(when: "content.partyPolitical mentions campaign"),
                  code: "rules.type-mismatch", line: 4, column: 9,
                  message: "`mentions` needs a text field; `content.partyPolitical` is bool"),
        ErrorCase(behaviour: "`includes` on a single value is a type mismatch", text: rule(when: "postedBy includes minister"),
                  code: "rules.type-mismatch", line: 4, column: 9, message: "`includes` needs a list field"),
        ErrorCase(behaviour: "a date comparison with something that is not a date", text: rule(when: "date is before 2021-02-30"),
                  code: "rules.invalid-date", line: 4, column: 24, message: "`2021-02-30` is not a date"),
        ErrorCase(behaviour: "a duplicate rule id points at the second one and names the first", text: rule() + rule(),
                  code: "rules.duplicate-id", line: 14, column: 6, message: "first at broken.rules:1:6"),
        ErrorCase(behaviour: "a rule without source", text: rule(source: nil),
                  code: "rules.missing-attribute", line: 1, column: 1, message: "rule `R-1` has no `source`"),
        ErrorCase(behaviour: "a citation without a locator", text: rule(source: "HANDBOEK"),
                  code: "rules.missing-locator", line: 2, column: 11),
        ErrorCase(behaviour: "a rule without a Dutch message", text: rule(messageNL: nil),
                  code: "rules.missing-attribute", line: 1, column: 1, message: "rule `R-1` has no `message nl`"),
        ErrorCase(behaviour: "a rule without an example that fires", text: rule(fires: false),
                  code: "rules.missing-example", line: 1, column: 1, message: "has no example that fires"),
        ErrorCase(behaviour: "a rule without an example where it is silent", text: rule(silent: false),
                  code: "rules.missing-example", line: 1, column: 1, message: "has no example where it stays silent"),
        ErrorCase(behaviour: "an unknown source, with a did-you-mean", text: rule(source: #"HANDBOK, "p. 1""#),
                  code: "rules.unknown-source", line: 2, column: 11, message: "unknown source `HANDBOK`", hint: "did you mean `HANDBOEK`?"),
        ErrorCase(behaviour: "an override of a rule that does not exist", text: rule(extra: ["  overrides: R-9"]),
                  code: "rules.dangling-override", line: 14, column: 14, message: "rule `R-1` overrides `R-9`, which does not exist"),
        ErrorCase(behaviour: "rules that override each other in a cycle", text: rule("R-A", extra: ["  overrides: R-B"]) + rule("R-B", extra: ["  overrides: R-A"]),
                  code: "rules.cyclic-override", line: 14, column: 14, message: "R-A → R-B → R-A"),
        ErrorCase(behaviour: "an override of a rule that judges other kinds names the kinds of both",
                  text: rule() + rule("R-2", extra: ["  overrides: R-1"]).replacingOccurrences(of: "applies to: post", with: "applies to: meeting"),
                  code: "rules.override-of-other-kind", line: 27, column: 14,
                  message: "rule `R-2` overrides `R-1`, which never judges what it judges: it applies to `meeting`, `R-1` to `post`",
                  hint: "an exception sets aside a rule that judges the same kind of description"),
        ErrorCase(behaviour: "a rule that overrides itself", text: rule(extra: ["  overrides: R-1"]),
                  code: "rules.cyclic-override", line: 14, column: 14, message: "rule `R-1` overrides itself"),
        ErrorCase(behaviour: "a definition that uses itself", text: "define loop \"Lus\"\n  when: loop or content.partyPolitical is true\n",
                  code: "rules.cyclic-definition", line: 2, column: 9, message: "definition `loop` uses itself: loop → loop"),
        ErrorCase(behaviour: "definitions that use each other", text: "define a-a\n  when: b-b\ndefine b-b\n  when: not a-a\n",
                  code: "rules.cyclic-definition", line: 4, column: 13, message: "a-a → b-b → a-a"),
        ErrorCase(behaviour: "an unknown lexicon, with a did-you-mean", text: rule(when: "text mentions campain"),
                  code: "rules.unknown-name", line: 4, column: 23, message: "unknown lexicon `campain`", hint: "did you mean `campaign`?"),
        ErrorCase(behaviour: "a sample's `expect rules` in an example is refused, not read and ignored",
                  text: rule().replacingOccurrences(of: "    account.variant: corporate\n", with: "    account.variant: corporate\n    expect rules: R-2\n"),
                  code: "rules.invalid-example", line: 11, column: 5, message: "`expect rules` is not checked in an example",
                  hint: "may add `expect verdict:`"),
        ErrorCase(behaviour: "an undated example of a rule with `valid until` is refused: it would fail once the rule leaves force",
                  text: rule(extra: ["  valid until: 2030-12-31"]),
                  code: "rules.undated-example", line: 8, column: 3,
                  message: "example \"a\" of rule `R-1`, valid until 2030-12-31, has no `date`", hint: "give it `date:`"),
        ErrorCase(behaviour: "a `$` meant as a dollar sign can never match: refused at the `$`, with how to write the sign",
                  text: rule(when: #"text matches "kost $5|gratis""#),
                  code: "rules.pattern-never-matches", line: 4, column: 28, message: "`$` is the end of a line, so `$5` can never match",
                  hint: #"for a dollar sign write `\$`"#),
        ErrorCase(behaviour: "a `^` after a letter can never match: refused at the `^`",
                  text: rule(when: #"text matches "(?c)x^2""#),
                  code: "rules.pattern-never-matches", line: 4, column: 28, message: "`^` is the start of a line, so `x^` can never match",
                  hint: #"for a caret write `\^`"#),
        ErrorCase(behaviour: "a source quoted in an undeclared source is reported at the name, with a did-you-mean",
                  text: rule() + "\nsource NOTA\n  title: \"Nota\"\n  date: 2020\n  quoted in: HANDBOK\n",
                  code: "rules.unknown-source", line: 18, column: 14, message: "source `NOTA` is quoted in `HANDBOK`, which is not declared",
                  hint: "did you mean `HANDBOEK`?"),
        ErrorCase(behaviour: "an example that expects its rule overridden, where no rule overrides it, is refused at the example",
                  text: rule().replacingOccurrences(of: #"example fires "a":"#, with: #"example overridden "a":"#),
                  code: "rules.invalid-example", line: 8, column: 3, message: #"example "a" expects `R-1` overridden, but no rule overrides it"#,
                  hint: "`overrides: R-1`"),
        ErrorCase(behaviour: "two examples of a rule with one name: refused at the second, naming the first",
                  text: rule().replacingOccurrences(of: #"example silent "b":"#, with: #"example silent "a":"#),
                  code: "rules.duplicate-example", line: 11, column: 3, message: #"rule `R-1` has two examples named "a" (first at broken.rules:8:3)"#),
        ErrorCase(behaviour: "a message quoting a field of a list's elements says so, and what a message can quote",
                  text: rule(messageNL: #""door {sections.draftedBy}""#),
                  code: "rules.unknown-field", line: 6, column: 15, message: "the message quotes `{sections.draftedBy}`, a field of each element of `sections`",
                  hint: "not an element's"),
        ErrorCase(behaviour: "a definition named in capitals is refused, with the name in lower case",
                  text: rule() + "\ndefine Party_Talk \"Partijpraat\"\n  when: content.partyPolitical is true\n",
                  code: "rules.invalid-name", line: 15, column: 8, message: "define name `Party_Talk` must be lower-case letters, digits and `-`",
                  hint: "did you mean `party-talk`?"),
        ErrorCase(behaviour: "a condition on a field that no kind of the rule gives is refused at the field, with the kinds it describes",
                  text: rule(when: "account.variant is corporate and some sections where (content is policy)"),
                  code: "rules.field-of-other-kind", line: 4, column: 47,
                  message: "rule `R-1` applies to `post`, which never gives `sections`: it describes `speech`"),
        ErrorCase(behaviour: "an example that should fire, of a kind the rule does not judge, is refused at the example",
                  text: rule().replacingOccurrences(of: "    kind: post\n    account.variant: corporate", with: "    kind: meeting"),
                  code: "rules.invalid-example", line: 8, column: 3,
                  message: #"example "a" is a `meeting`, which rule `R-1` does not judge (it applies to `post`)"#),
        ErrorCase(behaviour: "an example that should fire, dated before its rule is in force, is refused at the example",
                  text: rule(extra: ["  valid from: 2024-01-15"]).replacingOccurrences(of: "    account.variant: corporate", with: "    account.variant: corporate\n    date: 2023-03-01"),
                  code: "rules.invalid-example", line: 8, column: 3,
                  message: #"example "a" is dated 2023-03-01, when rule `R-1` is not in force (it is in force from 2024-01-15)"#),
        ErrorCase(behaviour: "`{match}` in a message of a rule that finds no words is refused at the message",
                  text: rule(messageNL: #""Gevonden: {match}""#),
                  code: "rules.invalid-placeholder", line: 6, column: 15, message: "the message quotes `{match}`, but the condition finds no words in a text"),
        ErrorCase(behaviour: "what to weigh on a rule that is no judgement is refused, as no finding would show it",
                  text: rule(extra: [#"  weigh nl: "Afwegen""#]),
                  code: "rules.unused-attribute", line: 14, column: 3, message: "`weigh nl` is shown only with a judgement; rule `R-1` is advisory"),
        ErrorCase(behaviour: "a rule valid until before it is valid from points at `valid until` and names both days",
                  text: rule(extra: ["  valid from: 2024-01-15", "  valid until: 2023-12-31"]),
                  code: "rules.invalid-date", line: 15, column: 16,
                  message: "rule `R-1` is valid until 2023-12-31, before it is valid from 2024-01-15"),
        ErrorCase(behaviour: "a lexicon entry written twice points at the second and names the first",
                  text: rule() + "\nlexicon thanks\n  entries:\n    \"dank aan\"\n    \"bedankt\"\n    \"Dank  aan\"\n",
                  code: "rules.duplicate-entry", line: 19, column: 5,
                  message: "lexicon `thanks` lists `Dank  aan` twice (first at broken.rules:17:5)", hint: "remove one of them"),
        ErrorCase(behaviour: "a lexicon where a set belongs says so and shows `mentions`", text: rule(when: "account.variant is one of campaign"),
                  code: "rules.not-a-set", line: 4, column: 35, message: "`campaign` is a lexicon, not a set",
                  hint: "a lexicon's words are found in a text: `text mentions campaign`"),
        ErrorCase(behaviour: "a set where a lexicon belongs says so and shows `is one of`", text: rule(when: "text mentions roles"),
                  code: "rules.not-a-lexicon", line: 4, column: 23, message: "`roles` is a set, not a lexicon",
                  hint: "`… is one of roles`"),
        ErrorCase(behaviour: "an unknown set", text: rule(when: "postedBy is one of civil-servants"),
                  code: "rules.unknown-name", line: 4, column: 28, message: "unknown set `civil-servants`"),
        ErrorCase(behaviour: "an unknown defined condition", text: rule(when: "party-politics"),
                  code: "rules.unknown-name", line: 4, column: 9, message: "unknown condition `party-politics`"),
        ErrorCase(behaviour: "a pattern that does not parse points into the pattern", text: rule(when: #"text matches "stem (op""#),
                  code: "rules.invalid-pattern", line: 4, column: 31, message: "a group is not closed"),
        ErrorCase(behaviour: "a repetition of nothing in a pattern", text: rule(when: #"text matches "*stem""#),
                  code: "rules.invalid-pattern", line: 4, column: 23, message: "`*` has nothing to repeat"),
        ErrorCase(behaviour: "an unknown verdict in an example's `expect verdict` has a did-you-mean and the verdicts",
                  text: rule().replacingOccurrences(of: "  example fires \"a\":\n", with: "  example fires \"a\":\n    expect verdict: advisry\n"),
                  code: "rules.unknown-value", line: 9, column: 21, message: "`advisry` is not a verdict",
                  hint: "did you mean `advisory`? verdicts: `allowed`, `violation`, `judgement`, `advisory`"),
        ErrorCase(behaviour: "counted repetition in a pattern is refused, not matched as the literal text `{4}`",
                  text: rule(when: #"text matches "\d{4}""#),
                  code: "rules.invalid-pattern", line: 4, column: 25, message: "counted repetition `{4}` is not supported",
                  hint: "repeat the atom or use `*`, `+`, `?`; `\\{` is a brace"),
        ErrorCase(behaviour: "a back-reference in a pattern is refused", text: rule(when: #"text matches "(a)\\1""#),
                  code: "rules.invalid-pattern", line: 4, column: 28, message: "unknown escape",
                  hint: "back-references and other escapes are not supported"),
        ErrorCase(behaviour: "a condition that ends too early", text: rule(when: "account.variant is corporate and"),
                  code: "rules.unexpected-end", line: 4, column: 9),
        ErrorCase(behaviour: "an unclosed parenthesis", text: rule(when: "(account.variant is corporate"),
                  code: "rules.expected-paren", line: 4, column: 9),
        ErrorCase(behaviour: "tab indentation", text: rule().replacingOccurrences(of: "  applies to", with: "\tapplies to"),
                  code: "rules.tab-indentation", line: 3, column: 1),
        ErrorCase(behaviour: "an unterminated string in a title", text: rule(title: #""Een regel"#),
                  code: "rules.unterminated-string", line: 1, column: 10),
        ErrorCase(behaviour: "an unterminated string in a condition", text: rule(when: #"text matches "stem op"#),
                  code: "rules.unterminated-string", line: 4, column: 22),
        ErrorCase(behaviour: "an unknown block keyword, with a did-you-mean", text: rule().replacingOccurrences(of: "rule R-1", with: "rul R-1"),
                  code: "rules.unknown-block", line: 1, column: 1, message: "unknown block `rul`", hint: "did you mean `rule`?"),
        ErrorCase(behaviour: "an unknown attribute, with a did-you-mean", text: rule().replacingOccurrences(of: "verdict:", with: "verdikt:"),
                  code: "rules.unknown-attribute", line: 5, column: 3, message: "`verdikt` is not an attribute of `rule`", hint: "did you mean `verdict`?"),
        ErrorCase(behaviour: "an unknown verdict", text: rule().replacingOccurrences(of: "verdict: advisory", with: "verdict: forbidden"),
                  code: "rules.unknown-value", line: 5, column: 12, message: "`forbidden` is not a verdict"),
        ErrorCase(behaviour: "an unknown kind in `applies to`", text: rule().replacingOccurrences(of: "applies to: post", with: "applies to: posts"),
                  code: "rules.unknown-kind", line: 3, column: 15, hint: "did you mean `post`?"),
        ErrorCase(behaviour: "a rule id in lower case", text: rule("r-1"),
                  code: "rules.invalid-id", line: 1, column: 6),
        ErrorCase(behaviour: "a judgement rule without what to weigh", text: rule().replacingOccurrences(of: "verdict: advisory", with: "verdict: judgement"),
                  code: "rules.missing-attribute", line: 1, column: 1, message: "does not say what to weigh"),
        ErrorCase(behaviour: "a message quoting an unknown field", text: rule(messageNL: #""Variant {acount.variant}""#),
                  code: "rules.unknown-field", line: 6, column: 15, message: "`{acount.variant}`"),
        ErrorCase(behaviour: "an example with an unknown field points into the example", text: rule().replacingOccurrences(of: "    account.variant: hybrid", with: "    acount.variant: hybrid"),
                  code: "input.unknown-field", line: 13, column: 5, hint: "did you mean `account.variant`?"),
        ErrorCase(behaviour: "an example with a value outside the enumeration", text: rule().replacingOccurrences(of: "    account.variant: hybrid", with: "    account.variant: hybried"),
                  code: "input.unknown-value", line: 13, column: 22, hint: "did you mean `hybrid`?"),
    ]

    @Test(arguments: cases)
    func locatedError(_ example: ErrorCase) throws {
        let diagnostics = Self.diagnostics(example.text)
        let found = diagnostics.first { $0.code == example.code }
        let diagnostic = try #require(found, "got \(diagnostics)")
        #expect(diagnostic.location == SourceLocation(file: example.file, line: example.line, column: example.column))
        #expect(diagnostic.severity == .error)
        if let message = example.message { #expect(diagnostic.message.contains(message), "message: \(diagnostic.message)") }
        if let hint = example.hint { #expect(diagnostic.hint?.contains(hint) == true, "hint: \(diagnostic.hint ?? "none")") }
    }

    @Test("a second rule of an id is reported with its own errors too, not only as a duplicate")
    func duplicateRuleKeepsItsErrors() {
        let second = Self.rule(source: nil, when: "account.variant is corporatte")
        let diagnostics = Self.diagnostics(Self.rule() + second)
        let codes = diagnostics.filter { ($0.location?.line ?? 0) > 13 }.map(\.code)
        #expect(codes.contains("rules.duplicate-id"), "\(diagnostics)")
        #expect(codes.contains("rules.missing-attribute"), "\(diagnostics)")
        #expect(codes.contains("rules.unknown-value"), "\(diagnostics)")
    }

    @Test("a rule file with bytes that are not UTF-8 is refused at the first of them, inside a string or on a line of its own",
          arguments: [("  message en: \"e", [0xFF, 0xFE], "n\""), ("", [0xFF, 0xFE], "")])
    func invalidUTF8(_ before: String, _ bad: [UInt8], _ after: String) {
        var lines = Self.rule().split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        // the English message (line 7), or a new line 15 of its own
        if before.isEmpty {
            lines.insert(bad, at: 14)
        } else {
            lines[6] = Array(before.utf8) + bad + Array(after.utf8)
        }
        let bytes = Array(lines.joined(separator: [0x0A]))
        let diagnostics = Self.diagnostics(of: [SourceText(path: "fixture.schema", text: Fixture.schema),
                                                SourceText(path: "prelude.rules", text: Self.prelude),
                                                SourceText(path: "broken.rules", bytes: bytes)])
        #expect(diagnostics.map(\.code) == ["rules.invalid-utf8"], "\(diagnostics)")
        #expect(diagnostics.first?.location?.file == "broken.rules")
        #expect(diagnostics.first?.location?.line == (before.isEmpty ? 15 : 7))
        #expect(diagnostics.first?.location?.column == before.count + 1)
    }

    @Test("the valid rule the error cases start from loads")
    func baseRuleLoads() {
        #expect(Self.diagnostics(Self.rule()).isEmpty)
    }

    /// Lines of `rule()` indented one space too deep: the line, its column, and the start of the message.
    static let misindented: [(text: String, line: Int, column: Int, message: String)] = [
        (rule().replacingOccurrences(of: "  verdict:", with: "   verdict:"), 5, 4, "`verdict` is indented under `when:`, so it is read as part of it"),
        (rule().replacingOccurrences(of: "  message en:", with: "   message en:"), 7, 4, "`message en` is indented under `message nl:`"),
        (rule() + rule("R-2", extra: ["  overrides: R-1", "   valid from: 2020-01-01"]), 28, 4, "`valid from` is indented under `overrides:`"),
        (rule().replacingOccurrences(of: "    account.variant: corporate", with: "     account.variant: corporate"), 10, 6,
         "`account.variant: corporate` is indented under `kind: post`, so it is not read"),
        (rule().replacingOccurrences(of: "  example silent", with: "   example silent"), 11, 4,
         #"`example silent "b":` is indented under `example fires "a":`, so it is read as one of its facts"#),
    ]

    @Test("a line indented one space too deep is one error at that line, not a silently lost attribute or fact", arguments: 0..<5)
    func misindentedLine(_ index: Int) {
        let (text, line, column, message) = Self.misindented[index]
        let diagnostics = Self.diagnostics(text)
        #expect(diagnostics.map(\.code) == ["rules.unexpected-indentation"], "\(diagnostics)")
        #expect(diagnostics.first?.location == SourceLocation(file: "broken.rules", line: line, column: column), "\(diagnostics)")
        #expect(diagnostics.first?.message.hasPrefix(message) == true, "\(diagnostics)")
    }

    @Test("one mistake gives one error, not a cascade")
    func noCascade() {
        #expect(Self.diagnostics(Self.rule(when: "acount.variant is corporate")).count == 1)
        #expect(Self.diagnostics(Self.rule(source: #"HANDBOK, "p. 1""#)).count == 1)
        let noColon = Self.diagnostics(Self.rule().replacingOccurrences(of: #"example fires "a":"#, with: #"example fires "a""#))
        #expect(noColon.map(\.code) == ["rules.expected-attribute"], "\(noColon)")
        #expect(noColon.first?.hint == #"an example's header ends in a colon: `example fires "a":`"#, "\(noColon)")
        let spaced = Self.diagnostics(Self.rule() + "\nlexicon parties\n  entries:\n    \"DENK\" case sensitive\n")
        #expect(spaced.map(\.code) == ["rules.unexpected-token"], "\(spaced)")
        #expect(spaced.first?.hint == "did you mean `case-sensitive`?", "\(spaced)")
        let unknownKind = Self.diagnostics(Self.rule() + Self.rule("R-2", extra: ["  overrides: R-1"])
            .replacingOccurrences(of: "applies to: post", with: "applies to: posts"))
        #expect(unknownKind.map(\.code) == ["rules.unknown-kind"], "\(unknownKind)")
    }

    @Test("a mistake in a definition is reported once, however many rules and definitions use it")
    func definitionErrorOnce() {
        let broken = "define party-talk\n  when: acount.variant is corporate\n"
        let twoUses = broken + Self.rule(when: "party-talk") + Self.rule("R-2", when: "not party-talk")
        #expect(Self.diagnostics(twoUses).map(\.code) == ["rules.unknown-field"])
        let selfUse = "define loop\n  when: loop or account.variant is corporate\n" + Self.rule(when: "loop")
        #expect(Self.diagnostics(selfUse).map(\.code) == ["rules.cyclic-definition"])
        let mutual = "define a-a\n  when: b-b\ndefine b-b\n  when: not a-a\n" + Self.rule(when: "a-a or b-b")
        #expect(Self.diagnostics(mutual).map(\.code) == ["rules.cyclic-definition"])
    }

    @Test("every problem of every file is reported together, sorted by location")
    func allProblemsTogether() {
        let text = Self.rule(when: "acount.variant is corporate") + Self.rule("R-2", source: #"NERGENS, "p. 1""#)
        let diagnostics = Self.diagnostics(text)
        #expect(diagnostics.map(\.code) == ["rules.unknown-field", "rules.unknown-source"])
        #expect(diagnostics.map { $0.location?.line ?? 0 } == [4, 15])
        let rendered = DiagnosticList(diagnostics).description
        #expect(rendered.hasPrefix("broken.rules:4:9: error: unknown field `acount.variant` [rules.unknown-field]\n  hint: did you mean `account.variant`?"))
    }

    @Test("a message string without its closing quote is an error, not text with a stray quote")
    func unterminatedMessage() {
        do {
            let diagnostics = Self.diagnostics(Self.rule(messageNL: #""Een bericht"#))
            #expect(diagnostics.contains { $0.code == "rules.unterminated-string" && $0.location?.line == 6 })
        }
    }
}
