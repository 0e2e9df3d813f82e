/// Turns parsed JSON or header lines into a `Record`, checking every fact against the vocabulary:
/// unknown fields, wrong types, values outside an enumeration, duplicates, fields of another kind and
/// missing required fields all become located diagnostics with the allowed values.
public struct RecordBuilder {
    public let vocabulary: Vocabulary
    public let source: SourceText
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var expectation = Expectation()
    public private(set) var waivers: [Waiver] = []

    public init(vocabulary: Vocabulary, source: SourceText) {
        self.vocabulary = vocabulary
        self.source = source
    }

    private mutating func error(_ code: String, _ message: String, at offset: Int, hint: String? = nil) {
        diagnostics.append(Diagnostic(code, message, at: source.location(at: offset), hint: hint))
    }

    // MARK: JSON

    /// Builds the top-level record from a JSON object.
    public mutating func build(json: JSONValue) -> Record {
        var record = Record(slotCount: vocabulary.root.fields.count)
        guard case .object(let members, let offset) = json else {
            error("input.not-an-object", "a description must be a JSON object, found \(json.typeName)", at: json.offset,
                  hint: "write `{\"kind\": \"post\", …}`")
            return record
        }
        fill(&record, layoutIndex: 0, node: vocabulary.root.keys, prefix: "", members: members, topLevel: true)
        finish(&record, layoutIndex: 0, startOffset: offset)
        return record
    }

    private mutating func fill(_ record: inout Record, layoutIndex: Int, node: RecordLayout.KeyNode, prefix: String,
                               members: [JSONValue.Member], topLevel: Bool) {
        let layout = vocabulary.layouts[layoutIndex]
        for member in members {
            if topLevel, prefix.isEmpty, member.key == "expect" {
                readExpectation(member.value)
                continue
            }
            if topLevel, prefix.isEmpty, member.key == "waivers" {
                readWaivers(member.value)
                continue
            }
            var target: RecordLayout.KeyNode? = node.children[member.key]
            if target == nil, member.key.utf8.contains(UInt8(ascii: ".")) {
                // a dotted key such as "account.variant"
                target = node
                for component in member.key.split(separator: ".", omittingEmptySubsequences: false) {
                    target = target?.children[String(component)]
                }
            }
            let path = prefix + member.key
            guard let found = target else {
                error("input.unknown-field", "unknown field `\(path)`", at: member.keyOffset, hint: Self.unknownFieldHint(path, layout))
                continue
            }
            if let slot = found.slot {
                if case .null = member.value { continue }
                if record.values[slot] != nil {
                    error("input.duplicate-field", "field `\(path)` is given twice", at: member.keyOffset,
                          hint: "keep one of the two")
                    continue
                }
                let field = layout.fields[slot]
                // a value that cannot be used (already reported) still marks the field as given, by its offset,
                // so that a required field with a wrong value is not also reported as missing
                record.set(convert(json: member.value, type: field.type, path: path), offset: Int32(clamping: member.keyOffset), at: slot)
            } else if case .object(let inner, _) = member.value {
                fill(&record, layoutIndex: layoutIndex, node: found, prefix: path + ".", members: inner, topLevel: false)
            } else if case .null = member.value {
                continue
            } else {
                let subfields = found.children.keys.sorted().map { "`\($0)`" }.joined(separator: ", ")
                error("input.wrong-type", "field `\(path)` must be an object with \(subfields), found \(member.value.typeName)",
                      at: member.value.offset, hint: "or write the dotted name, such as `\(path).\(found.children.keys.sorted().first ?? "")`")
            }
        }
    }

