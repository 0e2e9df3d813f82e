/// The rooms of the lists of evidence of the findings a workspace judged last, kept for the next
/// description's findings: once a batch has rendered and dropped an evaluation, the lists of its
/// findings' evidence (and of their texts) are emptied and filled again, instead of being freed and
/// allocated for every finding.
///
/// A list that something else still shares (an evaluation the caller keeps) is copied on its first
/// change, as any list is; its room then stays with the caller.
///
/// The lists of rooms are work lists (see `WorkList`): taking a room and giving one back makes no
/// uniqueness check of the list of rooms.
struct SpareEvidence {
    /// At most this many lists of each kind are kept (a description has only a few findings).
    static let limit = 8

    private var entries = WorkList<[EvidenceList.Entry]>()
    private var texts = WorkList<[String]>()

    /// Keeps the room of `list`, emptied, and leaves `list` empty; a list without room of its own, or one
    /// beyond the limit, is left as it is.
    mutating func keep(entries list: inout [EvidenceList.Entry]) {
        Self.keep(&list, in: &entries)
    }

    /// The same for a list of texts.
    mutating func keep(texts list: inout [String]) {
        Self.keep(&list, in: &texts)
    }

    private static func keep<Element>(_ list: inout [Element], in spares: inout WorkList<[Element]>) {
        guard list.capacity > 0, spares.count < limit else { return }
        var room: [Element] = []
        swap(&room, &list)
        room.trim(to: 0)
        spares.append(consume room)
    }

    /// An empty list of entries with room for at least `count` (inlined where a finding's evidence is made:
    /// once a finding, a call of its own to take a room).
    @inline(__always)
    mutating func takeEntries(reserving count: Int) -> [EvidenceList.Entry] {
        var list = entries.popLast() ?? []
        list.reserveCapacity(count)
        return list
    }

    /// An empty list of texts with room for at least `count` (inlined, as `takeEntries`).
    @inline(__always)
    mutating func takeTexts(reserving count: Int) -> [String] {
        var list = texts.popLast() ?? []
        list.reserveCapacity(count)
        return list
    }
}
