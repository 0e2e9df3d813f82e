/// A small regular expression compiled to a Thompson NFA and run by simulation, so matching always
/// takes time linear in the text (times the pattern's size): there are no back-references or
/// look-arounds and no backtracking.
///
/// Syntax: literals, `.`, classes `[a-z]` `[^0-9]`, `\d \w \s \b \B`, `^ $`, groups `( )`, `|`,
/// `* + ?`. Matching folds diacritics and case like lexicons do; `(?c)` in front makes it case-sensitive.
/// A space stands for any run of white space, as in lexicon entries; `\ ` is exactly one space.
public struct Pattern: Sendable {
    /// A pattern that does not parse, with the character offset of the problem.
    public struct SyntaxError: Error, Sendable {
        public let message: String
        public let offset: Int
        /// Advice on what to write instead, where there is any.
        public var hint: String? = nil
    }

    enum Instruction: Sendable {
        case byte(UInt8)
        case set(ByteSet)
        case any
        case split(Int, Int)
        case jump(Int)
        case wordBoundary(Bool)
        case lineStart
        case lineEnd
        case match
    }

    struct ByteSet: Sendable {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        mutating func insert(_ byte: UInt8) {
            let bit = UInt64(1) << UInt64(byte & 63)
            switch byte >> 6 {
            case 0: words.0 |= bit
            case 1: words.1 |= bit
            case 2: words.2 |= bit
            default: words.3 |= bit
            }
        }
        func contains(_ byte: UInt8) -> Bool {
            let bit = UInt64(1) << UInt64(byte & 63)
            switch byte >> 6 {
            case 0: return words.0 & bit != 0
            case 1: return words.1 & bit != 0
            case 2: return words.2 & bit != 0
            default: return words.3 & bit != 0
            }
        }
        mutating func invert() { words = (~words.0, ~words.1, ~words.2, ~words.3) }
        /// How many bytes the set holds.
        var count: Int {
            words.0.nonzeroBitCount + words.1.nonzeroBitCount + words.2.nonzeroBitCount + words.3.nonzeroBitCount
        }
        /// The bytes the set holds, in ascending order.
        var members: [UInt8] {
            var bytes: [UInt8] = []
            for (base, word) in [(0, words.0), (64, words.1), (128, words.2), (192, words.3)] {
                var rest = word
                while rest != 0 {
                    bytes.append(UInt8(base + rest.trailingZeroBitCount))
                    rest &= rest - 1
                }
            }
            return bytes
        }
    }

    /// The pattern as written.
    public let source: String
    public let caseSensitive: Bool
    let program: [Instruction]
    /// The bytes a match can start with (nil when a match can be empty): positions where no thread is
    /// alive and the byte is not among these are skipped without running the automaton.
    let firstBytes: ByteSet?
    /// The deterministic automaton that answers "is there a match?" in one look-up per byte, for this
    /// pattern alone or for its group (nil until `withAutomaton()` or `withSharedAutomata(_:)` builds it,
    /// and for patterns with assertions): a filter in front of the NFA.
    private(set) var automaton: PatternDFA?
    /// This pattern's bit in what its automaton finds.
    private(set) var automatonBit: UInt64 = 0
    /// The number of the group whose automaton this pattern shares (see `withSharedAutomata(_:)`); -1
    /// when the pattern has no automaton or one of its own.
    public private(set) var automatonGroup = -1
    /// Strings of which every match contains one, lower-cased (see `PatternLiterals`); nil when there
    /// are none worth looking for.
    let requiredLiterals: [[UInt8]]?
    /// This pattern's bit among the literals the lexicon scanner looks for (see `withLiteralBits(_:)`):
    /// when a text's scan did not set it, the pattern cannot match there. 0 when the scanner does not look
    /// for this pattern's literals, and the pattern is searched in every text.
    public private(set) var literalBit: UInt64 = 0

    public init(_ source: String) throws {
        var text = Substring(source)
        var caseSensitive = false
        if text.hasPrefix("(?c)") { caseSensitive = true; text = text.dropFirst(4) }
        var parser = PatternParser(scalars: Array(text.unicodeScalars), caseSensitive: caseSensitive,
                                   offsetBase: caseSensitive ? 4 : 0)
        let tree = try parser.parseAll()
        var program: [Instruction] = []
        Self.emit(tree, into: &program)
        program.append(.match)
        self.source = source
        self.caseSensitive = caseSensitive
        self.program = program
        self.firstBytes = Self.firstBytes(of: program)
        self.automaton = nil
        self.requiredLiterals = PatternLiterals.required(tree)
    }

