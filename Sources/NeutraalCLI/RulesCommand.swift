import NeutraalEngine

/// `neutraal rules`: one line per rule: id, verdict, kinds, title and source.
enum RulesCommand {
    static let usage = "neutraal rules [--lang nl|en] [--rules DIR]"
    static let positionals = Positionals(maximum: 0, accepts: "`rules` takes no arguments, only options")

    static func run(_ arguments: [String], _ console: Console) -> Int32 {
        guard let (parsed, status) = NeutraalCommand.parse(arguments, options: [NeutraalCommand.rulesOption, NeutraalCommand.languageOption],
                                                           positionals: positionals, usage: usage, console: console) else { return ExitCode.success }
        if status != ExitCode.success { return status }
        guard let ruleSet = RulesLocator.load(parsed, console: console) else { return ExitCode.inputError }
        let language: Language = parsed.value("--lang") == "en" ? .english : .dutch
        let width = ruleSet.rules.map(\.id.count).max() ?? 10
        var text = ""
        for rule in ruleSet.rules {
            let kinds = rule.kinds.map { set in set.sorted().map { ruleSet.vocabulary.kinds.cases[Int($0)].name }.joined(separator: ",") } ?? "any"
            text += rule.id.padding(toLength: width + 2) + rule.verdict.word(language).padding(toLength: 17) + kinds.padding(toLength: 16)
                + rule.title + "  [" + rule.citation.sourceID + ", " + rule.citation.locator + "]\n"
        }
        text += "\(ruleSet.rules.count) rules; rule set \(ruleSet.version)\n"
        console.out(text)
        return ExitCode.success
    }
}
