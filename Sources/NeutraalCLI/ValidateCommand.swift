import NeutraalEngine

/// `neutraal validate [DIR]`: loads and checks a rule set without judging anything (for pre-commit hooks).
enum ValidateCommand {
    static let usage = "neutraal validate [RULES-DIR | --rules DIR]"
    static let positionals = Positionals(maximum: 1, accepts: "`validate` takes one rules folder, or `--rules DIR`")
    static let options = [NeutraalCommand.rulesOption]

    static func run(_ arguments: [String], _ console: Console) -> Int32 {
        guard let (parsed, status) = NeutraalCommand.parse(arguments, options: options, positionals: positionals,
                                                           usage: usage, console: console) else {
            return ExitCode.success
        }
        if status != ExitCode.success { return status }
        var effective = parsed
        if let folder = parsed.positionals.first {
            if let option = parsed.value("--rules") {
                let error = UsageError(message: "the rules folder is given twice: `\(folder)` and `--rules \(option)`",
                                       hint: "give it once, as an argument or with `--rules`")
                return NeutraalCommand.usageErrors([error], usage: usage, console: console)
            }
            effective.values["--rules"] = [folder]
        }
        guard let ruleSet = RulesLocator.load(effective, console: console) else { return ExitCode.inputError }
        let examples = ruleSet.rules.reduce(0) { $0 + $1.examples.count }
        let entries = ruleSet.lexicons.reduce(0) { $0 + $1.entries.count }
        console.out("ok: " + Plural.count(ruleSet.rules.count, "rule") + ", " + Plural.count(ruleSet.sources.count, "source") + ", "
                    + Plural.count(ruleSet.lexicons.count, "lexicon") + " (" + Plural.count(entries, "entry", "entries") + "), "
                    + Plural.count(examples, "example") + " in " + Plural.count(ruleSet.files.count, "file") + "\nrule set: \(ruleSet.version)\n")
        return ExitCode.success
    }
}
