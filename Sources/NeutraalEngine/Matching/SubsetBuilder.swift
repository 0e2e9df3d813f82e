/// The programs of a group laid end to end, with what the subset construction needs of each instruction.
struct CombinedProgram {
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
        bytes(consumedAt: pc)?.contains(byte) ?? false
    }

    /// The bytes instruction `pc` consumes; nil for one that consumes none.
    func bytes(consumedAt pc: Int) -> Pattern.ByteSet? {
        switch code[pc] {
        case .byte(let expected):
            var set = Pattern.ByteSet()
            set.insert(expected)
            return set
        case .set(let bytes): return bytes
        case .any: return Self.anyByte
        default: return nil
        }
    }

    /// What `.` consumes: every byte but a line feed.
    private static let anyByte: Pattern.ByteSet = {
        var set = Pattern.ByteSet()
        set.insert(0x0A)
        set.invert()
        return set
    }()

    /// Bytes that every instruction treats alike, as classes numbered by their first byte: the class of
    /// each byte, and one byte of each.
    ///
    /// Bytes are alike when every instruction consumes both or neither. The classes are kept as sets of
    /// bytes and split by each distinct set of more than one byte that an instruction consumes, a few
    /// words at a time; a byte that an instruction consumes alone (a letter of the pattern, the most
    /// common) ends in a class of its own, so those bytes are set apart at the end, all at once.
    func byteClasses() -> (classOf: [Int], representatives: [Int]) {
        var classes = [Self.anyByte.union(Self.lineFeed)]
        var alone = Pattern.ByteSet()
        var splitBy: [Pattern.ByteSet] = []
        for pc in code.indices {
            guard let set = bytes(consumedAt: pc) else { continue }
            if set.count == 1 {
                alone.merge(set)
                continue
            }
            guard !splitBy.contains(where: { $0.words == set.words }) else { continue }
            splitBy.append(set)
            var split: [Pattern.ByteSet] = []
            for piece in classes {
                let inside = piece.intersection(set)
                let outside = piece.subtracting(set)
                if !inside.isEmpty { split.append(inside) }
                if !outside.isEmpty { split.append(outside) }
            }
            classes = split
        }
        var representatives: [Int] = []
        var classOf = [Int](repeating: 0, count: 256)
        var pieces: [(first: Int, bytes: Pattern.ByteSet)] = []
        for piece in classes {
            let rest = piece.subtracting(alone)
            if !rest.isEmpty { pieces.append((rest.members[0].asInt, rest)) }
            for byte in piece.intersection(alone).members {
                var single = Pattern.ByteSet()
                single.insert(byte)
                pieces.append((byte.asInt, single))
            }
        }
        pieces.sort { $0.first < $1.first }
        for (index, piece) in pieces.enumerated() {
            representatives.append(piece.first)
            for byte in piece.bytes.members { classOf[byte.asInt] = index }
        }
        return (classOf, representatives)
    }

    /// A line feed, the one byte that `.` does not consume.
    private static let lineFeed: Pattern.ByteSet = {
        var set = Pattern.ByteSet()
        set.insert(0x0A)
        return set
    }()
}

private extension UInt8 {
    var asInt: Int { Int(self) }
}

private extension Pattern.ByteSet {
    func intersection(_ other: Pattern.ByteSet) -> Pattern.ByteSet {
        var result = self
        result.words = (words.0 & other.words.0, words.1 & other.words.1, words.2 & other.words.2, words.3 & other.words.3)
        return result
    }

    func subtracting(_ other: Pattern.ByteSet) -> Pattern.ByteSet {
        var result = self
        result.words = (words.0 & ~other.words.0, words.1 & ~other.words.1, words.2 & ~other.words.2, words.3 & ~other.words.3)
        return result
    }

    func union(_ other: Pattern.ByteSet) -> Pattern.ByteSet {
        var result = self
        result.merge(other)
        return result
    }

    var isEmpty: Bool { (words.0 | words.1 | words.2 | words.3) == 0 }
}

/// The subset construction of a `PatternDFA` (see `DFADraft.init(programs:limit:)`).
///
/// A state is a set of consuming instructions (threads) and the patterns already matched; it is kept as
/// a bit set over the instructions of the combined program followed by its mask, in one flat pool, and
/// found again through a hash table over those words: the closure of a state's successors is a few ORs
/// of precomputed closures, with nothing to sort. The states are numbered as the construction meets
/// them: from the start state, each state's fallback first, then the targets of its classes in order.
struct SubsetBuilder: SubsetConstruction {
    let nfa: CombinedProgram
    /// What the construction works out, state by state.
    private(set) var tables = SubsetTables()

