/// A text folded for matching: Dutch diacritics removed (`é` → `e`, `ĳ` → `ij`), characters a reader does
/// not see left out (soft hyphens, zero-width spaces, combining marks), once with case kept
/// and once lower-cased, both with a map from each folded byte back to its byte in the original.
///
/// The lower-cased bytes are the cased ones with `A`…`Z` made `a`…`z`, byte for byte (folding lower-cases
/// only ASCII), so that a reader that folds case itself (the lexicon scanner) needs only `cased`. A text
/// refilled with ASCII therefore leaves them to be worked out when first wanted (`prepareLower()`).
public struct FoldedText: Sendable {
    /// Folded and lower-cased bytes (worked out afresh, each time, while they are not prepared: see
    /// `prepareLower()`).
    public var lower: [UInt8] { lowerIsCurrent ? lowerBytes : Self.lowercased(cased) }
    /// The lower-cased bytes once prepared; else the room of an earlier text's.
    private var lowerBytes: [UInt8]
    /// Whether `lowerBytes` are this text's.
    private var lowerIsCurrent = true
    /// Folded bytes with case kept.
    public private(set) var cased: [UInt8]
    /// For each folded byte, the offset of the original byte it came from; nil when that is the byte's
    /// own offset (texts all ASCII, which folding only lower-cases).
    private var offsets: [Int32]?
    /// The original UTF-8 bytes: those of `cased` in an ASCII text, which folding leaves as they are.
    public var original: [UInt8] { offsets == nil ? cased : originalBytes }
    /// The original UTF-8 bytes of a text that is not ASCII (empty for an ASCII text, whose bytes are
    /// `cased`: one array, so that a text refilled with ASCII is copied into one room, with no count of a
    /// second reference to it taken and given back).
    private var originalBytes: [UInt8]

    /// For each folded byte, the offset of the original byte it came from.
    public var origin: [Int32] { offsets ?? Array(0..<Int32(truncatingIfNeeded: cased.count)) }

    public init(_ text: String) {
        self.init(original: Array(text.utf8))
    }

    /// The text whose UTF-8 bytes are `utf8` (valid UTF-8, as every text of a description is).
    init(utf8: UnsafeBufferPointer<UInt8>) {
        self.init(original: Array(utf8))
    }

    /// The text whose UTF-8 bytes are `original`.
    private init(original: [UInt8]) {
        if Self.isASCII(original) {
            // the common case: the cased text is the original itself, each byte its own origin
            self.lowerBytes = Self.lowercased(original)
            self.cased = original
            self.offsets = nil
            self.originalBytes = []
            return
        }
        // folding never makes a text longer: one output byte per ASCII byte, at most as many as the input
        // bytes of any other character
        let count = original.count
        // zero-filled, then written in place and trimmed when folding shortened the text; made from a
        // collection, because `Array(repeating:count:)` and uninitialized arrays go through the standard
        // library's unspecialized path (a generic metadata look-up costing more than the folding)
        var lower = Array(repeatElement(UInt8(0), count: count))
        var cased = Array(repeatElement(UInt8(0), count: count))
        var origin = Array(repeatElement(Int32(0), count: count))
        let written = lower.withUnsafeMutableBufferPointer { lowerOut in
            cased.withUnsafeMutableBufferPointer { casedOut in
                origin.withUnsafeMutableBufferPointer { originOut in
                    original.withUnsafeBufferPointer { input in
                        Self.foldBytes(input, original: original, lower: lowerOut, cased: casedOut, origin: originOut)
                    }
                }
            }
        }
        if written < count {
            lower.removeLast(count - written)
            cased.removeLast(count - written)
            origin.removeLast(count - written)
        }
        self.lowerBytes = lower
        self.cased = cased
        self.offsets = origin
        self.originalBytes = original
    }

    /// The same text folded again into this value's storage: an ASCII text (the common case) reuses the
    /// room of the text folded before, so that judging one description after another allocates nothing
    /// for it; any other text is folded afresh.
    public mutating func refill(with text: String) {
        var text = text
        text.withUTF8 { refill(utf8: $0) }
    }

