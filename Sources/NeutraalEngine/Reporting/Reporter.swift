/// One entry of a report: a judged description, or one that could not be read.
public enum ReportItem: Sendable {
    case evaluated(Evaluation)
    case failed(source: String, id: String, diagnostics: [Diagnostic])
}

/// What every reporter knows about the run.
public struct ReportContext: Sendable {
    public let ruleSet: RuleSet
    public let language: Language
    /// Colour and highlighting (only on a terminal, never with `NO_COLOR`).
    public let color: Bool
    /// Condition-by-condition explanations.
    public let explain: Bool
    /// Full detail per description (`check`) rather than one line per finding (`lint`).
    public let detailed: Bool
    /// The least severe verdict that fails the run (`--fail-on`); JUnit reports these as failures.
    public let failOn: Verdict

    public init(ruleSet: RuleSet, language: Language, color: Bool = false, explain: Bool = false, detailed: Bool = false,
                failOn: Verdict = .violation) {
        self.ruleSet = ruleSet
        self.language = language
        self.color = color
        self.explain = explain
        self.detailed = detailed
        self.failOn = failOn
    }
}

/// Totals over a run, kept in input order and independent of thread count.
public struct Summary: Sendable {
    public var descriptions = 0
    public var errors = 0
    public var byVerdict: [Verdict: Int] = [:]
    /// Standing findings per rule id.
    public var byRule: [String: Int] = [:]
    public var overridden = 0
    public var undetermined = 0
    public var waived = 0
    public var baselined = 0

    public init() {}

    public mutating func add(_ item: ReportItem) {
        switch item {
        case .evaluated(let evaluation):
            descriptions += 1
            byVerdict[evaluation.verdict, default: 0] += 1
            for finding in evaluation.findings {
                switch finding.status {
                case .fired: byRule[finding.rule.id, default: 0] += 1
                case .overridden: overridden += 1
                case .undetermined: undetermined += 1
                case .waived: waived += 1
                case .baselined: baselined += 1
                case .silent: break
                }
            }
            if !evaluation.problems.isEmpty { errors += 1 }
        case .failed:
            errors += 1
        }
    }

    /// Adds the tally of another part of the run (a unit of work counted on its own thread).
    public mutating func merge(_ other: Summary) {
        descriptions += other.descriptions
        errors += other.errors
        byVerdict.merge(other.byVerdict, uniquingKeysWith: +)
        byRule.merge(other.byRule, uniquingKeysWith: +)
        overridden += other.overridden
        undetermined += other.undetermined
        waived += other.waived
        baselined += other.baselined
    }
}

/// A report format: text written as the run goes (`add`), with a head and a tail.
///
/// Reporters are pure: they turn results into text and never print; the command line decides where the
/// text goes. Formats that need the whole run (SARIF, JUnit) keep what they need and write it in `finish`.
public protocol Reporter {
    mutating func begin(_ context: ReportContext) -> String
    mutating func add(_ item: ReportItem, _ context: ReportContext) -> String
    mutating func finish(_ summary: Summary, _ context: ReportContext) -> String
}
