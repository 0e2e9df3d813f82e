import NeutraalEngine

/// `neutraal check FILE`: judges the description(s) in one file and shows everything behind the verdict.
enum CheckCommand {
    static let usage = "neutraal check FILE [--lang nl|en] [--format text|json] [--explain] [--as-of YYYY-MM-DD] [--rules DIR]"
    static let options = [
        NeutraalCommand.languageOption,
        OptionSpec("--format", value: "FORMAT", allowed: ["text", "json"], help: "text (default) or json (JSON Lines)"),
        OptionSpec("--explain", help: "show how each condition of each applicable rule came out"),
        OptionSpec("--as-of", value: "DATE", help: "judge undated descriptions by the rules in force on this date (default: today)"),
        NeutraalCommand.rulesOption,
    ]
    static let positionals = Positionals(maximum: 1, accepts: "`check` takes exactly one file; use `neutraal lint` for several files or a folder")

    static func run(_ arguments: [String], _ console: Console) -> Int32 {
        guard let (parsed, status) = NeutraalCommand.parse(arguments, options: options, positionals: positionals, usage: usage, console: console) else {
            return ExitCode.success
        }
        if status != ExitCode.success { return status }
        guard parsed.positionals.count == 1, let path = parsed.positionals.first else {
            console.error("error: `check` takes exactly one file\n  hint: use `neutraal lint` for several files or a folder\nusage: \(usage)\n")
            return ExitCode.inputError
        }
        guard let asOf = Options.asOf(parsed, console: console) else { return ExitCode.inputError }
        guard let ruleSet = RulesLocator.load(parsed, console: console) else { return ExitCode.inputError }
        let language: Language = parsed.value("--lang") == "en" ? .english : .dutch
        let json = parsed.value("--format") == "json"
        let context = ReportContext(ruleSet: ruleSet, language: language, color: !json && console.colorOnOutput,
                                    explain: parsed.has("--explain"), detailed: true)
        var reporter: any Reporter = json ? JSONReporter() : TextReporter()
        var summary = Summary()
        console.out(reporter.begin(context))
        // each description is judged and shown as soon as it is read, so a file of many holds one at a time
        func show(_ item: ReportItem) {
            summary.add(item)
            let text = reporter.add(item, context)
            if case .failed = item, !json { console.error(text) } else { console.out(text) }
        }
        switch InputFiles.read(path, console: console) {
        case .failure(let diagnostic):
            show(.failed(source: path, id: path, diagnostics: [diagnostic]))
        case .success(let source):
            let evaluator = Evaluator(ruleSet: ruleSet, asOf: asOf, explain: parsed.has("--explain"))
            DescriptionReader(vocabulary: ruleSet.vocabulary).forEach(source) { outcome in
                switch outcome {
                case .description(let description): show(.evaluated(evaluator.evaluate(description)))
                case .failure(let source, let id, let diagnostics): show(.failed(source: source, id: id, diagnostics: diagnostics))
                }
            }
        }
        console.out(reporter.finish(summary, context))
        if summary.errors > 0 { return ExitCode.inputError }
        return (summary.byVerdict[.violation] ?? 0) > 0 ? ExitCode.findings : ExitCode.success
    }
}

/// Option values shared by several commands.
enum Options {
    /// `--as-of`, or today.
    static func asOf(_ parsed: ParsedArguments, console: Console) -> Int32? {
        guard let text = parsed.value("--as-of") else { return CivilDate.today() }
        guard let day = CivilDate.parse(text) else {
            console.error("error: `\(TerminalSafe.clean(text))` is not a date\n"
                          + "  hint: write --as-of YYYY-MM-DD, a real day from \(CivilDate.range), as a description's `date`\n")
            return nil
        }
        return day
    }
}
