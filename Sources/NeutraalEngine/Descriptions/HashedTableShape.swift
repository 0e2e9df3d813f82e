/// The shape of one table of open addressing among the buckets of `ByteKeyTables` or `WrittenKeyTables`: where
/// its buckets start, how many there are (a power of two, at least twice its keys), and the multiplier that
/// spreads its keys' words over them. A key's home bucket is its word times the multiplier, shifted down to
/// the bits of a bucket's index; a key whose home is taken goes to the next free bucket.
struct HashedTableShape {
    let start: Int
    let shift: UInt64
    let mask: Int
    let multiplier: UInt64

    /// Multipliers tried in turn for a table (odd, with well-mixed bits); the first that puts every key in a
    /// bucket of its own is kept, otherwise the one with the fewest extra probes.
    private static let multipliers: [UInt64] = [
        0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0xD6E8_FEB8_6659_FD93,
        0xA076_1D64_78BD_642F, 0xE703_7ED1_A0B4_28DB, 0x8EBC_6AF0_9C88_C6E3, 0x5899_65CC_7537_4CC3,
        0x1D8E_4E27_C47D_124F, 0xFF51_AFD7_ED55_8CCD, 0xC4CE_B9FE_1A85_EC53, 0x2127_599B_F432_5C37,
        0x8803_55F2_1E6D_1965, 0x94D0_49BB_1331_11EB, 0xBF58_476D_1CE4_E5B9, 0x6C8E_9CF5_7093_2BD5,
    ]

    /// The shape of a table starting at bucket `start` for keys of these words (each key's word as its
    /// look-up hashes it, before the multiplier): at least twice as many buckets as keys, up to eight times
    /// as many where fewer would leave a key out of its home bucket with every multiplier (a key found past
    /// its home takes a further probe, out of line in `WrittenKeyTables`, for every time it is read). Keys whose
    /// word an earlier key has (as `WrittenKeyTables` hashes only the bytes all its entries have) share a home
    /// with every multiplier: they are placed after the others, and their probes are not counted.
    init(start: Int, words: [UInt64]) {
        var bits: UInt64 = 2
        while (1 << bits) < words.count * 2 { bits += 1 }
        self.start = start
        // a table without keys (every leaf of a key tree has one) needs no search
        guard !words.isEmpty else {
            shift = 64 - bits
            mask = (1 << Int(bits)) - 1
            multiplier = Self.multipliers[0]
            return
        }
        let repeats = Self.repeats(words)
        var best: (bits: UInt64, multiplier: UInt64, probes: Int)?
        search: for more: UInt64 in 0...2 {
            let size = 1 << Int(bits + more)
            for multiplier in Self.multipliers {
                var unused: [Int]?
                let probes = Self.place(words, repeats, size: size, shift: 64 - (bits + more), multiplier: multiplier, into: &unused)
                if best == nil || probes < (best?.probes ?? 0) { best = (bits + more, multiplier, probes) }
                if probes == 0 { break search }
            }
        }
        let chosen = best?.bits ?? bits
        shift = 64 - chosen
        mask = (1 << Int(chosen)) - 1
        multiplier = best?.multiplier ?? Self.multipliers[0]
    }

    /// Which keys have the word of an earlier key (see `init`): compared with each earlier one, which for the
    /// few dozen keys of a table costs less than hashing them into a set.
    private static func repeats(_ words: [UInt64]) -> [Bool] {
        words.indices.map { index in words[..<index].contains(words[index]) }
    }

    /// The number of buckets.
    var size: Int { mask + 1 }

    /// The bucket of each key (from the table's start), in the order of `words`: each key in its home bucket or
    /// the next free one after those placed before it (the keys with words of their own first, in order, then
    /// the others).
    func places(of words: [UInt64]) -> [Int] {
        var buckets: [Int]? = Array(repeating: 0, count: words.count)
        Self.place(words, Self.repeats(words), size: size, shift: shift, multiplier: multiplier, into: &buckets)
        return buckets ?? []
    }

    /// The number of probes past their home buckets that the keys with words of their own take, with each key's
    /// bucket written in `buckets` unless it is nil (while multipliers are tried).
    @discardableResult
    private static func place(_ words: [UInt64], _ repeats: [Bool], size: Int, shift: UInt64, multiplier: UInt64,
                              into buckets: inout [Int]?) -> Int {
        var used = [Bool](repeating: false, count: size)
        var probes = 0
        for pass in 0..<2 {
            let placingRepeats = pass == 1
            for (index, word) in words.enumerated() where repeats[index] == placingRepeats {
                var bucket = Int((word &* multiplier) >> shift)
                while used[bucket] {
                    bucket = (bucket + 1) & (size - 1)
                    if !placingRepeats { probes += 1 }
                }
                used[bucket] = true
                buckets?[index] = bucket
            }
        }
        return probes
    }
}

/// What a look-up in one table reads before its buckets: where they start, how far to shift a hash, the mask
/// of a bucket's index and the multiplier. Made once (`lookup(_:)` of the tables) where many strings are looked
/// up in the same table, as the keys of one JSON object are; valid while the tables live.
struct HashedTableLookup<Bucket> {
    let buckets: UnsafePointer<Bucket>
    let shift: UInt64
    let mask: Int
    let multiplier: UInt64

    /// The look-up of the table of `shape` among `buckets`.
    @inline(__always)
    init(_ buckets: UnsafePointer<Bucket>, _ shape: HashedTableShape) {
        self.buckets = buckets + shape.start
        shift = shape.shift
        mask = shape.mask
        multiplier = shape.multiplier
    }

    /// The home bucket of a key of this word. A bucket is below the table's size, and a table's start plus its
    /// size is within the buckets: no sum here, nor the next bucket's, can overflow.
    @inline(__always)
    func home(of word: UInt64) -> Int {
        Int(truncatingIfNeeded: (word &* multiplier) &>> shift)
    }

    /// The bucket after `bucket`, the table's first after its last.
    @inline(__always)
    func next(after bucket: Int) -> Int {
        (bucket &+ 1) & mask
    }
}
