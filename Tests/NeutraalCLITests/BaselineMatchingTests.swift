import Foundation
import Testing

/// What a baseline keeps accepting and what it judges afresh (README, *Baselines*): a baseline written
/// for one post, then `lint --baseline` on the same post changed in one way, with the real rule set.
@Suite("Baselines across edits")
struct BaselineMatchingTests {
    /// One way of writing the post again, and whether the baseline still accepts its violation.
    struct Case: CustomTestStringConvertible, Sendable {
        let behaviour: String
        let file: String
        let contents: String
        let accepted: Bool
        var testDescription: String { behaviour }
    }

    static let record = #"{"id": "p1", "kind": "post", "date": "2023-11-20", "account": {"variant": "corporate"}, "postedBy": "communication-advisor", "text": "Stem op D66 op 22 november."}"#

    static let cases: [Case] = [
        Case(behaviour: "keys in another order", file: "posts.jsonl",
             contents: #"{"text": "Stem op D66 op 22 november.", "postedBy": "communication-advisor", "account": {"variant": "corporate"}, "date": "2023-11-20", "kind": "post", "id": "p1"}"#,
             accepted: true),
        Case(behaviour: "indented over lines in a JSON file", file: "post.json",
             contents: "{\n    \"id\": \"p1\",\n    \"kind\": \"post\",\n    \"date\": \"2023-11-20\",\n    \"account\": {\"variant\": \"corporate\"},\n    \"postedBy\": \"communication-advisor\",\n    \"text\": \"Stem op D66 op 22 november.\"\n}",
             accepted: true),
        Case(behaviour: "moved to another line and file", file: "other.jsonl",
             contents: #"{"id": "x", "kind": "post", "text": "Iets anders."}"# + "\n" + record, accepted: true),
        Case(behaviour: "an expectation added", file: "posts.jsonl",
             contents: String(record.dropLast()) + #", "expect": {"verdict": "violation"}}"#, accepted: true),
        Case(behaviour: "a Dutch alias for the same value", file: "posts.jsonl",
             contents: record.replacingOccurrences(of: "communication-advisor", with: "communicatieadviseur"), accepted: true),
        Case(behaviour: "the text edited by one character", file: "posts.jsonl",
             contents: record.replacingOccurrences(of: "november.", with: "november!"), accepted: false),
        Case(behaviour: "the id changed", file: "posts.jsonl",
             contents: record.replacingOccurrences(of: "\"p1\"", with: "\"p2\""), accepted: false),
    ]

    @Test(arguments: cases)
    func baseline(_ example: Case) throws {
        let workspace = try Workspace()
        try workspace.write("first/posts.jsonl", Self.record + "\n")
        try workspace.write("second/" + example.file, example.contents + "\n")
        let rules = PackageRoot.path + "/Rules"
        let written = try Binary.run(["lint", "first", "--write-baseline", "baseline.json", "--rules", rules, "--no-progress"],
                                     in: workspace.root.path)
        #expect(written.status != 2, "\(written)")
        let result = try Binary.run(["lint", "second", "--baseline", "baseline.json", "--rules", rules, "--no-progress"],
                                    in: workspace.root.path)
        #expect(result.status == (example.accepted ? 0 : 1), "\(result)")
        #expect(result.out.contains("in baseline: ") == example.accepted, "\(result)")
    }
}
