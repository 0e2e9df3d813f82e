/// JUnit XML for CI systems: one test case per description; a verdict at or above `--fail-on` is a
/// failure (its findings in the body), an unreadable description is an error.
public struct JUnitReporter: Reporter {
    private var cases: [String] = []
    private var failures = 0
    private var errors = 0

    public init() {}

    public mutating func begin(_ context: ReportContext) -> String { "" }

    public mutating func add(_ item: ReportItem, _ context: ReportContext) -> String {
        switch item {
        case .failed(let source, let id, let diagnostics):
            errors += 1
            let first = diagnostics.first
            let body = diagnostics.map { diagnostic in
                (diagnostic.location.map { "\($0): " } ?? "") + diagnostic.message + (diagnostic.hint.map { "\nhint: \($0)" } ?? "")
            }.joined(separator: "\n")
            cases.append("    <testcase classname=\"\(XMLEscape.attribute(source))\" name=\"\(XMLEscape.attribute(id))\" file=\"\(XMLEscape.attribute(source))\""
                         + (first?.location.map { " line=\"\($0.line)\"" } ?? "") + ">\n"
                         + "      <error type=\"\(XMLEscape.attribute(first?.code ?? "input"))\" message=\"\(XMLEscape.attribute(first?.message ?? "unreadable"))\">"
                         + XMLEscape.text(body) + "</error>\n    </testcase>")
        case .evaluated(let evaluation):
            let description = evaluation.description
            var line = "    <testcase classname=\"\(XMLEscape.attribute(description.source.path))\" name=\"\(XMLEscape.attribute(description.id))\""
                + " file=\"\(XMLEscape.attribute(description.source.path))\" line=\"\(description.location.line)\">"
            let standing = evaluation.findings.filter { $0.effectiveVerdict != nil || { if case .waived = $0.status { return true }; return false }($0) }
            let text = standing.map { finding in
                "\(FactDisplay.location(finding, evaluation)): \(finding.effectiveVerdict?.rawValue ?? finding.statusWord): "
                    + (finding.status == .undetermined ? FactDisplay.undetermined(finding, context.language)
                                                       : FactDisplay.message(finding, evaluation, context) + " [\(finding.rule.id)]")
                    + "\n  " + FactDisplay.citation(finding.rule, context.ruleSet, context.language)
            }.joined(separator: "\n")
            if !evaluation.problems.isEmpty {
                errors += 1
                let problem = evaluation.problems[0]
                line += "\n      <error type=\"\(XMLEscape.attribute(problem.code))\" message=\"\(XMLEscape.attribute(problem.message))\">"
                    + XMLEscape.text(evaluation.problems.map(\.description).joined(separator: "\n")) + "</error>"
            } else if evaluation.verdict >= context.failOn {
                failures += 1
                let rules = standing.filter { $0.effectiveVerdict == evaluation.verdict }.map(\.rule.id).joined(separator: ", ")
                line += "\n      <failure type=\"\(evaluation.verdict.rawValue)\" message=\"\(XMLEscape.attribute(evaluation.verdict.rawValue + ": " + rules))\">"
                    + XMLEscape.text(text) + "</failure>"
            } else if !text.isEmpty {
                line += "\n      <system-out>" + XMLEscape.text(evaluation.verdict.rawValue + "\n" + text) + "</system-out>"
            }
            cases.append(line + (line.hasSuffix(">") && !line.contains(Character("\n")) ? "</testcase>" : "\n    </testcase>"))
        }
        return ""
    }

    public mutating func finish(_ summary: Summary, _ context: ReportContext) -> String {
        let tests = cases.count
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        text += "<testsuites name=\"neutraal\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        text += "  <testsuite name=\"neutraal lint\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"0\">\n"
        text += "    <properties>\n      <property name=\"rulesetVersion\" value=\"\(XMLEscape.attribute(context.ruleSet.version))\"/>\n"
        text += "      <property name=\"failOn\" value=\"\(context.failOn.rawValue)\"/>\n    </properties>\n"
        if !cases.isEmpty { text += cases.joined(separator: "\n") + "\n" }
        text += "  </testsuite>\n</testsuites>\n"
        return text
    }
}
