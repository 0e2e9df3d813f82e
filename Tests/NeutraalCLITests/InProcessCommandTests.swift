import Foundation
import Testing
@testable import NeutraalCLI
import NeutraalEngine

/// The commands run in-process through `NeutraalCommand.run(_:console:)`, with a console that captures.
@Suite("neutraal commands in-process")
struct InProcessCommandTests {
    @Test("without arguments the help goes to stdout and the status is 2; with --help it is 0")
    func help() {
        let bare = InProcess.run([])
        let asked = InProcess.run(["--help"])
        #expect(bare.status == 2)
        #expect(asked.status == 0)
        for command in ["check", "lint", "test", "validate", "rules", "explain"] {
            #expect(asked.out.contains("\n  \(command)"), "help lists `\(command)`")
        }
        #expect(bare.out == asked.out)
    }

    @Test("the rule set a command loaded is kept until the process exits, one value at a time")
    func ruleSetKept() throws {
        let workspace = try Workspace()
        let path = try workspace.write("post.md", CLIFixture.violation)
        _ = InProcess.run(["check", path, "--rules", workspace.rules])
        // (other tests run commands side by side: which rule set is kept now is theirs to decide)
        #expect(KeptUntilExit.shared.kept != nil)
        // a keeper of its own: the value kept before is let go, the last one held
        final class Token {}
        let keeper = KeptUntilExit()
        weak var released: Token?
        do {
            let first = Token()
            released = first
            keeper.keep(first)
        }
        #expect(released != nil)
        let second = Token()
        keeper.keep(second)
        #expect(released == nil)
        #expect(keeper.kept as? Token === second)
    }

