/// The storage of the last description a worker read, kept so that the next one is read into it once that
/// description is judged, rendered and dropped (its storage then held here alone): one allocation and one
/// free less for each record of a batch. A storage something else still holds (a description the caller
/// keeps) is left to it, and the next record gets a storage of its own.
///
/// Used by one worker at a time (`BatchEvaluator` makes one for each unit of work it reads).
final class RecordRoom {
    private var storage: SlotStorage?
    /// Lists of values emptied from the kept storage, for the next records' lists (see `SpareLists`).
    let spareLists: UnsafeMutablePointer<SpareLists>

    init() {
        spareLists = UnsafeMutablePointer<SpareLists>.allocate(capacity: 1)
        spareLists.initialize(to: SpareLists())
    }

    deinit {
        spareLists.deinitialize(count: 1)
        spareLists.deallocate()
    }

    /// An empty record of `slotCount` slots: in the kept storage when nothing else holds it. The storage is
    /// taken out while the record is read into it (a second holder would make writing copy it).
    func record(slotCount: Int) -> Record {
        guard isKnownUniquelyReferenced(&storage), let kept = storage, kept.count == slotCount else {
            storage = nil
            return Record(slotCount: slotCount)
        }
        storage = nil
        kept.clear(keepingListsIn: spareLists)
        return Record(storage: kept)
    }

    /// Keeps the storage of a record read to the end, for the record after the next has dropped it.
    func keep(_ record: Record) {
        storage = record.values.storage
    }
}
