/// The evidence of one description's findings in one room: each finding's list of evidence (`EvidenceList`)
/// is a stretch of the store's entries, and the texts its entries number are the store's texts.
///
/// A batch's workspace keeps its store from one description to the next and empties it once no finding
/// holds it any more (see `Evaluator.Workspace.takeFindings()`): the entries, plain numbers, are emptied by
/// setting their count. Kept as an array per finding, each list's room was taken from a list of spare rooms
/// and given back to it, and emptied element by element with a uniqueness check for each, some 300
/// instructions a finding with the finding's destroy.
///
/// Only the workspace that made a store adds to it, and only while it is the one holder or the holders are
/// findings of the description being judged, on the same thread: what a finding holds is written before
/// the finding is made, and never changed after. A store that something else still holds (an evaluation the
/// caller keeps) is left to it, and the workspace makes a new one.
final class EvidenceStore: @unchecked Sendable {
    /// The entries and texts, in rooms of their own (fields read and written without the run-time
    /// exclusivity checks of a class's `var`: see above for who writes them).
    @exclusivity(unchecked) private var entries: UnsafeMutablePointer<EvidenceList.Entry>
    @exclusivity(unchecked) private(set) var entryCount = 0
    @exclusivity(unchecked) private var entryCapacity: Int
    @exclusivity(unchecked) private var texts: UnsafeMutablePointer<String>
    @exclusivity(unchecked) private(set) var textCount = 0
    @exclusivity(unchecked) private var textCapacity: Int
    /// The file the located evidence is in: one description's, or the list's written out as values (see
    /// `EvidenceList.init(_:)`). Held once here rather than by every finding's list.
    @exclusivity(unchecked) private(set) var file: String?
    /// Whether `file` is the file of the evidence added since the store was last emptied.
    @exclusivity(unchecked) private var fileNoted = false

    /// A store with room for `entryCapacity` entries and `textCapacity` texts to begin with. Small by
    /// default: a workspace's store grows to what its descriptions need within a few of them and keeps its
    /// room, while a store made for each description whose findings the caller keeps (`keepItems`, a
    /// baseline written) stays as large as it was made.
    init(entryCapacity: Int = 4, textCapacity: Int = 2) {
        self.entryCapacity = max(1, entryCapacity)
        self.textCapacity = max(1, textCapacity)
        entries = .allocate(capacity: self.entryCapacity)
        texts = .allocate(capacity: self.textCapacity)
    }

    deinit {
        texts.deinitialize(count: textCount)
        texts.deallocate()
        entries.deallocate()
    }

    /// Adds an entry at the end.
    @inline(__always)
    func append(_ entry: EvidenceList.Entry) {
        if entryCount == entryCapacity { growEntries() }
        (entries + entryCount).initialize(to: entry)
        entryCount += 1
    }

    /// Adds a text at the end and returns its number.
    @inline(__always)
    func keep(_ text: String) -> Int32 {
        if textCount == textCapacity { growTexts() }
        (texts + textCount).initialize(to: text)
        textCount += 1
        return Int32(textCount - 1)
    }

    /// Notes the file of the evidence (once after each time the store is emptied: the findings added before
    /// it are gone). The same file as before, as for every description of a batch's file, is not stored
    /// again (which would count it and let go of the last).
    @inline(__always)
    func note(file path: borrowing String) {
        guard !fileNoted else { return }
        fileNoted = true
        if let file, file == path { return }
        file = copy path
    }

    /// Entry `index` (bounds checked).
    @inline(__always)
    func entry(_ index: Int) -> EvidenceList.Entry {
        precondition(index >= 0 && index < entryCount, "evidence entry out of range")
        return entries[index]
    }

    /// Text `index` (bounds checked).
    @inline(__always)
    func text(_ index: Int) -> String {
        precondition(index >= 0 && index < textCount, "evidence text out of range")
        return texts[index]
    }

    /// `count` entries from `first` where the store keeps them, and its texts: valid while the store lives
    /// and is not added to.
    @inline(__always)
    func rooms(from first: Int, count: Int) -> EvidenceList.Rooms {
        precondition(first >= 0 && count >= 0 && first + count <= entryCount, "evidence entries out of range")
        return EvidenceList.Rooms(entries: UnsafeBufferPointer(start: entries + first, count: count),
                                  texts: UnsafeBufferPointer(start: texts, count: textCount))
    }

    /// Empties the store, keeping its rooms: only for a store that nothing but its workspace holds.
    func empty() {
        entryCount = 0
        fileNoted = false
        // one text at a time: `deinitialize(count:)` of more than one goes through the runtime's generic
        // array destroy
        while textCount > 0 {
            textCount -= 1
            (texts + textCount).deinitialize(count: 1)
        }
    }

    /// Twice the room for entries (out of line: a workspace's store reaches its size within a few descriptions).
    @inline(never)
    private func growEntries() {
        let room = UnsafeMutablePointer<EvidenceList.Entry>.allocate(capacity: entryCapacity * 2)
        room.moveInitialize(from: entries, count: entryCount)
        entries.deallocate()
        entries = room
        entryCapacity *= 2
    }

    /// Twice the room for texts.
    @inline(never)
    private func growTexts() {
        let room = UnsafeMutablePointer<String>.allocate(capacity: textCapacity * 2)
        room.moveInitialize(from: texts, count: textCount)
        texts.deallocate()
        texts = room
        textCapacity *= 2
    }
}
