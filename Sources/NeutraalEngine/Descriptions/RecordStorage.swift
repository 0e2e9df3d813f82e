/// Where a text read in place lies in the source of its record (`SlotHeader.source`): the bytes between
/// its quotes, with no escape among them, already checked to be UTF-8.
struct SourceSpan {
    var start: Int32
    /// The number of bytes; -1 for no text.
    var count: Int32

    static let none = SourceSpan(start: 0, count: -1)

    /// The span of `range`, whose bounds the caller knows to be 0 or more and to fit in 32 bits (otherwise
    /// the text has to be kept as a `String`).
    init(fitting range: Range<Int>) {
        self.init(start: Int32(truncatingIfNeeded: range.lowerBound), count: Int32(truncatingIfNeeded: range.count))
    }

    private init(start: Int32, count: Int32) {
        self.start = start
        self.count = count
    }
}

/// One slot of a record as stored: its value and the byte offset where it was written (the offset
/// fits in the padding after the value).
///
/// A text read by `DirectRecordReader` (the records of a batch) is not copied into a `String`: `value` is nil and `span` says where its bytes
/// are in the record's source, which the storage holds; `SlotValues` gives it out as `.string` when asked
/// for the value, and lends its bytes where a text is searched (`withTextBytes(at:_:)`).
struct StoredSlot {
    var value: FactValue?
    var offset: Int32
    /// The text in the source, where `value` is nil because the text is read in place (`.none` otherwise).
    var span = SourceSpan.none

    static let empty = StoredSlot(value: nil, offset: -1)

    /// Whether the slot holds no value, neither a value of its own nor a text in the source.
    @inline(__always)
    var isEmpty: Bool {
        if case .none = value { return span.count < 0 }
        return false
    }
}

/// What a `SlotStorage` knows of its slots: how many there are, and which may hold a value.
struct SlotHeader {
    let count: Int
    /// The slots ever written (a value may have to be released there); unused when `count` is above
    /// `SlotSet.capacity`, where every slot is looked at.
    var written: SlotSet
    /// The slots among `written` that may hold something counted (a text of its own, a list, objects): the
    /// only ones `clearCounted(keepingListsIn:)` has to look at, a few of a record's dozen.
    var counted: SlotSet
    /// The source whose bytes the texts read in place are (see `StoredSlot.span`).
    var source: SourceText?

    init(count: Int, written: SlotSet) {
        self.count = count
        self.written = written
        self.counted = written
    }

    /// Whether `written` covers the slots (the record has no more slots than a `SlotSet` holds).
    var tracksWrites: Bool { count <= SlotSet.capacity }
}

/// The slots of one record in one allocation: the header, then the slots.
///
/// Its `deinit` is compiled here for `StoredSlot`, so freeing a record destroys its slots with a loop
/// that knows their layout, rather than through the generic value witnesses that an array of
/// `FactValue?` freed by the standard library calls for every element; and it visits only the slots
/// ever written, which the header records.
final class SlotStorage: ManagedBuffer<SlotHeader, StoredSlot> {
    /// A storage of `count` empty slots (no value, offset -1).
    static func make(count: Int) -> SlotStorage {
        let header = SlotHeader(count: count, written: SlotSet())
        let storage = unsafeDowncast(create(minimumCapacity: count) { _ in header }, to: SlotStorage.self)
        storage.slots.initialize(repeating: .empty, count: count)
        return storage
    }

    deinit {
        let (count, written) = countAndWritten
        let slots = self.slots
        if count <= SlotSet.capacity {
            written.forEach { slot in Self.release(slots + slot) }
        } else {
            for slot in 0..<count { Self.release(slots + slot) }
        }
    }

    /// Destroys one slot, skipping those that hold nothing to release (`deinitialize(count:)` over
    /// many slots would call the runtime's generic array destroy, a value witness per slot).
    @inline(__always)
    private static func release(_ slot: UnsafeMutablePointer<StoredSlot>) {
        if !holdsReferences(slot) { return }
        slot.deinitialize(count: 1)
    }

    /// Whether the slot's value holds anything counted (a text of its own, a list, objects); nil, a truth
    /// value, a case, a date, a number and a text read in place hold nothing to release.
    @inline(__always)
    private static func holdsReferences(_ slot: UnsafeMutablePointer<StoredSlot>) -> Bool {
        switch slot.pointee.value {
        case nil, .bool?, .symbol?, .date?, .number?: return false
        default: return true
        }
    }

