import Foundation
import Testing

/// `neutraal test`: rule examples and samples replayed as regression tests, failures pointing at their own line.
@Suite("neutraal test")
struct TestCommandTests {
    @Test("all examples of a correct rule set pass: exit 0")
    func passing() throws {
        let workspace = try Workspace()
        let result = InProcess.run(["test", "--rules", workspace.rules])
        #expect(result.status == 0, "\(result)")
        #expect(result.out.contains("6 rule examples and 0 samples"))
        #expect(result.out.contains("6 passed, 0 failed"))
    }

    @Test("a wrong example fails with exit 1, at its own file and line, expected against actual")
    func failingExample() throws {
        let workspace = try Workspace()
        try workspace.write("rules/cli.rules", CLIFixture.rules.replacingOccurrences(
            of: "  example fires \"corporate\":\n    kind: post\n    account.variant: corporate",
            with: "  example fires \"corporate\":\n    kind: post\n    account.variant: hybrid"))
        let result = InProcess.run(["test", "--rules", workspace.rules])
        #expect(result.status == 1, "\(result)")
        #expect(result.out.contains("cli.rules:51:3: FAIL CLI-ACCOUNT example fires \"corporate\"\n"))
        #expect(result.out.contains("expected: CLI-ACCOUNT fires\n"))
        #expect(result.out.contains("actual:   CLI-ACCOUNT silent\n"))
        #expect(result.out.contains("5 passed, 1 failed"))
    }

    @Test("a silent example that fires shows the evidence the rule fired on, at its place in the rule file")
    func failingExampleShowsEvidence() throws {
        let workspace = try Workspace()
        try workspace.write("rules/cli.rules", CLIFixture.rules.replacingOccurrences(of: "text: \"Een school bezocht\"", with: "text: \"Stem op ons\""))
        let result = InProcess.run(["test", "--rules", workspace.rules])
        #expect(result.status == 1, "\(result)")
        #expect(result.out.contains("actual:   CLI-SPECIFIC fires\n"), "\(result)")
        #expect(result.out.contains("    evidence: text: «Stem op» (\(workspace.rules)/cli.rules:42:5)\n"), "\(result)")
        #expect(result.out.contains("    evidence: postedBy = civil-servant (\(workspace.rules)/cli.rules:41:5)\n"), "\(result)")
    }

