/// Why an example came out as it did, for its failure: a rule author who reads "actual: silent" or "actual:
/// fires" needs to know what to change, the example or the rule.
extension RegressionRunner {
    /// The lines that explain how `rule` came out for an example: the evidence it fired on, or why it could not
    /// judge the example at all (not in force on the day of the check, for an undated example).
    func why(_ rule: Rule, _ finding: Finding?, _ evaluation: Evaluation) -> [String] {
        if let finding, finding.status != .silent, finding.status != .undetermined {
            return finding.evidence.map { evidence in
                let place = evidence.location.map { " (\($0))" } ?? ""
                if let match = evidence.match { return "evidence: \(evidence.fact): «\(match)»" + place }
                return "evidence: \(evidence.fact) = \(evidence.value ?? "")" + place
            }
        }
        if let finding, finding.status == .silent, let explanation = finding.explanation {
            // what to change, the example or the rule: the parts of the condition that made it false
            let parts = Self.decisive(explanation)
            let shown = parts.prefix(Self.decisiveLimit).map { "why: `\($0)` came out false" }
            return shown + (parts.count > Self.decisiveLimit ? ["why: … and \(parts.count - Self.decisiveLimit) more"] : [])
        }
        if evaluation.notInForce.contains(rule.id) {
            let period = (rule.validFrom.map { "from \(CivilDate.format($0))" } ?? "")
                + (rule.validUntil.map { (rule.validFrom == nil ? "" : " ") + "until \(CivilDate.format($0))" } ?? "")
            // an example dated outside the rule's period is refused at load time unless it is `silent`
            return ["\(rule.id) is not in force on \(CivilDate.format(evaluation.day)), the day of the check: the example has no `date` "
                    + "(the rule is in force \(period))"]
        }
        // an example of a kind the rule does not judge is refused at load time unless it is `silent`, which passes
        return []
    }
}

extension RegressionRunner {
    /// At most this many parts of a condition are named for a silent rule.
    static let decisiveLimit = 8

    /// The parts of a false condition that decide it, as written in the rule: the false parts of an `all of`,
    /// every part of an `any of`; a `not` or a quantifier is named as a whole. Each part once, in rule order.
    static func decisive(_ node: ExplainNode) -> [String] {
        var parts: [String] = []
        func walk(_ node: ExplainNode) {
            guard node.outcome == .false else { return }
            switch node.text {
            case _ where node.children.isEmpty:
                if !parts.contains(node.text) { parts.append(node.text) }
            case "all of", "any of":
                node.children.forEach(walk)
            case "not":
                let inner = node.children.count == 1 && node.children[0].children.isEmpty ? node.children[0].text : "…"
                if !parts.contains("not \(inner)") { parts.append("not \(inner)") }
            case _ where node.text.hasSuffix(" where"):
                if !parts.contains(node.text + " (…)") { parts.append(node.text + " (…)") }
            default:
                // a named condition (`define`): its own condition decides
                node.children.forEach(walk)
            }
        }
        walk(node)
        return parts
    }

    /// The findings an overall verdict rests on, for a failed `expect verdict`: the rules that fired and those
    /// undetermined (each counts as `advisory`).
    static func verdictSources(_ evaluation: Evaluation) -> [String] {
        let fired = evaluation.findings.filter { $0.status == .fired }.map(\.rule.id)
        let undetermined = evaluation.findings.filter { $0.status == .undetermined }
        var lines = ["rules that fired: " + (fired.isEmpty ? "none" : fired.joined(separator: ", "))]
        if !undetermined.isEmpty {
            lines.append("undetermined: " + undetermined.map { "\($0.rule.id) (missing \($0.missing.joined(separator: ", ")))" }.joined(separator: "; "))
        }
        return lines
    }

    /// The `{field}` placeholders of `rule`'s messages that `evaluation`'s description does not give: its
    /// message would show `?` there. An example that fires shows its rule's message as a reader sees it.
    func unquotedFacts(_ rule: Rule, _ evaluation: Evaluation) -> [String] {
        let vocabulary = ruleSet.vocabulary
        var missing: [String] = []
        for message in [rule.messageNL, rule.messageEN] {
            var rest = Substring(message)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                let name = String(rest[rest.index(after: open)..<close])
                rest = rest[rest.index(after: close)...]
                guard name != "match", !missing.contains(name) else { continue }
                let shown = vocabulary.root.slotByPath[name].flatMap {
                    Evaluator.displayFact(slot: $0, of: evaluation.description, vocabulary: vocabulary, language: .english)
                }
                if shown == nil { missing.append(name) }
            }
        }
        return missing
    }
}
