import Foundation

/// JSON text written straight into a byte buffer, for output that is produced per record at speed.
///
/// Strings are escaped exactly as `JSONWriter.quote` does (quotes, backslashes, control characters,
/// `<`, `>`, `&`, U+2028 and U+2029 as escapes), so the two writers produce the same text. There is no
/// comma bookkeeping: callers write the punctuation, usually as constant fragments rendered once.
///
/// The writer owns its memory (it cannot be copied, only passed `inout`), so that appending a fragment is
/// a copy into spare room rather than a call through the generic array machinery.
public struct JSONBytes: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// The integer above 9999 written last and its digits (up to 16, in the bytes of two words): in a file of
    /// JSON Lines a record's line number is written again for each piece of its evidence.
    private var recentLong: (value: Int, digits: (UInt64, UInt64), count: Int) = (-1, (0, 0), 0)
    /// Where the memory goes when the text is written out (nil: it is freed); held as an unmanaged
    /// reference, retained here and released by whoever ends up with the memory, since `take()` may only
    /// `discard` a writer whose stored properties need no clean-up.
    private let spare: Unmanaged<OutputBuffers>?

    public init(capacity: Int = 1024) {
        self.capacity = max(64, capacity)
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
        spare = nil
    }

    /// A writer into a block of `spare` with room for at least `capacity` bytes, given back to it once the
    /// text is written out (see `OutputBuffers`).
    init(capacity: Int, from spare: OutputBuffers) {
        (base, self.capacity) = spare.take(capacity: max(64, capacity))
        self.spare = Unmanaged.passRetained(spare)
    }

    deinit {
        if let spare { spare.takeRetainedValue().give(base, capacity: capacity) } else { base.deallocate() }
    }

    /// How many bytes are written so far.
    var written: Int { count }

    /// Calls `body` with the bytes written from `start` on (valid during the call only).
    func withBytes(from start: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        body(UnsafeBufferPointer(start: base + start, count: count - start))
    }

    /// The bytes written so far.
    public var bytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let target = buffer.baseAddress, count > 0 { memcpy(target, base, count) }
            initialized = count
        }
    }

    /// The bytes written, handed over without a copy; the writer is used up.
    public consuming func take() -> RenderedBytes {
        let (base, count, capacity, spare) = (self.base, self.count, self.capacity, self.spare)
        discard self
        return RenderedBytes(taking: base, count: count, capacity: capacity, returningTo: spare?.takeRetainedValue())
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = newCapacity
    }

    /// A place to write into room made before with `cursor(reserving:)`: it writes without checking for
    /// room and keeps its position in a local, and `commit(_:)` takes the bytes written into the count.
    /// Nothing else may be appended between the two.
    struct Cursor {
        fileprivate var position: UnsafeMutablePointer<UInt8>

        /// Writes one byte.
        @inline(__always)
        mutating func put(_ byte: UInt8) {
            position.pointee = byte
            position += 1
        }

        /// Writes bytes as they are.
        @inline(__always)
        mutating func put(_ source: UnsafeBufferPointer<UInt8>) {
            guard let start = source.baseAddress else { return }
            JSONBytes.copy(start, source.count, to: position)
            position += source.count
        }

        /// Writes ASCII text as it is.
        @inline(__always)
        mutating func put(_ text: StaticString) {
            put(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }

        /// Writes a date rendered before (12 bytes).
        @inline(__always)
        mutating func put(_ date: RenderedDate) {
            let target = UnsafeMutableRawPointer(position)
            target.storeBytes(of: date.head.littleEndian, as: UInt64.self)
            (target + 8).storeBytes(of: date.tail.littleEndian, as: UInt32.self)
            position += 12
        }

        /// Writes the members of a line rendered before: 32 bytes stored, of which the text's are taken (the
        /// room made must hold all 32).
        @inline(__always)
        mutating func put(_ line: RenderedLine) {
            let target = UnsafeMutableRawPointer(position)
            target.storeBytes(of: line.blocks.0, as: SIMD16<UInt8>.self)
            (target + 16).storeBytes(of: line.blocks.1, as: SIMD16<UInt8>.self)
            position += line.count
        }

        /// Writes a decimal integer of 0 or more (up to `JSONBytes.longestInteger` bytes): two digits at a time,
        /// copied from `JSONBytes.digitPairs`, each pair split off with one division by a constant (a
        /// multiplication), from the most significant.
        @inline(__always)
        mutating func putCount(_ value: Int) {
            if value < 100 {
                if value < 10 { put(UInt8(truncatingIfNeeded: 48 &+ value)) } else { putPair(value) }
                return
            }
            guard value < 10000 else {
                putLonger(value)
                return
            }
            let high = value / 100
            if high < 10 { put(UInt8(truncatingIfNeeded: 48 &+ high)) } else { putPair(high) }
            putPair(value &- high &* 100)
        }

        /// Writes the two digits of `value` (0 to 99), `05` for 5.
        @inline(__always)
        private mutating func putPair(_ value: Int) {
            let pair = UnsafeRawPointer(JSONBytes.digitPairs.utf8Start).loadUnaligned(fromByteOffset: 2 &* value, as: UInt16.self)
            UnsafeMutableRawPointer(position).storeBytes(of: pair, as: UInt16.self)
            position += 2
        }

        /// Writes an integer of 10000 or more: below 10^8 (the line numbers of a large batch) as the digits
        /// above the last four, then those four as two pairs; from 10^8 digits made from the right by dividing
        /// by ten, once their number is known.
        private mutating func putLonger(_ value: Int) {
            if value < 100_000_000 {
                let high = value / 10000
                let low = value &- high &* 10000
                putCount(high)
                let lowHigh = low / 100
                putPair(lowHigh)
                putPair(low &- lowHigh &* 100)
                return
            }
            var digits = 9
            var limit = 1_000_000_000
            while digits < 19, value >= limit {
                digits += 1
                limit = limit &* 10
            }
            var rest = value
            var at = position + digits
            while at > position {
                at -= 1
                let next = rest / 10
                at.pointee = UInt8(truncatingIfNeeded: 48 &+ (rest &- next &* 10))
                rest = next
            }
            position += digits
        }
    }

    /// The two digits of every number from 0 to 99, one after another: `00`, `01`, … `99`.
    static var digitPairs: StaticString {
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
    }

    /// The most bytes `Cursor.putCount` writes.
    static let longestInteger = 19

    /// Makes room for `extra` more bytes and returns a cursor at the end of the text, to write them with.
    @inline(__always)
    mutating func cursor(reserving extra: Int) -> Cursor {
        reserve(extra)
        return Cursor(position: base + count)
    }

    /// Takes the bytes written through `cursor` (made by `cursor(reserving:)`) into the text.
    @inline(__always)
    mutating func commit(_ cursor: Cursor) {
        count = cursor.position - base
    }

    /// Copies `length` bytes from `from` to `target` without a loop or a call up to 64 bytes: two words (or
    /// half words) that overlap in the middle for 4 to 16 bytes, two blocks of sixteen that overlap for 17 to
    /// 32 (a fact path, a value's member), four for 33 to 64; `memcpy` for more (a rule's fragments), whose
    /// call and choice of a way to copy cost more than the copy itself for a few dozen bytes.
    @inline(__always)
    fileprivate static func copy(_ start: UnsafePointer<UInt8>, _ length: Int, to target: UnsafeMutablePointer<UInt8>) {
        let from = UnsafeRawPointer(start), to = UnsafeMutableRawPointer(target)
        if length <= 16 {
            if length >= 8 {
                to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
                (to + length - 8).storeBytes(of: from.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self), as: UInt64.self)
            } else if length >= 4 {
                to.storeBytes(of: from.loadUnaligned(as: UInt32.self), as: UInt32.self)
                (to + length - 4).storeBytes(of: from.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self), as: UInt32.self)
            } else {
                for index in 0..<length { target[index] = start[index] }
            }
        } else if length <= 32 {
            // all sixteen-byte loads before the stores: the source and the target never overlap, but the
            // compiler need not know it
            let head = from.loadUnaligned(as: SIMD16<UInt8>.self)
            let tail = from.loadUnaligned(fromByteOffset: length - 16, as: SIMD16<UInt8>.self)
            to.storeBytes(of: head, as: SIMD16<UInt8>.self)
            (to + length - 16).storeBytes(of: tail, as: SIMD16<UInt8>.self)
        } else if length <= 64 {
            let first = from.loadUnaligned(as: SIMD16<UInt8>.self)
            let second = from.loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self)
            let third = from.loadUnaligned(fromByteOffset: length - 32, as: SIMD16<UInt8>.self)
            let fourth = from.loadUnaligned(fromByteOffset: length - 16, as: SIMD16<UInt8>.self)
            to.storeBytes(of: first, as: SIMD16<UInt8>.self)
            (to + 16).storeBytes(of: second, as: SIMD16<UInt8>.self)
            (to + length - 32).storeBytes(of: third, as: SIMD16<UInt8>.self)
            (to + length - 16).storeBytes(of: fourth, as: SIMD16<UInt8>.self)
        } else {
            memcpy(to, from, length)
        }
    }

    /// Appends one byte.
    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        reserve(1)
        put(byte)
    }

    /// Appends one byte into room reserved before.
    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    /// Appends raw bytes.
    @inline(__always)
    private mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let start = source.baseAddress, !source.isEmpty else { return }
        let length = source.count
        reserve(length)
        Self.copy(start, length, to: base + count)
        count += length
    }

    /// Appends text as it is (a constant fragment, or JSON rendered before).
    @inline(__always)
    public mutating func raw(_ fragment: [UInt8]) {
        fragment.withUnsafeBufferPointer { append($0) }
    }

    /// Appends the UTF-8 of text as it is (text rendered by a reporter that writes strings).
    public mutating func raw(utf8 text: String) {
        withUTF8(text) { json, bytes in json.append(bytes) }
    }

    /// Runs `body` on the UTF-8 of `text`, in place when the string has it contiguous (native and small
    /// strings), so that no copy of the string is made and checked for uniqueness.
    @inline(__always)
    private mutating func withUTF8(_ text: String, _ body: (inout JSONBytes, UnsafeBufferPointer<UInt8>) -> Void) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { body(&self, $0) }
        if done == nil {
            var text = text
            text.withUTF8 { body(&self, $0) }
        }
    }

    /// Appends JSON rendered before, as it is.
    @inline(__always)
    mutating func raw(_ rendered: UnsafeBufferPointer<UInt8>) {
        append(rendered)
    }

    /// Appends ASCII text as it is.
    @inline(__always)
    public mutating func raw(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends `fragment` (such as `,"hint":`) and the quoted value, when there is a value.
    public mutating func member(_ fragment: StaticString, _ value: String?) {
        guard let value else { return }
        raw(fragment)
        quoted(value)
    }

    /// Appends `fragment` (such as `,"line":`) and the number, when there is a number.
    public mutating func member(_ fragment: StaticString, _ value: Int?) {
        guard let value else { return }
        raw(fragment)
        integer(value)
    }

    /// Appends a string literal with its quotes.
    public mutating func quoted(_ text: String) {
        withUTF8(text) { json, bytes in json.appendQuoted(bytes) }
    }

    /// Appends the text whose UTF-8 bytes are `utf8` (valid UTF-8), quoted and escaped as `quoted(_:)` does.
    mutating func quoted(utf8: UnsafeBufferPointer<UInt8>) {
        appendQuoted(utf8)
    }

    /// Appends a decimal integer.
    @inline(__always)
    public mutating func integer(_ value: Int) {
        if value >= 0, value < 10000 {
            // line, column and offset numbers are mostly short: their digits without a loop or a call
            reserve(4)
            var out = Cursor(position: base + count)
            out.putCount(value)
            commit(out)
        } else {
            longInteger(value)
        }
    }

    /// Appends an integer below 0 or above 9999: digits made from the right by dividing by ten (a
    /// constant, so a multiplication), written in place once their number is known; the same number as
    /// the last time is copied from `recentLong`.
    private mutating func longInteger(_ value: Int) {
        guard value >= 0 else {
            var text = String(value)
            text.withUTF8 { append($0) }
            return
        }
        if value == recentLong.value || (value == recentLong.value &+ 1 && Self.increment(&recentLong)) {
            let digitCount = recentLong.count
            reserve(digitCount)
            withUnsafeBytes(of: recentLong.digits) { digits in
                guard let source = digits.baseAddress else { return }
                memcpy(base + count, source, digitCount)
            }
            count += digitCount
            return
        }
        var digits = 1
        var rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        reserve(digits)
        rest = value
        var position = count + digits
        while position > count {
            position -= 1
            base[position] = UInt8(truncatingIfNeeded: 48 &+ rest % 10)
            rest /= 10
        }
        if digits <= 16 {
            var kept: (UInt64, UInt64) = (0, 0)
            let start = base + count
            withUnsafeMutableBytes(of: &kept) { room in
                guard let target = room.baseAddress else { return }
                memcpy(target, start, digits)
            }
            recentLong = (value, kept, digits)
        }
        count += digits
    }

    /// Adds one to the kept number and its digits, unless that takes another digit (then returns false
    /// and leaves it as it was): the next record's line number is the last one's plus one.
    private static func increment(_ recent: inout (value: Int, digits: (UInt64, UInt64), count: Int)) -> Bool {
        var digits = recent.digits
        let count = recent.count
        let carried = withUnsafeMutableBytes(of: &digits) { bytes -> Bool in
            var position = count - 1
            while position >= 0 {
                if bytes[position] != UInt8(ascii: "9") {
                    bytes[position] += 1
                    return false
                }
                bytes[position] = UInt8(ascii: "0")
                position -= 1
            }
            return true
        }
        guard !carried else { return false }
        recent = (recent.value + 1, digits, count)
        return true
    }

    /// Appends a day number as a quoted `"YYYY-MM-DD"`.
    public mutating func quotedDate(_ dayNumber: Int32) {
        if let date = RenderedDate(dayNumber) {
            raw(date)
        } else {
            quoted(CivilDate.format(dayNumber))
        }
    }

    /// A day's quoted `"YYYY-MM-DD"` (12 bytes) kept as two words, to be written with two stores.
    public struct RenderedDate: Sendable {
        /// The day written.
        public let dayNumber: Int32
        /// The first eight bytes, `"YYYY-MM`, the first byte lowest.
        fileprivate let head: UInt64
        /// The last four bytes, `-DD"`, the first byte lowest.
        fileprivate let tail: UInt32

        /// The text of a day, or nil for a year before 0 or after 9999 (not four digits).
        public init?(_ dayNumber: Int32) {
            let (year, month, day) = CivilDate.civilFromDays(Int(dayNumber))
            guard (0...9999).contains(year) else { return nil }
            @inline(__always) func digit(_ value: Int) -> UInt64 { UInt64(truncatingIfNeeded: 48 &+ value) }
            let quote = UInt64(UInt8(ascii: "\"")), dash = UInt64(UInt8(ascii: "-"))
            self.dayNumber = dayNumber
            head = quote | digit(year / 1000) << 8 | digit(year / 100 % 10) << 16 | digit(year / 10 % 10) << 24
                | digit(year % 10) << 32 | dash << 40 | digit(month / 10) << 48 | digit(month % 10) << 56
            tail = UInt32(truncatingIfNeeded: dash | digit(day / 10) << 8 | digit(day % 10) << 16 | quote << 24)
        }
    }

    /// `,"line":N,"column":` for one line number, kept as two blocks of sixteen bytes, to be written with two
    /// stores: in a file of JSON Lines a record's line number is written in its head and again for each piece
    /// of its evidence, which would otherwise each put both keys and split the digits off again. It is made
    /// for each record, mostly from the last record's by adding one to its last digit.
    struct RenderedLine {
        /// The line written, or -1 for none (a line whose text would not fit in 32 bytes is not rendered).
        private(set) var line = -1
        fileprivate var blocks = (SIMD16<UInt8>(), SIMD16<UInt8>())
        /// How many of the 32 bytes are the text.
        fileprivate var count = 0

        /// None yet.
        init() {}

        /// The members of `line`; lines below 0 or of fifteen digits or more (which with the keys' 18 bytes
        /// would not fit) are not rendered.
        private init(_ line: Int) {
            guard line >= 0, line < 100_000_000_000_000 else { return }
            count = withUnsafeMutableBytes(of: &blocks) { room -> Int in
                guard let start = room.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
                var out = Cursor(position: start)
                out.put(",\"line\":")
                out.putCount(line)
                out.put(",\"column\":")
                return out.position - start
            }
            self.line = line
        }

        /// Makes these the members of `line`: the line after the one they are of by adding one to the last
        /// digit (unless it is a 9: one line in ten), any other rendered afresh.
        @inline(__always)
        mutating func set(_ line: Int) {
            guard line != self.line else { return }
            if line == self.line &+ 1, self.line >= 0 {
                // the last digit comes just before `,"column":` (10 bytes)
                let last = count &- 11
                let added = withUnsafeMutableBytes(of: &blocks) { bytes -> Bool in
                    guard bytes[last] != UInt8(ascii: "9") else { return false }
                    bytes[last] &+= 1
                    return true
                }
                if added {
                    self.line = line
                    return
                }
            }
            render(line)
        }

        /// `set` for a line that is not the next: rendered afresh.
        @inline(never)
        private mutating func render(_ line: Int) {
            self = RenderedLine(line)
        }
    }

    /// Appends a date rendered before.
    @inline(__always)
    public mutating func raw(_ date: RenderedDate) {
        reserve(12)
        let target = UnsafeMutableRawPointer(base + count)
        target.storeBytes(of: date.head.littleEndian, as: UInt64.self)
        (target + 8).storeBytes(of: date.tail.littleEndian, as: UInt32.self)
        count += 12
    }

    /// A string literal with its quotes, as bytes (for fragments rendered once).
    public static func quoted(_ text: String) -> [UInt8] {
        var writer = JSONBytes(capacity: text.utf8.count + 2)
        writer.quoted(text)
        return writer.bytes
    }

    /// Appends text as the inside of a JSON string (escaped, without the quotes): pieces escaped one
    /// after another read as the whole escaped at once, since escapes never span a character.
    public mutating func escaped(_ text: String) {
        withUTF8(text) { json, bytes in json.appendEscaped(bytes) }
    }

    /// Appends a string literal: room for the text and both quotes is made once, and text of at most 32
    /// bytes that needs no escape (fact paths, values, matches: most of what is quoted per record) is
    /// copied as it is with its quotes through a cursor, without the scan and its loop.
    private mutating func appendQuoted(_ text: UnsafeBufferPointer<UInt8>) {
        reserve(text.count + 2)
        if Self.isPlainASCII(upTo32: text) {
            var out = Cursor(position: base + count)
            out.put(UInt8(ascii: "\""))
            out.put(text)
            out.put(UInt8(ascii: "\""))
            commit(out)
            return
        }
        put(UInt8(ascii: "\""))
        appendEscaped(text)
        append(UInt8(ascii: "\""))
    }

    /// Whether `text` is at most 32 bytes, all copied as they are: up to sixteen tested as
    /// `isShortPlainASCII` tests them, 17 to 32 as two blocks of sixteen that overlap, whose lanes that are
    /// not plain (see `specialLanes`) are taken together.
    @inline(__always)
    static func isPlainASCII(upTo32 text: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = text.count
        guard length > 16 else { return isShortPlainASCII(text) }
        guard length <= 32, let start = text.baseAddress else { return false }
        let from = UnsafeRawPointer(start)
        return noneSpecial(specialLanes(from.loadUnaligned(as: SIMD16<Int8>.self))
            | specialLanes(from.loadUnaligned(fromByteOffset: length - 16, as: SIMD16<Int8>.self)))
    }

    /// Whether `specialLanes` marked no byte.
    @inline(__always)
    private static func noneSpecial(_ lanes: SIMD2<UInt64>) -> Bool {
        lanes[0] | lanes[1] == 0
    }

    /// Whether `text` is at most sixteen bytes, all copied as they are: the text is read as two words that
    /// overlap (8 to 16 bytes), tested together as a block of sixteen, or as a word tested alone: two
    /// four-byte halves that overlap (4 to 7), or byte by byte into a word of spaces (below 4).
    @inline(__always)
    static func isShortPlainASCII(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = text.baseAddress else { return true }
        let length = text.count
        let from = UnsafeRawPointer(start)
        if length >= 8 {
            guard length <= 16 else { return false }
            // the two words as one block of sixteen: one vector test costs a third of two tests of words
            let block = SIMD2<UInt64>(from.loadUnaligned(as: UInt64.self), from.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self))
            return noneSpecial(specialLanes(unsafeBitCast(block, to: SIMD16<Int8>.self)))
        }
        if length >= 4 {
            // two four-byte halves that overlap in the middle
            let low = UInt64(from.loadUnaligned(as: UInt32.self))
            let high = UInt64(from.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self))
            return isPlainASCII(low | high << 32)
        }
        var word = 0x2020_2020_2020_2020 as UInt64
        for index in 0..<length {
            word = word << 8 | UInt64(start[index])
        }
        return isPlainASCII(word)
    }

    private mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        var start = 0
        var index = 0
        let count = text.count
        let words = UnsafeRawBufferPointer(text)
        while index < count {
            #if _endian(little)
            if index &+ 16 <= count {
                // sixteen bytes at a time, then straight to the first that is not plain ASCII (the lanes are
                // little-endian words: the lowest set byte is the first)
                let lanes = Self.specialLanes(words.loadUnaligned(fromByteOffset: index, as: SIMD16<Int8>.self))
                if lanes[0] != 0 {
                    index &+= lanes[0].trailingZeroBitCount / 8
                } else if lanes[1] != 0 {
                    index &+= 8 &+ lanes[1].trailingZeroBitCount / 8
                } else {
                    index &+= 16
                    continue
                }
            } else if count >= 16 {
                // fewer than sixteen bytes left: the last sixteen of the text, without the lanes of those before
                // `index` (1 to 15 of them, already passed), then straight to the first left that is not plain
                let last = count &- 16
                let passed = index &- last
                var lanes = Self.specialLanes(words.loadUnaligned(fromByteOffset: last, as: SIMD16<Int8>.self))
                if passed >= 8 {
                    lanes[0] = 0
                    lanes[1] &= ~0 << UInt64(8 &* (passed &- 8))
                } else {
                    lanes[0] &= ~0 << UInt64(8 &* passed)
                }
                if lanes[0] != 0 {
                    index = last &+ lanes[0].trailingZeroBitCount / 8
                } else if lanes[1] != 0 {
                    index = last &+ 8 &+ lanes[1].trailingZeroBitCount / 8
                } else {
                    index = count
                    continue
                }
            } else if index + 8 <= count, Self.isPlainASCII(words.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                // eight plain ASCII bytes at a time in a text shorter than sixteen
                index += 8
                continue
            }
            #else
            if index + 8 <= count, Self.isPlainASCII(words.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
                continue
            }
            #endif
            let byte = text[index]
            if Self.isPlain(byte) {
                index += 1
                continue
            }
            let escape: StaticString?
            var length = 1
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x3C: escape = "\\u003c"
            case 0x3E: escape = "\\u003e"
            case 0x26: escape = "\\u0026"
            case 0xC2 where index + 1 < count && text[index + 1] >= 0x80 && text[index + 1] <= 0x9F:
                escape = nil
                length = 2
            case 0xE2 where index + 2 < count && text[index + 1] == 0x80 && (text[index + 2] == 0xA8 || text[index + 2] == 0xA9):
                escape = text[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                length = 3
            default:
                if byte < 0x20 || byte == 0x7F {
                    escape = nil
                } else {
                    index += 1
                    continue
                }
            }
            if start < index { append(UnsafeBufferPointer(rebasing: text[start..<index])) }
            if let escape {
                raw(escape)
            } else {
                // a control character (C0, DEL or C1) as \u00xx in lower-case hex
                let value = length == 2 ? text[index + 1] : byte
                raw("\\u00")
                append(Self.hexDigit(value >> 4))
                append(Self.hexDigit(value & 0x0F))
            }
            index += length
            start = index
        }
        if start < count { append(UnsafeBufferPointer(rebasing: text[start..<count])) }
    }

    /// The bytes among sixteen that `isPlainASCII` would not pass (a byte of 0x80 and up, below 0x20, or one of
    /// `"` `\\` `<` `>` `&` DEL), as a byte of all ones for each, in two little-endian words: the first eight
    /// bytes, then the last eight. Vector compares, as in `ByteScan.stringStopLanes`: as signed bytes, those of
    /// 0x80 and up are negative, so `< 0x20` takes them with the control characters; `"` (0x22) and `&` (0x26)
    /// are one bit apart and found with one compare after that bit is set, and so are `<` (0x3C) and `>` (0x3E).
    @inline(__always)
    static func specialLanes(_ block: SIMD16<Int8>) -> SIMD2<UInt64> {
        let quoteOrAmpersand = (block | SIMD16<Int8>(repeating: 0x04)) .== SIMD16<Int8>(repeating: 0x26)
        let angles = (block | SIMD16<Int8>(repeating: 0x02)) .== SIMD16<Int8>(repeating: 0x3E)
        let mask = quoteOrAmpersand .| angles .| (block .== SIMD16<Int8>(repeating: 0x5C))
            .| (block .== SIMD16<Int8>(repeating: 0x7F)) .| (block .< SIMD16<Int8>(repeating: 0x20))
        return unsafeBitCast(mask, to: SIMD2<UInt64>.self)
    }

    /// Whether eight bytes are all ASCII and copied as they are: no byte of 0x80 and up, below 0x20, or
    /// one of `"` `\\` `<` `>` `&` DEL. With the top bits clear, "some byte is below n" is
    /// `(w - n·0x01…) & ~w & 0x80…` and "some byte equals c" is the same test for zero on `w ^ c·0x01…`.
    /// Two specials one bit apart are tested together, with that bit masked off after the `^`: `"` (0x22)
    /// with `&` (0x26), and `<` (0x3C) with `>` (0x3E). The tests are combined with `|`, without branches.
    @inline(__always)
    static func isPlainASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroBits(_ value: UInt64) -> UInt64 { (value &- ones) & ~value }
        let found = word | (word &- 0x20 &* ones) & ~word
            | zeroBits((word ^ (0x22 &* ones)) & (0xFB &* ones)) | zeroBits((word ^ (0x3C &* ones)) & (0xFD &* ones))
            | zeroBits(word ^ (0x5C &* ones)) | zeroBits(word ^ (0x7F &* ones))
        return found & highs == 0
    }

    /// Whether a byte is copied as it is, whatever follows it: not a quote, backslash, `<`, `>`, `&`, control
    /// character or DEL, nor the first byte of a C1 control (0xC2) or of U+2028 / U+2029 (0xE2). One bit per
    /// byte value, in four words, so that the common case costs a shift rather than a chain of comparisons.
    @inline(__always)
    static func isPlain(_ byte: UInt8) -> Bool {
        let word: UInt64
        switch byte >> 6 {
        case 0: word = 0xFFFF_FFFF_0000_0000 & ~(1 << 0x22 | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E)
        case 1: word = ~(1 << (0x5C - 64) | 1 << (0x7F - 64))
        case 2: word = ~0
        default: word = ~(1 << (0xC2 - 192) | 1 << (0xE2 - 192))
        }
        return (word >> UInt64(byte & 63)) & 1 == 1
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 48 + value : 87 + value
    }
}
