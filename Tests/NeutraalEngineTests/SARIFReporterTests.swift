import Foundation
import Testing
@testable import NeutraalEngine

/// The SARIF report read as a SARIF consumer reads it: the unit its columns are counted in, and the rule a
/// result points at.
@Suite("SARIF reporter")
struct SARIFReporterTests {
    /// The whole SARIF log for descriptions read from sources, judged with the fixture rule set.
    static func log(_ sources: [SourceText]) throws -> [String: Any] {
        let ruleSet = try Fixture.ruleSet()
        let context = ReportContext(ruleSet: ruleSet, language: .english)
        var reporter = SARIFReporter()
        var summary = Summary()
        var output = reporter.begin(context)
        for source in sources {
            let evaluation = Evaluator(ruleSet: ruleSet, asOf: Fixture.today).evaluate(try Fixture.description(source, in: ruleSet))
            summary.add(.evaluated(evaluation))
            output += reporter.add(.evaluated(evaluation), context)
        }
        output += reporter.finish(summary, context)
        return try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }

    static func run(_ log: [String: Any]) throws -> [String: Any] {
        try #require((log["runs"] as? [[String: Any]])?.first)
    }

    @Test("columns are counted in Unicode code points, and the run says so, also after an emoji and accented letters")
    func columnsInCodePoints() throws {
        // the fact `account.variant` starts after «é😀», which is 2 code points, 3 UTF-16 units and 6 UTF-8 bytes
        let line = #"{"id": "é😀", "kind": "post", "account": {"variant": "corporate"}}"#
        let prefix = try #require(line.range(of: #""variant""#)).lowerBound
        let codePointColumn = line.unicodeScalars[..<prefix].count + 1
        #expect(codePointColumn != line.utf16[..<prefix].count + 1)
        let run = try Self.run(try Self.log([SourceText(path: "posts.jsonl", text: line + "\n")]))
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let results = try #require(run["results"] as? [[String: Any]])
        let result = try #require(results.first { $0["ruleId"] as? String == "T-IS" })
        let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let region = try #require(location["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 1)
        #expect(region["startColumn"] as? Int == codePointColumn)
    }
}