    /// The header, read in place (without the exclusivity checks of `header`).
    @inline(__always)
    var slotHeader: SlotHeader { withUnsafeMutablePointerToHeader { $0.pointee } }

    /// The number of slots and the slots ever written, read from the header in place without copying the
    /// rest of it (a copy of the header counts the source it holds, and lets go of it again).
    @inline(__always)
    var countAndWritten: (count: Int, written: SlotSet) {
        withUnsafeMutablePointerToHeader { ($0.pointee.count, $0.pointee.written) }
    }

    /// The number of slots.
    @inline(__always)
    var count: Int { withUnsafeMutablePointerToHeader { $0.pointee.count } }

    /// Stops the program when `slot` is not one of the storage's slots. One unsigned comparison: a negative
    /// slot reads as a number larger than any count (which is never negative), so that the test of each read
    /// of a slot is a compare and a branch, not two of each.
    @inline(__always)
    func checkSlot(_ slot: Int) {
        precondition(UInt(bitPattern: slot) < UInt(bitPattern: count), "slot out of range")
    }

    /// The first slot (valid while the storage lives).
    @inline(__always)
    var slots: UnsafeMutablePointer<StoredSlot> { withUnsafeMutablePointerToElements { $0 } }

    /// The text of `span` in the source the storage holds (empty when it holds none: never for a span
    /// the reader wrote, which keeps its source). Out of line: the callers' usual path reads other values.
    @inline(never)
    func text(_ span: SourceSpan) -> String {
        withUnsafeMutablePointerToHeader { header in
            guard let source = header.pointee.source else { return "" }
            return source.bytes.withUnsafeBufferPointer { bytes in
                let start = Int(span.start)
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<start + Int(span.count)]), as: UTF8.self)
            }
        }
    }

    /// Calls `body` with the bytes of `span` in the source the storage holds (lent, not counted: the storage
    /// holds the source while `body` runs, and a count of it would be taken and given back for every text looked at).
    @inline(__always)
    func withBytes<Result>(of span: SourceSpan, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withUnsafeMutablePointerToHeader { header in
            guard let source = header.pointee.source.map({ Unmanaged.passUnretained($0) }) else {
                return body(UnsafeBufferPointer(start: nil, count: 0))
            }
            return source._withUnsafeGuaranteedRef { source in
                source.bytes.withUnsafeBufferPointer { bytes in
                    let start = Int(span.start)
                    return body(UnsafeBufferPointer(rebasing: bytes[start..<start + Int(span.count)]))
                }
            }
        }
    }

    /// `SlotValues.withTextBytes(at:_:)`, on the storage itself: a caller that lends the storage (as the JSON
    /// writer does for a description's id) reads the text without a count of the storage taken and given back.
    @inline(__always)
    func withTextBytes<Result>(at slot: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        checkSlot(slot)
        let stored = slots + slot
        switch stored.pointee.value {
        case .none:
            let span = stored.pointee.span
            return span.count < 0 ? nil : withBytes(of: span, body)
        case .string(var text)?:
            return text.withUTF8(body)
        default:
            return nil
        }
    }

    /// Holds `source`, whose bytes the spans of texts read in place are in (kept as it is when the storage
    /// holds it already, as it does for every record of a unit read into it: no count then).
    @inline(__always)
    func keep(source: Unmanaged<SourceText>) {
        withUnsafeMutablePointerToHeader { header in
            if let kept = header.pointee.source, Unmanaged.passUnretained(kept).toOpaque() == source.toOpaque() { return }
            header.pointee.source = source.takeUnretainedValue()
        }
    }

    /// Records that `slots` may hold values from now on.
    @inline(__always)
    func markWritten(_ slots: SlotSet) {
        withUnsafeMutablePointerToHeader { $0.pointee.written.formUnion(slots) }
    }

    /// Records that `slot` may hold a value from now on, and (taken to be so) something counted.
    @inline(__always)
    func markWritten(_ slot: Int) {
        withUnsafeMutablePointerToHeader { header in
            if header.pointee.tracksWrites {
                _ = header.pointee.written.insert(slot)
                _ = header.pointee.counted.insert(slot)
            }
        }
    }

    /// Lets go of what the slots hold that is counted, so that the storage can hold another record of the
    /// same layout: the lists of values among them go to `spares`, emptied, for the next records' lists. The
    /// other slots written keep their values (cases, dates, truth values, numbers, texts in place: nothing to
    /// release), which the next record's reading writes over or empties (`finishFilling(filled:counted:)`):
    /// most slots of a batch's records are written again by the next record, and emptying each of them first
    /// cost a loop step and a store of its own. Only for a storage nothing else holds, to be filled again by
    /// `DirectRecordReader` (which ends with `finishFilling`).
    func clearCounted(keepingListsIn spares: UnsafeMutablePointer<SpareLists>) {
        let (count, counted) = withUnsafeMutablePointerToHeader { ($0.pointee.count, $0.pointee.counted) }
        let slots = self.slots
        if count <= SlotSet.capacity {
            counted.forEach { slot in Self.empty(slots + slot, keepingListsIn: spares) }
            withUnsafeMutablePointerToHeader { $0.pointee.counted = SlotSet() }
        } else {
            for slot in 0..<count { Self.empty(slots + slot, keepingListsIn: spares) }
        }
    }

    /// Ends the reading of a record into the storage: the slots written before and not `filled` now (left by
    /// `clearCounted(keepingListsIn:)` to the reading) are emptied, and the slots written are those filled, the
    /// `counted` among them holding something counted. Only for a storage nothing else holds, with no more
    /// slots than a `SlotSet` holds.
    @inline(__always)
    func finishFilling(filled: SlotSet, counted: SlotSet) {
        let slots = self.slots
        withUnsafeMutablePointerToHeader { header in
            // the stale slots hold nothing counted (`clearCounted` let go of it, and the reader counts what it
            // writes): written over without a look at their values
            header.pointee.written.subtracting(filled).forEach { slot in (slots + slot).initialize(to: .empty) }
            header.pointee.written = filled
            header.pointee.counted.formUnion(counted)
        }
    }

    /// Empties one slot; a list it holds (of values or of objects) is moved out (not copied) and given to `spares`.
    @inline(__always)
    private static func empty(_ slot: UnsafeMutablePointer<StoredSlot>, keepingListsIn spares: UnsafeMutablePointer<SpareLists>) {
        // most slots hold nothing counted: written over without the value being destroyed first
        guard holdsReferences(slot) else {
            slot.initialize(to: .empty)
            return
        }
        emptyCounted(slot, keepingListsIn: spares)
    }

    /// `empty` for a slot that holds something counted. Out of line: the loop over the slots stays small
    /// enough to be compiled into `clear` with the test of each slot.
    @inline(never)
    private static func emptyCounted(_ slot: UnsafeMutablePointer<StoredSlot>, keepingListsIn spares: UnsafeMutablePointer<SpareLists>) {
        // looked at, then moved out, then bound: the list is then the only holder of its storage, and is
        // emptied in place (a `switch` over the slot's value would hold that value until the switch ends,
        // and the list, held twice, would be copied when emptied)
        if case .list? = slot.pointee.value {
            let taken = slot.move().value
            slot.initialize(to: .empty)
            if case .list(let list)? = consume taken { spares.pointee.give(list) }
            return
        }
        if case .objects? = slot.pointee.value {
            let taken = slot.move().value
            slot.initialize(to: .empty)
            if case .objects(let records)? = consume taken { SpareLists.give(records: records, to: spares) }
            return
        }
        slot.pointee = .empty
    }

    /// A storage holding copies of these slots.
    func copy() -> SlotStorage {
        let header = slotHeader
        let copy = unsafeDowncast(Self.create(minimumCapacity: header.count) { _ in header }, to: SlotStorage.self)
        copy.slots.initialize(from: slots, count: header.count)
        return copy
    }
}

