import Foundation
import Testing

/// `neutraal test --format junit` through the built binary: the XML a CI page reads agrees with the exit status.
@Suite("neutraal test: JUnit and the coverage minimum")
struct TestJUnitCoverageTests {
    @Test("`--format junit --min-coverage N` below N has a failing `condition coverage` test case, so the XML agrees with exit 1")
    func junitCoverageCase() throws {
        let workspace = try Workspace()
        try workspace.write("rules/cli.rules", CLIFixture.rules.replacingOccurrences(
            of: "  when: account.variant is corporate\n", with: "  when: account.variant is corporate and kind is post\n"))
        let failing = try Binary.run(["test", "--rules", "rules", "--format", "junit", "--min-coverage", "95"], in: workspace.root.path)
        #expect(failing.status == 1, "\(failing)")
        #expect(failing.out.contains("<testsuites name=\"neutraal test\" tests=\"7\" failures=\"1\" errors=\"0\">"), "\(failing)")
        #expect(failing.out.contains("<testcase classname=\"coverage\" name=\"condition coverage at least 95.0%\">\n"
                                     + "      <failure type=\"coverage\" message=\"condition coverage 80.0% is below the minimum of 95.0%\">"
                                     + "condition coverage 80.0% is below the minimum of 95.0%\nnever false: CLI-ACCOUNT › all of › kind is post</failure>"),
                "\(failing)")
        let passing = try Binary.run(["test", "--rules", "rules", "--format", "junit", "--min-coverage", "50"], in: workspace.root.path)
        #expect(passing.status == 0, "\(passing)")
        #expect(passing.out.contains("tests=\"7\" failures=\"0\""), "\(passing)")
        #expect(passing.out.contains("<testcase classname=\"coverage\" name=\"condition coverage at least 50.0%\"/>\n"), "\(passing)")
        let without = try Binary.run(["test", "--rules", "rules", "--format", "junit"], in: workspace.root.path)
        #expect(!without.out.contains("classname=\"coverage\""), "no test case without `--min-coverage`: \(without)")
    }
}
