/// A finding's evidence as the evaluator keeps it: a few numbers per piece (the keys of its fact path and
/// value among the rule set's names, where its other texts are among its store's texts, the match's place, the line and
/// column), and only the texts that have no key: the paths of elements (`sections[2].draftedBy`), values
/// that are not case names, the words that matched. `Finding.evidence` spells it out as `Evidence` when it
/// is read; the JSON reporter writes it straight from the numbers.
///
/// Kept like this, copying, keeping and freeing a finding counts no string per piece of evidence, which
/// was most of what evidence cost (see docs/performance-history.md, seventh session). The entries and
/// texts are in a store the findings of one description share (see `EvidenceStore`): a finding holds one
/// reference for all of its evidence.
struct EvidenceList: Sendable {
    /// One piece of evidence. A text number is an index among the store's texts (-1: none).
    struct Entry: Sendable, Equatable {
        /// The fact path's key (see `EvidenceKeys`), or -1 when it is the text `factText`.
        var fact: Int32
        var factText: Int32
        /// The value's key (see `EvidenceKeys`), or -1 when it is the text `valueText` or there is none.
        var value: Int32
        var valueText: Int32
        var match: Int32
        /// Where the file of the location is when it is not the list's `file`.
        var fileText: Int32
        /// Start and end (exclusive) of the match in Unicode scalars; -1 when there is no match.
        var start: Int
        var end: Int
        /// Line and column of the fact in the input; line 0 when it has no place there.
        var line: Int
        var column: Int

        var keys: EvidenceKeys { EvidenceKeys(fact: factText < 0 ? fact : -1, value: valueText < 0 ? value : -1) }
    }

    /// The store the entries and texts are in (nil for a list without evidence), the entries being
    /// `length` of its entries from `first`; text numbers are numbers among the store's texts.
    private let store: EvidenceStore?
    private let first: Int32
    private let length: Int32
    /// Whether a piece is located in the store's file.
    private let located: Bool

    static let empty = EvidenceList(store: nil, first: 0, count: 0, located: false)

    init(store: EvidenceStore?, first: Int, count: Int, located: Bool) {
        self.store = store
        self.first = Int32(first)
        self.length = Int32(count)
        self.located = located
    }

    /// The list of evidence written out as values (by a test or a reporter): every text kept as it is, in a
    /// store of its own.
    init(_ evidence: [Evidence]) {
        let store = EvidenceStore(entryCapacity: evidence.count, textCapacity: 3 * evidence.count)
        func keep(_ text: String?) -> Int32 {
            guard let text else { return -1 }
            return store.keep(text)
        }
        let file = evidence.lazy.compactMap(\.location?.file).first
        if let file { store.note(file: file) }
        for item in evidence {
            store.append(Entry(fact: -1, factText: keep(item.fact), value: -1, valueText: keep(item.value), match: keep(item.match),
                               fileText: item.location.map { $0.file == file ? -1 : keep($0.file) } ?? -1,
                               start: item.start ?? -1, end: item.end ?? -1, line: item.location?.line ?? 0, column: item.location?.column ?? 0))
        }
        self.init(store: store, first: 0, count: evidence.count, located: file != nil)
    }

    /// The file the located pieces are in (unless a piece names its own in `fileText`).
    var file: String? { located ? store?.file : nil }

    /// A list's entries and the texts they number, where its store keeps them.
    struct Rooms {
        let entries: UnsafeBufferPointer<Entry>
        let texts: UnsafeBufferPointer<String>
    }

    /// The entries and texts where the store keeps them, to be read in place while the list is held (the
    /// store is lent, not counted: the list holds it).
    @inline(__always)
    var rooms: Rooms {
        guard let store else { return Rooms(entries: UnsafeBufferPointer(start: nil, count: 0), texts: UnsafeBufferPointer(start: nil, count: 0)) }
        return Unmanaged.passUnretained(store)._withUnsafeGuaranteedRef { $0.rooms(from: Int(first), count: Int(length)) }
    }

    /// The entries, read in place (the list, and with it its store, is held for the call).
    @inline(__always)
    func withEntries<Result>(_ body: (UnsafeBufferPointer<Entry>) throws -> Result) rethrows -> Result {
        try body(rooms.entries)
    }

    var isEmpty: Bool { length == 0 }
    var count: Int { Int(length) }

    /// Text number `index` (nil for -1).
    @inline(__always)
    func text(_ index: Int32) -> String? {
        guard index >= 0, let store, Int(index) < store.textCount else { return nil }
        return store.text(Int(index))
    }


    /// Text number `index`, which an entry of the list names (bounds checked).
    @inline(__always)
    func keptText(_ index: Int32) -> String {
        let texts = rooms.texts
        precondition(index >= 0 && Int(index) < texts.count, "evidence text out of range")
        return texts[Int(index)]
    }

    /// The words of the first piece that holds a match, as a message quotes them: a run of white space
    /// (a line break inside a phrase) written as one space.
    var firstMatch: String? {
        guard let match = withEntries({ $0.first(where: { $0.match >= 0 })?.match }), let words = text(match) else { return nil }
        guard Self.holdsRun(words) else { return words }
        return words.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .joined(separator: " ")
    }

    /// Whether `words` hold a tab, a line break or two spaces in a row (one pass over the bytes: a search
    /// for a string would go through Foundation, several hundred instructions for each message).
    private static func holdsRun(_ words: String) -> Bool {
        var previousSpace = false
        for byte in words.utf8 {
            let space = byte == 32
            if byte == 9 || byte == 10 || byte == 13 || (space && previousSpace) { return true }
            previousSpace = space
        }
        return false
    }

    /// The pieces spelled out, their keys read in `names`.
    func evidence(names: EvidenceNames) -> [Evidence] {
        withEntries { $0.map { entry in
            let fact = text(entry.factText) ?? names.fact(entry.fact) ?? "?"
            let value = text(entry.valueText) ?? names.value(entry.value)
            let location = entry.line > 0 ? (text(entry.fileText) ?? file).map { SourceLocation(file: $0, line: entry.line, column: entry.column) } : nil
            return Evidence(fact: fact, value: value, match: text(entry.match), start: entry.start >= 0 ? entry.start : nil,
                            end: entry.end >= 0 ? entry.end : nil, location: location, keys: entry.keys)
        } }
    }
}
