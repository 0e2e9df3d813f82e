import Foundation
import Testing

/// `--report FORMAT:FILE` and `--write-baseline FILE` naming a place that cannot be written: told before
/// anything is judged, with the reason, exit status 2.
@Suite("Report files that cannot be written")
struct ReportTargetTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let behaviour: String
        let option: [String]
        let expected: String
        var testDescription: String { behaviour }
    }

    static let cases: [Case] = [
        Case(behaviour: "a report in a folder that does not exist", option: ["--report", "sarif:nergens/results.sarif"],
             expected: "error: `--report sarif:nergens/results.sarif` cannot be written: the folder `"),
        Case(behaviour: "a report named after a folder", option: ["--report", "junit:rules"],
             expected: "error: `--report junit:rules` cannot be written: it is a folder"),
        Case(behaviour: "a report below a file", option: ["--report", "json:post.md/x.json"],
             expected: "error: `--report json:post.md/x.json` cannot be written: `"),
        Case(behaviour: "a baseline in a folder that does not exist", option: ["--write-baseline", "nergens/baseline.json"],
             expected: "error: `--write-baseline nergens/baseline.json` cannot be written: the folder `"),
    ]

    @Test("refused before the batch is judged", arguments: cases)
    func refusedFirst(_ example: Case) throws {
        let workspace = try Workspace()
        try workspace.write("post.md", CLIFixture.violation)
        let result = try Binary.run(["lint", "post.md", "--rules", "rules", "--no-progress"] + example.option, in: workspace.root.path)
        #expect(result.status == 2, "\(result)")
        #expect(result.err.contains(example.expected), "\(result)")
        #expect(result.out.isEmpty, "nothing is judged: \(result)")
    }

    @Test("a report or baseline naming a file the run reads is refused, and the description is left as it was",
          arguments: [["--report", "json:post.md"], ["--report", "sarif:./post.md"], ["--write-baseline", "post.md"]])
    func refusesToOverwriteInput(_ option: [String]) throws {
        let workspace = try Workspace()
        let path = try workspace.write("post.md", CLIFixture.violation)
        for inputs in [["post.md"], ["."]] {
            let result = try Binary.run(["lint"] + inputs + ["--rules", "rules", "--no-progress"] + option, in: workspace.root.path)
            #expect(result.status == 2, "\(result)")
            #expect(result.err.contains("error: `\(option.joined(separator: " "))` would overwrite `"), "\(result)")
            #expect(result.err.contains("a description file this run reads\n  hint: write the report or baseline to a file that is not linted\n"),
                    "\(result)")
            #expect(result.out.isEmpty, "nothing is judged: \(result)")
            #expect(try String(contentsOfFile: path, encoding: .utf8) == CLIFixture.violation)
        }
    }

    @Test("a write that fails at the end names the reason")
    func failedWriteHasReason() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let workspace = try Workspace()
        try workspace.write("post.md", CLIFixture.violation)
        let result = try Binary.run(["lint", "post.md", "--rules", "rules", "--no-progress", "--report", "sarif:/dev/full"],
                                    in: workspace.root.path)
        #expect(result.status == 2, "\(result)")
        #expect(result.err.contains("error: cannot write the report `/dev/full`: No space left on device"), "\(result)")
    }
}
