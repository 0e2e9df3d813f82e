import Foundation
import Testing

/// The built `neutraal` executable, run as a user runs it: arguments, exit status, stdout and stderr.
@Suite("neutraal executable")
struct BinaryTests {
    @Test("check: a violation exits 1 and prints `file:line:column: verdict: message [RULE-ID]`, the exception too")
    func checkViolation() throws {
        let workspace = try Workspace()
        try workspace.write("post.md", CLIFixture.violation)
        let result = try Binary.run(["check", "post.md", "--rules", "rules"], in: workspace.root.path)
        #expect(result.status == 1, "\(result)")
        #expect(result.outLines.first == "post.md: niet toegestaan")
        #expect(result.out.contains("post.md:3:1: niet toegestaan: Een ambtenaar roept niet op tot stemmen: stem op. [CLI-SPECIFIC]\n"))
        #expect(result.out.contains("post.md:3:1: opzijgezet: Een ambtenaar mag dit plaatsen. [CLI-GENERAL] (uitzondering: CLI-SPECIFIC)\n"))
        #expect(result.out.contains("bron: Handboek voor de test (2021-09-24), p. 2"))
        #expect(result.out.contains("bewijs: text: «stem op» [8–15] (7:1)"))
        #expect(!result.out.contains("\u{1B}["), "NO_COLOR keeps escape sequences out")
        #expect(result.err.isEmpty)
    }

    @Test("check: an allowed post exits 0")
    func checkAllowed() throws {
        let workspace = try Workspace()
        try workspace.write("post.md", CLIFixture.allowed)
        let result = try Binary.run(["check", "post.md", "--rules", "rules"], in: workspace.root.path)
        #expect(result.status == 0, "\(result)")
        #expect(result.outLines.first == "post.md: toegestaan")
        #expect(result.out.contains("post.md:3:1: toegestaan: Een ambtenaar mag dit plaatsen. [CLI-GENERAL]"))
    }

    @Test("check --lang en writes English")
    func checkEnglish() throws {
        let workspace = try Workspace()
        try workspace.write("post.md", CLIFixture.violation)
        let result = try Binary.run(["check", "post.md", "--rules", "rules", "--lang", "en"], in: workspace.root.path)
        #expect(result.status == 1)
        #expect(result.outLines.first == "post.md: violation")
        #expect(result.out.contains("post.md:3:1: violation: A civil servant does not call to vote: stem op. [CLI-SPECIFIC]"))
        #expect(result.out.contains("overridden: A civil servant may place this. [CLI-GENERAL] (exception: CLI-SPECIFIC)"))
        #expect(!result.out.contains("niet toegestaan"))
    }

