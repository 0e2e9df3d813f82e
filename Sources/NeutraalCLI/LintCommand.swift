import Foundation
import NeutraalEngine

/// `neutraal lint PATH...`: judges a batch like a linter, streaming, on every core, in input order.
enum LintCommand {
    static let usage = "neutraal lint PATH... [--format FORMAT] [--report FORMAT:FILE]... [--fail-on VERDICT] [--baseline FILE] "
        + "[--write-baseline FILE] [--as-of YYYY-MM-DD] [--jobs N] [--no-progress] [--lang nl|en] [--rules DIR]"
    static let formats = ReportFormat.allCases.map(\.rawValue)
    static let options = [
        OptionSpec("--format", value: "FORMAT", allowed: formats, help: "output on standard output: \(formats.joined(separator: ", ")) (default text)"),
        OptionSpec("--report", value: "FORMAT:FILE", repeatable: true, help: "also write a report to a file (repeatable), e.g. sarif:results.sarif"),
        OptionSpec("--fail-on", value: "VERDICT", allowed: ["violation", "judgement", "advisory"],
                   help: "the least severe verdict that makes the exit status 1 (default violation)"),
        OptionSpec("--baseline", value: "FILE", help: "accept the known, reviewed findings in FILE"),
        OptionSpec("--write-baseline", value: "FILE", help: "write every standing finding to FILE as a baseline"),
        OptionSpec("--as-of", value: "DATE", help: "judge undated descriptions and waivers at this date (default: today)"),
        OptionSpec("--jobs", value: "N", help: "worker threads (default: the number of cores)"),
        OptionSpec("--no-progress", help: "no progress line, also on a terminal"),
        NeutraalCommand.languageOption,
        NeutraalCommand.rulesOption,
    ]

