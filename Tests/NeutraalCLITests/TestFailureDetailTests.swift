import Foundation
import Testing

/// `neutraal test` through the built binary: what a failing case says, so that a rule author knows whether to
/// change the example or the rule.
@Suite("neutraal test: why a case failed")
struct TestFailureDetailTests {
    @Test("an example that should fire but stays silent names the parts of the condition that came out false")
    func silentExampleNamesFalseParts() throws {
        let workspace = try Workspace()
        try workspace.write("rules/cli.rules", CLIFixture.rules.replacingOccurrences(
            of: "  example fires \"corporate\":\n    kind: post\n    account.variant: corporate",
            with: "  example fires \"corporate\":\n    kind: post\n    account.variant: hybrid"))
        let result = try Binary.run(["test", "--rules", "rules"], in: workspace.root.path)
        #expect(result.status == 1, "\(result)")
        #expect(result.out.contains("    actual:   CLI-ACCOUNT silent\n    rules that fired: none\n"
                                    + "    why: `account.variant is corporate` came out false\n"), "\(result)")
    }

    @Test("an example whose rule fires but whose `expect verdict` does not hold names the rules that fired and those undetermined")
    func exampleVerdictNamesItsSources() throws {
        let workspace = try Workspace()
        try workspace.write("rules/cli.rules", CLIFixture.rules
            .replacingOccurrences(of: "  example fires \"corporate\":\n", with: "  example fires \"corporate\":\n    expect verdict: violation\n")
            .replacingOccurrences(of: "  example silent \"minister\":\n", with: "  example silent \"minister\":\n    expect verdict: allowed\n"))
        let result = try Binary.run(["test", "--rules", "rules"], in: workspace.root.path)
        #expect(result.status == 1, "\(result)")
        #expect(result.out.contains("FAIL CLI-ACCOUNT example fires \"corporate\"\n    expected verdict: violation\n    actual verdict:   advisory\n"
                                    + "    rules that fired: CLI-ACCOUNT\n"), "\(result)")
        #expect(result.out.contains("FAIL CLI-GENERAL example silent \"minister\"\n    expected verdict: allowed\n    actual verdict:   advisory\n"
                                    + "    rules that fired: none\n    undetermined: CLI-ACCOUNT (missing account.variant)\n"), "\(result)")
    }

    @Test("a sample that states only a verdict, and fails, names the rules that fired")
    func sampleVerdictNamesRules() throws {
        let workspace = try Workspace()
        try workspace.write("post.md", "---\nexpect verdict: allowed\n" + CLIFixture.violation.dropFirst(4))
        let result = try Binary.run(["test", "post.md", "--rules", "rules"], in: workspace.root.path)
        #expect(result.status == 1, "\(result)")
        #expect(result.out.contains("post.md:1:1: FAIL post.md\n    expected verdict: allowed\n    actual verdict:   violation\n"
                                    + "    rules that fired: CLI-SPECIFIC\n"), "\(result)")
    }
}
