/// Every entry of every lexicon compiled into one Aho–Corasick automaton over folded bytes, so that a
/// text is read once whatever the number of entries: time linear in the text plus the matches. The same
/// pass can look for the literals that patterns require (see `PatternLiterals`), reporting which were
/// found as bits.
public struct LexiconScanner: Sendable {
    /// A match of one lexicon entry, in folded-byte offsets.
    public struct Match: Sendable {
        public let lexicon: Int
        public let entry: Int
        public let range: Range<Int>
    }

    struct Pattern: Sendable {
        /// The lexicon, or -1 for a literal of a pattern, whose bit `entry` is.
        let lexicon: Int
        let entry: Int
        let lower: [UInt8]
        let cased: [UInt8]
        let caseSensitive: Bool
        let wholeWords: Bool
        /// Whether the string holds a space, which stands for a run of white space (see `SpaceRuns`).
        let spaced: Bool
    }

    private let patterns: [Pattern]
    /// The column of each byte, then the transition table (see `Table`).
    ///
    /// A byte's column is its place in the alphabet of the entries plus one, 0 for every byte no entry
    /// uses (all of which lead to the start state). The entries are lower-cased, and `A`…`Z` take the
    /// columns of `a`…`z`: the scan reads a text's cased bytes as their lower-cased ones, and needs no
    /// lower-cased copy.
    ///
    /// Transition table over columns: at `row + column` the row of the next state, where a
    /// state's row is its number times the alphabet's width (one more than the bytes the entries use).
    /// Kept this narrow (not 256 entries a state) so that the table stays in the nearest cache: every
    /// step of the scan waits for the one before it. States that end some entry are numbered last, their
    /// rows from `firstOutputRow` on, twice a power of two above every other row: one comparison tells
    /// the scan to look at outputs, and for lanes read side by side one comparison of their rows taken
    /// together as `(a + b) | (c + d) >= firstOutputRow`: two silent rows add up to less than that power
    /// of two doubled, and so do their bits together, while one row with outputs reaches it alone. Sums
    /// rather than an OR of the four rows because the processor adds two registers into a third in one
    /// instruction (`lea`), where an OR overwrites one of them and the row it holds must be copied first
    /// (five instructions a test for four lanes instead of seven). The rows between the last silent
    /// state's and `firstOutputRow` are never reached: room in memory, not in the cache.
    private let transitions: [UInt32]
    private let firstOutputRow: UInt32
    private let width: UInt32
    /// The patterns a state ends: `outputs[outputStart[state]..<outputStart[state + 1]]`.
    private let outputStart: [Int32]
    private let outputs: [Int32]
    /// Each state's depth: how many characters of an entry it stands for (a run of white space one), by
    /// number. A lane reads past its part only while this exceeds what it has read past it.
    private let depths: [Int32]

    /// The automaton of every entry of `lexicons`, and of `literals`: the strings of bit `n` (at most 64
    /// bits), in folded lower-case bytes, found anywhere (not only as whole words).
    public init(lexicons: [Lexicon], literals: [[[UInt8]]] = []) {
        var patterns: [Pattern] = []
        for (lexiconIndex, lexicon) in lexicons.enumerated() {
            for (entryIndex, entry) in lexicon.entries.enumerated() {
                let folded = FoldedText.fold(entry: entry.text)
                let (lower, cased) = (SpaceRuns.collapsed(folded.lower), SpaceRuns.collapsed(folded.cased))
                guard !lower.isEmpty else { continue }
                patterns.append(Pattern(lexicon: lexiconIndex, entry: entryIndex, lower: lower, cased: cased,
                                        caseSensitive: entry.caseSensitive, wholeWords: lexicon.wholeWords, spaced: lower.contains(32)))
            }
        }
        for (bit, strings) in literals.prefix(64).enumerated() {
            for string in strings.map(SpaceRuns.collapsed) where !string.isEmpty {
                patterns.append(Pattern(lexicon: -1, entry: bit, lower: string, cased: string, caseSensitive: false, wholeWords: false,
                                        spaced: string.contains(32)))
            }
        }
        let automaton = CompactAutomaton(patterns.map(\.lower))
        let dense = automaton.dense()
        self.patterns = patterns
        self.transitions = dense.columnsAndRows
        self.firstOutputRow = dense.firstOutputRow
        self.width = dense.width
        self.outputStart = dense.outputStart
        self.outputs = dense.outputs
        self.depths = dense.depths
    }

