/// Builds the `Vocabulary` from the `enum`, `kind`, `field`, `derive` and `calendar` blocks.
struct VocabularyCompiler {
    var diagnostics: [Diagnostic] = []

    mutating func error(_ code: String, _ message: String, at location: SourceLocation, hint: String? = nil) {
        diagnostics.append(Diagnostic(code, message, at: location, hint: hint))
    }

    mutating func compile(_ blocks: [Block]) -> Vocabulary? {
        var enums: [EnumType] = []
        var enumIndex: [String: Int] = [:]
        var enumLocations: [String: SourceLocation] = [:]
        // kinds become the enumeration `kind`
        var kindCases: [EnumType.Case] = []
        for block in blocks where block.keyword == "kind" {
            checkAttributes(block, allowed: ["dutch"])
            let aliases = block.attribute("dutch").map { AttributeValues.list($0.value) } ?? []
            if kindCases.contains(where: { $0.name == block.name }) {
                error("rules.duplicate-name", "kind `\(block.name)` is declared twice", at: block.nameLocation)
            }
            kindCases.append(EnumType.Case(name: block.name, aliases: aliases))
        }
        if kindCases.isEmpty {
            error("rules.no-kinds", "the vocabulary declares no kinds", at: blocks.first?.location ?? SourceLocation(file: "Rules", line: 1, column: 1),
                  hint: "add `kind post` blocks to the vocabulary")
            return nil
        }
        enums.append(EnumType(name: "kind", title: "Soort beschrijving", cases: kindCases))
        enumIndex["kind"] = 0
        for block in blocks where block.keyword == "enum" {
            if let previous = enumLocations[block.name] ?? (block.name == "kind" ? block.location : nil) {
                error("rules.duplicate-name", "enumeration `\(block.name)` is declared twice (first at \(previous))", at: block.nameLocation)
                continue
            }
            var lines: [(String, [String], SourceLocation)] = []
            for attribute in block.attributes {
                lines.append((attribute.key, AttributeValues.list(attribute.value), attribute.keyLocation))
            }
            for line in block.bareLines {
                lines.append((line.text.trimmingSpaces(), [], line.location))
            }
            lines.sort { $0.2 < $1.2 }
            var seen: Set<String> = []
            var cases: [EnumType.Case] = []
            for (name, aliases, location) in lines {
                for word in [name] + aliases where !seen.insert(word.lowercased()).inserted {
                    error("rules.duplicate-value", "`\(word)` appears twice in enumeration `\(block.name)`", at: location)
                }
                cases.append(EnumType.Case(name: name, aliases: aliases))
            }
            if cases.isEmpty { error("rules.empty-enum", "enumeration `\(block.name)` has no values", at: block.location) }
            enumLocations[block.name] = block.location
            enumIndex[block.name] = enums.count
            enums.append(EnumType(name: block.name, title: block.title ?? block.name, cases: cases))
        }

        // fields: lists of objects first, so their sub-fields find their layout
        let fieldBlocks = blocks.filter { $0.keyword == "field" }
        var layouts = [RecordLayout()]
        var objectLayouts: [String: Int] = [:]
        for block in fieldBlocks {
            if let type = block.attribute("type"), type.value.trimmingSpaces() == "list of object" {
                objectLayouts[block.name] = layouts.count
                layouts.append(RecordLayout())
            }
        }
        let kindEnum = enums[0]
        var seenPaths: [String: SourceLocation] = [:]
        for block in fieldBlocks {
            checkAttributes(block, allowed: ["type", "kinds", Self.valuesByKindAttribute, "required", "when absent"])
            if let first = seenPaths[block.name] {
                error("rules.duplicate-name", "field `\(block.name)` is declared twice (first at \(first))", at: block.nameLocation)
                continue
            }
            seenPaths[block.name] = block.nameLocation
            guard let typeAttribute = block.attribute("type") else {
                error("rules.missing-attribute", "field `\(block.name)` has no `type`", at: block.location,
                      hint: "add `type: string` (or text, bool, date, number, enum NAME, list of …)")
                continue
            }
            guard let type = parseType(typeAttribute.value, at: typeAttribute.valueLocation, enumIndex: enumIndex,
                                       objectLayout: objectLayouts[block.name]) else { continue }
            var kinds: Set<Int32>?
            if let attribute = block.attribute("kinds") {
                var set: Set<Int32> = []
                for word in AttributeValues.list(attribute.value) {
                    if let index = kindEnum.caseIndex(of: word) {
                        set.insert(index)
                    } else {
                        error("rules.unknown-kind", "`\(word)` is not a kind", at: attribute.valueLocation,
                              hint: Suggestion.hint(for: word, in: kindEnum.allWords) ?? "kinds: \(kindEnum.allowedValues)")
                    }
                }
                kinds = set
            }
            var required = false
            if let attribute = block.attribute("required") {
                switch attribute.value.lowercased() {
                case "yes", "ja", "true": required = true
                case "no", "nee", "false": required = false
                default: error("rules.invalid-value", "`required` is yes or no", at: attribute.valueLocation)
                }
            }
            var absent = AbsentMeaning.unknown
            if let attribute = block.attribute("when absent") {
                if let meaning = AbsentMeaning(rawValue: attribute.value.lowercased()) {
                    absent = meaning
                    if meaning == .false, type != .bool {
                        error("rules.type-mismatch", "`when absent: false` is for bool fields; `\(block.name)` is \(type)",
                              at: attribute.valueLocation, hint: "use `empty` for lists and texts")
                    }
                    if meaning == .empty {
                        switch type {
                        case .list, .objects, .text, .string: break
                        default:
                            error("rules.type-mismatch", "`when absent: empty` is for lists and texts; `\(block.name)` is \(type)",
                                  at: attribute.valueLocation)
                        }
                    }
                } else {
                    error("rules.invalid-value", "`when absent` is unknown, false or empty", at: attribute.valueLocation,
                          hint: Suggestion.hint(for: attribute.value, in: ["unknown", "false", "empty"]))
                }
            }
            // which layout: the longest prefix that is a list of objects
            var layoutIndex = 0
            var path = block.name
            for (prefix, index) in objectLayouts where block.name.hasPrefix(prefix + ".") {
                layoutIndex = index
                path = String(block.name.dropFirst(prefix.count + 1))
            }
            let valuesByKind = valuesByKind(of: block, type: type, kinds: kinds, nested: layoutIndex != 0, kindEnum: kindEnum, enums: enums)
            layouts[layoutIndex].add(path: path, title: block.title ?? path, type: type, kinds: layoutIndex == 0 ? kinds : nil,
                                     valuesByKind: valuesByKind, required: required, absent: absent, location: block.nameLocation)
        }
        let root = layouts[0]
        guard let kindSlot = root.slotByPath["kind"] else {
            error("rules.no-kind-field", "the vocabulary has no field `kind`", at: blocks.first?.location ?? SourceLocation(file: "Rules", line: 1, column: 1),
                  hint: "add `field kind` with `type: enum kind` and `required: yes`")
            return nil
        }
        if root.fields[kindSlot].type != .enumeration(0) {
            error("rules.type-mismatch", "field `kind` must have `type: enum kind`", at: root.fields[kindSlot].location ?? blocks[0].location)
        }

        // calendars
        var calendars: [Calendar] = []
        var calendarIndex: [String: Int] = [:]
        for block in blocks where block.keyword == "calendar" {
            var periods: [Calendar.Period] = []
            for attribute in block.attributes {
                let keyTokens = attribute.key.split(separator: " ", maxSplits: 1)
                guard keyTokens.first == "period", keyTokens.count == 2 else {
                    error("rules.unknown-attribute", "a calendar holds `period \"name\": FROM .. UNTIL` lines", at: attribute.keyLocation)
                    continue
                }
                let name = RecordBuilder.unquote(String(keyTokens[1]).trimmingSpaces())
                let ends = attribute.value.components(separatedBy: "..").map { $0.trimmingSpaces() }
                guard ends.count == 2, let from = CivilDate.parse(ends[0]), let until = CivilDate.parse(ends[1]) else {
                    error("rules.invalid-date", "a period is written `YYYY-MM-DD .. YYYY-MM-DD`", at: attribute.valueLocation)
                    continue
                }
                if until < from { error("rules.invalid-date", "the period `\(name)` ends before it starts", at: attribute.valueLocation) }
                periods.append(Calendar.Period(name: name, from: from, until: until))
            }
            calendarIndex[block.name] = calendars.count
            calendars.append(Calendar(name: block.name, title: block.title ?? block.name, periods: periods))
        }

        // derived facts
        var derivations: [Derivation] = []
        for block in blocks where block.keyword == "derive" {
            checkAttributes(block, allowed: ["from", "by"])
            guard let target = root.slotByPath[block.name] else {
                error("rules.unknown-field", "derived fact `\(block.name)` is not a declared field", at: block.nameLocation,
                      hint: Suggestion.hint(for: block.name, in: root.paths) ?? "declare it with a `field` block")
                continue
            }
            guard let from = block.attribute("from"), let by = block.attribute("by") else {
                error("rules.missing-attribute", "`derive` needs `from:` and `by:`", at: block.location)
                continue
            }
            guard let source = root.slotByPath[from.value] else {
                error("rules.unknown-field", "unknown field `\(from.value)`", at: from.valueLocation,
                      hint: Suggestion.hint(for: from.value, in: root.paths))
                continue
            }
            let words = by.value.split(separator: " ").map(String.init)
            if words == ["hashtags"] {
                guard root.fields[source].type.isTextual, case .list(.string) = root.fields[target].type else {
                    error("rules.type-mismatch", "`by: hashtags` reads a text into a list of string", at: by.valueLocation)
                    continue
                }
                derivations.append(Derivation(name: block.name, title: block.title ?? block.name, targetSlot: target,
                                              sourceSlot: source, op: .hashtags))
            } else if words.count == 2, words[0] == "calendar" {
                guard let index = calendarIndex[words[1]] else {
                    error("rules.unknown-name", "unknown calendar `\(words[1])`", at: by.valueLocation,
                          hint: Suggestion.hint(for: words[1], in: calendarIndex.keys))
                    continue
                }
                guard root.fields[source].type == .date, root.fields[target].type.isTextual else {
                    error("rules.type-mismatch", "`by: calendar` reads a date into a string field", at: by.valueLocation)
                    continue
                }
                derivations.append(Derivation(name: block.name, title: block.title ?? block.name, targetSlot: target,
                                              sourceSlot: source, op: .calendar(index)))
            } else {
                error("rules.unknown-operator", "unknown derivation `\(by.value)`", at: by.valueLocation,
                      hint: "the engine offers `hashtags` and `calendar NAME`")
            }
        }
        let textSlot = root.slotByPath["text"]
        return Vocabulary(enums: enums, enumIndexByName: enumIndex, layouts: layouts, kindSlot: kindSlot, kindEnum: 0,
                          idSlot: root.slotByPath["id"], dateSlot: root.slotByPath["date"], textSlot: textSlot,
                          derivations: derivations, calendars: calendars)
    }

