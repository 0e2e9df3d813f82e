import Testing
@testable import NeutraalEngine

/// The lexicon automaton against a plain reference (every entry tried at every offset) on many
/// generated lexicons and texts, and folding's trimmed arrays.
@Suite("Lexicon scanner")
struct LexiconScannerTests {
    static let here = SourceLocation(file: "test.rules", line: 1, column: 1)

    /// A small deterministic generator (SplitMix64).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((value ^ (value >> 31)) % UInt64(bound))
        }
        mutating func text(_ pieces: [String], length: Int) -> String {
            (0..<length).map { _ in pieces[next(pieces.count)] }.joined()
        }
    }

    /// Where `entry` (white space collapsed) matches `text` from `start` on, a space of the entry standing
    /// for a run of white space: a leading space is the run's last byte, a trailing one its first.
    static func end(of entry: [UInt8], in text: [UInt8], from start: Int) -> Int? {
        var position = start
        for (place, byte) in entry.enumerated() {
            guard position < text.count else { return nil }
            if byte == 32 {
                guard SpaceRuns.isSpace(text[position]) else { return nil }
                if place == entry.count - 1, position > 0, SpaceRuns.isSpace(text[position - 1]) { return nil }
                position += 1
                if place > 0, place < entry.count - 1 {
                    while position < text.count, SpaceRuns.isSpace(text[position]) { position += 1 }
                }
            } else {
                guard text[position] == byte else { return nil }
                position += 1
            }
        }
        return position
    }

    /// Every entry at every end offset, with the scanner's tests (whole words, case), in the scanner's
    /// order: by end, then longer entries first, then in entry order. A space of an entry matches a run
    /// of white space.
    static func reference(_ lexicons: [Lexicon], _ text: FoldedText) -> [String] {
        var found: [(end: Int, length: Int, order: Int, match: String)] = []
        var order = 0
        for (lexiconIndex, lexicon) in lexicons.enumerated() {
            for (entryIndex, entry) in lexicon.entries.enumerated() {
                let folded = FoldedText.fold(entry: entry.text)
                let (lower, cased) = (SpaceRuns.collapsed(folded.lower), SpaceRuns.collapsed(folded.cased))
                order += 1
                let length = lower.count
                guard length > 0, length <= text.lower.count else { continue }
                for start in 0...(text.lower.count - 1) {
                    guard let end = end(of: lower, in: text.lower, from: start) else { continue }
                    if lexicon.wholeWords {
                        if start > 0, FoldedText.isWordByte(text.lower[start - 1]), FoldedText.isWordByte(lower[0]) { continue }
                        if end < text.lower.count, FoldedText.isWordByte(text.lower[end]),
                           let last = lower.last, FoldedText.isWordByte(last) { continue }
                    }
                    if entry.caseSensitive, SpaceRuns.collapsed(Array(text.cased[start..<end])) != cased { continue }
                    found.append((end, length, order, "\(lexiconIndex)/\(entryIndex)@\(start)..<\(end)"))
                }
            }
        }
        return found.sorted { ($0.end, -$0.length, $0.order) < ($1.end, -$1.length, $1.order) }.map(\.match)
    }

    static func scanned(_ lexicons: [Lexicon], _ text: FoldedText) -> [String] {
        LexiconScanner(lexicons: lexicons).scan(text).map { "\($0.lexicon)/\($0.entry)@\($0.range.lowerBound)..<\($0.range.upperBound)" }
    }

    @Test("the automaton finds what trying every entry everywhere finds, in the same order, on generated lexicons and texts")
    func matchesReference() {
        var generator = Generator(state: 42)
        let letters = ["a", "b", "A", "é", "ĳ", "IJ", " ", "-", "1", "ab", "ba", "aa", "\u{301}", "ß", "“", "\n", "\r\n", "\u{A0}", "\u{AD}"]
        var compared = 0
        for _ in 0..<150 {
            let lexicons = (0..<(1 + generator.next(3))).map { index in
                let entries = (0..<(1 + generator.next(6))).map { _ in
                    Lexicon.Entry(text: generator.text(letters, length: generator.next(5)), caseSensitive: generator.next(3) == 0,
                                  location: Self.here)
                }
                return Lexicon(name: "l\(index)", title: "l", wholeWords: generator.next(3) != 0, entries: entries, location: Self.here)
            }
            for _ in 0..<8 {
                let text = FoldedText(generator.text(letters, length: generator.next(40)))
                let expected = Self.reference(lexicons, text)
                #expect(Self.scanned(lexicons, text) == expected)
                compared += expected.count
            }
        }
        #expect(compared > 1_000)
    }

    @Test("no entries, or only empty ones, find nothing")
    func emptyLexicons() {
        let empty = Lexicon(name: "e", title: "e", wholeWords: true,
                            entries: [Lexicon.Entry(text: "", caseSensitive: false, location: Self.here)], location: Self.here)
        #expect(LexiconScanner(lexicons: []).scan(FoldedText("stem op ons")).isEmpty)
        #expect(LexiconScanner(lexicons: [empty]).scan(FoldedText("stem op ons")).isEmpty)
    }

    @Test("a text that folding shortens keeps its three arrays the same length, each byte mapped to its origin")
    func shortenedFolding() {
        let text = "Cafe\u{301} ge\u{301}e\u{301}n du\u{308}s, over de scho\u{308}ne 12345678 ABCDEFGHij"
        let folded = FoldedText(text)
        #expect(folded.lower.count == folded.cased.count && folded.cased.count == folded.origin.count)
        #expect(String(decoding: folded.cased, as: UTF8.self) == "Cafe geen dus, over de schone 12345678 ABCDEFGHij")
        #expect(String(decoding: folded.lower, as: UTF8.self) == "cafe geen dus, over de schone 12345678 abcdefghij")
        for (index, byte) in folded.cased.enumerated() { #expect(folded.original[Int(folded.origin[index])] == byte) }
    }
}