    private mutating func convert(json: JSONValue, type: FieldType, path: String) -> FactValue? {
        switch (type, json) {
        case (.string, .string(let text, _)), (.text, .string(let text, _)):
            return .string(text)
        case (.bool, .bool(let flag, _)):
            return .bool(flag)
        case (.number, .number(let number, _)):
            return .number(number)
        case (.date, .string(let text, let offset)):
            guard let day = CivilDate.parse(text) else {
                error("input.invalid-date", "`\(text)` is not a date for `\(path)`", at: offset, hint: "write a date as YYYY-MM-DD, e.g. 2023-11-22")
                return nil
            }
            return .date(day)
        case (.enumeration(let index), .string(let text, let offset)):
            return symbol(text, enumIndex: index, path: path, offset: offset)
        case (.list(let element), .array(let items, _)):
            var values: [FactValue] = []
            for item in items {
                if let value = convert(json: item, type: element, path: path) { values.append(value) }
            }
            return .list(values)
        case (.list(let element), _):
            // a single value where a list is expected is a list of one
            return convert(json: json, type: element, path: path).map { .list([$0]) }
        case (.objects(let layoutIndex), .array(let items, _)):
            var records: [Record] = []
            for item in items {
                guard case .object(let members, let offset) = item else {
                    error("input.wrong-type", "each element of `\(path)` must be an object, found \(item.typeName)", at: item.offset)
                    continue
                }
                let layout = vocabulary.layouts[layoutIndex]
                var element = Record(slotCount: layout.fields.count)
                fill(&element, layoutIndex: layoutIndex, node: layout.keys, prefix: "", members: members, topLevel: false)
                finish(&element, layoutIndex: layoutIndex, startOffset: offset)
                records.append(element)
            }
            return .objects(records)
        case (.objects, .object):
            return convert(json: .array([json], offset: json.offset), type: type, path: path)
        default:
            error("input.wrong-type", "field `\(path)` must be \(vocabulary.describe(type)), found \(json.typeName)",
                  at: json.offset, hint: allowedHint(for: type))
            return nil
        }
    }

    private func allowedHint(for type: FieldType) -> String? {
        switch type {
        case .enumeration(let index): return "allowed values: \(vocabulary.enums[index].allowedValues)"
        case .list(let element): return allowedHint(for: element)
        case .date: return "write a date as YYYY-MM-DD"
        case .bool: return "write true or false"
        default: return nil
        }
    }

    private mutating func symbol(_ text: String, enumIndex: Int, path: String, offset: Int) -> FactValue? {
        let enumeration = vocabulary.enums[enumIndex]
        if let index = enumeration.caseIndex(of: text.trimmingSpaces()) { return .symbol(index) }
        var hint = "allowed values: \(enumeration.allowedValues)"
        // a field whose kinds each have values of their own: the values kind by kind
        if let slot = vocabulary.layouts[0].slotByPath[path], case let byKind = vocabulary.layouts[0].fields[slot].valuesByKind, !byKind.isEmpty {
            hint = "allowed values: " + byKind.keys.sorted().map { kind in
                "for `\(vocabulary.kinds.cases[Int(kind)].name)`: \(enumeration.allowedValues(among: byKind[kind]))"
            }.joined(separator: "; ")
        }
        if text.trimmingSpaces().isEmpty {
            // `account.variant:` with nothing after it (or `""` in JSON): no value, rather than the value ``
            error("input.unknown-value", "field `\(path)` has no value", at: offset, hint: "write one of the values or leave the field out; " + hint)
            return nil
        }
        if let close = Suggestion.closest(to: text, in: enumeration.allWords) { hint = "did you mean `\(close)`? " + hint }
        error("input.unknown-value", "`\(text)` is not a value of `\(path)`", at: offset, hint: hint)
        return nil
    }

    private mutating func readExpectation(_ value: JSONValue) {
        guard case .object(let members, _) = value else {
            error("input.wrong-type", "`expect` must be an object with `verdict`, `rules` and `overridden`", at: value.offset)
            return
        }
        for member in members {
            switch (member.key, member.value) {
            case ("verdict", .string(let text, let at)):
                expectation.verdict = text.lowercased()
                expectation.places.verdict = at
            case ("rules", .array(let items, _)):
                expectation.rules = items.compactMap { if case .string(let s, _) = $0 { s } else { nil } }
                expectation.places.rules = items.compactMap { if case .string(_, let at) = $0 { at } else { nil } }
            case ("overridden", .array(let items, _)):
                expectation.overridden = items.compactMap { if case .string(let s, _) = $0 { s } else { nil } }
                expectation.places.overridden = items.compactMap { if case .string(_, let at) = $0 { at } else { nil } }
            default:
                error("input.unknown-field", "unknown expectation `expect.\(member.key)`", at: member.keyOffset,
                      hint: "expectations are `verdict`, `rules` and `overridden`")
            }
        }
    }