    /// Every match in a folded text, in order of their end.
    ///
    /// A long text is read in two or four lanes at once, each a chain of table look-ups that waits for the
    /// one before it, each lane over its own part of the text, starting at its part in the start state: it
    /// finds every match that starts in its part or after (as a reading of the text from there would). A
    /// match that starts in a part and ends past it is its lane's to find, so each lane but the last reads
    /// on past its part for as long as its state stands for more characters than it has read there (see
    /// `readOn`). A part that starts inside a run of white space reads the rest of the run as one space, as a
    /// reading from there would: a match that starts with that space starts at the run's last byte, in the
    /// part, and one that starts before the run is the lane before's.
    public func scan(_ text: FoldedText) -> [Match] {
        var literals: UInt64 = 0
        return scan(text, literals: &literals)
    }

    /// Every match in a folded text, in order of their end; the bits of the literals found are added to
    /// `literals`.
    public func scan(_ text: FoldedText, literals: inout UInt64) -> [Match] {
        var text = text
        var matches = WorkList<Match>()
        scan(inPlace: &text, into: &matches, literals: &literals)
        return Array(matches)
    }

    /// The same, for a text read where it is kept (an element of a list, say), its matches added to the end of
    /// `matches` (a list the evaluator keeps for every text of a record, and from one record to the next:
    /// a list of its own for each text was an allocation for most records). Passed `inout`, the text's
    /// arrays are read in place, where passing it by value would count a reference to each of them. Out of
    /// line: inlined, the evaluator's tests of a text grew and were no longer inlined in the first pass.
    @inline(never)
    func scan(inPlace text: inout FoldedText, into matches: inout WorkList<Match>, literals: inout UInt64) {
        text.cased.withUnsafeBufferPointer { bytes in scan(bytes, into: &matches, literals: &literals) }
    }

    /// The same for an ASCII text given as its bytes, where they are (an ASCII text is its own folded text
    /// with case kept). Out of line, as `scan(inPlace:into:literals:)`.
    @inline(never)
    func scan(ascii bytes: UnsafeBufferPointer<UInt8>, into matches: inout WorkList<Match>, literals: inout UInt64) {
        scan(bytes, into: &matches, literals: &literals)
    }

