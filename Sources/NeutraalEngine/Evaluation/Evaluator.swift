/// Evaluates descriptions against a rule set: every applicable rule in force on the description's date,
/// in three-valued logic, with exceptions applied and the evidence of every finding collected.
///
/// The evaluator is a value that can be shared between threads; each call works on its own state.
public struct Evaluator: Sendable {
    public let ruleSet: RuleSet
    /// The day that undated descriptions are judged at.
    public let asOf: Int32
    /// Whether to keep a condition-by-condition explanation of every applicable rule.
    public let explain: Bool

    public init(ruleSet: RuleSet, asOf: Int32 = CivilDate.today(), explain: Bool = false) {
        self.ruleSet = ruleSet
        self.asOf = asOf
        self.explain = explain
    }

    /// Judges one description.
    public func evaluate(_ description: Description) -> Evaluation {
        let vocabulary = ruleSet.vocabulary
        let record = description.record
        var day = asOf
        var dated = false
        if let slot = vocabulary.dateSlot, case .date(let value)? = record.values[slot] {
            day = value
            dated = true
        }
        var context: [(String, String)] = []
        for derivation in vocabulary.derivations {
            if case .calendar = derivation.op, let value = record.values[derivation.targetSlot] {
                context.append((vocabulary.root.fields[derivation.targetSlot].path, display(value, layout: 0, slot: derivation.targetSlot)))
            }
        }
        guard case .symbol(let kind)? = record.values[vocabulary.kindSlot] else {
            return Evaluation(description: description, verdict: .allowed, findings: [], day: day, dated: dated, context: context, notInForce: [])
        }
        var scope = Scope(record: record, layout: 0, prefix: "", source: description.source)
        var findings: [Finding] = []
        var notInForce: [String] = []
        for index in ruleSet.rulesByKind[Int(kind)] {
            let rule = ruleSet.rules[index]
            guard rule.isValid(on: day) else {
                notInForce.append(rule.id)
                continue
            }
            let quick = quickOutcome(of: rule, &scope)
            if quick == .false && !explain { continue }
            if quick == .unknown && rule.verdict == .allowed && !explain { continue }
            let trace = Trace(explains: explain)
            let outcome = evaluate(rule.condition, &scope, trace: trace)
            let status: Finding.Status
            switch outcome {
            case .true: status = .fired
            case .unknown: status = rule.verdict == .allowed ? .silent : .undetermined
            case .false: status = .silent
            }
            findings.append(Finding(rule: rule, status: status, evidence: outcome == .false ? [] : Self.unique(trace.evidence),
                                    missing: outcome == .unknown ? Self.unique(trace.missing) : [],
                                    explanation: explain ? trace.root : nil))
        }
        // exceptions: a fired rule sets aside the fired rules it overrides
        if findings.contains(where: { $0.status == .fired && !$0.rule.overrides.isEmpty }) {
            Self.applyOverrides(&findings)
        }
        let problems = applyWaivers(description, to: &findings)
        let verdict = findings.compactMap(\.effectiveVerdict).max() ?? .allowed
        let order: (Finding) -> Int = { finding in
            switch finding.status {
            case .fired: return 0
            case .undetermined: return 1
            case .waived, .baselined: return 2
            case .overridden: return 3
            case .silent: return 4
            }
        }
        findings = findings.enumerated().sorted { lhs, rhs in
            let (l, r) = (lhs.element, rhs.element)
            if order(l) != order(r) { return order(l) < order(r) }
            if l.rule.verdict != r.rule.verdict { return l.rule.verdict > r.rule.verdict }
            return lhs.offset < rhs.offset
        }.map(\.element)
        return Evaluation(description: description, verdict: verdict, findings: findings, day: day, dated: dated,
                          context: context, notInForce: notInForce, problems: problems)
    }

