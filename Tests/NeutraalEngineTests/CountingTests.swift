import Testing
@testable import NeutraalEngine

/// The counting that locations and batch numbering rest on: characters before a column, line ends and
/// non-blank lines in a chunk, and evidence without repeats.
@Suite("Counting lines, columns and evidence")
struct CountingTests {
    /// Texts that put multi-byte characters at every position of an eight-byte word.
    static let texts: [String] = (0..<24).map { shift in
        String(repeating: "a", count: shift) + "é “x” 👍 ĳ" + String(repeating: "b", count: 23 - shift) + "ë"
    } + ["", "a", "é", "👍👍", String(repeating: "privé ", count: 40),
         // long runs of continuation bytes: the per-lane counts are summed before they can overflow
         String(repeating: "é", count: 300), String(repeating: "👍", count: 120)]

    @Test("characters before a byte offset, counted eight bytes at a time, as counted one by one")
    func characterStarts() {
        for text in Self.texts {
            let bytes = Array(text.utf8)
            for start in [0, 1, 3] where start <= bytes.count {
                for end in start...bytes.count {
                    let expected = bytes[start..<end].filter { $0 & 0xC0 != 0x80 }.count
                    #expect(SourceText.countCharacterStarts(bytes, from: start, to: end) == expected, "`\(text)` \(start)..<\(end)")
                }
            }
        }
    }

    @Test("the first byte that is not ASCII, looked for 32 and 8 bytes at a time, is the one found byte by byte")
    func firstNonASCII() {
        // one byte of 0x80 or more at every position of a 100-byte text, none at all, and several
        let plain = [UInt8](repeating: UInt8(ascii: "a"), count: 100)
        var texts = [plain, [], Array("é".utf8), Array((String(repeating: "x", count: 40) + "👍" + String(repeating: "y", count: 40) + "é").utf8)]
        for position in plain.indices {
            var bytes = plain
            bytes[position] = 0xC3
            texts.append(bytes)
        }
        for bytes in texts {
            let source = SourceText(path: "t", bytes: bytes)
            for start in [0, 1, 7, 31, 33] where start <= bytes.count {
                for end in [bytes.count, bytes.count - 1, start + 32, start + 8, start] where end >= start && end <= bytes.count {
                    let expected = bytes[start..<end].firstIndex { $0 >= 0x80 } ?? end
                    #expect(source.firstNonASCII(from: start, to: end) == expected, "\(bytes.count) bytes, \(start)..<\(end)")
                }
            }
        }
    }

    @Test("the line holding an offset, found from a guess, is the line found by counting line ends: even, uneven and empty lines")
    func lineContaining() {
        let texts = ["", "\n", "a", "one line", "a\nb\nc", "\n\n\nx\n", String(repeating: "{\"id\":\"a\"}\n", count: 50),
                     // one very long line among short ones, either way round
                     String(repeating: "x", count: 5_000) + String(repeating: "\ny", count: 300),
                     String(repeating: "y\n", count: 300) + String(repeating: "x", count: 5_000) + "\nend",
                     (1...60).map { String(repeating: "z", count: $0 * $0 % 97) }.joined(separator: "\n")]
        for (number, text) in texts.enumerated() {
            let bytes = Array(text.utf8)
            let source = SourceText(path: "t", bytes: bytes, firstLine: 1 + number)
            for offset in 0...bytes.count {
                let before = bytes[..<offset]
                let line = before.filter { $0 == 0x0A }.count
                let start = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                let end = bytes[offset...].firstIndex(of: 0x0A) ?? bytes.count
                let found = source.line(containing: offset)
                #expect(found.start == start && found.end == end && found.number == line + 1 + number, "text \(number) offset \(offset)")
            }
        }
    }

    @Test("the line index is the same from any guess, also one before the first line or past the last")
    func lineIndexFromAnyGuess() {
        let starts = [0, 1, 2, 50, 51, 400, 401, 402, 403, 1_000]
        starts.withUnsafeBufferPointer { buffer in
            for offset in 0...1_100 {
                let expected = starts.lastIndex { $0 <= offset } ?? 0
                for guess in [-5, 0, 1, 3, 5, 8, 9, 10, 500] {
                    #expect(SourceText.lineIndex(of: offset, in: buffer, guess: guess) == expected, "offset \(offset) guess \(guess)")
                }
            }
        }
    }

    @Test("a location past multi-byte characters counts characters")
    func locationColumn() throws {
        let source = SourceText(path: "p.jsonl", text: "{}\n{\"text\":\"één “x” 👍 privé privé\",\"kind\":\"post\"}\n")
        let offset = try #require(source.bytes.indices.last { source.bytes[$0] == UInt8(ascii: "k") })
        #expect(source.location(at: offset) == SourceLocation(file: "p.jsonl", line: 2, column: 34))
    }

