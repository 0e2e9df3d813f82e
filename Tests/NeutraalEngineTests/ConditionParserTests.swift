import Testing
@testable import NeutraalEngine

/// The condition parser: precedence, operators, locations and syntax errors, before any vocabulary.
@Suite("Condition parser")
struct ConditionParserTests {
    static let start = SourceLocation(file: "c.rules", line: 4, column: 9)

    static func parse(_ text: String) -> (ConditionSyntax?, [Diagnostic]) {
        var lexDiagnostics: [Diagnostic] = []
        let tokens = Lexer().tokens(in: text, at: start, diagnostics: &lexDiagnostics)
        var parser = ConditionParser(tokens: tokens, end: start)
        let (syntax, diagnostics) = parser.parse()
        return (syntax, lexDiagnostics + diagnostics)
    }

    /// A compact rendering of the tree: `any(…)`, `all(…)`, `not(…)`, `field op`, `@name`, `some f(…)`.
    static func shape(_ syntax: ConditionSyntax?) -> String {
        guard let syntax else { return "nil" }
        switch syntax {
        case .all(let parts, _): return "all(" + parts.map { shape($0) }.joined(separator: ", ") + ")"
        case .any(let parts, _): return "any(" + parts.map { shape($0) }.joined(separator: ", ") + ")"
        case .not(let inner, _): return "not(" + shape(inner) + ")"
        case .reference(let name, _): return "@" + name
        case .predicate(let predicate): return predicate.field + " " + predicate.op.rawValue
        case .quantified(let quantifier, let field, _, let inner, _): return "\(quantifier.rawValue) \(field)(" + shape(inner) + ")"
        }
    }

    struct ShapeCase: CustomTestStringConvertible, Sendable {
        let behaviour: String
        let text: String
        let shape: String
        var testDescription: String { behaviour }
    }

    static let shapes: [ShapeCase] = [
        ShapeCase(behaviour: "`and` binds tighter than `or`", text: "a is x or b is y and c is z", shape: "any(a is, all(b is, c is))"),
        ShapeCase(behaviour: "parentheses come first", text: "(a is x or b is y) and c is z", shape: "all(any(a is, b is), c is)"),
        ShapeCase(behaviour: "`not` binds tighter than `and`", text: "not a is x and b is y", shape: "all(not(a is), b is)"),
        ShapeCase(behaviour: "`not` of a group", text: "not (a is x or b is y)", shape: "not(any(a is, b is))"),
        ShapeCase(behaviour: "keywords are case-insensitive", text: "a IS x AND NOT b Is y", shape: "all(a is, not(b is))"),
        ShapeCase(behaviour: "a bare name is a defined condition", text: "party-political or a is present", shape: "any(@party-political, a is present)"),
        ShapeCase(behaviour: "a quantifier takes a condition in parentheses", text: "some s where (c is x and d is y) and e is z",
                  shape: "all(some s(all(c is, d is)), e is)"),
        ShapeCase(behaviour: "quantifiers nest", text: "no s where (every t where (u is v))", shape: "no s(every t(u is))"),
        ShapeCase(behaviour: "`is not`", text: "a is not x", shape: "a is not"),
        ShapeCase(behaviour: "`is one of` a list", text: "a is one of (x, \"y z\")", shape: "a is one of"),
        ShapeCase(behaviour: "`is not one of` a set", text: "a is not one of roles", shape: "a is not one of"),
        ShapeCase(behaviour: "`is missing`", text: "a is missing", shape: "a is missing"),
        ShapeCase(behaviour: "`is before`", text: "date is before 2020-01-01", shape: "date is before"),
        ShapeCase(behaviour: "`is after`", text: "date is after 2020-01-01", shape: "date is after"),
        ShapeCase(behaviour: "`is on or before`", text: "date is on or before 2020-01-01", shape: "date is on or before"),
        ShapeCase(behaviour: "`is on or after`", text: "date is on or after 2020-01-01", shape: "date is on or after"),
        ShapeCase(behaviour: "`includes`", text: "tags includes \"#D66\"", shape: "tags includes"),
        ShapeCase(behaviour: "`includes any of`", text: "tags includes any of (a, b)", shape: "tags includes any of"),
        ShapeCase(behaviour: "`mentions`", text: "text mentions campaign", shape: "text mentions"),
        ShapeCase(behaviour: "`matches`", text: "text matches \"stem (op|voor)\"", shape: "text matches"),
    ]

