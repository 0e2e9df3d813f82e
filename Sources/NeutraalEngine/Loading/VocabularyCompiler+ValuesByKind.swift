/// The `values by kind:` attribute of a `field` block: which values of its enumeration each kind may give
/// the field, one line per kind.
///
/// ```
/// field purpose "Doel"
///   type: enum purpose
///   kinds: resource-use, meeting, research
///   values by kind:
///     resource-use: office, party, campaign, private
///     research: understand-society, image-building, party-interest
/// ```
///
/// A kind without a line may give every value of the enumeration.
extension VocabularyCompiler {
    static let valuesByKindAttribute = "values by kind"

    /// The values per kind that `block` declares for its field of type `type` (empty when it declares
    /// none); every problem is reported with its location.
    mutating func valuesByKind(of block: Block, type: FieldType, kinds: Set<Int32>?, nested: Bool,
                               kindEnum: EnumType, enums: [EnumType]) -> [Int32: Set<Int32>] {
        guard let attribute = block.attribute(Self.valuesByKindAttribute) else { return [:] }
        let enumeration: EnumType
        switch type {
        case .enumeration(let index), .list(.enumeration(let index)):
            enumeration = enums[index]
        default:
            error("rules.type-mismatch", "`values by kind` is for enumeration fields; `\(block.name)` is \(type)",
                  at: attribute.keyLocation)
            return [:]
        }
        if nested {
            error("rules.type-mismatch", "`values by kind` is for fields of the description itself, not of a list of objects",
                  at: attribute.keyLocation)
            return [:]
        }
        if !attribute.value.trimmingSpaces().isEmpty {
            error("rules.unexpected-token", "`values by kind:` takes its values on the lines below it", at: attribute.valueLocation,
                  hint: "write one indented line per kind: `research: understand-society, image-building`")
        } else if attribute.children.isEmpty {
            error("rules.empty-list", "`values by kind:` gives no kind its values", at: attribute.keyLocation,
                  hint: "write one indented line per kind: `research: understand-society, image-building`")
        }
        var result: [Int32: Set<Int32>] = [:]
        for line in attribute.children {
            for deeper in line.children {
                error("rules.unexpected-indentation", "unexpected line under a kind's values", at: deeper.location,
                      hint: "write a kind's values on its own line, separated by commas")
            }
            guard let split = Lexer().splitAttribute(line), !split.key.isEmpty else {
                error("rules.expected-attribute", "expected `KIND: values`, found `\(line.text)`", at: line.location,
                      hint: "kinds: \(kindEnum.allowedValues)")
                continue
            }
            guard let kind = kindEnum.caseIndex(of: split.key) else {
                error("rules.unknown-kind", "`\(split.key)` is not a kind", at: split.keyLocation,
                      hint: Suggestion.hint(for: split.key, in: kindEnum.allWords) ?? "kinds: \(kindEnum.allowedValues)")
                continue
            }
            if let kinds, !kinds.contains(kind) {
                error("rules.unknown-kind", "kind `\(split.key)` does not carry field `\(block.name)`", at: split.keyLocation,
                      hint: "its kinds: \(kindEnum.allowedValues(among: kinds))")
                continue
            }
            if result[kind] != nil {
                error("rules.duplicate-name", "kind `\(split.key)` is given its values twice", at: split.keyLocation)
                continue
            }
            var allowed: Set<Int32> = []
            for word in AttributeValues.list(split.value) {
                if let value = enumeration.caseIndex(of: word) {
                    allowed.insert(value)
                } else {
                    error("rules.unknown-value", "`\(word)` is not a value of enumeration `\(enumeration.name)`", at: split.valueLocation,
                          hint: Suggestion.hint(for: word, in: enumeration.allWords) ?? "values: \(enumeration.allowedValues)")
                }
            }
            if allowed.isEmpty, AttributeValues.list(split.value).isEmpty {
                error("rules.empty-list", "kind `\(split.key)` is given no values", at: split.keyLocation,
                      hint: "values: \(enumeration.allowedValues)")
            }
            result[kind] = allowed
        }
        return result
    }
}