    private mutating func readWaivers(_ value: JSONValue) {
        let items: [JSONValue]
        switch value {
        case .array(let list, _): items = list
        case .object: items = [value]
        default:
            error("input.wrong-type", "`waivers` must be a list of objects, found \(value.typeName)", at: value.offset)
            return
        }
        for item in items {
            guard case .object(let members, let offset) = item else {
                error("input.wrong-type", "a waiver must be an object, found \(item.typeName)", at: item.offset)
                continue
            }
            var rule: String?
            var reason: String?
            var approvedBy: String?
            var until: Int32?
            for member in members {
                switch (member.key, member.value) {
                case ("rule", .string(let text, _)): rule = text
                case ("reason", .string(let text, _)): reason = text.trimmingSpaces().isEmpty ? nil : text
                case ("approvedBy", .string(let text, _)): approvedBy = text.trimmingSpaces().isEmpty ? nil : text
                case ("until", .string(let text, let at)):
                    until = CivilDate.parse(text)
                    if until == nil { error("input.invalid-date", "`\(text)` is not a date for `waivers.until`", at: at, hint: "write YYYY-MM-DD") }
                default:
                    error("input.unknown-field", "unknown waiver field `\(member.key)`", at: member.keyOffset,
                          hint: Suggestion.hint(for: member.key, in: ["rule", "reason", "approvedBy", "until"])
                            ?? "a waiver has `rule`, `reason`, `approvedBy` and `until`")
                }
            }
            guard let rule else {
                error("input.missing-field", "a waiver must name its `rule`", at: offset)
                continue
            }
            waivers.append(Waiver(rule: rule, reason: reason, approvedBy: approvedBy, until: until, offset: offset))
        }
    }

    // MARK: Header lines

    /// Builds the top-level record from header lines and an optional body text.
    public mutating func build(header lines: [HeaderLine], body: (text: String, offset: Int)?, startOffset: Int) -> Record {
        var record = Record(slotCount: vocabulary.root.fields.count)
        let layout = vocabulary.root
        for line in lines {
            let key = line.key
            if key.lowercased().hasPrefix("expect ") || key.lowercased() == "expect" {
                readExpectation(line)
                continue
            }
            if key == "waivers" {
                let bytes = Array(line.value.utf8)
                switch JSONParser().parse(bytes, range: 0..<bytes.count) {
                case .success(let json): readWaivers(Self.shift(json, by: line.valueOffset))
                case .failure(let failure):
                    error("input.invalid-json", "`waivers` must be a JSON list: \(failure.message)", at: line.valueOffset + failure.offset,
                          hint: "write `[{\"rule\": \"RULE-ID\", \"reason\": \"…\", \"approvedBy\": \"…\", \"until\": \"YYYY-MM-DD\"}]`")
                }
                continue
            }
            guard let slot = layout.slotByPath[key] else {
                error("input.unknown-field", "unknown field `\(key)`", at: line.keyOffset, hint: Self.unknownFieldHint(key, layout))
                continue
            }
            if record.values[slot] != nil {
                error("input.duplicate-field", "field `\(key)` is given twice", at: line.keyOffset, hint: "keep one of the two")
                continue
            }
            // as in JSON: an unusable value still marks the field as given
            let reported = diagnostics.count
            record.set(convert(header: line.value, offset: line.valueOffset, type: layout.fields[slot].type, path: key),
                       offset: Int32(clamping: line.keyOffset), at: slot)
            noteNoHeaderComments(since: reported, value: line.value)
        }
        if let body, let textSlot = vocabulary.textSlot {
            if record.values[textSlot] != nil {
                error("input.duplicate-field", "the text is given twice: in the header and below it", at: body.offset,
                      hint: "keep the text below the header")
            } else if !body.text.isEmpty {
                record.set(.string(body.text), offset: Int32(clamping: body.offset), at: textSlot)
            }
        }
        finish(&record, layoutIndex: 0, startOffset: startOffset)
        return record
    }

