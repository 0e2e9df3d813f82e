import Testing
@testable import NeutraalEngine

/// How strings are written in JSON output: safe inside HTML and scripts as well as in a JSON parser.
@Suite("JSON escaping")
struct JSONEscapingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let json: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "plain text and Dutch letters stay as they are", text: "Stem op ons, één keer", json: #""Stem op ons, één keer""#),
        Case(name: "quotes and backslashes", text: #"a "b" \c"#, json: #""a \"b\" \\c""#),
        Case(name: "line ends and tabs", text: "a\nb\rc\td", json: #""a\nb\rc\td""#),
        Case(name: "markup characters as \\u escapes", text: "<script>&</script>", json: #""\u003cscript\u003e\u0026\u003c/script\u003e""#),
        Case(name: "other control characters, DEL and C1 controls in lower-case hex", text: "\u{1}\u{1B}\u{7F}\u{85}\u{9F}",
             json: #""\u0001\u001b\u007f\u0085\u009f""#),
        Case(name: "line and paragraph separators", text: "a\u{2028}b\u{2029}c", json: #""a\u2028b\u2029c""#),
        Case(name: "characters next to the escaped ones stay", text: "\u{A0}\u{2027}\u{202A}é", json: "\"\u{A0}\u{2027}\u{202A}é\""),
        Case(name: "the empty string", text: "", json: #""""#),
    ]

    @Test("a string in JSON output", arguments: cases)
    func quoted(_ example: Case) {
        #expect(String(decoding: JSONBytes.quoted(example.text), as: UTF8.self) == example.json)
        #expect(JSONWriter.quote(example.text) == example.json)
    }

    @Test("the bytes copied without a second look are exactly those that never start an escape")
    func plainBytes() {
        let starters: Set<UInt8> = [0x22, 0x5C, 0x3C, 0x3E, 0x26, 0x7F, 0xC2, 0xE2]
        for value in 0...255 {
            let byte = UInt8(value)
            #expect(JSONBytes.isPlain(byte) == (byte >= 0x20 && !starters.contains(byte)), "byte \(value)")
        }
    }

    @Test("eight bytes pass as plain exactly when each of them does, for every byte value in every position")
    func plainWords() {
        let filler = UInt8(ascii: "a")
        for value in 0...255 {
            for position in 0..<8 {
                var bytes = [UInt8](repeating: filler, count: 8)
                bytes[position] = UInt8(value)
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let expected = bytes.allSatisfy { $0 < 0x80 && JSONBytes.isPlain($0) }
                #expect(JSONBytes.isPlainASCII(word) == expected, "byte \(value) at \(position)")
            }
        }
        // two special bytes side by side, and a word of nothing but them
        for pair in [[0x22, 0x22], [0x1F, 0x20], [0x5C, 0x3C]] {
            let bytes = pair.map(UInt8.init) + [UInt8](repeating: filler, count: 6)
            #expect(!JSONBytes.isPlainASCII(bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }))
        }
    }

    @Test("sixteen bytes: a lane is marked exactly when its byte is not plain ASCII, for every byte value in every position")
    func specialLanes() {
        let filler = Int8(bitPattern: UInt8(ascii: "a"))
        for value in 0...255 {
            for position in 0..<16 {
                var block = SIMD16<Int8>(repeating: filler)
                block[position] = Int8(bitPattern: UInt8(value))
                let lanes = JSONBytes.specialLanes(block)
                let byte = UInt8(value)
                let special = byte >= 0x80 || !JSONBytes.isPlain(byte)
                // the lane of the byte is all ones or all zeros, and no other lane is set
                let expected: UInt64 = special ? 0xFF << UInt64(8 * (position % 8)) : 0
                #expect(lanes[position / 8] == expected && lanes[1 - position / 8] == 0, "byte \(value) at \(position)")
            }
        }
    }

    @Test("long strings: each escape found at every position of a scan sixteen bytes at a time, in the last sixteen bytes, and after it")
    func escapesInLongStrings() {
        // one character that is escaped (or written as it is, outside ASCII) among plain letters, at every
        // position of strings of 15 to 49 bytes, and two of them side by side
        let specials = ["\"", "\\", "\n", "<", ">", "&", "\u{7F}", "\u{85}", "\u{2028}", "é", "\u{1}"]
        for length in 15...49 {
            for special in specials {
                for position in 0..<length {
                    var letters = (0..<length).map { String(UnicodeScalar(UInt8(97 + $0 % 26))) }
                    letters[position] = special
                    let text = letters.joined()
                    #expect(String(decoding: JSONBytes.quoted(text), as: UTF8.self) == JSONWriter.quote(text),
                            "\(special.unicodeScalars.map(\.value)) at \(position) of \(length)")
                    let pair = letters.prefix(position).joined() + special + special + letters.dropFirst(position).joined()
                    #expect(String(decoding: JSONBytes.quoted(pair), as: UTF8.self) == JSONWriter.quote(pair))
                }
            }
        }
    }

    @Test("fragments of every length from 0 to 100 are copied exactly, at every offset (by words, blocks of sixteen, or memcpy)")
    func rawFragments() {
        let source = (0..<100).map { UInt8(65 + $0 % 26) }
        for offset in 0..<9 {
            for length in 0...source.count {
                var json = JSONBytes(capacity: 64)
                json.raw(Array(repeating: UInt8(ascii: "."), count: offset))
                json.raw(Array(source.prefix(length)))
                json.raw("|")
                #expect(json.bytes == Array(repeating: UInt8(ascii: "."), count: offset) + source.prefix(length) + [UInt8(ascii: "|")],
                        "offset \(offset), length \(length)")
            }
        }
    }

    @Test("numbers and dates as the JSON output writes them")
    func numbersAndDates() {
        var json = JSONBytes()
        for value in [0, 7, 10, 99, 100, 405, 999, 1000, 1009, 9999, 10_000, 12_345, 9_876_543_210, -3] {
            json.integer(value)
            json.raw(",")
        }
        json.quotedDate(CivilDate.parse("2023-11-22") ?? 0)
        #expect(String(decoding: json.bytes, as: UTF8.self) == #"0,7,10,99,100,405,999,1000,1009,9999,10000,12345,9876543210,-3,"2023-11-22""#)
    }

    @Test("numbers of five digits and more, and below zero, as Swift writes them: every power of ten and its neighbours, the extremes, and more")
    func longNumbers() {
        var values = [Int.max, Int.min, Int.max - 1, Int.min + 1, -1, -10_000]
        var power = 10_000
        while true {
            values += [power - 1, power, power + 1, power * 3 + 7]
            let (next, overflow) = power.multipliedReportingOverflow(by: 10)
            if overflow { break }
            power = next
        }
        var state: UInt64 = 12_345
        for _ in 0..<3_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Int(truncatingIfNeeded: state >> UInt64(state % 50)))
        }
        for value in values {
            var json = JSONBytes(capacity: 4)
            json.integer(value)
            #expect(String(decoding: json.bytes, as: UTF8.self) == String(value))
        }
    }

    @Test("counts written through a cursor (two digits at a time) as Swift writes them: every number below 100,000, every power of ten and its neighbours, and more")
    func countsThroughACursor() {
        var values = Array(0..<100_000) + [Int.max, Int.max - 1]
        var power = 100_000
        while true {
            values += [power - 1, power, power + 1, power * 3 + 7]
            let (next, overflow) = power.multipliedReportingOverflow(by: 10)
            if overflow { break }
            power = next
        }
        var state: UInt64 = 54_321
        for _ in 0..<3_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Int(truncatingIfNeeded: state >> UInt64(state % 50 + 1)))
        }
        for value in values {
            var json = JSONBytes(capacity: 4)
            json.raw("[")
            var out = json.cursor(reserving: JSONBytes.longestInteger + 1)
            out.putCount(value)
            out.put(UInt8(ascii: "]"))
            json.commit(out)
            #expect(String(decoding: json.bytes, as: UTF8.self) == "[\(value)]", "\(value)")
        }
    }

    @Test("long numbers written one after another by one writer, repeated and counting up across every carry, as Swift writes them")
    func longNumbersInSequence() {
        var values: [Int] = []
        // each number twice, then the next: a record's line number, then its evidence's, then the next record's
        for start in [10_000, 19_998, 99_998, 999_999, 1_234_567, 9_999_999_999_999_998, 99_999_999_999_999_998, Int.max - 2] {
            for value in start...(start + 2) { values += [value, value] }
        }
        values += [10_001, 10_000, 10_002, -10_001, -10_000, 10_001, 10_001, 5, 10_002, 123_456_789, 123_456_790]
        var json = JSONBytes(capacity: 4)
        for value in values {
            json.integer(value)
            json.raw(",")
        }
        #expect(String(decoding: json.bytes, as: UTF8.self) == values.map { String($0) + "," }.joined())
    }

    @Test("every number below 10000 and every day from 1900 to 2100 as Swift and CivilDate write them")
    func allShortNumbersAndDays() {
        for value in 0..<10_000 {
            var json = JSONBytes(capacity: 8)
            json.integer(value)
            #expect(String(decoding: json.bytes, as: UTF8.self) == String(value))
        }
        let first = CivilDate.parse("1900-01-01") ?? 0
        let last = CivilDate.parse("2100-12-31") ?? 0
        for day in first...last {
            var json = JSONBytes(capacity: 8)
            json.quotedDate(day)
            #expect(String(decoding: json.bytes, as: UTF8.self) == "\"\(CivilDate.format(day))\"")
            var copied = JSONBytes(capacity: 8)
            if let rendered = JSONBytes.RenderedDate(day) { copied.raw(rendered) }
            #expect(copied.bytes == json.bytes)
        }
    }

    @Test("a line's members made from the last line's read as those of the line written afresh, across carries, jumps and repeats")
    func renderedLines() {
        var rendered = JSONBytes.RenderedLine()
        let lines = Array(0...1_200) + [1_200, 9_999, 10_000, 10_001, 99_999_999, 100_000_000, 100_000_001, 5, 4,
                                          99_999_999_999_999, 100_000_000_000_000, 100_000_000_000_001, 7, 8, -1, 19, 20]
        for line in lines {
            rendered.set(line)
            var json = JSONBytes(capacity: 64)
            var out = json.cursor(reserving: 32)
            out.put(rendered)
            json.commit(out)
            if (0..<100_000_000_000_000).contains(line) {
                #expect(rendered.line == line, "line \(line)")
                #expect(String(decoding: json.bytes, as: UTF8.self) == ",\"line\":\(line),\"column\":", "line \(line)")
            } else {
                // too long to keep: none, which no line of evidence is taken for
                #expect(rendered.line == -1 && json.bytes.isEmpty, "line \(line)")
            }
        }
    }

    @Test("a rendered date is written as quotedDate writes it, and exists for the years 0 to 9999")
    func renderedFarDates() {
        for day in [Int32.min, -3_000_000, -800_000, -719_528, 0, 2_932_896, 2_932_897, 3_000_000, Int32.max] {
            var json = JSONBytes(capacity: 8)
            json.quotedDate(day)
            var copied = JSONBytes(capacity: 8)
            if let rendered = JSONBytes.RenderedDate(day) { copied.raw(rendered) } else { copied.quotedDate(day) }
            #expect(copied.bytes == json.bytes, "day \(day)")
            let year = CivilDate.civilFromDays(Int(day)).0
            #expect((JSONBytes.RenderedDate(day) != nil) == (0...9999).contains(year), "day \(day)")
        }
    }

    @Test("short strings take the fast paths exactly when they need no escape, at every length up to 36")
    func shortStrings() {
        for length in 0...36 {
            for special in ["", "\"", "\\", "<", "&", "\n", "\u{7F}", "é", "\u{85}", "\u{2028}"] {
                for position in 0...max(0, length - 1) {
                    var characters = Array(repeating: Character("a"), count: length)
                    if !special.isEmpty, position < length { characters[position] = Character(special) }
                    let text = String(characters)
                    #expect(String(decoding: JSONBytes.quoted(text), as: UTF8.self) == JSONWriter.quote(text), "\(text.debugDescription)")
                    let fast = text.utf8.withContiguousStorageIfAvailable { JSONBytes.isShortPlainASCII($0) }
                    let plain = text.utf8.count <= 16 && text.utf8.allSatisfy { $0 < 0x80 && JSONBytes.isPlain($0) }
                    #expect(fast == plain, "\(text.debugDescription)")
                    let upTo32 = text.utf8.withContiguousStorageIfAvailable { JSONBytes.isPlainASCII(upTo32: $0) }
                    let plainUpTo32 = text.utf8.count <= 32 && text.utf8.allSatisfy { $0 < 0x80 && JSONBytes.isPlain($0) }
                    #expect(upTo32 == plainUpTo32, "\(text.debugDescription)")
                }
            }
        }
    }

    @Test("the writer of strings and the writer of bytes quote every text alike", arguments: cases)
    func writersAgree(_ example: Case) {
        var writer = JSONWriter()
        writer.value(example.text)
        #expect(writer.output == String(decoding: JSONBytes.quoted(example.text), as: UTF8.self))
    }

    @Test("a rule's citation is written in bytes as the writer of strings wrote it, for every rule of the rule set")
    func citations() throws {
        let ruleSet = try RealRules.ruleSet()
        let context = ReportContext(ruleSet: ruleSet, language: .dutch)
        var quotedIn = 0
        for rule in ruleSet.rules {
            // the citation as first written, with `JSONWriter`
            var writer = JSONWriter()
            writer.beginObject()
            writer.field("source", rule.citation.sourceID)
            if let source = ruleSet.sources[rule.citation.sourceID] {
                writer.field("document", source.title)
                writer.field("date", source.date)
                writer.field("identifier", source.identifier)
                writer.field("url", source.url)
                if let quoted = source.quotedIn, let outer = ruleSet.sources[quoted] {
                    writer.field("quotedIn", outer.title)
                    writer.field("quotedInDate", outer.date)
                    quotedIn += 1
                }
            }
            writer.field("locator", rule.citation.locator)
            writer.endObject()
            var json = JSONBytes()
            JSONReporter.writeCitation(rule, context, into: &json)
            #expect(String(decoding: json.bytes, as: UTF8.self) == writer.output, "\(rule.id)")
        }
        #expect(quotedIn > 0)
    }
}
