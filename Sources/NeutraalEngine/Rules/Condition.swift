/// A condition compiled against the vocabulary: fields are slots, values are already converted, lexicons
/// and patterns are indices. Each node keeps the text it was written as, for `--explain`.
public indirect enum Condition: Sendable {
    case all([Condition])
    case any([Condition])
    case not(Condition)
    /// A `define`d condition, inlined, with its name.
    case named(String, Condition)
    case test(FieldTest)
    /// `some | every | no F where (C)` over the list of objects in `slot`.
    case quantified(Quantifier, slot: Int, path: String, Condition, absent: AbsentMeaning)
}

/// One test of one field (shared by reference: evaluating it copies nothing).
public final class FieldTest: Sendable {
    /// The compiled operators.
    public enum Operation: Sendable {
        case equals(FactValue)
        case notEquals(FactValue)
        case oneOf([FactValue])
        case notOneOf([FactValue])
        case present
        case missing
        case before(Int32)
        case after(Int32)
        case onOrBefore(Int32)
        case onOrAfter(Int32)
        case includes(FactValue)
        case includesAny([FactValue])
        /// `includes any of` over a list of strings: the values lower-cased once, when the rules load.
        case includesAnyText(Set<String>)
        /// Index of a lexicon in the rule set.
        case mentions(Int)
        /// Index of a pattern in the rule set.
        case matches(Int)
    }

    public let slot: Int
    /// The field's dotted path, for evidence and explanations.
    public let path: String
    public let operation: Operation
    public let absent: AbsentMeaning
    /// The test as written (`account.variant is corporate`).
    public let text: String
    /// The number of `path` among the fact paths of the rule set (`RuleSet.factPaths`), so that a reporter
    /// can write the path as text it prepared once; -1 when the path is not numbered.
    public let pathKey: Int32
    /// The texts of `includesAnyText`, ready to look a text up in without lower-casing it (nil for other operations).
    let caselessTexts: CaselessTextSet?

    public init(slot: Int, path: String, operation: Operation, absent: AbsentMeaning, text: String, pathKey: Int32 = -1) {
        if case .includesAnyText(let options) = operation {
            caselessTexts = CaselessTextSet(lowercased: options)
        } else {
            caselessTexts = nil
        }
        self.slot = slot
        self.path = path
        self.operation = operation
        self.absent = absent
        self.text = text
        self.pathKey = pathKey
    }
}
