import Foundation
import Testing
@testable import NeutraalEngine

/// A waiver in error (expired, unknown rule, no reason) makes the run exit 2; the reports a reviewer reads
/// must then say which waiver is wrong, not only count it.
@Suite("Waiver errors in reports")
struct WaiverErrorReportTests {
    /// A post that fires `T-IS`, with a waiver for it that expired before the day it is judged.
    static func evaluation() throws -> Evaluation {
        let header = "kind: post\naccount.variant: corporate\ndate: 2024-01-01\n"
            + #"waivers: [{"rule": "T-IS", "reason": "ticket | 12", "approvedBy": "integriteit", "until": "2024-02-01"}]"#
        let evaluation = try Fixture.evaluate(header, text: "Tekst.")
        #expect(evaluation.problems.map(\.code) == ["waiver.expired"])
        return evaluation
    }

    @Test("Markdown: the table has a row for the waiver in error, with its code, message and place", arguments: [Language.dutch, .english])
    func markdownRow(_ language: Language) throws {
        let evaluation = try Self.evaluation()
        let context = ReportContext(ruleSet: try Fixture.ruleSet(), language: language)
        var reporter = MarkdownReporter()
        var summary = Summary()
        summary.add(.evaluated(evaluation))
        let output = reporter.add(.evaluated(evaluation), context) + reporter.finish(summary, context)
        let problem = evaluation.problems[0]
        let row = try #require(output.split(separator: "\n").first { $0.contains("waiver.expired") }, "\(output)")
        #expect(row.hasPrefix("| post.md | \(language == .dutch ? "fout" : "error") | waiver.expired | "), "\(row)")
        #expect(row.contains(MarkdownReporter.cell(problem.message)), "\(row)")
        #expect(row.hasSuffix("| \(MarkdownReporter.cell(try #require(problem.location).description)) |"), "\(row)")
    }
}

extension WaiverErrorReportTests {
    @Test("GitHub: the annotation for a waiver in error carries its hint, as one for an unreadable description does")
    func githubHint() throws {
        let evaluation = try Self.evaluation()
        let context = ReportContext(ruleSet: try Fixture.ruleSet(), language: .english)
        var reporter = GitHubReporter()
        let output = reporter.add(.evaluated(evaluation), context)
        let problem = evaluation.problems[0]
        let hint = try #require(problem.hint)
        let line = try #require(output.split(separator: "\n").first { $0.contains("title=input error") }, "\(output)")
        #expect(line.hasPrefix("::error file=post.md,"), "\(line)")
        #expect(line.hasSuffix("::" + GitHubReporter.escapeMessage(problem.message + " (\(hint))")), "\(line)")
    }
}

extension WaiverErrorReportTests {
    @Test("GitHub and Markdown totals count a waiver in error as such, not as an unreadable description")
    func totals() throws {
        let evaluation = try Self.evaluation()
        let context = ReportContext(ruleSet: try Fixture.ruleSet(), language: .english)
        var summary = Summary()
        summary.add(.evaluated(evaluation))
        #expect(summary.errors == 1 && summary.invalidWaivers == 1 && summary.unreadable == 0)
        var github = GitHubReporter()
        #expect(github.finish(summary, context).hasSuffix("; 0 unreadable; 1 with an invalid waiver\n"))
        var markdown = MarkdownReporter()
        let table = markdown.finish(summary, context)
        #expect(table.contains("| 0 | 0 | 1 | 0 | 0 |\n\n1 description with an invalid waiver (see the table).\n"), "\(table)")
    }
}
