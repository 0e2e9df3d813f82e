/// Resolves a `ConditionSyntax` against the vocabulary, the sets, lexicons and definitions, checking
/// that every field exists, every value belongs to its field, and every operator fits the field's type.
struct ConditionCompiler {
    struct SetDefinition {
        let name: String
        let values: [String]
        let location: SourceLocation
    }

    struct Definition {
        let name: String
        let syntax: ConditionSyntax?
        let location: SourceLocation
    }

    let vocabulary: Vocabulary
    let sets: [String: SetDefinition]
    let lexiconIndex: [String: Int]
    let definitions: [String: Definition]
    var patterns: [Pattern] = []
    /// Where each pattern text compiled so far is in `patterns`.
    private var patternIndex: [String: Int] = [:]
    var diagnostics: [Diagnostic] = []
    /// The paths of the fields the tests read, each once, in the order first met (see `FieldTest.pathKey`).
    private(set) var factPaths: [String] = []
    private var factPathKeys: [String: Int32] = [:]
    private var compiledDefinitions: [String: Condition] = [:]
    /// Definitions whose errors are already reported: a later use reports them no more.
    private var failedDefinitions: Set<String> = []
    private var inProgress: [String] = []

    init(vocabulary: Vocabulary, sets: [String: SetDefinition], lexiconIndex: [String: Int], definitions: [String: Definition]) {
        self.vocabulary = vocabulary
        self.sets = sets
        self.lexiconIndex = lexiconIndex
        self.definitions = definitions
    }

    private mutating func error(_ code: String, _ message: String, at location: SourceLocation, hint: String? = nil) {
        diagnostics.append(Diagnostic(code, message, at: location, hint: hint))
    }

    /// Compiles a condition at the top level of a description.
    mutating func compile(_ syntax: ConditionSyntax) -> Condition? {
        compile(syntax, layout: 0)
    }

    private mutating func compile(_ syntax: ConditionSyntax, layout: Int) -> Condition? {
        switch syntax {
        case .all(let parts, _):
            let compiled = parts.map { compile($0, layout: layout) }
            return compiled.contains { $0 == nil } ? nil : .all(compiled.compactMap { $0 })
        case .any(let parts, _):
            let compiled = parts.map { compile($0, layout: layout) }
            return compiled.contains { $0 == nil } ? nil : .any(compiled.compactMap { $0 })
        case .not(let inner, _):
            return compile(inner, layout: layout).map { .not($0) }
        case .reference(let name, let location):
            return reference(name, at: location, layout: layout)
        case .quantified(let quantifier, let field, let fieldLocation, let inner, _):
            let layoutFields = vocabulary.layouts[layout]
            guard let slot = layoutFields.slotByPath[field] else {
                unknownField(field, at: fieldLocation, layout: layout)
                return nil
            }
            let definition = layoutFields.fields[slot]
            guard case .objects(let elementLayout) = definition.type else {
                error("rules.type-mismatch", "`\(quantifier.rawValue) … where` needs a list of objects; `\(field)` is \(vocabulary.describe(definition.type))",
                      at: fieldLocation, hint: definition.type == .list(.string) || { if case .list = definition.type { return true } else { return false } }()
                        ? "for a list of values write `\(field) includes any of (…)`" : nil)
                return nil
            }
            guard let body = compile(inner, layout: elementLayout) else { return nil }
            return .quantified(quantifier, slot: slot, path: field, body, absent: definition.absent)
        case .predicate(let predicate):
            return compilePredicate(predicate, layout: layout)
        }
    }

    private mutating func reference(_ name: String, at location: SourceLocation, layout: Int) -> Condition? {
        guard let definition = definitions[name] else {
            let fieldNames = vocabulary.layouts[layout].paths
            if fieldNames.contains(name) {
                error("rules.incomplete-condition", "`\(name)` is a field, not a condition", at: location,
                      hint: "compare it: `\(name) is …`, `\(name) is present`")
            } else {
                error("rules.unknown-name", "unknown condition `\(name)`", at: location,
                      hint: Suggestion.hint(for: name, in: Array(definitions.keys) + fieldNames) ?? "declare it with a `define` block")
            }
            return nil
        }
        if layout != 0 {
            error("rules.definition-in-element", "a defined condition cannot be used inside `where`", at: location,
                  hint: "write the condition on the element's fields")
            return nil
        }
        if let compiled = compiledDefinitions[name] { return .named(name, compiled) }
        if failedDefinitions.contains(name) { return nil }
        if inProgress.contains(name) {
            let cycle = (inProgress.drop { $0 != name } + [name]).joined(separator: " → ")
            error("rules.cyclic-definition", "definition `\(name)` uses itself: \(cycle)", at: location)
            return nil
        }
        guard let syntax = definition.syntax else { return nil }
        inProgress.append(name)
        let compiled = compile(syntax, layout: 0)
        inProgress.removeLast()
        guard let compiled else {
            failedDefinitions.insert(name)
            return nil
        }
        compiledDefinitions[name] = compiled
        return .named(name, compiled)
    }

