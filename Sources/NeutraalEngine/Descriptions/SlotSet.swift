/// A set of slots of one record layout, as bits (at most `capacity` slots): which slots a reader has
/// filled, which a layout requires, which a kind of description may not carry.
struct SlotSet: Sendable, Equatable {
    /// The largest number of slots a layout may have for its slots to fit in a set.
    static let capacity = 128

    /// Slots 0–63, then 64–127.
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init() {}

    /// The set of `slots` (each below `capacity`).
    init(_ slots: some Sequence<Int>) {
        for slot in slots { _ = insert(slot) }
    }

    /// Adds `slot` (below `capacity`); false when it was already in the set.
    @inline(__always)
    mutating func insert(_ slot: Int) -> Bool {
        let bit: UInt64 = 1 &<< UInt64(truncatingIfNeeded: slot & 63)
        if slot < 64 {
            if low & bit != 0 { return false }
            low |= bit
        } else {
            if high & bit != 0 { return false }
            high |= bit
        }
        return true
    }

    /// Adds every slot of `other`.
    @inline(__always)
    mutating func formUnion(_ other: SlotSet) {
        low |= other.low
        high |= other.high
    }

    /// Calls `body` with each slot of the set, in increasing order.
    @inline(__always)
    func forEach(_ body: (Int) -> Void) {
        var bits = low
        while bits != 0 {
            body(bits.trailingZeroBitCount)
            bits &= bits &- 1
        }
        bits = high
        while bits != 0 {
            body(64 + bits.trailingZeroBitCount)
            bits &= bits &- 1
        }
    }

    /// The slots of this set that are not in `other`.
    @inline(__always)
    func subtracting(_ other: SlotSet) -> SlotSet {
        var result = self
        result.low &= ~other.low
        result.high &= ~other.high
        return result
    }

    /// Whether every slot of this set is in `other`.
    @inline(__always)
    func isSubset(of other: SlotSet) -> Bool {
        low & ~other.low == 0 && high & ~other.high == 0
    }

    /// Whether this set and `other` have no slot in common.
    @inline(__always)
    func isDisjoint(with other: SlotSet) -> Bool {
        low & other.low == 0 && high & other.high == 0
    }
}