    @Test("a command's --help lists its options and exits 0")
    func commandHelp() {
        let result = InProcess.run(["check", "--help"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("usage: neutraal check FILE"))
        #expect(result.out.contains("--format FORMAT"))
        #expect(result.out.contains("--as-of DATE"))
    }

    @Test("check: violation, exception and evidence, in Dutch by default")
    func checkViolation() throws {
        let workspace = try Workspace()
        let path = try workspace.write("post.md", CLIFixture.violation)
        let result = InProcess.run(["check", path, "--rules", workspace.rules])
        #expect(result.status == 1, "\(result)")
        #expect(result.outLines.first == "\(path): niet toegestaan")
        #expect(result.out.contains("\(path):3:1: niet toegestaan: Een ambtenaar roept niet op tot stemmen: stem op. [CLI-SPECIFIC]"))
        #expect(result.out.contains("\(path):3:1: opzijgezet: Een ambtenaar mag dit plaatsen. [CLI-GENERAL] (uitzondering: CLI-SPECIFIC)"))
        #expect(result.out.contains("> Morgen: «stem op» ons!"))
    }

    @Test("check: a missing fact is named, with what the verdict would be either way")
    func checkUndetermined() throws {
        let workspace = try Workspace()
        let path = try workspace.write("post.md", "---\nkind: post\npostedBy: minister\ndate: 2024-01-02\n---\nHallo\n")
        let dutch = InProcess.run(["check", path, "--rules", workspace.rules])
        let english = InProcess.run(["check", path, "--rules", workspace.rules, "--lang", "en"])
        #expect(dutch.status == 0)
        #expect(dutch.outLines.first == "\(path): let op")
        #expect(dutch.out.contains("let op: ontbrekend feit `account.variant` voor [CLI-ACCOUNT]: als het wel geldt: let op; anders: geen bevinding"))
        #expect(english.out.contains("advisory: missing fact `account.variant` for [CLI-ACCOUNT]: if it holds: advisory; otherwise: no finding"))
    }

    @Test("check: an undated description is judged as of --as-of, and the output says so")
    func checkUndated() throws {
        let workspace = try Workspace()
        let path = try workspace.write("post.md", "---\nkind: post\npostedBy: minister\naccount.variant: hybrid\n---\nHallo\n")
        let result = InProcess.run(["check", path, "--rules", workspace.rules, "--as-of", "2020-05-01", "--lang", "en"])
        #expect(result.status == 0)
        #expect(result.out.contains("note: no date; judged by the rules in force on 2020-05-01"))
        let json = InProcess.run(["check", path, "--rules", workspace.rules, "--as-of", "2020-05-01", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(object["date"] as? String == "2020-05-01")
        #expect(object["dated"] as? Bool == false)
    }

    @Test("check: a bad --as-of exits 2 before anything is judged")
    func badAsOf() throws {
        let workspace = try Workspace()
        let path = try workspace.write("post.md", CLIFixture.allowed)
        let result = InProcess.run(["check", path, "--rules", workspace.rules, "--as-of", "1 mei"])
        #expect(result.status == 2)
        #expect(result.err.contains("`1 mei` is not a date"))
        #expect(result.out.isEmpty)
    }

    @Test("--as-of takes the days a description's date takes, and a bad one is told with the form and the range", arguments: [
        ("0000-01-01", 0), ("9999-12-31", 0), ("2023-02-29", 2), ("10000-01-01", 2), ("-001-01-01", 2),
    ])
    func asOfRange(_ day: String, _ status: Int32) throws {
        let workspace = try Workspace()
        let path = try workspace.write("post.md", CLIFixture.allowed)
        let result = InProcess.run(["check", path, "--rules", workspace.rules, "--as-of", day])
        #expect(result.status == status, "\(result)")
        if status == 2 {
            #expect(result.err.contains("hint: write --as-of YYYY-MM-DD, a real day from 0000-01-01 to 9999-12-31, as a description's `date`"),
                    "\(result)")
        }
        // the same day as a description's date is read, or refused, alike
        let dated = try workspace.write("dated.md", "---\nkind: post\ndate: \(day)\n---\nHallo\n")
        #expect(InProcess.run(["check", dated, "--rules", workspace.rules]).status == status)
    }

    @Test("check takes exactly one file, and not a folder")
    func checkArguments() throws {
        let workspace = try Workspace()
        let none = InProcess.run(["check", "--rules", workspace.rules])
        let two = InProcess.run(["check", "a.md", "b.md", "--rules", workspace.rules])
        let folder = InProcess.run(["check", workspace.root.path, "--rules", workspace.rules])
        #expect(none.status == 2)
        #expect(two.status == 2)
        #expect(two.err.contains("`check` takes exactly one file"))
        #expect(folder.status == 2)
        #expect(folder.err.contains("is a folder"))
    }

    @Test("check: text from a description cannot send escape sequences to the terminal")
    func terminalSafety() throws {
        let workspace = try Workspace()
        let path = try workspace.write("post.md", "---\nkind: post\npostedBy: ambtenaar\naccount.variant: hybrid\n---\n\u{1B}[2J stem op \u{1B}]0;title\u{07} ons\n")
        let result = InProcess.run(["check", path, "--rules", workspace.rules])
        #expect(result.status == 1)
        #expect(!result.out.contains("\u{1B}"))
        #expect(result.out.contains("\\u{1b}[2J"))
    }

    @Test("check --format json escapes markup and control characters, and parses back to the original text")
    func jsonEscaping() throws {
        let workspace = try Workspace()
        let path = try workspace.write("post.json", #"{"kind": "post", "id": "<script>\"x\"</script>", "postedBy": "civil-servant", "account": {"variant": "hybrid"}, "text": "Stem op <b>ons</b>\u0007"}"#)
        let result = InProcess.run(["check", path, "--rules", workspace.rules, "--format", "json"])
        #expect(result.status == 1)
        #expect(!result.out.contains("<script>"))
        #expect(result.out.split(separator: "\n").count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(object["id"] as? String == #"<script>"x"</script>"#)
        let findings = try #require(object["findings"] as? [[String: Any]])
        let evidence = try #require(findings.first?["evidence"] as? [[String: Any]])
        #expect(evidence.contains { $0["match"] as? String == "Stem op" })
    }

    @Test("check --format json: an unreadable description is an object with an error and its place")
    func jsonError() throws {
        let workspace = try Workspace()
        let path = try workspace.write("post.md", CLIFixture.broken)
        let result = InProcess.run(["check", path, "--rules", workspace.rules, "--format", "json"])
        #expect(result.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(object["source"] as? String == path)
        let error = try #require(object["error"] as? [String: Any])
        #expect(error["code"] as? String == "input.unknown-field")
        #expect(error["line"] as? Int == 3)
        #expect(error["column"] as? Int == 1)
        #expect(error["hint"] as? String == "did you mean `account.variant`?")
    }

    @Test("validate reports every located error of a broken rule set on stderr")
    func validateBroken() throws {
        let workspace = try Workspace()
        try workspace.write("rules/cli.rules", CLIFixture.rules
            .replacingOccurrences(of: "source: HANDBOEK, \"p. 3\"", with: "source: HANDBOK, \"p. 3\"")
            .replacingOccurrences(of: "text mentions campaign", with: "text mentions campain"))
        let result = InProcess.run(["validate", workspace.rules])
        #expect(result.status == 2)
        let lines = result.err.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
        #expect(lines.count == 2)
        #expect(lines.first?.hasSuffix("cli.rules:31:23: error: unknown lexicon `campain` [rules.unknown-name]") == true, "\(lines)")
        #expect(lines.last?.hasSuffix("cli.rules:45:11: error: unknown source `HANDBOK` [rules.unknown-source]") == true, "\(lines)")
        #expect(result.err.contains("has 2 errors; nothing was checked"))
    }

    @Test("rules --lang nl shows the Dutch verdicts")
    func rulesDutch() throws {
        let workspace = try Workspace()
        let result = InProcess.run(["rules", "--rules", workspace.rules])
        #expect(result.status == 0)
        #expect(result.outLines.first { $0.hasPrefix("CLI-SPECIFIC") }?.contains("niet toegestaan") == true)
        #expect(result.outLines.first { $0.hasPrefix("CLI-GENERAL") }?.contains("[HANDBOEK, p. 1]") == true)
    }

    @Test("--version prints the version")
    func version() {
        let result = InProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("neutraal "))
    }
}
