/// A set of an automaton's byte classes (at most 256) as four words, bit `c & 63` of word `c >> 6` for class
/// `c`. The builders of the automata (`SubsetBuilder`, `DFADraft.product`) keep one such set per state or per
/// instruction, side by side in one array of words.
typealias ClassSet = (UInt64, UInt64, UInt64, UInt64)

/// The few operations the automata's builders do on class sets kept four words apart in an array.
enum ClassSets {
    /// Adds to `set` the sets in `table` numbered by the bits of `word`: bit `b` stands for set `base + b`
    /// (its words at `(base + b) * 4` in `table`).
    @inline(__always)
    static func addSets(atBitsOf word: UInt64, from base: Int, in table: [UInt64], to set: inout ClassSet) {
        var rest = word
        while rest != 0 {
            let index = (base + rest.trailingZeroBitCount) * 4
            rest &= rest &- 1
            set.0 |= table[index]
            set.1 |= table[index + 1]
            set.2 |= table[index + 2]
            set.3 |= table[index + 3]
        }
    }

    /// Appends the four words of `set` to `table`.
    @inline(__always)
    static func append(_ set: ClassSet, to table: inout [UInt64]) {
        table.append(set.0)
        table.append(set.1)
        table.append(set.2)
        table.append(set.3)
    }

    /// Word `quarter` (0 to 3) of `set`: the classes `quarter * 64` to `quarter * 64 + 63`.
    @inline(__always)
    static func word(_ quarter: Int, of set: ClassSet) -> UInt64 {
        quarter == 0 ? set.0 : quarter == 1 ? set.1 : quarter == 2 ? set.2 : set.3
    }
}
