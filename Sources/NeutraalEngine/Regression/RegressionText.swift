import Foundation

/// The text form of a regression run: each failure with expected against actual, then coverage, then the
/// closing line `N passed, N failed`.
public enum RegressionText {
    public static func render(_ report: RegressionReport, showUncovered: Bool, color: Bool) -> String {
        func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        var lines: [String] = []
        for testCase in report.cases {
            switch testCase.result {
            case .passed:
                continue
            case .failed(let problems):
                lines.append("\(testCase.location): " + paint("FAIL", "1;31") + " " + TerminalSafe.clean(testCase.name, keepNewlines: false))
                lines += problems.map { "    " + TerminalSafe.clean($0, keepNewlines: false) }
            case .errored(let diagnostics):
                lines.append("\(testCase.location): " + paint("ERROR", "1;31") + " " + TerminalSafe.clean(testCase.name, keepNewlines: false))
                for diagnostic in diagnostics {
                    // as `check` writes it: the problem on one line, the hint on the next
                    let place = diagnostic.location.map { "\($0): " } ?? ""
                    lines.append("    " + TerminalSafe.clean(place + "\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code)]",
                                                             keepNewlines: false))
                    if let hint = diagnostic.hint { lines.append("      hint: " + TerminalSafe.clean(hint, keepNewlines: false)) }
                }
            }
        }
        let examples = report.cases.filter { if case .example = $0.origin { return true }; return false }.count
        lines.append(Plural.count(examples, "rule example") + " and " + Plural.count(report.cases.count - examples, "sample"))
        let coveredRules = report.rulesInScope.filter(report.coveredRules.contains).count
        lines.append(String(format: "rule coverage: %d of %d rules fire in some case (%.1f%%)", coveredRules, report.rulesInScope.count, report.ruleCoverage))
        let both = report.conditions.filter { $0.wasTrue && $0.wasFalse }.count
        lines.append(String(format: "condition coverage: %d of %d conditions come out both true and false (%.1f%%)", both, report.conditions.count,
                            report.conditionCoverage))
        let uncoveredRules = report.rulesInScope.filter { !report.coveredRules.contains($0) }
        if !uncoveredRules.isEmpty { lines.append("rules that no case fires: " + uncoveredRules.joined(separator: ", ")) }
        let unexercised = report.exceptions.filter { !$0.exercised }.map(\.exception.description)
        if !unexercised.isEmpty {
            lines.append("exceptions that no case exercises (no case where the first rule sets the second aside): " + unexercised.joined(separator: ", "))
        }
        if !showUncovered, both < report.conditions.count {
            lines.append("  (`--show-uncovered` lists the conditions that no case makes both true and false)")
        }
        if showUncovered {
            for condition in report.conditions where !(condition.wasTrue && condition.wasFalse) {
                lines.append("  never \(condition.wasTrue ? "false" : condition.wasFalse ? "true" : "true or false"): \(condition.key)")
            }
        }
        lines.append("\(report.passedCount) passed, \(report.failedCount) failed"
                     + (report.erroredCount > 0 ? " (\(report.erroredCount) of them could not run)" : ""))
        return lines.joined(separator: "\n") + "\n"
    }
}
