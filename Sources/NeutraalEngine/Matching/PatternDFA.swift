/// The deterministic automaton of a pattern without assertions, built once when the rule set loads, so
/// that "does this text match?" costs one table look-up per byte. Where a match exists, `Pattern` then
/// runs its NFA to find where (only for the texts that match).
struct PatternDFA: Sendable {
    private let transitions: [Int32]
    private let accepting: [Bool]

    /// The states the construction may make before it gives up (the NFA is then used alone).
    static let stateLimit = 4096

    /// Subset construction over the pattern's program; nil when the program has assertions or the
    /// automaton would grow too large.
    init?(program: [Pattern.Instruction]) {
        for instruction in program {
            switch instruction {
            case .wordBoundary, .lineStart, .lineEnd: return nil
            default: continue
            }
        }
        func closure(_ seeds: [Int]) -> [Int] {
            var seen = Set<Int>()
            var result: [Int] = []
            var stack = seeds
            while let pc = stack.popLast() {
                guard pc < program.count, seen.insert(pc).inserted else { continue }
                switch program[pc] {
                case .split(let a, let b): stack.append(b); stack.append(a)
                case .jump(let target): stack.append(target)
                default: result.append(pc)
                }
            }
            return result.sorted()
        }
        // bytes that every instruction treats alike form one class; the construction works per class
        var classOf = [Int](repeating: 0, count: 256)
        var representatives: [Int] = []
        var signatures: [[Bool]: Int] = [:]
        for byte in 0..<256 {
            let signature = program.map { instruction -> Bool in
                switch instruction {
                case .byte(let expected): return Int(expected) == byte
                case .set(let bytes): return bytes.contains(UInt8(byte))
                case .any: return byte != 0x0A
                default: return false
                }
            }
            if let known = signatures[signature] {
                classOf[byte] = known
            } else {
                signatures[signature] = representatives.count
                classOf[byte] = representatives.count
                representatives.append(byte)
            }
        }
        let start = closure([0])
        var states: [[Int]] = [start]
        var index: [[Int]: Int32] = [start: 0]
        var table: [Int32] = []
        var accepting: [Bool] = []
        // many bytes lead to the same seeds: close each distinct seed list once
        var closed: [[Int]: Int32] = [:]
        var current = 0
        while current < states.count {
            let set = states[current]
            accepting.append(set.contains { if case .match = program[$0] { return true }; return false })
            var classRow = [Int32](repeating: 0, count: representatives.count)
            for (classIndex, byte) in representatives.enumerated() {
                var seeds: [Int] = [0]   // unanchored: a match may start at every position
                for pc in set {
                    switch program[pc] {
                    case .byte(let expected) where Int(expected) == byte: seeds.append(pc + 1)
                    case .set(let bytes) where bytes.contains(UInt8(byte)): seeds.append(pc + 1)
                    case .any where byte != 0x0A: seeds.append(pc + 1)
                    default: break
                    }
                }
                if let known = closed[seeds] {
                    classRow[classIndex] = known
                    continue
                }
                let next = closure(seeds)
                if let known = index[next] {
                    classRow[classIndex] = known
                } else {
                    guard states.count < Self.stateLimit else { return nil }
                    index[next] = Int32(states.count)
                    classRow[classIndex] = Int32(states.count)
                    states.append(next)
                }
                closed[seeds] = classRow[classIndex]
            }
            for byte in 0..<256 { table.append(classRow[classOf[byte]]) }
            current += 1
        }
        self.transitions = table
        self.accepting = accepting
    }

    /// Whether the input holds a match anywhere.
    func hasMatch(_ input: [UInt8]) -> Bool {
        if accepting[0] { return true }
        return transitions.withUnsafeBufferPointer { table in
            accepting.withUnsafeBufferPointer { accept in
                var state = 0
                for byte in input {
                    state = Int(table[state &* 256 &+ Int(byte)])
                    if accept[state] { return true }
                }
                return false
            }
        }
    }
}
