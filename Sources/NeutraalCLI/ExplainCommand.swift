import NeutraalEngine

/// `neutraal explain ID`: one rule with its source, the words it rests on, its condition, messages and examples.
enum ExplainCommand {
    static let usage = "neutraal explain RULE-ID [--lang nl|en] [--rules DIR]"
    static let positionals = Positionals(maximum: 1, accepts: "`explain` takes one rule id")
    static let options = [NeutraalCommand.rulesOption, NeutraalCommand.languageOption]

    static func run(_ arguments: [String], _ console: Console) -> Int32 {
        guard let (parsed, status) = NeutraalCommand.parse(arguments, options: options,
                                                           positionals: positionals, usage: usage, console: console) else { return ExitCode.success }
        if status != ExitCode.success { return status }
        guard parsed.positionals.count == 1, let id = parsed.positionals.first else {
            console.error("error: `explain` takes one rule id\nusage: \(usage)\n")
            return ExitCode.inputError
        }
        guard let ruleSet = RulesLocator.load(parsed, console: console) else { return ExitCode.inputError }
        guard let rule = ruleSet.rule(id) ?? ruleSet.rule(id.uppercased()) else {
            let hint = Suggestion.hint(for: id, in: ruleSet.rules.map(\.id)) ?? "`neutraal rules` lists them"
            console.error("error: no rule `\(TerminalSafe.clean(id))`\n  hint: \(hint)\n")
            return ExitCode.inputError
        }
        console.out(RuleCatalog.describe(rule, ruleSet, language: parsed.value("--lang") == "en" ? .english : .dutch))
        return ExitCode.success
    }
}
