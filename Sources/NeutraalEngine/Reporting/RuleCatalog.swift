/// Human descriptions of rules: one rule in full (`neutraal explain`), and the whole rule set as Markdown
/// grouped by source document (the generated catalog).
public enum RuleCatalog {
    /// One rule in full, as plain text.
    public static func describe(_ rule: Rule, _ ruleSet: RuleSet) -> String {
        var lines: [String] = []
        lines.append("\(rule.id): \(rule.title)")
        lines.append("  verdict: \(rule.verdict.rawValue) (\(rule.verdict.dutch))")
        let kinds = rule.kinds.map { set in set.sorted().map { ruleSet.vocabulary.kinds.cases[Int($0)].name }.joined(separator: ", ") } ?? "any"
        lines.append("  applies to: \(kinds)")
        lines.append("  source: " + FactDisplay.citation(rule, ruleSet, .english))
        if let source = ruleSet.sources[rule.citation.sourceID] {
            if let url = source.url { lines.append("  url: \(url)") }
            if let note = source.note { lines.append("  note on the source: \(note)") }
        }
        if let quote = rule.quote { lines.append("  the source says: «\(quote)»") }
        if rule.validFrom != nil || rule.validUntil != nil {
            lines.append("  in force: " + (rule.validFrom.map { "from \(CivilDate.format($0))" } ?? "")
                         + (rule.validUntil.map { " until \(CivilDate.format($0))" } ?? ""))
        }
        lines.append("  when: \(rule.conditionText)")
        if !rule.overrides.isEmpty { lines.append("  exception to: \(rule.overrides.joined(separator: ", "))") }
        let exceptions = ruleSet.rules.filter { $0.overrides.contains(rule.id) }.map(\.id)
        if !exceptions.isEmpty { lines.append("  exceptions: \(exceptions.joined(separator: ", "))") }
        lines.append("  message (nl): \(rule.messageNL)")
        lines.append("  message (en): \(rule.messageEN)")
        if let weigh = rule.weighNL { lines.append("  to weigh (nl): \(weigh)") }
        if let weigh = rule.weighEN { lines.append("  to weigh (en): \(weigh)") }
        lines.append("  examples:")
        for example in rule.examples {
            lines.append("    \(example.expectation.rawValue): \(example.name) (\(example.location))")
        }
        lines.append("  defined at: \(rule.location)")
        return lines.joined(separator: "\n") + "\n"
    }
}
