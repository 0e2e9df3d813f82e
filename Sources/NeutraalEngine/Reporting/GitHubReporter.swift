/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=RULE-ID::message`, one per
/// finding (violation → error, judgement → warning, advisory → notice; a finding waiting for a missing fact
/// is a notice titled advisory that names the fact), with the
/// property and message escaping GitHub requires so that description text cannot inject commands.
public struct GitHubReporter: Reporter {
    public init() {}

    // Escaping works on Unicode scalars, not Characters: "\r\n" is one Character, and a `:` or `,` followed by a
    // combining mark is another, so replacing Characters let a raw line break or separator through.
    static func escapeMessage(_ text: String) -> String {
        escape(text, property: false)
    }

    /// Properties (a file path, a title) are also cleaned of control characters, like the message is.
    static func escapeProperty(_ text: String) -> String {
        escape(TerminalSafe.clean(text, keepNewlines: true), property: true)
    }

    private static func escape(_ text: String, property: Bool) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case ":" where property: result += "%3A"
            case "," where property: result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func command(_ level: String, _ location: SourceLocation?, title: String, message: String) -> String {
        var properties: [String] = []
        if let location {
            properties.append("file=" + escapeProperty(location.file))
            properties.append("line=\(location.line)")
            properties.append("col=\(location.column)")
        }
        properties.append("title=" + escapeProperty(title))
        return "::\(level) " + properties.joined(separator: ",") + "::" + escapeMessage(TerminalSafe.clean(message, keepNewlines: true)) + "\n"
    }

    /// An unreadable description or a waiver in error: the problem with its hint, at its place.
    static func inputError(_ diagnostic: Diagnostic) -> String {
        command("error", diagnostic.location, title: "input error", message: diagnostic.message + (diagnostic.hint.map { " (\($0))" } ?? ""))
    }

    public mutating func begin(_ context: ReportContext) -> String { "" }

    public mutating func add(_ item: ReportItem, _ context: ReportContext) -> String {
        switch item {
        case .failed(_, _, let diagnostics):
            return diagnostics.map(Self.inputError).joined()
        case .evaluated(let evaluation):
            var text = evaluation.problems.map(Self.inputError).joined()
            for finding in evaluation.findings {
                let level: String
                let verdict: Verdict
                let message: String
                switch finding.status {
                case .fired:
                    switch finding.rule.verdict {
                    case .violation: level = "error"
                    case .judgement: level = "warning"
                    case .advisory: level = "notice"
                    case .allowed: continue
                    }
                    verdict = finding.rule.verdict
                    message = FactDisplay.message(finding, evaluation, context)
                case .undetermined:
                    // counted as advisory, and worded as waiting for a fact: the rule's message is not established
                    level = "notice"
                    verdict = .advisory
                    message = FactDisplay.undetermined(finding, context.language)
                default: continue
                }
                text += Self.command(level, FactDisplay.location(finding, evaluation),
                                     title: "\(finding.rule.id) \(verdict.word(context.language))",
                                     message: "\(evaluation.description.id): " + message)
            }
            return text
        }
    }

    public mutating func finish(_ summary: Summary, _ context: ReportContext) -> String {
        let counts = Verdict.allCases.reversed().map { "\(summary.byVerdict[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        return "::notice title=neutraal::" + Plural.count(summary.descriptions, "description") + ": \(counts); \(summary.unreadable) unreadable"
            + (summary.invalidWaivers > 0 ? "; \(summary.invalidWaivers) with an invalid waiver" : "") + "\n"
    }
}