    /// Gives each pattern with required literals (the first 64 of them) a bit, and returns the literals
    /// by bit, for `LexiconScanner.init(lexicons:literals:)` to look for in every text it scans.
    public static func withLiteralBits(_ patterns: inout [Pattern]) -> [[[UInt8]]] {
        var literals: [[[UInt8]]] = []
        for index in patterns.indices {
            patterns[index].literalBit = 0
            guard let required = patterns[index].requiredLiterals, literals.count < 64 else { continue }
            patterns[index].literalBit = UInt64(1) << UInt64(literals.count)
            literals.append(required)
        }
        return literals
    }

    /// The same pattern with its deterministic automaton built: worth the few milliseconds it takes when
    /// many texts are searched; the matches are the same with or without it.
    public func withAutomaton() -> Pattern {
        var copy = self
        copy.automaton = PatternDFA(program: program)
        copy.automatonBit = 1
        copy.automatonGroup = -1
        return copy
    }

    /// Whether the deterministic automaton is built.
    public var hasAutomaton: Bool { automaton != nil }

    /// The patterns with their automata built, shared: the patterns of one case mode (up to 64 at a time)
    /// go into one automaton, numbered by `automatonGroup`, so that one pass over a text answers for all
    /// of them (`groupMatches(in:)`). A group too large for one automaton is split in halves, and so on
    /// (see `sharedDrafts(_:programs:limit:)`); a pattern with assertions gets none. The matches are the same as
    /// without automata.
    public static func withSharedAutomata(_ patterns: [Pattern]) -> [Pattern] {
        var result = patterns
        var groupCount = 0
        let programs = patterns.map(\.program)
        for caseSensitive in [false, true] {
            let members = patterns.indices.filter {
                patterns[$0].caseSensitive == caseSensitive && !patterns[$0].hasAssertions
            }
            var start = 0
            while start < members.count {
                let chunk = members[start..<min(start + PatternDFA.groupLimit, members.count)]
                for group in sharedDrafts(chunk, programs: programs) {
                    let automaton = PatternDFA(group.draft, programs: group.members.map { programs[$0] })
                    for (bit, member) in group.members.enumerated() {
                        result[member].automaton = automaton
                        result[member].automatonBit = UInt64(1) << UInt64(bit)
                        result[member].automatonGroup = groupCount
                    }
                    groupCount += 1
                }
                start += chunk.count
            }
        }
        return result
    }

    /// The groups that the patterns at `members` share automata in, in order: all of them in one when its
    /// automaton has at most `limit` states (and no state too many threads), else the
    /// groups of each half, found the same way; a single pattern whose automaton is too large has none.
    ///
    /// Built from the halves up, each group's automaton the product of its halves' (`DFADraft.product`,
    /// the same automaton as the subset construction over the group's programs): a group does not fit
    /// when a half of it does not, for every state of the half is the group's state read for the half's
    /// patterns alone; so a group too large costs only the product that finds so, not a subset
    /// construction that grows to the limit before it gives up.
    static func sharedDrafts(_ members: ArraySlice<Int>, programs: [[Instruction]],
                             limit: Int = PatternDFA.stateLimit) -> [(members: ArraySlice<Int>, draft: DFADraft)] {
        guard members.count > 1 else {
            guard let member = members.first, let draft = DFADraft(programs: [programs[member]], limit: limit) else { return [] }
            return [(members, draft)]
        }
        let middle = members.startIndex + members.count / 2
        let first = sharedDrafts(members[..<middle], programs: programs, limit: limit)
        let second = sharedDrafts(members[middle...], programs: programs, limit: limit)
        if first.count == 1, second.count == 1, first[0].members.count + second[0].members.count == members.count,
           let draft = DFADraft.product(first[0].draft, second[0].draft, limit: limit) {
            return [(members, draft)]
        }
        return first + second
    }

    /// Whether the program has assertions (`\b \B ^ $`), which the automata do not handle.
    var hasAssertions: Bool {
        program.contains { instruction in
            switch instruction {
            case .wordBoundary, .lineStart, .lineEnd: return true
            default: return false
            }
        }
    }

    /// The patterns of this pattern's automaton (as bits, see `automatonBit`) that match in a folded text:
    /// one pass answers for the whole group. Every bit is set when there is no automaton.
    public func groupMatches(in text: FoldedText) -> UInt64 {
        guard let automaton else { return ~0 }
        // a caseless group reads the cased bytes as lower-cased ones: the text's lower-cased bytes need not
        // be prepared
        return caseSensitive ? automaton.matches(text.cased) : automaton.matches(lowerCasing: text.cased)
    }

