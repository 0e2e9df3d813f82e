extension DirectRecordReader {
    /// A position in the bytes of one line, with the JSON scalars read exactly as `JSONParser` reads them;
    /// anything `JSONParser` would refuse (or that is not worth reading here) throws `Unusual`.
    struct Cursor {
        let buffer: UnsafeBufferPointer<UInt8>
        /// The first byte of `buffer`, never nil (a cursor is made only over a buffer that has bytes): the
        /// word-at-a-time reads below load from it without testing the buffer's optional address each time.
        let base: UnsafePointer<UInt8>
        var position: Int
        let end: Int
        /// The first byte of 0x80 or more read so far (`Int.max`: none). Outside strings the grammar allows
        /// ASCII only, so once a record is read the bytes before this one are all ASCII.
        var firstNonASCII = Int.max
        /// Spare lists that the lists of values read are read into (see `SpareLists`), when the reader
        /// was given a room.
        var spareLists: UnsafeMutablePointer<SpareLists>?
        /// The source whose bytes are read, when texts may be read in place (lent for the reading).
        var source: Unmanaged<SourceText>?
        /// Whether a text of the record being read was read in place (see `textSlot(offset:)`).
        var textsInPlace = false
        /// Where the last long text read in place that holds no `#` starts (-1: none), as the scan for its end
        /// found (see `longTextSlot(offset:)`): `Derivations` finds no hashtags in it without looking again.
        var textWithoutHash: Int32 = -1
        /// The slots of the record being read that its members have filled so far: kept here, where the member
        /// loop reaches them through the cursor it holds, rather than through a pointer of their own.
        var filledSlots = SlotSet()
        /// The slots of the record being read that hold something counted (see `SlotHeader.counted`).
        var countedSlots = SlotSet()

        /// A cursor at `position` of `buffer`, which ends the line at `end`; nil for a buffer without bytes.
        init?(buffer: UnsafeBufferPointer<UInt8>, position: Int, end: Int) {
            guard let base = buffer.baseAddress else { return nil }
            self.buffer = buffer
            self.base = base
            self.position = position
            self.end = end
        }

        /// Notes a byte of 0x80 or more at `index`.
        @inline(__always)
        mutating func noteNonASCII(at index: Int) {
            if index < firstNonASCII { firstNonASCII = index }
        }

        /// The byte at the cursor, or 0 at the end of the line.
        var peek: UInt8 { position < end ? buffer[position] : 0 }

        /// The first byte at or after the cursor that is not white space (0 at the end of the line), with the
        /// cursor moved to it: most often the byte at the cursor, looked at once.
        @inline(__always)
        mutating func skipWhitespaceAndPeek() -> UInt8 {
            if position < end {
                let byte = buffer[position]
                if byte > 0x20 { return byte }
            }
            skipWhitespace()
            return peek
        }

        @inline(__always)
        mutating func skipWhitespace() {
            if position < end, buffer[position] > 0x20 { return }
            while position < end {
                let byte = buffer[position]
                if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 } else { break }
            }
        }

        /// Whether `buffer[range]` is `word`.
        func matches(_ range: Range<Int>, _ word: StaticString) -> Bool {
            word.withUTF8Buffer { literal in
                guard literal.count == range.count else { return false }
                for index in 0..<literal.count where literal[index] != buffer[range.lowerBound + index] { return false }
                return true
            }
        }

        /// A short plain string in double quotes at the cursor (fewer than sixteen bytes, none of them a
        /// quote, a backslash, a control character or a byte of 0x80 or more, and sixteen bytes of the line
        /// after the opening quote) as a probe for `ByteKeyTables`, with the cursor moved past it; nil
        /// otherwise (and on big-endian machines), with the cursor where it was.
        @inline(__always)
        mutating func shortString() -> ByteKeyTables.Probe? {
            #if _endian(little)
            // the cursor is never before the line nor past its end (and the line ends within the buffer): the
            // block's end within the line is the one check needed, and no sum can overflow
            let start = position &+ 1
            guard start &+ 16 <= end, base[position] == UInt8(ascii: "\""),
                  let probe = Self.blockProbe(UnsafeRawPointer(base), at: start),
                  base[start &+ probe.length] == UInt8(ascii: "\"") else { return nil }
            position = start &+ probe.length &+ 1
            return probe
            #else
            return nil
            #endif
        }

        /// `shortString()` for a key followed at once by its colon (`"role":`, as JSON Lines are mostly
        /// written), with the cursor moved past the colon: the closing quote and the colon compared as one
        /// 16-bit word rather than the colon looked for after the key. Nil otherwise, with the cursor where it
        /// was; a key with white space before its colon, or within seventeen bytes of the line's end, is then
        /// read the general way.
        @inline(__always)
        mutating func shortKey() -> ByteKeyTables.Probe? {
            #if _endian(little)
            // seventeen bytes of the line after the opening quote: the block, and the colon after a key of
            // fifteen bytes; as in `shortString()`, no other check is needed and no sum can overflow
            let start = position &+ 1
            let raw = UnsafeRawPointer(base)
            guard start &+ 17 <= end, base[position] == UInt8(ascii: "\""),
                  let probe = Self.blockProbe(raw, at: start),
                  // `":` as a little-endian word
                  raw.loadUnaligned(fromByteOffset: start &+ probe.length, as: UInt16.self) == 0x3A22 else { return nil }
            position = start &+ probe.length &+ 2
            return probe
            #else
            return nil
            #endif
        }

        /// What the key written at the cursor leads to in `lookup` (of `tables`), followed at once by its
        /// colon (`"role":`, as JSON Lines are mostly written), with the cursor moved past the colon: the key, its
        /// closing quote and the colon compared with the table's as they are written, without first finding where
        /// the key ends (see `WrittenKeyTables`). Nil otherwise, with the cursor where it was; the key is then read
        /// by `shortKey()` or the general way.
        @inline(__always)
        mutating func writtenKey(_ tables: WrittenKeyTables<NodeInfo>, _ lookup: WrittenKeyTables<NodeInfo>.Lookup) -> NodeInfo? {
            // sixteen bytes of the line after the opening quote: the two words `match` loads; as in `shortString()`,
            // no other check is needed and no sum can overflow
            let start = position &+ 1
            guard start &+ 16 <= end, base[position] == UInt8(ascii: "\""),
                  let found = tables.match(in: lookup, UnsafeRawPointer(base), at: start, end: end) else { return nil }
            position = start &+ found.length
            return found.value
        }

        /// The case of enumeration `index` written at the cursor as one of its spellings in `tables` between
        /// quotes, with the cursor moved past the closing quote; nil otherwise (with the cursor where it was),
        /// and the value is then read by `plainSymbol` or the general way.
        @inline(__always)
        mutating func writtenSymbol(_ tables: WrittenKeyTables<Int32>, _ index: Int) -> Int32? {
            let start = position &+ 1
            guard start &+ 16 <= end, base[position] == UInt8(ascii: "\""), let lookup = tables.lookup(index),
                  let found = tables.match(in: lookup, UnsafeRawPointer(base), at: start, end: end) else { return nil }
            position = start &+ found.length
            return found.value
        }

        /// The plain run at the start of the sixteen bytes at `start` (up to its first string stop) as a probe
        /// for `ByteKeyTables`, when a stop ends it within the block; nil when the block has none. Whether the
        /// stop is the closing quote is left to the caller.
        @inline(__always)
        private static func blockProbe(_ raw: UnsafeRawPointer, at start: Int) -> ByteKeyTables.Probe? {
            let block = raw.loadUnaligned(fromByteOffset: start, as: SIMD16<Int8>.self)
            let stops = ByteScan.stringStopLanes(block)
            let words = unsafeBitCast(block, to: SIMD2<UInt64>.self)
            if stops[0] != 0 {
                let length = stops[0].trailingZeroBitCount / 8
                let word = words[0] & ((1 &<< UInt64(8 * length)) &- 1)
                return ByteKeyTables.Probe(first: word, last: word, length: length, start: start)
            }
            if stops[1] != 0 {
                let length = 8 &+ stops[1].trailingZeroBitCount / 8
                let last = raw.loadUnaligned(fromByteOffset: start &+ length &- 8, as: UInt64.self)
                return ByteKeyTables.Probe(first: words[0], last: last, length: length, start: start)
            }
            return nil
        }

        /// `shortString()` for a plain string of sixteen to thirty-one bytes (as `communication-advisor`), with
        /// thirty-two bytes of the line after the opening quote: read from two blocks of sixteen bytes, the first
        /// without a stop, as a probe for `ByteKeyTables` with the cursor moved past it; nil otherwise (and on
        /// big-endian machines), with the cursor where it was.
        @inline(__always)
        mutating func mediumString() -> ByteKeyTables.Probe? {
            #if _endian(little)
            // as in `shortString()`: the blocks' end within the line is the one check needed
            let start = position &+ 1
            guard start &+ 32 <= end, base[position] == UInt8(ascii: "\"") else { return nil }
            let raw = UnsafeRawPointer(base)
            let block = raw.loadUnaligned(fromByteOffset: start, as: SIMD16<Int8>.self)
            let firstStops = ByteScan.stringStopLanes(block)
            guard firstStops[0] | firstStops[1] == 0 else { return nil }
            let secondStops = ByteScan.stringStopLanes(raw.loadUnaligned(fromByteOffset: start &+ 16, as: SIMD16<Int8>.self))
            let length: Int
            if secondStops[0] != 0 {
                length = 16 &+ secondStops[0].trailingZeroBitCount / 8
            } else if secondStops[1] != 0 {
                length = 24 &+ secondStops[1].trailingZeroBitCount / 8
            } else {
                return nil
            }
            guard base[start &+ length] == UInt8(ascii: "\"") else { return nil }
            let first = unsafeBitCast(block, to: SIMD2<UInt64>.self)[0]
            let last = raw.loadUnaligned(fromByteOffset: start &+ length &- 8, as: UInt64.self)
            position = start &+ length &+ 1
            return ByteKeyTables.Probe(first: first, last: last, length: length, start: start)
            #else
            return nil
            #endif
        }

        /// A date written as ten bytes between quotes at the cursor (`"YYYY-MM-DD"`), wherever it is on the
        /// line (at its end too, where `shortString()` has no room for its block), with the cursor moved past
        /// it; nil otherwise, with the cursor where it was. The bytes of a date are digits and dashes, none of
        /// them a quote, a backslash, a control character or a byte of 0x80 or more: the string is those ten
        /// bytes, as `stringBytes()` would give them.
        @inline(__always)
        mutating func plainDate() -> Int32? {
            let start = position &+ 1
            guard start &+ 11 <= end, base[position] == UInt8(ascii: "\""),
                  base[start &+ 10] == UInt8(ascii: "\""),
                  let day = CivilDate.parse(tenBytesAt: UnsafeRawPointer(base + start)) else { return nil }
            position = start &+ 11
            return day
        }

        /// The case of enumeration `index` written at the cursor as a short plain string that is one of its
        /// spellings in `spellings`, with the cursor moved past it; nil otherwise, with the cursor where it
        /// was (the value is then read the general way).
        @inline(__always)
        mutating func plainSymbol(_ spellings: ByteKeyTables, _ index: Int) -> Int32? {
            let start = position
            if let probe = shortString() {
                if let found = spellings.value(in: index, probe, buffer) { return found }
                position = start
                return nil
            }
            return plainLongerSymbol(spellings, index)
        }

        /// `plainSymbol` for a spelling that `shortString()` does not take: sixteen bytes or longer (as
        /// `communication-advisor`), or too near the end of the line for its block. Its plain run is
        /// scanned up to the first string stop; only when that is the closing quote are its bytes looked
        /// up as they are (the first thing `symbol(_:_:enumeration:)` would do with them); otherwise nil,
        /// with the cursor where it was.
        @inline(never)
        mutating func plainLongerSymbol(_ spellings: ByteKeyTables, _ index: Int) -> Int32? {
            let before = position
            if let probe = mediumString() {
                if let found = spellings.value(in: index, probe, buffer) { return found }
                position = before
                return nil
            }
            guard position < end, buffer[position] == UInt8(ascii: "\"") else { return nil }
            let start = position + 1
            let stop = ByteScan.firstStringStop(buffer, from: start, to: end)
            guard stop < end, buffer[stop] == UInt8(ascii: "\""),
                  let found = spellings.value(in: index, buffer, start..<stop) else { return nil }
            position = stop + 1
            return found
        }

        /// The bytes of a key in double quotes at the cursor. A key with an escape or a control character
        /// throws; other bytes are taken as they are (a key only counts when it equals a key of the vocabulary).
        mutating func plainKey() throws(Unusual) -> Range<Int> {
            guard peek == UInt8(ascii: "\"") else { throw Unusual() }
            let start = position + 1
            var scan = start
            while true {
                scan = ByteScan.firstStringStop(buffer, from: scan, to: end)
                guard scan < end else { throw Unusual() }
                let byte = buffer[scan]
                if byte == UInt8(ascii: "\"") {
                    position = scan + 1
                    return start..<scan
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { throw Unusual() }
                noteNonASCII(at: scan)
                scan += 1
            }
        }

        /// A string at the cursor: the range of its bytes when they are the text itself, otherwise the
        /// decoded bytes (escapes resolved exactly as `JSONParser` resolves them). UTF-8 is validated. The
        /// caller may know that the bytes before `plainUpTo` (within the string) are plain, none of them a
        /// string stop: the scan then goes on from there.
        mutating func stringBytes(plainUpTo known: Int? = nil) throws(Unusual) -> (raw: Range<Int>, decoded: [UInt8]?) {
            guard peek == UInt8(ascii: "\"") else { throw Unusual() }
            let start = position + 1
            var scan = known ?? start
            while true {
                scan = ByteScan.firstStringStop(buffer, from: scan, to: end)
                guard scan < end else { throw Unusual() }
                let byte = buffer[scan]
                if byte == UInt8(ascii: "\"") {
                    position = scan + 1
                    return (start..<scan, nil)
                }
                if byte == UInt8(ascii: "\\") { break }
                if byte < 0x20 { throw Unusual() }
                noteNonASCII(at: scan)
                scan += try sequenceLength(at: scan)
            }
            var bytes = Array(UnsafeBufferPointer(rebasing: buffer[start..<scan]))
            bytes.reserveCapacity(scan - start + 16)
            position = scan
            while true {
                guard position < end else { throw Unusual() }
                let byte = buffer[position]
                if byte == UInt8(ascii: "\"") {
                    position += 1
                    return (start..<position - 1, bytes)
                }
                if byte < 0x20 { throw Unusual() }
                if byte == UInt8(ascii: "\\") {
                    position += 1
                    guard position < end else { throw Unusual() }
                    let escape = buffer[position]
                    position += 1
                    if let simple = JSONParser.simpleEscape(escape) {
                        bytes.append(simple)
                    } else if escape == UInt8(ascii: "u") {
                        Self.appendUTF8(try unicodeEscape(), to: &bytes)
                    } else {
                        throw Unusual()
                    }
                    continue
                }
                if byte < 0x80 {
                    bytes.append(byte)
                    position += 1
                    continue
                }
                noteNonASCII(at: position)
                let length = try sequenceLength(at: position)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[position..<position + length]))
                position += length
            }
        }

        /// A string value at the cursor. A short plain one (see `shortString()`) is taken from one block of
        /// sixteen bytes without the byte-by-byte scan and validation of `stringBytes()`, whose result it equals.
        mutating func string() throws(Unusual) -> String {
            if let probe = shortString() {
                return Self.string(UnsafeBufferPointer(rebasing: buffer[probe.start..<probe.start + probe.length]))
            }
            let text = try stringBytes()
            if let decoded = text.decoded { return String(decoding: decoded, as: UTF8.self) }
            return Self.string(UnsafeBufferPointer(rebasing: buffer[text.raw]))
        }

        /// The text of UTF-8 bytes already validated. A short one is built in place (a small string, checked
        /// for ASCII by one mask rather than validated byte by byte); a longer one as `String(decoding:as:)` builds it.
        @inline(__always)
        static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
            guard bytes.count <= 15 else { return String(decoding: bytes, as: UTF8.self) }
            return String(unsafeUninitializedCapacity: bytes.count) { target in
                guard let from = bytes.baseAddress, let to = target.baseAddress else { return 0 }
                to.initialize(from: from, count: bytes.count)
                return bytes.count
            }
        }

        /// The slot of a text at the cursor (or after white space there), written at `offset`: where the text is in the source when its
        /// bytes are the text itself (no escape), else the decoded text as a `String`.
        @inline(__always)
        mutating func textSlot(offset: Int32) throws(Unusual) -> StoredSlot {
            guard let probe = shortString() else { return try longTextSlot(offset: offset) }
            // a short plain text (see `shortString()`): its bytes are the text; it lies within the line, whose
            // end fits in 32 bits (see `DirectRecordReader.read`)
            textsInPlace = true
            return StoredSlot(value: nil, offset: offset, span: SourceSpan(fitting: probe.start..<probe.start &+ probe.length))
        }

        /// `textSlot(offset:)` for a text that `shortString()` does not take. Out of line: the member loop that
        /// reads texts keeps only the short ones' way.
        @inline(never)
        mutating func longTextSlot(offset: Int32) throws(Unusual) -> StoredSlot {
            // the member loop looks for white space after the colon only here, where a value is not taken at once
            skipWhitespace()
            guard position < end, base[position] == UInt8(ascii: "\"") else { throw Unusual() }
            // a longer text of plain ASCII (most texts) is its bytes up to the first string stop, when that is its
            // closing quote; any other stop (an escape, a byte outside ASCII) is read on from there
            let start = position &+ 1
            // the scan stops at a `#` too, at no cost for each block of bytes: a text with one (a few) is scanned on
            // from there, and one read in place without one is noted for the hashtags (see `textWithoutHash`)
            var stop = ByteScan.firstStringStopOrHash(buffer, from: start, to: end)
            let hasHash = stop < end && base[stop] == UInt8(ascii: "#")
            if hasHash { stop = ByteScan.firstStringStop(buffer, from: stop &+ 1, to: end) }
            let range: Range<Int>
            if stop < end, base[stop] == UInt8(ascii: "\"") {
                position = stop &+ 1
                range = start..<stop
                if !hasHash { textWithoutHash = Int32(truncatingIfNeeded: start) }
            } else {
                let text = try stringBytes(plainUpTo: stop)
                if let decoded = text.decoded { return StoredSlot(value: .string(String(decoding: decoded, as: UTF8.self)), offset: offset) }
                range = text.raw
            }
            // the range is within the line, which starts at 0 or later: one check that its end fits in 32 bits
            // (always, for a line `read` reads) rather than both of its bounds checked
            guard range.upperBound <= Int(Int32.max) else {
                return StoredSlot(value: .string(Self.string(UnsafeBufferPointer(rebasing: buffer[range]))), offset: offset)
            }
            textsInPlace = true
            return StoredSlot(value: nil, offset: offset, span: SourceSpan(fitting: range))
        }

        /// A list of strings at the cursor (any other element throws), with where each starts.
        mutating func strings() throws(Unusual) -> (texts: [String], offsets: [Int]) {
            guard peek == UInt8(ascii: "[") else { throw Unusual() }
            position += 1
            skipWhitespace()
            var items: [String] = []
            var offsets: [Int] = []
            if peek == UInt8(ascii: "]") { position += 1; return (items, offsets) }
            while true {
                skipWhitespace()
                offsets.append(position)
                items.append(try string())
                skipWhitespace()
                if peek == UInt8(ascii: ",") { position += 1; continue }
                if peek == UInt8(ascii: "]") { position += 1; return (items, offsets) }
                throw Unusual()
            }
        }

        /// `true` or `false` at the cursor: its first four bytes compared as one word with `true` and with
        /// `fals` (then the `e`), rather than byte by byte.
        mutating func bool() throws(Unusual) -> Bool {
            guard let value = plainBool() else { throw Unusual() }
            return value
        }

        /// `bool()` without the throw, for the member loop: nil, with the cursor where it was, for anything
        /// but `true` or `false`.
        @inline(__always)
        mutating func plainBool() -> Bool? {
            // the cursor is never before the line nor past its end: the word's end within the line is the check
            guard position &+ 4 <= end else { return nil }
            let word = UInt32(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: position, as: UInt32.self))
            // "true" and "fals" as little-endian words
            if word == 0x6575_7274 {
                position &+= 4
                return true
            }
            if word == 0x736C_6166, position &+ 5 <= end, base[position &+ 4] == UInt8(ascii: "e") {
                position &+= 5
                return false
            }
            return nil
        }

        /// A number at the cursor: the grammar `JSONParser` checks, then the same conversion.
        mutating func number() throws(Unusual) -> Double {
            let start = position
            if peek == UInt8(ascii: "-") { position += 1 }
            let integerStart = position
            let integerDigits = digits()
            guard integerDigits > 0 else { throw Unusual() }
            if integerDigits > 1, buffer[integerStart] == 48 { throw Unusual() }
            if peek == UInt8(ascii: ".") {
                position += 1
                guard digits() > 0 else { throw Unusual() }
            }
            if position < end, buffer[position] | 0x20 == UInt8(ascii: "e") {
                position += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { position += 1 }
                guard digits() > 0 else { throw Unusual() }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<position]), as: UTF8.self)
            guard let value = Double(text) else { throw Unusual() }
            return value
        }

        private mutating func digits() -> Int {
            let begin = position
            while position < end, buffer[position] >= 48, buffer[position] <= 57 { position += 1 }
            return position - begin
        }

        /// The scalar of a `\u` escape whose `u` is just behind the cursor (a surrogate pair as one scalar).
        private mutating func unicodeEscape() throws(Unusual) -> UInt32 {
            var scalar = try hex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard position + 1 < end, buffer[position] == UInt8(ascii: "\\"), buffer[position + 1] == UInt8(ascii: "u") else {
                    throw Unusual()
                }
                position += 2
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw Unusual() }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw Unusual()
            }
            return scalar
        }

        private mutating func hex4() throws(Unusual) -> UInt32 {
            guard position + 4 <= end else { throw Unusual() }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = buffer[position]
                let digit: UInt32
                switch byte {
                case 48...57: digit = UInt32(byte - 48)
                case 65...70: digit = UInt32(byte - 55)
                case 97...102: digit = UInt32(byte - 87)
                default: throw Unusual()
                }
                value = value << 4 | digit
                position += 1
            }
            return value
        }

        /// The UTF-8 encoding of a scalar (never a surrogate, at most U+10FFFF).
        private static func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
            switch scalar {
            case 0..<0x80:
                bytes.append(UInt8(scalar))
            case 0x80..<0x800:
                bytes.append(UInt8(0xC0 | scalar >> 6))
                bytes.append(UInt8(0x80 | scalar & 0x3F))
            case 0x800..<0x10000:
                bytes.append(UInt8(0xE0 | scalar >> 12))
                bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
                bytes.append(UInt8(0x80 | scalar & 0x3F))
            default:
                bytes.append(UInt8(0xF0 | scalar >> 18))
                bytes.append(UInt8(0x80 | scalar >> 12 & 0x3F))
                bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
                bytes.append(UInt8(0x80 | scalar & 0x3F))
            }
        }

        /// The length of the valid UTF-8 sequence at `index` (a byte of 0x80 or more), or `Unusual`.
        private func sequenceLength(at index: Int) throws(Unusual) -> Int {
            let lead = buffer[index]
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: throw Unusual()
            }
            guard index + length <= end else { throw Unusual() }
            for offset in 1..<length where buffer[index + offset] & 0xC0 != 0x80 { throw Unusual() }
            let second = buffer[index + 1]
            if lead == 0xE0, second < 0xA0 { throw Unusual() }
            if lead == 0xED, second > 0x9F { throw Unusual() }
            if lead == 0xF0, second < 0x90 { throw Unusual() }
            if lead == 0xF4, second > 0x8F { throw Unusual() }
            return length
        }
    }
}
