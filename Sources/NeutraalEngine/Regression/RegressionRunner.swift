/// Replays every rule example and every sample's expectations, and measures which rules and which
/// conditions the cases exercise. Library code: it returns values, the command line prints them.
public struct RegressionRunner {
    public let ruleSet: RuleSet
    public let asOf: Int32

    public init(ruleSet: RuleSet, asOf: Int32 = CivilDate.today()) {
        self.ruleSet = ruleSet
        self.asOf = asOf
    }

    /// Runs the examples of the rules whose id contains `filter` (all without one) and the samples whose
    /// path or id contains it. Samples are given as read outcomes (see `DescriptionReader`).
    public func run(samples: [ReadOutcome], filter: String? = nil) -> RegressionReport {
        let evaluator = Evaluator(ruleSet: ruleSet, asOf: asOf, explain: true)
        var cases: [RegressionCase] = []
        var covered: Set<String> = []
        var exercised: Set<RegressionReport.Exception> = []
        var conditions: [String: (Bool, Bool)] = [:]
        var order: [String] = []
        func matches(_ text: String) -> Bool {
            guard let filter, !filter.isEmpty else { return true }
            return text.lowercased().contains(filter.lowercased())
        }
        func record(_ evaluation: Evaluation) {
            // an exception in scope is exercised when it sets aside a rule, in scope or not
            for finding in evaluation.findings {
                if case .overridden(let by) = finding.status, matches(by) {
                    exercised.insert(RegressionReport.Exception(rule: by, overrides: finding.rule.id))
                }
            }
            for finding in evaluation.findings where matches(finding.rule.id) || filter == nil {
                switch finding.status {
                case .fired, .overridden, .waived, .baselined: covered.insert(finding.rule.id)
                default: break
                }
                if let explanation = finding.explanation { collect(explanation, key: finding.rule.id, into: &conditions, order: &order) }
            }
        }
        let rulesInScope = ruleSet.rules.filter { matches($0.id) }.map(\.id)
        for rule in ruleSet.rules where matches(rule.id) {
            for example in rule.examples {
                let origin = RegressionCase.Origin.example(rule: rule.id, name: example.name, expectation: example.expectation)
                guard let description = example.description else {
                    cases.append(RegressionCase(origin: origin, location: example.location, result: .errored([])))
                    continue
                }
                let evaluation = evaluator.evaluate(description)
                record(evaluation)
                var problems: [String] = []
                let finding = evaluation.findings.first { $0.rule.id == rule.id }
                let actual: String
                switch finding?.status {
                case .fired?: actual = "fires"
                case .overridden(let by)?: actual = "overridden (by \(by))"
                case .undetermined?: actual = "undetermined (missing \(finding?.missing.joined(separator: ", ") ?? ""))"
                case .waived?, .baselined?: actual = "fires"
                case .silent?, nil: actual = "silent"
                }
                let wanted: String = example.expectation.rawValue
                if !actual.hasPrefix(wanted) {
                    problems.append("expected: \(rule.id) \(wanted)")
                    problems.append("actual:   \(rule.id) \(actual)")
                    let standing = evaluation.findings.filter { $0.status == .fired }.map(\.rule.id)
                    problems.append("rules that fired: " + (standing.isEmpty ? "none" : standing.joined(separator: ", ")))
                    problems += why(rule, finding, evaluation)
                }
                if problems.isEmpty, example.expectation == .fires || example.expectation == .overridden {
                    // the example shows the rule's message as a reader sees it: every fact it quotes is given
                    let unquoted = unquotedFacts(rule, evaluation)
                    problems += unquoted.map { "the message quotes `{\($0)}`, which the example does not give: it would read `?`" }
                    if !unquoted.isEmpty { problems.append("give the example " + unquoted.map { "`\($0):`" }.joined(separator: ", ")) }
                }
                if let verdict = example.expectedVerdict, verdict != evaluation.verdict {
                    let explained = !problems.isEmpty
                    problems.append("expected verdict: \(verdict.rawValue)")
                    problems.append("actual verdict:   \(evaluation.verdict.rawValue)")
                    // where the verdict came from, unless the rule's own failure above already says it
                    if !explained { problems += Self.verdictSources(evaluation) }
                }
                cases.append(RegressionCase(origin: origin, location: example.location, result: problems.isEmpty ? .passed : .failed(problems)))
            }
        }
        for outcome in samples {
            switch outcome {
            case .failure(let source, let id, let diagnostics):
                guard matches(source) || matches(id) else { continue }
                cases.append(RegressionCase(origin: .sample(path: source, id: id),
                                            location: diagnostics.first?.location ?? SourceLocation(file: source, line: 1, column: 1),
                                            result: .errored(diagnostics)))
            case .description(let description):
                guard matches(description.source.path) || matches(description.id) else { continue }
                let evaluation = evaluator.evaluate(description)
                record(evaluation)
                let problems = problems(of: description)
                cases.append(RegressionCase(origin: .sample(path: description.source.path, id: description.id),
                                            location: problems.first?.location ?? description.location,
                                            result: problems.isEmpty ? compare(evaluation, description.expectation) : .errored(problems)))
            }
        }
        let exceptions = ruleSet.rules.filter { matches($0.id) }.flatMap { rule in
            rule.overrides.map { RegressionReport.Exception(rule: rule.id, overrides: $0) }
        }
        return RegressionReport(cases: cases, coveredRules: covered, rulesInScope: rulesInScope,
                                conditions: order.map { key in (key, conditions[key]?.0 ?? false, conditions[key]?.1 ?? false) },
                                exceptions: exceptions.map { ($0, exercised.contains($0)) })
    }

