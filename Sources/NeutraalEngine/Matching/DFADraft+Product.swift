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
        // for each class of either part, the classes of the pair within it, four words each
        var withinFirst = [UInt64](repeating: 0, count: first.width * 4)
        var withinSecond = [UInt64](repeating: 0, count: second.width * 4)
        for classIndex in 0..<width {
            let bit = UInt64(1) << UInt64(classIndex & 63)
            withinFirst[firstClasses[classIndex] * 4 + classIndex >> 6] |= bit
            withinSecond[secondClasses[classIndex] * 4 + classIndex >> 6] |= bit
        }

        var pairs = PairStates(secondCount: second.stateCount, limit: limit)
        _ = pairs.number(0, 0)
        var rows: [Int32] = []
        var masks: [UInt64] = []
        var threadCounts: [Int32] = []
        var fallbacks: [Int32] = []
        var consumedClasses: [UInt64] = []
        let shift = UInt64(first.patternCount)
        let (firstRows, secondRows) = (first.rows, second.rows)
        // each state's row is put together here and then appended whole
        var row = [Int32](repeating: 0, count: width)
        var current = 0
        while current < pairs.count {
            let a = Int(pairs.firsts[current])
            let b = Int(pairs.seconds[current])
            let threads = first.threadCounts[a] + second.threadCounts[b]
            guard threads <= SubsetBuilder.threadLimit,
                  let fallback = pairs.number(first.fallbacks[a], second.fallbacks[b]) else { return nil }
            masks.append(first.masks[a] | second.masks[b] << shift)
            threadCounts.append(threads)
            fallbacks.append(fallback)
            let firstRow = a * first.width
            let secondRow = b * second.width
            // the classes that a thread of either consumes, the pair's; every other class leads to the fallback
            var consumed: ClassSet = (0, 0, 0, 0)
            Self.addClasses(consumedBy: a, of: first, within: withinFirst, to: &consumed)
            Self.addClasses(consumedBy: b, of: second, within: withinSecond, to: &consumed)
            ClassSets.append(consumed, to: &consumedClasses)
            for classIndex in 0..<width { row[classIndex] = fallback }
            // neighbouring classes often lead to the same pair: looked up once
            var lastA: Int32 = -1
            var lastB: Int32 = -1
            var lastTarget: Int32 = 0
            for quarter in 0..<4 {
                var rest = ClassSets.word(quarter, of: consumed)
                while rest != 0 {
                    let classIndex = quarter << 6 | rest.trailingZeroBitCount
                    rest &= rest &- 1
                    let targetA = firstRows[firstRow + firstClasses[classIndex]]
                    let targetB = secondRows[secondRow + secondClasses[classIndex]]
                    if targetA != lastA || targetB != lastB {
                        guard let target = pairs.number(targetA, targetB) else { return nil }
                        lastA = targetA
                        lastB = targetB
                        lastTarget = target
                    }
                    row[classIndex] = lastTarget
                }
            }
            rows.append(contentsOf: row)
            current += 1
        }
        return DFADraft(classOf: classOf, width: width, rows: rows, masks: masks, threadCounts: threadCounts,
                        fallbacks: fallbacks, consumedClasses: consumedClasses,
                        patternCount: first.patternCount + second.patternCount)
    }
}

extension DFADraft {
    /// Adds to `classes` the classes of a product within the classes that `state` of `part` consumes
    /// (`within`: for each class of `part`, the product's classes within it, four words each).
    fileprivate static func addClasses(consumedBy state: Int, of part: DFADraft, within: [UInt64],
                                       to classes: inout ClassSet) {
        for quarter in 0..<4 {
            ClassSets.addSets(atBitsOf: part.consumedClasses[state * 4 + quarter], from: quarter << 6, in: within, to: &classes)
        }
    }
}

/// The pairs of states of a product met so far, numbered in the order met: each pair a key
/// `first * secondCount + second` in a table with open addressing, kept at most half full.
private struct PairStates {
    /// The states of the first and of the second automaton of each pair, by number.
    private(set) var firsts: [Int32] = []
    private(set) var seconds: [Int32] = []
    private let secondCount: Int
    private let limit: Int
    private var keys = [Int](repeating: -1, count: 256)
    private var numbers = [Int32](repeating: 0, count: 256)

    init(secondCount: Int, limit: Int) {
        self.secondCount = secondCount
        self.limit = limit
    }

    /// How many pairs have been met.
    var count: Int { firsts.count }

    /// The number of the pair of `a` and `b`, given to it if it is new; nil when a new pair would be
    /// more than `limit`.
    mutating func number(_ a: Int32, _ b: Int32) -> Int32? {
        let key = Int(a) * secondCount + Int(b)
        var slot = Self.slot(of: key, in: keys.count)
        while true {
            let found = keys[slot]
            if found == key { return numbers[slot] }
            if found < 0 { break }
            slot = (slot &+ 1) & (keys.count - 1)
        }
        guard firsts.count < limit else { return nil }
        let number = Int32(firsts.count)
        keys[slot] = key
        numbers[slot] = number
        firsts.append(a)
        seconds.append(b)
        if 2 * firsts.count > keys.count { grow() }
        return number
    }

    /// The first slot to try for a key, in a table of `size` slots (a power of two): the top bits of the
    /// key times a large odd number (Fibonacci hashing).
    private static func slot(of key: Int, in size: Int) -> Int {
        let hash = UInt64(truncatingIfNeeded: key) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: hash >> UInt64(64 - size.trailingZeroBitCount))
    }

    /// Doubles the table.
    private mutating func grow() {
        let size = keys.count * 2
        keys = [Int](repeating: -1, count: size)
        numbers = [Int32](repeating: 0, count: size)
        for number in firsts.indices {
            let key = Int(firsts[number]) * secondCount + Int(seconds[number])
            var slot = Self.slot(of: key, in: size)
            while keys[slot] >= 0 { slot = (slot &+ 1) & (size - 1) }
            keys[slot] = key
            numbers[slot] = Int32(number)
        }
    }
}