    /// The matches in a folded text given as its bytes with case kept (read as lower-cased: see `transitions`),
    /// added to `matches`.
    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, into matches: inout WorkList<Match>, literals: inout UInt64) {
        let start = matches.count
        transitions.withUnsafeBufferPointer { columnsAndRows in
            guard let first = columnsAndRows.baseAddress else { return }
            let table = Table(rows: first + Table.columns)
            withUnsafeTemporaryAllocation(of: Lane.self, capacity: 4) { lanes in
                let count = Self.lay(lanes, over: bytes)
                // side by side for as long as every lane has bytes left in its part (the first has the fewest)
                var steps = count > 1 ? lanes[0].end : 0
                while steps > 0 {
                    steps -= Self.run(table, bytes, lanes, count: count, steps: steps, threshold: firstOutputRow)
                    for lane in 0..<count where lanes[lane].row >= firstOutputRow {
                        collect(Int(lanes[lane].row / width), endingAt: lanes[lane].next - 1, in: bytes,
                                into: &matches, literals: &literals)
                    }
                }
                // then each lane to the end of its part, and on past it for the matches that start in it
                for lane in 0..<count {
                    scan(&lanes[lane], table, bytes, into: &matches, literals: &literals)
                    if lane < count - 1 {
                        readOn(lanes[lane], table, bytes, into: &matches, literals: &literals)
                    }
                }
                // one match or none is in order already: no call for it
                if count > 1, matches.count > start + 1 { Self.orderByEnd(&matches, from: start) }
            }
        }
    }

    /// The automaton's table as the scan reads it: the columns of the 256 bytes and then the rows (see
    /// `transitions`), both read through one pointer, to the first row, so that the loops that read four
    /// lanes side by side need a register less.
    fileprivate struct Table {
        /// How many columns come before the rows (also for `CompactAutomaton.dense()`, which lays them out).
        static let columns = 256
        let rows: UnsafePointer<UInt32>

        /// The row of the state that `byte` leads to from the state whose row is `row`.
        @inline(__always)
        func next(_ row: UInt32, _ byte: UInt8) -> UInt32 {
            rows[Int(row &+ rows[Int(byte) &- Self.columns])]
        }
    }

    /// Texts at least this long are read in two lanes.
    static let twoLaneLength = 64
    /// Texts at least this long are read in four lanes.
    static let fourLaneLength = 256

    /// Where a reading of the text stands: the next byte to read, the row of the state reached, and the end
    /// of its part.
    private struct Lane {
        var next: Int
        var row: UInt32
        var end: Int
    }

    /// Lays out the lanes for a text: one, two or four parts of equal length (the last a few bytes longer),
    /// each in the start state; returns how many. Written out for each number, without a loop or a
    /// division: it runs once for every text scanned, most of them short.
    @inline(__always)
    private static func lay(_ lanes: UnsafeMutableBufferPointer<Lane>, over text: UnsafeBufferPointer<UInt8>) -> Int {
        let count = text.count
        if count >= fourLaneLength {
            let length = count >> 2
            lanes.initializeElement(at: 0, to: Lane(next: 0, row: 0, end: length))
            lanes.initializeElement(at: 1, to: Lane(next: length, row: 0, end: 2 &* length))
            lanes.initializeElement(at: 2, to: Lane(next: 2 &* length, row: 0, end: 3 &* length))
            lanes.initializeElement(at: 3, to: Lane(next: 3 &* length, row: 0, end: count))
            return 4
        }
        if count >= twoLaneLength {
            let length = count >> 1
            lanes.initializeElement(at: 0, to: Lane(next: 0, row: 0, end: length))
            lanes.initializeElement(at: 1, to: Lane(next: length, row: 0, end: count))
            return 2
        }
        lanes.initializeElement(at: 0, to: Lane(next: 0, row: 0, end: count))
        return 1
    }

    /// Where each lane's part starts, for a text of these folded bytes: `[0]` for one lane.
    static func laneParts(_ text: [UInt8]) -> [Int] {
        text.withUnsafeBufferPointer { bytes in
            withUnsafeTemporaryAllocation(of: Lane.self, capacity: 4) { lanes in
                let number = lay(lanes, over: bytes)
                return (0..<number).map { lanes[$0].next }
            }
        }
    }

    /// Reads the rest of one lane's part, reporting the matches that end in it.
    private func scan(_ lane: inout Lane, _ table: Table,
                      _ bytes: UnsafeBufferPointer<UInt8>, into matches: inout WorkList<Match>,
                      literals: inout UInt64) {
        // no call for a part read to its end already: after the lanes read side by side, every part but the
        // last (a few bytes longer) is
        while lane.next < lane.end {
            let (index, row) = Self.run(table, bytes, from: lane.next, to: lane.end, row: lane.row,
                                        threshold: firstOutputRow)
            lane.row = row
            guard index < lane.end else { lane.next = lane.end; return }
            lane.next = index + 1
            collect(Int(row / width), endingAt: index, in: bytes, into: &matches, literals: &literals)
        }
    }

    /// Reads on past the end of a lane's part (not the last part) for the matches that start in the part
    /// and end after it: while the state reached stands for more characters than the lane has read past
    /// its part, some match that starts in the part may still end ahead; once it does not, none can (a
    /// state stands for the longest end of what the lane read that begins an entry, and grows by at most
    /// a character a byte). Reports only the matches that start in the part: the next lane finds the
    /// others. A run of white space counts as one character, as it does in the automaton, which stays where
    /// it is on the rest of a run.
    private func readOn(_ lane: Lane, _ table: Table,
                        _ bytes: UnsafeBufferPointer<UInt8>, into matches: inout WorkList<Match>,
                        literals: inout UInt64) {
        var row = lane.row
        var index = lane.end
        var characters: Int32 = 0
        while index < bytes.count, depths[Int(row / width)] > characters {
            let byte = bytes[index]
            if !(SpaceRuns.isSpace(byte) && SpaceRuns.isSpace(bytes[index - 1])) { characters += 1 }
            row = table.next(row, byte)
            if row >= firstOutputRow {
                collect(Int(row / width), endingAt: index, in: bytes, into: &matches, literals: &literals,
                        startingBefore: lane.end)
            }
            index += 1
        }
    }

    /// The matches of several lanes (those from `start` on) in the order one reading finds them: by end, and those with the same
    /// end by start (a reading finds the longest first: a state's own entries, then those of the states it
    /// falls back to); those with the same end and start (all from one lane) keep their order. An insertion
    /// sort: there are a handful, mostly in order.
    private static func orderByEnd(_ matches: inout WorkList<Match>, from start: Int) {
        guard matches.count > start + 1 else { return }
        @inline(__always) func after(_ one: Range<Int>, _ other: Range<Int>) -> Bool {
            one.upperBound > other.upperBound || (one.upperBound == other.upperBound && one.lowerBound > other.lowerBound)
        }
        for index in start + 1..<matches.count {
            let moving = matches[index]
            var place = index
            while place > start, after(matches[place - 1].range, moving.range) {
                matches[place] = matches[place - 1]
                place -= 1
            }
            if place != index { matches[place] = moving }
        }
    }

    /// Runs two or four lanes side by side, a byte of each at a time, for at most `steps` bytes or until
    /// any of them has reached a state with outputs (after at least one byte); returns the bytes each read.
    /// Chains of look-ups that do not wait for each other: the processor works on all at once.
    @inline(never)
    private static func run(_ table: Table, _ bytes: UnsafeBufferPointer<UInt8>, _ lanes: UnsafeMutableBufferPointer<Lane>,
                            count: Int, steps: Int, threshold: UInt32) -> Int {
        switch count {
        case 4: return runFour(table, bytes, lanes, steps: steps, threshold: threshold)
        case 2: return runTwo(table, bytes, lanes, steps: steps, threshold: threshold)
        default: return 0
        }
    }

    /// `run` for four lanes: four steps between tests of the count, each step testing the four rows
    /// together (the threshold is a power of two above the sum of any two silent rows: see `transitions`).
    @inline(__always)
    private static func runFour(_ table: Table, _ bytes: UnsafeBufferPointer<UInt8>, _ lanes: UnsafeMutableBufferPointer<Lane>,
                                steps: Int, threshold: UInt32) -> Int {
        let (a, b, c, d) = (lanes[0].next, lanes[1].next, lanes[2].next, lanes[3].next)
        var (rowA, rowB, rowC, rowD) = (lanes[0].row, lanes[1].row, lanes[2].row, lanes[3].row)
        var taken = 0
        // a byte of each lane at `taken + offset`; whether any reached a state with outputs
        @inline(__always) func step(_ offset: Int) -> Bool {
            rowA = table.next(rowA, bytes[a &+ taken &+ offset])
            rowB = table.next(rowB, bytes[b &+ taken &+ offset])
            rowC = table.next(rowC, bytes[c &+ taken &+ offset])
            rowD = table.next(rowD, bytes[d &+ taken &+ offset])
            return (rowA &+ rowB) | (rowC &+ rowD) >= threshold
        }
        @inline(__always) func stop(after taken: Int) -> Int {
            (lanes[0].row, lanes[1].row, lanes[2].row, lanes[3].row) = (rowA, rowB, rowC, rowD)
            for lane in 0..<4 { lanes[lane].next &+= taken }
            return taken
        }
        while taken &+ 4 <= steps {
            if step(0) { return stop(after: taken &+ 1) }
            if step(1) { return stop(after: taken &+ 2) }
            if step(2) { return stop(after: taken &+ 3) }
            if step(3) { return stop(after: taken &+ 4) }
            taken &+= 4
        }
        while taken < steps {
            let found = step(0)
            taken &+= 1
            if found { break }
        }
        return stop(after: taken)
    }

    /// `run` for two lanes: four steps between tests of the count, each step testing the two rows together
    /// by their sum.
    @inline(__always)
    private static func runTwo(_ table: Table, _ bytes: UnsafeBufferPointer<UInt8>, _ lanes: UnsafeMutableBufferPointer<Lane>,
                               steps: Int, threshold: UInt32) -> Int {
        let (a, b) = (lanes[0].next, lanes[1].next)
        var (rowA, rowB) = (lanes[0].row, lanes[1].row)
        var taken = 0
        // a byte of each lane at `taken + offset`; whether either reached a state with outputs
        @inline(__always) func step(_ offset: Int) -> Bool {
            rowA = table.next(rowA, bytes[a &+ taken &+ offset])
            rowB = table.next(rowB, bytes[b &+ taken &+ offset])
            return rowA &+ rowB >= threshold
        }
        @inline(__always) func stop(after taken: Int) -> Int {
            (lanes[0].row, lanes[1].row) = (rowA, rowB)
            lanes[0].next &+= taken
            lanes[1].next &+= taken
            return taken
        }
        while taken &+ 4 <= steps {
            if step(0) { return stop(after: taken &+ 1) }
            if step(1) { return stop(after: taken &+ 2) }
            if step(2) { return stop(after: taken &+ 3) }
            if step(3) { return stop(after: taken &+ 4) }
            taken &+= 4
        }
        while taken < steps {
            let found = step(0)
            taken &+= 1
            if found { break }
        }
        return stop(after: taken)
    }

    /// Runs the automaton from row `row` over `bytes` from `start` up to `end` or to the first byte that
    /// leads to a state with outputs: returns that byte's index (`end` when there is none) and the row
    /// reached. A loop of its own, calling nothing, four bytes an iteration, so everything stays in
    /// registers.
    @inline(never)
    private static func run(_ table: Table, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                            row: UInt32, threshold: UInt32) -> (index: Int, row: UInt32) {
        var row = row
        var index = start
        while index &+ 4 <= end {
            row = table.next(row, bytes[index])
            if row >= threshold { return (index, row) }
            row = table.next(row, bytes[index &+ 1])
            if row >= threshold { return (index &+ 1, row) }
            row = table.next(row, bytes[index &+ 2])
            if row >= threshold { return (index &+ 2, row) }
            row = table.next(row, bytes[index &+ 3])
            if row >= threshold { return (index &+ 3, row) }
            index &+= 4
        }
        while index < end {
            row = table.next(row, bytes[index])
            if row >= threshold { return (index, row) }
            index &+= 1
        }
        return (end, row)
    }

    /// The entries that end at `index` of the cased bytes `cased` in output state `state` and stand as
    /// matches there (whole words, case), that start before `limit`, appended to `matches`; the bits of
    /// literals that end there added to `literals`. Never inlined: the byte loop keeps its few registers
    /// to itself.
    @inline(never)
    private func collect(_ state: Int, endingAt index: Int, in cased: UnsafeBufferPointer<UInt8>, into matches: inout WorkList<Match>,
                         literals: inout UInt64, startingBefore limit: Int = .max) {
        let begin = Int(outputStart[state])
        let end = Int(outputStart[state + 1])
        guard begin < end else { return }
        for output in begin..<end {
            let pattern = patterns[Int(outputs[output])]
            if pattern.lexicon < 0 {
                literals |= UInt64(1) << UInt64(pattern.entry)
                continue
            }
            var start = index + 1 - pattern.lower.count
            if pattern.spaced {
                // a run of white space reads as one space: reported at its first byte only, and the match
                // starts as far back as its runs reach
                if pattern.lower[pattern.lower.count - 1] == 32, index > 0, SpaceRuns.isSpace(cased[index - 1]) { continue }
                guard let found = SpaceRuns.start(of: pattern.lower, endingAt: index, in: cased) else { continue }
                start = found
            }
            if start >= limit { continue }
            if pattern.wholeWords {
                if start > 0, FoldedText.isWordByte(cased[start - 1]), FoldedText.isWordByte(pattern.lower[0]) { continue }
                if index + 1 < cased.count, FoldedText.isWordByte(cased[index + 1]),
                   let last = pattern.lower.last, FoldedText.isWordByte(last) { continue }
            }
            if pattern.caseSensitive,
               pattern.spaced ? !SpaceRuns.equal(cased[start...index], pattern.cased) : !cased[start...index].elementsEqual(pattern.cased) {
                continue
            }
            matches.append(Match(lexicon: pattern.lexicon, entry: pattern.entry, range: start..<index + 1))
        }
    }
}

