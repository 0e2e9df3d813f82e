import Testing
@testable import NeutraalEngine

/// `DirectRecordReader.Cursor.shortString()`: a plain string of up to fifteen bytes comes back as the
/// probe `ByteKeyTables.probe` makes of its bytes, with the cursor past its closing quote; anything else
/// (longer, with a stop byte, too near the end of the line) as nil with the cursor where it was.
@Suite("Short strings")
struct ShortStringTests {
    /// The result of `shortString()` on `"` + `text` + `"` followed by `tail` bytes of filler, and the cursor after it.
    static func read(_ text: [UInt8], tail: Int) -> (probe: ByteKeyTables.Probe?, expected: ByteKeyTables.Probe?, position: Int) {
        let line = [UInt8(ascii: " "), UInt8(ascii: "\"")] + text + [UInt8(ascii: "\"")] + [UInt8](repeating: UInt8(ascii: "x"), count: tail)
        return line.withUnsafeBufferPointer { buffer in
            guard var cursor = DirectRecordReader.Cursor(buffer: buffer, position: 1, end: buffer.count) else { return (nil, nil, -1) }
            let probe = cursor.shortString()
            let expected = ByteKeyTables.probe(buffer, 2..<2 + text.count)
            return (probe, expected, cursor.position)
        }
    }

    @Test("plain strings of every length up to 40, with room after them or not")
    func lengths() {
        for length in 0...40 {
            let text = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            for tail in [0, 5, 16, 40] {
                let (probe, expected, position) = Self.read(text, tail: tail)
                let room = length + 1 + tail  // bytes from the first of the string to the end of the line
                let readable = length < 16 && room >= 16
                if readable {
                    #expect(probe?.length == length, "length \(length), tail \(tail)")
                    #expect(position == 2 + length + 1)
                    if length > 0 {
                        #expect(probe?.first == expected?.first && probe?.last == expected?.last && probe?.start == 2)
                    }
                } else {
                    #expect(probe == nil, "length \(length), tail \(tail)")
                    #expect(position == 1)
                }
            }
        }
    }

    /// `mediumString()` as `read` gives `shortString()`.
    static func readMedium(_ text: [UInt8], tail: Int) -> (probe: ByteKeyTables.Probe?, expected: ByteKeyTables.Probe?, position: Int) {
        let line = [UInt8(ascii: " "), UInt8(ascii: "\"")] + text + [UInt8(ascii: "\"")] + [UInt8](repeating: UInt8(ascii: "x"), count: tail)
        return line.withUnsafeBufferPointer { buffer in
            guard var cursor = DirectRecordReader.Cursor(buffer: buffer, position: 1, end: buffer.count) else { return (nil, nil, -1) }
            let probe = cursor.mediumString()
            let expected = ByteKeyTables.probe(buffer, 2..<2 + text.count)
            return (probe, expected, cursor.position)
        }
    }

    @Test("medium strings: plain strings of 16 to 31 bytes with 32 bytes of the line after the quote, nothing else")
    func mediumLengths() {
        for length in 0...40 {
            let text = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            for tail in [0, 5, 16, 40] {
                let (probe, expected, position) = Self.readMedium(text, tail: tail)
                let room = length + 1 + tail
                if length >= 16 && length < 32 && room >= 32 {
                    #expect(probe?.length == length, "length \(length), tail \(tail)")
                    #expect(probe?.first == expected?.first && probe?.last == expected?.last && probe?.start == 2)
                    #expect(position == 2 + length + 1)
                } else {
                    #expect(probe == nil, "length \(length), tail \(tail)")
                    #expect(position == 1)
                }
            }
        }
        for stop in [0x5C, 0x0A, 0xC3, 0x00] as [UInt8] {
            for index in [0, 7, 8, 15, 16, 23, 24, 30] {
                var text = [UInt8](repeating: UInt8(ascii: "k"), count: 31)
                text[index] = stop
                let (probe, _, position) = Self.readMedium(text, tail: 40)
                #expect(probe == nil && position == 1, "stop \(stop) at \(index)")
            }
        }
    }