    @Test("an undated example judged on a day its rule is not in force says so, and that the example has no date")
    func failingExampleOutOfForce() throws {
        let workspace = try Workspace()
        try workspace.write("rules/cli.rules", CLIFixture.rules
            .replacingOccurrences(of: "  verdict: advisory\n", with: "  verdict: advisory\n  valid from: 2024-01-01\n"))
        let result = InProcess.run(["test", "--rules", workspace.rules, "--as-of", "2023-05-01"])
        #expect(result.status == 1, "\(result)")
        #expect(result.out.contains("    CLI-ACCOUNT is not in force on 2023-05-01, the day of the check: the example has no `date` "
                                    + "(the rule is in force from 2024-01-01)\n"), "\(result)")
    }

    @Test("an `overrides` that no case exercises is listed after the coverage; one that a case exercises is not")
    func unexercisedException() throws {
        let workspace = try Workspace()
        try workspace.write("rules/cli.rules", CLIFixture.rules.replacingOccurrences(
            of: "  when: account.variant is corporate\n", with: "  overrides: CLI-GENERAL\n  when: account.variant is corporate\n"))
        let result = InProcess.run(["test", "--rules", workspace.rules])
        #expect(result.status == 0, "\(result)")
        #expect(result.out.contains("exceptions that no case exercises (no case where the first rule sets the second aside): CLI-ACCOUNT over CLI-GENERAL\n"),
                "\(result)")
        let filtered = InProcess.run(["test", "--rules", workspace.rules, "--filter", "CLI-SPECIFIC"])
        #expect(!filtered.out.contains("exceptions that no case exercises"), "\(filtered)")
    }

    @Test("an example that fires without a fact its rule's message quotes fails, naming the fact (the message would read `?`)")
    func exampleLacksQuotedFact() throws {
        let workspace = try Workspace()
        try workspace.write("rules/cli.rules", CLIFixture.rules.replacingOccurrences(
            of: "  message en: \"Note: corporate account.\"", with: "  message en: \"Note: corporate account of {postedBy}.\""))
        let result = InProcess.run(["test", "--rules", workspace.rules])
        #expect(result.status == 1, "\(result)")
        #expect(result.out.contains("FAIL CLI-ACCOUNT example fires \"corporate\"\n"
                                    + "    the message quotes `{postedBy}`, which the example does not give: it would read `?`\n"
                                    + "    give the example `postedBy:`\n"), "\(result)")
    }

    @Test("below full condition coverage the report says how to list the conditions; with `--show-uncovered` it lists them")
    func uncoveredHint() throws {
        let workspace = try Workspace()
        try workspace.write("rules/cli.rules", CLIFixture.rules.replacingOccurrences(
            of: "  when: account.variant is corporate\n", with: "  when: account.variant is corporate and kind is post\n"))
        let result = InProcess.run(["test", "--rules", workspace.rules])
        #expect(result.out.contains("\n  (`--show-uncovered` lists the conditions that no case makes both true and false)\n"), "\(result)")
        let listed = InProcess.run(["test", "--rules", workspace.rules, "--show-uncovered"])
        #expect(!listed.out.contains("`--show-uncovered` lists"), "\(listed)")
        #expect(listed.out.contains("  never false: CLI-ACCOUNT › all of › kind is post\n"), "\(listed)")
    }

    @Test("a sample whose expectation does not hold fails, naming the rules that differ")
    func failingSample() throws {
        let workspace = try Workspace()
        let sample = try workspace.write("Samples/post.md", "---\nexpect verdict: allowed\nexpect rules: CLI-GENERAL\n" + CLIFixture.violation.dropFirst(4))
        let result = InProcess.run(["test", sample, "--rules", workspace.rules])
        #expect(result.status == 1, "\(result)")
        #expect(result.out.contains("\(sample):1:1: FAIL"))
        #expect(result.out.contains("expected verdict: allowed"))
        #expect(result.out.contains("actual verdict:   violation"))
        #expect(result.out.contains("- not fired: CLI-GENERAL"))
        #expect(result.out.contains("+ also fired: CLI-SPECIFIC"))
    }

    @Test("a sample whose expectation holds passes")
    func passingSample() throws {
        let workspace = try Workspace()
        let sample = try workspace.write("Samples/post.md",
                                         "---\nexpect verdict: violation\nexpect rules: CLI-SPECIFIC\nexpect overridden: CLI-GENERAL\n" + CLIFixture.violation.dropFirst(4))
        let result = InProcess.run(["test", sample, "--rules", workspace.rules])
        #expect(result.status == 0, "\(result)")
        #expect(result.out.contains("6 rule examples and 1 sample\n"))
    }
}

