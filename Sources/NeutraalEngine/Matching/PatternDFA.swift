/// One deterministic automaton over a group of patterns without assertions (all of one case mode), built
/// once when the rule set loads: a text is read once, one table look-up per byte, and the result is the
/// set of patterns that match it anywhere (a bit mask, one bit per pattern of the group). Where a pattern
/// matches, `Pattern` then runs its NFA to find where (only for the texts that match).
///
/// A state is the set of NFA threads still alive plus the patterns already seen to match: the threads of
/// a pattern are dropped once it has matched, so the bits only ever grow and the state after the last
/// byte holds the answer.
///
/// Two automata are equal when their tables are (the tests compare automata built in different ways).
struct PatternDFA: Sendable, Equatable {
    /// The class of each byte: bytes that every instruction of the group treats alike share one.
    private let classOf: [UInt32]
    /// The same with `A`…`Z` in the classes of `a`…`z`: reading a folded text's cased bytes through these
    /// is reading its lower-cased ones (which are the cased ones with only `A`…`Z` lower-cased), so that a
    /// caseless group needs no lower-cased copy of the text.
    private let caselessClassOf: [UInt32]
    /// Transition table over classes: the entry at `state * width + classOf[byte]` is the next state
    /// times `width`, the number of classes. Kept this narrow (not 256 entries a state) so that the table
    /// stays in the nearest cache: every step of the scan waits for the one before it. Unsigned 32-bit
    /// rows, so that a step is a load of the byte, an add of its class from memory and a load of the next
    /// row (64-bit rows make the compiler add the row and the class to the table's address apart).
    private let transitions: [UInt32]
    private let width: Int
    /// For each state, the patterns matched on the way to it.
    private let masks: [UInt64]
    /// The mask with every pattern of the group.
    let fullMask: UInt64
    /// The most bytes a match of a pattern of the group can span, a run of white space counting as one
    /// (see `SpaceRuns`); nil when one can repeat (`*`, `+`) anything else.
    let longestMatch: Int?
    /// Whether a pattern of the group holds a run of white space (a space of the pattern).
    let hasSpaceRuns: Bool

    /// Texts at least this long (and four times the longest match) are read in two lanes.
    static let twoLaneLength = 64

    /// The states the construction may make before it gives up.
    static let stateLimit = 4096
    /// At most this many patterns share one automaton (one bit each).
    static let groupLimit = 64

    /// Subset construction over the patterns' programs; nil when a program has assertions, there are too
    /// many patterns, or the automaton would grow too large.
    init?(programs: [[Pattern.Instruction]]) {
        guard let draft = DFADraft(programs: programs, limit: Self.stateLimit) else { return nil }
        self.init(draft, programs: programs)
    }

    /// The automaton of a draft built for `programs` (see `DFADraft`), laid out for scanning.
    init(_ draft: DFADraft, programs: [[Pattern.Instruction]]) {
        precondition(draft.patternCount == programs.count, "a draft is laid out with the programs it was built for")
        // every entry is a state's row or a class: not negative
        let width = Int32(draft.width)
        // written in place: a table has tens of thousands of entries
        self.transitions = draft.rows.withUnsafeBufferPointer { rows in
            [UInt32](unsafeUninitializedCapacity: rows.count) { entries, count in
                for index in 0..<rows.count { entries[index] = UInt32(truncatingIfNeeded: rows[index] &* width) }
                count = rows.count
            }
        }
        let classOf = draft.classOf.map { UInt32(truncatingIfNeeded: $0) }
        var caselessClassOf = classOf
        for capital in 65...90 { caselessClassOf[capital] = classOf[capital + 32] }
        self.classOf = classOf
        self.caselessClassOf = caselessClassOf
        self.width = draft.width
        self.masks = draft.masks
        self.fullMask = programs.count == 64 ? ~0 : (UInt64(1) << UInt64(programs.count)) - 1
        self.hasSpaceRuns = programs.contains { program in program.indices.contains { Self.endsSpaceRun(program, at: $0) } }
        var longest = 0
        for program in programs {
            guard let length = Self.longestMatch(of: program) else { self.longestMatch = nil; return }
            longest = max(longest, length)
        }
        self.longestMatch = longest
    }