    @Test("evidence located from the line start while the line is ASCII is located as the source locates it")
    func asciiLineLocations() {
        let text = "{\"a\":1}\n{\"text\":\"plain words first, then één “x” 👍\",\"kind\":\"post\"}\n\u{FEFF}\n{\"b\":2}"
        let source = SourceText(path: "p.jsonl", text: text)
        let withBOM = SourceText(path: "b.jsonl", text: "\u{FEFF}{\"kind\":\"post\"}\n{}")
        for file in [source, withBOM] {
            // in order, backwards and from line to line: every offset, as `location(at:)` has it
            for offsets in [Array(0...file.bytes.count), Array((0...file.bytes.count).reversed())] {
                var locations = Evaluator.Locations(source: file)
                for offset in offsets {
                    #expect(locations.location(at: offset) == file.location(at: offset), "offset \(offset) of \(file.path)")
                }
            }
            // told by the reader how far a line is ASCII (up to a byte of 0x80 or more, or not as far as that)
            for line in file.lineStarts.indices {
                let start = file.lineStarts[line]
                let end = file.line(containing: start).end
                let firstNonASCII = file.bytes[start..<end].firstIndex { $0 >= 0x80 } ?? end
                for known in Set([firstNonASCII, start + (firstNonASCII - start) / 2, start]) {
                    var locations = Evaluator.Locations(source: file, firstLineIndex: line, knownASCII: (start, known))
                    for offset in start...end {
                        #expect(locations.location(at: offset) == file.location(at: offset), "offset \(offset) of \(file.path), ASCII to \(known)")
                    }
                }
            }
        }
    }

    struct Chunk: CustomTestStringConvertible, Sendable {
        let text: String
        let lines: Int
        let records: Int
        var testDescription: String { "`\(text.debugDescription)`: \(lines) line ends, \(records) records" }
    }

    @Test("line ends and non-blank lines of a chunk of JSON Lines", arguments: [
        Chunk(text: "", lines: 0, records: 0),
        Chunk(text: "{}", lines: 0, records: 1),
        Chunk(text: "{}\n", lines: 1, records: 1),
        Chunk(text: "\n\n", lines: 2, records: 0),
        Chunk(text: " \t\r\n{}\r\n  x", lines: 2, records: 2),
        Chunk(text: "{}\n \n{}\n\n", lines: 4, records: 2),
        Chunk(text: "\r\n\t\r\n  {}\r\n", lines: 3, records: 1),
        Chunk(text: "\n\n  \t", lines: 2, records: 0),
        Chunk(text: "\n\n \tx", lines: 2, records: 1),
        Chunk(text: "x\n\r", lines: 1, records: 1),
        Chunk(text: "\r", lines: 0, records: 0),
        Chunk(text: "{\"a\":\" \\n \"}\n\u{00A0}\n", lines: 2, records: 2),
    ])
    func lineCounts(_ chunk: Chunk) {
        let counted = BatchEvaluator.countLines(SourceText(path: "chunk", bytes: Array(chunk.text.utf8)))
        #expect(counted.lines == chunk.lines)
        #expect(counted.records == chunk.records)
    }

    @Test("repeated evidence is kept once (texts compared by what they say); evidence that differs in any part is kept")
    func evidenceWithoutRepeats() {
        let source = SourceText(path: "a.jsonl", text: "{\"a\":1,\"b\":2}\n{\"c\":3}")
        let names = EvidenceNames(factPaths: ["account.variant", "postedBy"], values: ["hybrid", "corporate"])
        var trace = Evaluator.Trace(explains: false)
        typealias Piece = Evaluator.PendingEvidence
        let first = Piece(fact: 0, factText: -1, value: 0, offset: 1)
        let others = [
            Piece(fact: 1, factText: -1, value: 0, offset: 1),
            Piece(fact: -1, factText: trace.keep("sections[1].draftedBy"), value: 0, offset: 1),
            Piece(fact: 0, factText: -1, value: 1, offset: 1),
            Piece(fact: 0, factText: -1, valueText: trace.keep("tekst"), offset: 1),
            Piece(fact: 0, factText: -1, match: trace.keep("stem"), start: 2, end: 6, offset: 1),
            Piece(fact: 0, factText: -1, match: trace.keep("stem"), start: 3, end: 7, offset: 1),
            Piece(fact: 0, factText: -1, value: 0, offset: 7),
            Piece(fact: 0, factText: -1, value: 0, offset: 15),
        ]
        // the same texts kept again under other numbers: repeats all the same
        let again = [
            Piece(fact: -1, factText: trace.keep("sections[1].draftedBy"), value: 0, offset: 1),
            Piece(fact: 0, factText: -1, valueText: trace.keep("tekst"), offset: 1),
            Piece(fact: 0, factText: -1, match: trace.keep("stem"), start: 2, end: 6, offset: 1),
        ]
        for piece in [first, first] + others + [first] + again + others { trace.add(piece) }
        var locations = Evaluator.Locations(source: source)
        let store = EvidenceStore()
        let kept = Evaluator.evidence(&trace, &locations, into: store).evidence(names: names)
        func evidence(_ fact: String, _ value: String?, match: String? = nil, start: Int? = nil, line: Int = 1, column: Int = 2) -> Evidence {
            Evidence(fact: fact, value: value, match: match, start: start, end: start.map { $0 + 4 },
                     location: SourceLocation(file: "a.jsonl", line: line, column: column))
        }
        #expect(kept == [
            evidence("account.variant", "hybrid"),
            evidence("postedBy", "hybrid"), evidence("sections[1].draftedBy", "hybrid"), evidence("account.variant", "corporate"),
            evidence("account.variant", "tekst"), evidence("account.variant", nil, match: "stem", start: 2),
            evidence("account.variant", nil, match: "stem", start: 3), evidence("account.variant", "hybrid", column: 8),
            evidence("account.variant", "hybrid", line: 2, column: 2),
        ])
        var empty = Evaluator.Trace(explains: false)
        #expect(Evaluator.evidence(&empty, &locations, into: store).isEmpty)
    }
}
