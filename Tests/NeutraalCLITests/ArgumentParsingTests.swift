import Foundation
import Testing

/// How the built binary reads its arguments where a user slips: a forgotten value, `-` twice, an option of
/// another command, a file whose name starts with `-`, and asking for help in the usual ways.
@Suite("Argument parsing")
struct ArgumentParsingTests {
    struct Slip: CustomTestStringConvertible, Sendable {
        let behaviour: String
        let arguments: [String]
        let message: String
        let hint: String
        var testDescription: String { behaviour }
    }

    static let slips: [Slip] = [
        Slip(behaviour: "an option's value forgotten before the next option", arguments: ["check", "--rules", "--explain", "post.md"],
             message: "error: `--rules` needs a value",
             hint: "hint: `--explain` is an option; to give a value that starts with `-`, write `--rules=DIR`"),
        Slip(behaviour: "an empty value after `=`", arguments: ["check", "post.md", "--rules", "rules", "--as-of="],
             message: "error: `--as-of` needs a value", hint: "hint: write `--as-of DATE`"),
        Slip(behaviour: "an empty value after `=` of an option with allowed values", arguments: ["lint", "post.md", "--rules", "rules", "--format="],
             message: "error: `--format` needs a value", hint: "hint: one of: text, json, sarif, junit, github, markdown, html"),
        Slip(behaviour: "standard input named twice", arguments: ["lint", "-", "-", "--rules", "rules"],
             message: "error: standard input `-` is given twice", hint: "hint: standard input can be read only once; name `-` once"),
        Slip(behaviour: "an option of another command", arguments: ["lint", "post.md", "--rules", "rules", "--explain"],
             message: "error: unknown option `--explain`",
             hint: "hint: `--explain` is an option of `neutraal check`; this command takes: --format, --report, --fail-on, --baseline, "
                 + "--write-baseline, --as-of, --jobs, --no-progress, --lang, --rules, --help"),
        Slip(behaviour: "a file whose name starts with `-`", arguments: ["check", "-post.md", "--rules", "rules"],
             message: "error: unknown option `-post.md`", hint: "hint: to name the file `-post.md`, put `--` before it: `-- -post.md`"),
        Slip(behaviour: "a report format in capitals", arguments: ["lint", "post.md", "--rules", "rules", "--report", "SARIF:out.sarif"],
             message: "error: `--report SARIF:out.sarif` is not FORMAT:FILE",
             hint: "hint: did you mean `sarif:out.sarif`? formats: text, json, sarif, junit, github, markdown, html; e.g. --report sarif:results.sarif"),
        Slip(behaviour: "a report written with `=`", arguments: ["lint", "post.md", "--rules", "rules", "--report", "junit=out.xml"],
             message: "error: `--report junit=out.xml` is not FORMAT:FILE",
             hint: "hint: did you mean `junit:out.xml`? formats: text, json, sarif, junit, github, markdown, html; e.g. --report sarif:results.sarif"),
        Slip(behaviour: "a number of jobs that is no number", arguments: ["lint", "post.md", "--rules", "rules", "--jobs", "all"],
             message: "error: `all` is not a number of jobs", hint: "hint: `--jobs` takes a whole number from 1 to 256"),
        Slip(behaviour: "a coverage above 100", arguments: ["test", "--rules", "rules", "--min-coverage", "101"],
             message: "error: `101` is not a percentage", hint: "hint: `--min-coverage` takes a number from 0 to 100"),
        Slip(behaviour: "help for a command that does not exist", arguments: ["help", "chekc"],
             message: "error: unknown command `chekc`", hint: "hint: did you mean `check`?"),
    ]

    @Test("a slip in the arguments exits 2 with what went wrong and what to write instead", arguments: slips)
    func slip(_ slip: Slip) throws {
        let workspace = try Workspace()
        try workspace.write("post.md", CLIFixture.allowed)
        try workspace.write("-post.md", CLIFixture.allowed)
        let result = try Binary.run(slip.arguments, in: workspace.root.path)
        #expect(result.status == 2, "\(result)")
        #expect(result.err.contains(slip.message + "\n  " + slip.hint + "\n"), "\(result)")
        #expect(result.out.isEmpty, "\(result)")
    }

    @Test("the value of another command's option is not also taken for a second file")
    func foreignOptionValue() throws {
        let workspace = try Workspace()
        try workspace.write("post.md", CLIFixture.allowed)
        let result = try Binary.run(["check", "post.md", "--rules", "rules", "--report", "json:a.json"], in: workspace.root.path)
        #expect(result.status == 2, "\(result)")
        #expect(result.err.contains("`--report` is an option of `neutraal lint`"), "\(result)")
        #expect(!result.err.contains("unexpected argument"), "\(result)")
    }

    @Test("`--` before a file whose name starts with `-` reads it as a file")
    func doubleDash() throws {
        let workspace = try Workspace()
        try workspace.write("-post.md", CLIFixture.allowed)
        let result = try Binary.run(["check", "--rules", "rules", "--", "-post.md"], in: workspace.root.path)
        #expect(result.status == 0, "\(result)")
        #expect(result.outLines.first == "-post.md: toegestaan", "\(result)")
    }

    @Test("`-h`, `--help` and `neutraal help COMMAND` show the command's help and exit 0",
          arguments: ["check", "lint", "test", "validate", "rules", "explain", "catalog"])
    func commandHelp(_ command: String) throws {
        for arguments in [[command, "--help"], [command, "-h"], ["help", command]] {
            let result = try Binary.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result)")
            #expect(result.out.hasPrefix("usage: neutraal \(command)"), "\(arguments): \(result)")
            #expect(result.out.contains("  -h, --help"), "\(arguments): \(result)")
            #expect(result.err.isEmpty, "\(arguments): \(result)")
        }
    }
}
