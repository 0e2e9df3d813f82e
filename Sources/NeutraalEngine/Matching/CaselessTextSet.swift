/// A set of texts, each lower-cased once, that an ASCII text is looked up in without being lower-cased
/// itself: its bytes are hashed lower-cased on the fly and compared with the entry's, so a look-up makes no
/// string and hashes no `String` (`includes any of` on a list of hashtags does this for every hashtag of
/// every description). A text outside ASCII is lower-cased and looked up in the set of entries as Swift
/// lower-cases them, so the answer is always `entries.contains(text.lowercased())`.
struct CaselessTextSet: Sendable {
    /// The entries, lower-cased.
    let entries: Set<String>
    /// The ASCII entries' bytes one after another, with where each starts (and one more start at the end).
    private let bytes: [UInt8]
    private let starts: [Int]
    /// Open addressing by hash: an index into `starts`, or -1 for an empty place; a power of two long.
    private let table: [Int32]

    /// `entries` must be lower-cased already (as `String.lowercased()` makes them).
    init(lowercased entries: Set<String>) {
        self.entries = entries
        var bytes: [UInt8] = []
        var starts: [Int] = []
        // in sorted order, so that the table is the same from one run to the next
        let ascii = entries.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.sorted()
        var size = 8
        while size < ascii.count * 2 { size *= 2 }
        var table = [Int32](repeating: -1, count: size)
        for entry in ascii {
            starts.append(bytes.count)
            let hash = entry.utf8.withContiguousStorageIfAvailable { Self.hash($0) } ?? Self.hash(Array(entry.utf8))
            bytes += entry.utf8
            var place = Int(hash & UInt64(size - 1))
            while table[place] >= 0 { place = (place + 1) & (size - 1) }
            table[place] = Int32(starts.count - 1)
        }
        starts.append(bytes.count)
        self.bytes = bytes
        self.starts = starts
        self.table = table
    }

    /// Whether `text.lowercased()` is one of the entries.
    func contains(_ text: String) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ containsASCII($0) }), let found { return found }
        return entries.contains(text.lowercased())
    }

    /// Whether the ASCII text `text` is an entry up to ASCII case (nil when the text is not ASCII).
    private func containsASCII(_ text: UnsafeBufferPointer<UInt8>) -> Bool? {
        var hash: UInt64 = Self.offsetBasis
        for byte in text {
            guard byte < 0x80 else { return nil }
            hash = (hash ^ UInt64(Self.lower(byte))) &* Self.prime
        }
        return bytes.withUnsafeBufferPointer { bytes in
            starts.withUnsafeBufferPointer { starts in
                table.withUnsafeBufferPointer { table in
                    var place = Int(hash & UInt64(table.count - 1))
                    while table[place] >= 0 {
                        let entry = Int(table[place])
                        let start = starts[entry]
                        if starts[entry + 1] - start == text.count,
                           text.indices.allSatisfy({ Self.lower(text[$0]) == bytes[start + $0] }) {
                            return true
                        }
                        place = (place + 1) & (table.count - 1)
                    }
                    return false
                }
            }
        }
    }

    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// FNV-1a over bytes that are lower-case already.
    private static func hash<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash = offsetBasis
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }
}
