/// Texts quoted for JSON lately, found again by the identity of the string, for `JSONReporter`: the texts a
/// worker makes once and shows again and again as evidence (element paths such as `sections[2].draftedBy`,
/// kept spelled from one description to the next; lists of cases joined, found again by the evaluator in
/// a table of those shown lately; short matched words) were quoted afresh, with a scan for escapes, each
/// time (some 140 instructions for a path of 21 bytes, 185 for a list of 33, which the scan takes byte by
/// byte past 32; together about 90 a record of the generated batch).
///
/// A string's two words are its identity: a short string's hold its text, and a longer one's point to a
/// storage whose text does not change while a reference to it is held, which the table keeps for each text
/// it holds the rendering of (so that the storage cannot be freed and its address taken by another text).
/// The texts come from the worker's evaluator workspace, which a worker keeps from one unit of work to the
/// next, as it keeps its renderer and this table (see `BatchEvaluator.KitRoom`). A table is written by one
/// reporter only: `JSONReporter` makes its own whenever another copy of it holds the one it has.
final class QuotedTexts: @unchecked Sendable {
    /// Slots, each the rendering of one text, found by a hash of the string's words.
    private static let slotCount = 256
    /// The most bytes of a quoted text kept in a slot.
    private static let room = 64

    /// The two words of each slot's string (zero for none: no string has both words zero).
    private let keys: UnsafeMutablePointer<(UInt64, UInt64)>
    /// The length of each slot's rendering.
    private let lengths: UnsafeMutablePointer<Int>
    /// The renderings, `room` bytes for each slot.
    private let bytes: UnsafeMutablePointer<UInt8>
    /// The string of each slot, held so that its words stay its own.
    private var held: [String]
    /// For each slot, the words of the last text not kept that fell on it: a text is kept when it comes
    /// again, so that texts seen once (lists of hashtags, most of them met once in a batch) are not kept,
    /// to be let go of later. (The words are only a hint: a text freed and another made at its address
    /// with its length is kept at once, rendered from itself.)
    private let seen: UnsafeMutablePointer<(UInt64, UInt64)>

    init() {
        keys = .allocate(capacity: Self.slotCount)
        keys.initialize(repeating: (0, 0), count: Self.slotCount)
        lengths = .allocate(capacity: Self.slotCount)
        lengths.initialize(repeating: 0, count: Self.slotCount)
        bytes = .allocate(capacity: Self.slotCount * Self.room)
        held = Array(repeating: "", count: Self.slotCount)
        seen = .allocate(capacity: Self.slotCount)
        seen.initialize(repeating: (0, 0), count: Self.slotCount)
    }

    deinit {
        keys.deallocate()
        lengths.deallocate()
        bytes.deallocate()
        seen.deallocate()
    }

    /// The two words of `text`, by which the table knows it.
    @inline(__always)
    static func words(_ text: String) -> (UInt64, UInt64) {
        unsafeBitCast(text, to: (UInt64, UInt64).self)
    }

    /// The slot of a string's words.
    @inline(__always)
    private static func slot(_ words: (UInt64, UInt64)) -> Int {
        Int(truncatingIfNeeded: ((words.0 ^ words.1 ^ words.1 >> 29) &* 0x9E37_79B9_7F4A_7C15) >> 56)
    }

    /// Appends the rendering of the text of `words` (see `words(_:)`) to `json` when this table holds it;
    /// false when it does not.
    @inline(__always)
    func append(_ words: (UInt64, UInt64), into json: inout JSONBytes) -> Bool {
        let slot = Self.slot(words)
        guard keys[slot] == words else { return false }
        json.raw(UnsafeBufferPointer(start: bytes + slot &* Self.room, count: lengths[slot]))
        return true
    }

    /// Appends `text` quoted to `json`, and keeps its rendering (see `keep`).
    @inline(never)
    func quoteAndKeep(_ text: String, into json: inout JSONBytes) {
        let start = json.written
        json.quoted(text)
        json.withBytes(from: start) { keep(text, $0) }
    }

    /// Keeps `rendered`, the quoted text of `text`, in place of what its slot held, when the text was seen
    /// before and its rendering fits; else notes that it was seen.
    private func keep(_ text: String, _ rendered: UnsafeBufferPointer<UInt8>) {
        let words = Self.words(text)
        let slot = Self.slot(words)
        guard seen[slot] == words else {
            seen[slot] = words
            return
        }
        guard rendered.count <= Self.room, let source = rendered.baseAddress else { return }
        held[slot] = text
        keys[slot] = words
        lengths[slot] = rendered.count
        (bytes + slot * Self.room).update(from: source, count: rendered.count)
    }
}