    /// A header value is the whole rest of its line: `kind: post # note` gives the value `post # note`, since a `#`
    /// belongs in values such as hashtags. When such a value could not be used, the hints of its errors say so.
    private mutating func noteNoHeaderComments(since first: Int, value: String) {
        guard first < diagnostics.count, value.contains(" #") || value.contains("\t#") else { return }
        let note = "the whole rest of the line is the value: `#` starts no comment in a header "
            + "(a note goes on a line of its own that starts with `#`)"
        for index in first..<diagnostics.count {
            let old = diagnostics[index]
            diagnostics[index] = Diagnostic(old.code, old.message, at: old.location,
                                            hint: old.hint.map { note + "; " + $0 } ?? note, severity: old.severity)
        }
    }

    private mutating func readExpectation(_ line: HeaderLine) {
        let what = line.key.lowercased().dropFirst("expect".count).trimmingCharacters()
        let listed = Self.splitList(line.value).filter { !$0.text.isEmpty && $0.text.lowercased() != "none" && $0.text != "-" }
        let items = listed.map(\.text)
        let places = listed.map { line.valueOffset + $0.offset }
        switch what {
        case "verdict":
            expectation.verdict = line.value.trimmingSpaces().lowercased()
            expectation.places.verdict = line.valueOffset
        case "rules":
            expectation.rules = items
            expectation.places.rules = places
        case "overridden":
            expectation.overridden = items
            expectation.places.overridden = places
        default:
            error("input.unknown-field", "unknown expectation `\(line.key)`", at: line.keyOffset,
                  hint: "write `expect verdict:`, `expect rules:` or `expect overridden:`")
        }
    }

    private mutating func convert(header value: String, offset: Int, type: FieldType, path: String) -> FactValue? {
        let trimmed = Self.unquote(value.trimmingSpaces())
        // `date:` with nothing after it is told as a field without a value, not as the value ``
        let empty = trimmed.isEmpty
        switch type {
        case .string, .text:
            return .string(trimmed)
        case .bool:
            switch trimmed.lowercased() {
            case "true", "ja", "yes": return .bool(true)
            case "false", "nee", "no": return .bool(false)
            default:
                error("input.wrong-type", empty ? "field `\(path)` has no value" : "field `\(path)` must be true or false, found `\(trimmed)`",
                      at: offset, hint: "write true or false (ja or nee)" + (empty ? ", or leave the field out" : ""))
                return nil
            }
        case .number:
            guard let number = Double(trimmed) else {
                error("input.wrong-type", empty ? "field `\(path)` has no value" : "field `\(path)` must be a number, found `\(trimmed)`",
                      at: offset, hint: empty ? "write a number, or leave the field out" : nil)
                return nil
            }
            return .number(number)
        case .date:
            guard let day = CivilDate.parse(trimmed) else {
                error("input.invalid-date", empty ? "field `\(path)` has no value" : "`\(trimmed)` is not a date for `\(path)`", at: offset,
                      hint: "write a date as YYYY-MM-DD, e.g. 2023-11-22" + (empty ? ", or leave the field out" : ""))
                return nil
            }
            return .date(day)
        case .enumeration(let index):
            return symbol(trimmed, enumIndex: index, path: path, offset: offset)
        case .list(let element):
            if let unbracketed = Self.unbracketed(trimmed) {
                // `[a, b]` (as in JSON or YAML) would be read as the items `[a` and `b]`: one error for the whole list
                let example = Self.splitList(unbracketed).map(\.text).filter { !$0.isEmpty }.joined(separator: ", ")
                error("input.bracketed-list", "the list `\(path)` is written in brackets", at: offset,
                      hint: "write a list in a header as `a, b`, without brackets" + (example.isEmpty ? "" : ": `\(path): \(example)`"))
                return nil
            }
            var values: [FactValue] = []
            let items = Self.splitList(value)
            for item in items {
                guard !item.text.isEmpty else {
                    // `a, , b` or `a,`: in JSON `["a", "", "b"]` is an error too; only a value with nothing at all is an empty list
                    if items.count > 1 {
                        error("input.empty-item", "the list `\(path)` has an empty item", at: offset + min(item.offset, value.utf8.count),
                              hint: "remove the extra comma, or write a value between the commas")
                    }
                    continue
                }
                if let converted = convert(header: item.text, offset: offset + item.offset, type: element, path: path) {
                    values.append(converted)
                }
            }
            return .list(values)
        case .objects:
            let bytes = Array(value.utf8)
            switch JSONParser().parse(bytes, range: 0..<bytes.count) {
            case .success(let json):
                return convert(json: Self.shift(json, by: offset), type: type, path: path)
            case .failure(let failure):
                error("input.invalid-json", "field `\(path)` must be a JSON list of objects: \(failure.message)",
                      at: offset + failure.offset, hint: failure.hint ?? "write `[{\"content\": \"policy\", \"draftedBy\": \"civil-servant\"}]`")
                return nil
            }
        }
    }