    @Test("a plain date is read at the end of its line too; anything else leaves the cursor where it was", arguments: [
        (#""2023-12-04""#, 19_695 as Int32?), (#""2023-12-04"}"#, 19_695), (#""0000-01-01""#, -719_528), (#""2023-12-04 ""#, nil),
        (#""2023-13-04""#, nil), (#""2023-12-0\u0034""#, nil), (#""2023-12-4""#, nil), (#""2023-12-04"#, nil), (#"2023-12-04"#, nil),
    ])
    func plainDates(_ line: String, _ day: Int32?) {
        let bytes = Array(line.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            guard var cursor = DirectRecordReader.Cursor(buffer: buffer, position: 0, end: buffer.count) else {
                Issue.record("no cursor over \(line)")
                return
            }
            #expect(cursor.plainDate() == day, "\(line)")
            #expect(cursor.position == (day == nil ? 0 : 12), "\(line)")
        }
    }

    /// The result of `shortKey()` on `"` + `text` + `"` + `after` followed by `tail` bytes of filler, and the cursor after it.
    static func readKey(_ text: [UInt8], after: [UInt8], tail: Int) -> (probe: ByteKeyTables.Probe?, expected: ByteKeyTables.Probe?, position: Int) {
        let line = [UInt8(ascii: " "), UInt8(ascii: "\"")] + text + [UInt8(ascii: "\"")] + after
            + [UInt8](repeating: UInt8(ascii: "x"), count: tail)
        return line.withUnsafeBufferPointer { buffer in
            guard var cursor = DirectRecordReader.Cursor(buffer: buffer, position: 1, end: buffer.count) else { return (nil, nil, -1) }
            let probe = cursor.shortKey()
            let expected = ByteKeyTables.probe(buffer, 2..<2 + text.count)
            return (probe, expected, cursor.position)
        }
    }

    @Test("short keys: read with their colon when it follows the quote at once and the line has room; nil otherwise")
    func shortKeys() {
        for length in 0...20 {
            let text = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            for tail in [0, 1, 5, 15, 16, 40] {
                // the colon at once, after a space, or none (another byte in its place, or the line's end)
                for after in [[UInt8(ascii: ":")], [UInt8(ascii: " "), UInt8(ascii: ":")], [UInt8(ascii: ";")], []] {
                    let (probe, expected, position) = Self.readKey(text, after: after, tail: tail)
                    // bytes from the first of the key to the end of the line, its closing quote and what follows
                    let room = length + 1 + after.count + tail
                    if length < 16 && room >= 17 && after == [UInt8(ascii: ":")] {
                        #expect(probe?.length == length, "length \(length), tail \(tail)")
                        #expect(position == 2 + length + 2, "length \(length), tail \(tail)")
                        if length > 0 {
                            #expect(probe?.first == expected?.first && probe?.last == expected?.last && probe?.start == 2)
                        }
                    } else {
                        #expect(probe == nil, "length \(length), tail \(tail), after \(after)")
                        #expect(position == 1, "length \(length), tail \(tail), after \(after)")
                    }
                }
            }
        }
        for stop in [0x5C, 0x0A, 0xC3, 0x00, 0x22] as [UInt8] {
            for index in [0, 7, 8, 14] {
                var text = [UInt8](repeating: UInt8(ascii: "k"), count: 15)
                text[index] = stop
                let (probe, _, position) = Self.readKey(text, after: [UInt8(ascii: ":")], tail: 40)
                #expect(probe == nil && position == 1, "stop \(stop) at \(index)")
            }
        }
    }

    @Test("a stop byte in either word gives nil, the cursor unmoved", arguments: [0x5C, 0x0A, 0xC3, 0x00] as [UInt8])
    func stops(_ stop: UInt8) {
        for index in [0, 7, 8, 14] {
            var text = [UInt8](repeating: UInt8(ascii: "k"), count: 15)
            text[index] = stop
            let (probe, _, position) = Self.read(text, tail: 40)
            #expect(probe == nil && position == 1, "stop \(stop) at \(index)")
        }
    }
}

/// `RecentTexts`: the text it gives for a short plain string is always the string's own, whether kept from an
/// earlier read or made, with texts that share an entry, that differ in one byte or in length only.
@Suite("Recent texts")
struct RecentTextsTests {
    /// The text `texts` gives for the short string `"` + `text` + `"` (with room after it for the block).
    static func read(_ text: String, through texts: RecentTexts) -> String? {
        let line = Array("\"\(text)\"".utf8) + [UInt8](repeating: UInt8(ascii: " "), count: 16)
        return line.withUnsafeBufferPointer { buffer -> String? in
            guard var cursor = DirectRecordReader.Cursor(buffer: buffer, position: 0, end: buffer.count),
                  let probe = cursor.shortString() else { return nil }
            return texts.text(probe, in: buffer)
        }
    }

    @Test("each text read back as itself, in any order, again and again")
    func textsReadBack() {
        let texts = RecentTexts()
        defer { texts.free() }
        // more texts than entries: some share one, and take it from each other
        var words = ["", "#", "#a", "#NSC", "#D66", "#landbouw", "#begroting", "#onderwijs", "#energie_2030", "#abcdefghijklmn"]
        for length in 1...15 {
            words.append(String(repeating: "x", count: length))
            words.append(String(repeating: "x", count: length - 1) + "y")
            words.append("y" + String(repeating: "x", count: length - 1))
        }
        for index in 0..<200 { words.append("#tag\(index)") }
        var generator = SystemRandomNumberGenerator()
        for round in 0..<4 {
            let order = round == 0 ? words : words.shuffled(using: &generator)
            for word in order {
                #expect(Self.read(word, through: texts) == word, "\(word) in round \(round)")
            }
        }
    }
}