    /// `refill(with:)` for the text whose UTF-8 bytes are `utf8` (valid UTF-8, as every text of a description is).
    /// An ASCII text is its own cased bytes; its lower-cased bytes are left to `prepareLower()` (most texts
    /// are only read by the lexicon scanner, which folds case itself). `knownASCII`: the caller knows the
    /// bytes to be ASCII (a text read in place where the reader found the record ASCII), and they are not
    /// looked at again for it (the check cost about 140 instructions a text of a batch).
    mutating func refill(utf8: UnsafeBufferPointer<UInt8>, knownASCII: Bool = false) {
        guard knownASCII || Self.isASCII(utf8) else {
            // folded afresh from the bytes copied into the room of the last text's original bytes
            originalBytes.replaceSubrange(originalBytes.startIndex..<originalBytes.endIndex, with: utf8)
            self = FoldedText(original: originalBytes)
            return
        }
        // the bytes replaced in one call, in their room (emptying it first and appending would make two
        // passes through the array's generic paths, each with its uniqueness check); the arrays of a text
        // that was not ASCII are let go of
        cased.replaceSubrange(cased.startIndex..<cased.endIndex, with: utf8)
        if offsets != nil {
            offsets = nil
            originalBytes = []
        }
        lowerIsCurrent = false
    }

    /// Works out the lower-cased bytes where a refill left them out, in the room of an earlier text's: for
    /// readers of `lower` on the hot path (the patterns' automata), which would otherwise lower-case the
    /// text afresh at each read.
    mutating func prepareLower() {
        guard !lowerIsCurrent else { return }
        lowerBytes.replaceSubrange(lowerBytes.startIndex..<lowerBytes.endIndex, with: cased)
        Self.lowercaseInPlace(&lowerBytes)
        lowerIsCurrent = true
    }