    /// Moves every offset of a JSON value parsed from a substring to its place in the whole source.
    static func shift(_ value: JSONValue, by delta: Int) -> JSONValue {
        switch value {
        case .object(let members, let offset):
            return .object(members.map { JSONValue.Member(key: $0.key, keyOffset: $0.keyOffset + delta, value: shift($0.value, by: delta)) },
                           offset: offset + delta)
        case .array(let items, let offset): return .array(items.map { shift($0, by: delta) }, offset: offset + delta)
        case .string(let text, let offset): return .string(text, offset: offset + delta)
        case .number(let number, let offset): return .number(number, offset: offset + delta)
        case .bool(let flag, let offset): return .bool(flag, offset: offset + delta)
        case .null(let offset): return .null(offset: offset + delta)
        }
    }

    /// Splits a comma-separated header list, respecting double quotes; offsets are byte offsets in `value`.
    static func splitList(_ value: String) -> [(text: String, offset: Int)] {
        var items: [(String, Int)] = []
        var current: [UInt8] = []
        var start = 0
        var inQuotes = false
        for (index, byte) in value.utf8.enumerated() {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if byte == UInt8(ascii: ","), !inQuotes {
                items.append((String(decoding: current, as: UTF8.self), start))
                current = []
                start = index + 1
            } else {
                current.append(byte)
            }
        }
        items.append((String(decoding: current, as: UTF8.self), start))
        return items.map { item in
            // spaces and tabs, as `trimmingSpaces` removes them, so that the offset is the item's first byte
            let leading = item.0.utf8.prefix { $0 == 0x20 || $0 == 0x09 }.count
            return (unquote(item.0.trimmingSpaces()), item.1 + leading)
        }
    }

    /// What is inside a header list written in brackets (`[a, b]`, `["a", "b"]`, or one bracket left off), or nil
    /// when `text` neither starts with `[` nor ends with `]`.
    static func unbracketed(_ text: String) -> String? {
        let opens = text.hasPrefix("["), closes = text.hasSuffix("]")
        guard opens || closes else { return nil }
        return String(text.dropFirst(opens ? 1 : 0).dropLast(closes ? 1 : 0))
    }

