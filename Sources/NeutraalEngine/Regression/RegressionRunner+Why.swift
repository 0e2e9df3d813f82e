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
