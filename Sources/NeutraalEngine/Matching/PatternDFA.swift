/// One deterministic automaton over a group of patterns without assertions (all of one case mode), built
/// once when the rule set loads: a text is read once, one table look-up per byte, and the result is the
/// set of patterns that match it anywhere (a bit mask, one bit per pattern of the group). Where a pattern
/// matches, `Pattern` then runs its NFA to find where (only for the texts that match).
///
/// A state is the set of NFA threads still alive plus the patterns already seen to match: the threads of
/// a pattern are dropped once it has matched, so the bits only ever grow and the state after the last
/// byte holds the answer.
struct PatternDFA: Sendable {
    /// Dense transition table: the entry at `state * 256 + byte` is the next state times 256.
    private let transitions: [Int32]
    /// For each state, the patterns matched on the way to it.
    private let masks: [UInt64]
    /// The mask with every pattern of the group.
    let fullMask: UInt64

    /// The states the construction may make before it gives up.
    static let stateLimit = 4096
    /// At most this many patterns share one automaton (one bit each).
    static let groupLimit = 64

    /// Subset construction over the patterns' programs; nil when a program has assertions, there are too
    /// many patterns, or the automaton would grow too large.
    init?(programs: [[Pattern.Instruction]]) {
        guard !programs.isEmpty, programs.count <= Self.groupLimit,
              let nfa = CombinedProgram(programs) else { return nil }
        var builder = SubsetBuilder(nfa: nfa)
        guard builder.build(limit: Self.stateLimit) else { return nil }
        self.transitions = builder.table
        self.masks = builder.masks
        self.fullMask = programs.count == 64 ? ~0 : (UInt64(1) << UInt64(programs.count)) - 1
    }

    /// The automaton of a single program (its pattern is bit 1).
    init?(program: [Pattern.Instruction]) {
        self.init(programs: [program])
    }

    /// The patterns (as bits) that match somewhere in the input.
    func matches(_ input: [UInt8]) -> UInt64 {
        let full = fullMask
        if masks[0] == full { return full }
        return transitions.withUnsafeBufferPointer { table in
            input.withUnsafeBufferPointer { bytes in
                var state = 0
                var index = 0
                let count = bytes.count
                // in blocks, looking at the matched patterns only between blocks
                while index < count {
                    let end = min(index &+ 64, count)
                    while index &+ 4 <= end {
                        state = Int(table[state &+ Int(bytes[index])])
                        state = Int(table[state &+ Int(bytes[index &+ 1])])
                        state = Int(table[state &+ Int(bytes[index &+ 2])])
                        state = Int(table[state &+ Int(bytes[index &+ 3])])
                        index &+= 4
                    }
                    while index < end {
                        state = Int(table[state &+ Int(bytes[index])])
                        index &+= 1
                    }
                    if masks[state >> 8] == full { return full }
                }
                return masks[state >> 8]
            }
        }
    }
}

/// The programs of a group laid end to end, with what the subset construction needs of each instruction.
private struct CombinedProgram {
    /// Where each pattern's program starts.
    let starts: [Int]
    /// The pattern each instruction belongs to.
    let owner: [Int]
    /// The instructions, jumps and splits moved to their place in the combined program.
    let code: [Pattern.Instruction]

    init?(_ programs: [[Pattern.Instruction]]) {
        var starts: [Int] = []
        var owner: [Int] = []
        var code: [Pattern.Instruction] = []
        for (index, program) in programs.enumerated() {
            let base = code.count
            starts.append(base)
            for instruction in program {
                switch instruction {
                case .wordBoundary, .lineStart, .lineEnd: return nil
                case .split(let a, let b): code.append(.split(a + base, b + base))
                case .jump(let target): code.append(.jump(target + base))
                default: code.append(instruction)
                }
                owner.append(index)
            }
        }
        self.starts = starts
        self.owner = owner
        self.code = code
    }

    /// Whether instruction `pc` consumes `byte`.
    func consumes(_ pc: Int, _ byte: UInt8) -> Bool {
        switch code[pc] {
        case .byte(let expected): return expected == byte
        case .set(let bytes): return bytes.contains(byte)
        case .any: return byte != 0x0A
        default: return false
        }
    }

    /// Bytes that every instruction treats alike, as classes: the class of each byte, and one byte of each.
    func byteClasses() -> (classOf: [Int], representatives: [Int]) {
        var classOf = [Int](repeating: 0, count: 256)
        var classCount = 1
        for pc in code.indices {
            switch code[pc] {
            case .byte, .set, .any: break
            default: continue
            }
            // split every class into its bytes inside and outside this instruction's set
            var renamed = [Int](repeating: -1, count: classCount * 2)
            var next = 0
            for byte in 0..<256 {
                let key = classOf[byte] * 2 + (consumes(pc, UInt8(byte)) ? 1 : 0)
                if renamed[key] < 0 { renamed[key] = next; next += 1 }
                classOf[byte] = renamed[key]
            }
            classCount = next
        }
        var representatives = [Int](repeating: -1, count: classCount)
        for byte in 0..<256 where representatives[classOf[byte]] < 0 { representatives[classOf[byte]] = byte }
        return (classOf, representatives)
    }
}

