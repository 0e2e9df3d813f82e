/// One field of the vocabulary: its dotted path, type, the kinds that may carry it, the values each kind
/// may give it, and what its absence means.
public struct FieldDefinition: Sendable {
    /// Dotted path relative to its layout (`account.variant`, or `content` inside `sections`).
    public let path: String
    public let title: String
    public let type: FieldType
    /// Indices of the kinds that may carry the field; nil means every kind.
    public let kinds: Set<Int32>?
    /// For an enumeration field (or a list of one) whose kinds each have values of their own (`values by
    /// kind:` in the vocabulary): per kind index, the indices of the cases that kind may give it. A kind
    /// not in the dictionary may give every case.
    public let valuesByKind: [Int32: Set<Int32>]
    public let required: Bool
    public let absent: AbsentMeaning
    /// The field's position in a record.
    public let slot: Int
    public let location: SourceLocation?

    init(path: String, title: String, type: FieldType, kinds: Set<Int32>?, valuesByKind: [Int32: Set<Int32>] = [:],
         required: Bool, absent: AbsentMeaning, slot: Int, location: SourceLocation?) {
        self.path = path
        self.title = title
        self.type = type
        self.kinds = kinds
        self.valuesByKind = valuesByKind
        self.required = required
        self.absent = absent
        self.slot = slot
        self.location = location
    }
}

/// A derived fact: a field computed from another by a named operator of the engine.
public struct Derivation: Sendable {
    /// The operators the engine offers to the vocabulary.
    public enum Operator: Sendable {
        /// Every `#word` in a text, added to a list of strings.
        case hashtags
        /// The name of the calendar period a date falls in.
        case calendar(Int)
    }

    public let name: String
    public let title: String
    public let targetSlot: Int
    public let sourceSlot: Int
    public let op: Operator
}

/// A named list of date periods (such as election periods).
public struct Calendar: Sendable {
    /// One named period, both ends inclusive.
    public struct Period: Sendable {
        public let name: String
        public let from: Int32
        public let until: Int32
    }

    public let name: String
    public let title: String
    public let periods: [Period]
    /// For each day from `firstDay` on, the place in `periods` of the first period that holds it, plus one (0:
    /// none), or empty (see `dayTable(of:)`): what `Derivations` looks a record's day up in.
    let dayTable: [UInt8]
    /// The day of `dayTable`'s first entry.
    let firstDay: Int32

    init(name: String, title: String, periods: [Period]) {
        self.name = name
        self.title = title
        self.periods = periods
        (firstDay, dayTable) = Self.dayTable(of: periods)
    }

    /// The period a day falls in, if any (looked for period by period; `periodIndex(containing:)` finds the same
    /// one in the day table).
    public func period(containing day: Int32) -> Period? {
        periods.first { $0.from <= day && day <= $0.until }
    }
}