    static func unquote(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.count >= 2, utf8.first == 0x22, utf8.last == 0x22 else { return text }
        if !utf8.contains(0x5C) { return String(decoding: utf8.dropFirst().dropLast(), as: UTF8.self) }
        var result = ""
        var escaped = false
        for character in text.dropFirst().dropLast() {
            if escaped {
                result.append(character == "n" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    // MARK: Completing a record

    private mutating func finish(_ record: inout Record, layoutIndex: Int, startOffset: Int) {
        let layout = vocabulary.layouts[layoutIndex]
        // a required field given with a value that could not be used has its offset, and its own error already
        for field in layout.fields where field.required && record.values[field.slot] == nil && record.offsets[field.slot] < 0 {
            var hint: String?
            if case .enumeration(let index) = field.type { hint = "allowed values: \(vocabulary.enums[index].allowedValues)" }
            error("input.missing-field", "the required field `\(field.path)` is missing", at: startOffset, hint: hint)
        }
        guard layoutIndex == 0 else { return }
        if case .symbol(let kind)? = record.values[vocabulary.kindSlot] {
            for field in layout.fields {
                guard record.values[field.slot] != nil, let kinds = field.kinds, !kinds.contains(kind) else { continue }
                let names = kinds.sorted().map { "`\(vocabulary.kinds.cases[Int($0)].name)`" }.joined(separator: ", ")
                let kindName = vocabulary.kinds.cases[Int(kind)].name
                error("input.field-of-other-kind", "field `\(field.path)` does not belong to kind `\(kindName)`",
                      at: Int(record.offsets[field.slot]), hint: "it describes \(names)")
            }
            checkValuesByKind(record, kind: kind, layout: layout)
        }
        Derivations.apply(vocabulary, to: &record)
    }
}

extension RecordBuilder {
    /// The hint for an unknown field `path`: the fields of the group it names (`account` is `account.variant`,
    /// `account.holder`, …), or the closest field or group (a misspelled `acount` is `account`).
    static func unknownFieldHint(_ path: String, _ layout: RecordLayout) -> String {
        layout.unknownFieldHints.hint(for: path) { workedOutHint($0, layout) }
    }

    /// `unknownFieldHint` worked out: the groups and the closest name looked for among every field and group.
    private static func workedOutHint(_ path: String, _ layout: RecordLayout) -> String {
        let paths = layout.paths
        let members = paths.filter { $0.hasPrefix(path + ".") }
        if !members.isEmpty {
            return "`\(path)` is a group of fields: " + members.map { "`\($0)`" }.joined(separator: ", ")
        }
        var groups: Set<String> = []
        for field in paths {
            var components = field.split(separator: ".")
            while components.count > 1 {
                components.removeLast()
                groups.insert(components.joined(separator: "."))
            }
        }
        return Suggestion.hint(for: path, in: paths + groups.sorted()) ?? "the fields are listed in the README"
    }

    /// Reports every enumeration value of a field that the description's kind may not give it (see
    /// `FieldDefinition.valuesByKind`), at the field, with the values that kind may give.
    fileprivate mutating func checkValuesByKind(_ record: Record, kind: Int32, layout: RecordLayout) {
        for field in layout.fields where !field.valuesByKind.isEmpty {
            guard let allowed = field.valuesByKind[kind], let value = record.values[field.slot] else { continue }
            let enumIndex: Int
            switch field.type {
            case .enumeration(let index), .list(.enumeration(let index)): enumIndex = index
            default: continue
            }
            let given: [Int32]
            switch value {
            case .symbol(let index): given = [index]
            case .list(let items): given = items.compactMap { item in if case .symbol(let index) = item { index } else { nil } }
            default: given = []
            }
            let enumeration = vocabulary.enums[enumIndex]
            let kindName = vocabulary.kinds.cases[Int(kind)].name
            for index in given where !allowed.contains(index) {
                error("input.value-of-other-kind",
                      "`\(enumeration.cases[Int(index)].name)` is not a value of `\(field.path)` for kind `\(kindName)`",
                      at: Int(record.offsets[field.slot]),
                      hint: "for `\(kindName)`: \(enumeration.allowedValues(among: allowed))")
            }
        }
    }
}

extension Substring {
    func trimmingCharacters() -> String { String(self).trimmingSpaces() }
}
