/// Immutable tables from byte strings to small integers, looked up by the bytes of an input without making
/// a `String`. A key is seen as two 64-bit words, its first eight bytes and its last eight (the same word
/// for a key of up to eight bytes), plus the words in between for a key longer than sixteen bytes. A table
/// hashes the two words and the length with a multiplier chosen when it is built so that its keys rarely
/// share a bucket (open addressing; a look-up usually reads one bucket), and a bucket holds the two words,
/// so most look-ups are two loads from the input and three comparisons.
///
/// All tables live in one block of memory owned by the object and never written after `init`; the
/// object is therefore safe to share between threads. Used by `DirectRecordReader` for JSON keys (one table
/// per key node) and enumeration spellings.
final class ByteKeyTables: @unchecked Sendable {
    /// One bucket: a key (its length, first and last word, where its middle words start) and its value.
    /// An empty bucket has the length `Bucket.empty`.
    struct Bucket {
        static let empty = UInt32.max
        var length: UInt32
        var value: Int32
        var middleStart: UInt32
        var first: UInt64
        var last: UInt64
    }

    private let buckets: UnsafeMutablePointer<Bucket>
    private let bucketCount: Int
    /// The middle words of keys longer than sixteen bytes (the words at offsets 8, 16, … before the last word).
    private let middles: UnsafeMutablePointer<UInt64>
    private let tables: UnsafeMutablePointer<HashedTableShape>
    private let tableCount: Int
    /// Each table's keys and values, for `entries(of:)`.
    private let pairs: [[(key: [UInt8], value: Int32)]]

    /// One table per element of `tables`; within a table a later pair with the same bytes replaces an earlier one.
    init(_ tables: [[(key: [UInt8], value: Int32)]]) {
        let unique = tables.map(Self.unique)
        pairs = unique
        var laidOut: [Bucket] = []
        var middleWords: [UInt64] = []
        var tableInfo: [HashedTableShape] = []
        for keys in unique {
            let words = keys.map { Self.words(of: $0.key) }
            let mixed = keys.indices.map { Self.mix(first: words[$0].first, last: words[$0].last, length: keys[$0].key.count) }
            let shape = HashedTableShape(start: laidOut.count, words: mixed)
            tableInfo.append(shape)
            laidOut += repeatElement(Bucket(length: Bucket.empty, value: 0, middleStart: 0, first: 0, last: 0), count: shape.size)
            for (index, bucket) in shape.places(of: mixed).enumerated() {
                laidOut[shape.start + bucket] = Bucket(length: UInt32(keys[index].key.count), value: keys[index].value,
                                                       middleStart: UInt32(middleWords.count), first: words[index].first, last: words[index].last)
                middleWords += words[index].middle
            }
        }
        bucketCount = laidOut.count
        buckets = .allocate(capacity: max(1, laidOut.count))
        buckets.initialize(from: laidOut, count: laidOut.count)
        middles = .allocate(capacity: max(1, middleWords.count))
        middles.initialize(from: middleWords, count: middleWords.count)
        tableCount = tableInfo.count
        self.tables = .allocate(capacity: max(1, tableInfo.count))
        self.tables.initialize(from: tableInfo, count: tableInfo.count)
    }

    deinit {
        buckets.deallocate()
        middles.deallocate()
        tables.deallocate()
    }

    /// The pairs without repeated keys (a later value replacing an earlier one) and without the empty key,
    /// which no look-up finds.
    private static func unique(_ pairs: [(key: [UInt8], value: Int32)]) -> [(key: [UInt8], value: Int32)] {
        var unique: [(key: [UInt8], value: Int32)] = []
        for pair in pairs where !pair.key.isEmpty {
            if let index = unique.firstIndex(where: { $0.key == pair.key }) {
                unique[index].value = pair.value
            } else {
                unique.append(pair)
            }
        }
        return unique
    }

    /// The words of a key as `value(in:_:_:)` reads them from an input.
    private static func words(of key: [UInt8]) -> (first: UInt64, last: UInt64, middle: [UInt64]) {
        func word(at offset: Int) -> UInt64 {
            var word: UInt64 = 0
            for index in 0..<min(8, key.count - offset) { word |= UInt64(key[offset + index]) << (8 * UInt64(index)) }
            return word
        }
        let first = word(at: 0)
        guard key.count > 8 else { return (first, first, []) }
        let middle = stride(from: 8, to: key.count - 8, by: 8).map(word(at:))
        return (first, word(at: key.count - 8), middle)
    }

