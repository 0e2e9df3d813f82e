import NeutraalEngine

/// The `neutraal` command line: picks the subcommand and hands it the parsed options.
public enum NeutraalCommand {
    /// The subcommands, in the order `--help` lists them.
    static let commands: [(name: String, summary: String, run: @Sendable ([String], Console) -> Int32)] = [
        ("check", "judge one description file and show the verdict, the rules and the evidence", CheckCommand.run),
        ("lint", "judge a batch: folders, JSON Lines, JSON arrays, posts, standard input", LintCommand.run),
        ("test", "replay every rule example and sample as regression tests", TestCommand.run),
        ("validate", "check a rule set without running anything", ValidateCommand.run),
        ("rules", "list the rules", RulesCommand.run),
        ("explain", "show one rule with its source, text and examples", ExplainCommand.run),
        ("catalog", "the rule set as a document grouped by source (Markdown)", CatalogCommand.run),
    ]

    /// Runs with the process's own console; returns the exit status.
    public static func main(_ arguments: [String]) -> Int32 {
        run(arguments, console: .standard())
    }

    /// Runs `arguments` (without the program name) against `console`. Output that could not be written
    /// (standard output closed, a full disk) is an error and exit status 2, never a crash or a silent loss.
    public static func run(_ arguments: [String], console: Console) -> Int32 {
        let status = dispatch(arguments, console: console)
        if let problem = console.outputProblem {
            console.error("error: standard output could not be written: \(problem) [output.write-failed]\n"
                          + "  hint: the output is incomplete; check the redirection of standard output and the room on its disk\n")
            return ExitCode.inputError
        }
        return status
    }

    /// Runs the command `arguments` name.
    private static func dispatch(_ arguments: [String], console: Console) -> Int32 {
        if arguments.first == "help", arguments.count > 1 { return commandHelp(Array(arguments.dropFirst()), console: console) }
        guard let name = arguments.first, !["-h", "--help", "help"].contains(name) else {
            console.out(help)
            return arguments.isEmpty ? ExitCode.inputError : ExitCode.success
        }
        if name == "--version" {
            console.out("neutraal 0.1.0\n")
            return ExitCode.success
        }
        guard let command = commands.first(where: { $0.name == name }) else {
            let hint = Suggestion.hint(for: name, in: commands.map(\.name)) ?? "commands: \(commands.map(\.name).joined(separator: ", "))"
            console.error("error: unknown command `\(TerminalSafe.clean(name))`\n  hint: \(hint)\n")
            return ExitCode.inputError
        }
        return command.run(Array(arguments.dropFirst()), console)
    }

    /// `neutraal help COMMAND`: the command's own help, as `neutraal COMMAND --help` gives it.
    private static func commandHelp(_ arguments: [String], console: Console) -> Int32 {
        let name = arguments[0]
        guard let command = commands.first(where: { $0.name == name }) else {
            let hint = Suggestion.hint(for: name, in: commands.map(\.name)) ?? "commands: \(commands.map(\.name).joined(separator: ", "))"
            console.error("error: unknown command `\(TerminalSafe.clean(name))`\n  hint: \(hint)\n")
            return ExitCode.inputError
        }
        if arguments.count > 1 {
            return usageErrors([UsageError(message: "unexpected argument `\(arguments[1])`", hint: "`help` takes one command")],
                               usage: "neutraal help [COMMAND]", console: console)
        }
        return command.run(["--help"], console)
    }

    /// Every command's options, for the hint of an option given to a command that does not take it.
    static let optionsByCommand: [(command: String, options: [OptionSpec])] = [
        ("check", CheckCommand.options), ("lint", LintCommand.options), ("test", TestCommand.options),
        ("validate", ValidateCommand.options), ("rules", RulesCommand.options), ("explain", ExplainCommand.options),
        ("catalog", CatalogCommand.options),
    ]

    static var help: String {
        var text = "neutraal: checks ministerial communications against the guidelines in Rules/\n\nusage: neutraal <command> [options]\n\ncommands:\n"
        for command in commands { text += "  " + command.name.padding(toLength: 10) + command.summary + "\n" }
        text += "\n`neutraal <command> --help` (or `neutraal help <command>`) shows a command's options.\nexit status: 0 no violation, 1 violation (or failed test), 2 unreadable input, wrong usage or broken rule set\n"
        return text
    }

    /// Parses a command's options and positional arguments, printing usage errors; nil when the command
    /// must stop (after --help too).
    static func parse(_ arguments: [String], options: [OptionSpec], positionals: Positionals = .any, usage: String,
                      console: Console) -> (ParsedArguments, Int32)? {
        let elsewhere = optionsByCommand.flatMap { command in command.options.map { ForeignOption(command: command.command, option: $0) } }
        let parser = ArgumentParser(options: options + [OptionSpec("--help", alias: "-h", help: "show this help")], positionals: positionals,
                                    elsewhere: elsewhere)
        let (parsed, errors) = parser.parse(arguments)
        if parsed.has("--help") {
            console.out("usage: \(usage)\n\noptions:\n\(parser.helpText)\n")
            return nil
        }
        if !errors.isEmpty {
            return (parsed, usageErrors(errors, usage: usage, console: console))
        }
        return (parsed, ExitCode.success)
    }

    /// Prints usage errors, each with its hint, then the command's usage line; returns the exit status of wrong usage.
    static func usageErrors(_ errors: [UsageError], usage: String, console: Console) -> Int32 {
        for error in errors {
            console.error("error: \(TerminalSafe.clean(error.message))\n" + (error.hint.map { "  hint: \(TerminalSafe.clean($0))\n" } ?? ""))
        }
        console.error("usage: \(usage)\n")
        return ExitCode.inputError
    }

    static let rulesOption = OptionSpec("--rules", value: "DIR", help: "the rule set (default: the nearest Rules/ folder)")
    static let languageOption = OptionSpec("--lang", value: "LANG", allowed: ["nl", "en"], help: "language of messages: nl (default) or en")
}