/// The Aho–Corasick automaton of some byte strings over only the bytes they use (every other byte leads
/// back to the start state from anywhere), built breadth-first; `dense()` spreads it over all 256 bytes.
struct CompactAutomaton {
    /// The bytes the strings use, and for each byte its index among them (-1 when unused).
    let alphabet: [UInt8]
    let column: [Int]
    /// The automaton: `next[state * alphabet.count + column]`, states numbered in trie order.
    private(set) var next: [Int32] = []
    /// The states in breadth-first order (the start state first).
    private(set) var order: [Int32] = []
    /// For each state, the strings it ends (its own first, in string order, then its failure state's).
    /// (Two arrays of integers rather than one of ranges: no generic metadata to look up at start-up.)
    private(set) var outputBegin: [Int] = []
    private(set) var outputEnd: [Int] = []
    private(set) var outputList: [Int32] = []
    /// How many states the trie has.
    private(set) var stateCount = 1
    /// The states the trie enters by a space (see `SpaceRuns`).
    private(set) var enteredBySpace: [Int32] = []
    /// Each state's depth in the trie (the length of the string it stands for).
    private(set) var depth: [Int32] = [0]

    init(_ strings: [[UInt8]]) {
        var used = [Bool](repeating: false, count: 256)
        for string in strings { for byte in string { used[Int(byte)] = true } }
        alphabet = (0..<256).filter { used[$0] }.map { UInt8($0) }
        var column = [Int](repeating: -1, count: 256)
        for (index, byte) in alphabet.enumerated() { column[Int(byte)] = index }
        self.column = column
        let ends = buildTrie(strings)
        complete(ownEnds: ends)
    }

