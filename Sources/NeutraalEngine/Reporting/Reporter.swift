/// One entry of a report: a judged description, or one that could not be read.
public enum ReportItem: Sendable {
    case evaluated(Evaluation)
    case failed(source: String, id: String, diagnostics: [Diagnostic])
}

/// What every reporter knows about the run.
public struct ReportContext: Sendable {
    public let ruleSet: RuleSet
    public let language: Language
    /// Colour and highlighting (only on a terminal, never with a non-empty `NO_COLOR`).
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
///
/// Counting happens for every description of a batch, so the counts are kept in arrays (by verdict
/// severity, by rule index) rather than in dictionaries keyed by strings; the dictionaries are made when
/// a report asks for them.
public struct Summary: Sendable {
    public var descriptions = 0
    /// Descriptions that could not be read, and judged ones with a waiver in error: each makes the exit status 2.
    public var errors = 0
    /// Of `errors`, the descriptions that were read and judged but carry a waiver in error (expired, naming an
    /// unknown rule, without reason, approver or end date).
    public var invalidWaivers = 0
    public var overridden = 0
    public var undetermined = 0
    public var waived = 0
    public var baselined = 0
    /// Files in the folders walked that are not description files, and hidden files and folders there (folders
    /// ending in `/`): not read, and named by the reports that have a place for them (SARIF).
    public var skipped: [String] = []
    public var hidden: [String] = []
    /// Descriptions by the severity of their verdict.
    private var verdictCounts = [0, 0, 0, 0]
    /// Standing findings by rule index, with the rule's id.
    private var firedByIndex: [(id: String, count: Int)] = []
    /// Standing findings of rules whose index is taken by another id (rules made outside a rule set).
    private var firedElsewhere: [String: Int] = [:]

    public init() {}

    /// Descriptions that could not be read (`errors` without the ones with a waiver in error).
    public var unreadable: Int { errors - invalidWaivers }

    /// Descriptions per verdict (only the verdicts that occur).
    public var byVerdict: [Verdict: Int] {
        var counts: [Verdict: Int] = [:]
        for verdict in Verdict.allCases where verdictCounts[verdict.severity] > 0 { counts[verdict] = verdictCounts[verdict.severity] }
        return counts
    }

    /// Standing findings per rule id.
    public var byRule: [String: Int] {
        var counts = firedElsewhere
        for entry in firedByIndex where entry.count > 0 { counts[entry.id, default: 0] += entry.count }
        return counts
    }

    /// Counts one item. Compiled into its callers (a batch's, once a record), not called with the item for it.
    @inline(__always)
    public mutating func add(_ item: ReportItem) {
        switch item {
        case .evaluated(let evaluation):
            descriptions += 1
            verdictCounts[evaluation.verdict.severity] += 1
            // by index: each finding's status and rule read in place, not the finding copied; the rule lent, not
            // counted (the finding holds it)
            for index in evaluation.findings.indices {
                switch evaluation.findings[index].status {
                case .fired:
                    Unmanaged.passUnretained(evaluation.findings[index].rule)._withUnsafeGuaranteedRef { rule in
                        countOneFired(rule.id, index: rule.index)
                    }
                case .overridden: overridden += 1
                case .undetermined: undetermined += 1
                case .waived: waived += 1
                case .baselined: baselined += 1
                case .silent: break
                }
            }
            if !evaluation.problems.isEmpty {
                errors += 1
                invalidWaivers += 1
            }
        case .failed:
            errors += 1
        }
    }

    /// Adds the tally of another part of the run (a unit of work counted on its own thread).
    public mutating func merge(_ other: Summary) {
        descriptions += other.descriptions
        errors += other.errors
        invalidWaivers += other.invalidWaivers
        for severity in verdictCounts.indices { verdictCounts[severity] += other.verdictCounts[severity] }
        for (index, entry) in other.firedByIndex.enumerated() where entry.count > 0 {
            countFired(entry.id, index: index, count: entry.count)
        }
        firedElsewhere.merge(other.firedElsewhere, uniquingKeysWith: +)
        overridden += other.overridden
        undetermined += other.undetermined
        waived += other.waived
        baselined += other.baselined
        skipped += other.skipped
        hidden += other.hidden
    }

    /// Counts one standing finding of the rule `id` at `index`: where that rule was counted before (the case of
    /// nearly every finding of a batch), its count raised in place, compiled into `add`'s loop; the rest (the
    /// first of a rule, an index taken by another id) through `countFired`, out of line. The call and the
    /// rarer paths cost two thirds of the counting when every finding went through them.
    @inline(__always)
    private mutating func countOneFired(_ id: String, index: Int) {
        if index >= 0, index < firedByIndex.count, firedByIndex[index].count > 0, firedByIndex[index].id == id {
            firedByIndex[index].count &+= 1
            return
        }
        countFired(id, index: index, count: 1)
    }

    @inline(never)
    private mutating func countFired(_ id: String, index: Int, count: Int) {
        if index >= 0, index < 1 << 16 {
            if index >= firedByIndex.count {
                firedByIndex.append(contentsOf: repeatElement((id: "", count: 0), count: index + 1 - firedByIndex.count))
            }
            if firedByIndex[index].count == 0 { firedByIndex[index].id = id }
            if firedByIndex[index].id == id {
                firedByIndex[index].count += count
                return
            }
        }
        firedElsewhere[id, default: 0] += count
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