/// The subset construction of a `PatternDFA`.
private struct SubsetBuilder {
    let nfa: CombinedProgram
    var table: [Int32] = []
    var masks: [UInt64] = []
    /// Each state's consuming threads (sorted) followed by its mask, as the key to find it again.
    private var index: [[Int]: Int32] = [:]
    private var states: [[Int]] = []
    /// For each instruction, the consuming instructions reached from it through splits and jumps, and
    /// the patterns whose match instruction is reached.
    private let closures: [(threads: [Int], mask: UInt64)]
    /// Marks for merging closures, by instruction.
    private var seen: [Int]
    private var generation = 0

    /// A state has at most this many threads (one bit each while its transitions are worked out).
    static let threadLimit = 64

    init(nfa: CombinedProgram) {
        self.nfa = nfa
        self.seen = [Int](repeating: -1, count: nfa.code.count)
        self.closures = nfa.code.indices.map { Self.closure(from: $0, in: nfa) }
    }

    /// The consuming instructions reached from `start` through splits and jumps, and the patterns whose
    /// match instruction is reached.
    private static func closure(from start: Int, in nfa: CombinedProgram) -> (threads: [Int], mask: UInt64) {
        var seen = Set<Int>()
        var threads: [Int] = []
        var mask: UInt64 = 0
        var stack = [start]
        while let pc = stack.popLast() {
            guard pc < nfa.code.count, seen.insert(pc).inserted else { continue }
            switch nfa.code[pc] {
            case .split(let a, let b): stack.append(b); stack.append(a)
            case .jump(let target): stack.append(target)
            case .match: mask |= UInt64(1) << UInt64(nfa.owner[pc])
            default: threads.append(pc)
            }
        }
        return (threads, mask)
    }

    /// Builds every reachable state; false when there would be more than `limit`, or a state with more
    /// than `threadLimit` threads.
    mutating func build(limit: Int) -> Bool {
        let (classOf, representatives) = nfa.byteClasses()
        let classCount = representatives.count
        // the classes each instruction consumes
        let classesOf: [[Int]] = nfa.code.indices.map { pc in
            (0..<classCount).filter { nfa.consumes(pc, UInt8(representatives[$0])) }
        }
        _ = state(seeds: nfa.starts, mask: 0)
        // the state reached by a byte no thread consumes depends only on the mask
        var restart: [UInt64: Int32] = [:]
        // for each class, the threads of the current state that consume it, as bits
        var consumers = [UInt64](repeating: 0, count: classCount)
        var current = 0
        while current < states.count {
            guard states.count <= limit else { return false }
            let mask = masks[current]
            let threads = states[current].dropLast()
            guard threads.count <= Self.threadLimit else { return false }
            for classIndex in 0..<classCount { consumers[classIndex] = 0 }
            for (bit, pc) in threads.enumerated() {
                for classIndex in classesOf[pc] { consumers[classIndex] |= UInt64(1) << UInt64(bit) }
            }
            let fallback = restart[mask] ?? state(seeds: unmatchedStarts(mask), mask: mask)
            restart[mask] = fallback
            var row = [Int32](repeating: fallback, count: classCount)
            // many classes advance the same threads: each distinct set is closed once per state
            var targets: [(consumers: UInt64, target: Int32)] = []
            for classIndex in 0..<classCount where consumers[classIndex] != 0 {
                let bits = consumers[classIndex]
                if let known = targets.first(where: { $0.consumers == bits }) {
                    row[classIndex] = known.target
                    continue
                }
                var seeds = unmatchedStarts(mask)
                for (bit, pc) in threads.enumerated() where bits & (UInt64(1) << UInt64(bit)) != 0 { seeds.append(pc + 1) }
                let target = state(seeds: seeds, mask: mask)
                targets.append((bits, target))
                row[classIndex] = target
            }
            appendRow(row, classOf: classOf)
            current += 1
        }
        return states.count <= limit
    }

    /// Appends a state's 256 table entries: for each byte, the target of its class times 256.
    private mutating func appendRow(_ row: [Int32], classOf: [Int]) {
        let base = table.count
        table.append(contentsOf: repeatElement(0, count: 256))
        table.withUnsafeMutableBufferPointer { entries in
            row.withUnsafeBufferPointer { targets in
                for byte in 0..<256 { entries[base + byte] = targets[classOf[byte]] &* 256 }
            }
        }
    }

    /// The start of every pattern not yet matched: a match may start at every position.
    private func unmatchedStarts(_ mask: UInt64) -> [Int] {
        nfa.starts.indices.compactMap { mask & (UInt64(1) << UInt64($0)) == 0 ? nfa.starts[$0] : nil }
    }

    /// The state of the closure of `seeds`, made if new: the threads of patterns already matched dropped.
    private mutating func state(seeds: [Int], mask: UInt64) -> Int32 {
        generation += 1
        var newMask = mask
        var threads: [Int] = []
        for seed in seeds where seed < nfa.code.count {
            newMask |= closures[seed].mask
            for pc in closures[seed].threads where seen[pc] != generation {
                seen[pc] = generation
                threads.append(pc)
            }
        }
        threads.removeAll { newMask & (UInt64(1) << UInt64(nfa.owner[$0])) != 0 }
        threads.sort()
        threads.append(Int(bitPattern: UInt(newMask)))
        if let known = index[threads] { return known }
        let number = Int32(states.count)
        index[threads] = number
        states.append(threads)
        masks.append(newMask)
        return number
    }
}
