/// One slot of a record as stored: its value and the byte offset where it was written (the offset
/// fits in the padding after the value, so a slot takes no more room than the value alone).
struct StoredSlot {
    var value: FactValue?
    var offset: Int32

    static let empty = StoredSlot(value: nil, offset: -1)
}

/// The slots of one record in one allocation: their count (the header), then the slots.
///
/// Its `deinit` is compiled here for `StoredSlot`, so freeing a record destroys its slots with a loop
/// that knows their layout, rather than through the generic value witnesses that an array of
/// `FactValue?` freed by the standard library calls for every element.
final class SlotStorage: ManagedBuffer<Int, StoredSlot> {
    /// A storage of `count` empty slots (no value, offset -1).
    static func make(count: Int) -> SlotStorage {
        let storage = unsafeDowncast(create(minimumCapacity: count) { _ in count }, to: SlotStorage.self)
        storage.slots.initialize(repeating: .empty, count: count)
        return storage
    }

    deinit {
        // slot by slot, skipping those that hold nothing to release (most slots of a record are empty):
        // `deinitialize(count:)` over many elements calls the runtime's generic array destroy, which
        // goes through a value witness per slot
        let slots = self.slots
        for index in 0..<count {
            switch slots[index].value {
            case nil, .bool?, .symbol?, .date?, .number?: continue
            default: (slots + index).deinitialize(count: 1)
            }
        }
    }

    /// The number of slots.
    @inline(__always)
    var count: Int { withUnsafeMutablePointerToHeader { $0.pointee } }

    /// The first slot (valid while the storage lives).
    @inline(__always)
    var slots: UnsafeMutablePointer<StoredSlot> { withUnsafeMutablePointerToElements { $0 } }

    /// A storage holding copies of these slots.
    func copy() -> SlotStorage {
        let count = self.count
        let copy = unsafeDowncast(Self.create(minimumCapacity: count) { _ in count }, to: SlotStorage.self)
        copy.slots.initialize(from: slots, count: count)
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

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }
    public var indices: Range<Int> { 0..<storage.count }

    public subscript(slot: Int) -> FactValue? {
        get {
            precondition(slot >= 0 && slot < storage.count, "slot out of range")
            return storage.slots[slot].value
        }
        set {
            precondition(slot >= 0 && slot < storage.count, "slot out of range")
            makeUnique()
            storage.slots[slot].value = newValue
        }
    }

    /// Sets the value of `slot` and where it was written.
    mutating func set(_ value: FactValue?, offset: Int32, at slot: Int) {
        precondition(slot >= 0 && slot < storage.count, "slot out of range")
        makeUnique()
        storage.slots[slot] = StoredSlot(value: value, offset: offset)
    }

    /// The slots, to be written in place by `body` (the storage made unique first).
    mutating func withUnsafeMutableSlots<Result, Failure: Error>(
        _ body: (UnsafeMutableBufferPointer<StoredSlot>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        makeUnique()
        let storage = self.storage
        defer { withExtendedLifetime(storage) {} }
        return try body(UnsafeMutableBufferPointer(start: storage.slots, count: storage.count))
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
        precondition(slot >= 0 && slot < storage.count, "slot out of range")
        return storage.slots[slot].offset
    }

    public static func == (a: SlotOffsets, b: SlotOffsets) -> Bool { a.elementsEqual(b) }

    public var description: String { Array(self).description }
}
