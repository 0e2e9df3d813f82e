/// A set of slots of one record layout, as bits (at most `capacity` slots): which slots a reader has
/// filled, which a layout requires, which a kind of description may not carry.
struct SlotSet: Sendable, Equatable {
    /// The largest number of slots a layout may have for its slots to fit in a set.
    static let capacity = 256

    private var bits = SIMD4<UInt64>(repeating: 0)

    init() {}

    /// The set of `slots` (each below `capacity`).
    init(_ slots: some Sequence<Int>) {
        for slot in slots { _ = insert(slot) }
    }

    /// Adds `slot` (below `capacity`); false when it was already in the set.
    @inline(__always)
    mutating func insert(_ slot: Int) -> Bool {
        let word = slot >> 6
        let bit: UInt64 = 1 << UInt64(slot & 63)
        if bits[word] & bit != 0 { return false }
        bits[word] |= bit
        return true
    }

    /// Whether every slot of this set is in `other`.
    @inline(__always)
    func isSubset(of other: SlotSet) -> Bool {
        bits & ~other.bits == SIMD4(repeating: 0)
    }

    /// Whether this set and `other` have no slot in common.
    @inline(__always)
    func isDisjoint(with other: SlotSet) -> Bool {
        bits & other.bits == SIMD4(repeating: 0)
    }
}
