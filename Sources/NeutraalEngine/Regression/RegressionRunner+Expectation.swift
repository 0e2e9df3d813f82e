/// Checks a sample's expectation before it is compared: a verdict that is no verdict, or a rule id that
/// names no rule, is an error at the value's own line and column, with the allowed values and a "did you
/// mean" where one fits, not a failed comparison.
extension RegressionRunner {
    /// The verdict words an expectation may use: English, then Dutch.
    static var verdictWords: [String] { Verdict.allCases.map(\.rawValue) + Verdict.allCases.map(\.dutch) }

    /// The problems of `description`'s expectation (empty when every value is valid).
    func problems(of description: Description) -> [Diagnostic] {
        let expectation = description.expectation
        func location(_ offset: Int?) -> SourceLocation {
            offset.map { description.source.location(at: $0) } ?? description.location
        }
        var problems: [Diagnostic] = []
        if let verdict = expectation.verdict, Verdict(word: verdict) == nil {
            let words = Self.verdictWords
            let allowed = "verdicts: " + words.map { "`\($0)`" }.joined(separator: ", ")
            problems.append(Diagnostic("expect.unknown-verdict", "`\(verdict)` is not a verdict", at: location(expectation.places.verdict),
                                       hint: (Suggestion.hint(for: verdict, in: words).map { $0 + " " } ?? "") + allowed))
        }
        let ids = ruleSet.rules.map(\.id)
        for (what, listed, places) in [("rules", expectation.rules, expectation.places.rules),
                                       ("overridden", expectation.overridden, expectation.places.overridden)] {
            for (index, id) in (listed ?? []).enumerated() where ruleSet.rule(id) == nil {
                problems.append(Diagnostic("expect.unknown-rule", "`expect \(what)` names unknown rule `\(id)`",
                                           at: location(places.indices.contains(index) ? places[index] : nil),
                                           hint: Suggestion.hint(for: id, in: ids) ?? "`neutraal rules` lists the rule ids"))
            }
        }
        return problems
    }
}
