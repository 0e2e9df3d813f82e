import Foundation
import Testing

/// Arguments a command does not read, through the built binary: each is a usage error (exit 2) that names
/// the argument and says what the command accepts, never silently ignored.
@Suite("Usage errors")
struct UsageTests {
    struct WrongUsage: CustomTestStringConvertible, Sendable {
        let behaviour: String
        let arguments: [String]
        let message: String
        let hint: String
        var testDescription: String { behaviour }
    }

    static let cases: [WrongUsage] = [
        WrongUsage(behaviour: "rules with an argument", arguments: ["rules", "extra", "--rules", "rules"],
                   message: "error: unexpected argument `extra`", hint: "hint: `rules` takes no arguments, only options"),
        WrongUsage(behaviour: "catalog with an argument", arguments: ["catalog", "--rules", "rules", "extra"],
                   message: "error: unexpected argument `extra`", hint: "hint: `catalog` takes no arguments, only options"),
        WrongUsage(behaviour: "an argument after `--` is an argument too", arguments: ["rules", "--rules", "rules", "--", "--lang"],
                   message: "error: unexpected argument `--lang`", hint: "hint: `rules` takes no arguments, only options"),
        WrongUsage(behaviour: "validate with two folders", arguments: ["validate", "rules", "other"],
                   message: "error: unexpected argument `other`", hint: "hint: `validate` takes one rules folder, or `--rules DIR`"),
        WrongUsage(behaviour: "validate with a folder and --rules", arguments: ["validate", "other", "--rules", "rules"],
                   message: "error: the rules folder is given twice: `other` and `--rules rules`",
                   hint: "hint: give it once, as an argument or with `--rules`"),
        WrongUsage(behaviour: "check with two files", arguments: ["check", "post.md", "post.md", "--rules", "rules"],
                   message: "error: unexpected argument `post.md`",
                   hint: "hint: `check` takes exactly one file; use `neutraal lint` for several files or a folder"),
        WrongUsage(behaviour: "explain with two rule ids", arguments: ["explain", "CLI-GENERAL", "CLI-ACCOUNT", "--rules", "rules"],
                   message: "error: unexpected argument `CLI-ACCOUNT`", hint: "hint: `explain` takes one rule id"),
        WrongUsage(behaviour: "lint with the same report twice", arguments: ["lint", "post.md", "--rules", "rules",
                                                                             "--report", "json:a.json", "--report", "json:a.json"],
                   message: "error: `a.json` is written twice: by `--report json:a.json` and by `--report json:a.json`",
                   hint: "hint: write each report and the baseline to a file of its own"),
        WrongUsage(behaviour: "lint with two reports to one file, spelt differently", arguments: ["lint", "post.md", "--rules", "rules",
                                                                                                   "--report", "sarif:a.out", "--report", "junit:./a.out"],
                   message: "error: `./a.out` is written twice: by `--report sarif:a.out` and by `--report junit:./a.out`",
                   hint: "hint: write each report and the baseline to a file of its own"),
        WrongUsage(behaviour: "lint with a report and the baseline to one file", arguments: ["lint", "post.md", "--rules", "rules",
                                                                                              "--report", "json:a.json", "--write-baseline", "a.json"],
                   message: "error: `a.json` is written twice: by `--report json:a.json` and by `--write-baseline a.json`",
                   hint: "hint: write each report and the baseline to a file of its own"),
    ]

    @Test("an argument the command does not take exits 2, naming it and what the command accepts", arguments: cases)
    func wrongUsage(_ wrong: WrongUsage) throws {
        let workspace = try Workspace()
        try workspace.write("post.md", CLIFixture.allowed)
        let result = try Binary.run(wrong.arguments, in: workspace.root.path)
        #expect(result.status == 2, "\(result)")
        #expect(result.err.contains(wrong.message + "\n  " + wrong.hint + "\n"), "\(result)")
        #expect(result.err.contains("usage: neutraal \(wrong.arguments[0])"), "\(result)")
        #expect(result.out.isEmpty, "\(result)")
        #expect(!FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent("a.json").path), "no report is written")
    }

    @Test("a rule file named where the rule folder belongs is told as a file, with its folder",
          arguments: [["validate", "rules/cli.rules"], ["rules", "--rules", "rules/cli.rules"], ["check", "post.md", "--rules", "rules/cli.rules"]])
    func ruleFileForFolder(_ arguments: [String]) throws {
        let workspace = try Workspace()
        try workspace.write("post.md", CLIFixture.allowed)
        let result = try Binary.run(arguments, in: workspace.root.path)
        #expect(result.status == 2, "\(result)")
        #expect(result.err.contains("error: `rules/cli.rules` is a file, not a rule folder [rules.no-folder]\n"), "\(result)")
        #expect(result.err.contains("hint: pass the folder that holds the rule files: --rules rules\n"), "\(result)")
        #expect(!result.err.contains("does not exist"), "\(result)")
    }

    @Test("`catalog --help` says that `--lang` sets the language of the HTML page, the Markdown giving both messages")
    func catalogLanguageHelp() {
        let result = InProcess.run(["catalog", "--help"])
        #expect(result.out.contains("language of the HTML page: nl (default) or en; the Markdown gives both"), "\(result)")
    }
}
