/// Emptied lists of values kept for the next records a worker reads: a list of enumeration values
/// (`draftedBy`, `partyRoles`) is read into the room of one that an earlier record of the same unit of work
/// held, instead of being allocated for each record and freed with it.
///
/// Kept behind a pointer (see `RecordRoom`) so that taking and giving back a list costs no exclusivity
/// check; used by one worker at a time. The lists lie in room of their own, allocated once, rather than in an
/// array: taking one moves it out and giving one moves it in, without the uniqueness checks and the general
/// paths of `popLast()` and `append(_:)` (some thirty instructions each, for every list of every record).
/// The one that holds it frees it with `free()`.
struct SpareLists {
    /// At most this many lists are kept (a record has only a few lists).
    static let limit = 8

    /// Room for `limit` lists, the first `count` of them kept.
    private let lists: UnsafeMutablePointer<[FactValue]>
    private var count = 0

    init() {
        lists = .allocate(capacity: Self.limit)
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

    /// Lets go of the lists kept and of their room; nothing may be taken or given after it.
    mutating func free() {
        lists.deinitialize(count: count)
        lists.deallocate()
        count = 0
    }
}