    @Test(arguments: shapes)
    func parses(_ example: ShapeCase) {
        let (syntax, diagnostics) = Self.parse(example.text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(Self.shape(syntax) == example.shape)
    }

    @Test("every part of a condition knows its column")
    func locations() throws {
        let (syntax, _) = Self.parse("a is x or  bb is y")
        guard case .any(let parts, let location)? = syntax, parts.count == 2 else {
            Issue.record("expected two alternatives, got \(Self.shape(syntax))")
            return
        }
        #expect(location == Self.start)
        #expect(parts[1].location == SourceLocation(file: "c.rules", line: 4, column: 20))
        guard case .predicate(let predicate) = parts[1], case .value(let value) = predicate.operand else {
            Issue.record("expected a predicate with a value")
            return
        }
        #expect(value.location.column == 26)
    }

    struct ErrorCase: CustomTestStringConvertible, Sendable {
        let text: String
        let code: String
        let column: Int
        var testDescription: String { "`\(text)` gives \(code) at column \(column)" }
    }

    static let errors: [ErrorCase] = [
        ErrorCase(text: "", code: "rules.empty-condition", column: 9),
        ErrorCase(text: "a is", code: "rules.expected-value", column: 9),
        ErrorCase(text: "a is x b is y", code: "rules.unexpected-token", column: 16),
        ErrorCase(text: "(a is x", code: "rules.expected-paren", column: 9),
        ErrorCase(text: "a is one of ()", code: "rules.empty-list", column: 9),
        ErrorCase(text: "and a is x", code: "rules.unexpected-token", column: 9),
        ErrorCase(text: "a is x or", code: "rules.unexpected-end", column: 9),
        ErrorCase(text: "a is on or x", code: "rules.expected-keyword", column: 20),
        ErrorCase(text: "a includes any (x)", code: "rules.expected-keyword", column: 24),
        ErrorCase(text: "text mentions", code: "rules.expected-lexicon", column: 9),
        ErrorCase(text: "text matches stem", code: "rules.expected-pattern", column: 22),
        ErrorCase(text: "some s where c is x", code: "rules.expected-paren", column: 22),
        ErrorCase(text: "a is \"x", code: "rules.unterminated-string", column: 14),
    ]

    @Test(arguments: errors)
    func refused(_ example: ErrorCase) throws {
        let (syntax, diagnostics) = Self.parse(example.text)
        let first = try #require(diagnostics.first)
        if example.code != "rules.unterminated-string" { #expect(syntax == nil) }
        #expect(first.code == example.code)
        #expect(first.location == SourceLocation(file: "c.rules", line: 4, column: example.column))
    }

    @Test("a pattern in a rule file keeps its backslash escapes (\\b, \\d)")
    func patternEscapesInRuleFile() throws {
        let text = LoaderErrorTests.rule(when: #"text matches "\bstem\b \d+""#)
        let ruleSet = try RuleSetLoader().load(sources: [
            SourceText(path: "fixture.schema", text: Fixture.schema), SourceText(path: "prelude.rules", text: LoaderErrorTests.prelude),
            SourceText(path: "broken.rules", text: text),
        ])
        #expect(ruleSet.patterns.map(\.source) == [#"\bstem\b \d+"#])
    }

    @Test("columns count characters, not bytes, after Dutch letters, typographic quotes and emoji")
    func columnsAfterNonASCII() throws {
        var diagnostics: [Diagnostic] = []
        let tokens = Lexer().tokens(in: #"privé is "één “x” 👍" or (a, "b\"c\\d\q"#, at: Self.start, diagnostics: &diagnostics)
        #expect(tokens.map(\.text) == ["privé", "is", "één “x” 👍", "or", "(", "a", ",", #"b"c\d\q"#])
        // the start is column 9; `privé` is 5 characters, `"één “x” 👍"` 11
        #expect(tokens.map(\.location.column) == [9, 15, 18, 30, 33, 34, 35, 37])
        let unclosed = try #require(diagnostics.first)
        #expect(unclosed.code == "rules.unterminated-string")
        #expect(unclosed.location?.column == 37)
    }
}