    /// Words of a set of instructions, one bit each.
    private let wordCount: Int
    /// Each state's threads as `wordCount` words, then its mask: `stride` words a state.
    private var pool: [UInt64] = []
    private var stride: Int { wordCount + 1 }
    /// State numbers by hash of their words (open addressing; -1 empty), and each state's hash.
    private var slots: [Int32] = []
    private var hashes: [UInt64] = []
    /// For each instruction, the closure of the instruction after it (the threads a thread at it becomes
    /// once it has consumed a byte) as `stride` words: consuming instructions reached through splits and
    /// jumps, and then the patterns whose match instruction is reached.
    private var successorClosures: [UInt64] = []
    /// For each pattern, its start's closure, as `stride` words.
    private var startClosures: [UInt64] = []
    /// The words being put together into a state.
    private var scratch: [UInt64] = []
    /// The threads being advanced (see `advance(mask:)`).
    private var advancing: [UInt64] = []

    /// A state has at most this many threads.
    static let threadLimit = 64

    init(nfa: CombinedProgram) {
        self.nfa = nfa
        wordCount = (nfa.code.count + 63) / 64
        var marks = [Int](repeating: -1, count: nfa.code.count)
        var stack: [Int] = []
        var closure = [UInt64](repeating: 0, count: wordCount + 1)
        // the consuming instructions and matches reached from `start`, written into `closure`
        func close(_ start: Int, mark: Int) {
            for word in closure.indices { closure[word] = 0 }
            stack.append(start)
            while let pc = stack.popLast() {
                guard pc < nfa.code.count, marks[pc] != mark else { continue }
                marks[pc] = mark
                switch nfa.code[pc] {
                case .split(let a, let b): stack.append(b); stack.append(a)
                case .jump(let target): stack.append(target)
                case .match: closure[wordCount] |= UInt64(1) << UInt64(nfa.owner[pc])
                default: closure[pc >> 6] |= UInt64(1) << UInt64(pc & 63)
                }
            }
        }
        var mark = 0
        successorClosures.reserveCapacity(nfa.code.count * (wordCount + 1))
        for pc in nfa.code.indices {
            close(pc + 1, mark: mark)
            mark += 1
            successorClosures.append(contentsOf: closure)
        }
        for start in nfa.starts {
            close(start, mark: mark)
            mark += 1
            startClosures.append(contentsOf: closure)
        }
        scratch = [UInt64](repeating: 0, count: wordCount + 1)
        advancing = [UInt64](repeating: 0, count: wordCount)
        slots = [Int32](repeating: -1, count: 256)
    }

    /// Builds every reachable state; false when there would be more than `limit`, or a state with more
    /// than `threadLimit` threads.
    mutating func build(limit: Int) -> Bool {
        let (classOf, representatives) = nfa.byteClasses()
        let classCount = representatives.count
        tables.classOf = classOf.map(Int32.init)
        tables.width = classCount
        // for each class, the instructions that consume it, as `wordCount` words; and for each instruction,
        // the classes it consumes, as four words (at most 256 classes)
        var classConsumers = [UInt64](repeating: 0, count: classCount * wordCount)
        var classesOfInstruction = [UInt64](repeating: 0, count: nfa.code.count * 4)
        for pc in nfa.code.indices {
            guard let set = nfa.bytes(consumedAt: pc) else { continue }
            for classIndex in 0..<classCount where set.contains(UInt8(truncatingIfNeeded: representatives[classIndex])) {
                classConsumers[classIndex * wordCount + pc >> 6] |= UInt64(1) << UInt64(pc & 63)
                classesOfInstruction[pc * 4 + classIndex >> 6] |= UInt64(1) << UInt64(classIndex & 63)
            }
        }
        startState(mask: 0)
        _ = state()
        // the state reached by a byte no thread consumes depends only on the mask
        var restart: [UInt64: Int32] = [:]
        // the distinct sets of threads that the classes of the current state advance, and their targets
        var advanced: [UInt64] = []
        var targets: [Int32] = []
        var current = 0
        while current < tables.masks.count {
            guard tables.masks.count <= limit else { return false }
            let base = current * stride
            let mask = pool[base + wordCount]
            var threadCount = 0
            for word in 0..<wordCount { threadCount += pool[base + word].nonzeroBitCount }
            guard threadCount <= Self.threadLimit else { return false }
            let fallback: Int32
            if let known = restart[mask] {
                fallback = known
            } else {
                startState(mask: mask)
                fallback = state()
                restart[mask] = fallback
            }
            tables.fallbacks.append(fallback)
            tables.threadCounts.append(Int32(threadCount))
            advanced.removeAll(keepingCapacity: true)
            targets.removeAll(keepingCapacity: true)
            // a class that no thread consumes leads to the fallback
            let row = tables.rows.count
            tables.rows.append(contentsOf: repeatElement(fallback, count: classCount))
            // the classes that some thread of the state consumes (the others lead to the fallback), in order
            var classes: ClassSet = (0, 0, 0, 0)
            for word in 0..<wordCount {
                ClassSets.addSets(atBitsOf: pool[base + word], from: word << 6, in: classesOfInstruction, to: &classes)
            }
            ClassSets.append(classes, to: &tables.consumedClasses)
            for quarter in 0..<4 {
                var rest = ClassSets.word(quarter, of: classes)
                while rest != 0 {
                    let classIndex = quarter << 6 | rest.trailingZeroBitCount
                    rest &= rest &- 1
                    // the threads that consume this class
                    let consumers = classIndex * wordCount
                    for word in 0..<wordCount { scratch[word] = pool[base + word] & classConsumers[consumers + word] }
                    // many classes advance the same threads: each distinct set is closed once per state
                    if let known = known(advanced, targets) {
                        tables.rows[row + classIndex] = known
                        continue
                    }
                    for word in 0..<wordCount { advanced.append(scratch[word]) }
                    let target = advance(mask: mask)
                    targets.append(target)
                    tables.rows[row + classIndex] = target
                }
            }
            current += 1
        }
        return tables.masks.count <= limit
    }

