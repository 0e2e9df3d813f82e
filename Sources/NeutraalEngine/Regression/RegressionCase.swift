/// One regression test: a rule's example or a sample, with what came out.
public struct RegressionCase: Sendable {
    /// Where the case comes from.
    public enum Origin: Sendable {
        case example(rule: String, name: String, expectation: Example.Expectation)
        case sample(path: String, id: String)
    }

    /// How the case came out.
    public enum Result: Sendable {
        case passed
        /// Each line says what was expected and what came out.
        case failed([String])
        /// The case could not run (its description did not read).
        case errored([Diagnostic])
    }

    public let origin: Origin
    public let location: SourceLocation
    public let result: Result

    /// A name for reports: `SOCIAL-HYB-02 example "…"` or the sample's id.
    public var name: String {
        switch origin {
        case .example(let rule, let name, let expectation): return "\(rule) example \(expectation.rawValue) \"\(name)\""
        case .sample(_, let id): return id
        }
    }

    public var passed: Bool {
        if case .passed = result { return true }
        return false
    }
}

/// The outcome of a regression run: every case, and the coverage of rules, conditions and exceptions.
public struct RegressionReport: Sendable {
    /// One `overrides` of a rule: `rule` sets `overrides` aside when both fire.
    public struct Exception: Sendable, Hashable, CustomStringConvertible {
        public let rule: String
        public let overrides: String
        /// `DONNER-04 over DONNER-01`.
        public var description: String { "\(rule) over \(overrides)" }
    }

    public let cases: [RegressionCase]
    /// Rules that fired (standing or overridden) in at least one case.
    public let coveredRules: Set<String>
    /// Rules of the set that were in scope of the run (all, or those the filter names).
    public let rulesInScope: [String]
    /// Per condition (`RULE: path of conditions`): whether it came out true and false somewhere.
    public let conditions: [(key: String, wasTrue: Bool, wasFalse: Bool)]
    /// Every `overrides` of the rules in scope, and whether some case showed the general rule set aside by it.
    public let exceptions: [(exception: Exception, exercised: Bool)]

    public init(cases: [RegressionCase], coveredRules: Set<String>, rulesInScope: [String],
                conditions: [(key: String, wasTrue: Bool, wasFalse: Bool)], exceptions: [(exception: Exception, exercised: Bool)] = []) {
        self.cases = cases
        self.coveredRules = coveredRules
        self.rulesInScope = rulesInScope
        self.conditions = conditions
        self.exceptions = exceptions
    }

    public var passedCount: Int { cases.filter(\.passed).count }
    /// The cases that did not pass, those that could not run among them.
    public var failedCount: Int { cases.count - passedCount }
    /// The cases that could not run: a sample that could not be read, or whose expectation is not valid.
    public var erroredCount: Int { cases.filter { if case .errored = $0.result { return true }; return false }.count }

    /// Percentage of rules in scope that fired somewhere.
    public var ruleCoverage: Double {
        rulesInScope.isEmpty ? 100 : 100 * Double(rulesInScope.filter(coveredRules.contains).count) / Double(rulesInScope.count)
    }

    /// Percentage of conditions that came out both true and false.
    public var conditionCoverage: Double {
        conditions.isEmpty ? 100 : 100 * Double(conditions.filter { $0.wasTrue && $0.wasFalse }.count) / Double(conditions.count)
    }
}