    /// Whether every byte is ASCII.
    static func isASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isASCII($0) }
    }

    /// Whether every byte is ASCII: the bytes ORed together sixty-four at a time into a vector of two
    /// words (reduced only at the end), then a word at a time, and the last bytes in a word that overlaps
    /// the one before.
    static func isASCII(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        let bytes = UnsafeRawPointer(base)
        let count = buffer.count
        @inline(__always) func pair(_ index: Int) -> SIMD2<UInt64> {
            bytes.loadUnaligned(fromByteOffset: index, as: SIMD2<UInt64>.self)
        }
        @inline(__always) func word(_ index: Int) -> UInt64 { bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) }
        var pairs = SIMD2<UInt64>()
        var index = 0
        while index &+ 64 <= count {
            pairs |= pair(index) | pair(index &+ 16) | pair(index &+ 32) | pair(index &+ 48)
            index &+= 64
        }
        var seen = pairs[0] | pairs[1]
        while index &+ 8 <= count {
            seen |= word(index)
            index &+= 8
        }
        if index < count {
            if count >= 8 {
                seen |= word(count &- 8)
            } else {
                for place in index..<count { seen |= UInt64(buffer[place]) }
            }
        }
        return seen & 0x8080_8080_8080_8080 == 0
    }

    /// ASCII bytes with `A`…`Z` lower-cased, eight at a time.
    static func lowercased(_ bytes: [UInt8]) -> [UInt8] {
        var lower = bytes
        lowercaseInPlace(&lower)
        return lower
    }

    /// Lower-cases `A`…`Z` of ASCII bytes in place, eight at a time.
    private static func lowercaseInPlace(_ lower: inout [UInt8]) {
        lower.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var index = 0
            while index &+ 8 <= buffer.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                UnsafeMutableRawPointer(base + index).storeBytes(of: Self.lowercased(word), as: UInt64.self)
                index &+= 8
            }
            while index < buffer.count {
                if buffer[index] >= 65, buffer[index] <= 90 { buffer[index] += 32 }
                index &+= 1
            }
        }
    }

    /// Folds `input` into the three outputs (each at least as long as the input); returns the folded length.
    private static func foldBytes(_ input: UnsafeBufferPointer<UInt8>, original: [UInt8], lower lowerOut: UnsafeMutableBufferPointer<UInt8>,
                             cased casedOut: UnsafeMutableBufferPointer<UInt8>, origin originOut: UnsafeMutableBufferPointer<Int32>) -> Int {
        let count = input.count
        var written = 0
        @inline(__always) func put(_ byte: UInt8, _ lowered: UInt8, from offset: Int) {
            casedOut[written] = byte
            lowerOut[written] = lowered
            originOut[written] = Int32(truncatingIfNeeded: offset)
            written += 1
        }
        var index = 0
        while index < count {
            // runs of ASCII eight bytes at a time: copied, and lower-cased in one word
            if index + 8 <= count {
                let run = Self.foldASCIIRun(input, from: index, lower: lowerOut, cased: casedOut, origin: originOut, at: written)
                if run > 0 {
                    written += run
                    index += run
                    continue
                }
            }
            let byte = input[index]
            if byte < 0x80 {
                put(byte, byte >= 65 && byte <= 90 ? byte + 32 : byte, from: index)
                index += 1
                continue
            }
            var length = 1
            if byte >= 0xF0 { length = 4 } else if byte >= 0xE0 { length = 3 } else if byte >= 0xC0 { length = 2 }
            length = min(length, count - index)
            var scalarValue: UInt32 = 0
            if length == 2 { scalarValue = UInt32(byte & 0x1F) << 6 | UInt32(input[index + 1] & 0x3F) }
            if length == 2, (0x300...0x36F).contains(scalarValue) {
                // a combining diacritic (text in decomposed form, as some systems paste it): dropped
                index += length
                continue
            }
            switch Self.role(original, at: index, length: length) {
            case .invisible:
                // soft hyphens, zero-width spaces and joiners, variation selectors, combining marks: a reader
                // does not see them between the letters of a word (`lijst\u{AD}trekker` reads `lijsttrekker`)
                index += length
                continue
            case .separator:
                // punctuation and spaces outside ASCII (“ ” « » – — non-breaking space …) separate words
                put(0x20, 0x20, from: index)
                index += length
                continue
            case .letter:
                break
            }
            if length == 2, let replacement = Self.fold(scalarValue) {
                for folded in replacement.utf8 {
                    put(folded, folded >= 65 && folded <= 90 ? folded + 32 : folded, from: index)
                }
            } else {
                for offset in 0..<length {
                    put(input[index + offset], input[index + offset], from: index + offset)
                }
            }
            index += length
        }
        return written
    }

    /// Folds the words of eight ASCII bytes from `start` on (up to the first word with another byte, or
    /// fewer than eight bytes left) to `index` in the outputs; returns how many bytes it folded. One
    /// plain loop on raw pointers: a load, a test, three stores and the lower-casing a word.
    @inline(__always)
    static func foldASCIIRun(_ input: UnsafeBufferPointer<UInt8>, from start: Int, lower: UnsafeMutableBufferPointer<UInt8>,
                             cased: UnsafeMutableBufferPointer<UInt8>, origin: UnsafeMutableBufferPointer<Int32>, at index: Int) -> Int {
        guard let source = input.baseAddress, let lowerBase = lower.baseAddress, let casedBase = cased.baseAddress,
              let originBase = origin.baseAddress else { return 0 }
        let end = input.count
        var from = start
        var to = index
        while from &+ 8 <= end {
            let word = UnsafeRawPointer(source + from).loadUnaligned(as: UInt64.self)
            guard word & 0x8080_8080_8080_8080 == 0 else { break }
            UnsafeMutableRawPointer(casedBase + to).storeBytes(of: word, as: UInt64.self)
            UnsafeMutableRawPointer(lowerBase + to).storeBytes(of: Self.lowercased(word), as: UInt64.self)
            let offsets = SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: from)) &+ SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7)
            UnsafeMutableRawPointer(originBase + to).storeBytes(of: offsets, as: SIMD8<Int32>.self)
            from &+= 8
            to &+= 8
        }
        return from &- start
    }

    /// Eight ASCII bytes with `A`…`Z` lower-cased: in each byte, adding 0x3F sets the top bit from `A` up,
    /// adding 0x25 sets it from `[` up; where only the first is set, 0x20 is added.
    @inline(__always)
    static func lowercased(_ word: UInt64) -> UInt64 {
        let fromA = word &+ 0x3F3F_3F3F_3F3F_3F3F
        let pastZ = word &+ 0x2525_2525_2525_2525
        let upper = fromA & ~pastZ & 0x8080_8080_8080_8080
        return word | (upper >> 2)
    }

    /// What a non-ASCII character is to matching.
    enum Role {
        /// A letter or digit: part of a word.
        case letter
        /// Punctuation, a symbol (an emoji) or a space: it separates words, read as one space.
        case separator
        /// A character not seen in the text (a format character such as a soft hyphen or a zero-width
        /// space or joiner, or a mark without letter of its own such as a variation selector or a
        /// combining diacritic): left out, so that the letters either side stay one word.
        case invisible
    }

    /// What the non-ASCII character of `length` bytes at `index` is to matching (a letter when it does not decode).
    static func role(_ bytes: [UInt8], at index: Int, length: Int) -> Role {
        guard length >= 2, index + length <= bytes.count else { return .letter }
        var value = UInt32(bytes[index] & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        guard let scalar = Unicode.Scalar(value) else { return .letter }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return .letter }
        switch properties.generalCategory {
        case .format, .nonspacingMark: return .invisible
        default: return .separator
        }
    }

    /// Folds a pattern or lexicon entry the same way (returns the lower-cased and the cased bytes).
    public static func fold(entry text: String) -> (lower: [UInt8], cased: [UInt8]) {
        let folded = FoldedText(text)
        return (folded.lower, folded.cased)
    }

    /// A folded byte lower-cased (`A`…`Z` to `a`…`z`, every other byte as it is).
    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 65 < 26 ? byte | 0x20 : byte
    }

    /// Whether a folded byte belongs to a word (letters, digits, and any non-ASCII character).
    @inline(__always)
    public static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte >= 0x80
    }

    /// The original byte range of a folded range.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty, range.lowerBound < cased.count else { return 0..<0 }
        let start = offset(of: range.lowerBound)
        var end = offset(of: range.upperBound - 1) + 1
        let original = original
        while end < original.count, original[end] & 0xC0 == 0x80 { end += 1 }
        return start..<end
    }

    /// The offset in the original of folded byte `index`.
    @inline(__always)
    func offset(of index: Int) -> Int {
        guard let offsets else { return index }
        return Int(offsets[index])
    }

    /// A byte range of the original as Unicode-scalar offsets (what JSON output reports). In an ASCII text
    /// (no map of offsets) every byte is a scalar, and nothing needs counting.
    public func scalarRange(_ byteRange: Range<Int>) -> Range<Int> {
        let original = original
        let lower = min(max(byteRange.lowerBound, 0), original.count)
        let upper = min(max(byteRange.upperBound, lower), original.count)
        if offsets == nil { return lower..<upper }
        let start = Self.scalarCount(original, 0..<lower)
        return start..<start + Self.scalarCount(original, lower..<upper)
    }

    /// How many Unicode scalars start in `range` of UTF-8 `bytes` (bytes that are not `10xxxxxx`),
    /// counted eight bytes at a time.
    static func scalarCount(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var count = 0
            var index = range.lowerBound
            while index + 8 <= range.upperBound {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                // a continuation byte has its top bit set and the next one clear
                let continuations = word & ~(word << 1) & 0x8080_8080_8080_8080
                count += 8 - continuations.nonzeroBitCount
                index += 8
            }
            while index < range.upperBound {
                if buffer[index] & 0xC0 != 0x80 { count += 1 }
                index += 1
            }
            return count
        }
    }

    /// The original words of a byte range.
    public func originalText(_ byteRange: Range<Int>) -> String {
        let original = original
        return String(decoding: original[byteRange.clamped(to: 0..<original.count)], as: UTF8.self)
    }

    /// Latin letters with diacritics (U+00C0–U+017F) as their base letters.
    static func fold(_ scalar: UInt32) -> String? {
        switch scalar {
        case 0xC0...0xC5: return "A"
        case 0xC6: return "AE"
        case 0xC7: return "C"
        case 0xC8...0xCB: return "E"
        case 0xCC...0xCF: return "I"
        case 0xD0: return "D"
        case 0xD1: return "N"
        case 0xD2...0xD6, 0xD8: return "O"
        case 0xD9...0xDC: return "U"
        case 0xDD: return "Y"
        case 0xDF: return "ss"
        case 0xE0...0xE5: return "a"
        case 0xE6: return "ae"
        case 0xE7: return "c"
        case 0xE8...0xEB: return "e"
        case 0xEC...0xEF: return "i"
        case 0xF0: return "d"
        case 0xF1: return "n"
        case 0xF2...0xF6, 0xF8: return "o"
        case 0xF9...0xFC: return "u"
        case 0xFD, 0xFF: return "y"
        case 0x132: return "IJ"
        case 0x133: return "ij"
        case 0x100, 0x102, 0x104: return "A"
        case 0x101, 0x103, 0x105: return "a"
        case 0x106, 0x108, 0x10A, 0x10C: return "C"
        case 0x107, 0x109, 0x10B, 0x10D: return "c"
        case 0x112, 0x114, 0x116, 0x118, 0x11A: return "E"
        case 0x113, 0x115, 0x117, 0x119, 0x11B: return "e"
        case 0x12A, 0x12C, 0x12E, 0x130: return "I"
        case 0x12B, 0x12D, 0x12F, 0x131: return "i"
        case 0x14C, 0x14E, 0x150: return "O"
        case 0x14D, 0x14F, 0x151: return "o"
        case 0x15A, 0x15C, 0x15E, 0x160: return "S"
        case 0x15B, 0x15D, 0x15F, 0x161: return "s"
        case 0x16A, 0x16C, 0x16E, 0x170, 0x172: return "U"
        case 0x16B, 0x16D, 0x16F, 0x171, 0x173: return "u"
        case 0x178: return "Y"
        case 0x17D: return "Z"
        case 0x17E: return "z"
        default: return nil
        }
    }
}
