import Foundation
import Testing
@testable import NeutraalEngine

/// A finding that waits for a missing fact, as the CI reports show it: named as undetermined, with the missing
/// fact and what the verdict would be, never worded as if the rule's verdict had been established.
@Suite("Undetermined findings in CI reports")
struct UndeterminedInCIReportsTests {
    /// `EX-SPECIFIC` (a violation: "A civil servant places no party politics.") needs `postedBy`, which this
    /// party-political post leaves out.
    static func evaluation() throws -> Evaluation {
        let evaluation = try Fixture.evaluate("kind: post\naccount.variant: personal\ndate: 2021-01-01", text: "Stem op ons")
        #expect(evaluation.status("EX-SPECIFIC") == .undetermined)
        return evaluation
    }

    static func render(_ reporter: some Reporter, _ language: Language, failOn: Verdict = .advisory) throws -> String {
        var reporter = reporter
        let evaluation = try evaluation()
        let context = ReportContext(ruleSet: try Fixture.ruleSet(), language: language, failOn: failOn)
        var summary = Summary()
        summary.add(.evaluated(evaluation))
        return reporter.begin(context) + reporter.add(.evaluated(evaluation), context) + reporter.finish(summary, context)
    }

    @Test("GitHub: a notice titled as advisory that names the missing fact, in Dutch and in English",
          arguments: [(Language.dutch, "EX-SPECIFIC let op", "ontbrekend feit `postedBy` voor [EX-SPECIFIC]: als het wel geldt: niet toegestaan"),
                      (Language.english, "EX-SPECIFIC advisory", "missing fact `postedBy` for [EX-SPECIFIC]: if it holds: violation")])
    func github(_ language: Language, title: String, missing: String) throws {
        let output = try Self.render(GitHubReporter(), language)
        let line = try #require(output.split(separator: "\n").first { $0.contains("EX-SPECIFIC") })
        #expect(line.hasPrefix("::notice "), "\(line)")
        #expect(line.contains("title=\(title)::"), "\(line)")
        #expect(line.contains(missing), "\(line)")
        #expect(!line.contains("places no party politics") && !line.contains("plaatst geen partijpolitiek"),
                "the rule's message is not established here: \(line)")
    }

    @Test("JUnit: the failure body names the missing fact rather than stating the rule's message")
    func junit() throws {
        let output = try Self.render(JUnitReporter(), .english)
        #expect(output.contains("advisory: missing fact `postedBy` for [EX-SPECIFIC]: if it holds: violation"), "\(output)")
        #expect(!output.contains("places no party politics"), "\(output)")
    }

    @Test("Markdown: the message cell names the missing fact")
    func markdown() throws {
        let output = try Self.render(MarkdownReporter(), .dutch)
        let row = try #require(output.split(separator: "\n").first { $0.contains("| EX-SPECIFIC |") })
        #expect(row.contains("| onbepaald | EX-SPECIFIC | ontbrekend feit \\`postedBy\\` voor \\[EX-SPECIFIC\\]"), "\(row)")
        #expect(!row.contains("plaatst geen partijpolitiek"), "\(row)")
    }
}
