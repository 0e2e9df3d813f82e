/// Compiles the `source`, `set`, `lexicon`, `define` and `rule` blocks against a vocabulary, checking
/// every reference: sources, sets, lexicons, definitions, overrides (no dangling ids, no cycles),
/// message placeholders and examples.
struct RuleCompiler {
    struct Output {
        var sources: [String: SourceDocument] = [:]
        var lexicons: [Lexicon] = []
        var patterns: [Pattern] = []
        var rules: [Rule] = []
        var factPaths: [String] = []
    }

    let vocabulary: Vocabulary
    var diagnostics: [Diagnostic] = []
    /// Attributes of the rule being compiled that were written indented under another one (reported once,
    /// by `checkIndentation`, and not again as missing or as part of a condition).
    var misindented: (keys: Set<String>, lines: Set<SourceLocation>) = ([], [])
    /// Attributes of the block being compiled whose key is a typo of an allowed one, by that key: reported
    /// once as unknown (with the "did you mean"), then read as the key meant, so that a typo is one error.
    var misspelled: [String: Block.Attribute] = [:]

    init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
    }

    mutating func error(_ code: String, _ message: String, at location: SourceLocation, hint: String? = nil) {
        diagnostics.append(Diagnostic(code, message, at: location, hint: hint))
    }

    private mutating func checkAttributes(_ block: Block, allowed: [String], allowBare: Bool = false) {
        misspelled = [:]
        for attribute in block.attributes where !allowed.contains(attribute.key) && !attribute.key.hasPrefix("example ") {
            if let meant = Suggestion.closest(to: attribute.key, in: allowed), block.attribute(meant) == nil, misspelled[meant] == nil {
                misspelled[meant] = attribute
            }
            error("rules.unknown-attribute", "`\(attribute.key)` is not an attribute of `\(block.keyword)`", at: attribute.keyLocation,
                  hint: Suggestion.hint(for: attribute.key, in: allowed) ?? "allowed: \(allowed.map { "`\($0)`" }.joined(separator: ", "))")
        }
        for (repeated, first) in block.repeatedAttributes where allowed.contains(repeated.key) {
            diagnostics.append(.repeatedAttribute(repeated, first: first, in: block))
        }
        if !allowBare {
            for line in block.bareLines {
                let hint = Self.isExampleHeader(line.text)
                    ? "an example's header ends in a colon: `\(line.text.trimmingSpaces()):`"
                    : "allowed: \(allowed.map { "`\($0)`" }.joined(separator: ", "))"
                error("rules.expected-attribute", "expected `key: value`, found `\(line.text)`", at: line.location, hint: hint)
            }
        }
    }

    /// Whether a line that is no `key: value` is an example's header written without its colon.
    static func isExampleHeader(_ text: String) -> Bool {
        let words = text.trimmingSpaces().split(separator: " ", maxSplits: 2)
        return words.count == 3 && words[0] == "example" && Example.Expectation(rawValue: String(words[1])) != nil
    }

    private mutating func required(_ block: Block, _ key: String, hint: String? = nil) -> Block.Attribute? {
        guard let attribute = block.attribute(key) ?? misspelled[key] else {
            if misindented.keys.contains(key) { return nil }
            error("rules.missing-attribute", "\(block.keyword) `\(block.name)` has no `\(key)`", at: block.location, hint: hint)
            return nil
        }
        return attribute
    }

    mutating func compile(_ blocks: [Block]) -> Output {
        var output = Output()
        var firstSeen: [String: SourceLocation] = [:]
        func unique(_ block: Block, _ namespace: String) -> Bool {
            let key = namespace + ":" + block.name
            if let first = firstSeen[key] {
                diagnostics.append(Diagnostic("rules.duplicate-id", "\(block.keyword) `\(block.name)` is declared twice (first at \(first))",
                                              at: block.nameLocation, hint: "every id is unique in the rule set"))
                return false
            }
            firstSeen[key] = block.nameLocation
            // a set, lexicon or definition is named in lower case (docs/rule-language.md), as conditions read it
            if namespace == "name", block.name.unicodeScalars.contains(where: { !(("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-") }) {
                let suggestion = block.name.lowercased().replacingOccurrences(of: "_", with: "-")
                diagnostics.append(Diagnostic("rules.invalid-name", "\(block.keyword) name `\(block.name)` must be lower-case letters, digits and `-`",
                                              at: block.nameLocation, hint: "did you mean `\(suggestion)`?"))
            }
            return true
        }

        // sources
        for block in blocks where block.keyword == "source" {
            checkAttributes(block, allowed: ["title", "date", "identifier", "url", "author", "quoted in", "note"])
            guard unique(block, "source"), let title = required(block, "title"), let date = required(block, "date") else { continue }
            let dateText = AttributeValues.string(date.value)
            let dateValid = CivilDate.parse(dateText) != nil
                || (dateText.count == 4 && Int(dateText) != nil)
                || (dateText.count == 7 && CivilDate.parse(dateText + "-01") != nil)
            if !dateValid {
                error("rules.invalid-date", "`\(dateText)` is not a date", at: date.valueLocation, hint: CivilDate.hint(for: dateText, formats: "write YYYY-MM-DD, YYYY-MM or YYYY"))
            }
            output.sources[block.name] = SourceDocument(
                id: block.name, title: AttributeValues.text(title), date: dateText,
                identifier: block.attribute("identifier").map(AttributeValues.text), url: block.attribute("url").map(AttributeValues.text),
                author: block.attribute("author").map(AttributeValues.text), quotedIn: block.attribute("quoted in").map { AttributeValues.string($0.value) },
                note: block.attribute("note").map(AttributeValues.text), location: block.location)
        }
        for source in output.sources.values {
            if let quoted = source.quotedIn, output.sources[quoted] == nil {
                let value = blocks.first { $0.keyword == "source" && $0.name == source.id }?.attribute("quoted in")?.valueLocation
                error("rules.unknown-source", "source `\(source.id)` is quoted in `\(quoted)`, which is not declared", at: value ?? source.location,
                      hint: Suggestion.hint(for: quoted, in: output.sources.keys))
            }
        }

        // sets
        var sets: [String: ConditionCompiler.SetDefinition] = [:]
        for block in blocks where block.keyword == "set" {
            checkAttributes(block, allowed: ["values"])
            guard unique(block, "name"), let values = required(block, "values") else { continue }
            let list = AttributeValues.list(([values.value] + values.children.map(\.text)).joined(separator: ", "))
            if list.isEmpty { error("rules.empty-list", "set `\(block.name)` has no values", at: values.valueLocation) }
            sets[block.name] = ConditionCompiler.SetDefinition(name: block.name, values: list, location: values.valueLocation)
        }

        // lexicons
        var lexiconIndex: [String: Int] = [:]
        let lexer = Lexer()
        for block in blocks where block.keyword == "lexicon" {
            checkAttributes(block, allowed: ["match", "entries", "note"])
            guard unique(block, "name"), let entries = required(block, "entries") else { continue }
            var wholeWords = true
            if let match = block.attribute("match") {
                switch match.value {
                case "words": wholeWords = true
                case "anywhere": wholeWords = false
                default: error("rules.invalid-value", "`match` is `words` or `anywhere`", at: match.valueLocation)
                }
            }
            var list: [Lexicon.Entry] = []
            var firstEntry: [String: SourceLocation] = [:]
            for line in entries.children {
                var lineDiagnostics: [Diagnostic] = []
                let tokens = lexer.tokens(in: line.text, at: line.location, diagnostics: &lineDiagnostics)
                diagnostics += lineDiagnostics
                guard let first = tokens.first, first.kind == .string || first.kind == .word else { continue }
                var caseSensitive = false
                let extras = Array(tokens.dropFirst())
                if extras.count == 2, extras[0].text.lowercased() == "case", extras[1].text.lowercased() == "sensitive" {
                    // one mistake, one error: the two words of a `case-sensitive` written without its hyphen
                    error("rules.unexpected-token", "unexpected `case sensitive` after a lexicon entry", at: extras[0].location,
                          hint: "did you mean `case-sensitive`?")
                } else {
                    for extra in extras {
                        if extra.isWord("case-sensitive") {
                            caseSensitive = true
                        } else {
                            error("rules.unexpected-token", "unexpected `\(extra.text)` after a lexicon entry", at: extra.location,
                                  hint: Suggestion.hint(for: extra.text, in: ["case-sensitive"]) ?? "an entry is a quoted phrase, optionally followed by `case-sensitive`")
                        }
                    }
                }
                if first.text.trimmingSpaces().isEmpty {
                    error("rules.empty-entry", "a lexicon entry is empty", at: first.location)
                    continue
                }
                // the same words, as matching reads them (any run of white space is one space; case, unless case-sensitive)
                let words = first.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                let key = (caseSensitive ? "=" : "~") + (caseSensitive ? words : words.lowercased())
                if let earlier = firstEntry[key] {
                    error("rules.duplicate-entry", "lexicon `\(block.name)` lists `\(first.text)` twice (first at \(earlier))",
                          at: first.location, hint: "remove one of them")
                    continue
                }
                firstEntry[key] = first.location
                list.append(Lexicon.Entry(text: first.text, caseSensitive: caseSensitive, location: first.location))
            }
            if list.isEmpty { error("rules.empty-list", "lexicon `\(block.name)` has no entries", at: entries.keyLocation) }
            lexiconIndex[block.name] = output.lexicons.count
            output.lexicons.append(Lexicon(name: block.name, title: block.title ?? block.name, wholeWords: wholeWords,
                                           entries: list, location: block.location))
        }

        // definitions
        var definitions: [String: ConditionCompiler.Definition] = [:]
        for block in blocks where block.keyword == "define" {
            checkAttributes(block, allowed: ["when"])
            guard unique(block, "name"), let when = required(block, "when") else { continue }
            definitions[block.name] = ConditionCompiler.Definition(name: block.name, syntax: parseCondition(when), location: block.location)
        }
        var conditions = ConditionCompiler(vocabulary: vocabulary, sets: sets, lexiconIndex: lexiconIndex, definitions: definitions)
        // every definition is compiled, also the unused ones, so that their errors show
        for block in blocks where block.keyword == "define" {
            _ = conditions.compile(.reference(block.name, block.nameLocation))
        }

        // rules
        let ruleAttributes = ["title", "source", "applies to", "when", "verdict", "message nl", "message en", "weigh nl", "weigh en",
                              "overrides", "valid from", "valid until", "quote", "note"]
        var overrideLocations: [String: [(String, SourceLocation)]] = [:]
        var ruleMakers: [(EvidenceNames) -> Rule] = []
        for block in blocks where block.keyword == "rule" {
            checkAttributes(block, allowed: ruleAttributes)
            // a second rule of an id is checked like any other (its other errors shown at once), but not kept
            let duplicate = !unique(block, "rule")
            checkIndentation(block, ruleAttributes: ruleAttributes)
            if block.name.contains(where: { !($0.isUppercase || $0.isNumber || $0 == "-") }) {
                let suggestion = block.name.uppercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
                error("rules.invalid-id", "rule id `\(block.name)` must be upper-case letters, digits and `-`", at: block.nameLocation,
                      hint: suggestion.contains(where: { !($0.isUppercase || $0.isNumber || $0 == "-") }) ? nil : "did you mean `\(suggestion)`?")
            }
            let citation = parseCitation(block, sources: output.sources)
            let kinds = parseKinds(block)
            let whenAttribute = required(block, "when")
            let syntax = whenAttribute.flatMap { parseCondition($0) }
            if let syntax { checkFieldKinds(syntax, kinds: kinds, ruleID: block.name) }
            let condition = syntax.flatMap { conditions.compile($0) }
            if let condition { checkMatchPlaceholder(block, condition) }
            let verdict = parseVerdict(block)
            let messageNL = required(block, "message nl").map(AttributeValues.text)
            let messageEN = required(block, "message en").map(AttributeValues.text)
            for (key, message) in [("message nl", messageNL), ("message en", messageEN)] {
                if let message, let attribute = block.attribute(key) { checkPlaceholders(message, at: attribute.valueLocation) }
            }
            for key in ["message nl", "message en", "weigh nl", "weigh en", "quote", "note"] {
                if let attribute = block.attribute(key) { checkClosedStrings(attribute) }
            }
            let weighNL = (block.attribute("weigh nl") ?? misspelled["weigh nl"]).map(AttributeValues.text)
            let weighEN = (block.attribute("weigh en") ?? misspelled["weigh en"]).map(AttributeValues.text)
            if verdict == .judgement, weighNL == nil || weighEN == nil {
                error("rules.missing-attribute", "judgement rule `\(block.name)` does not say what to weigh", at: block.location,
                      hint: "add `weigh nl:` and `weigh en:`")
            }
            if let verdict, verdict != .judgement {
                // a finding shows what to weigh only for a judgement: left from an earlier verdict, it would never be read
                for key in ["weigh nl", "weigh en"] {
                    guard let attribute = block.attribute(key) else { continue }
                    error("rules.unused-attribute", "`\(key)` is shown only with a judgement; rule `\(block.name)` is \(verdict.rawValue)",
                          at: attribute.keyLocation, hint: "remove it, or make the verdict `judgement`")
                }
            }
            var overrides: [String] = []
            if let attribute = block.attribute("overrides") {
                overrides = AttributeValues.list(attribute.value)
                if !duplicate { overrideLocations[block.name] = overrides.map { ($0, attribute.valueLocation) } }
            }
            let validFrom = parseDate(block, "valid from")
            let validUntil = parseDate(block, "valid until")
            if let from = validFrom, let until = validUntil, until < from, let untilAttribute = block.attribute("valid until") {
                error("rules.invalid-date", "rule `\(block.name)` is valid until \(CivilDate.format(until)), before it is valid from \(CivilDate.format(from))",
                      at: untilAttribute.valueLocation, hint: "both days are included: `valid until` is on or after `valid from`")
            }
            let examples = parseExamples(block)
            checkExamples(examples, of: block, kinds: kinds, validFrom: validFrom, validUntil: validUntil)
            // an example header without its colon is reported as such (see `checkAttributes`), not also as a missing example
            // and an example header already refused (`example fire "x":`, `example fires:`) is not also a missing example
            let headerWithoutColon = block.bareLines.contains { Self.isExampleHeader($0.text) } || misindented.keys.contains("example")
                || examples.count < block.attributes.filter { $0.key.hasPrefix("example ") }.count
            if !headerWithoutColon, !examples.contains(where: { $0.expectation == .fires || $0.expectation == .overridden }) {
                error("rules.missing-example", "rule `\(block.name)` has no example that fires", at: block.location,
                      hint: "add `example fires \"…\":` with the facts of a description it judges")
            }
            if !headerWithoutColon, !examples.contains(where: { $0.expectation == .silent }) {
                error("rules.missing-example", "rule `\(block.name)` has no example where it stays silent", at: block.location,
                      hint: "add `example silent \"…\":` with a description it does not judge")
            }
            let title = ruleTitle(block)
            guard !duplicate, let citation, let condition, let verdict, let messageNL, let messageEN, let whenAttribute, let title else { continue }
            // made once every condition is compiled: the rules share the names their evidence's keys stand for
            let index = ruleMakers.count
            ruleMakers.append { names in
                Rule(index: index, id: block.name, title: title, citation: citation, kinds: kinds, condition: condition,
                     conditionText: AttributeValues.conditionText(whenAttribute), verdict: verdict, messageNL: messageNL, messageEN: messageEN,
                     weighNL: weighNL, weighEN: weighEN, overrides: overrides, validFrom: validFrom, validUntil: validUntil,
                     quote: block.attribute("quote").map(AttributeValues.text), examples: examples, location: block.location,
                     evidenceNames: names)
            }
        }
        let names = EvidenceNames(factPaths: conditions.factPaths, values: DisplayNames(vocabulary).names)
        output.rules = ruleMakers.map { $0(names) }
        output.patterns = conditions.patterns
        output.factPaths = conditions.factPaths
        diagnostics += conditions.diagnostics
        checkOverrides(output.rules, locations: overrideLocations, declared: Set(firstSeen.keys.filter { $0.hasPrefix("rule:") }.map { String($0.dropFirst(5)) }))
        return output
    }

    private mutating func parseCondition(_ attribute: Block.Attribute) -> ConditionSyntax? {
        var tokens: [Token] = []
        let lexer = Lexer()
        var lexDiagnostics: [Diagnostic] = []
        tokens += lexer.tokens(in: attribute.value, at: attribute.valueLocation, diagnostics: &lexDiagnostics)
        func collect(_ nodes: [OutlineNode]) {
            for node in nodes where !misindented.lines.contains(node.location) {
                tokens += lexer.tokens(in: node.text, at: node.location, diagnostics: &lexDiagnostics)
                collect(node.children)
            }
        }
        collect(attribute.children)
        diagnostics += lexDiagnostics
        var parser = ConditionParser(tokens: tokens, end: attribute.valueLocation)
        let (syntax, problems) = parser.parse()
        diagnostics += problems
        return syntax
    }

    /// A text value written in quotes must close its quotes (on each of its lines).
    private mutating func checkClosedStrings(_ attribute: Block.Attribute) {
        var problems: [Diagnostic] = []
        let lexer = Lexer()
        // the lexer (which says where) runs only on a line whose quick scan finds an open string
        if attribute.value.hasPrefix("\""), Lexer.hasUnterminatedString(attribute.value) {
            _ = lexer.tokens(in: attribute.value, at: attribute.valueLocation, diagnostics: &problems)
        }
        for line in attribute.children where line.text.hasPrefix("\"") && Lexer.hasUnterminatedString(line.text) {
            _ = lexer.tokens(in: line.text, at: line.location, diagnostics: &problems)
        }
        diagnostics += problems.filter { $0.code == "rules.unterminated-string" }
    }

    private mutating func parseCitation(_ block: Block, sources: [String: SourceDocument]) -> Citation? {
        guard let attribute = required(block, "source", hint: "write `source: SOURCE-ID, \"Antwoord 7\"`") else { return nil }
        let parts = AttributeValues.list(attribute.value)
        guard let id = parts.first else {
            error("rules.missing-attribute", "rule `\(block.name)` cites no source", at: attribute.valueLocation)
            return nil
        }
        guard sources[id] != nil else {
            error("rules.unknown-source", "unknown source `\(id)`", at: attribute.valueLocation,
                  hint: Suggestion.hint(for: id, in: sources.keys) ?? "declare it with a `source` block")
            return nil
        }
        guard parts.count >= 2 else {
            error("rules.missing-locator", "the citation of `\(block.name)` does not say where in `\(id)`", at: attribute.valueLocation,
                  hint: "add the section, page or answer: `source: \(id), \"Antwoord 7\"`")
            return nil
        }
        return Citation(sourceID: id, locator: parts.dropFirst().joined(separator: ", "), location: attribute.valueLocation)
    }

    /// A rule's title, in its header (`rule ID "title"`) or as `title:`: what reports, `neutraal rules` and the
    /// catalog show beside the id. Without one, or with both, it is an error.
    private mutating func ruleTitle(_ block: Block) -> String? {
        let attribute = block.attribute("title") ?? misspelled["title"]
        switch (block.title, attribute) {
        case (let title?, nil):
            return title
        case (nil, let attribute?):
            return AttributeValues.text(attribute)
        case (_?, let attribute?):
            error("rules.duplicate-attribute", "rule `\(block.name)` has a title in its header and a `title:`", at: attribute.keyLocation,
                  hint: "keep the one in the header: `rule \(block.name) \"…\"`")
            return nil
        case (nil, nil):
            error("rules.missing-attribute", "rule `\(block.name)` has no title", at: block.nameLocation,
                  hint: "write what the rule says after its id, in quotes: `rule \(block.name) \"Geen partijpolitiek op een corporate account\"`")
            return nil
        }
    }

    private mutating func parseKinds(_ block: Block) -> Set<Int32>? {
        guard let attribute = required(block, "applies to", hint: "write `applies to: post` or `applies to: any`") else { return nil }
        let words = AttributeValues.list(attribute.value)
        if words == ["any"] { return nil }
        if words.contains("any") {
            // `any` is every kind: beside a kind it is no kind, and not a typo either
            error("rules.unknown-kind", "`any` stands alone: it means every kind", at: attribute.valueLocation,
                  hint: "write `applies to: any`, or name the kinds without it: `applies to: \(words.filter { $0 != "any" }.joined(separator: ", "))`")
            return []
        }
        var kinds: Set<Int32> = []
        for word in words {
            if let index = vocabulary.kinds.caseIndex(of: word) {
                kinds.insert(index)
            } else {
                error("rules.unknown-kind", "`\(word)` is not a kind", at: attribute.valueLocation,
                      hint: Suggestion.hint(for: word, in: vocabulary.kinds.allWords) ?? "kinds: \(vocabulary.kinds.allowedValues), or `any`")
            }
        }
        return kinds
    }

    private mutating func parseVerdict(_ block: Block) -> Verdict? {
        guard let attribute = required(block, "verdict", hint: "write `verdict: violation` (or allowed, judgement, advisory)") else { return nil }
        guard let verdict = Verdict(word: attribute.value) else {
            error("rules.unknown-value", "`\(attribute.value)` is not a verdict", at: attribute.valueLocation, hint: Self.verdictHint(attribute.value))
            return nil
        }
        return verdict
    }

    /// The hint for a word that is not a verdict: the closest verdict, and all of them.
    static func verdictHint(_ word: String) -> String {
        (Suggestion.hint(for: word, in: Verdict.allCases.map(\.rawValue)).map { $0 + " " } ?? "")
            + "verdicts: `allowed`, `violation`, `judgement`, `advisory`"
    }

    private mutating func parseDate(_ block: Block, _ key: String) -> Int32? {
        guard let attribute = block.attribute(key) else { return nil }
        guard let day = CivilDate.parse(attribute.value.trimmingSpaces()) else {
            error("rules.invalid-date", "`\(attribute.value)` is not a date", at: attribute.valueLocation,
                  hint: CivilDate.hint(for: attribute.value.trimmingSpaces(), formats: "write YYYY-MM-DD"))
            return nil
        }
        return day
    }

    /// Every `{name}` of a message names a field (or is `{match}`).
    private mutating func checkPlaceholders(_ message: String, at location: SourceLocation) {
        let bytes = Array(message.utf8)
        guard Self.bracesStandAlone(bytes) else {
            checkPlaceholdersByCharacter(message, at: location)
            return
        }
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "{") else { index += 1; continue }
            guard let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")) else {
                error("rules.invalid-placeholder", "a `{` in the message is not closed", at: location)
                return
            }
            checkPlaceholder(String(decoding: bytes[(index + 1)..<close], as: UTF8.self), at: location)
            index = close + 1
        }
    }

    /// Whether every `{` and `}` of a message is a character of its own (its neighbours are ASCII), so that
    /// looking for them byte by byte finds what looking character by character finds.
    private static func bracesStandAlone(_ bytes: [UInt8]) -> Bool {
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") {
            if index > 0, bytes[index - 1] >= 0x80 { return false }
            if index + 1 < bytes.count, bytes[index + 1] >= 0x80 { return false }
        }
        return true
    }

    /// The placeholder check for a message where a brace may join the character next to it.
    private mutating func checkPlaceholdersByCharacter(_ message: String, at location: SourceLocation) {
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else {
                error("rules.invalid-placeholder", "a `{` in the message is not closed", at: location)
                return
            }
            checkPlaceholder(String(rest[rest.index(after: open)..<close]), at: location)
            rest = rest[rest.index(after: close)...]
        }
    }

    private mutating func checkPlaceholder(_ name: String, at location: SourceLocation) {
        guard name != "match", vocabulary.root.slotByPath[name] == nil else { return }
        // a field of a list's elements (`sections.draftedBy`) has a value per element, none for the message
        let list = vocabulary.root.fields.first { field in
            if case .objects = field.type { return name.hasPrefix(field.path + ".") }
            return false
        }
        if let list {
            error("rules.unknown-field", "the message quotes `{\(name)}`, a field of each element of `\(list.path)`", at: location,
                  hint: "a message quotes the description's own fields and `{match}` (the words found), not an element's")
            return
        }
        error("rules.unknown-field", "the message quotes unknown field `{\(name)}`", at: location,
              hint: Suggestion.hint(for: name, in: vocabulary.root.paths + ["match"]))
    }

    private mutating func parseExamples(_ block: Block) -> [Example] {
        var examples: [Example] = []
        for attribute in block.attributes where attribute.key.hasPrefix("example ") {
            var diagnosticsHere: [Diagnostic] = []
            let tokens = Lexer().tokens(in: attribute.key, at: attribute.keyLocation, diagnostics: &diagnosticsHere)
            diagnostics += diagnosticsHere
            guard tokens.count == 3, let expectation = Example.Expectation(rawValue: tokens[1].text), tokens[2].kind == .string else {
                let words = Example.Expectation.allCases.map(\.rawValue)
                let known = tokens.count > 1 && Example.Expectation(rawValue: tokens[1].text) != nil
                let typo = tokens.count > 1 && !known ? Suggestion.hint(for: tokens[1].text, in: words).map { $0 + " " } ?? "" : ""
                if known, tokens.count == 2 {
                    error("rules.invalid-example", "example `\(tokens[1].text)` has no name", at: attribute.keyLocation,
                          hint: "name it in quotes, as test reports show it: `example \(tokens[1].text) \"stemoproep op een corporate account\":`")
                    continue
                }
                error("rules.invalid-example", "an example starts with `example fires \"name\":`", at: attribute.keyLocation,
                      hint: typo + "the expectation is one of \(words.map { "`\($0)`" }.joined(separator: ", "))")
                continue
            }
            if !attribute.value.isEmpty {
                error("rules.invalid-example", "the facts of an example go on the indented lines below it", at: attribute.valueLocation)
            }
            let source = block.source
            var lines: [HeaderLine] = []
            var expectedVerdict: Verdict?
            let misindentedFacts = checkExampleIndentation(attribute)
            for child in attribute.children where !misindented.lines.contains(child.location) {
                guard let split = Lexer().splitAttribute(child) else {
                    error("rules.invalid-example", "expected `key: value`, found `\(child.text)`", at: child.location)
                    continue
                }
                if split.key == "expect verdict" {
                    expectedVerdict = Verdict(word: split.value)
                    if expectedVerdict == nil {
                        error("rules.unknown-value", "`\(split.value)` is not a verdict", at: split.valueLocation, hint: Self.verdictHint(split.value))
                    }
                    continue
                }
                if split.key.lowercased() == "expect" || split.key.lowercased().hasPrefix("expect ") {
                    // a sample's expectation lines would be read and then never compared: refuse them
                    error("rules.invalid-example", "`\(split.key)` is not checked in an example", at: split.keyLocation,
                          hint: "an example checks its own rule (`example fires`, `silent`, `overridden`, `undetermined`) and may add "
                            + "`expect verdict:`; to check every rule that fires, write a sample in Samples/ with `expect rules:`")
                    continue
                }
                lines.append(HeaderLine(key: split.key, keyOffset: source.offset(of: split.keyLocation), value: split.value,
                                        valueOffset: source.offset(of: split.valueLocation)))
            }
            var builder = RecordBuilder(vocabulary: vocabulary, source: source)
            let startOffset = source.offset(of: attribute.keyLocation)
            let record = builder.build(header: lines, body: nil, startOffset: startOffset)
            diagnostics += builder.diagnostics
            let description = builder.diagnostics.isEmpty && !misindentedFacts
                ? Description(id: "\(block.name) example \"\(tokens[2].text)\"", record: record, source: source, offset: startOffset,
                              expectation: Expectation())
                : nil
            examples.append(Example(name: tokens[2].text, expectation: expectation, expectedVerdict: expectedVerdict,
                                    description: description, location: attribute.keyLocation))
        }
        return examples
    }

    private mutating func checkOverrides(_ rules: [Rule], locations: [String: [(String, SourceLocation)]], declared: Set<String>) {
        for (ruleID, targets) in locations.sorted(by: { $0.key < $1.key }) {
            for (target, location) in targets where !declared.contains(target) {
                error("rules.dangling-override", "rule `\(ruleID)` overrides `\(target)`, which does not exist", at: location,
                      hint: Suggestion.hint(for: target, in: declared.subtracting([ruleID])))
            }
            for (target, location) in targets where target == ruleID {
                error("rules.cyclic-override", "rule `\(ruleID)` overrides itself", at: location)
            }
            checkOverriddenKinds(ruleID, targets, rules)
        }
        // an example that expects its rule overridden, where no rule names it in `overrides`, can never pass
        let overridden = Set(locations.values.flatMap { $0.map(\.0) })
        for rule in rules where !overridden.contains(rule.id) {
            for example in rule.examples where example.expectation == .overridden {
                error("rules.invalid-example", "example \"\(example.name)\" expects `\(rule.id)` overridden, but no rule overrides it",
                      at: example.location, hint: "the exception names the rule it sets aside (`overrides: \(rule.id)`); or expect `fires`")
            }
        }
        // cycles through several rules
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var reported: Set<String> = []
        func visit(_ id: String, _ path: [String]) {
            if state[id] == 2 { return }
            if state[id] == 1 {
                let cycle = Array(path.drop { $0 != id }) + [id]
                let key = Set(cycle).sorted().joined(separator: ",")
                if cycle.count > 2, reported.insert(key).inserted, let location = locations[cycle[0]]?.first?.1 {
                    error("rules.cyclic-override", "rules override each other in a cycle: \(cycle.joined(separator: " → "))", at: location,
                          hint: "an exception overrides a more general rule, never the other way round")
                }
                return
            }
            state[id] = 1
            for (target, _) in locations[id] ?? [] where target != id { visit(target, path + [id]) }
            state[id] = 2
        }
        for id in locations.keys.sorted() { visit(id, []) }
    }
}