    /// The number of a fact path among `factPaths`, which gains it when it is new.
    private mutating func factPathKey(_ path: String) -> Int32 {
        if let key = factPathKeys[path] { return key }
        let key = Int32(factPaths.count)
        factPaths.append(path)
        factPathKeys[path] = key
        return key
    }

    private mutating func unknownField(_ field: String, at location: SourceLocation, layout: Int) {
        let paths = vocabulary.layouts[layout].paths
        error("rules.unknown-field", "unknown field `\(field)`" + (layout == 0 ? "" : " in the elements of this list"), at: location,
              hint: Suggestion.hint(for: field, in: paths) ?? "fields: \(paths.map { "`\($0)`" }.joined(separator: ", "))")
    }

    private mutating func compilePredicate(_ predicate: PredicateSyntax, layout: Int) -> Condition? {
        let layoutFields = vocabulary.layouts[layout]
        guard let slot = layoutFields.slotByPath[predicate.field] else {
            unknownField(predicate.field, at: predicate.fieldLocation, layout: layout)
            return nil
        }
        let field = layoutFields.fields[slot]
        let text = Self.render(predicate)
        let pathKey = factPathKey(predicate.field)
        func test(_ operation: FieldTest.Operation) -> Condition {
            .test(FieldTest(slot: slot, path: predicate.field, operation: operation, absent: field.absent, text: text, pathKey: pathKey))
        }
        func mismatch(_ wanted: String, hint: String? = nil) -> Condition? {
            error("rules.type-mismatch", "`\(predicate.op.rawValue)` needs \(wanted); `\(predicate.field)` is \(vocabulary.describe(field.type))",
                  at: predicate.fieldLocation, hint: hint)
            return nil
        }
        var isList = false
        if case .list = field.type { isList = true }
        var isObjects = false
        if case .objects = field.type { isObjects = true }
        switch predicate.op {
        case .present: return test(.present)
        case .missing: return test(.missing)
        case .equals, .notEquals:
            if isList { return mismatch("a single value", hint: "for a list write `\(predicate.field) includes …`") }
            if isObjects { return mismatch("a single value", hint: "for a list of objects write `some \(predicate.field) where (…)`") }
            guard case .value(let token) = predicate.operand, let value = convert(token, to: field.type, field: predicate.field) else { return nil }
            return test(predicate.op == .equals ? .equals(value) : .notEquals(value))
        case .oneOf, .notOneOf:
            if isList { return mismatch("a single value", hint: "for a list write `\(predicate.field) includes any of …`") }
            if isObjects { return mismatch("a single value") }
            guard let values = convertList(predicate.operand, to: field.type, field: predicate.field) else { return nil }
            return test(predicate.op == .oneOf ? .oneOf(values) : .notOneOf(values))
        case .before, .after, .onOrBefore, .onOrAfter:
            guard field.type == .date else { return mismatch("a date field") }
            guard case .value(let token) = predicate.operand, let day = CivilDate.parse(token.text) else {
                if case .value(let token) = predicate.operand {
                    error("rules.invalid-date", "`\(token.text)` is not a date", at: token.location,
                          hint: CivilDate.hint(for: token.text, formats: "write YYYY-MM-DD"))
                }
                return nil
            }
            switch predicate.op {
            case .before: return test(.before(day))
            case .after: return test(.after(day))
            case .onOrBefore: return test(.onOrBefore(day))
            default: return test(.onOrAfter(day))
            }
        case .includes, .includesAny:
            guard case .list(let element) = field.type else {
                return mismatch("a list field", hint: "for a single value write `\(predicate.field) is …` or `is one of …`")
            }
            if predicate.op == .includes {
                guard case .value(let token) = predicate.operand, let value = convert(token, to: element, field: predicate.field) else { return nil }
                return test(.includes(value))
            }
            guard let values = convertList(predicate.operand, to: element, field: predicate.field) else { return nil }
            if element.isTextual {
                return test(.includesAnyText(Set(values.compactMap { if case .string(let text) = $0 { text.lowercased() } else { nil } })))
            }
            return test(.includesAny(values))
        case .mentions:
            guard field.type.isTextual else { return mismatch("a text field") }
            guard case .name(let token) = predicate.operand else { return nil }
            guard let index = lexiconIndex[token.text] else {
                if sets[token.text] != nil {
                    error("rules.not-a-lexicon", "`\(token.text)` is a set, not a lexicon", at: token.location,
                          hint: "`mentions` looks for a lexicon's words in a text; compare a field with a set: "
                            + "`… is one of \(token.text)` or `… includes any of \(token.text)`")
                    return nil
                }
                error("rules.unknown-name", "unknown lexicon `\(token.text)`", at: token.location,
                      hint: Suggestion.hint(for: token.text, in: lexiconIndex.keys) ?? "declare it with a `lexicon` block")
                return nil
            }
            return test(.mentions(index))
        case .matches:
            guard field.type.isTextual else { return mismatch("a text field") }
            guard case .pattern(let token) = predicate.operand else { return nil }
            // a pattern written again (the same text in two rules) is one pattern: searched once per text
            if let known = patternIndex[token.text] { return test(.matches(known)) }
            do {
                let pattern = try Pattern(token.text)
                if let misplaced = PatternAnchors.misplaced(in: token.text) {
                    let meaning = misplaced.anchor == "$" ? ("the end of a line", "a dollar sign") : ("the start of a line", "a caret")
                    error("rules.pattern-never-matches", "`\(misplaced.anchor)` is \(meaning.0), so `\(misplaced.written)` can never match",
                          at: SourceLocation(file: token.location.file, line: token.location.line, column: token.location.column + 1 + misplaced.offset),
                          hint: "for \(meaning.1) write `\\\(misplaced.anchor)`")
                    return nil
                }
                patterns.append(pattern)
                patternIndex[token.text] = patterns.count - 1
                return test(.matches(patterns.count - 1))
            } catch let failure as Pattern.SyntaxError {
                error("rules.invalid-pattern", "the pattern does not parse: \(failure.message)",
                      at: SourceLocation(file: token.location.file, line: token.location.line, column: token.location.column + 1 + failure.offset),
                      hint: failure.hint)
                return nil
            } catch {
                return nil
            }
        }
    }

