/// A regression run as JUnit XML: one test case per example and sample, failures with expected against actual.
public enum RegressionJUnit {
    public static func render(_ report: RegressionReport, ruleSet: RuleSet) -> String {
        let failures = report.cases.filter { if case .failed = $0.result { return true }; return false }.count
        let errors = report.cases.filter { if case .errored = $0.result { return true }; return false }.count
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        text += "<testsuites name=\"neutraal test\" tests=\"\(report.cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        text += "  <testsuite name=\"rule regression\" tests=\"\(report.cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"0\">\n"
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
        text += "  </testsuite>\n</testsuites>\n"
        return text
    }
}
