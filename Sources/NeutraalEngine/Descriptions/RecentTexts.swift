/// The short texts of lists read lately, by their bytes: a list of texts (`hashtags`) mostly repeats the
/// tags of the records before it, and a text found here is copied rather than made again. Making a `String`
/// of even a few bytes checks them as UTF-8 and builds the string in a general path (a hundred and more
/// instructions); a text of up to fifteen ASCII bytes is a small string, held in the value itself, so a copy
/// of one costs no allocation and no reference count.
///
/// One entry per hash of a text's two words and length (a direct-mapped table: a text read takes the place
/// of the one there before). Only for the probes `DirectRecordReader.Cursor.shortString()` gives, whose bytes
/// are plain ASCII. Kept in `SpareLists`, behind the pointer the reader's cursor has, and used by one worker
/// at a time; the one that holds it frees it with `free()`.
struct RecentTexts {
    /// The number of entries (a power of two: `index(of:)` takes the top bits of a hash).
    static let size = 64

    /// A text and the probe it was read as (a length of -1 for no text).
    private struct Entry {
        var first: UInt64
        var last: UInt64
        var length: Int
        var text: String
    }

    private let entries: UnsafeMutablePointer<Entry>

    init() {
        entries = .allocate(capacity: Self.size)
        entries.initialize(repeating: Entry(first: 0, last: 0, length: -1, text: ""), count: Self.size)
    }

    /// Lets go of the texts and of their room; nothing may be looked up after it.
    func free() {
        entries.deinitialize(count: Self.size)
        entries.deallocate()
    }

    /// The text of `probe`, a short plain string of `buffer` (see `DirectRecordReader.Cursor.shortString()`): the
    /// one kept when it was read lately, else made (as `DirectRecordReader.Cursor.string(_:)` makes it) and kept.
    /// A probe's two words and length are its bytes (those of a string under eight bytes in both words, the
    /// bytes after it zero), so equal probes are equal texts.
    @inline(__always)
    func text(_ probe: ByteKeyTables.Probe, in buffer: UnsafeBufferPointer<UInt8>) -> String {
        let entry = entries + Self.index(of: probe)
        if entry.pointee.length == probe.length, entry.pointee.first == probe.first, entry.pointee.last == probe.last {
            return entry.pointee.text
        }
        let text = DirectRecordReader.Cursor.string(UnsafeBufferPointer(rebasing: buffer[probe.start..<probe.start + probe.length]))
        entry.pointee = Entry(first: probe.first, last: probe.last, length: probe.length, text: text)
        return text
    }

    /// The entry of a probe: the top bits of a multiplicative hash of its words and length.
    @inline(__always)
    private static func index(of probe: ByteKeyTables.Probe) -> Int {
        let mixed = (probe.first ^ (probe.last >> 7 | probe.last << 57) ^ UInt64(truncatingIfNeeded: probe.length)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 58)
    }
}
