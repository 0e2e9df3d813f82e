/// Compiler-style text: `file:line:column: verdict: message [RULE-ID]` per finding; with `detailed`
/// (the `check` command) also the verdict, the citation, the evidence with the words highlighted, and
/// the explanation; at the end a summary per verdict and per rule.
public struct TextReporter: Reporter {
    public init() {}

    private func paint(_ text: String, _ code: String, _ context: ReportContext) -> String {
        context.color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func verdictColor(_ verdict: Verdict) -> String {
        switch verdict {
        case .violation: return "1;31"
        case .judgement: return "1;35"
        case .advisory: return "1;33"
        case .allowed: return "1;32"
        }
    }

    private func label(_ verdict: Verdict, _ context: ReportContext) -> String {
        paint(verdict.word(context.language), verdictColor(verdict), context)
    }

    public mutating func begin(_ context: ReportContext) -> String { "" }

    public mutating func add(_ item: ReportItem, _ context: ReportContext) -> String {
        let nl = context.language == .dutch
        switch item {
        case .failed(let source, _, let diagnostics):
            var lines: [String] = []
            for diagnostic in diagnostics {
                let place = diagnostic.location.map { "\($0): " } ?? "\(source): "
                lines.append(TerminalSafe.clean(place + paint(nl ? "fout" : "error", "1;31", context) + ": \(diagnostic.message) [\(diagnostic.code)]", keepNewlines: false))
                if let hint = diagnostic.hint { lines.append("  " + (nl ? "tip" : "hint") + ": " + TerminalSafe.clean(hint, keepNewlines: false)) }
            }
            return lines.joined(separator: "\n") + "\n"
        case .evaluated(let evaluation):
            var lines: [String] = []
            if context.detailed {
                let description = evaluation.description
                lines.append(paint(TerminalSafe.clean(description.id, keepNewlines: false), "1", context) + ": "
                             + label(evaluation.verdict, context) + (nl ? "" : ""))
            }
            for problem in evaluation.problems {
                lines.append(TerminalSafe.clean("\(problem.location.map { "\($0): " } ?? "")" + (nl ? "fout" : "error") + ": \(problem.message) [\(problem.code)]", keepNewlines: false))
                if let hint = problem.hint { lines.append("  " + (nl ? "tip" : "hint") + ": " + TerminalSafe.clean(hint, keepNewlines: false)) }
            }
            for finding in evaluation.findings {
                if case .silent = finding.status, !context.explain { continue }
                lines += findingLines(finding, evaluation, context)
            }
            if context.detailed {
                if evaluation.findings.allSatisfy({ $0.status == .silent }) {
                    lines.append("  " + (evaluation.notInForce.isEmpty
                        ? (nl ? "geen regel is van toepassing; niets gevonden dat niet mag" : "no rule applies; nothing found that is not allowed")
                        : (nl ? "geen regel die op \(CivilDate.format(evaluation.day)) gold is van toepassing"
                              : "no rule in force on \(CivilDate.format(evaluation.day)) applies")))
                }
                if !evaluation.notInForce.isEmpty {
                    let ids = evaluation.notInForce.joined(separator: ", ")
                    lines.append("  " + (nl ? "niet toegepast, want op \(CivilDate.format(evaluation.day)) (nog) niet van kracht: \(ids)"
                                            : "not applied, not (yet) in force on \(CivilDate.format(evaluation.day)): \(ids)"))
                }
                for (field, value) in evaluation.context {
                    lines.append("  " + (nl ? "context" : "context") + ": \(field) = " + TerminalSafe.clean(value, keepNewlines: false)
                                 + (nl ? " (de regels gelden onverkort, ook in verkiezingstijd)" : " (the rules hold unchanged in election time)"))
                }
                if !evaluation.dated {
                    lines.append("  " + (nl ? "let op: geen datum; beoordeeld naar de regels van \(CivilDate.format(evaluation.day))"
                                            : "note: no date; judged by the rules in force on \(CivilDate.format(evaluation.day))"))
                }
                lines.append("  " + (nl ? "regelset" : "rule set") + ": \(context.ruleSet.version)")
            }
            return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        }
    }

    private func findingLines(_ finding: Finding, _ evaluation: Evaluation, _ context: ReportContext) -> [String] {
        let nl = context.language == .dutch
        let rule = finding.rule
        let location = FactDisplay.location(finding, evaluation)
        let message = TerminalSafe.clean(FactDisplay.message(finding, evaluation, context), keepNewlines: false)
        var lines: [String] = []
        switch finding.status {
        case .fired:
            lines.append("\(TerminalSafe.clean(location.description, keepNewlines: false)): \(label(rule.verdict, context)): \(message) [\(rule.id)]")
        case .overridden(let by):
            lines.append("\(TerminalSafe.clean(location.description, keepNewlines: false)): " + paint(nl ? "opzijgezet" : "overridden", "2", context)
                         + ": \(message) [\(rule.id)] " + (nl ? "(uitzondering: \(by))" : "(exception: \(by))"))
        case .undetermined:
            lines.append("\(TerminalSafe.clean(location.description, keepNewlines: false)): \(label(.advisory, context)): "
                         + FactDisplay.undetermined(finding, context.language))
            if context.detailed { lines.append("    " + message) }
        case .silent:
            lines.append("\(TerminalSafe.clean(location.description, keepNewlines: false)): " + paint(nl ? "niet van toepassing" : "does not apply", "2", context) + ": [\(rule.id)] \(rule.title)")
        case .waived(let waiver):
            let who = TerminalSafe.clean(waiver.approvedBy ?? "?", keepNewlines: false)
            let until = waiver.until.map(CivilDate.format) ?? "?"
            lines.append("\(TerminalSafe.clean(location.description, keepNewlines: false)): " + paint(nl ? "vrijgesteld" : "waived", "2", context)
                         + ": \(message) [\(rule.id)] " + (nl ? "(\(rule.verdict.word(context.language)); vrijstelling door \(who) tot \(until): "
                                                                  : "(\(rule.verdict.word(context.language)); waived by \(who) until \(until): ")
                         + TerminalSafe.clean(waiver.reason ?? "", keepNewlines: false) + ")")
        case .baselined:
            lines.append("\(TerminalSafe.clean(location.description, keepNewlines: false)): " + paint(nl ? "in baseline" : "baselined", "2", context)
                         + ": \(message) [\(rule.id)] (\(rule.verdict.word(context.language)))")
        }
        guard context.detailed else { return lines }
        if finding.status != .silent {
            lines.append("    " + (nl ? "bron" : "source") + ": " + FactDisplay.citation(rule, context.ruleSet, context.language))
            if rule.verdict == .judgement, let weigh = rule.weigh(context.language), finding.status == .fired {
                lines.append("    " + (nl ? "af te wegen" : "to weigh") + ": " + weigh)
            }
            for evidence in finding.evidence {
                lines.append("    " + (nl ? "bewijs" : "evidence") + ": " + evidenceText(evidence, evaluation, context))
            }
        }
        if context.explain, let explanation = finding.explanation {
            lines.append("    " + (nl ? "uitleg" : "explanation") + ":")
            lines += explainLines(explanation, depth: 3, context)
        }
        return lines
    }

    private func evidenceText(_ evidence: Evidence, _ evaluation: Evaluation, _ context: ReportContext) -> String {
        let place = evidence.location.map { " (\($0.line):\($0.column))" } ?? ""
        if let match = evidence.match, let start = evidence.start, let end = evidence.end {
            let excerpt = excerpt(evidence, evaluation, context)
            return "\(evidence.fact): «\(paint(TerminalSafe.clean(match.replacingNewlines(), keepNewlines: false), "1;4", context))» [\(start)–\(end)]" + place
                + (excerpt.isEmpty ? "" : "\n      " + excerpt)
        }
        return "\(evidence.fact) = \(TerminalSafe.clean(evidence.value ?? "", keepNewlines: false))" + place
    }

    /// A window of the text around a match, the match highlighted.
    private func excerpt(_ evidence: Evidence, _ evaluation: Evaluation, _ context: ReportContext) -> String {
        guard let start = evidence.start, let end = evidence.end,
              let text = EvidenceText.text(of: evidence.fact, in: evaluation.description.record, context.ruleSet.vocabulary) else { return "" }
        let scalars = Array(text.unicodeScalars)
        guard start <= end, end <= scalars.count else { return "" }
        let from = max(0, start - 40)
        let to = min(scalars.count, end + 40)
        func piece(_ range: Range<Int>) -> String {
            // line breaks first, so that they read as spaces and not as `\u{a}` escapes
            TerminalSafe.clean(String(String.UnicodeScalarView(scalars[range])).replacingNewlines(), keepNewlines: false)
        }
        let before = (from > 0 ? "…" : "") + piece(from..<start)
        let after = piece(end..<to) + (to < scalars.count ? "…" : "")
        let match = piece(start..<end)
        return "> " + before + (context.color ? paint(match, "1;4;31", context) : "«" + match + "»") + after
    }

    private func explainLines(_ node: ExplainNode, depth: Int, _ context: ReportContext) -> [String] {
        let mark: String
        switch node.outcome {
        case .true: mark = paint(context.language == .dutch ? "waar" : "true", "32", context)
        case .false: mark = paint(context.language == .dutch ? "onwaar" : "false", "31", context)
        case .unknown: mark = paint(context.language == .dutch ? "onbekend" : "unknown", "33", context)
        }
        var lines = [String(repeating: "  ", count: depth) + "\(node.text): \(mark)"]
        for child in node.children { lines += explainLines(child, depth: depth + 1, context) }
        return lines
    }

    public mutating func finish(_ summary: Summary, _ context: ReportContext) -> String {
        guard !context.detailed else { return "" }
        let nl = context.language == .dutch
        var lines: [String] = []
        let counts = Verdict.allCases.reversed().map { "\(summary.byVerdict[$0] ?? 0) \($0.word(context.language))" }.joined(separator: ", ")
        lines.append((nl ? Plural.count(summary.descriptions, "beschrijving", "beschrijvingen") : Plural.count(summary.descriptions, "description")) + ": " + counts
                     + (summary.unreadable > 0 ? (nl ? "; \(summary.unreadable) onleesbaar" : "; \(summary.unreadable) unreadable") : "")
                     + (summary.invalidWaivers > 0 ? (nl ? "; \(summary.invalidWaivers) met een ongeldige vrijstelling"
                                                         : "; \(summary.invalidWaivers) with an invalid waiver") : ""))
        if !summary.byRule.isEmpty {
            lines.append(nl ? "bevindingen per regel:" : "findings per rule:")
            for (rule, count) in summary.byRule.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
                let verdict = context.ruleSet.rule(rule)?.verdict.word(context.language) ?? ""
                lines.append("  \(rule): \(count) (\(verdict))")
            }
        }
        if summary.undetermined > 0 {
            let count = summary.undetermined
            lines.append(nl ? Plural.count(count, "bevinding", "bevindingen") + " " + Plural.word(count, "wacht", "wachten") + " op een ontbrekend feit"
                            : Plural.count(count, "finding") + " " + Plural.word(count, "waits", "wait") + " for a missing fact")
        }
        if summary.waived + summary.baselined > 0 {
            lines.append(nl ? Plural.count(summary.waived, "bevinding", "bevindingen") + " vrijgesteld, \(summary.baselined) in de baseline (niet meegeteld)"
                            : Plural.count(summary.waived, "finding") + " waived, \(summary.baselined) in the baseline (not counted)")
        }
        if summary.overridden > 0 {
            lines.append(nl ? Plural.count(summary.overridden, "bevinding", "bevindingen") + " opzijgezet door een uitzondering"
                            : Plural.count(summary.overridden, "finding") + " set aside by an exception")
        }
        lines.append((nl ? "regelset: " : "rule set: ") + context.ruleSet.version)
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// The text on one line: a line break (`\n`, `\r\n` or `\r`) or a tab reads as one space.
    func replacingNewlines() -> String {
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in unicodeScalars {
            if scalar == "\n" && previous == "\r" {
                previous = scalar
                continue
            }
            result.append(scalar == "\n" || scalar == "\r" || scalar == "\t" ? " " : scalar)
            previous = scalar
        }
        return String(result)
    }
}
