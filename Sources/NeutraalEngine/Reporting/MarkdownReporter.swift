/// A Markdown table of every finding and every problem with the input (an unreadable description, a waiver in
/// error), to paste in a pull request; description text is escaped so that it cannot break the table or inject HTML.
public struct MarkdownReporter: Reporter {
    private var rows: [String] = []

    public init() {}

    static func cell(_ text: String) -> String {
        var result = ""
        // scalars, not Characters: `|` followed by a combining mark is one Character and would slip through
        for character in TerminalSafe.clean(text, keepNewlines: true).unicodeScalars {
            switch character {
            case "|": result += "\\|"
            // a backslash is escaped too, or `\|` in the text would become `\\|`: an escaped backslash and a raw pipe
            case "\\": result += "\\\\"
            case "\n", "\r": result += "<br>"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "`", "*", "_", "[", "]", "#": result += "\\" + String(character)
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// A row for a problem with the input: an unreadable description, or a waiver in error.
    private static func errorRow(_ diagnostic: Diagnostic, id: String, source: String, _ context: ReportContext) -> String {
        "| \(cell(id)) | \(context.language == .dutch ? "fout" : "error") | \(cell(diagnostic.code)) | \(cell(diagnostic.message)) | | "
            + "\(cell(diagnostic.location?.description ?? source)) |"
    }

    public mutating func begin(_ context: ReportContext) -> String { "" }

    public mutating func add(_ item: ReportItem, _ context: ReportContext) -> String {
        switch item {
        case .failed(let source, let id, let diagnostics):
            for diagnostic in diagnostics { rows.append(Self.errorRow(diagnostic, id: id, source: source, context)) }
        case .evaluated(let evaluation):
            // a waiver in error (expired, unknown rule, no reason) fails the run: its row says which one and why
            for problem in evaluation.problems {
                rows.append(Self.errorRow(problem, id: evaluation.description.id, source: evaluation.description.source.path, context))
            }
            for finding in evaluation.findings {
                switch finding.status {
                case .silent: continue
                case .fired where finding.rule.verdict == .allowed: continue
                default: break
                }
                let verdict = finding.status == .fired ? finding.rule.verdict.word(context.language) : finding.statusWord(context.language)
                let message = finding.status == .undetermined ? FactDisplay.undetermined(finding, context.language)
                                                              : FactDisplay.message(finding, evaluation, context)
                rows.append("| \(Self.cell(evaluation.description.id)) | \(Self.cell(verdict)) | \(Self.cell(finding.rule.id)) | "
                            + "\(Self.cell(message)) | "
                            + "\(Self.cell(FactDisplay.citation(finding.rule, context.ruleSet, context.language))) | "
                            + "\(Self.cell(FactDisplay.location(finding, evaluation).description)) |")
            }
        }
        return ""
    }

    public mutating func finish(_ summary: Summary, _ context: ReportContext) -> String {
        let nl = context.language == .dutch
        var text = "### Neutraal: " + (nl ? Plural.count(summary.descriptions, "beschrijving", "beschrijvingen") : Plural.count(summary.descriptions, "description")) + "\n\n"
        text += "| " + Verdict.allCases.reversed().map { $0.word(context.language) }.joined(separator: " | ") + " | " + (nl ? "onleesbaar" : "unreadable") + " |\n"
        text += "|" + String(repeating: "---:|", count: Verdict.allCases.count + 1) + "\n"
        text += "| " + Verdict.allCases.reversed().map { "\(summary.byVerdict[$0] ?? 0)" }.joined(separator: " | ") + " | \(summary.unreadable) |\n\n"
        if summary.invalidWaivers > 0 {
            text += nl ? Plural.count(summary.invalidWaivers, "beschrijving", "beschrijvingen") + " met een ongeldige vrijstelling (zie de tabel).\n\n"
                       : Plural.count(summary.invalidWaivers, "description") + " with an invalid waiver (see the table).\n\n"
        }
        if rows.isEmpty {
            text += nl ? "Geen bevindingen.\n" : "No findings.\n"
        } else {
            text += nl ? "| beschrijving | oordeel | regel | melding | bron | plaats |\n" : "| description | verdict | rule | message | source | location |\n"
            text += "|---|---|---|---|---|---|\n"
            text += rows.joined(separator: "\n") + "\n"
        }
        text += "\n" + (nl ? "Regelset: `" : "Rule set: `") + context.ruleSet.version + "`\n"
        return text
    }
}
