/// What a subset construction of a `PatternDFA` works out, state by state, and its `DFADraft` is made
/// from: written once here for `SubsetBuilder` and for the construction as first written, which the tests
/// keep as the reference the builder must agree with table for table.
struct SubsetTables {
    /// The next state of each state and class, as state numbers.
    var rows: [Int32] = []
    /// For each state, the patterns matched once it is reached.
    var masks: [UInt64] = []
    /// For each state worked out, the state that a byte no thread of it consumes leads to.
    var fallbacks: [Int32] = []
    /// For each state worked out, how many threads it holds.
    var threadCounts: [Int32] = []
    /// For each state worked out, the classes that some thread of it consumes, four words each.
    var consumedClasses: [UInt64] = []
    /// The class of each byte, and the number of classes (the width of a row of `rows`).
    var classOf: [Int32] = []
    var width = 1
}

/// A subset construction over the patterns of a group laid end to end: made over their combined program,
/// built up to a limit of states (false when it gives up), then read through its tables.
protocol SubsetConstruction {
    init(nfa: CombinedProgram)
    mutating func build(limit: Int) -> Bool
    var tables: SubsetTables { get }
}
