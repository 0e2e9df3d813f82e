/// The bytes a rule set was compiled from, kept so that it can be compiled again (see `RuleSet.replica()`).
final class RuleSetOrigin: Sendable {
    let sources: [SourceText]
    let names: [String]?
    /// Whether `withPatternAutomata()` was applied.
    let patternAutomata: Bool

    init(sources: [SourceText], names: [String]?, patternAutomata: Bool) {
        self.sources = sources
        self.names = names
        self.patternAutomata = patternAutomata
    }
}

extension RuleSet {
    /// The same rule set compiled again from the same bytes: equal to this one in every rule, table and
    /// automaton, with the same `version`, but sharing no object with it.
    ///
    /// For threads that judge side by side: every copy of a reference in Swift counts it atomically in the
    /// object, and two cores counting on the same object pass its cache line back and forth. A batch gives
    /// each worker thread beyond the first its own replica (`BatchEvaluator`); measured in the thirteenth
    /// session, that took 10% off the processor time of `lint` with two jobs (docs/performance.md).
    ///
    /// Returns this rule set itself when it was not loaded from sources, or (which cannot happen for the
    /// same bytes) when compiling them again fails or gives another version.
    public func replica() -> RuleSet {
        guard let origin else { return self }
        // fresh copies of the bytes and paths too, so that not even the sources are shared
        let sources = origin.sources.map { SourceText(path: String(decoding: Array($0.path.utf8), as: UTF8.self), bytes: Array($0.bytes)) }
        guard let compiled = try? RuleSetLoader().load(sources: sources, names: origin.names) else { return self }
        let replica = origin.patternAutomata ? compiled.withPatternAutomata() : compiled
        return replica.version == version ? replica : self
    }
}
