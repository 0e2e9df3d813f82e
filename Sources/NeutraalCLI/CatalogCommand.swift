import NeutraalEngine

/// `neutraal catalog`: the whole rule set as a document, grouped by source.
enum CatalogCommand {
    static let usage = "neutraal catalog [--format markdown|html] [--lang nl|en] [--rules DIR]"
    static let options = [
        OptionSpec("--format", value: "FORMAT", allowed: ["markdown", "html"],
                   help: "markdown (default) or html (one self-contained page)"),
        // the Markdown catalog gives both messages of every rule; only the HTML page is in one language
        OptionSpec("--lang", value: "LANG", allowed: ["nl", "en"], help: "language of the HTML page: nl (default) or en; the Markdown gives both"),
        NeutraalCommand.rulesOption,
    ]
    static let positionals = Positionals(maximum: 0, accepts: "`catalog` takes no arguments, only options")

    static func run(_ arguments: [String], _ console: Console) -> Int32 {
        guard let (parsed, status) = NeutraalCommand.parse(arguments, options: options, positionals: positionals, usage: usage, console: console) else {
            return ExitCode.success
        }
        if status != ExitCode.success { return status }
        guard let ruleSet = RulesLocator.load(parsed, console: console) else { return ExitCode.inputError }
        switch parsed.value("--format") ?? "markdown" {
        case "html":
            let language: Language = parsed.value("--lang") == "en" ? .english : .dutch
            console.out(RuleCatalog.html(ruleSet, language: language))
        default:
            console.out(RuleCatalog.markdown(ruleSet))
        }
        return ExitCode.success
    }
}