extension RuleCompiler {
    /// An exception sets a finding aside only for a description both rules judge: an override of a rule that
    /// judges none of the exception's kinds could never apply, and is an error at the name, with the kinds of
    /// both and the rules of the exception's kinds as candidates.
    fileprivate mutating func checkOverriddenKinds(_ ruleID: String, _ targets: [(String, SourceLocation)], _ rules: [Rule]) {
        // an empty set of kinds is an `applies to` already reported as wrong
        guard let rule = rules.first(where: { $0.id == ruleID }), let kinds = rule.kinds, !kinds.isEmpty else { return }
        func names(_ kinds: Set<Int32>) -> String {
            kinds.sorted().map { "`\(vocabulary.kinds.cases[Int($0)].name)`" }.joined(separator: ", ")
        }
        for (target, location) in targets where target != ruleID {
            guard let general = rules.first(where: { $0.id == target }), let targetKinds = general.kinds, !targetKinds.isEmpty,
                  kinds.isDisjoint(with: targetKinds) else { continue }
            let candidates = rules.filter { $0.id != ruleID && ($0.kinds.map { !$0.isDisjoint(with: kinds) } ?? true) }.map(\.id)
            error("rules.override-of-other-kind",
                  "rule `\(ruleID)` overrides `\(target)`, which never judges what it judges: it applies to \(names(kinds)), `\(target)` to \(names(targetKinds))",
                  at: location,
                  hint: (Suggestion.hint(for: target, in: candidates).map { $0 + " " } ?? "")
                    + "an exception sets aside a rule that judges the same kind of description")
        }
    }
}

extension AttributeValues {
    /// The text of a `when` as written, on one line.
    static func conditionText(_ attribute: Block.Attribute) -> String {
        var parts = [attribute.value]
        func collect(_ nodes: [OutlineNode]) {
            for node in nodes {
                parts.append(node.text)
                collect(node.children)
            }
        }
        collect(attribute.children)
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