    /// The most bytes a match of `program` can span: the longest path from its start to its match, each
    /// consuming instruction one byte; nil when the program can repeat. Only repetition (`*`, `+`) jumps
    /// back, so in a program without it every path leads forward, and one sweep from the end finds each
    /// instruction's longest way to the end (no recursion, however long the program).
    static func longestMatch(of program: [Pattern.Instruction]) -> Int? {
        var longest = [Int](repeating: 0, count: program.count + 1)
        for pc in program.indices.reversed() {
            // the longest way on from a target further on; nil for one at or before this instruction
            func onwards(_ target: Int) -> Int? { target > pc && target <= program.count ? longest[target] : nil }
            switch program[pc] {
            case .byte, .set, .any: longest[pc] = longest[pc + 1] + 1
            case .wordBoundary, .lineStart, .lineEnd: longest[pc] = longest[pc + 1]
            case .match: longest[pc] = 0
            case .split where endsSpaceRun(program, at: pc):
                // the loop of a run of white space, which counts as one character
                longest[pc] = longest[pc + 1]
            case .split(let a, let b):
                guard let first = onwards(a), let second = onwards(b) else { return nil }
                longest[pc] = max(first, second)
            case .jump(let target):
                guard let next = onwards(target) else { return nil }
                longest[pc] = next
            }
        }
        return longest[0]
    }

    /// Whether the instruction at `pc` is the loop of a run of white space: `[\t\n\r ]` and a split back to it.
    static func endsSpaceRun(_ program: [Pattern.Instruction], at pc: Int) -> Bool {
        guard pc > 0, case .split(let back, let on) = program[pc], back == pc - 1, on == pc + 1,
              case .set(let set) = program[pc - 1] else { return false }
        return set.members == SpaceRuns.bytes
    }

    /// The automaton of a single program (its pattern is bit 1).
    init?(program: [Pattern.Instruction]) {
        self.init(programs: [program])
    }

    /// The patterns (as bits) that match somewhere in the input.
    ///
    /// A long text is read in two lanes at once, each a chain of table look-ups that waits for the one
    /// before it, when no match can span more than `longestMatch` bytes: the first lane reads up to
    /// `longestMatch - 1` bytes past the middle, the second from the middle. A match that starts before the
    /// middle lies within the first lane, one that starts later within the second.
    func matches(_ input: [UInt8]) -> UInt64 {
        input.withUnsafeBufferPointer { matches($0, classOf: classOf) }
    }

    /// The patterns (as bits) that match somewhere in the lower-cased form of `cased` (see `caselessClassOf`).
    func matches(lowerCasing cased: [UInt8]) -> UInt64 {
        cased.withUnsafeBufferPointer { matches($0, classOf: caselessClassOf) }
    }

    /// `matches(_:)` for bytes where they are.
    func matches(_ input: UnsafeBufferPointer<UInt8>) -> UInt64 {
        matches(input, classOf: classOf)
    }

    /// `matches(lowerCasing:)` for bytes where they are.
    func matches(lowerCasing cased: UnsafeBufferPointer<UInt8>) -> UInt64 {
        matches(cased, classOf: caselessClassOf)
    }

    /// `matches(_:)` reading each byte's class in `classOf`.
    private func matches(_ bytes: UnsafeBufferPointer<UInt8>, classOf: [UInt32]) -> UInt64 {
        let full = fullMask
        if masks[0] == full { return full }
        return transitions.withUnsafeBufferPointer { table in
            classOf.withUnsafeBufferPointer { classes in
                let count = bytes.count
                guard let longest = longestMatch, count >= Self.twoLaneLength, count >= 4 * longest else {
                    return matches(table, classes, bytes, from: 0, to: count)
                }
                let middle = (count - longest + 1) / 2
                guard hasSpaceRuns else {
                    return matches(table, classes, bytes, first: 0..<(middle + longest - 1), second: middle..<count)
                }
                // past the middle as many characters as a match can hold, a run of white space one
                let firstEnd = SpaceRuns.reach(bytes, from: middle, characters: longest - 1)
                guard firstEnd <= count - middle else { return matches(table, classes, bytes, from: 0, to: count) }
                return matches(table, classes, bytes, first: 0..<firstEnd, second: middle..<count)
            }
        }
    }

