/// Shared helpers for showing findings: messages with facts filled in and citations as text.
public enum FactDisplay {
    /// The finding's message in a language, with `{field}` placeholders filled from the description.
    public static func message(_ finding: Finding, _ evaluation: Evaluation, _ context: ReportContext) -> String {
        let vocabulary = context.ruleSet.vocabulary
        return finding.message(context.language) { path in
            vocabulary.root.slotByPath[path].flatMap {
                Evaluator.displayFact(slot: $0, of: evaluation.description, vocabulary: vocabulary, language: context.language)
            }
        }
    }

    /// `Title (date), locator` for a citation, with the source's identifier where it has one.
    public static func citation(_ rule: Rule, _ ruleSet: RuleSet, _ language: Language) -> String {
        guard let source = ruleSet.sources[rule.citation.sourceID] else { return rule.citation.sourceID + ", " + rule.citation.locator }
        var text = "\(source.title) (\(source.date))"
        if let identifier = source.identifier { text += ", \(identifier)" }
        text += ", \(rule.citation.locator)"
        if let quoted = source.quotedIn, let outer = ruleSet.sources[quoted] {
            text += "; " + (language == .dutch ? "aangehaald in " : "quoted in ") + "\(outer.title) (\(outer.date))"
        }
        return text
    }

    /// What an undetermined finding says in place of the rule's message, which is not established: the missing
    /// facts, and the verdict the rule gives if they hold (`missing fact `postedBy` for [RULE]: if it holds:
    /// violation; otherwise: no finding`).
    public static func undetermined(_ finding: Finding, _ language: Language) -> String {
        let missing = finding.missing.map { "`\($0)`" }.joined(separator: ", ")
        let verdict = finding.rule.verdict.word(language)
        return language == .dutch
            ? "ontbrekend feit \(missing) voor [\(finding.rule.id)]: als het wel geldt: \(verdict); anders: geen bevinding"
            : "missing fact \(missing) for [\(finding.rule.id)]: if it holds: \(verdict); otherwise: no finding"
    }

    /// Where a finding points: its first located evidence, or the description's start.
    public static func location(_ finding: Finding, _ evaluation: Evaluation) -> SourceLocation {
        finding.evidence.compactMap(\.location).first ?? evaluation.description.location
    }
}
