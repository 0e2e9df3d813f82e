/// Every entry of every lexicon compiled into one Aho–Corasick automaton over folded bytes, so that a
/// text is read once whatever the number of entries: time linear in the text plus the matches.
public struct LexiconScanner: Sendable {
    /// A match of one lexicon entry, in folded-byte offsets.
    public struct Match: Sendable {
        public let lexicon: Int
        public let entry: Int
        public let range: Range<Int>
    }

    struct Pattern: Sendable {
        let lexicon: Int
        let entry: Int
        let lower: [UInt8]
        let cased: [UInt8]
        let caseSensitive: Bool
        let wholeWords: Bool
    }

    private let patterns: [Pattern]
    /// Dense transition table: state * 256 + byte gives the next state times two, plus one when that
    /// state ends some entry (so the scan looks at the outputs only where there are any).
    private let transitions: [Int32]
    private let outputStart: [Int32]
    private let outputs: [Int32]

    public init(lexicons: [Lexicon]) {
        var patterns: [Pattern] = []
        for (lexiconIndex, lexicon) in lexicons.enumerated() {
            for (entryIndex, entry) in lexicon.entries.enumerated() {
                let folded = FoldedText.fold(entry: entry.text)
                guard !folded.lower.isEmpty else { continue }
                patterns.append(Pattern(lexicon: lexiconIndex, entry: entryIndex, lower: folded.lower, cased: folded.cased,
                                        caseSensitive: entry.caseSensitive, wholeWords: lexicon.wholeWords))
            }
        }
        // trie
        var goto: [[Int32]] = [Array(repeating: -1, count: 256)]
        var own: [[Int32]] = [[]]
        for (index, pattern) in patterns.enumerated() {
            var state = 0
            for byte in pattern.lower {
                let next = goto[state][Int(byte)]
                if next >= 0 {
                    state = Int(next)
                } else {
                    goto.append(Array(repeating: -1, count: 256))
                    own.append([])
                    goto[state][Int(byte)] = Int32(goto.count - 1)
                    state = goto.count - 1
                }
            }
            own[state].append(Int32(index))
        }
        // breadth-first failure links, completing the table into a DFA
        let stateCount = goto.count
        var fail = [Int32](repeating: 0, count: stateCount)
        var table = [Int32](repeating: 0, count: stateCount * 256)
        var collected = own
        var queue: [Int] = []
        for byte in 0..<256 {
            let next = goto[0][byte]
            if next >= 0 {
                table[byte] = next
                fail[Int(next)] = 0
                queue.append(Int(next))
            } else {
                table[byte] = 0
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            collected[state] += collected[Int(fail[state])]
            for byte in 0..<256 {
                let next = goto[state][byte]
                if next >= 0 {
                    fail[Int(next)] = table[Int(fail[state]) * 256 + byte]
                    table[state * 256 + byte] = next
                    queue.append(Int(next))
                } else {
                    table[state * 256 + byte] = table[Int(fail[state]) * 256 + byte]
                }
            }
        }
        var starts: [Int32] = []
        var flat: [Int32] = []
        for state in 0..<stateCount {
            starts.append(Int32(flat.count))
            flat += collected[state]
        }
        starts.append(Int32(flat.count))
        for index in table.indices {
            let next = Int(table[index])
            table[index] = table[index] << 1 | (starts[next] < starts[next + 1] ? 1 : 0)
        }
        self.patterns = patterns
        self.transitions = table
        self.outputStart = starts
        self.outputs = flat
    }

    /// Every match in a folded text, in order of their end.
    public func scan(_ text: FoldedText) -> [Match] {
        var matches: [Match] = []
        transitions.withUnsafeBufferPointer { table in
            text.lower.withUnsafeBufferPointer { bytes in
                // the state lives in this closure, not outside it, so the loop needs no checks on it
                var state = 0
                for index in 0..<bytes.count {
                    let entry = table[state &* 256 &+ Int(bytes[index])]
                    state = Int(entry >> 1)
                    if entry & 1 != 0 { collect(state, endingAt: index, in: text, into: &matches) }
                }
            }
        }
        return matches
    }

    /// The entries that end at `index` in output state `state` and stand as matches there (whole words,
    /// case), appended to `matches`. Never inlined: the byte loop keeps its few registers to itself.
    @inline(never)
    private func collect(_ state: Int, endingAt index: Int, in text: FoldedText, into matches: inout [Match]) {
        let lower = text.lower
        let begin = Int(outputStart[state])
        let end = Int(outputStart[state + 1])
        guard begin < end else { return }
        for output in begin..<end {
            let pattern = patterns[Int(outputs[output])]
            let start = index + 1 - pattern.lower.count
            if pattern.wholeWords {
                if start > 0, FoldedText.isWordByte(lower[start - 1]), FoldedText.isWordByte(pattern.lower[0]) { continue }
                if index + 1 < lower.count, FoldedText.isWordByte(lower[index + 1]),
                   let last = pattern.lower.last, FoldedText.isWordByte(last) { continue }
            }
            if pattern.caseSensitive, !text.cased[start...index].elementsEqual(pattern.cased) { continue }
            matches.append(Match(lexicon: pattern.lexicon, entry: pattern.entry, range: start..<index + 1))
        }
    }
}