    private func compare(_ evaluation: Evaluation, _ expectation: Expectation) -> RegressionCase.Result {
        guard !expectation.isEmpty else {
            return .failed(["the sample states no expectation", "add `expect verdict:` and `expect rules:` (or \"expect\" in JSON)"])
        }
        var problems: [String] = []
        // a verdict that is no verdict was reported before the comparison (see `problems(of:)`)
        if let verdict = expectation.verdict, let expected = Verdict(word: verdict), expected != evaluation.verdict {
            problems.append("expected verdict: \(verdict)")
            problems.append("actual verdict:   \(evaluation.verdict.rawValue)")
        }
        let fired = evaluation.findings.filter { $0.status == .fired }.map(\.rule.id)
        if let rules = expectation.rules {
            problems += differences("rules", expected: rules, actual: fired)
        }
        if let overridden = expectation.overridden {
            let actual = evaluation.findings.filter { if case .overridden = $0.status { return true }; return false }.map(\.rule.id)
            problems += differences("overridden", expected: overridden, actual: actual)
        }
        if !problems.isEmpty {
            // the rules that fired are listed above when the sample names them; otherwise say where the verdict came from
            let sources = Self.verdictSources(evaluation)
            problems += expectation.rules == nil ? sources : Array(sources.dropFirst())
        }
        return problems.isEmpty ? .passed : .failed(problems)
    }

    private func differences(_ what: String, expected: [String], actual: [String]) -> [String] {
        let expectedSet = Set(expected)
        let actualSet = Set(actual)
        guard expectedSet != actualSet else { return [] }
        var lines = ["expected \(what): " + (expected.isEmpty ? "none" : expected.sorted().joined(separator: ", ")),
                     "actual \(what):   " + (actual.isEmpty ? "none" : actual.sorted().joined(separator: ", "))]
        let missing = expectedSet.subtracting(actualSet).sorted()
        let extra = actualSet.subtracting(expectedSet).sorted()
        if !missing.isEmpty { lines.append("  - not \(what == "rules" ? "fired" : "overridden"): " + missing.joined(separator: ", ")) }
        if !extra.isEmpty { lines.append("  + also \(what == "rules" ? "fired" : "overridden"): " + extra.joined(separator: ", ")) }
        return lines
    }

    private func collect(_ node: ExplainNode, key: String, into conditions: inout [String: (Bool, Bool)], order: inout [String]) {
        let path = key + " › " + node.text
        // a quantifier over an empty list evaluated no element: it is not a condition of its own
        if node.children.isEmpty, node.text.hasSuffix(" where") { return }
        if node.children.isEmpty {
            if conditions[path] == nil { order.append(path) }
            var entry = conditions[path] ?? (false, false)
            if node.outcome == .true { entry.0 = true }
            if node.outcome == .false { entry.1 = true }
            conditions[path] = entry
            return
        }
        for child in node.children { collect(child, key: path, into: &conditions, order: &order) }
    }
}