    /// The word a key is hashed by (see `HashedTableShape`): its first and last words and its length, mixed.
    @inline(__always)
    private static func mix(first: UInt64, last: UInt64, length: Int) -> UInt64 {
        first ^ (last >> 7 | last << 57) ^ UInt64(truncatingIfNeeded: length)
    }

    /// A byte string to look up, as the tables see it: its first and last eight bytes (one word for up to
    /// eight bytes, the bytes beyond the string zero), its length, and where it starts in the input (for
    /// the middle words of a string longer than sixteen bytes).
    struct Probe {
        var first: UInt64
        var last: UInt64
        var length: Int
        var start: Int
    }

    /// `bytes[range]` as a probe (nil for an empty or unreadable range).
    @inline(__always)
    static func probe(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Probe? {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count, !range.isEmpty, let base = bytes.baseAddress else { return nil }
        let length = range.count
        let raw = UnsafeRawPointer(base)
        if length >= 8 {
            return Probe(first: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: range.lowerBound, as: UInt64.self)),
                         last: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: range.upperBound - 8, as: UInt64.self)),
                         length: length, start: range.lowerBound)
        }
        var word: UInt64 = 0
        if range.upperBound >= 8 {
            // the eight bytes that end with the string, shifted so that its bytes are the low ones
            word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: range.upperBound - 8, as: UInt64.self))
                >> (8 * UInt64(8 - length))
        } else {
            for index in 0..<length { word |= UInt64(bytes[range.lowerBound + index]) << (8 * UInt64(index)) }
        }
        return Probe(first: word, last: word, length: length, start: range.lowerBound)
    }

    /// The value table `table` holds for `bytes[range]`, if any.
    @inline(__always)
    func value(in table: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32? {
        guard let probe = Self.probe(bytes, range) else { return nil }
        return value(in: table, probe, bytes)
    }

    /// The value table `table` holds for the string `probe` describes in `bytes`, if any.
    @inline(__always)
    func value(in table: Int, _ probe: Probe, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let lookup = lookup(table) else { return nil }
        return value(in: lookup, probe, bytes)
    }

    /// What a look-up in one table reads before its buckets (see `HashedTableLookup`).
    typealias Lookup = HashedTableLookup<Bucket>

    /// The look-up of table `table`, or nil when there is no such table.
    @inline(__always)
    func lookup(_ table: Int) -> Lookup? {
        // one unsigned comparison for 0 <= table < tableCount
        guard UInt(bitPattern: table) < UInt(bitPattern: tableCount) else { return nil }
        return Lookup(buckets, tables[table])
    }

    /// The value the table of `lookup` holds for the string `probe` describes in `bytes`, if any.
    @inline(__always)
    func value(in lookup: Lookup, _ probe: Probe, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        // the probe's length needs no check of its own: it is compared in full with a stored key's, which is
        // never 0 nor `Bucket.empty`
        var bucket = lookup.home(of: Self.mix(first: probe.first, last: probe.last, length: probe.length))
        while true {
            let entry = lookup.buckets[bucket]
            if entry.length == Bucket.empty { return nil }
            if Int(entry.length) == probe.length, entry.first == probe.first, entry.last == probe.last {
                if probe.length <= 16 || sameMiddle(bytes, probe, Int(entry.middleStart)) { return entry.value }
            }
            bucket = lookup.next(after: bucket)
        }
    }

    /// Whether the middle words of the string `probe` (longer than sixteen bytes) in `bytes` are those stored from `start`.
    private func sameMiddle(_ bytes: UnsafeBufferPointer<UInt8>, _ probe: Probe, _ start: Int) -> Bool {
        guard probe.start >= 0, probe.start + probe.length <= bytes.count, let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        // the string lies within the buffer (checked above), and its middle words within the stored ones: no sum
        // below can overflow, and none is checked
        var offset = probe.start &+ 8
        var index = start
        let lastWord = probe.start &+ probe.length &- 8
        while offset < lastWord {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            if word != middles[index] { return false }
            offset &+= 8
            index &+= 1
        }
        return true
    }

    /// Every key of table `table` with its value, for checking the table.
    func entries(of table: Int) -> [(key: [UInt8], value: Int32)] {
        pairs.indices.contains(table) ? pairs[table] : []
    }
}