    /// The target of the set of threads in `scratch` (its first `wordCount` words) among those already
    /// closed for the current state.
    private func known(_ advanced: [UInt64], _ targets: [Int32]) -> Int32? {
        var index = 0
        while index < targets.count {
            var same = true
            for word in 0..<wordCount where advanced[index * wordCount + word] != scratch[word] {
                same = false
                break
            }
            if same { return targets[index] }
            index += 1
        }
        return nil
    }

    /// The state that the threads in `scratch` become after consuming a byte, patterns not yet matched
    /// starting anew beside them.
    private mutating func advance(mask: UInt64) -> Int32 {
        for word in 0..<wordCount { advancing[word] = scratch[word] }
        startState(mask: mask)
        for word in 0..<wordCount {
            var rest = advancing[word]
            while rest != 0 {
                let pc = word << 6 | rest.trailingZeroBitCount
                rest &= rest &- 1
                let closure = pc * stride
                for other in 0..<stride { scratch[other] |= successorClosures[closure + other] }
            }
        }
        return state()
    }

    /// Puts into `scratch` the closure of the start of every pattern not in `mask`, and `mask`: a match
    /// may start at every position.
    private mutating func startState(mask: UInt64) {
        for word in 0..<wordCount { scratch[word] = 0 }
        scratch[wordCount] = mask
        for pattern in nfa.starts.indices where mask & (UInt64(1) << UInt64(pattern)) == 0 {
            let closure = pattern * stride
            for word in 0..<stride { scratch[word] |= startClosures[closure + word] }
        }
    }

    /// The number of the state in `scratch`, made if new: the threads of patterns matched dropped first.
    private mutating func state() -> Int32 {
        let mask = scratch[wordCount]
        var matched = mask
        while matched != 0 {
            let pattern = matched.trailingZeroBitCount
            matched &= matched &- 1
            let end = pattern + 1 < nfa.starts.count ? nfa.starts[pattern + 1] : nfa.code.count
            clear(nfa.starts[pattern]..<end)
        }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for word in 0..<stride { hash = (hash ^ scratch[word]) &* 0x100_0000_01B3 ^ (hash >> 29) }
        var slot = Self.slot(hash, in: slots.count)
        while slots[slot] >= 0 {
            let number = Int(slots[slot])
            if hashes[number] == hash {
                var same = true
                for word in 0..<stride where pool[number * stride + word] != scratch[word] {
                    same = false
                    break
                }
                if same { return Int32(number) }
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        let number = Int32(tables.masks.count)
        slots[slot] = number
        hashes.append(hash)
        pool.append(contentsOf: scratch)
        tables.masks.append(mask)
        if 2 * tables.masks.count > slots.count { rehash() }
        return number
    }

    /// Clears the bits of the instructions in `range` in `scratch`, a word at a time.
    private mutating func clear(_ range: Range<Int>) {
        var pc = range.lowerBound
        while pc < range.upperBound {
            let bit = pc & 63
            let count = min(64 - bit, range.upperBound - pc)
            let bits = count == 64 ? ~UInt64(0) : ((UInt64(1) << UInt64(count)) - 1) << UInt64(bit)
            scratch[pc >> 6] &= ~bits
            pc += count
        }
    }

    /// The first slot to try for a hash, in a table of `count` slots (a power of two).
    private static func slot(_ hash: UInt64, in count: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & (count - 1)
    }

    /// Doubles the hash table, keeping it at most half full.
    private mutating func rehash() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for number in hashes.indices {
            var slot = Self.slot(hashes[number], in: slots.count)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(number)
        }
    }
}