/// `neutraal test` through the built binary, on samples that cannot run: unreadable, or expecting what does not exist.
@Suite("neutraal test: samples that cannot run")
struct UnreadableSampleTests {
    @Test("an expectation naming no verdict or no rule exits 2, at the value's line and column, with what is allowed")
    func invalidExpectation() throws {
        let workspace = try Workspace()
        try workspace.write("post.md", "---\nexpect verdict: alowed\nexpect rules: CLI-GENRAL\n" + CLIFixture.violation.dropFirst(4))
        try workspace.write("post.json", #"{"kind":"post","expect":{"verdict":"nope"}}"#)
        let result = try Binary.run(["test", "post.md", "post.json", "--rules", "rules"], in: workspace.root.path)
        #expect(result.status == 2, "\(result)")
        #expect(result.out.contains("post.md:2:17: ERROR post.md\n"
                                    + "    post.md:2:17: error: `alowed` is not a verdict [expect.unknown-verdict]\n"
                                    + "      hint: did you mean `allowed`? verdicts: `allowed`, `advisory`, `judgement`, `violation`, "), "\(result)")
        #expect(result.out.contains("    post.md:3:15: error: `expect rules` names unknown rule `CLI-GENRAL` [expect.unknown-rule]\n"
                                    + "      hint: did you mean `CLI-GENERAL`?\n"), "\(result)")
        #expect(result.out.contains("post.json:1:36: ERROR post.json\n    post.json:1:36: error: `nope` is not a verdict"), "\(result)")
        #expect(!result.out.contains("not fired"), "an unknown rule is not reported as a rule that did not fire: \(result)")
    }

    @Test("a sample with a value outside the vocabulary exits 2, the error and its hint on lines of their own")
    func invalidSample() throws {
        let workspace = try Workspace()
        try workspace.write("post.md", "---\nexpect verdict: allowed\nkind: post\naccount.variant: hybrd\n---\nTekst\n")
        let result = try Binary.run(["test", "post.md", "--rules", "rules", "--filter", "post"], in: workspace.root.path)
        #expect(result.status == 2, "\(result)")
        #expect(result.out.contains("post.md:4:18: ERROR post.md\n"
                                    + "    post.md:4:18: error: `hybrd` is not a value of `account.variant` [input.unknown-value]\n"
                                    + "      hint: did you mean `hybrid`? allowed values: "), "\(result)")
        #expect(!result.out.contains("\\u{"), "no escaped line feed: \(result)")
        #expect(result.out.contains("0 passed, 1 failed (1 of them could not run)"))
        #expect(result.err.contains("error: 1 case could not run"))
    }

    @Test("a `--filter` that matches no example and no sample is wrong usage: exit 2, naming the filter, no report")
    func filterMatchingNothing() throws {
        let typoWorkspace = try Workspace()
        let typo = InProcess.run(["test", "--rules", typoWorkspace.rules, "--filter", "CLI-ACOUNT"])
        #expect(typo.status == 2, "\(typo)")
        #expect(typo.err.contains("  hint: did you mean `CLI-ACCOUNT`? it keeps the rules whose id"), "\(typo)")
        let workspace = try Workspace()
        let result = try Binary.run(["test", "--rules", "rules", "--filter", "CLI-NOPE"], in: workspace.root.path)
        #expect(result.status == 2, "\(result)")
        #expect(result.err.contains("error: `--filter CLI-NOPE` matches no rule example and no sample\n  hint: "), "\(result)")
        #expect(result.out.isEmpty, "\(result)")
    }

    @Test("a sample that does not exist exits 2")
    func missingSample() throws {
        let workspace = try Workspace()
        let result = try Binary.run(["test", "nergens.md", "--rules", "rules"], in: workspace.root.path)
        #expect(result.status == 2, "\(result)")
        #expect(result.out.contains("nergens.md:1:1: ERROR nergens.md\n    nergens.md:1:1: error: no such file or folder `nergens.md` [input.not-found]\n"),
                "\(result)")
    }

    @Test("a failed expectation beside a passing run still exits 1, not 2")
    func failedIsNotErrored() throws {
        let workspace = try Workspace()
        try workspace.write("post.md", "---\nexpect verdict: allowed\n" + CLIFixture.violation.dropFirst(4))
        let result = try Binary.run(["test", "post.md", "--rules", "rules"], in: workspace.root.path)
        #expect(result.status == 1, "\(result)")
        #expect(result.out.contains("6 passed, 1 failed\n"), "\(result)")
    }

    @Test("a rule folder named by one character (`--rules R`, `--rules .`) runs, with the samples beside it",
          arguments: [("R", ""), (".", "R")])
    func oneCharacterRuleFolder(_ rules: String, _ directory: String) throws {
        let workspace = try Workspace()
        try FileManager.default.createSymbolicLink(atPath: workspace.root.appendingPathComponent("R").path, withDestinationPath: "rules")
        try workspace.write("Samples/post.md", "---\nexpect verdict: violation\nexpect rules: CLI-SPECIFIC\n" + CLIFixture.violation.dropFirst(4))
        let result = try Binary.run(["test", "--rules", rules], in: workspace.root.appendingPathComponent(directory).path)
        #expect(result.status == 0, "\(result)")
        #expect(result.out.contains("6 rule examples and 1 sample\n"), "\(result)")
    }
}