    /// Builds the trie into `next` (-1 where there is no edge); returns the state each string ends in.
    private mutating func buildTrie(_ strings: [[UInt8]]) -> [Int32] {
        let width = alphabet.count
        // room for the most states there can be (one per byte, and the start), trimmed after
        let most = 1 + strings.reduce(0) { $0 + $1.count }
        next = Array(repeatElement(Int32(-1), count: most * width))
        var ends: [Int32] = []
        ends.reserveCapacity(strings.count)
        for string in strings {
            var state = 0
            for byte in string {
                let slot = state * width + column[Int(byte)]
                if next[slot] < 0 {
                    next[slot] = Int32(stateCount)
                    if byte == 32 { enteredBySpace.append(Int32(stateCount)) }
                    depth.append(depth[state] + 1)
                    stateCount += 1
                }
                state = Int(next[slot])
            }
            ends.append(Int32(state))
        }
        next.removeLast(next.count - stateCount * width)
        return ends
    }

    /// Breadth-first failure links: fills every missing edge with its failure state's edge, and collects
    /// each state's outputs.
    private mutating func complete(ownEnds ends: [Int32]) {
        let width = alphabet.count
        let states = stateCount
        // the strings each state ends itself, in string order (a counting sort by end state)
        var ownStart = [Int](repeating: 0, count: states + 1)
        for end in ends { ownStart[Int(end) + 1] += 1 }
        for state in 0..<states { ownStart[state + 1] += ownStart[state] }
        var ownList = [Int32](repeating: 0, count: ends.count)
        var fill = ownStart
        for (string, end) in ends.enumerated() {
            ownList[fill[Int(end)]] = Int32(string)
            fill[Int(end)] += 1
        }
        var fail = [Int32](repeating: 0, count: states)
        outputBegin = Array(repeatElement(0, count: states))
        outputEnd = Array(repeatElement(0, count: states))
        order = [0]
        order.reserveCapacity(states)
        var head = 0
        var table = next
        next = []
        while head < order.count {
            let state = Int(order[head])
            head += 1
            let failure = Int(fail[state])
            let begin = outputList.count
            if ownStart[state] < ownStart[state + 1] { outputList += ownList[ownStart[state]..<ownStart[state + 1]] }
            // element by element: appending a slice of the list itself would copy the whole list each time
            if state != 0 {
                for inherited in outputBegin[failure]..<outputEnd[failure] { outputList.append(outputList[inherited]) }
            }
            outputBegin[state] = begin
            outputEnd[state] = outputList.count
            table.withUnsafeMutableBufferPointer { rows in
                for column in 0..<width {
                    let slot = state * width + column
                    let child = rows[slot]
                    if child >= 0 {
                        fail[Int(child)] = state == 0 ? 0 : rows[failure * width + column]
                        order.append(child)
                    } else {
                        rows[slot] = state == 0 ? 0 : rows[failure * width + column]
                    }
                }
            }
        }
        next = table
    }

