/// Something that made a rule fire: a fact with its value, or words of a text with their position.
public struct Evidence: Sendable, Equatable {
    /// The field, with element numbers for lists of objects (`sections[2].draftedBy`).
    public let fact: String
    /// The value as shown (canonical English name for enumeration values).
    public let value: String?
    /// The words of a text that matched.
    public let match: String?
    /// Start and end (exclusive) of the match in the text, in Unicode scalars.
    public let start: Int?
    public let end: Int?
    /// Where the fact is written in the input.
    public let location: SourceLocation?
    /// Where a reporter finds `fact` and `value` as text it prepared once for the rule set.
    let keys: EvidenceKeys

    /// Evidence as a reporter or a test writes it out (without keys to prepared texts).
    public init(fact: String, value: String?, match: String?, start: Int?, end: Int?, location: SourceLocation?) {
        self.init(fact: fact, value: value, match: match, start: start, end: end, location: location, keys: EvidenceKeys())
    }

    init(fact: String, value: String?, match: String?, start: Int?, end: Int?, location: SourceLocation?, keys: EvidenceKeys) {
        self.fact = fact
        self.value = value
        self.match = match
        self.start = start
        self.end = end
        self.location = location
        self.keys = keys
    }

    /// Equal when what is shown is equal (the keys only say where the same text is prepared).
    public static func == (lhs: Evidence, rhs: Evidence) -> Bool {
        lhs.fact == rhs.fact && lhs.value == rhs.value && lhs.match == rhs.match && lhs.start == rhs.start && lhs.end == rhs.end
            && lhs.location == rhs.location
    }
}

/// Numbers by which a reporter finds the text of a piece of evidence that it prepared once for the rule set
/// that judged the description: the fact's path among `RuleSet.factPaths`, and the value's name among the
/// case names of the vocabulary (as `DisplayNames` numbers them) or `true` and `false`. -1 where there is
/// no such text; the evidence's own strings are written then.
struct EvidenceKeys: Sendable, Equatable {
    var fact: Int32 = -1
    var value: Int32 = -1

    /// `value` for the values `true` and `false`.
    static let trueValue: Int32 = -2
    static let falseValue: Int32 = -3
}

/// One line of `--explain`: a condition as written and how it came out, with its parts.
public struct ExplainNode: Sendable {
    public let text: String
    public let outcome: Outcome
    public let children: [ExplainNode]
}

/// What one rule concluded about one description.
public struct Finding: Sendable {
    /// Whether the finding stands.
    public enum Status: Sendable, Equatable {
        /// The rule fired and its verdict stands.
        case fired
        /// The rule fired but a more specific rule set it aside.
        case overridden(by: String)
        /// A fact the rule needs is missing.
        case undetermined
        /// The rule applied and did not fire (shown only with `--explain`).
        case silent
        /// The finding stands but a waiver in the description accepts it. (Boxed: a waiver is five fields, and
        /// held in place it would make every finding as large, for a status few findings have.)
        indirect case waived(Waiver)
        /// The finding stands but the baseline accepts it as known and reviewed.
        case baselined

        /// Equal statuses: the same case, with equal payloads. Written out so that comparing with a status
        /// without payload (`status == .fired`, as reporters do for each finding) is a look at the case,
        /// inlined, rather than a call that takes both statuses apart.
        @inline(__always)
        public static func == (lhs: Status, rhs: Status) -> Bool {
            switch (lhs, rhs) {
            case (.fired, .fired), (.undetermined, .undetermined), (.silent, .silent), (.baselined, .baselined): return true
            case (.overridden(let a), .overridden(let b)): return a == b
            case (.waived(let a), .waived(let b)): return a == b
            default: return false
            }
        }
    }

    public let rule: Rule
    /// Set by the evaluator where an exception or a waiver sets the finding aside (in place: a new finding
    /// would count its rule and lists once more).
    public internal(set) var status: Status
    /// What made the rule fire, spelled out from `evidenceList` each time it is read.
    public var evidence: [Evidence] { evidenceList.evidence(names: rule.evidenceNames) }
    /// The evidence as the evaluator keeps it (see `EvidenceList`); its store is emptied for the next
    /// findings once the finding is dropped (see `EvidenceStore`).
    var evidenceList: EvidenceList
    /// The facts whose absence left the rule undetermined.
    public var missing: [String] { missingFacts ?? [] }
    /// `missing`, nil when there are none (as for most findings): dropping a finding then releases no list
    /// (even an empty list is a reference, counted on every drop).
    private let missingFacts: [String]?
    /// How each condition came out (with `--explain`).
    public let explanation: ExplainNode?

    init(rule: Rule, status: Status, evidenceList: EvidenceList, missing: [String], explanation: ExplainNode?) {
        self.rule = rule
        self.status = status
        self.evidenceList = evidenceList
        self.missingFacts = missing.isEmpty ? nil : missing
        self.explanation = explanation
    }

    /// The same with the missing facts as the evaluator collects them (nil for none, as for most findings,
    /// which then make and drop no list).
    init(rule: Rule, status: Status, evidenceList: EvidenceList, missingFacts: [String]?, explanation: ExplainNode?) {
        self.rule = rule
        self.status = status
        self.evidenceList = evidenceList
        self.missingFacts = missingFacts
        self.explanation = explanation
    }

