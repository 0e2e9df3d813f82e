import NeutraalEngine

/// `neutraal rules`: one line per rule: id, verdict, kinds, title and source.
enum RulesCommand {
    static let usage = "neutraal rules [--lang nl|en] [--rules DIR]"
    static let positionals = Positionals(maximum: 0, accepts: "`rules` takes no arguments, only options")
    static let options = [NeutraalCommand.rulesOption, NeutraalCommand.languageOption]

    static func run(_ arguments: [String], _ console: Console) -> Int32 {
        guard let (parsed, status) = NeutraalCommand.parse(arguments, options: options,
                                                           positionals: positionals, usage: usage, console: console) else { return ExitCode.success }
        if status != ExitCode.success { return status }
        guard let ruleSet = RulesLocator.load(parsed, console: console) else { return ExitCode.inputError }
        let language: Language = parsed.value("--lang") == "en" ? .english : .dutch
        let kinds = ruleSet.rules.map { rule in
            rule.kinds.map { set in set.sorted().map { ruleSet.vocabulary.kinds.cases[Int($0)].name }.joined(separator: ",") } ?? "any"
        }
        // each column as wide as its widest entry and two spaces, so that no entry runs into the next
        let idWidth = (ruleSet.rules.map(\.id.count).max() ?? 8) + 2
        let verdictWidth = max(17, (ruleSet.rules.map { $0.verdict.word(language).count }.max() ?? 8) + 2)
        let kindsWidth = max(16, (kinds.map(\.count).max() ?? 3) + 2)
        var text = ""
        for (rule, kinds) in zip(ruleSet.rules, kinds) {
            text += rule.id.padding(toLength: idWidth) + rule.verdict.word(language).padding(toLength: verdictWidth)
                + kinds.padding(toLength: kindsWidth) + rule.title + "  [" + rule.citation.sourceID + ", " + rule.citation.locator + "]\n"
        }
        text += Plural.count(ruleSet.rules.count, "rule") + "; rule set \(ruleSet.version)\n"
        console.out(text)
        return ExitCode.success
    }
}
