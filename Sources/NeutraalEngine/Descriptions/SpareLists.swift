/// Emptied lists of values kept for the next records a worker reads: a list of enumeration values
/// (`draftedBy`, `partyRoles`) is read into the room of one that an earlier record of the same unit of work
/// held, instead of being allocated for each record and freed with it; so is a list of objects (`sections`),
/// its elements freed when it is given back.
///
/// Kept behind a pointer (see `RecordRoom`) so that taking and giving back a list costs no exclusivity
/// check; used by one worker at a time. The lists lie in room of their own, allocated once, rather than in an
/// array: taking one moves it out and giving one moves it in, without the uniqueness checks and the general
/// paths of `popLast()` and `append(_:)` (some thirty instructions each, for every list of every record).
/// The one that holds it frees it with `free()`. The short texts of lists read lately travel with the lists
/// (`recentTexts`), through the same pointer, and so do the storages of the elements of lists of objects,
/// holding nothing counted any more (`takeStorage(slotCount:)`), which the next elements are read into.
struct SpareLists {
    /// At most this many lists are kept (a record has only a few lists).
    static let limit = 8

    /// Room for `limit` lists, the first `count` of them kept.
    private let lists: UnsafeMutablePointer<[FactValue]>
    private var count = 0
    /// Room for `limit` lists of objects, the first `recordCount` of them kept.
    private let recordLists: UnsafeMutablePointer<[Record]>
    private var recordCount = 0
    /// The short texts of lists read lately (see `RecentTexts`).
    let recentTexts = RecentTexts()
    /// Room for `storageLimit` storages of elements of lists of objects, holding nothing counted (see
    /// `SlotStorage.clearCounted(keepingListsIn:)`), the first `storageCount` kept.
    private let storages: UnsafeMutablePointer<SlotStorage>
    private var storageCount = 0

    /// At most this many storages of elements are kept (a record's lists of objects have a few elements).
    static let storageLimit = 16

    init() {
        lists = .allocate(capacity: Self.limit)
        recordLists = .allocate(capacity: Self.limit)
        storages = .allocate(capacity: Self.storageLimit)
    }

    /// A list to read values into, in the room of a kept one when there is one: it still holds the values of
    /// the list it was, which the reading writes over, one element after another, and then cuts off after the
    /// last one it read (see `DirectRecordReader.readValues`); empty when no list is kept.
    @inline(__always)
    mutating func take() -> [FactValue] {
        guard count > 0 else { return [] }
        count -= 1
        return (lists + count).move()
    }

    /// Keeps `list` for a later record, with its values: they are written over by the next list read into it
    /// rather than removed here one by one (a uniqueness check and a destroy for each, some twenty-five
    /// instructions an element, two or three elements a record); a list with no room of its own, or one more
    /// than the limit, is dropped.
    @inline(__always)
    mutating func give(_ list: consuming [FactValue]) {
        guard count < Self.limit, list.capacity > 0 else { return }
        (lists + count).initialize(to: list)
        count += 1
    }

    /// An empty list of objects, in the room of a kept one when there is one.
    @inline(__always)
    mutating func takeRecords() -> [Record] {
        guard recordCount > 0 else { return [] }
        recordCount -= 1
        return (recordLists + recordCount).move()
    }

    /// Keeps `records`, emptied (its elements let go of), for a later record; as `give(_:)`.
    @inline(__always)
    mutating func give(records: consuming [Record]) {
        guard recordCount < Self.limit, records.capacity > 0 else { return }
        records.trim(to: 0)
        (recordLists + recordCount).initialize(to: records)
        recordCount += 1
    }

    /// `give(records:)` for the spares `spares` points to, keeping the storages of the elements too: each one
    /// that nothing else holds lets go of what it holds that is counted (its own lists given to `spares`; see
    /// `SlotStorage.clearCounted(keepingListsIn:)`) and is kept for a later element, up to
    /// `storageLimit`, rather than freed and allocated again for the next record's elements.
    static func give(records: consuming [Record], to spares: UnsafeMutablePointer<SpareLists>) {
        var records = records
        while var record = records.popLast() {
            guard spares.pointee.storageCount < storageLimit, isKnownUniquelyReferenced(&record.values.storage) else { continue }
            let storage = record.values.storage
            storage.clearCounted(keepingListsIn: spares)
            (spares.pointee.storages + spares.pointee.storageCount).initialize(to: storage)
            spares.pointee.storageCount += 1
        }
        spares.pointee.give(records: records)
    }

    /// A storage of `slotCount` slots holding nothing counted, for an element of a list of objects (which
    /// the reading fills or empties slot by slot), when the one kept last has
    /// that many; nil otherwise.
    @inline(__always)
    mutating func takeStorage(slotCount: Int) -> SlotStorage? {
        guard storageCount > 0, storages[storageCount - 1].count == slotCount else { return nil }
        storageCount -= 1
        return (storages + storageCount).move()
    }

    /// Lets go of the lists kept and of their room; nothing may be taken or given after it.
    mutating func free() {
        lists.deinitialize(count: count)
        lists.deallocate()
        count = 0
        recordLists.deinitialize(count: recordCount)
        recordLists.deallocate()
        recordCount = 0
        storages.deinitialize(count: storageCount)
        storages.deallocate()
        storageCount = 0
        recentTexts.free()
    }
}
