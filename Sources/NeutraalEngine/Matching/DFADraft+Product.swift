extension DFADraft {
    /// The automaton of the patterns of `first` and `second` together, `second`'s bits after `first`'s:
    /// the very one that the subset construction over all their programs builds, state for state and
    /// number for number, or nil exactly when that construction gives up (more than `limit` states, or a
    /// state with more than `SubsetBuilder.threadLimit` threads); found without it.
    ///
    /// The threads of different patterns never meet: a state of the group is a state of `first` beside
    /// one of `second`, each moving on every byte as it would alone, so the group's states are the pairs
    /// reached from the pair of start states, and a pair's mask and threads are those of both. Its
    /// classes tell apart the bytes that either tells apart, numbered by their first byte as the subset
    /// construction numbers them, and the pairs are numbered in the order that construction meets its
    /// states (a state's fallback, then the targets of its classes in order): the same table. A step
    /// is two look-ups and a hash of two numbers, where the subset construction closes, sorts and hashes
    /// a set of threads; and a group too large is found so after at most `limit + 1` states.
    ///
    /// - Complexity: O(states × classes) of the group, at most `limit + 1` states.
    static func product(_ first: DFADraft, _ second: DFADraft, limit: Int) -> DFADraft? {
        guard first.patternCount + second.patternCount <= PatternDFA.groupLimit else { return nil }
        // the class of each byte: its pair of classes, numbered by first byte; and each class's pair
        var classOf = [Int32](repeating: 0, count: 256)
        var firstClasses: [Int] = []
        var secondClasses: [Int] = []
        var classOfPair = [Int32](repeating: -1, count: first.width * second.width)
        for byte in 0..<256 {
            let pair = Int(first.classOf[byte]) * second.width + Int(second.classOf[byte])
            if classOfPair[pair] < 0 {
                classOfPair[pair] = Int32(firstClasses.count)
                firstClasses.append(Int(first.classOf[byte]))
                secondClasses.append(Int(second.classOf[byte]))
            }
            classOf[byte] = classOfPair[pair]
        }
        let width = firstClasses.count

        // the pairs met so far, by number
        var firsts: [Int32] = []
        var seconds: [Int32] = []
        var numbers = PairNumbers(capacity: min(limit + 1, first.stateCount * second.stateCount))
        // the number of the pair, given it if new; nil when a new pair would be one state too many
        func number(_ a: Int32, _ b: Int32) -> Int32? {
            let found = numbers.number(of: Int(a) * second.stateCount + Int(b), orNext: Int32(firsts.count))
            guard found.isNew else { return found.number }
            guard firsts.count < limit else { return nil }
            firsts.append(a)
            seconds.append(b)
            return found.number
        }
        _ = number(0, 0)

        var rows: [Int32] = []
        var masks: [UInt64] = []
        var threadCounts: [Int32] = []
        var fallbacks: [Int32] = []
        let shift = UInt64(first.patternCount)
        // each state's row is put together here and then appended whole
        var row = [Int32](repeating: 0, count: width)
        let completed = first.rows.withUnsafeBufferPointer { firstRows in
            second.rows.withUnsafeBufferPointer { secondRows in
                firstClasses.withUnsafeBufferPointer { firstClasses in
                    secondClasses.withUnsafeBufferPointer { secondClasses in
                        var current = 0
                        while current < firsts.count {
                            let a = Int(firsts[current])
                            let b = Int(seconds[current])
                            let threads = first.threadCounts[a] + second.threadCounts[b]
                            guard threads <= SubsetBuilder.threadLimit,
                                  let fallback = number(first.fallbacks[a], second.fallbacks[b]) else { return false }
                            masks.append(first.masks[a] | second.masks[b] << shift)
                            threadCounts.append(threads)
                            fallbacks.append(fallback)
                            let firstRow = firstRows.baseAddress.map { $0 + a * first.width }
                            let secondRow = secondRows.baseAddress.map { $0 + b * second.width }
                            guard let firstRow, let secondRow else { return false }
                            // neighbouring classes often lead to the same pair: looked up once
                            var lastA: Int32 = -1
                            var lastB: Int32 = -1
                            var lastTarget: Int32 = 0
                            for classIndex in 0..<width {
                                let targetA = firstRow[firstClasses[classIndex]]
                                let targetB = secondRow[secondClasses[classIndex]]
                                if targetA != lastA || targetB != lastB {
                                    guard let target = number(targetA, targetB) else { return false }
                                    lastA = targetA
                                    lastB = targetB
                                    lastTarget = target
                                }
                                row[classIndex] = lastTarget
                            }
                            rows.append(contentsOf: row)
                            current += 1
                        }
                        return true
                    }
                }
            }
        }
        guard completed else { return nil }
        return DFADraft(classOf: classOf, width: width, rows: rows, masks: masks, threadCounts: threadCounts,
                        fallbacks: fallbacks, patternCount: first.patternCount + second.patternCount)
    }
}

/// The numbers given to pairs of states, each pair a key `first * secondCount + second`: a table with open
/// addressing, never more than half full.
private struct PairNumbers {
    private var keys: [Int]
    private var numbers: [Int32]
    /// Slots are numbered by the top bits of a key times a large odd number (Fibonacci hashing).
    private let slotShift: UInt64

    /// A table for up to `capacity` pairs.
    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        keys = [Int](repeating: -1, count: size)
        numbers = [Int32](repeating: 0, count: size)
        slotShift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// The number of `key`; when it has none, `next`, which it gets.
    mutating func number(of key: Int, orNext next: Int32) -> (number: Int32, isNew: Bool) {
        let slotMask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: key) &* 0x9E37_79B9_7F4A_7C15) >> slotShift)
        while true {
            let found = keys[slot]
            if found == key { return (numbers[slot], false) }
            if found < 0 {
                keys[slot] = key
                numbers[slot] = next
                return (next, true)
            }
            slot = (slot &+ 1) & slotMask
        }
    }
}