    /// Sets aside every fired finding that a fired exception overrides (the first exception in finding
    /// order names itself as the one that set it aside).
    private static func applyOverrides(_ findings: inout [Finding]) {
        var overriddenBy: [String?] = Array(repeating: nil, count: findings.count)
        for finding in findings where finding.status == .fired {
            for target in finding.rule.overrides {
                guard let index = findings.firstIndex(where: { $0.status == .fired && $0.rule.id == target }),
                      overriddenBy[index] == nil else { continue }
                overriddenBy[index] = finding.rule.id
            }
        }
        for index in findings.indices {
            guard let by = overriddenBy[index] else { continue }
            let finding = findings[index]
            findings[index] = Finding(rule: finding.rule, status: .overridden(by: by), evidence: finding.evidence, missing: finding.missing,
                                      explanation: finding.explanation)
        }
    }

    /// Marks findings accepted by valid waivers; returns the problems of invalid waivers (which waive nothing).
    private func applyWaivers(_ description: Description, to findings: inout [Finding]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for waiver in description.waivers {
            let location = description.source.location(at: waiver.offset)
            var valid = true
            func problem(_ code: String, _ message: String, _ hint: String) {
                problems.append(Diagnostic(code, message, at: location, hint: hint))
                valid = false
            }
            if ruleSet.rule(waiver.rule) == nil {
                problem("waiver.unknown-rule", "the waiver names unknown rule `\(waiver.rule)`",
                        Suggestion.hint(for: waiver.rule, in: ruleSet.rules.map(\.id)) ?? "`neutraal rules` lists the rule ids")
            }
            if waiver.reason == nil {
                problem("waiver.no-reason", "the waiver for `\(waiver.rule)` gives no reason", "add `\"reason\": \"…\"`: why the finding is accepted")
            }
            if waiver.approvedBy == nil {
                problem("waiver.no-approver", "the waiver for `\(waiver.rule)` does not say who approved it", "add `\"approvedBy\": \"…\"`")
            }
            if let until = waiver.until {
                if until < asOf {
                    problem("waiver.expired", "the waiver for `\(waiver.rule)` expired on \(CivilDate.format(until))",
                            "review the finding again, then renew or remove the waiver")
                }
            } else {
                problem("waiver.no-date", "the waiver for `\(waiver.rule)` has no end date", "add `\"until\": \"YYYY-MM-DD\"`")
            }
            guard valid else { continue }
            for index in findings.indices where findings[index].rule.id == waiver.rule {
                switch findings[index].status {
                case .fired, .undetermined: findings[index] = findings[index].with(status: .waived(waiver))
                default: break
                }
            }
        }
        return problems
    }

    /// The value of a top-level fact as shown in messages.
    public func displayFact(_ path: String, of description: Description, language: Language = .english) -> String? {
        guard let slot = ruleSet.vocabulary.root.slotByPath[path], let value = description.record.values[slot] else { return nil }
        if language == .dutch, case .symbol(let index) = value, case .enumeration(let enumIndex) = ruleSet.vocabulary.root.fields[slot].type {
            // in Dutch messages an enumeration value reads as the Dutch word users say, where there is one
            let cases = ruleSet.vocabulary.enums[enumIndex].cases
            if Int(index) < cases.count, let dutch = cases[Int(index)].aliases.first { return dutch }
        }
        return display(value, layout: 0, slot: slot)
    }

    // MARK: Conditions

    struct Scope {
        var record: Record
        let layout: Int
        let prefix: String
        /// Where the record was read from, for the locations of evidence.
        let source: SourceText
        /// Texts already folded and scanned, by slot (a record has only a few texts: a list beats a hash table).
        var scans: [(slot: Int, text: FoldedText, matches: [LexiconScanner.Match])] = []
        /// Where each pattern first matched each text already searched (nil: nowhere), by slot and pattern.
        var patternMatches: [(slot: Int, pattern: Int, match: Range<Int>?)] = []
        /// Outcomes of the program's definitions already evaluated on this record (nil: not yet).
        var programDefinitions: [Outcome?] = []

