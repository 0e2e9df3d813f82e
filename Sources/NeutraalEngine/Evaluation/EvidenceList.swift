/// A finding's evidence as the evaluator keeps it: a few numbers per piece (the keys of its fact path and
/// value among the rule set's names, where its other texts are in `texts`, the match's place, the line and
/// column), and only the texts that have no key: the paths of elements (`sections[2].draftedBy`), values
/// that are not case names, the words that matched. `Finding.evidence` spells it out as `Evidence` when it
/// is read; the JSON reporter writes it straight from the numbers.
///
/// Kept like this, copying, keeping and freeing a finding counts no string per piece of evidence, which
/// was most of what evidence cost (see docs/performance-history.md, seventh session).
struct EvidenceList: Sendable {
    /// One piece of evidence. A text number is an index in `texts` (-1: none).
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

    private(set) var entries: [Entry]
    private(set) var texts: [String]
    /// The file the located pieces are in (unless a piece names its own in `fileText`).
    let file: String?

    static let empty = EvidenceList(entries: [], texts: [], file: nil)

    init(entries: [Entry], texts: [String], file: String?) {
        self.entries = entries
        self.texts = texts
        self.file = file
    }

    /// The list of evidence written out as values (by a test or a reporter): every text kept as it is.
    init(_ evidence: [Evidence]) {
        var texts: [String] = []
        func keep(_ text: String?) -> Int32 {
            guard let text else { return -1 }
            texts.append(text)
            return Int32(texts.count - 1)
        }
        let file = evidence.lazy.compactMap(\.location?.file).first
        let entries = evidence.map { item in
            Entry(fact: -1, factText: keep(item.fact), value: -1, valueText: keep(item.value), match: keep(item.match),
                  fileText: item.location.map { $0.file == file ? -1 : keep($0.file) } ?? -1,
                  start: item.start ?? -1, end: item.end ?? -1, line: item.location?.line ?? 0, column: item.location?.column ?? 0)
        }
        self.init(entries: entries, texts: texts, file: file)
    }

    /// Gives the rooms of the list's entries and texts to `spares` (the list is left empty), for the next
    /// findings' evidence.
    mutating func giveRooms(to spares: inout SpareEvidence) {
        spares.keep(entries: &entries)
        spares.keep(texts: &texts)
    }

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }

    /// Text number `index` (nil for -1).
    @inline(__always)
    func text(_ index: Int32) -> String? {
        index >= 0 && Int(index) < texts.count ? texts[Int(index)] : nil
    }

    /// The words of the first piece that holds a match, as a message quotes them: a run of white space
    /// (a line break inside a phrase) written as one space.
    var firstMatch: String? {
        for index in entries.indices where entries[index].match >= 0 {
            guard let words = text(entries[index].match) else { return nil }
            guard Self.holdsRun(words) else { return words }
            return words.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
                .joined(separator: " ")
        }
        return nil
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
        entries.map { entry in
            let fact = text(entry.factText) ?? names.fact(entry.fact) ?? "?"
            let value = text(entry.valueText) ?? names.value(entry.value)
            let location = entry.line > 0 ? (text(entry.fileText) ?? file).map { SourceLocation(file: $0, line: entry.line, column: entry.column) } : nil
            return Evidence(fact: fact, value: value, match: text(entry.match), start: entry.start >= 0 ? entry.start : nil,
                            end: entry.end >= 0 ? entry.end : nil, location: location, keys: entry.keys)
        }
    }
}
