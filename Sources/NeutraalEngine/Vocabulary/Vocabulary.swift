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
    /// The fast reader of JSON Lines records, with its tables built once for this vocabulary.
    public let directReader: DirectRecordReader

    init(enums: [EnumType], enumIndexByName: [String: Int], layouts: [RecordLayout], kindSlot: Int, kindEnum: Int,
         idSlot: Int?, dateSlot: Int?, textSlot: Int?, derivations: [Derivation], calendars: [Calendar]) {
        self.enums = enums
        self.enumIndexByName = enumIndexByName
        self.layouts = layouts
        self.kindSlot = kindSlot
        self.kindEnum = kindEnum
        self.idSlot = idSlot
        self.dateSlot = dateSlot
        self.textSlot = textSlot
        self.derivations = derivations
        self.calendars = calendars
        self.directReader = DirectRecordReader(enums: enums, layouts: layouts, kindSlot: kindSlot, kindEnum: kindEnum,
                                               idSlot: idSlot, derivations: derivations, calendars: calendars)
    }

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
