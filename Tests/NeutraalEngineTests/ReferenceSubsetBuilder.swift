@testable import NeutraalEngine

extension CombinedProgram {
    /// As first written: bytes that every instruction treats alike, as classes: the class of each byte, and one byte of each.
    func referenceByteClasses() -> (classOf: [Int], representatives: [Int]) {
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

extension DFADraft {
    /// The draft that the reference subset construction builds; nil where it gives up.
    init?(referenceOf programs: [[Pattern.Instruction]], limit: Int) {
        self.init(programs: programs, limit: limit, construction: ReferenceSubsetBuilder.self)
    }
}

/// The subset construction as first written (closing, sorting and hashing arrays of threads), kept as
/// the reference that `SubsetBuilder` must build the same automata as, table for table.
struct ReferenceSubsetBuilder: SubsetConstruction {
    let nfa: CombinedProgram
    /// What the construction works out, state by state.
    private(set) var tables = SubsetTables()
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
    static let threadLimit = SubsetBuilder.threadLimit

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
        let (classOf, representatives) = nfa.referenceByteClasses()
        let classCount = representatives.count
        tables.classOf = classOf.map(Int32.init)
        tables.width = classCount
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
            let mask = tables.masks[current]
            let threads = states[current].dropLast()
            guard threads.count <= Self.threadLimit else { return false }
            for classIndex in 0..<classCount { consumers[classIndex] = 0 }
            for (bit, pc) in threads.enumerated() {
                for classIndex in classesOf[pc] { consumers[classIndex] |= UInt64(1) << UInt64(bit) }
            }
            let fallback = restart[mask] ?? state(seeds: unmatchedStarts(mask), mask: mask)
            restart[mask] = fallback
            tables.fallbacks.append(fallback)
            tables.threadCounts.append(Int32(threads.count))
            var consumed = [UInt64](repeating: 0, count: 4)
            for classIndex in 0..<classCount where consumers[classIndex] != 0 { consumed[classIndex >> 6] |= UInt64(1) << UInt64(classIndex & 63) }
            tables.consumedClasses.append(contentsOf: consumed)
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
            tables.rows.append(contentsOf: row)
            current += 1
        }
        return states.count <= limit
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
        tables.masks.append(newMask)
        return number
    }
}
