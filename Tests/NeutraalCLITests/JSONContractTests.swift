import Foundation
import Testing

/// The JSON that integrators parse (`check --format json`, with `--explain`; `lint --format json`; the file
/// of `--write-baseline`), through the built binary and the real rule set: every line is one JSON object,
/// every member it has is documented in the README's *Results* section, and `check` and `lint` write the
/// same line for the same description.
@Suite("JSON output: the README's contract")
struct JSONContractTests {
    /// Descriptions that between them give every member: a waiver, waivers in error, a post before the rules
    /// held, an undetermined section of a speech, a list with an unreadable record, an undated post.
    static let descriptions: [(file: String, text: String)] = [
        ("waived.md", LintCommandTests.votingCall.replacingOccurrences(of: "date: 2023-11-20\n", with: """
            date: 2023-11-20
            waivers: [{"rule": "SOCIAL-CORP-02", "reason": "ticket 12", "approvedBy": "BZK", "until": "2030-12-31"}]

            """)),
        ("bad-waivers.md", LintCommandTests.votingCall.replacingOccurrences(of: "date: 2023-11-20\n", with: """
            date: 2023-11-20
            waivers: [{"rule": "SOCIAL-CORP-99", "reason": "x"}, {"rule": "SOCIAL-CORP-02", "reason": "r", "approvedBy": "a", "until": "2020-01-01"}]

            """)),
        ("before-the-rules.json", #"{"kind": "post", "date": "2019-01-01", "account": {"variant": "corporate"}, "postedBy": "minister", "text": "Stem op 22 november"}"#),
        ("list.json", #"""
            [{"kind": "post", "account": {"variant": "corporate"}, "postedBy": "minister", "text": "Een bericht."},
             {"kind": "post", "account": {"variant": "hybrd"}},
             {"kind": "speech", "date": "2023-11-01", "actor": {"role": "minister"},
              "event": {"type": "election-meeting", "organiser": "party"},
              "sections": [{"content": "party-political", "text": "Stem op ons"}]}]
            """#),
    ]

    /// The README's *Results* section, where the JSON is documented.
    static func resultsSection() throws -> String {
        let readme = try String(contentsOfFile: PackageRoot.path + "/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: "\n## Results\n"))
        let end = readme.range(of: "\n## ", range: start.upperBound..<readme.endIndex)?.lowerBound ?? readme.endIndex
        return String(readme[start.upperBound..<end])
    }

    /// Every member name of `value`, with the path it was found at (`findings[].citation.url`).
    static func members(of value: Any, at path: String = "", into found: inout [String: String]) {
        if let object = value as? [String: Any] {
            for (key, member) in object {
                let memberPath = path.isEmpty ? key : path + "." + key
                if found[key] == nil { found[key] = memberPath }
                members(of: member, at: memberPath, into: &found)
            }
        } else if let array = value as? [Any] {
            for element in array { members(of: element, at: path + "[]", into: &found) }
        }
    }

    /// The objects of JSON Lines output, each line required to be one JSON object.
    static func objects(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { line in
            let value = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try #require(value as? [String: Any], "not an object: \(line)")
        }
    }

    @Test("every member of check, check --explain, lint and the baseline file is documented in the README")
    func everyMemberDocumented() throws {
        let workspace = try Workspace()
        for description in Self.descriptions { try workspace.write("in/" + description.file, description.text) }
        let rules = PackageRoot.path + "/Rules"
        let samples = PackageRoot.path + "/Samples"
        let common = ["--rules", rules, "--as-of", "2025-01-01"]
        var found: [String: String] = [:]
        let lint = try Binary.run(["lint", "in", samples, "--format", "json", "--no-progress", "--write-baseline", "baseline.json"] + common,
                                  in: workspace.root.path)
        #expect(lint.status == 2, "\(lint)")
        for object in try Self.objects(lint.out) { Self.members(of: object, into: &found) }
        let baselined = try Binary.run(["lint", "in", "--format", "json", "--no-progress", "--baseline", "baseline.json"] + common,
                                       in: workspace.root.path)
        for object in try Self.objects(baselined.out) { Self.members(of: object, into: &found) }
        let baseline = try Data(contentsOf: workspace.root.appendingPathComponent("baseline.json"))
        Self.members(of: try JSONSerialization.jsonObject(with: baseline), at: "(baseline)", into: &found)
        let explained = try Binary.run(["check", samples + "/speeches/partijpassage-schrijver-onbekend.json", "--format", "json",
                                        "--explain", "--lang", "en"] + common, in: workspace.root.path)
        for object in try Self.objects(explained.out) { Self.members(of: object, into: &found) }
        let documented = try Self.resultsSection()
        for (key, path) in found.sorted(by: { $0.key < $1.key }) {
            #expect(documented.contains("`\(key)`") || documented.contains("\"\(key)\""),
                    "`\(path)` is written but not documented under *Results* in the README")
        }
    }

    @Test("check and lint write the same line for the same description")
    func checkAndLintAgree() throws {
        let workspace = try Workspace()
        for description in Self.descriptions { try workspace.write("in/" + description.file, description.text) }
        for description in Self.descriptions {
            let arguments = ["in/" + description.file, "--format", "json", "--rules", PackageRoot.path + "/Rules", "--as-of", "2025-01-01"]
            let check = try Binary.run(["check"] + arguments, in: workspace.root.path)
            let lint = try Binary.run(["lint", "--no-progress"] + arguments, in: workspace.root.path)
            #expect(check.out == lint.out, "\(description.file):\ncheck: \(check)\nlint: \(lint)")
        }
    }
}
