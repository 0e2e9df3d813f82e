import Foundation
import Testing

/// `lint --baseline FILE` with a file that is not a baseline: every case an error with the file, a line and
/// column, and words about a baseline; never a baseline that silently accepts nothing.
@Suite("Malformed baselines")
struct BaselineFileTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let behaviour: String
        let contents: [UInt8]?
        let expected: String
        var testDescription: String { behaviour }
    }

    static let cases: [Case] = [
        Case(behaviour: "an entry that is not an object is an error at the entry, not skipped",
             contents: Array(#"{"findings": [{"rule": "CLI-ACCOUNT", "fingerprint": "x"}, 7]}"#.utf8),
             expected: "baseline.json:1:60: error: a baseline entry must be an object, found a number [baseline.invalid]"),
        Case(behaviour: "a binary file is named as a baseline, not as a description",
             contents: [0x00, 0x01, 0x02],
             expected: "error: the baseline `baseline.json` is a binary file, not JSON [input.binary]"),
        Case(behaviour: "a folder is named as a baseline, with no advice to lint it",
             contents: nil,
             expected: "error: the baseline `baseline.json` is a folder, not a file [input.is-folder]"),
        Case(behaviour: "an entry without a fingerprint is an error at the entry",
             contents: Array(#"{"findings": [{"rule": "CLI-ACCOUNT"}]}"#.utf8),
             expected: "baseline.json:1:15: error: a baseline entry needs `rule` and `fingerprint` [baseline.invalid]"),
    ]

    @Test(arguments: cases)
    func refused(_ example: Case) throws {
        let workspace = try Workspace()
        try workspace.write("post.md", CLIFixture.violation)
        let baseline = workspace.root.appendingPathComponent("baseline.json")
        if let contents = example.contents {
            try Data(contents).write(to: baseline)
        } else {
            try FileManager.default.createDirectory(at: baseline, withIntermediateDirectories: true)
        }
        let result = try Binary.run(["lint", "post.md", "--baseline", "baseline.json", "--rules", "rules", "--no-progress"],
                                    in: workspace.root.path)
        #expect(result.status == 2, "\(result)")
        #expect(result.err.contains(example.expected), "\(result)")
        #expect(!result.err.contains("description"), "\(result)")
    }
}
