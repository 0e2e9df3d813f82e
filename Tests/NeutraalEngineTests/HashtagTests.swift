import Testing
@testable import NeutraalEngine

/// The byte-wise hashtag scan against the scalar-by-scalar reference.
@Suite("Hashtags")
struct HashtagTests {
    @Test("an ASCII scalar is a letter or a digit by its properties exactly when it is A–Z, a–z or 0–9")
    func asciiProperties() {
        for value in 0..<128 as Range<UInt32> {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let byProperties = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            let byRange = (65...90).contains(value) || (97...122).contains(value) || (48...57).contains(value)
            #expect(byProperties == byRange, "U+\(String(value, radix: 16))")
        }
    }

    /// Pieces that make and break tags: letters and digits of several scripts, marks, joiners, prepended
    /// letters, dashes, `#` in every position.
    static let pieces = ["#", "#", "##", "-", "--", "_", " ", "a", "Z", "7", "é", "e\u{301}", "\u{301}", "ß", "Ω", "٣", "½", "Ⅻ",
                         "中", "😀", "👍🏽", "\u{200D}", "\u{0D4E}", "\u{0600}", "\r\n", "\n", ".", ",", "'", "’", "ﬁ", "İ",
                         "D66", "GroenLinks-PvdA", "onderwijs_2024"]

    @Test("the tags of the text join the hashtags given, in order, each once without regard to case")
    func joinedWithGivenTags() throws {
        let vocabulary = try RealRules.ruleSet().vocabulary
        let reader = DescriptionReader(vocabulary: vocabulary)
        let slot = try #require(vocabulary.root.slotByPath["hashtags"])
        let line = ##"{"kind":"post","hashtags":["#VVD","#Zorg"],"text":"Stem #vvd en #D66, #zorg #d66 #Één #één #ÉÉN-"}"##
        let source = SourceText(path: "tags.jsonl", text: line)
        // both ways: the fast reader and the ordinary one
        let outcomes = [reader.vocabulary.directReader.read(source, range: 0..<source.bytes.count, number: 1).map(ReadOutcome.description),
                        reader.readLineParsed(source, range: 0..<source.bytes.count, number: 1)]
        for outcome in outcomes {
            guard case .description(let description)? = outcome, case .list(let items)? = description.record.values[slot] else {
                Issue.record("the hashtags were not read as a list")
                continue
            }
            let tags = items.compactMap { if case .string(let tag) = $0 { tag } else { nil } }
            #expect(tags == ["#VVD", "#Zorg", "#D66", "#Één"])
        }
    }

    @Test("a text without `#` adds no tags (the hashtags given stay as they are, and none are made up)")
    func textWithoutHash() throws {
        let vocabulary = try RealRules.ruleSet().vocabulary
        let reader = DescriptionReader(vocabulary: vocabulary)
        let slot = try #require(vocabulary.root.slotByPath["hashtags"])
        let cases: [(line: String, tags: [String]?)] = [
            (##"{"kind":"post","hashtags":["#VVD"],"text":"Stem VVD"}"##, ["#VVD"]),
            (##"{"kind":"post","text":"Stem VVD, of D66"}"##, nil),
            (##"{"kind":"post","text":"Stem #VVD"}"##, ["#VVD"]),
            (##"{"kind":"post","text":"Stem#VVD"}"##, nil),
        ]
        for (line, expected) in cases {
            let source = SourceText(path: "tags.jsonl", text: line)
            // both ways: the fast reader and the ordinary one
            let outcomes = [reader.vocabulary.directReader.read(source, range: 0..<source.bytes.count, number: 1).map(ReadOutcome.description),
                            reader.readLineParsed(source, range: 0..<source.bytes.count, number: 1)]
            for outcome in outcomes {
                guard case .description(let description)? = outcome else {
                    Issue.record("`\(line)` was not read")
                    continue
                }
                let tags: [String]? = if case .list(let items)? = description.record.values[slot] {
                    items.compactMap { if case .string(let tag) = $0 { tag } else { nil } }
                } else {
                    nil
                }
                #expect(tags == expected, "\(line)")
            }
        }
    }

    @Test("the scan from a first `#` found by the caller finds what the scan from the start finds")
    func scanFromFirstHash() {
        let texts = ["Kom ook! #D66 #onderwijs_2024, en#niet # #GroenLinks-PvdA- #één", "#", "##a", "#a#b", "a#b #c-#d",
                     "x #😀 #a😀", "é#a #b", "#Financiën-"]
        for text in texts {
            var bytes = Array(text.utf8)
            bytes.withUnsafeMutableBufferPointer { buffer in
                let bytes = UnsafeBufferPointer(buffer)
                let first = ByteScan.firstIndex(of: UInt8(ascii: "#"), in: bytes, from: 0)
                #expect(Derivations.hashtags(utf8: bytes, firstHash: first) == Derivations.hashtags(utf8: bytes), "\(text.debugDescription)")
            }
        }
    }

    @Test("generated texts give the same tags both ways")
    func generated() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<4_000 {
            var text = ""
            for _ in 0..<(Int(state % 24) + 1) {
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                text += Self.pieces[Int(state >> 33) % Self.pieces.count]
            }
            #expect(Derivations.hashtags(in: text) == Derivations.scalarHashtags(in: text), "\(text.debugDescription)")
        }
    }

    @Test("written texts give the same tags both ways")
    func written() {
        let texts = ["Kom ook! #D66 #onderwijs_2024, en#niet # #GroenLinks-PvdA- #één", "#", "##a", "#a#b", "a#b #c-#d",
                     "#a-\u{0D4E}-", "#a\u{0D4E}-", "#-", "#--a--", "#Financiën-", "(#zorg)", "#1", "#e\u{301}-", "x #😀 #a😀"]
        for text in texts {
            #expect(Derivations.hashtags(in: text) == Derivations.scalarHashtags(in: text), "\(text.debugDescription)")
        }
        #expect(Derivations.hashtags(in: "Stem #VVD en #D66") == ["#VVD", "#D66"])
    }
}