extension LexiconScannerTests {
    @Test("scalar ranges counted eight bytes at a time (or not at all in ASCII) are those counted one byte at a time")
    func scalarRanges() {
        var generator = Generator(state: 7)
        let pieces = ["a", "Z", " ", "é", "ĳ", "“", "€", "😀", "\u{301}", "1"]
        // texts folded afresh and into the room of the text before, ASCII ones among them
        var refilled = FoldedText("")
        for round in 0..<400 {
            let text = generator.text(round % 4 == 0 ? ["a", "Z", " ", "1"] : pieces, length: generator.next(30))
            refilled.refill(with: text)
            let folded = round % 2 == 0 ? FoldedText(text) : refilled
            let bytes = folded.original
            for _ in 0..<10 {
                let lower = generator.next(bytes.count + 3)
                let upper = lower + generator.next(bytes.count + 3)
                // the reference: one byte at a time, never past the end
                var start = 0
                var index = 0
                while index < lower, index < bytes.count { if bytes[index] & 0xC0 != 0x80 { start += 1 }; index += 1 }
                var end = start
                while index < upper, index < bytes.count { if bytes[index] & 0xC0 != 0x80 { end += 1 }; index += 1 }
                #expect(folded.scalarRange(lower..<upper) == start..<end)
            }
        }
    }
}

extension LexiconScannerTests {
    @Test("texts all ASCII fold as they would through the general path (the same text with a letter é after)")
    func asciiShortcut() {
        var generator = Generator(state: 3)
        let pieces = ["a", "Z", "M", " ", "-", "@", "[", "`", "{", "1", "Stem", "\n", "\u{7F}", "\u{0}"]
        for _ in 0..<300 {
            let text = generator.text(pieces, length: generator.next(40))
            let shortcut = FoldedText(text)
            let general = FoldedText(text + "é")
            let count = text.utf8.count
            #expect(shortcut.cased == Array(general.cased.prefix(count)))
            #expect(shortcut.lower == Array(general.lower.prefix(count)))
            #expect(shortcut.origin == Array(general.origin.prefix(count)))
            #expect(general.lower.count == count + 1)
            for _ in 0..<5 where count > 0 {
                let start = generator.next(count)
                let range = start..<start + 1 + generator.next(count - start)
                #expect(shortcut.originalRange(range) == general.originalRange(range))
            }
        }
    }
}

extension LexiconScannerTests {
    @Test("long texts, read in two or four lanes, give what trying every entry everywhere gives: matches at, before and after where lanes meet")
    func lanes() {
        var generator = Generator(state: 99)
        let letters = ["a", "b", "A", "é", " ", "-", "ab", "ba", "aa", "ß", "stem op", "ons", "\n", "  "]
        var compared = 0
        var atBoundaries = 0
        var textsByLanes: [Int: Int] = [:]
        for _ in 0..<120 {
            let lexicons = (0..<(1 + generator.next(3))).map { index in
                let entries = (0..<(1 + generator.next(8))).map { _ in
                    Lexicon.Entry(text: generator.text(letters, length: 1 + generator.next(4)), caseSensitive: generator.next(4) == 0,
                                  location: Self.here)
                }
                return Lexicon(name: "l\(index)", title: "l", wholeWords: generator.next(3) != 0, entries: entries, location: Self.here)
            }
            let longest = lexicons.flatMap(\.entries).map { FoldedText.fold(entry: $0.text).lower.count }.max() ?? 0
            let scanner = LexiconScanner(lexicons: lexicons)
            for _ in 0..<8 {
                let text = FoldedText(generator.text(letters, length: 40 + generator.next(200)))
                let parts = LexiconScanner.laneParts(text.lower)
                textsByLanes[parts.count, default: 0] += 1
                let expected = Self.reference(lexicons, text)
                let found = scanner.scan(text)
                #expect(found.map { "\($0.lexicon)/\($0.entry)@\($0.range.lowerBound)..<\($0.range.upperBound)" } == expected)
                compared += expected.count
                // matches that end within an entry's length of where a lane's part starts
                atBoundaries += found.filter { match in
                    parts.dropFirst().contains { abs(match.range.upperBound - $0) <= longest }
                }.count
            }
        }
        #expect(compared > 5_000)
        #expect(atBoundaries > 300)
        #expect(textsByLanes[2, default: 0] > 100 && textsByLanes[4, default: 0] > 100)
    }
}