/// The values of a record's slots, in slot order: a collection with value semantics (copied on write)
/// over the record's `SlotStorage`. Sendable because a storage is written only while uniquely referenced.
public struct SlotValues: RandomAccessCollection, MutableCollection, @unchecked Sendable {
    public typealias Index = Int
    public typealias Indices = Range<Int>

    var storage: SlotStorage

    /// `count` empty slots.
    init(count: Int) {
        storage = SlotStorage.make(count: count)
    }

    /// The slots of `storage` (for a record about to be read: holding nothing counted, the values left in them
    /// written over or emptied by the reading, see `SlotStorage.clearCounted(keepingListsIn:)`).
    init(storage: SlotStorage) {
        self.storage = storage
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }
    public var indices: Range<Int> { 0..<storage.count }

    public subscript(slot: Int) -> FactValue? {
        get {
            storage.checkSlot(slot)
            let stored = storage.slots + slot
            // a text read in place is spelled out when it is asked for as a value (a span is there only
            // where the value is not)
            if stored.pointee.span.count >= 0 { return .string(storage.text(stored.pointee.span)) }
            return stored.pointee.value
        }
        set {
            storage.checkSlot(slot)
            makeUnique()
            storage.markWritten(slot)
            storage.slots[slot] = StoredSlot(value: newValue, offset: storage.slots[slot].offset)
        }
    }

