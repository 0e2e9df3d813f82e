import Foundation
import NeutraalEngine

/// `neutraal test [PATH...]`: replays every rule example and every sample's expectations; reports failures
/// with expected against actual, and the coverage of rules and conditions.
enum TestCommand {
    static let usage = "neutraal test [SAMPLES...] [--filter TEXT] [--format text|junit] [--min-coverage N] [--show-uncovered] [--rules DIR]"
    static let options = [
        OptionSpec("--filter", value: "TEXT", help: "only rules whose id, and samples whose path or id, contain TEXT"),
        OptionSpec("--format", value: "FORMAT", allowed: ["text", "junit"], help: "text (default) or junit (JUnit XML)"),
        OptionSpec("--min-coverage", value: "N", help: "fail when fewer than N percent of the conditions come out both true and false"),
        OptionSpec("--show-uncovered", help: "list every condition that no case makes both true and false"),
        OptionSpec("--as-of", value: "DATE", help: "judge undated cases at this date (default: today)"),
        NeutraalCommand.rulesOption,
    ]

    static func run(_ arguments: [String], _ console: Console) -> Int32 {
        guard let (parsed, status) = NeutraalCommand.parse(arguments, options: options, usage: usage, console: console) else {
            return ExitCode.success
        }
        if status != ExitCode.success { return status }
        var minimum: Double?
        if let text = parsed.value("--min-coverage") {
            guard let value = Double(text), value.isFinite, value >= 0, value <= 100 else {
                let error = UsageError(message: "`\(text)` is not a percentage", hint: "`--min-coverage` takes a number from 0 to 100")
                return NeutraalCommand.usageErrors([error], usage: usage, console: console)
            }
            minimum = value
        }
        guard let asOf = Options.asOf(parsed, console: console) else { return ExitCode.inputError }
        guard let loaded = RulesLocator.load(parsed, console: console) else { return ExitCode.inputError }
        let ruleSet = loaded.withPatternAutomata()
        let rulesFolder = RulesLocator.folder(explicit: parsed.value("--rules"), environment: console.environment)
        var paths = parsed.positionals
        if paths.isEmpty {
            let samples = SamplesFolder.beside(rulesFolder)
            if FileManager.default.fileExists(atPath: samples) { paths = [samples] }
        }
        var collector = InputCollector()
        collector.collect(paths)
        let reader = DescriptionReader(vocabulary: ruleSet.vocabulary)
        var outcomes: [ReadOutcome] = []
        // standard input (`-`) read with a bound, as `check` reads it
        func read(_ path: String) -> [ReadOutcome] {
            switch InputFiles.read(path, console: console) {
            case .success(let source): return reader.read(source)
            case .failure(let diagnostic): return [.failure(source: path == "-" ? "<stdin>" : path, id: path, diagnostics: [diagnostic])]
            }
        }
        for input in collector.inputs {
            switch input {
            case .file(let path):
                outcomes += read(path)
            case .standardInput:
                outcomes += read("-")
            case .problem(let path, let code, let message, let hint):
                outcomes.append(.failure(source: path, id: path, diagnostics: [Diagnostic(code, message, at: SourceLocation(file: path, line: 1, column: 1), hint: hint)]))
            }
        }
        let report = RegressionRunner(ruleSet: ruleSet, asOf: asOf).run(samples: outcomes, filter: parsed.value("--filter"))
        if report.cases.isEmpty, let filter = parsed.value("--filter") {
            // most likely a misspelled rule family: wrong usage, told before any (empty) report
            let suggestion = Suggestion.hint(for: filter.uppercased(), in: ruleSet.rules.map(\.id)).map { TerminalSafe.clean($0) + " " } ?? ""
            console.error("error: `--filter \(TerminalSafe.clean(filter))` matches no rule example and no sample\n"
                          + "  hint: \(suggestion)it keeps the rules whose id, and the samples whose path or id, contain the text (in any case); "
                          + "`neutraal rules` lists the rule ids\n")
            return ExitCode.inputError
        }
        if parsed.value("--format") == "junit" {
            console.out(RegressionJUnit.render(report, ruleSet: ruleSet, minimumCoverage: minimum))
        } else {
            console.out(RegressionText.render(report, showUncovered: parsed.has("--show-uncovered"), color: console.colorOnOutput))
        }
        if report.cases.isEmpty {
            console.error("error: no example or sample matched\n")
            return ExitCode.findings
        }
        if report.erroredCount > 0 {
            console.error("error: \(report.erroredCount) case\(report.erroredCount == 1 ? "" : "s") could not run: a sample that cannot be read, or an invalid expectation\n")
            return ExitCode.inputError
        }
        if let minimum, report.conditionCoverage < minimum {
            console.error(String(format: "error: condition coverage %.1f%% is below the minimum of %.1f%%\n", report.conditionCoverage, minimum))
            return ExitCode.findings
        }
        return report.failedCount > 0 ? ExitCode.findings : ExitCode.success
    }
}
