/// Immutable tables from byte strings *as written*, with the bytes that end them (a key's closing quote and
/// colon, `":`, or an enumeration spelling's closing quote), to values: looked up by the bytes at the
/// cursor without first finding where the string ends. A look-up loads sixteen bytes as two words, hashes the
/// bytes every entry of the table has in common (its shortest entry's length, up to eight), and compares the
/// words, masked to the entry's length, with the entry's: a string matches only where the bytes are the entry's
/// string followed at once by its ending, so the match is the string itself, plain (no escape, no byte that
/// ends a string early).
///
/// `ByteKeyTables` first finds a string's end (a block of sixteen bytes tested for the bytes that stop a
/// string, the first stop's place counted, the word masked to it) and then hashes the string; here the end is
/// part of what is compared, which takes some twenty instructions off each key and each spelling the reader
/// reads. Only strings of plain ASCII are kept (no quote, backslash or control character): any other string,
/// and any string written otherwise (white space before the colon, an escape, too near the line's end), is
/// not found here and is read the way of `ByteKeyTables`.
///
/// All tables live in one block of memory owned by the object and never written after `init`; the object is
/// therefore safe to share between threads (its values are plain data). Used by `DirectRecordReader` for JSON
/// keys (one table per key node; the value is what the key's node leads to, held in the bucket itself, so that a
/// key's slot and kind come with the match rather than from a further array) and enumeration spellings (their
/// cases), built from the same pairs as its `ByteKeyTables`.
final class WrittenKeyTables<Value>: @unchecked Sendable {
    /// One bucket: the first sixteen bytes of an entry as written (its string and ending), as two words and
    /// the masks that keep the entry's bytes of them, its length with the ending, where the words of the bytes
    /// past the sixteenth start in `rest`, and its value. An empty bucket has the length 0, and a first word
    /// that no bytes match (`empty(_:)`).
    struct Bucket {
        var first: UInt64
        var firstMask: UInt64
        var second: UInt64
        var secondMask: UInt64
        var length: UInt16
        var restStart: UInt16
        var value: Value

        /// An empty bucket, holding `value` (never given out).
        static func empty(_ value: Value) -> Bucket {
            Bucket(first: 1, firstMask: 0, second: 0, secondMask: 0, length: 0, restStart: 0, value: value)
        }
    }

    /// A table's shape, and the mask of the bytes of an entry's first word that are hashed: those that every
    /// entry of the table has (its shortest entry's, up to eight).
    private struct Table {
        var shape: HashedTableShape
        var hashMask: UInt64
    }

    /// The longest entry kept, with its ending.
    static var maximumLength: Int { 64 }

    private let buckets: UnsafeMutablePointer<Bucket>
    private let bucketCount: Int
    /// The words of entries longer than sixteen bytes past their sixteenth byte: at offsets 16, 24, … before
    /// the last eight bytes, then the last eight bytes (which may overlap the words before them).
    private let rest: UnsafeMutablePointer<UInt64>
    /// Each table's look-up, made once here rather than from its shape at each look-up (for every
    /// enumeration value read).
    private let lookups: UnsafeMutablePointer<Lookup>
    private let tableCount: Int

    /// One table per table of `keys`, holding its entries that are plain ASCII, each written with `ending`
    /// after it (entries longer than `maximumLength` with it are left out), with the value `value` gives for
    /// the entry's value in `keys` (and for -1, in empty buckets).
    init(_ keys: ByteKeyTables, tableCount: Int, ending: [UInt8], value: (Int32) -> Value) {
        let emptyBucket = Bucket.empty(value(-1))
        var laidOut: [Bucket] = []
        var restWords: [UInt64] = []
        var tableInfo: [Table] = []
        // the words of `rest` the entries kept so far take, which `restStart` can reach (a longer entry past them,
        // in a vocabulary far larger than any written, is left to `ByteKeyTables`)
        var restCount = 0
        // the table with no entry (as every leaf of a key tree has): one, shared by all
        var emptyTable: Table?
        for table in 0..<tableCount {
            let entries = keys.entries(of: table)
            if entries.isEmpty, let emptyTable {
                tableInfo.append(emptyTable)
                continue
            }
            let written = entries.compactMap { entry -> (bytes: [UInt8], value: Value)? in
                guard entry.key.allSatisfy(Self.isPlain) else { return nil }
                let bytes = entry.key + ending
                guard bytes.count <= Self.maximumLength else { return nil }
                if bytes.count > 16 {
                    guard restCount + Self.restWords(bytes).count <= Int(UInt16.max) else { return nil }
                    restCount += Self.restWords(bytes).count
                }
                return (bytes, value(entry.value))
            }
            // the bytes every entry has: its shortest entry's, up to a word
            let hashed = min(8, written.map { $0.bytes.count }.min() ?? 8)
            let hashMask = Self.mask(bytes: hashed)
            let hashedWords = written.map { Self.word($0.bytes, at: 0) & hashMask }
            let shape = HashedTableShape(start: laidOut.count, words: hashedWords)
            tableInfo.append(Table(shape: shape, hashMask: hashMask))
            if entries.isEmpty { emptyTable = tableInfo[tableInfo.count - 1] }
            laidOut += repeatElement(emptyBucket, count: shape.size)
            for (index, bucket) in shape.places(of: hashedWords).enumerated() {
                let bytes = written[index].bytes
                let length = bytes.count
                laidOut[shape.start + bucket] = Bucket(first: Self.word(bytes, at: 0), firstMask: Self.mask(bytes: length),
                                                       second: Self.word(bytes, at: 8), secondMask: Self.mask(bytes: length - 8),
                                                       length: UInt16(length), restStart: UInt16(restWords.count), value: written[index].value)
                if length > 16 { restWords += Self.restWords(bytes) }
            }
        }
        bucketCount = laidOut.count
        buckets = .allocate(capacity: max(1, laidOut.count))
        buckets.initialize(from: laidOut, count: laidOut.count)
        rest = .allocate(capacity: max(1, restWords.count))
        rest.initialize(from: restWords, count: restWords.count)
        self.tableCount = tableInfo.count
        lookups = .allocate(capacity: max(1, tableInfo.count))
        for (index, table) in tableInfo.enumerated() {
            (lookups + index).initialize(to: Lookup(table: HashedTableLookup(buckets, table.shape), hashMask: table.hashMask))
        }
    }

