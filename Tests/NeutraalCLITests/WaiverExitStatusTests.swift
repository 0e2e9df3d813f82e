import Foundation
import Testing

/// `neutraal lint --fail-on` with waivers, through the built binary: the exit status and the summary line
/// say the same thing as the README's exit-status table, whichever verdict fails the run.
@Suite("lint: waivers, --fail-on and the summary line")
struct WaiverExitStatusTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let waiver: String
        /// Exit status with `--fail-on violation`, `judgement` and `advisory`.
        let status: Int32
        /// What the summary line ends with after the verdict counts.
        let tail: String
        var testDescription: String { name }
    }

    static let cases = [
        Case(name: "a valid waiver", waiver: #"{"rule": "SOCIAL-CORP-02", "reason": "ticket 12", "approvedBy": "BZK", "until": "2030-12-31"}"#,
             status: 0, tail: "0 advisory, 1 allowed"),
        Case(name: "an expired waiver", waiver: #"{"rule": "SOCIAL-CORP-02", "reason": "ticket 12", "approvedBy": "BZK", "until": "2020-12-31"}"#,
             status: 2, tail: "0 allowed; 1 with an invalid waiver"),
        Case(name: "a waiver of an unknown rule", waiver: #"{"rule": "SOCIAL-CORP-99", "reason": "ticket 12", "approvedBy": "BZK", "until": "2030-12-31"}"#,
             status: 2, tail: "0 allowed; 1 with an invalid waiver"),
        Case(name: "a waiver without reason", waiver: #"{"rule": "SOCIAL-CORP-02", "approvedBy": "BZK", "until": "2030-12-31"}"#,
             status: 2, tail: "0 allowed; 1 with an invalid waiver"),
    ]

    @Test("the exit status follows the table and the summary names a waiver in error as such, not as unreadable", arguments: cases)
    func waiver(_ testCase: Case) throws {
        let workspace = try Workspace()
        let post = LintCommandTests.votingCall.replacingOccurrences(of: "date: 2023-11-20\n", with: "date: 2023-11-20\nwaivers: [\(testCase.waiver)]\n")
        try workspace.write("post.md", post)
        for failOn in ["violation", "judgement", "advisory"] {
            let result = try Binary.run(["lint", "post.md", "--fail-on", failOn, "--lang", "en", "--as-of", "2024-01-01",
                                         "--rules", LintCommandTests.rules], in: workspace.root.path)
            #expect(result.status == testCase.status, "--fail-on \(failOn): \(result)")
            let summary = try #require(result.outLines.first { $0.hasPrefix("1 description: ") }, "\(result)")
            #expect(summary.hasSuffix(testCase.tail), "--fail-on \(failOn): \(summary)")
            #expect(!summary.contains("unreadable"), "the description was read: \(summary)")
        }
    }
}
