/// One value of a description, already checked against the vocabulary.
public enum FactValue: Sendable {
    case bool(Bool)
    /// An enumeration value: the index of its case.
    case symbol(Int32)
    case string(String)
    /// A date as a day number (see `CivilDate`).
    case date(Int32)
    case number(Double)
    case list([FactValue])
    case objects([Record])

    /// Case-insensitive equality without allocating for ASCII text.
    static func equalIgnoringCase(_ a: String, _ b: String) -> Bool {
        var left = a.utf8.makeIterator()
        var right = b.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return true
            case let (x?, y?):
                if x == y { continue }
                if x >= 0x80 || y >= 0x80 { return a.lowercased() == b.lowercased() }
                let lx = x >= 65 && x <= 90 ? x + 32 : x
                let ly = y >= 65 && y <= 90 ? y + 32 : y
                if lx != ly { return false }
            default: return false
            }
        }
    }

    /// `text.lowercased()`, without making a new string when the text is ASCII without capitals (as most
    /// hashtags and names are): then it is its own lower case.
    static func lowercased(_ text: String) -> String {
        let isLower = text.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 >= 0x80 || ($0 >= 65 && $0 <= 90) }
        }
        return isLower == true ? text : text.lowercased()
    }

    /// Equality of scalar values (lists and objects never compare equal here).
    public func sameScalar(as other: FactValue) -> Bool {
        switch (self, other) {
        case let (.bool(a), .bool(b)): return a == b
        case let (.symbol(a), .symbol(b)): return a == b
        case let (.string(a), .string(b)): return Self.equalIgnoringCase(a, b)
        case let (.date(a), .date(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        default: return false
        }
    }
}

/// The facts of one description (or one element of a list of objects), by slot.
///
/// The values and their offsets live side by side in one allocation (see `SlotStorage`): one
/// allocation per record rather than two arrays, freed by a loop compiled for the slots.
public struct Record: Sendable {
    /// One value per slot of the layout; nil where the description gives none.
    public var values: SlotValues

    public init(slotCount: Int) {
        values = SlotValues(count: max(0, slotCount))
    }

    /// A record over `storage`, whose slots are empty or (for a record about to be read into a storage kept
    /// from an earlier one) hold nothing counted (see `SlotStorage.clearCounted(keepingListsIn:)`).
    init(storage: SlotStorage) {
        values = SlotValues(storage: storage)
    }

    /// Byte offset in the source of each value (-1 where unknown or derived).
    public var offsets: SlotOffsets { SlotOffsets(storage: values.storage) }

    public subscript(slot: Int) -> FactValue? { values[slot] }

    /// Sets the value of `slot` and where it was written.
    mutating func set(_ value: FactValue?, offset: Int32, at slot: Int) {
        values.set(value, offset: offset, at: slot)
    }
}

/// What a sample or example says Neutraal must conclude (`expect …` lines).
///
/// Two expectations are equal when they expect the same; where their values were written is ignored.
public struct Expectation: Sendable, Equatable {
    public var verdict: String?
    public var rules: [String]?
    public var overridden: [String]?
    /// Where the values were written, so that a wrong one can be pointed at.
    public var places: Places {
        get { placesBox?.places ?? Places() }
        set { placesBox = PlacesBox(newValue) }
    }
    /// `places` boxed, and nil until set: an expectation (every description has one, most of them empty)
    /// stays four words, copied and freed with every description read.
    private var placesBox: PlacesBox?

    /// Whether nothing is expected and no place kept: nothing counted to copy or let go of.
    var keepsNothing: Bool { isEmpty && placesBox == nil }

    private final class PlacesBox: Sendable {
        let places: Places
        init(_ places: Places) { self.places = places }
    }

    /// Byte offsets into the source of each expected value (empty or nil where the reader did not keep them).
    public struct Places: Sendable {
        /// Where the verdict's value starts.
        public var verdict: Int?
        /// Where each of `rules` starts, in the same order.
        public var rules: [Int] = []
        /// Where each of `overridden` starts, in the same order.
        public var overridden: [Int] = []

        public init(verdict: Int? = nil, rules: [Int] = [], overridden: [Int] = []) {
            self.verdict = verdict
            self.rules = rules
            self.overridden = overridden
        }
    }

    public init(verdict: String? = nil, rules: [String]? = nil, overridden: [String]? = nil) {
        self.verdict = verdict
        self.rules = rules
        self.overridden = overridden
    }

    public var isEmpty: Bool { verdict == nil && rules == nil && overridden == nil }

    public static func == (lhs: Expectation, rhs: Expectation) -> Bool {
        lhs.verdict == rhs.verdict && lhs.rules == rhs.rules && lhs.overridden == rhs.overridden
    }
}

/// An accepted exception written in a description: this rule's finding is known, reviewed and accepted
/// until a date, by someone, for a reason. A waiver without a reason, an approver or a date, or past its
/// date, is itself an error; waived findings are reported as waived, never hidden.
public struct Waiver: Sendable, Equatable {
    public let rule: String
    public let reason: String?
    public let approvedBy: String?
    public let until: Int32?
    public let offset: Int

    public init(rule: String, reason: String?, approvedBy: String?, until: Int32?, offset: Int) {
        self.rule = rule
        self.reason = reason
        self.approvedBy = approvedBy
        self.until = until
        self.offset = offset
    }
}

/// A description read from a file: its facts, where it came from, and any expectations.
///
/// A class, immutable to everyone who holds it: a description travels from the reader through the
/// evaluation to the report, and passing one reference costs one count where its seven fields cost seven.
/// Its fields are written only while it is made and, in a batch, when the reader fills it again with the
/// next record because nothing but the reader's `RecordRoom` holds it any more (`refill`): no one can see
/// the change, and each record saves an allocation and a free. That is why it is `@unchecked Sendable`.
public final class Description: @unchecked Sendable {
    /// The name in reports: the `id` field, or the file name with `#N` in a batch.
    public var id: String {
        if idSlot >= 0, let text = record.values.withTextBytes(at: idSlot, { String(decoding: $0, as: UTF8.self) }) {
            return text
        }
        return fixedID
    }
    /// The name when it is not read from the record (a description made with its id, or one without an
    /// `id` field); empty when it is.
    @exclusivity(unchecked) private var fixedID: String
    /// The slot whose text is the id, where a batch's reader found one that is not empty (-1 where not): the
    /// id is then read from the record when asked (or written from its bytes), never made per record.
    @exclusivity(unchecked) private var idSlot: Int = -1
    @exclusivity(unchecked) public private(set) var record: Record
    @exclusivity(unchecked) public private(set) var source: SourceText
    /// Byte offset where the description starts.
    @exclusivity(unchecked) public private(set) var offset: Int
    @exclusivity(unchecked) public private(set) var expectation: Expectation
    /// The waivers written in the description.
    @exclusivity(unchecked) public private(set) var waivers: [Waiver]
    /// The index among `source.lineStarts` of the line the description starts on, where the reader knew it
    /// (-1 where not): evidence of a record of JSON Lines is located on its line without a search.
    @exclusivity(unchecked) private(set) var lineIndex: Int
    /// How far from `offset` the description's bytes are all ASCII, where the reader knew it (-1 where not):
    /// up to there a column is a distance, without the bytes being looked at again.
    @exclusivity(unchecked) private(set) var asciiEnd: Int

    public convenience init(id: String, record: Record, source: SourceText, offset: Int, expectation: Expectation,
                            waivers: [Waiver] = []) {
        self.init(id: id, record: record, source: source, offset: offset, expectation: expectation, waivers: waivers, lineIndex: -1)
    }

    init(id: String, record: Record, source: SourceText, offset: Int, expectation: Expectation, waivers: [Waiver], lineIndex: Int,
         asciiEnd: Int = -1) {
        self.asciiEnd = asciiEnd
        self.fixedID = id
        self.record = record
        self.source = source
        self.offset = offset
        self.expectation = expectation
        self.waivers = waivers
        self.lineIndex = lineIndex
    }

    /// Lets go of what the record holds that is counted, for the next record of a batch to be read into it
    /// (see `SlotStorage.clearCounted(keepingListsIn:)`), when the record has `slotCount` slots and its
    /// storage is held by this description alone; false (and nothing let go of) otherwise. Only for a
    /// description nothing but the reader's `RecordRoom` holds.
    func emptyRecord(slotCount: Int, keepingListsIn spares: UnsafeMutablePointer<SpareLists>) -> Bool {
        guard record.values.storage.count == slotCount, isKnownUniquelyReferenced(&record.values.storage) else { return false }
        // lent, not counted: the record holds its storage while it is cleared
        Unmanaged.passUnretained(record.values.storage)._withUnsafeGuaranteedRef { $0.clearCounted(keepingListsIn: spares) }
        return true
    }

    /// Runs `body` on the record in place (reading the next record of a batch into it). Only for a
    /// description nothing but the reader's `RecordRoom` holds.
    func withRecord<Result, Failure: Error>(_ body: (inout Record) throws(Failure) -> Result) throws(Failure) -> Result {
        try body(&record)
    }

    /// Fills the rest of this description again for the record `withRecord` read into it (no waivers, as
    /// `DirectRecordReader` reads none; nil for no expectation, taken rather than lent: the reader has no use
    /// for it after, and would otherwise destroy its optional, nil or not, with a call for every record). Only
    /// for a description nothing but the reader's `RecordRoom` holds.
    func refill(id: ReadID, source: SourceText, offset: Int, expectation: consuming Expectation?, lineIndex: Int, asciiEnd: Int) {
        setID(id)
        if self.source !== source { self.source = source }
        self.offset = offset
        // most records expect nothing, like the one before: nothing to let go of or to count
        if let expectation {
            self.expectation = expectation
        } else if !self.expectation.keepsNothing {
            self.expectation = Expectation()
        }
        self.lineIndex = lineIndex
        self.asciiEnd = asciiEnd
    }

    /// How a batch's reader names a description: by the text of the record's id slot, or by a name of its own.
    enum ReadID {
        case slot(Int)
        case fixed(String)
    }

    /// Names the description as `id` says.
    func setID(_ id: ReadID) {
        switch id {
        case .slot(let slot):
            idSlot = slot
            if !fixedID.isEmpty { fixedID = "" }
        case .fixed(let name):
            idSlot = -1
            fixedID = name
        }
    }

    /// Calls `body` with the UTF-8 bytes of `id`, where they are (in the record or the source) when it is read
    /// from the record. Compiled into its caller (the JSON writer, once a record), so that `body` is too,
    /// rather than called through a closure.
    @inline(__always)
    func withIDBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        // the storage lent, not counted: the description holds its record while `body` runs
        if idSlot >= 0, let result = Unmanaged.passUnretained(record.values.storage)._withUnsafeGuaranteedRef({
            $0.withTextBytes(at: idSlot, body)
        }) { return result }
        var name = fixedID
        return name.withUTF8(body)
    }

    /// Where the description starts (on the line the reader found it on, when it handed that on).
    public var location: SourceLocation {
        guard let line = source.line(at: lineIndex, holding: offset) else { return source.location(at: offset) }
        return source.location(at: offset, onLineStarting: line.start, number: line.number, asciiUpTo: line.start)
    }

    /// The line and column of `location`, without the file. The common case is compiled into its caller (the
    /// JSON writer, for every record), the others are not.
    var place: (line: Int, column: Int) {
        @inline(__always) get {
            // a record that starts its line (each of a file of JSON Lines): the first column, without a look at
            // the bytes (a byte order mark moves the first record off its line's start)
            if lineIndex >= 0, lineIndex < source.lineStarts.count, source.lineStarts[lineIndex] == offset {
                return (lineIndex + source.firstLine, 1)
            }
            return placeOffLineStart()
        }
    }

    /// `place` for a description that does not start its line, or whose line is not known.
    @inline(never)
    private func placeOffLineStart() -> (line: Int, column: Int) {
        guard let line = source.line(at: lineIndex, holding: offset) else { return source.place(at: offset) }
        return source.place(at: offset, onLineStarting: line.start, number: line.number, asciiUpTo: line.start)
    }

    /// Where a fact of the top level was written, or the description's start.
    public func location(ofSlot slot: Int) -> SourceLocation {
        let offset = record.offsets[slot]
        return offset >= 0 ? source.location(at: Int(offset)) : location
    }
}

/// The outcome of reading one description: the description, or the errors that kept it from being read.
public enum ReadOutcome: Sendable {
    case description(Description)
    case failure(source: String, id: String, diagnostics: [Diagnostic])
}
