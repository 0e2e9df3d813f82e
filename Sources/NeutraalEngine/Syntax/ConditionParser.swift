/// Parses the tokens of a `when` into a `ConditionSyntax` tree (recursive descent).
///
/// Grammar: `or := and ("or" and)*`, `and := unary ("and" unary)*`, `unary := "not" unary | primary`,
/// `primary := "(" or ")" | quantifier F "where" "(" or ")" | F predicate | NAME`.
public struct ConditionParser {
    private var tokens: [Token]
    private var index = 0
    private var depth = 0
    /// Deeper nesting of `not` and parentheses is refused with an error instead of exhausting the stack.
    static let maximumDepth = 256
    private let end: SourceLocation
    private(set) var diagnostics: [Diagnostic] = []

    /// `end` is used for "unexpected end" errors.
    public init(tokens: [Token], end: SourceLocation) {
        self.tokens = tokens
        self.end = end
    }

    /// Parses a whole condition; nil (with diagnostics) when it does not parse.
    public mutating func parse() -> (ConditionSyntax?, [Diagnostic]) {
        guard !tokens.isEmpty else {
            return (nil, [Diagnostic("rules.empty-condition", "the condition is empty", at: end,
                                     hint: "write a condition such as `account.variant is corporate`")])
        }
        let result = parseOr()
        if diagnostics.isEmpty, index < tokens.count {
            fail("rules.unexpected-token", "unexpected `\(tokens[index].text)` after the condition",
                 hint: "combine conditions with `and` or `or`")
        }
        return (diagnostics.isEmpty ? result : nil, diagnostics)
    }

    private var current: Token? { index < tokens.count ? tokens[index] : nil }
    private var here: SourceLocation { current?.location ?? end }

    private mutating func fail(_ code: String, _ message: String, hint: String? = nil) {
        if diagnostics.isEmpty { diagnostics.append(Diagnostic(code, message, at: here, hint: hint)) }
        index = tokens.count
    }

    private mutating func accept(_ keyword: String) -> Bool {
        if let token = current, token.isWord(keyword) { index += 1; return true }
        return false
    }

    private mutating func expect(_ keyword: String) {
        if !accept(keyword) {
            fail("rules.expected-keyword", "expected `\(keyword)`" + (current.map { ", found `\($0.text)`" } ?? " at the end"))
        }
    }

    private mutating func parseOr() -> ConditionSyntax {
        let start = here
        var parts = [parseAnd()]
        while accept("or") { parts.append(parseAnd()) }
        return parts.count == 1 ? parts[0] : .any(parts, start)
    }

    private mutating func parseAnd() -> ConditionSyntax {
        let start = here
        var parts = [parseUnary()]
        while accept("and") { parts.append(parseUnary()) }
        return parts.count == 1 ? parts[0] : .all(parts, start)
    }

    private mutating func parseUnary() -> ConditionSyntax {
        let start = here
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth {
            fail("rules.nesting-too-deep", "the condition is nested more than \(Self.maximumDepth) levels deep",
                 hint: "split it into named conditions with `define`")
            return Self.placeholder
        }
        if accept("not") { return .not(parseUnary(), start) }
        return parsePrimary()
    }

    private static let placeholder = ConditionSyntax.all([], SourceLocation(file: "", line: 0, column: 0))
    private static let connectives: Set<String> = ["and", "or", "not", "is", "where", "of", "includes", "mentions", "matches"]

