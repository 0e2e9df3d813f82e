/// A deterministic automaton over a group of patterns as the subset construction leaves it, before
/// `PatternDFA` lays it out for scanning: rows of state numbers, and for each state what groups are put
/// together with (`product(_:_:limit:)`): its mask, how many NFA threads it holds and where a byte that
/// none of them consumes leads.
///
/// Numbering: classes in the order of their first byte, states in the order the construction meets
/// them (from the start state, each state's `fallback` first, then the targets of its classes in order).
/// Two drafts are equal when all their tables are (the tests compare drafts built in different ways).
struct DFADraft: Equatable {
    /// The class of each of the 256 bytes.
    let classOf: [Int32]
    /// The number of classes: the width of a row of `rows`.
    let width: Int
    /// The state after each state and class: `rows[state * width + class]`.
    let rows: [Int32]
    /// For each state, the patterns matched on the way to it (a bit each).
    let masks: [UInt64]
    /// For each state, how many NFA threads it holds (see `SubsetBuilder.threadLimit`).
    let threadCounts: [Int32]
    /// For each state, the state that a byte no thread of it consumes leads to: the one where every
    /// pattern not yet matched starts anew.
    let fallbacks: [Int32]
    /// For each state, the classes that some thread of it consumes, as four words (at most 256 classes):
    /// every other class leads to its fallback.
    let consumedClasses: [UInt64]
    /// How many patterns the group has (the bits of `masks`).
    let patternCount: Int

    /// The number of states.
    var stateCount: Int { masks.count }

    /// The subset construction over `programs` laid end to end; nil when a program has assertions, or the
    /// automaton would have more than `limit` states or a state more than `SubsetBuilder.threadLimit` threads.
    init?(programs: [[Pattern.Instruction]], limit: Int) {
        self.init(programs: programs, limit: limit, construction: SubsetBuilder.self)
    }

    /// The same with the subset construction `construction` (the tests pass the construction as first
    /// written, to compare).
    init?<Construction: SubsetConstruction>(programs: [[Pattern.Instruction]], limit: Int, construction: Construction.Type) {
        guard !programs.isEmpty, programs.count <= PatternDFA.groupLimit,
              let nfa = CombinedProgram(programs) else { return nil }
        var builder = Construction(nfa: nfa)
        guard builder.build(limit: limit) else { return nil }
        let tables = builder.tables
        self.init(classOf: tables.classOf, width: tables.width, rows: tables.rows, masks: tables.masks,
                  threadCounts: tables.threadCounts, fallbacks: tables.fallbacks,
                  consumedClasses: tables.consumedClasses, patternCount: programs.count)
    }

    init(classOf: [Int32], width: Int, rows: [Int32], masks: [UInt64], threadCounts: [Int32], fallbacks: [Int32],
         consumedClasses: [UInt64], patternCount: Int) {
        self.classOf = classOf
        self.width = width
        self.rows = rows
        self.masks = masks
        self.threadCounts = threadCounts
        self.fallbacks = fallbacks
        self.consumedClasses = consumedClasses
        self.patternCount = patternCount
    }
}
