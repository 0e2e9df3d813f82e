/// The type of a field in the vocabulary.
public indirect enum FieldType: Sendable, Equatable, CustomStringConvertible {
    case string
    /// A string that text conditions (`mentions`, `matches`) read.
    case text
    case bool
    case date
    case number
    /// A value of the enumeration with this index in `Vocabulary.enums`.
    case enumeration(Int)
    /// A list of scalar values.
    case list(FieldType)
    /// A list of objects laid out by the record layout with this index in `Vocabulary.layouts`.
    case objects(Int)

    public var description: String {
        switch self {
        case .string: return "string"
        case .text: return "text"
        case .bool: return "bool"
        case .date: return "date"
        case .number: return "number"
        case .enumeration: return "enum"
        case .list(let element): return "list of \(element)"
        case .objects: return "list of object"
        }
    }

    /// Whether text conditions apply.
    public var isTextual: Bool { self == .text || self == .string }
}

/// What a missing fact means, as the vocabulary declares it per field.
public enum AbsentMeaning: String, Sendable {
    /// Conditions on the field are unknown (the finding names the missing fact).
    case unknown
    /// Not declaring is saying no (declared flags).
    case `false`
    /// Nothing given is nothing there (lists, texts).
    case empty
}
