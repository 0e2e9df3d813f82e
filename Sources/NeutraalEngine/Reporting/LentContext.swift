/// A report context kept at one place in memory, lent by its address for as long as this value is held.
///
/// A context is 341 bytes, most of them its rule set. Passed as a value from a loop that changes the reporter
/// it calls (a worker's renderer, once a record), it is first copied aside, all of it (a `memcpy` a record,
/// ~84 instructions), even when read out of a class; lent by its address, the writing of a record reads the
/// few members it needs (the version, `explain`) where they lie.
struct LentContext: @unchecked Sendable {
    /// Owns the memory the context lies in: made and written once, read only after that, freed with the room.
    private final class Room {
        let address: UnsafeMutablePointer<ReportContext>

        init(_ context: ReportContext) {
            address = UnsafeMutablePointer<ReportContext>.allocate(capacity: 1)
            address.initialize(to: context)
        }

        deinit {
            address.deinitialize(count: 1)
            address.deallocate()
        }
    }

    /// Keeps the context where `address` points.
    private let room: Room
    /// Where the context lies, as long as this value (or a copy) is held.
    let address: UnsafePointer<ReportContext>

    init(_ context: ReportContext) {
        room = Room(context)
        address = UnsafePointer(room.address)
    }
}