        init(record: Record, layout: Int, prefix: String, source: SourceText) {
            self.record = record
            self.layout = layout
            self.prefix = prefix
            self.source = source
        }
    }

    /// What a traced evaluation collects: evidence, missing facts, and (with `--explain`) the tree of how
    /// each condition came out.
    final class Trace {
        var evidence: [Evidence] = []
        var missing: [String] = []
        /// Whether to build the explanation tree (only `--explain` shows it).
        let explains: Bool
        var stack: [[ExplainNode]]
        var root: ExplainNode? { stack.first?.first }

        init(explains: Bool) {
            self.explains = explains
            stack = explains ? [[]] : []
        }

        func open() { if explains { stack.append([]) } }
        func close(_ text: @autoclosure () -> String, _ outcome: Outcome) {
            guard explains else { return }
            let children = stack.removeLast()
            stack[stack.count - 1].append(ExplainNode(text: text(), outcome: outcome, children: children))
        }
        func leaf(_ text: String, _ outcome: Outcome) {
            guard explains else { return }
            stack[stack.count - 1].append(ExplainNode(text: text, outcome: outcome, children: []))
        }
    }

    func evaluate(_ condition: Condition, _ scope: inout Scope, trace: Trace?) -> Outcome {
        switch condition {
        case .all(let parts):
            trace?.open()
            let marks = (trace?.evidence.count ?? 0, trace?.missing.count ?? 0)
            var result = Outcome.true
            for part in parts {
                let outcome = evaluate(part, &scope, trace: trace)
                if outcome == .false { result = .false; if trace == nil { return .false } }
                if outcome == .unknown, result == .true { result = .unknown }
            }
            if let trace {
                prune(trace, marks, result)
                trace.close("all of", result)
            }
            return result
        case .any(let parts):
            trace?.open()
            let marks = (trace?.evidence.count ?? 0, trace?.missing.count ?? 0)
            var result = Outcome.false
            for part in parts {
                let before = (trace?.evidence.count ?? 0)
                let outcome = evaluate(part, &scope, trace: trace)
                if outcome == .true { result = .true; if trace == nil { return .true } }
                if outcome == .unknown, result == .false { result = .unknown }
                if let trace, outcome != .true { trace.evidence.removeSubrange(before...) }
            }
            if let trace {
                prune(trace, marks, result)
                trace.close("any of", result)
            }
            return result
        case .not(let inner):
            trace?.open()
            let marks = (trace?.evidence.count ?? 0, trace?.missing.count ?? 0)
            let result = evaluate(inner, &scope, trace: trace).negated
            if let trace {
                trace.evidence.removeSubrange(marks.0...)
                if result != .unknown { trace.missing.removeSubrange(marks.1...) }
                trace.close("not", result)
            }
            return result
        case .named(let name, let inner):
            trace?.open()
            let result = evaluate(inner, &scope, trace: trace)
            trace?.close(name, result)
            return result
        case .test(let test):
            let result = evaluate(test, &scope, trace: trace)
            trace?.leaf(test.text, result)
            return result
        case .quantified(let quantifier, let slot, let path, let body, let absent):
            trace?.open()
            let marks = (trace?.evidence.count ?? 0, trace?.missing.count ?? 0)
            let result: Outcome
            switch scope.record.values[slot] {
            case .objects(let elements)?:
                var any = Outcome.false
                var all = Outcome.true
                for (index, element) in elements.enumerated() {
                    guard case .objects(let layoutIndex) = ruleSet.vocabulary.layouts[scope.layout].fields[slot].type else { break }
                    // the element's path is only shown in evidence, so it is only spelled out when there is a trace
                    var inner = Scope(record: element, layout: layoutIndex,
                                      prefix: trace == nil ? "" : scope.prefix + "\(path)[\(index + 1)].", source: scope.source)
                    let before = trace?.evidence.count ?? 0
                    let outcome = evaluate(body, &inner, trace: trace)
                    if outcome == .true { any = .true }
                    if outcome == .unknown, any == .false { any = .unknown }
                    if outcome == .false { all = .false }
                    if outcome == .unknown, all == .true { all = .unknown }
                    if let trace, outcome != .true, quantifier == .some { trace.evidence.removeSubrange(before...) }
                    if trace == nil, quantifier == .some, any == .true { break }
                }
                switch quantifier {
                case .some: result = any
                case .every: result = all
                case .no: result = any.negated
                }
            default:
                switch absent {
                case .unknown:
                    trace?.missing.append(scope.prefix + path)
                    result = .unknown
                default:
                    result = quantifier == .some ? .false : .true
                }
            }
            if let trace {
                if quantifier == .no { trace.evidence.removeSubrange(marks.0...) }
                prune(trace, marks, result)
                trace.close("\(quantifier.rawValue) \(path) where", result)
            }
            return result
        }
    }

