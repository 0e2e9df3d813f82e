/// SARIF 2.1.0 for GitHub code scanning and other consumers: the tool driver with every rule (id, name,
/// descriptions, help with the citation, default level), one result per standing, undetermined, waived or
/// baselined finding (waived and baselined ones carry a suppression), and unreadable input as results of
/// the rule `input-error`, each with a physical location (columns in Unicode code points, as the run's
/// `columnKind` says). Files of the linted folders that were not read
/// (not description files, or hidden) are the invocation's `toolExecutionNotifications`, one per file.
public struct SARIFReporter: Reporter {
    private var results: [String] = []
    /// Findings at or above this verdict are `error`; see `level(for:)`.
    public init() {}

    public mutating func begin(_ context: ReportContext) -> String { "" }

    static func level(_ verdict: Verdict) -> String {
        switch verdict {
        case .violation: return "error"
        case .judgement: return "warning"
        case .advisory: return "note"
        case .allowed: return "none"
        }
    }

    static func uri(_ path: String) -> String {
        var text = path
        while text.hasPrefix("./") { text.removeFirst(2) }
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "/-_.~".unicodeScalars.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2) }
            }
        }
        return result
    }

    private func location(_ place: SourceLocation?, fallbackFile: String) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.beginObject("physicalLocation")
        json.beginObject("artifactLocation")
        json.field("uri", Self.uri(place?.file ?? fallbackFile))
        json.endObject()
        json.beginObject("region")
        json.field("startLine", max(1, place?.line ?? 1))
        json.field("startColumn", max(1, place?.column ?? 1))
        json.endObject()
        json.endObject()
        json.endObject()
        return json.output
    }

    public mutating func add(_ item: ReportItem, _ context: ReportContext) -> String {
        switch item {
        case .failed(let source, _, let diagnostics):
            for diagnostic in diagnostics { results.append(inputError(diagnostic, source: source)) }
        case .evaluated(let evaluation):
            for problem in evaluation.problems { results.append(inputError(problem, source: evaluation.description.source.path)) }
            for finding in evaluation.findings {
                let ruleIndex = context.ruleSet.ruleIndexByID[finding.rule.id] ?? 0
                var json = JSONWriter()
                json.beginObject()
                json.field("ruleId", finding.rule.id)
                json.field("ruleIndex", ruleIndex + 1)
                var level = Self.level(finding.rule.verdict)
                var text = FactDisplay.message(finding, evaluation, context)
                switch finding.status {
                case .fired, .waived, .baselined: break
                case .undetermined:
                    level = "note"
                    text = (context.language == .dutch ? "ontbrekend feit " : "missing fact ")
                        + finding.missing.joined(separator: ", ") + ": " + text
                case .overridden, .silent:
                    continue
                }
                if finding.rule.verdict == .allowed { continue }
                json.field("level", level)
                json.beginObject("message")
                json.field("text", "\(evaluation.description.id): \(text)")
                json.endObject()
                json.raw("locations", "[" + location(FactDisplay.location(finding, evaluation), fallbackFile: evaluation.description.source.path) + "]")
                var tail = json
                tail.beginObject("partialFingerprints")
                tail.field("neutraal/v1", Fingerprint.of(rule: finding.rule.id, description: evaluation.description,
                                                         vocabulary: context.ruleSet.vocabulary))
                tail.endObject()
                switch finding.status {
                case .waived(let waiver):
                    tail.beginArray("suppressions")
                    tail.beginObject()
                    tail.field("kind", "inSource")
                    tail.field("status", "accepted")
                    tail.field("justification", (waiver.reason ?? "") + " (" + (waiver.approvedBy ?? "") + ", until "
                               + (waiver.until.map(CivilDate.format) ?? "") + ")")
                    tail.endObject()
                    tail.endArray()
                case .baselined:
                    tail.beginArray("suppressions")
                    tail.beginObject()
                    tail.field("kind", "external")
                    tail.field("status", "accepted")
                    tail.field("justification", "baseline")
                    tail.endObject()
                    tail.endArray()
                default:
                    break
                }
                tail.beginObject("properties")
                tail.field("description", evaluation.description.id)
                tail.field("verdict", finding.rule.verdict.rawValue)
                tail.field("status", finding.statusWord)
                tail.field("citation", FactDisplay.citation(finding.rule, context.ruleSet, context.language))
                tail.endObject()
                tail.endObject()
                results.append(tail.output)
            }
        }
        return ""
    }

    /// A note that a file in a linted folder was not read: not a description file, or hidden.
    private func skippedNotification(_ path: String, hidden: Bool) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.beginObject("descriptor")
        json.field("id", hidden ? "input.skipped-hidden" : "input.skipped")
        json.endObject()
        json.field("level", "note")
        json.beginObject("message")
        json.field("text", hidden ? "skipped `\(path)`: a hidden file or folder (name starting with `.`)"
                                  : "skipped `\(path)`: not a description file (by extension)")
        json.endObject()
        json.beginArray("locations")
        json.beginObject()
        json.beginObject("physicalLocation")
        json.beginObject("artifactLocation")
        json.field("uri", Self.uri(path))
        json.endObject()
        json.endObject()
        json.endObject()
        json.endArray()
        json.endObject()
        return json.output
    }

    private func inputError(_ diagnostic: Diagnostic, source: String) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.field("ruleId", "input-error")
        json.field("ruleIndex", 0)
        json.field("level", "error")
        json.beginObject("message")
        json.field("text", diagnostic.message + (diagnostic.hint.map { " (\($0))" } ?? ""))
        json.endObject()
        json.raw("locations", "[" + location(diagnostic.location, fallbackFile: source) + "]")
        json.endObject()
        return json.output
    }

    public mutating func finish(_ summary: Summary, _ context: ReportContext) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        json.field("version", "2.1.0")
        json.beginArray("runs")
        json.beginObject()
        json.beginObject("tool")
        json.beginObject("driver")
        json.field("name", "neutraal")
        json.field("semanticVersion", "0.1.0")
        json.field("informationUri", "https://github.com/neutraal/neutraal")
        json.beginArray("rules")
        json.beginObject()
        json.field("id", "input-error")
        json.field("name", "InputError")
        json.beginObject("shortDescription")
        json.field("text", "A description could not be read")
        json.endObject()
        json.beginObject("defaultConfiguration")
        json.field("level", "error")
        json.endObject()
        json.endObject()
        for rule in context.ruleSet.rules {
            json.beginObject()
            json.field("id", rule.id)
            json.field("name", Self.pascalName(rule.id))
            json.beginObject("shortDescription")
            json.field("text", rule.title)
            json.endObject()
            json.beginObject("fullDescription")
            json.field("text", rule.message(context.language))
            json.endObject()
            json.beginObject("help")
            json.field("text", rule.message(context.language) + "\n" + FactDisplay.citation(rule, context.ruleSet, context.language))
            json.endObject()
            if let url = context.ruleSet.sources[rule.citation.sourceID]?.url { json.field("helpUri", url) }
            json.beginObject("defaultConfiguration")
            json.field("level", Self.level(rule.verdict))
            json.endObject()
            json.beginObject("properties")
            json.field("verdict", rule.verdict.rawValue)
            json.field("source", rule.citation.sourceID)
            json.field("locator", rule.citation.locator)
            json.endObject()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endObject()
        // the columns of every region count Unicode code points (as the text and JSON outputs do), not the UTF-16
        // units a consumer may otherwise assume
        json.field("columnKind", "unicodeCodePoints")
        json.beginArray("invocations")
        json.beginObject()
        json.field("executionSuccessful", summary.errors == 0)
        if !summary.skipped.isEmpty || !summary.hidden.isEmpty {
            json.raw("toolExecutionNotifications", "[" + (summary.hidden.map { skippedNotification($0, hidden: true) }
                + summary.skipped.map { skippedNotification($0, hidden: false) }).joined(separator: ",") + "]")
        }
        json.endObject()
        json.endArray()
        json.beginObject("properties")
        json.field("rulesetVersion", context.ruleSet.version)
        json.field("descriptions", summary.descriptions)
        json.endObject()
        json.raw("results", "[" + results.joined(separator: ",") + "]")
        json.endObject()
        json.endArray()
        json.endObject()
        return json.output + "\n"
    }

    static func pascalName(_ id: String) -> String {
        id.split(separator: "-").map { part in part.prefix(1).uppercased() + part.dropFirst().lowercased() }.joined()
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