    static func run(_ arguments: [String], _ console: Console) -> Int32 {
        guard let (parsed, status) = NeutraalCommand.parse(arguments, options: options, usage: usage, console: console) else {
            return ExitCode.success
        }
        if status != ExitCode.success { return status }
        guard !parsed.positionals.isEmpty else {
            console.error("error: `lint` needs at least one file, folder or `-`\nusage: \(usage)\n")
            return ExitCode.inputError
        }
        var extraReports: [(ReportFormat, String)] = []
        for value in parsed.values["--report"] ?? [] {
            guard let colon = value.firstIndex(of: ":"), let format = ReportFormat(rawValue: String(value[..<colon])),
                  !value[value.index(after: colon)...].isEmpty else {
                let error = UsageError(message: "`--report \(value)` is not FORMAT:FILE", hint: reportHint(value))
                return NeutraalCommand.usageErrors([error], usage: usage, console: console)
            }
            extraReports.append((format, String(value[value.index(after: colon)...])))
        }
        let targets = extraReports.map { ("--report \($0.0.rawValue):\($0.1)", $0.1) }
            + (parsed.value("--write-baseline").map { [("--write-baseline \($0)", $0)] } ?? [])
        let clashes = OutputTargets.clashes(targets)
        if !clashes.isEmpty { return NeutraalCommand.usageErrors(clashes, usage: usage, console: console) }
        // a report that cannot be written is told before the batch is judged, not after
        let unwritable = targets.compactMap { target in
            OutputFile.problem(target.1).map { UsageError(message: "`\(target.0)` cannot be written: \($0)",
                                                          hint: "choose a file in a folder that exists and may be written") }
        }
        if !unwritable.isEmpty { return NeutraalCommand.usageErrors(unwritable, usage: usage, console: console) }
        var jobs = ProcessInfo.processInfo.activeProcessorCount
        if let text = parsed.value("--jobs") {
            guard let number = Int(text), number >= 1, number <= 256 else {
                let error = UsageError(message: "`\(text)` is not a number of jobs", hint: "`--jobs` takes a whole number from 1 to 256")
                return NeutraalCommand.usageErrors([error], usage: usage, console: console)
            }
            jobs = number
        }
        guard let asOf = Options.asOf(parsed, console: console) else { return ExitCode.inputError }
        var collector = InputCollector()
        collector.collect(parsed.positionals)
        let overwrites = OutputTargets.inputClashes(targets, inputs: collector.inputs)
        if !overwrites.isEmpty { return NeutraalCommand.usageErrors(overwrites, usage: usage, console: console) }
        let copies = RuleSetCopies.count(for: collector.inputs, jobs: jobs)
        guard let loaded = RulesLocator.loadCopies(parsed, console: console, copies: copies),
              let ruleSet = loaded.first else { return ExitCode.inputError }
        var baseline = Baseline()
        if let path = parsed.value("--baseline") {
            switch BaselineFile.read(path, console: console) {
            case .success(let read): baseline = read
            case .failure(let diagnostic):
                console.error(diagnostic.description + "\n")
                return ExitCode.inputError
            }
        }
        let language: Language = parsed.value("--lang") == "en" ? .english : .dutch
        let failOn = Verdict(rawValue: parsed.value("--fail-on") ?? "violation") ?? .violation
        let mainFormat = ReportFormat(rawValue: parsed.value("--format") ?? "text") ?? .text
        let mainContext = ReportContext(ruleSet: ruleSet, language: language, color: mainFormat == .text && console.colorOnOutput,
                                        failOn: failOn)
        let fileContext = ReportContext(ruleSet: ruleSet, language: language, failOn: failOn)
        var main = mainFormat.makeReporter()
        var extras: [(reporter: any Reporter, path: String, text: String)] = extraReports.map { ($0.0.makeReporter(), $0.1, "") }

        let batch = BatchEvaluator(evaluator: Evaluator(ruleSet: ruleSet, asOf: asOf), baseline: baseline, jobs: jobs,
                                   copies: loaded.dropFirst().map { Evaluator(ruleSet: $0, asOf: asOf) })
        let progress = console.errorIsTerminal && console.environment["CI"] == nil && !parsed.has("--no-progress")
        var summary = Summary()
        var written = Baseline()
        let writeBaseline = parsed.value("--write-baseline") != nil
        console.out(main.begin(mainContext))
        for index in extras.indices { extras[index].text += extras[index].reporter.begin(fileContext) }
        // formats that render each description on its own are rendered on the worker threads, and then the
        // results are dropped there unless another report or the baseline needs them
        let renderers = ItemRenderers.preparation(mainFormat, mainContext)
        let keepItems = renderers == nil || !extras.isEmpty || writeBaseline
        batch.run(collector.inputs, standardInput: console.inputPiece(upTo:), renderers: renderers, keepItems: keepItems) { result in
            summary.merge(result.summary)
            var text = ""
            for item in result.items {
                if result.rendered == nil { text += main.add(item, mainContext) }
                for index in extras.indices { extras[index].text += extras[index].reporter.add(item, fileContext) }
                if writeBaseline, case .evaluated(let evaluation) = item { written.add(evaluation, vocabulary: ruleSet.vocabulary) }
            }
            if let rendered = result.rendered { console.out(rendered) } else { console.out(text) }
            if progress { console.error("\r\u{1B}[K\(summary.descriptions + summary.errors) …") }
        }
        if progress { console.error("\r\u{1B}[K") }
        summary.skipped = collector.skipped
        summary.hidden = collector.hidden
        console.out(main.finish(summary, mainContext))
        if let note = SkippedNote.text(notDescriptions: collector.skipped, hidden: collector.hidden) { console.error(note) }
        var failedWrite = false
        for index in extras.indices {
            let text = extras[index].text + extras[index].reporter.finish(summary, fileContext)
            if let problem = OutputFile.write(text, to: extras[index].path) {
                console.error("error: cannot write the report `\(TerminalSafe.clean(extras[index].path))`: \(problem)\n")
                failedWrite = true
            }
        }
        if let path = parsed.value("--write-baseline") {
            if let problem = OutputFile.write(written.render(ruleSetVersion: ruleSet.version), to: path) {
                console.error("error: cannot write the baseline `\(TerminalSafe.clean(path))`: \(problem)\n")
                failedWrite = true
            }
        }
        if summary.errors > 0 || failedWrite { return ExitCode.inputError }
        let failing = summary.byVerdict.filter { $0.key >= failOn }.values.reduce(0, +)
        return failing > 0 ? ExitCode.findings : ExitCode.success
    }

    /// The advice for a `--report` value that is not FORMAT:FILE: the value as it was probably meant
    /// (`SARIF:x`, `sarif=x`, `srif:x` as `sarif:x`) where one fits, and the formats.
    static func reportHint(_ value: String) -> String {
        let list = "formats: \(formats.joined(separator: ", ")); e.g. --report sarif:results.sarif"
        guard let separator = value.firstIndex(where: { $0 == ":" || $0 == "=" }) else { return list }
        let file = value[value.index(after: separator)...]
        let written = String(value[..<separator])
        guard !file.isEmpty, let format = formats.first(where: { $0 == written.lowercased() }) ?? Suggestion.closest(to: written, in: formats),
              "\(format):\(file)" != value else { return list }
        return "did you mean `\(format):\(file)`? " + list
    }
}