    private mutating func parsePrimary() -> ConditionSyntax {
        guard let token = current else {
            fail("rules.unexpected-end", "the condition ends too early", hint: "a condition is missing after the last `and`, `or` or `not`")
            return Self.placeholder
        }
        switch token.kind {
        case .openParen:
            index += 1
            let inner = parseOr()
            if current?.kind == .closeParen { index += 1 } else { fail("rules.expected-paren", "expected `)`") }
            return inner
        case .word:
            let lower = token.text.lowercased()
            if let quantifier = Quantifier(rawValue: lower), index + 2 < tokens.count, tokens[index + 2].isWord("where") {
                index += 1
                let field = tokens[index]
                index += 2
                guard current?.kind == .openParen else {
                    fail("rules.expected-paren", "expected `(` after `where`")
                    return Self.placeholder
                }
                index += 1
                let inner = parseOr()
                if current?.kind == .closeParen { index += 1 } else { fail("rules.expected-paren", "expected `)`") }
                return .quantified(quantifier, field: field.text, fieldLocation: field.location, inner, token.location)
            }
            if Self.connectives.contains(lower) {
                fail("rules.unexpected-token", "unexpected `\(token.text)`", hint: "a condition starts with a field or a defined name")
                return Self.placeholder
            }
            index += 1
            guard let next = current, next.kind == .word,
                  ["is", "includes", "mentions", "matches"].contains(next.text.lowercased()) else {
                return .reference(token.text, token.location)
            }
            return parsePredicate(field: token)
        default:
            fail("rules.unexpected-token", "unexpected `\(token.text)`")
            return Self.placeholder
        }
    }

    private mutating func parsePredicate(field: Token) -> ConditionSyntax {
        func make(_ op: PredicateSyntax.Operator, _ operand: PredicateSyntax.Operand) -> ConditionSyntax {
            .predicate(PredicateSyntax(field: field.text, fieldLocation: field.location, op: op, operand: operand))
        }
        if accept("includes") {
            if accept("any") {
                expect("of")
                return make(.includesAny, parseList())
            }
            return make(.includes, parseValue())
        }
        if accept("mentions") {
            guard let name = current, name.kind == .word else {
                fail("rules.expected-lexicon", "expected a lexicon name after `mentions`")
                return Self.placeholder
            }
            index += 1
            return make(.mentions, .name(name))
        }
        if accept("matches") {
            guard let pattern = current, pattern.kind == .string else {
                fail("rules.expected-pattern", "expected a pattern in double quotes after `matches`")
                return Self.placeholder
            }
            index += 1
            return make(.matches, .pattern(pattern))
        }
        expect("is")
        if accept("present") { return make(.present, .none) }
        if accept("missing") { return make(.missing, .none) }
        if accept("before") { return make(.before, parseValue()) }
        if accept("after") { return make(.after, parseValue()) }
        if accept("on") {
            expect("or")
            if accept("before") { return make(.onOrBefore, parseValue()) }
            expect("after")
            return make(.onOrAfter, parseValue())
        }
        if accept("one") {
            expect("of")
            return make(.oneOf, parseList())
        }
        if accept("not") {
            if accept("one") {
                expect("of")
                return make(.notOneOf, parseList())
            }
            return make(.notEquals, parseValue())
        }
        return make(.equals, parseValue())
    }

    private mutating func parseValue() -> PredicateSyntax.Operand {
        guard let token = current, token.kind == .word || token.kind == .string else {
            fail("rules.expected-value", "expected a value" + (current.map { ", found `\($0.text)`" } ?? " at the end"))
            return .none
        }
        index += 1
        return .value(token)
    }

    private mutating func parseList() -> PredicateSyntax.Operand {
        guard let token = current else {
            fail("rules.expected-value", "expected a list `(a, b)` or a set name at the end")
            return .none
        }
        if token.kind == .word {
            index += 1
            return .name(token)
        }
        guard token.kind == .openParen else {
            fail("rules.expected-value", "expected a list `(a, b)` or a set name, found `\(token.text)`")
            return .none
        }
        index += 1
        var values: [Token] = []
        while let item = current, item.kind == .word || item.kind == .string {
            values.append(item)
            index += 1
            if current?.kind == .comma { index += 1 } else { break }
        }
        if current?.kind == .closeParen { index += 1 } else { fail("rules.expected-paren", "expected `)` to close the list") }
        if values.isEmpty { fail("rules.empty-list", "the list is empty") }
        return .list(values)
    }
}