    /// The value of `slot`, for a slot whose field is not a text: read as it is stored, which the compiler
    /// can look at in place where a `switch` only tests it (the subscript, which spells out a text read in
    /// place, makes it copy the value). A text read in place reads as nil here.
    @inline(__always)
    func nonTextValue(at slot: Int) -> FactValue? {
        storage.checkSlot(slot)
        return storage.slots[slot].value
    }

    /// Where the text of `slot` read in place (see `StoredSlot.span`) starts in the record's source; nil for a
    /// slot without one.
    @inline(__always)
    func textStart(at slot: Int) -> Int32? {
        storage.checkSlot(slot)
        let span = storage.slots[slot].span
        return span.count < 0 ? nil : span.start
    }

    /// Whether `slot` holds no value (looked at in place, without copying the value).
    func isEmpty(at slot: Int) -> Bool {
        storage.checkSlot(slot)
        return storage.slots[slot].isEmpty
    }

    /// Whether `slot` holds a text (looked at in place, without spelling out a text read in place).
    func isText(at slot: Int) -> Bool {
        storage.checkSlot(slot)
        let stored = storage.slots + slot
        switch stored.pointee.value {
        case .none: return stored.pointee.span.count >= 0
        case .string?: return true
        default: return false
        }
    }

    /// Calls `body` with the UTF-8 bytes of the text in `slot`, where they are (in the source for a text
    /// read in place, else in the `String`); nil, without calling it, when the slot holds no text.
    func withTextBytes<Result>(at slot: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        storage.withTextBytes(at: slot, body)
    }

    /// Whether the slot holds a text read in place that lies within bytes `range` of its source (looked at
    /// in place): where the reader found those bytes to be ASCII, the text is known to be ASCII without
    /// looking at its bytes again.
    @inline(__always)
    func isTextInPlace(at slot: Int, within range: Range<Int>) -> Bool {
        storage.checkSlot(slot)
        let span = storage.slots[slot].span
        return span.count >= 0 && Int(span.start) >= range.lowerBound && Int(span.start) + Int(span.count) <= range.upperBound
    }

    /// The case in `slot` when it holds an enumeration value (looked at in place, without copying the value).
    @inline(__always)
    func symbol(at slot: Int) -> Int32? {
        storage.checkSlot(slot)
        if case .symbol(let index)? = storage.slots[slot].value { return index }
        return nil
    }

    /// The day number in `slot` when it holds a date (looked at in place, without copying the value).
    func date(at slot: Int) -> Int32? {
        storage.checkSlot(slot)
        if case .date(let day)? = storage.slots[slot].value { return day }
        return nil
    }

    /// Sets the value of `slot` and where it was written.
    mutating func set(_ value: FactValue?, offset: Int32, at slot: Int) {
        storage.checkSlot(slot)
        makeUnique()
        storage.markWritten(slot)
        storage.slots[slot] = StoredSlot(value: value, offset: offset)
    }

    /// The slots, to be written in place by `body` (the storage made unique first), which gathers in its
    /// second argument every slot it writes (or may have written, if it throws). Only for records with
    /// no more slots than a `SlotSet` holds.
    mutating func withUnsafeMutableSlots<Result, Failure: Error>(
        _ body: (UnsafeMutableBufferPointer<StoredSlot>, inout SlotSet) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        precondition(storage.count <= SlotSet.capacity, "too many slots to write in place")
        makeUnique()
        let storage = self.storage
        var written = SlotSet()
        defer { storage.markWritten(written) }
        return try body(UnsafeMutableBufferPointer(start: storage.slots, count: storage.count), &written)
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }
}

/// The byte offsets of a record's slots in the source, in slot order (-1 where unknown or derived): a
/// read-only view of the record's `SlotStorage` (Sendable as `SlotValues` is).
public struct SlotOffsets: RandomAccessCollection, Equatable, @unchecked Sendable, CustomStringConvertible {
    public typealias Index = Int
    public typealias Indices = Range<Int>

    let storage: SlotStorage

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }
    public var indices: Range<Int> { 0..<storage.count }

    public subscript(slot: Int) -> Int32 {
        storage.checkSlot(slot)
        return storage.slots[slot].offset
    }

    public static func == (a: SlotOffsets, b: SlotOffsets) -> Bool { a.elementsEqual(b) }

    public var description: String { Array(self).description }
}
