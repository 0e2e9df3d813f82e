/// The last description a worker read, kept so that the next record is read into it once that description
/// is judged, rendered and dropped (it and its record's storage then held here alone): for each record of a
/// batch, no allocation and no free for the description and its storage. A description something else still
/// holds (a batch that keeps its items) is left to it, and the next record gets one of its own.
///
/// Used by one worker at a time (`BatchEvaluator` makes one for each unit of work it reads).
final class RecordRoom {
    private var description: Description?
    /// Lists of values emptied from the kept record, for the next records' lists (see `SpareLists`).
    let spareLists: UnsafeMutablePointer<SpareLists>

    init() {
        spareLists = UnsafeMutablePointer<SpareLists>.allocate(capacity: 1)
        spareLists.initialize(to: SpareLists())
    }

    deinit {
        spareLists.pointee.free()
        spareLists.deinitialize(count: 1)
        spareLists.deallocate()
    }

    /// The description read last, taken out of the room with its record cleared (`Description.emptyRecord`), when nothing but this room
    /// held it or the record's storage and the record has `slotCount` slots; else nil (and the description let
    /// go of). Given back with `keep` once filled again.
    func reusableDescription(slotCount: Int) -> Description? {
        guard isKnownUniquelyReferenced(&description), let kept = description.take(),
              kept.emptyRecord(slotCount: slotCount, keepingListsIn: spareLists) else {
            description = nil
            return nil
        }
        return kept
    }

    /// Keeps a description read to the end, for the record after the next once that has dropped it.
    func keep(_ description: consuming Description) {
        self.description = description
    }
}
