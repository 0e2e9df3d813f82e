import Foundation

/// A regression run as JUnit XML: one test case per example and sample, failures with expected against actual.
public enum RegressionJUnit {
    /// Renders `report`. With `minimumCoverage` (`--min-coverage N`) the run also has a test case `condition
    /// coverage`, failing below N percent, so that a CI page reading the XML shows why the run failed.
    public static func render(_ report: RegressionReport, ruleSet: RuleSet, minimumCoverage: Double? = nil) -> String {
        let coverage = minimumCoverage.map { coverageCase(report, minimum: $0) }
        let coverageFails = coverage?.failed == true ? 1 : 0
        let failures = report.cases.filter { if case .failed = $0.result { return true }; return false }.count + coverageFails
        let errors = report.cases.filter { if case .errored = $0.result { return true }; return false }.count
        let tests = report.cases.count + (coverage == nil ? 0 : 1)
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        text += "<testsuites name=\"neutraal test\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        text += "  <testsuite name=\"rule regression\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"0\">\n"
        text += "    <properties>\n      <property name=\"rulesetVersion\" value=\"\(XMLEscape.attribute(ruleSet.version))\"/>\n"
        text += "      <property name=\"ruleCoverage\" value=\"\(Int(report.ruleCoverage.rounded()))\"/>\n"
        text += "      <property name=\"conditionCoverage\" value=\"\(Int(report.conditionCoverage.rounded()))\"/>\n    </properties>\n"
        for testCase in report.cases {
            let classname: String
            switch testCase.origin {
            case .example(let rule, _, _): classname = "rules." + rule
            case .sample(let path, _): classname = "samples." + path
            }
            text += "    <testcase classname=\"\(XMLEscape.attribute(classname))\" name=\"\(XMLEscape.attribute(testCase.name))\""
                + " file=\"\(XMLEscape.attribute(testCase.location.file))\" line=\"\(testCase.location.line)\""
            switch testCase.result {
            case .passed:
                text += "/>\n"
            case .failed(let problems):
                text += ">\n      <failure type=\"regression\" message=\"\(XMLEscape.attribute(problems.first ?? "failed"))\">"
                    + XMLEscape.text(problems.joined(separator: "\n")) + "</failure>\n    </testcase>\n"
            case .errored(let diagnostics):
                text += ">\n      <error type=\"input\" message=\"\(XMLEscape.attribute(diagnostics.first?.message ?? "unreadable"))\">"
                    + XMLEscape.text(diagnostics.map(\.description).joined(separator: "\n")) + "</error>\n    </testcase>\n"
            }
        }
        if let coverage { text += coverage.xml }
        text += "  </testsuite>\n</testsuites>\n"
        return text
    }

    /// The test case of `--min-coverage`: passed at or above `minimum`, else a failure listing the conditions
    /// that no case makes both true and false.
    private static func coverageCase(_ report: RegressionReport, minimum: Double) -> (xml: String, failed: Bool) {
        let name = String(format: "condition coverage at least %.1f%%", minimum)
        let head = "    <testcase classname=\"coverage\" name=\"\(XMLEscape.attribute(name))\""
        guard report.conditionCoverage < minimum else { return (head + "/>\n", false) }
        let message = String(format: "condition coverage %.1f%% is below the minimum of %.1f%%", report.conditionCoverage, minimum)
        let uncovered = report.conditions.filter { !($0.wasTrue && $0.wasFalse) }.map { condition in
            "never \(condition.wasTrue ? "false" : condition.wasFalse ? "true" : "true or false"): \(condition.key)"
        }
        return (head + ">\n      <failure type=\"coverage\" message=\"\(XMLEscape.attribute(message))\">"
                + XMLEscape.text(([message] + uncovered).joined(separator: "\n")) + "</failure>\n    </testcase>\n", true)
    }
}