    private func prune(_ trace: Trace, _ marks: (Int, Int), _ result: Outcome) {
        switch result {
        case .true:
            trace.missing.removeSubrange(marks.1...)
        case .false:
            trace.evidence.removeSubrange(marks.0...)
            trace.missing.removeSubrange(marks.1...)
        case .unknown:
            break
        }
    }

    func evaluate(_ test: FieldTest, _ scope: inout Scope, trace: Trace?) -> Outcome {
        let value = scope.record.values[test.slot]
        switch test.operation {
        case .present:
            if value != nil { addFactEvidence(test, scope, trace) }
            return .from(value != nil)
        case .missing:
            return .from(value == nil)
        default:
            break
        }
        guard let value else {
            switch test.absent {
            case .unknown:
                trace?.missing.append(scope.prefix + test.path)
                return .unknown
            case .false:
                return compare(.bool(false), test.operation)
            case .empty:
                switch test.operation {
                case .notEquals, .notOneOf: return .true
                default: return .false
                }
            }
        }
        switch test.operation {
        case .mentions(let lexicon):
            guard case .string(let text) = value else { return .false }
            let (folded, matches) = scan(text, slot: test.slot, &scope)
            var found = false
            for match in matches where match.lexicon == lexicon {
                found = true
                guard let trace else { break }
                let range = folded.originalRange(match.range)
                let scalars = folded.scalarRange(range)
                trace.evidence.append(Evidence(fact: scope.prefix + test.path, value: nil, match: folded.originalText(range),
                                               start: scalars.lowerBound, end: scalars.upperBound,
                                               location: location(scope, test.slot)))
            }
            return .from(found)
        case .matches(let index):
            guard case .string(let text) = value else { return .false }
            let (folded, _) = scan(text, slot: test.slot, &scope)
            let found: Range<Int>?
            if let cached = scope.patternMatches.first(where: { $0.slot == test.slot && $0.pattern == index }) {
                found = cached.match
            } else {
                found = ruleSet.patterns[index].firstMatch(in: folded)
                scope.patternMatches.append((test.slot, index, found))
            }
            guard let match = found else { return .false }
            if let trace {
                let range = folded.originalRange(match)
                let scalars = folded.scalarRange(range)
                trace.evidence.append(Evidence(fact: scope.prefix + test.path, value: nil, match: folded.originalText(range),
                                               start: scalars.lowerBound, end: scalars.upperBound, location: location(scope, test.slot)))
            }
            return .true
        default:
            let result = compare(value, test.operation)
            if result == .true { addFactEvidence(test, scope, trace) }
            return result
        }
    }