    /// The patterns that match within `bytes[start..<end]`.
    private func matches(_ table: UnsafeBufferPointer<UInt32>, _ classes: UnsafeBufferPointer<UInt32>,
                         _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> UInt64 {
        let width = width
        let full = fullMask
        var row: UInt32 = 0
        var index = start
        // in blocks, looking at the matched patterns only between blocks
        while index < end {
            let blockEnd = min(index &+ 64, end)
            // eight bytes between tests of the count
            while index &+ 8 <= blockEnd {
                row = table[Int(row &+ classes[Int(bytes[index])])]
                row = table[Int(row &+ classes[Int(bytes[index &+ 1])])]
                row = table[Int(row &+ classes[Int(bytes[index &+ 2])])]
                row = table[Int(row &+ classes[Int(bytes[index &+ 3])])]
                row = table[Int(row &+ classes[Int(bytes[index &+ 4])])]
                row = table[Int(row &+ classes[Int(bytes[index &+ 5])])]
                row = table[Int(row &+ classes[Int(bytes[index &+ 6])])]
                row = table[Int(row &+ classes[Int(bytes[index &+ 7])])]
                index &+= 8
            }
            while index < blockEnd {
                row = table[Int(row &+ classes[Int(bytes[index])])]
                index &+= 1
            }
            if masks[Int(row) / width] == full { return full }
        }
        return masks[Int(row) / width]
    }

    /// The patterns that match within either of two ranges of `bytes`, the second at least as long as
    /// the first and at most one byte longer: both read side by side, a byte of each at a time.
    private func matches(_ table: UnsafeBufferPointer<UInt32>, _ classes: UnsafeBufferPointer<UInt32>,
                         _ bytes: UnsafeBufferPointer<UInt8>, first: Range<Int>, second: Range<Int>) -> UInt64 {
        let width = width
        let full = fullMask
        var rowA: UInt32 = 0
        var rowB: UInt32 = 0
        var a = first.lowerBound
        var b = second.lowerBound
        let offset = b &- a
        while a < first.upperBound {
            let blockEnd = min(a &+ 64, first.upperBound)
            // four bytes of each lane between tests of the count, the second lane's read at `a + offset`
            // (an address the processor adds up itself: no register kept for it)
            while a &+ 4 <= blockEnd {
                rowA = table[Int(rowA &+ classes[Int(bytes[a])])]
                rowB = table[Int(rowB &+ classes[Int(bytes[a &+ offset])])]
                rowA = table[Int(rowA &+ classes[Int(bytes[a &+ 1])])]
                rowB = table[Int(rowB &+ classes[Int(bytes[a &+ offset &+ 1])])]
                rowA = table[Int(rowA &+ classes[Int(bytes[a &+ 2])])]
                rowB = table[Int(rowB &+ classes[Int(bytes[a &+ offset &+ 2])])]
                rowA = table[Int(rowA &+ classes[Int(bytes[a &+ 3])])]
                rowB = table[Int(rowB &+ classes[Int(bytes[a &+ offset &+ 3])])]
                a &+= 4
            }
            while a < blockEnd {
                rowB = table[Int(rowB &+ classes[Int(bytes[a &+ offset])])]
                rowA = table[Int(rowA &+ classes[Int(bytes[a])])]
                a &+= 1
            }
            if (masks[Int(rowA) / width] | masks[Int(rowB) / width]) == full { return full }
        }
        b = a &+ offset
        while b < second.upperBound {
            rowB = table[Int(rowB &+ classes[Int(bytes[b])])]
            b &+= 1
        }
        return masks[Int(rowA) / width] | masks[Int(rowB) / width]
    }
}