    private mutating func convertList(_ operand: PredicateSyntax.Operand, to type: FieldType, field: String) -> [FactValue]? {
        switch operand {
        case .list(let tokens):
            let values = tokens.map { convert($0, to: type, field: field) }
            return values.contains { $0 == nil } ? nil : values.compactMap { $0 }
        case .name(let token):
            guard let set = sets[token.text] else {
                if lexiconIndex[token.text] != nil {
                    error("rules.not-a-set", "`\(token.text)` is a lexicon, not a set", at: token.location,
                          hint: "`is one of` and `includes any of` take a `set` or a list `(a, b)`; "
                            + "a lexicon's words are found in a text: `text mentions \(token.text)`")
                    return nil
                }
                error("rules.unknown-name", "unknown set `\(token.text)`", at: token.location,
                      hint: Suggestion.hint(for: token.text, in: sets.keys) ?? "write a list `(a, b)` or declare a `set`")
                return nil
            }
            var values: [FactValue] = []
            let use = token.location
            for word in set.values {
                let token = Token(.word, word, set.location)
                guard let value = convert(token, to: type, field: field, via: set.name, usedAt: use) else { return nil }
                values.append(value)
            }
            return values
        default:
            return nil
        }
    }

    private mutating func convert(_ token: Token, to type: FieldType, field: String, via set: String? = nil,
                                  usedAt: SourceLocation? = nil) -> FactValue? {
        let word = token.text
        let origin = set.map { " (in set `\($0)`)" } ?? ""
        switch type {
        case .enumeration(let index):
            let enumeration = vocabulary.enums[index]
            guard let symbol = enumeration.caseIndex(of: word) else {
                var hint = "allowed values: \(enumeration.allowedValues)"
                if let close = Suggestion.closest(to: word, in: enumeration.allWords) { hint = "did you mean `\(close)`? " + hint }
                // the set may be right and its use wrong: say where it meets the field
                if let set, let usedAt { hint += "; `\(set)` is compared with `\(field)` at \(usedAt)" }
                error("rules.unknown-value", "`\(word)`\(origin) is not a value of `\(field)`", at: token.location, hint: hint)
                return nil
            }
            return .symbol(symbol)
        case .bool:
            switch word.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default:
                error("rules.type-mismatch", "`\(field)` is true or false, not `\(word)`", at: token.location)
                return nil
            }
        case .date:
            guard let day = CivilDate.parse(word) else {
                error("rules.invalid-date", "`\(word)` is not a date", at: token.location,
                      hint: CivilDate.hint(for: word, formats: "write YYYY-MM-DD"))
                return nil
            }
            return .date(day)
        case .number:
            guard let number = Double(word) else {
                error("rules.type-mismatch", "`\(field)` is a number, not `\(word)`", at: token.location)
                return nil
            }
            return .number(number)
        case .string, .text:
            return .string(word)
        case .list, .objects:
            error("rules.type-mismatch", "`\(field)` is a list", at: token.location)
            return nil
        }
    }

    /// The predicate as a reviewer wrote it.
    static func render(_ predicate: PredicateSyntax) -> String {
        let operand: String
        switch predicate.operand {
        case .none: operand = ""
        case .value(let token): operand = token.kind == .string ? " \"\(token.text)\"" : " \(token.text)"
        case .list(let tokens): operand = " (" + tokens.map(\.text).joined(separator: ", ") + ")"
        case .name(let token): operand = " \(token.text)"
        case .pattern(let token): operand = " \"\(token.text)\""
        }
        return "\(predicate.field) \(predicate.op.rawValue)\(operand)"
    }
}
