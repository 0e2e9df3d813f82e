/// A loaded, validated and compiled rule set: the vocabulary, sources, lexicons, patterns and rules,
/// with the content hash that identifies exactly this version.
public struct RuleSet: Sendable {
    public let vocabulary: Vocabulary
    public let sources: [String: SourceDocument]
    public let lexicons: [Lexicon]
    public private(set) var patterns: [Pattern]
    public let rules: [Rule]
    public let ruleIndexByID: [String: Int]
    /// The rules that judge each kind (by kind index), in file order; rules for `any` included.
    public let rulesByKind: [[Int]]
    /// `rulesByKind` laid out flat, as the evaluator reads it for every description (reading one list out
    /// of a list of lists would count a reference to it).
    let kindIndex: KindIndex
    /// The days each rule is in force, by rule index, side by side (see `ValidDays`).
    let validDays: [ValidDays]
    /// Compiled automaton over every lexicon entry (and, after `withPatternAutomata()`, over the literals
    /// the patterns require).
    public private(set) var scanner: LexiconScanner
    /// Every rule's condition as a flat program, for the first pass over each description.
    public let program: ConditionProgram
    /// `sha256:` and the hash of every file of the rule set, in path order.
    public let version: String
    /// The files the rule set was read from, relative to its folder.
    public let files: [String]
    /// The paths of the fields the rules test, each once, numbered by `FieldTest.pathKey`.
    public let factPaths: [String]

    /// The rule with an id.
    public func rule(_ id: String) -> Rule? { ruleIndexByID[id].map { rules[$0] } }

    /// The same rule set with deterministic automata built for its patterns (one per group of patterns of
    /// a case mode, see `Pattern.withSharedAutomata`), and with the literals the patterns require looked
    /// for by the lexicon scanner, so that a pattern is not searched in a text without them (see
    /// `PatternLiterals`): worth its cost (a few milliseconds at start-up) when many texts are judged, as
    /// `lint` and `test` do; `check` of one description goes without. Verdicts and evidence are the same
    /// either way.
    public func withPatternAutomata() -> RuleSet {
        var copy = self
        let (shared, literals) = Self.automataAndLiterals(patterns)
        copy.patterns = shared
        if !literals.isEmpty { copy.scanner = LexiconScanner(lexicons: lexicons, literals: literals) }
        return copy
    }

    /// The patterns with their shared automata built and their literal bits given, and the literals by
    /// bit, for the lexicon scanner to look for (see `withPatternAutomata()`; `RuleSetLoader` builds a rule
    /// set so at once, without a scanner that would be built again).
    static func automataAndLiterals(_ patterns: [Pattern]) -> (patterns: [Pattern], literals: [[[UInt8]]]) {
        var shared = Pattern.withSharedAutomata(patterns)
        let literals = Pattern.withLiteralBits(&shared)
        return (shared, literals)
    }
}

/// Lists of numbers by kind, one after another in one array: those of kind `k` are
/// `numbers[starts[k]..<starts[k + 1]]`.
struct KindIndex: Sendable {
    private let starts: [Int]
    private let numbers: [Int]

    init(_ lists: [[Int]]) {
        var starts = [0]
        for list in lists { starts.append(starts[starts.count - 1] + list.count) }
        self.starts = starts
        numbers = lists.flatMap { $0 }
    }

    /// Runs `body` with the numbers of kind `kind` (none for a kind out of range), read in place.
    @inline(__always)
    func withNumbers<Result>(ofKind kind: Int, _ body: (UnsafeBufferPointer<Int>) -> Result) -> Result {
        let range = kind >= 0 && kind + 1 < starts.count ? starts[kind]..<starts[kind + 1] : 0..<0
        return numbers.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}
