/// Emptied lists of values kept for the next records a worker reads: a list of enumeration values
/// (`draftedBy`, `partyRoles`) is read into the room of one that an earlier record of the same unit of work
/// held, instead of being allocated for each record and freed with it.
///
/// Kept behind a pointer (see `RecordRoom`) so that taking and giving back a list costs no exclusivity
/// check; used by one worker at a time.
struct SpareLists {
    /// At most this many lists are kept (a record has only a few lists).
    static let limit = 8

    private var lists: [[FactValue]] = []

    init() {
        lists.reserveCapacity(Self.limit)
    }

    /// An empty list, in the room of a kept one when there is one.
    @inline(__always)
    mutating func take() -> [FactValue] {
        lists.popLast() ?? []
    }

    /// Keeps `list`, emptied, for a later record; a list with no room of its own, or one more than the
    /// limit, is dropped.
    @inline(__always)
    mutating func give(_ list: consuming [FactValue]) {
        guard lists.count < Self.limit, list.capacity > 0 else { return }
        list.trim(to: 0)
        lists.append(list)
    }
}