    deinit {
        // the buckets hold values of any type: destroyed before their room is freed
        buckets.deinitialize(count: bucketCount)
        buckets.deallocate()
        rest.deallocate()
        lookups.deallocate()
    }

    /// Whether a byte may be one of a kept entry's: ASCII, not a control character, a quote or a backslash
    /// (the bytes that end a plain run of a string, see `ByteScan.isStringStop`).
    private static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x80 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
    }

    /// The words of an entry of more than sixteen bytes past its sixteenth byte, as `rest` keeps them.
    private static func restWords(_ bytes: [UInt8]) -> [UInt64] {
        stride(from: 16, to: bytes.count - 8, by: 8).map { word(bytes, at: $0) } + [word(bytes, at: bytes.count - 8)]
    }

    /// The mask of the first `bytes` bytes of a little-endian word (none for 0 or less, all for 8 or more).
    private static func mask(bytes: Int) -> UInt64 {
        bytes <= 0 ? 0 : bytes >= 8 ? .max : (1 << UInt64(8 * bytes)) - 1
    }

    /// The little-endian word of `bytes[offset..<offset + 8]`, zero past their end.
    private static func word(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        var word: UInt64 = 0
        for index in 0..<8 where offset + index < bytes.count { word |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        return word
    }

    /// What a look-up in one table reads before its buckets (see `HashedTableLookup`), with the mask of the bytes hashed.
    struct Lookup {
        let table: HashedTableLookup<Bucket>
        let hashMask: UInt64
    }

    /// The look-up of table `table`, or nil when there is no such table.
    @inline(__always)
    func lookup(_ table: Int) -> Lookup? {
        // one unsigned comparison for 0 <= table < tableCount
        guard UInt(bitPattern: table) < UInt(bitPattern: tableCount) else { return nil }
        return lookups[table]
    }

    /// The value of the entry written at `start` in `base`, and its length with its ending, if one is; the
    /// caller has checked that the sixteen bytes from `start` lie within the line (an entry longer than that
    /// is checked here against `end`, the line's end).
    @inline(__always)
    func match(in lookup: Lookup, _ base: UnsafeRawPointer, at start: Int, end: Int) -> (value: Value, length: Int)? {
        #if _endian(little)
        let first = base.loadUnaligned(fromByteOffset: start, as: UInt64.self)
        let second = base.loadUnaligned(fromByteOffset: start &+ 8, as: UInt64.self)
        let bucket = lookup.table.home(of: first & lookup.hashMask)
        // most strings are found in their home bucket: the probes past it are made out of line
        let entry = lookup.table.buckets + bucket
        if first & entry.pointee.firstMask == entry.pointee.first, second & entry.pointee.secondMask == entry.pointee.second,
           entry.pointee.length <= 16 {
            return (entry.pointee.value, Int(truncatingIfNeeded: entry.pointee.length))
        }
        if entry.pointee.length == 0 { return nil }
        return match(in: lookup.table, first, second, base, at: start, end: end, from: bucket)
        #else
        return nil
        #endif
    }

    /// `match(in:_:at:end:)` from bucket `home`, whose entry is not empty: a string longer than sixteen bytes, or one
    /// that is not in its home bucket, or none.
    @inline(never)
    private func match(in lookup: HashedTableLookup<Bucket>, _ first: UInt64, _ second: UInt64, _ base: UnsafeRawPointer,
                       at start: Int, end: Int, from home: Int) -> (value: Value, length: Int)? {
        var bucket = home
        while true {
            let entry = lookup.buckets + bucket
            if first & entry.pointee.firstMask == entry.pointee.first, second & entry.pointee.secondMask == entry.pointee.second {
                let length = Int(truncatingIfNeeded: entry.pointee.length)
                if length <= 16 || sameRest(base, at: start, length: length, end: end, Int(truncatingIfNeeded: entry.pointee.restStart)) {
                    return (entry.pointee.value, length)
                }
            } else if entry.pointee.length == 0 {
                return nil
            }
            bucket = lookup.next(after: bucket)
        }
    }

    /// Whether the bytes of an entry of `length` bytes (more than sixteen) written at `start` past its sixteenth
    /// lie within the line and are those stored in `rest` from `restStart`.
    private func sameRest(_ base: UnsafeRawPointer, at start: Int, length: Int, end: Int, _ restStart: Int) -> Bool {
        guard start + length <= end else { return false }
        var offset = 16
        var index = restStart
        while offset < length - 8 {
            if base.loadUnaligned(fromByteOffset: start + offset, as: UInt64.self) != rest[index] { return false }
            offset += 8
            index += 1
        }
        return base.loadUnaligned(fromByteOffset: start + length - 8, as: UInt64.self) == rest[index]
    }
}