    /// `groupMatches(in:)` for a folded text's bytes with case kept, where they are (an ASCII text's own
    /// bytes, read in the source: see `Evaluator.scan(slot:_:)`).
    func groupMatches(inCased bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let automaton else { return ~0 }
        return caseSensitive ? automaton.matches(bytes) : automaton.matches(lowerCasing: bytes)
    }

    /// The leftmost match in a folded text, extended to its longest end, given what `groupMatches(in:)`
    /// found for the text.
    public func firstMatch(in text: FoldedText, groupMatches: UInt64) -> Range<Int>? {
        guard groupMatches & automatonBit != 0 || automaton == nil else { return nil }
        return locate(in: caseSensitive ? text.cased : text.lower)
    }

    /// Follows the program from its start through splits, jumps and assertions to the instructions that
    /// consume the first byte.
    static func firstBytes(of program: [Instruction]) -> ByteSet? {
        var set = ByteSet()
        var seen = Set<Int>()
        var stack = [0]
        while let pc = stack.popLast() {
            guard pc < program.count, seen.insert(pc).inserted else { continue }
            switch program[pc] {
            case .byte(let byte): set.insert(byte)
            case .set(let bytes): set.merge(bytes)
            case .any: return nil
            case .split(let a, let b): stack.append(a); stack.append(b)
            case .jump(let target): stack.append(target)
            case .wordBoundary, .lineStart, .lineEnd: stack.append(pc + 1)
            case .match: return nil
            }
        }
        return set
    }

    /// The leftmost match in a folded text, extended to its longest end, as a folded-byte range.
    public func firstMatch(in text: FoldedText) -> Range<Int>? {
        firstMatch(in: text, groupMatches: groupMatches(in: text))
    }

    /// The leftmost match in folded bytes, extended to its longest end, found by running the NFA.
    private func locate(in input: [UInt8]) -> Range<Int>? {
        var current: [(pc: Int, start: Int)] = []
        var next: [(pc: Int, start: Int)] = []
        var onList = [Int](repeating: -1, count: program.count)
        var generation = 0
        func add(_ pc: Int, _ start: Int, _ position: Int, to list: inout [(pc: Int, start: Int)]) {
            if onList[pc] == generation { return }
            onList[pc] = generation
            switch program[pc] {
            case .split(let a, let b):
                add(a, start, position, to: &list)
                add(b, start, position, to: &list)
            case .jump(let target):
                add(target, start, position, to: &list)
            case .wordBoundary(let wanted):
                let before = position > 0 && FoldedText.isWordByte(input[position - 1])
                let after = position < input.count && FoldedText.isWordByte(input[position])
                if (before != after) == wanted { add(pc + 1, start, position, to: &list) }
            case .lineStart:
                if position == 0 || input[position - 1] == 0x0A { add(pc + 1, start, position, to: &list) }
            case .lineEnd:
                if position == input.count || input[position] == 0x0A { add(pc + 1, start, position, to: &list) }
            default:
                list.append((pc, start))
            }
        }
        // the leftmost match start, once a match is seen; from then on only its threads run on, to find its longest end
        var chosenStart: Int?
        var best: Range<Int>?
        var position = -1
        while position < input.count {
            position += 1
            if current.isEmpty {
                if chosenStart != nil { break }
                if let firstBytes {
                    while position < input.count, !firstBytes.contains(input[position]) { position += 1 }
                    if position == input.count { return nil }
                }
            }
            generation += 1
            // the threads carried over were added under the previous generation; re-mark them
            var seeded: [(pc: Int, start: Int)] = []
            for thread in current { add(thread.pc, thread.start, position, to: &seeded) }
            if chosenStart == nil { add(0, position, position, to: &seeded) }
            current = seeded
            next.removeAll(keepingCapacity: true)
            for thread in current {
                if let chosen = chosenStart, thread.start != chosen { continue }
                switch program[thread.pc] {
                case .match:
                    if chosenStart == nil { chosenStart = thread.start }
                    if thread.start == chosenStart { best = thread.start..<position }
                case .byte(let expected):
                    if position < input.count, input[position] == expected { next.append((thread.pc + 1, thread.start)) }
                case .set(let set):
                    if position < input.count, set.contains(input[position]) { next.append((thread.pc + 1, thread.start)) }
                case .any:
                    if position < input.count, input[position] != 0x0A { next.append((thread.pc + 1, thread.start)) }
                default:
                    break
                }
            }
            if let chosen = chosenStart { next.removeAll { $0.start != chosen } }
            swap(&current, &next)
        }
        return best
    }

