import Testing
@testable import NeutraalEngine

/// The line a record of JSON Lines starts on, handed by the reader to the evaluation so that its evidence
/// is located without a search: the same locations as with a search, on every line of a batch.
@Suite("Line hint")
struct LineHintTests {
    @Test("a line is found at its index only when it holds the offset")
    func lineAtIndex() {
        let source = SourceText(path: "t.jsonl", bytes: Array("ab\ncde\n\nf".utf8), firstLine: 3)
        #expect(source.line(at: 0, holding: 0)! == (0, 2, 3))
        #expect(source.line(at: 0, holding: 2)! == (0, 2, 3))
        #expect(source.line(at: 1, holding: 3)! == (3, 6, 4))
        #expect(source.line(at: 2, holding: 7)! == (7, 7, 5))
        #expect(source.line(at: 3, holding: 8)! == (8, 9, 6))
        #expect(source.line(at: 0, holding: 3) == nil)
        #expect(source.line(at: 1, holding: 2) == nil)
        #expect(source.line(at: -1, holding: 0) == nil)
        #expect(source.line(at: 4, holding: 9) == nil)
    }

    /// A location counted byte by byte: its column is one more than the characters before it on its line
    /// (bytes that do not continue a character), an offset inside a character counts as that character,
    /// and a byte order mark at the start of the file is no column.
    static func reference(_ source: SourceText, _ offset: Int, line: (start: Int, end: Int, number: Int)) -> NeutraalEngine.SourceLocation {
        let bytes = source.bytes
        var column = 1 + bytes[line.start..<offset].filter { $0 & 0xC0 != 0x80 }.count
        if offset < bytes.count, bytes[offset] & 0xC0 == 0x80, column > 1 { column -= 1 }
        if line.start == 0, offset >= 3, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { column -= 1 }
        return NeutraalEngine.SourceLocation(file: source.path, line: line.number, column: column)
    }

    @Test("a location on a line already found, its ASCII start counted, is the location found from the offset alone")
    func locationOnAKnownLine() {
        let texts = ["\u{FEFF}{\"a\":\"é\"}\n{\"text\":\"Financiën — ook\",\"b\":1}\nplain ascii line\n€😀x\n",
                     "ab\ncafé au lait, “quoted” and more\n\nlast"]
        var compared = 0
        for (number, text) in texts.enumerated() {
            let source = SourceText(path: "t\(number).jsonl", bytes: Array(text.utf8), firstLine: 1 + number)
            for offset in 0...source.bytes.count {
                let line = source.line(containing: offset)
                let expected = source.location(at: offset)
                #expect(expected == Self.reference(source, offset, line: line), "offset \(offset)")
                // every length of ASCII start the line truly has, and none
                var asciiEnd = line.start
                while true {
                    #expect(source.location(at: offset, onLineStarting: line.start, number: line.number, asciiUpTo: asciiEnd) == expected,
                            "offset \(offset), ASCII up to \(asciiEnd)")
                    compared += 1
                    guard asciiEnd < line.end, source.bytes[asciiEnd] < 0x80 else { break }
                    asciiEnd += 1
                }
            }
        }
        #expect(compared > 500)
    }

    @Test("offsets located one after another, counted on from the last one on their line, are located as by a search, in any order")
    func locatedInAnyOrder() {
        let text = "\u{FEFF}{\"a\":\"é\",\"b\":\"x\"}\n{\"text\":\"Financiën — ook ﬁ\",\"b\":1,\"c\":\"ü\"}\nplain\n€😀x yz\n"
        let source = SourceText(path: "t.jsonl", bytes: Array(text.utf8))
        let offsets = Array(0...source.bytes.count)
        var generator = SystemRandomNumberGenerator()
        for order in [offsets, offsets.reversed(), offsets.shuffled(using: &generator), offsets.filter { $0 % 3 == 0 } + offsets] {
            var locations = Evaluator.Locations(source: source)
            for offset in order {
                #expect(locations.location(at: offset) == source.location(at: offset), "offset \(offset)")
            }
        }
    }

    @Test("a record and its evidence located from the record's line are located as by a search, on every record of a batch")
    func sameLocations() throws {
        let ruleSet = try RealRules.ruleSet()
        var generator = GeneratedActivities(seed: 3)
        // a first line that is not a record, blank lines and lines of other lengths between the records
        // and some records indented, so that a record starts past the line's start
        let lines = ["", "   "] + generator.lines(600).enumerated().flatMap { index, line in
            let written = index % 5 == 0 ? "  \t" + line : line
            return index % 7 == 0 ? [written, ""] : [written]
        }
        let source = SourceText(path: "batch.jsonl", text: lines.joined(separator: "\n") + "\n")
        let reader = DescriptionReader(vocabulary: ruleSet.vocabulary)
        var hinted: [Description] = []
        reader.forEachLine(source, from: 0, firstNumber: 1, allowEmpty: false, room: nil) { outcome in
            if case .description(let description) = outcome { hinted.append(description) }
        }
        #expect(hinted.count > 550)
        #expect(hinted.allSatisfy { $0.lineIndex >= 0 })
        // what the reader says of each record's bytes: ASCII up to its first byte of 0x80 or more, or its line's end
        var withNonASCII = 0
        for description in hinted {
            let lineEnd = source.line(containing: description.offset).end
            let firstNonASCII = source.bytes[description.offset..<lineEnd].firstIndex { $0 >= 0x80 } ?? lineEnd
            #expect(description.asciiEnd == firstNonASCII, "\(description.id)")
            if firstNonASCII < lineEnd { withNonASCII += 1 }
        }
        #expect(withNonASCII > 10)
        let evaluator = Evaluator(ruleSet: ruleSet)
        var located = 0
        var indented = 0
        for description in hinted {
            let plain = Description(id: description.id, record: description.record, source: description.source,
                                    offset: description.offset, expectation: description.expectation)
            #expect(plain.lineIndex == -1)
            #expect(description.location == plain.location)
            #expect(description.place == (plain.location.line, plain.location.column) && plain.place == description.place)
            if description.location.column > 1 { indented += 1 }
            let withHint = evaluator.evaluate(description).findings.flatMap(\.evidence).map(\.location)
            let withSearch = evaluator.evaluate(plain).findings.flatMap(\.evidence).map(\.location)
            #expect(withHint == withSearch, "\(description.id)")
            located += withHint.compactMap { $0 }.count
        }
        #expect(located > 1_000)
        #expect(indented > 100)
    }
}