    /// What this finding contributes to the overall verdict (nil when it contributes nothing).
    public var effectiveVerdict: Verdict? {
        switch status {
        case .fired: return rule.verdict
        case .undetermined: return .advisory
        case .overridden, .silent, .waived, .baselined: return nil
        }
    }

    /// The status word used in JSON and text output.
    public var statusWord: String {
        switch status {
        case .fired: return "fired"
        case .overridden: return "overridden"
        case .undetermined: return "undetermined"
        case .silent: return "silent"
        case .waived: return "waived"
        case .baselined: return "baselined"
        }
    }

    /// The status in a report's language, as the text report words it (`statusWord` is the JSON value).
    public func statusWord(_ language: Language) -> String {
        guard language == .dutch else { return statusWord }
        switch status {
        case .fired: return "geldt"
        case .overridden: return "opzijgezet"
        case .undetermined: return "onbepaald"
        case .silent: return "niet van toepassing"
        case .waived: return "vrijgesteld"
        case .baselined: return "in baseline"
        }
    }

    /// The message with `{field}` and `{match}` filled in.
    public func message(_ language: Language, facts: (String) -> String?) -> String {
        var text = rule.message(language)
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var result = ""
        while let open = text.firstIndex(of: "{"), let close = text[open...].firstIndex(of: "}") {
            result += text[..<open]
            let name = String(text[text.index(after: open)..<close])
            if name == "match" {
                result += evidenceList.firstMatch ?? "…"
            } else {
                result += facts(name) ?? "?"
            }
            text = String(text[text.index(after: close)...])
        }
        return result + text
    }
}

/// The result for one description: the overall verdict, the findings behind it, and the context.
public struct Evaluation: Sendable {
    public let description: Description
    public let verdict: Verdict
    /// Standing, overridden and undetermined findings, most severe first (silent ones with `--explain`).
    /// Settable inside the engine only so that a batch can give the list's room back to the workspace that
    /// made it, once the evaluation is rendered (`Evaluator.Workspace.recycle`).
    public internal(set) var findings: [Finding]
    /// The day the rules were taken at: the description's date, or the check date when it has none.
    public let day: Int32
    /// Whether `day` is the description's own date.
    public let dated: Bool
    /// Derived facts worth showing (such as the election period), by field.
    public internal(set) var context: [(field: String, value: String)]
    /// Rules not in force on `day` that would otherwise apply.
    public var notInForce: [String] { aside?.notInForce ?? [] }
    /// Problems with the description that did not keep it from being judged (a waiver without a reason,
    /// or past its date); they count as input errors.
    public var problems: [Diagnostic] { aside?.problems ?? [] }
    /// `notInForce` and `problems`, nil when both are empty (as for most evaluations): two lists held
    /// separately, even empty, were two references released with every evaluation dropped.
    private let aside: Aside?

    /// The rarely filled lists of an evaluation, in one box.
    private final class Aside: Sendable {
        let notInForce: [String]
        let problems: [Diagnostic]

        init(notInForce: [String], problems: [Diagnostic]) {
            self.notInForce = notInForce
            self.problems = problems
        }
    }

    public init(description: Description, verdict: Verdict, findings: [Finding], day: Int32, dated: Bool,
                context: [(field: String, value: String)], notInForce: [String], problems: [Diagnostic] = []) {
        self.init(description: description, verdict: verdict, findings: findings, day: day, dated: dated, context: context,
                  notInForce: notInForce.isEmpty ? nil : notInForce, problems: problems.isEmpty ? nil : problems)
    }

    /// The same, with the lists not in force and problems as the evaluator collects them: nil for none, as
    /// for most descriptions, which then make and drop no list.
    init(description: Description, verdict: Verdict, findings: [Finding], day: Int32, dated: Bool,
         context: [(field: String, value: String)], notInForce: [String]?, problems: [Diagnostic]?) {
        self.description = description
        self.verdict = verdict
        self.findings = findings
        self.day = day
        self.dated = dated
        self.context = context
        self.aside = notInForce == nil && problems == nil ? nil : Aside(notInForce: notInForce ?? [], problems: problems ?? [])
    }

    /// The most severe verdict the findings contribute (`allowed` when none contributes one), found without
    /// collecting their verdicts in an array first.
    public static func verdict(of findings: [Finding]) -> Verdict {
        var most = Verdict.allowed
        for index in findings.indices {
            if let verdict = findings[index].effectiveVerdict, verdict > most { most = verdict }
        }
        return most
    }

    /// The same evaluation with findings whose status changed, and the verdict recomputed.
    public func replacing(findings: [Finding], problems: [Diagnostic]? = nil) -> Evaluation {
        Evaluation(description: description, verdict: Self.verdict(of: findings), findings: findings,
                   day: day, dated: dated, context: context, notInForce: notInForce, problems: problems ?? self.problems)
    }
}

extension Finding {
    /// The same finding with another status.
    public func with(status: Status) -> Finding {
        Finding(rule: rule, status: status, evidenceList: evidenceList, missingFacts: missingFacts, explanation: explanation)
    }
}
