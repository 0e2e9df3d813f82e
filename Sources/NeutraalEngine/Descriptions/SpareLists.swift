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
/// (`recentTexts`), through the same pointer.
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

    init() {
        lists = .allocate(capacity: Self.limit)
        recordLists = .allocate(capacity: Self.limit)
    }

    /// An empty list, in the room of a kept one when there is one.
    @inline(__always)
    mutating func take() -> [FactValue] {
        guard count > 0 else { return [] }
        count -= 1
        return (lists + count).move()
    }

    /// Keeps `list`, emptied, for a later record; a list with no room of its own, or one more than the
    /// limit, is dropped.
    @inline(__always)
    mutating func give(_ list: consuming [FactValue]) {
        guard count < Self.limit, list.capacity > 0 else { return }
        list.trim(to: 0)
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

    /// Lets go of the lists kept and of their room; nothing may be taken or given after it.
    mutating func free() {
        lists.deinitialize(count: count)
        lists.deallocate()
        count = 0
        recordLists.deinitialize(count: recordCount)
        recordLists.deallocate()
        recordCount = 0
        recentTexts.free()
    }
}