    // MARK: Compilation

    indirect enum Node {
        case empty
        case byte(UInt8)
        case set(ByteSet)
        case any
        case sequence([Node])
        case alternation([Node])
        case star(Node)
        case plus(Node)
        case optional(Node)
        case wordBoundary(Bool)
        case lineStart
        case lineEnd
    }

    static func emit(_ node: Node, into program: inout [Instruction]) {
        switch node {
        case .empty: break
        case .byte(let byte): program.append(.byte(byte))
        case .set(let set): program.append(.set(set))
        case .any: program.append(.any)
        case .wordBoundary(let wanted): program.append(.wordBoundary(wanted))
        case .lineStart: program.append(.lineStart)
        case .lineEnd: program.append(.lineEnd)
        case .sequence(let nodes): for inner in nodes { emit(inner, into: &program) }
        case .alternation(let branches):
            var jumps: [Int] = []
            for (index, branch) in branches.enumerated() {
                if index < branches.count - 1 {
                    let split = program.count
                    program.append(.split(split + 1, -1))
                    emit(branch, into: &program)
                    jumps.append(program.count)
                    program.append(.jump(-1))
                    program[split] = .split(split + 1, program.count)
                } else {
                    emit(branch, into: &program)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .star(let inner):
            let split = program.count
            program.append(.split(split + 1, -1))
            emit(inner, into: &program)
            program.append(.jump(split))
            program[split] = .split(split + 1, program.count)
        case .plus(let inner):
            let start = program.count
            emit(inner, into: &program)
            program.append(.split(start, program.count + 1))
        case .optional(let inner):
            let split = program.count
            program.append(.split(split + 1, -1))
            emit(inner, into: &program)
            program[split] = .split(split + 1, program.count)
        }
    }
}

/// Recursive-descent parser for `Pattern`.
struct PatternParser {
    let scalars: [Unicode.Scalar]
    let caseSensitive: Bool
    let offsetBase: Int
    var index = 0
    var depth = 0

    init(scalars: [Unicode.Scalar], caseSensitive: Bool, offsetBase: Int) {
        self.scalars = scalars
        self.caseSensitive = caseSensitive
        self.offsetBase = offsetBase
    }

    func error(_ message: String, hint: String? = nil) -> Pattern.SyntaxError {
        Pattern.SyntaxError(message: message, offset: offsetBase + index, hint: hint)
    }

    mutating func parseAll() throws -> Pattern.Node {
        let node = try parseAlternation()
        if index < scalars.count { throw error("unexpected `\(scalars[index])`") }
        return node
    }

    mutating func parseAlternation() throws -> Pattern.Node {
        var branches = [try parseSequence()]
        while index < scalars.count, scalars[index] == "|" {
            index += 1
            branches.append(try parseSequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func parseSequence() throws -> Pattern.Node {
        var items: [Pattern.Node] = []
        while index < scalars.count, scalars[index] != "|", scalars[index] != ")" {
            var atom = try parseAtom()
            while index < scalars.count, "*+?".unicodeScalars.contains(scalars[index]) {
                switch scalars[index] {
                case "*": atom = .star(atom)
                case "+": atom = .plus(atom)
                default: atom = .optional(atom)
                }
                index += 1
            }
            // `a{2}` or `a{1,3}` reads as counted repetition in every other regex dialect: refused, so that
            // it never silently matches the literal text `a{2}` (`\{` is a brace)
            if let end = countedRepetitionEnd(from: index) {
                let written = String(String.UnicodeScalarView(scalars[index..<end]))
                throw error("counted repetition `\(written)` is not supported",
                            hint: "repeat the atom or use `*`, `+`, `?`; `\\{` is a brace")
            }
            items.append(atom)
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    /// The index after `{n}`, `{n,}` or `{n,m}` starting at `start`, if one does (only while the pattern is parsed).
    func countedRepetitionEnd(from start: Int) -> Int? {
        guard start < scalars.count, scalars[start] == "{" else { return nil }
        var index = start + 1
        var digits = 0
        var comma = false
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "}" { return digits > 0 ? index + 1 : nil }
            if scalar == ",", !comma { comma = true } else if ("0"..."9").contains(scalar) { digits += 1 } else { return nil }
            index += 1
        }
        return nil
    }

    mutating func literal(_ scalar: Unicode.Scalar) -> Pattern.Node {
        // an ASCII character folds to itself, lower-cased for a caseless pattern (as `FoldedText` folds it)
        if scalar.isASCII {
            let byte = UInt8(truncatingIfNeeded: scalar.value)
            return .byte(caseSensitive ? byte : FoldedText.lowercased(byte))
        }
        let folded = FoldedText.fold(entry: String(Character(scalar)))
        let bytes = caseSensitive ? folded.cased : folded.lower
        return bytes.count == 1 ? .byte(bytes[0]) : .sequence(bytes.map { .byte($0) })
    }

    mutating func parseAtom() throws -> Pattern.Node {
        let scalar = scalars[index]
        switch scalar {
        case "(":
            depth += 1
            guard depth < 100 else { throw error("groups nested too deeply") }
            index += 1
            if index + 1 < scalars.count, scalars[index] == "?", scalars[index + 1] == ":" { index += 2 }
            let inner = try parseAlternation()
            guard index < scalars.count, scalars[index] == ")" else { throw error("a group is not closed with `)`") }
            index += 1
            depth -= 1
            return inner
        case "*", "+", "?":
            throw error("`\(scalar)` has nothing to repeat")
        case ".":
            index += 1
            return .any
        case "^":
            index += 1
            return .lineStart
        case "$":
            index += 1
            return .lineEnd
        case "[":
            return try parseClass()
        case "\\":
            index += 1
            guard index < scalars.count else { throw error("a pattern cannot end in `\\`") }
            let escaped = scalars[index]
            index += 1
            switch escaped {
            case "d": return .set(Self.digits)
            case "w": return .set(Self.wordBytes)
            case "s": return .set(Self.spaces)
            case "b": return .wordBoundary(true)
            case "B": return .wordBoundary(false)
            case "n": return .byte(0x0A)
            case "t": return .byte(0x09)
            default:
                if escaped.properties.isAlphabetic || escaped.properties.numericType != nil {
                    throw error("unknown escape `\\\(escaped)`", hint: "back-references and other escapes are not supported")
                }
                return literal(escaped)
            }
        case " ":
            // a space stands for a run of white space, as in lexicon entries (see `SpaceRuns`); `\ ` is one space
            index += 1
            return .plus(.set(Self.spaces))
        default:
            index += 1
            return literal(scalar)
        }
    }

    mutating func parseClass() throws -> Pattern.Node {
        index += 1
        var set = Pattern.ByteSet()
        var negated = false
        if index < scalars.count, scalars[index] == "^" { negated = true; index += 1 }
        var first = true
        while index < scalars.count, scalars[index] != "]" || first {
            first = false
            var low = scalars[index]
            index += 1
            if low == "\\", index < scalars.count {
                let escaped = scalars[index]
                index += 1
                switch escaped {
                case "d": set.merge(Self.digits); continue
                case "w": set.merge(Self.wordBytes); continue
                case "s": set.merge(Self.spaces); continue
                default: low = escaped
                }
            }
            var high = low
            if index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1] != "]" {
                high = scalars[index + 1]
                index += 2
            }
            guard low.value < 0x80, high.value < 0x80 else {
                // a non-ASCII letter: add its folded form
                for byte in (caseSensitive ? FoldedText.fold(entry: String(Character(low))).cased
                                           : FoldedText.fold(entry: String(Character(low))).lower) { set.insert(byte) }
                continue
            }
            guard low.value <= high.value else { throw error("the range `\(low)-\(high)` runs backwards") }
            for value in low.value...high.value {
                let byte = UInt8(value)
                set.insert(caseSensitive ? byte : (byte >= 65 && byte <= 90 ? byte + 32 : byte))
            }
        }
        guard index < scalars.count else { throw error("a class is not closed with `]`") }
        index += 1
        if negated { set.invert() }
        return .set(set)
    }

    static let digits: Pattern.ByteSet = { var set = Pattern.ByteSet(); for byte in UInt8(48)...57 { set.insert(byte) }; return set }()
    static let spaces: Pattern.ByteSet = { var set = Pattern.ByteSet(); for byte: UInt8 in [9, 10, 13, 32] { set.insert(byte) }; return set }()
    static let wordBytes: Pattern.ByteSet = {
        var set = Pattern.ByteSet()
        for byte in UInt8(0)...255 where FoldedText.isWordByte(byte) || byte == 95 { set.insert(byte) }
        return set
    }()
}

extension Pattern.ByteSet {
    mutating func merge(_ other: Pattern.ByteSet) {
        words = (words.0 | other.words.0, words.1 | other.words.1, words.2 | other.words.2, words.3 | other.words.3)
    }
}