    private mutating func parseType(_ text: String, at location: SourceLocation, enumIndex: [String: Int],
                                    objectLayout: Int?) -> FieldType? {
        let words = text.split(separator: " ").map(String.init)
        switch words.first ?? "" {
        case "string": return .string
        case "text": return .text
        case "bool": return .bool
        case "date": return .date
        case "number": return .number
        case "enum":
            guard words.count == 2, let index = enumIndex[words[1]] else {
                let name = words.count > 1 ? words[1] : ""
                error("rules.unknown-name", "unknown enumeration `\(name)`", at: location,
                      hint: Suggestion.hint(for: name, in: enumIndex.keys) ?? "declare it with an `enum` block")
                return nil
            }
            return .enumeration(index)
        case "list":
            guard words.count >= 3, words[1] == "of" else {
                error("rules.invalid-type", "write `list of string`, `list of enum NAME` or `list of object`", at: location)
                return nil
            }
            if words[2] == "object" {
                guard let layout = objectLayout else { return nil }
                return .objects(layout)
            }
            guard let element = parseType(words[2...].joined(separator: " "), at: location, enumIndex: enumIndex, objectLayout: nil) else {
                return nil
            }
            return .list(element)
        default:
            error("rules.invalid-type", "unknown type `\(text)`", at: location,
                  hint: "types: string, text, bool, date, number, enum NAME, list of string, list of enum NAME, list of object")
            return nil
        }
    }