extension LexiconScannerTests {
    @Test("the literals of patterns are reported as bits, anywhere in a text, short or read in two lanes, beside the entries")
    func literalBits() {
        var generator = Generator(state: 5)
        let letters = ["a", "b", "c", " ", "ab", "ba", "stem", "op", "é", "\t", "\n "]
        var set = 0
        for _ in 0..<150 {
            let lexicon = Lexicon(name: "l", title: "l", wholeWords: true,
                                  entries: [Lexicon.Entry(text: generator.text(letters, length: 1 + generator.next(3)), caseSensitive: false,
                                                          location: Self.here)], location: Self.here)
            let literals: [[[UInt8]]] = (0..<(1 + generator.next(5))).map { _ in
                (0..<(1 + generator.next(3))).map { _ in Array(FoldedText(generator.text(letters, length: 1 + generator.next(3))).lower) }
            }
            let plain = LexiconScanner(lexicons: [lexicon])
            let scanner = LexiconScanner(lexicons: [lexicon], literals: literals)
            for _ in 0..<8 {
                let text = FoldedText(generator.text(letters, length: generator.next(120)))
                var found: UInt64 = 0
                let matches = scanner.scan(text, literals: &found)
                var expected: UInt64 = 0
                for (bit, strings) in literals.enumerated()
                where strings.contains(where: { PatternLiterals.contains(SpaceRuns.collapsed(text.lower), SpaceRuns.collapsed($0)) }) {
                    expected |= UInt64(1) << UInt64(bit)
                }
                #expect(found == expected)
                // the entries are found as without literals
                #expect(matches.map(\.range) == plain.scan(text).map(\.range))
                set += found.nonzeroBitCount
            }
        }
        #expect(set > 500)
    }
}

extension LexiconScannerTests {
    @Test("entries longer than a lane's part, across two or three parts, with runs of white space and capitals where parts meet")
    func entriesAcrossParts() {
        var generator = Generator(state: 7)
        let words = ["stem", "op", "de", "partij", "Voor", "vrijheid", "en", "democratie"]
        let gaps = [" ", "  ", "\n", " \t ", "-"]
        var compared = 0
        var spanning = 0
        for _ in 0..<60 {
            // long entries, spelled with single spaces, and some short ones that overlap them
            let long = (0..<3).map { _ in (0..<(8 + generator.next(10))).map { _ in words[generator.next(words.count)] }.joined(separator: " ") }
            let entries = long + ["op de", "de", "Voor vrijheid"]
            let lexicon = Lexicon(name: "l", title: "l", wholeWords: generator.next(2) == 0,
                                  entries: entries.enumerated().map { index, text in
                                      Lexicon.Entry(text: text, caseSensitive: index == entries.count - 1, location: Self.here)
                                  }, location: Self.here)
            for _ in 0..<6 {
                // the long entries written out with runs of white space and capitals, among other words
                var pieces: [String] = []
                while pieces.joined().utf8.count < 256 + generator.next(300) {
                    if generator.next(3) == 0 {
                        let entry = long[generator.next(long.count)].split(separator: " ").map { word in
                            generator.next(4) == 0 ? word.uppercased() : String(word)
                        }
                        pieces.append(entry.map { $0 + [" ", "  ", "\n "][generator.next(3)] }.joined())
                    } else {
                        pieces.append(words[generator.next(words.count)] + gaps[generator.next(gaps.count)])
                    }
                }
                let text = FoldedText(pieces.joined())
                let parts = LexiconScanner.laneParts(text.lower)
                let expected = Self.reference([lexicon], text)
                let found = LexiconScanner(lexicons: [lexicon]).scan(text)
                #expect(found.map { "\($0.lexicon)/\($0.entry)@\($0.range.lowerBound)..<\($0.range.upperBound)" } == expected)
                compared += expected.count
                // matches that start in one part and end past the next one's start, or two further on
                spanning += found.filter { match in
                    parts.dropFirst().contains { match.range.lowerBound < $0 && match.range.upperBound > $0 + 64 }
                }.count
            }
        }
        #expect(compared > 3_000)
        #expect(spanning > 100)
    }
}