    @Test("check --format json writes one JSON object per description with verdict, rules, citation and evidence")
    func checkJSON() throws {
        let workspace = try Workspace()
        try workspace.write("batch.jsonl", """
        {"kind": "post", "id": "een", "postedBy": "civil-servant", "account.variant": "hybrid", "text": "Stem op ons!"}
        {"kind": "post", "id": "twee", "postedBy": "minister", "account": {"variant": "corporate"}}
        {"kind": "post", "id": "drie", "postedBy": "koning"}

        """)
        let result = try Binary.run(["check", "batch.jsonl", "--rules", "rules", "--format", "json"], in: workspace.root.path)
        #expect(result.status == 2, "an unreadable record makes the exit status 2: \(result)")
        let objects = try result.out.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not an object: \(line)")
        }
        #expect(objects.count == 3)
        #expect(objects.map { $0["id"] as? String } == ["een", "twee", "drie"])
        #expect(objects[0]["verdict"] as? String == "violation")
        let findings = try #require(objects[0]["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["CLI-SPECIFIC", "CLI-GENERAL"])
        #expect(findings.map { $0["status"] as? String } == ["fired", "overridden"])
        let citation = try #require(findings[0]["citation"] as? [String: Any])
        #expect(citation["locator"] as? String == "p. 2")
        #expect(citation["document"] as? String == "Handboek voor de test")
        let evidence = try #require(findings[0]["evidence"] as? [[String: Any]])
        let match = try #require(evidence.first { $0["match"] != nil })
        #expect(match["fact"] as? String == "text")
        #expect(match["match"] as? String == "Stem op")
        #expect(match["start"] as? Int == 0)
        #expect(match["end"] as? Int == 7)
        #expect(objects[1]["verdict"] as? String == "advisory")
        let error = try #require(objects[2]["error"] as? [String: Any])
        #expect(error["line"] as? Int == 3)
        #expect(error["column"] as? Int == 44)
        #expect((error["message"] as? String)?.contains("koning") == true)
    }

    @Test("check --explain prints how each condition came out")
    func checkExplain() throws {
        let workspace = try Workspace()
        try workspace.write("post.md", CLIFixture.violation)
        let result = try Binary.run(["check", "post.md", "--rules", "rules", "--explain", "--lang", "en"], in: workspace.root.path)
        #expect(result.out.contains("explanation:"))
        #expect(result.out.contains("postedBy is civil-servant: true"))
        #expect(result.out.contains("text mentions campaign: true"))
        #expect(result.out.contains("account.variant is corporate: false"))
    }

    @Test("check: a broken description exits 2 with file:line:column, the problem and a hint")
    func checkBrokenFile() throws {
        let workspace = try Workspace()
        try workspace.write("post.md", CLIFixture.broken)
        let result = try Binary.run(["check", "post.md", "--rules", "rules", "--lang", "en"], in: workspace.root.path)
        #expect(result.status == 2)
        #expect(result.err.contains("post.md:3:1: error: unknown field `acount.variant` [input.unknown-field]"), "\(result)")
        #expect(result.err.contains("hint: did you mean `account.variant`?"))
    }

    @Test("check: invalid UTF-8 exits 2 with the place of the bad byte")
    func checkInvalidUTF8() throws {
        let workspace = try Workspace()
        try workspace.write("post.md", Data("---\nkind: post\n---\nab".utf8) + Data([0xFF]) + Data("\n".utf8))
        let result = try Binary.run(["check", "post.md", "--rules", "rules"], in: workspace.root.path)
        #expect(result.status == 2)
        #expect(result.err.contains("post.md:4:3: fout: the file is not valid UTF-8 [input.invalid-utf8]"), "\(result)")
    }

    @Test("check: a file that does not exist exits 2 with its name")
    func checkMissingFile() throws {
        let workspace = try Workspace()
        let result = try Binary.run(["check", "nergens.md", "--rules", "rules"], in: workspace.root.path)
        #expect(result.status == 2)
        #expect(result.err.contains("nergens.md:1:1: fout: no such file `nergens.md` [input.not-found]"), "\(result)")
    }

    @Test("check and lint of a device that never ends: refused as binary at once, not read until memory runs out",
          arguments: [["check", "/dev/zero"], ["lint", "/dev/zero", "--no-progress"]])
    func endlessDevice(_ arguments: [String]) throws {
        let workspace = try Workspace()
        let result = try Binary.run(arguments + ["--rules", "rules"], in: workspace.root.path)
        #expect(result.status == 2, "\(result)")
        #expect((result.out + result.err).contains("/dev/zero:1:1: fout: `/dev/zero` is a binary file, not a description [input.binary]"),
                "\(result)")
    }

    @Test("lint reads JSON Lines on standard input like a file: every record judged and numbered by its line")
    func lintStandardInputLines() throws {
        let workspace = try Workspace()
        var lines = Array(repeating: #"{"kind": "post", "text": "Vandaag bezocht ik een school."}"#, count: 30_000)
        lines[20_000] = #"{"kind": "post", "account": {"variant": "rood"}}"#
        let stdin = lines.joined(separator: "\n") + "\n"
        let result = try Binary.run(["lint", "-", "--format", "json", "--no-progress", "--rules", "rules"], in: workspace.root.path, stdin: stdin)
        #expect(result.status == 2, "\(result.err)")
        let records = result.out.split(separator: "\n")
        #expect(records.count == 30_000)
        #expect(records[20_000].contains(#""line":20001"#), "\(records[20_000])")
        #expect(records[20_000].contains("input.unknown-value"))
        #expect(records[29_999].contains(#""line":30000"#))
    }

    @Test("check reads standard input for `-`")
    func checkStandardInput() throws {
        let workspace = try Workspace()
        let result = try Binary.run(["check", "-", "--rules", "rules"], in: workspace.root.path, stdin: CLIFixture.violation)
        #expect(result.status == 1, "\(result)")
        #expect(result.out.contains("<stdin>:3:1: niet toegestaan:"))
    }

    @Test("an unknown option exits 2 with a did-you-mean")
    func unknownOption() throws {
        let workspace = try Workspace()
        try workspace.write("post.md", CLIFixture.allowed)
        let result = try Binary.run(["check", "post.md", "--rules", "rules", "--formt", "json"], in: workspace.root.path)
        #expect(result.status == 2)
        #expect(result.err.contains("error: unknown option `--formt`"))
        #expect(result.err.contains("hint: did you mean `--format`?"))
        #expect(result.out.isEmpty)
    }

    @Test("an option value outside the allowed ones exits 2 and lists them")
    func badOptionValue() throws {
        let result = try Binary.run(["check", "x.md", "--lang", "fr"])
        #expect(result.status == 2)
        #expect(result.err.contains("`fr` is not a value of `--lang`"))
        #expect(result.err.contains("allowed: nl, en"))
    }

    @Test("an unknown command exits 2 with a did-you-mean")
    func unknownCommand() throws {
        let result = try Binary.run(["chek"])
        #expect(result.status == 2)
        #expect(result.err.contains("error: unknown command `chek`"))
        #expect(result.err.contains("did you mean `check`?"))
    }

    @Test("validate: a good rule set exits 0 and counts what it holds")
    func validateGood() throws {
        let workspace = try Workspace()
        let result = try Binary.run(["validate", "rules"], in: workspace.root.path)
        #expect(result.status == 0, "\(result)")
        #expect(result.out.hasPrefix("ok: 3 rules, 1 source, 1 lexicon (1 entry), 6 examples in 2 files"))
    }

    @Test("validate: the real rule set in Rules/ is valid")
    func validateRealRules() throws {
        let result = try Binary.run(["validate"])
        #expect(result.status == 0, "\(result)")
        #expect(result.out.hasPrefix("ok: "))
    }

    @Test("validate: a broken copy of a rule file exits 2 with the located error and its hint")
    func validateBroken() throws {
        let workspace = try Workspace()
        try workspace.write("rules/cli.rules", CLIFixture.rules.replacingOccurrences(of: "when: account.variant is corporate",
                                                                                      with: "when: account.variant is corprate"))
        let result = try Binary.run(["validate", "rules"], in: workspace.root.path)
        #expect(result.status == 2)
        #expect(result.err.contains("rules/cli.rules:47:28: error: `corprate` is not a value of `account.variant` [rules.unknown-value]"), "\(result)")
        #expect(result.err.contains("hint: did you mean `corporate`?"))
        #expect(result.err.contains("has 1 error; nothing was checked"))
        #expect(result.out.isEmpty)
    }

    @Test("check refuses to run on a broken rule set")
    func checkWithBrokenRules() throws {
        let workspace = try Workspace()
        try workspace.write("post.md", CLIFixture.allowed)
        try workspace.write("rules/extra.rules", "rule X-1 \"Half\"\n  applies to: post\n")
        let result = try Binary.run(["check", "post.md", "--rules", "rules"], in: workspace.root.path)
        #expect(result.status == 2)
        #expect(result.err.contains("rules/extra.rules:1:1: error: rule `X-1` has no `source` [rules.missing-attribute]"), "\(result)")
        #expect(result.out.isEmpty)
    }

    struct DeepCondition: CustomTestStringConvertible, Sendable {
        let name: String
        let condition: String
        var testDescription: String { name }
    }

    static let deepConditions = [
        DeepCondition(name: "10,000 nested parentheses",
                      condition: String(repeating: "(", count: 10_000) + "postedBy is minister" + String(repeating: ")", count: 10_000)),
        DeepCondition(name: "100,000 times `not`", condition: String(repeating: "not ", count: 100_000) + "postedBy is minister"),
    ]

    @Test("validate: a condition nested thousands of levels deep is an error, not a crash", arguments: deepConditions)
    func validateDeepNesting(_ deep: DeepCondition) throws {
        let workspace = try Workspace()
        try workspace.write("rules/cli.rules", CLIFixture.rules.replacingOccurrences(of: "when: account.variant is corporate",
                                                                                      with: "when: " + deep.condition))
        let result = try Binary.run(["validate", "rules"], in: workspace.root.path)
        let located = result.err.contains("rules/cli.rules:47:")
        do {
            #expect(result.status == 2, "exit status \(result.status)")
            #expect(located, "the error names the condition's line")
        }
    }

    @Test("rules lists every rule id with its verdict")
    func rulesCommand() throws {
        let workspace = try Workspace()
        let result = try Binary.run(["rules", "--rules", "rules", "--lang", "en"], in: workspace.root.path)
        #expect(result.status == 0)
        let ids = result.outLines.compactMap { $0.split(separator: " ").first.map(String.init) }.filter { $0.hasPrefix("CLI-") }
        #expect(ids == ["CLI-GENERAL", "CLI-SPECIFIC", "CLI-ACCOUNT"])
        #expect(result.out.contains("3 rules; rule set sha256:"))
        #expect(result.outLines.first { $0.hasPrefix("CLI-SPECIFIC") }?.contains("violation") == true)
    }

    @Test("explain ID shows the rule's source, the words it rests on, its condition and exceptions")
    func explainCommand() throws {
        let workspace = try Workspace()
        let general = try Binary.run(["explain", "CLI-GENERAL", "--rules", "rules"], in: workspace.root.path)
        #expect(general.status == 0)
        #expect(general.out.hasPrefix("CLI-GENERAL: Ambtenaren mogen berichten plaatsen\n"))
        #expect(general.out.contains("  source: Handboek voor de test (2021-09-24), p. 1\n"))
        #expect(general.out.contains("  url: https://example.org/handboek\n"))
        #expect(general.out.contains("  the source says: «Ambtenaren plaatsen berichten.»"))
        #expect(general.out.contains("  when: postedBy is civil-servant\n"))
        #expect(general.out.contains("  exceptions: CLI-SPECIFIC\n"))
        let specific = try Binary.run(["explain", "cli-specific", "--rules", "rules"], in: workspace.root.path)
        #expect(specific.out.contains("  when: postedBy is civil-servant and text mentions campaign\n"))
        #expect(specific.out.contains("  exception to: CLI-GENERAL\n"))
    }

    @Test("explain of an unknown id exits 2 with a did-you-mean")
    func explainUnknown() throws {
        let workspace = try Workspace()
        let result = try Binary.run(["explain", "CLI-GENERAAL", "--rules", "rules"], in: workspace.root.path)
        #expect(result.status == 2)
        #expect(result.err.contains("no rule `CLI-GENERAAL`"))
        #expect(result.err.contains("did you mean `CLI-GENERAL`?"))
    }
}