    mutating func checkAttributes(_ block: Block, allowed: [String]) {
        for attribute in block.attributes where !allowed.contains(attribute.key) {
            error("rules.unknown-attribute", "`\(attribute.key)` is not an attribute of `\(block.keyword)`", at: attribute.keyLocation,
                  hint: Suggestion.hint(for: attribute.key, in: allowed) ?? "allowed: \(allowed.map { "`\($0)`" }.joined(separator: ", "))")
        }
        for line in block.bareLines {
            error("rules.expected-attribute", "expected `key: value`, found `\(line.text)`", at: line.location,
                  hint: "allowed: \(allowed.map { "`\($0)`" }.joined(separator: ", "))")
        }
        for (repeated, first) in block.repeatedAttributes where allowed.contains(repeated.key) {
            diagnostics.append(.repeatedAttribute(repeated, first: first, in: block))
        }
    }
}

/// Helpers to read attribute values.
///
/// They read the UTF-8 of a value in place; a quoted value with a backslash is handed to
/// `RecordBuilder.unquote`, whose character-by-character reading of escapes stays the reference.
enum AttributeValues {
    /// A comma-separated list (quotes respected, quotes removed).
    static func list(_ value: String) -> [String] {
        var value = value
        return value.withUTF8 { bytes in
            var items: [String] = []
            var start = 0
            var inQuotes = false
            func add(_ end: Int) {
                let item = unquote(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).trimmingSpaces())
                if !item.isEmpty { items.append(item) }
            }
            for index in 0..<bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    inQuotes.toggle()
                } else if byte == UInt8(ascii: ","), !inQuotes {
                    add(index)
                    start = index + 1
                }
            }
            add(bytes.count)
            return items
        }
    }

    /// A single string: quoted or bare.
    static func string(_ value: String) -> String {
        unquote(value.trimmingSpaces())
    }

    /// A string that may continue on the indented lines below.
    static func text(_ attribute: Block.Attribute) -> String {
        var result = ""
        for part in CollectionOfOne(attribute.value) + attribute.children.map(\.text) {
            let text = string(part)
            if text.isEmpty { continue }
            if !result.isEmpty { result += " " }
            result += text
        }
        return result
    }

    /// `RecordBuilder.unquote`, without its character-by-character pass when there is nothing to unescape.
    static func unquote(_ text: String) -> String {
        var text = text
        let inner: String?? = text.withUTF8 { bytes in
            guard bytes.count >= 2, bytes[0] == 0x22, bytes[bytes.count - 1] == 0x22 else { return .some(nil) }
            if bytes.contains(0x5C) { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[1..<(bytes.count - 1)]), as: UTF8.self)
        }
        switch inner {
        case .some(let unquoted?): return unquoted
        case .some(nil): return text
        case nil: return RecordBuilder.unquote(text)
        }
    }
}