    /// The automaton as the scan reads it: a column for each byte the strings use and one (column 0) for
    /// all others, its states renumbered so that those with outputs come last, from the first row at or
    /// past twice a power of two above every other row (see `LexiconScanner.transitions`); the numbers
    /// between belong to no state and end nothing. The table is made with the 256 bytes' columns before the
    /// rows, as the scan reads it, so that it is not copied once more to put them there.
    func dense() -> (columnsAndRows: [UInt32], firstOutputRow: UInt32, width: UInt32,
                     outputStart: [Int32], outputs: [Int32], depths: [Int32]) {
        let width = alphabet.count + 1
        let silent = order.filter { outputBegin[Int($0)] == outputEnd[Int($0)] }
        let speaking = order.filter { outputBegin[Int($0)] < outputEnd[Int($0)] }
        // two silent rows add up to less than the first row with outputs (see `transitions`)
        let threshold = 2 * Self.powerOfTwo(atLeast: silent.count * width)
        let firstSpeaking = (threshold + width - 1) / width
        // each state's row in the table
        var rowOf = Array(repeatElement(UInt32(0), count: stateCount))
        for (index, state) in silent.enumerated() { rowOf[Int(state)] = UInt32(index * width) }
        for (index, state) in speaking.enumerated() { rowOf[Int(state)] = UInt32((firstSpeaking + index) * width) }
        let renumbered = silent + speaking
        let columns = LexiconScanner.Table.columns
        var table = [UInt32](repeating: 0, count: columns + (firstSpeaking + speaking.count) * width)
        table.withUnsafeMutableBufferPointer { table in
            fillRows(UnsafeMutableBufferPointer(rebasing: table[columns...]), states: renumbered, rowOf: rowOf)
        }
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt32(index + 1) }
        // capitals read as their lower-case letters (the strings are lower-cased: a capital among them
        // could never match a lower-cased text, and matches nothing here either)
        for capital in 65...90 { table[capital] = table[capital + 32] }
        if column[32] >= 0 {
            // a run of white space reads as one space: every byte of white space takes the space's column,
            // and a state entered by a space stays there on more of it
            let space = table[32]
            for byte in SpaceRuns.bytes { table[Int(byte)] = space }
            for state in enteredBySpace.map(Int.init) { table[columns + Int(rowOf[state] + space)] = rowOf[state] }
        }
        var outputStart: [Int32] = []
        var outputs: [Int32] = []
        outputStart.reserveCapacity(firstSpeaking + speaking.count + 1)
        for state in silent.map(Int.init) {
            outputStart.append(Int32(outputs.count))
            if outputBegin[state] < outputEnd[state] { outputs += outputList[outputBegin[state]..<outputEnd[state]] }
        }
        // the numbers of no state, between the silent states and the others
        outputStart += repeatElement(Int32(outputs.count), count: firstSpeaking - silent.count)
        for state in speaking.map(Int.init) {
            outputStart.append(Int32(outputs.count))
            outputs += outputList[outputBegin[state]..<outputEnd[state]]
        }
        outputStart.append(Int32(outputs.count))
        let depths = silent.map { depth[Int($0)] } + repeatElement(0, count: firstSpeaking - silent.count)
            + speaking.map { depth[Int($0)] }
        return (table, UInt32(threshold), UInt32(width), outputStart, outputs, depths)
    }

    /// The least power of two that is at least `count` (and at least 1).
    static func powerOfTwo(atLeast count: Int) -> Int {
        var power = 1
        while power < count { power <<= 1 }
        return power
    }

    /// Writes each state's edges over the bytes the strings use into its row of `table`, at the byte's
    /// column (one past its place in the alphabet; column 0, every other byte, stays zero: the start
    /// state's row).
    private func fillRows(_ table: UnsafeMutableBufferPointer<UInt32>, states: [Int32], rowOf: [UInt32]) {
        let width = alphabet.count
        next.withUnsafeBufferPointer { next in
            rowOf.withUnsafeBufferPointer { rowOf in
                for state in states.map(Int.init) {
                    let row = Int(rowOf[state])
                    for column in 0..<width {
                        table[row + column + 1] = rowOf[Int(next[state * width + column])]
                    }
                }
            }
        }
    }
}