    private func compare(_ value: FactValue, _ operation: FieldTest.Operation) -> Outcome {
        switch operation {
        case .equals(let expected): return .from(value.sameScalar(as: expected))
        case .notEquals(let expected): return .from(!value.sameScalar(as: expected))
        case .oneOf(let options): return .from(options.contains { value.sameScalar(as: $0) })
        case .notOneOf(let options): return .from(!options.contains { value.sameScalar(as: $0) })
        case .before(let day): if case .date(let actual) = value { return .from(actual < day) }
        case .after(let day): if case .date(let actual) = value { return .from(actual > day) }
        case .onOrBefore(let day): if case .date(let actual) = value { return .from(actual <= day) }
        case .onOrAfter(let day): if case .date(let actual) = value { return .from(actual >= day) }
        case .includes(let expected):
            if case .list(let items) = value { return .from(items.contains { $0.sameScalar(as: expected) }) }
        case .includesAny(let options):
            if case .list(let items) = value { return .from(items.contains { item in options.contains { item.sameScalar(as: $0) } }) }
        case .includesAnyText(let options):
            if case .list(let items) = value {
                return .from(items.contains { item in if case .string(let text) = item { options.contains(text.lowercased()) } else { false } })
            }
        case .present, .missing, .mentions, .matches:
            break
        }
        return .false
    }

    private func scan(_ text: String, slot: Int, _ scope: inout Scope) -> (FoldedText, [LexiconScanner.Match]) {
        for cached in scope.scans where cached.slot == slot { return (cached.text, cached.matches) }
        let folded = FoldedText(text)
        let matches = ruleSet.scanner.scan(folded)
        scope.scans.append((slot, folded, matches))
        return (folded, matches)
    }

    private func addFactEvidence(_ test: FieldTest, _ scope: Scope, _ trace: Trace?) {
        guard let trace, let value = scope.record.values[test.slot] else { return }
        trace.evidence.append(Evidence(fact: scope.prefix.isEmpty ? test.path : scope.prefix + test.path,
                                       value: display(value, layout: scope.layout, slot: test.slot),
                                       match: nil, start: nil, end: nil, location: location(scope, test.slot)))
    }

    private func location(_ scope: Scope, _ slot: Int) -> SourceLocation? {
        let offset = scope.record.offsets[slot]
        return offset >= 0 ? scope.source.location(at: Int(offset)) : nil
    }

    func display(_ value: FactValue, layout: Int, slot: Int) -> String {
        let type = ruleSet.vocabulary.layouts[layout].fields[slot].type
        return Self.display(value, type: type, vocabulary: ruleSet.vocabulary)
    }

    static func display(_ value: FactValue, type: FieldType, vocabulary: Vocabulary) -> String {
        switch (value, type) {
        case (.symbol(let index), .enumeration(let enumIndex)):
            let cases = vocabulary.enums[enumIndex].cases
            return Int(index) < cases.count ? cases[Int(index)].name : "?"
        case (.list(let items), .list(let element)):
            return items.map { display($0, type: element, vocabulary: vocabulary) }.joined(separator: ", ")
        case (.bool(let flag), _): return flag ? "true" : "false"
        case (.string(let text), _): return text
        case (.date(let day), _): return CivilDate.format(day)
        case (.number(let number), _):
            return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case (.objects(let records), _): return "\(records.count) items"
        default: return "?"
        }
    }

    static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }

    /// `==` on evidence, with the cheap comparisons first.
    private static func sameEvidence(_ a: Evidence, _ b: Evidence) -> Bool {
        a.start == b.start && a.end == b.end && a.location?.line == b.location?.line && a.location?.column == b.location?.column
            && a.fact == b.fact && a.value == b.value && a.match == b.match && a.location?.file == b.location?.file
    }

    /// Evidence without repeats (two definitions may test the same fact).
    static func unique(_ items: [Evidence]) -> [Evidence] {
        guard items.count > 1 else { return items }
        var kept: [Evidence] = []
        for item in items where !kept.contains(where: { sameEvidence($0, item) }) { kept.append(item) }
        return kept
    }
}
