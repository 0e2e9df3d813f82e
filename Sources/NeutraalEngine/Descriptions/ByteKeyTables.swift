/// Immutable tables from byte strings to small integers, looked up by the bytes of an input without making
/// a `String`: open addressing on a hash of the length and three of the bytes, confirmed by comparing the
/// bytes. Many small tables share flat storage, so that a look-up touches a few arrays of one object.
/// Used by `DirectRecordReader` for JSON keys (one table per key node) and enumeration spellings.
final class ByteKeyTables: Sendable {
    /// One key: its bytes in `pool` and in `words`, its value, and its signature (length and three of its bytes).
    private struct Entry: Sendable {
        let start: Int
        let length: Int
        let wordStart: Int
        let value: Int32
        let signature: UInt32
    }

    private let pool: [UInt8]
    /// Each key as little-endian 64-bit words, the last one padded with zeros.
    private let words: [UInt64]
    private let entries: [Entry]
    /// Entry index + 1 per bucket; 0 is an empty bucket.
    private let buckets: [Int32]
    /// Per table: its first bucket and its bucket count minus one (a power of two minus one).
    private let tableStart: [Int]
    private let tableMask: [Int]

    /// One table per element of `tables`; within a table a later pair with the same bytes replaces an earlier one.
    init(_ tables: [[(key: [UInt8], value: Int32)]]) {
        var pool: [UInt8] = []
        var words: [UInt64] = []
        var entries: [Entry] = []
        var buckets: [Int32] = []
        var tableStart: [Int] = []
        var tableMask: [Int] = []
        for pairs in tables {
            let unique = Self.unique(pairs)
            var size = 4
            while size < unique.count * 4 { size *= 2 }
            let first = buckets.count
            tableStart.append(first)
            tableMask.append(size - 1)
            buckets.append(contentsOf: repeatElement(0, count: size))
            for pair in unique {
                let signature = pair.key.withUnsafeBufferPointer { Self.signature($0, 0..<$0.count) }
                entries.append(Entry(start: pool.count, length: pair.key.count, wordStart: words.count, value: pair.value,
                                     signature: signature))
                pool.append(contentsOf: pair.key)
                for chunk in stride(from: 0, to: pair.key.count, by: 8) {
                    words.append(Self.word(pair.key[chunk..<min(chunk + 8, pair.key.count)]))
                }
                var bucket = Self.bucket(signature) & (size - 1)
                while buckets[first + bucket] != 0 { bucket = (bucket + 1) & (size - 1) }
                buckets[first + bucket] = Int32(entries.count)
            }
        }
        self.pool = pool
        self.words = words
        self.entries = entries
        self.buckets = buckets
        self.tableStart = tableStart
        self.tableMask = tableMask
    }

    private static func unique(_ pairs: [(key: [UInt8], value: Int32)]) -> [(key: [UInt8], value: Int32)] {
        var unique: [(key: [UInt8], value: Int32)] = []
        for pair in pairs {
            if let index = unique.firstIndex(where: { $0.key == pair.key }) {
                unique[index].value = pair.value
            } else {
                unique.append(pair)
            }
        }
        return unique
    }

    /// The value table `table` holds for `bytes[range]`, if any.
    func value(in table: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32? {
        let first = tableStart[table]
        let mask = tableMask[table]
        let signature = Self.signature(bytes, range)
        var bucket = Self.bucket(signature) & mask
        while true {
            let index = Int(buckets[first + bucket]) - 1
            if index < 0 { return nil }
            let entry = entries[index]
            if entry.signature == signature, entry.length == range.count {
                if Self.same(bytes, range, words, entry.wordStart) { return entry.value }
            }
            bucket = (bucket + 1) & mask
        }
    }

    /// Every key of table `table` with its value, for checking the table.
    func entries(of table: Int) -> [(key: [UInt8], value: Int32)] {
        let first = tableStart[table]
        return buckets[first...(first + tableMask[table])].filter { $0 > 0 }.map { bucket in
            let entry = entries[Int(bucket) - 1]
            return (Array(pool[entry.start..<entry.start + entry.length]), entry.value)
        }
    }

    /// Up to eight bytes as a little-endian word.
    private static func word(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var word: UInt64 = 0
        for (index, byte) in bytes.enumerated() { word |= UInt64(byte) << (8 * UInt64(index)) }
        return word
    }

    /// Whether `bytes[range]` are the bytes of the key whose words start at `words[start]` (the lengths are equal).
    @inline(__always)
    private static func same(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ words: [UInt64], _ start: Int) -> Bool {
        var index = range.lowerBound
        var wordIndex = start
        while index < range.upperBound {
            let count = min(8, range.upperBound - index)
            var word: UInt64 = 0
            if let base = bytes.baseAddress, index + 8 <= bytes.count {
                word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if count < 8 { word &= (1 << (8 * UInt64(count))) - 1 }
            } else {
                for offset in 0..<count { word |= UInt64(bytes[index + offset]) << (8 * UInt64(offset)) }
            }
            if word != words[wordIndex] { return false }
            index += 8
            wordIndex += 1
        }
        return true
    }

    /// The length and the first, middle and last byte: cheap, and different for nearly all keys of a table.
    @inline(__always)
    private static func signature(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt32 {
        let count = range.count
        guard count > 0 else { return 0 }
        let first = UInt32(bytes[range.lowerBound])
        let middle = UInt32(bytes[range.lowerBound + count / 2])
        let last = UInt32(bytes[range.upperBound - 1])
        return UInt32(truncatingIfNeeded: count) | first << 8 | middle << 16 | last << 24
    }

    @inline(__always)
    private static func bucket(_ signature: UInt32) -> Int {
        Int((signature &* 0x9E37_79B1) >> 16)
    }
}
