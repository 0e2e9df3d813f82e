/// White space in matching: a space in a lexicon entry or a pattern stands for any run of white space in
/// the text (spaces, tabs, line breaks, and the spaces outside ASCII that folding turns into spaces), so
/// that `"stem op"` finds `Stem\nop` in a post wrapped by its editor and `Stem  op` typed with two spaces.
///
/// The lexicon automaton reads a run as one space: the bytes of white space share the space's column,
/// and a state entered by a space stays where it is on more white space. These helpers give the rest:
/// entries with their runs made single spaces, where a match with runs in it starts, and how far a lane of
/// a pattern automaton must read to see as many characters as a single reading would.
enum SpaceRuns {
    /// The bytes of white space in a folded text (those of `\s`).
    static let bytes: [UInt8] = [9, 10, 13, 32]

    /// Whether a folded byte is white space.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 10 || byte == 9 || byte == 13
    }

    /// The bytes with every run of white space written as one space.
    static func collapsed(_ text: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        for byte in text {
            if isSpace(byte) {
                if result.last != 32 { result.append(32) }
            } else {
                result.append(byte)
            }
        }
        return result
    }

    /// Where the match of `entry` (runs collapsed, lower-cased) that ends at `index` of `text` (folded, in
    /// either case) starts, when the scan found it there: each space of the entry is a whole run of the
    /// text, one leading space the run's last byte. Nil when the text does not hold the entry there (it
    /// always does when the scan found it).
    static func start(of entry: [UInt8], endingAt index: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var position = index
        var place = entry.count - 1
        while place >= 0 {
            guard position >= 0 else { return nil }
            if entry[place] == 32 {
                guard isSpace(text[position]) else { return nil }
                if place > 0 {
                    while position > 0, isSpace(text[position - 1]) { position -= 1 }
                }
            } else if entry[place] != FoldedText.lowercased(text[position]) {
                return nil
            }
            place -= 1
            if place >= 0 { position -= 1 }
        }
        return position
    }

    /// Whether `text` is `entry` with each space of the entry a run of white space (for case-sensitive
    /// entries, compared with the text as written).
    static func equal(_ text: Slice<UnsafeBufferPointer<UInt8>>, _ entry: [UInt8]) -> Bool {
        var position = text.startIndex
        for byte in entry {
            guard position < text.endIndex else { return false }
            if byte == 32 {
                guard isSpace(text[position]) else { return false }
                position += 1
                while position < text.endIndex, isSpace(text[position]) { position += 1 }
            } else {
                guard text[position] == byte else { return false }
                position += 1
            }
        }
        return position == text.endIndex
    }

    /// Where a reading from `start` has passed `characters` characters (and the rest of a run of white
    /// space it stands in), a run counting as one character: how far a lane must read to hold every match
    /// that starts before `start` (see `PatternDFA.matches(_:)`).
    static func reach(_ text: UnsafeBufferPointer<UInt8>, from start: Int, characters: Int) -> Int {
        let plain = start + characters
        if start >= 1, plain < text.count, !mayHoldRun(text, from: start - 1, to: plain + 1) { return plain }
        var position = start
        var counted = 0
        while position < text.count {
            if !(isSpace(text[position]) && position > 0 && isSpace(text[position - 1])) {
                if counted == characters { break }
                counted += 1
            }
            position += 1
        }
        return position
    }

    /// Whether `text[from..<to]` may hold two bytes of white space in a row: never false when it does, and
    /// seldom true when it does not (any two bytes of at most 0x20 in a row, and a few more after such a
    /// byte, say yes). Eight pairs at a time, so that the walks above are taken only where runs may be.
    static func mayHoldRun(_ text: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        guard let base = text.baseAddress else { return false }
        let from = max(0, from)
        let to = min(text.count, to)
        guard to - from >= 2 else { return false }
        // each byte of at most 0x20 marked by its top bit (a byte above one so marked may be marked too)
        @inline(__always) func low(_ word: UInt64) -> UInt64 {
            (word &- 0x2121_2121_2121_2121) & ~word & 0x8080_8080_8080_8080
        }
        // the pairs (i, i + 1) for eight i at once: the word at i and the word at i + 1
        @inline(__always) func pairs(at index: Int) -> Bool {
            let here = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let next = UnsafeRawPointer(base + index + 1).loadUnaligned(as: UInt64.self)
            return low(here) & low(next) != 0
        }
        guard to - from >= 9 else {
            for index in from..<(to - 1) where base[index] <= 0x20 && base[index + 1] <= 0x20 { return true }
            return false
        }
        var index = from
        while index &+ 9 <= to {
            if pairs(at: index) { return true }
            index &+= 8
        }
        // the last pairs, in a word that overlaps the one before
        return index < to - 1 && pairs(at: to - 9)
    }
}
