/// The declarative vocabulary of descriptions: kinds, fields, enumerations, derived facts and
/// calendars, all read from the `.schema` files in `Rules/`.
public struct Vocabulary: Sendable {
    public let enums: [EnumType]
    public let enumIndexByName: [String: Int]
    /// Layout 0 is the top level of a description; the others are elements of lists of objects.
    public let layouts: [RecordLayout]
    /// The slot of the `kind` field (required by the engine).
    public let kindSlot: Int
    /// The enumeration of kinds.
    public let kindEnum: Int
    /// The slot of the `id` field, if the vocabulary has one.
    public let idSlot: Int?
    /// The slot of the `date` field, if any (used for rule validity and calendars).
    public let dateSlot: Int?
    /// The slot of the main `text` field, if any (the body of a post-with-header file).
    public let textSlot: Int?
    public let derivations: [Derivation]
    public let calendars: [Calendar]

    /// The top-level layout.
    public var root: RecordLayout { layouts[0] }

    /// The kinds' enumeration.
    public var kinds: EnumType { enums[kindEnum] }

    /// Human form of a type, naming the enumeration.
    public func describe(_ type: FieldType) -> String {
        switch type {
        case .enumeration(let index): return "one of \(enums[index].name)"
        case .list(let element): return "list of \(describe(element))"
        default: return type.description
        }
    }
}
