/// JSON Lines: one object per description, in input order, as documented in the README
/// (`id`, `source`, `verdict`, `findings` with `rule`, `verdict`, `status`, `message`, `citation`,
/// `evidence`; an `error` object in place of a description that could not be read).
public struct JSONReporter: Reporter {
    /// Rendered once per rule: the citation object, and the message where it quotes no fact.
    private var citations: [String: String] = [:]
    private var fixedMessages: [String: String] = [:]
    private var heads: [String: String] = [:]
    private var weighs: [String: String] = [:]
    private var lastSource: (path: String, quoted: String)?

    public init() {}

    private mutating func citation(_ rule: Rule, _ context: ReportContext) -> String {
        if let cached = citations[rule.id] { return cached }
        var json = JSONWriter()
        json.beginObject()
        json.field("source", rule.citation.sourceID)
        if let source = context.ruleSet.sources[rule.citation.sourceID] {
            json.field("document", source.title)
            json.field("date", source.date)
            json.field("identifier", source.identifier)
            json.field("url", source.url)
            if let quoted = source.quotedIn, let outer = context.ruleSet.sources[quoted] {
                json.field("quotedIn", outer.title)
                json.field("quotedInDate", outer.date)
            }
        }
        json.field("locator", rule.citation.locator)
        json.endObject()
        citations[rule.id] = json.output
        return json.output
    }

    private mutating func message(_ finding: Finding, _ evaluation: Evaluation, _ context: ReportContext) -> String {
        let template = finding.rule.message(context.language)
        guard !template.utf8.contains(UInt8(ascii: "{")) else { return JSONWriter.quote(FactDisplay.message(finding, evaluation, context)) }
        if let cached = fixedMessages[finding.rule.id] { return cached }
        let quoted = JSONWriter.quote(template)
        fixedMessages[finding.rule.id] = quoted
        return quoted
    }

    public mutating func begin(_ context: ReportContext) -> String { "" }

    public mutating func add(_ item: ReportItem, _ context: ReportContext) -> String {
        var json = JSONWriter()
        json.beginObject()
        switch item {
        case .failed(let source, let id, let diagnostics):
            json.field("id", id)
            json.field("source", source)
            if let first = diagnostics.first { Self.write(first, key: "error", into: &json) }
            json.beginArray("errors")
            for diagnostic in diagnostics { Self.write(diagnostic, key: nil, into: &json) }
            json.endArray()
        case .evaluated(let evaluation):
            let description = evaluation.description
            let location = description.location
            json.field("id", description.id)
            if let last = lastSource, last.path == description.source.path {
                json.raw("source", last.quoted)
            } else {
                let quoted = JSONWriter.quote(description.source.path)
                lastSource = (description.source.path, quoted)
                json.raw("source", quoted)
            }
            json.field("line", location.line)
            json.field("column", location.column)
            json.field("verdict", evaluation.verdict.rawValue)
            json.field("date", CivilDate.format(evaluation.day))
            json.field("dated", evaluation.dated)
            json.field("rulesetVersion", context.ruleSet.version)
            if !evaluation.context.isEmpty {
                json.beginObject("context")
                for (field, value) in evaluation.context { json.field(field, value) }
                json.endObject()
            }
            if !evaluation.problems.isEmpty {
                json.beginArray("errors")
                for problem in evaluation.problems { Self.write(problem, key: nil, into: &json) }
                json.endArray()
            }
            json.beginArray("findings")
            for finding in evaluation.findings {
                if case .silent = finding.status, !context.explain { continue }
                write(finding, evaluation, context, into: &json)
            }
            json.endArray()
        }
        json.endObject()
        return json.output + "\n"
    }

    private mutating func write(_ finding: Finding, _ evaluation: Evaluation, _ context: ReportContext, into json: inout JSONWriter) {
        let rule = finding.rule
        json.beginObject()
        if let head = heads[rule.id] {
            json.raw(nil, head)
        } else {
            let head = JSONWriter.quote("rule") + ":" + JSONWriter.quote(rule.id) + "," + JSONWriter.quote("title") + ":"
                + JSONWriter.quote(rule.title) + "," + JSONWriter.quote("verdict") + ":" + JSONWriter.quote(rule.verdict.rawValue)
            heads[rule.id] = head
            json.raw(nil, head)
        }
        json.field("status", finding.statusWord)
        if case .overridden(let by) = finding.status { json.field("overriddenBy", by) }
        if case .waived(let waiver) = finding.status {
            json.beginObject("waiver")
            json.field("reason", waiver.reason)
            json.field("approvedBy", waiver.approvedBy)
            json.field("until", waiver.until.map(CivilDate.format))
            json.endObject()
        }
        json.raw("message", message(finding, evaluation, context))
        if rule.verdict == .judgement, let weigh = rule.weigh(context.language) {
            if let cached = weighs[rule.id] {
                json.raw("weigh", cached)
            } else {
                let quoted = JSONWriter.quote(weigh)
                weighs[rule.id] = quoted
                json.raw("weigh", quoted)
            }
        }
        json.raw("citation", citation(rule, context))
        json.beginArray("evidence")
        for evidence in finding.evidence {
            json.beginObject()
            json.field("fact", evidence.fact)
            json.field("value", evidence.value)
            json.field("match", evidence.match)
            json.field("start", evidence.start)
            json.field("end", evidence.end)
            json.field("line", evidence.location?.line)
            json.field("column", evidence.location?.column)
            json.endObject()
        }
        json.endArray()
        if finding.status == .undetermined {
            json.beginArray("missing")
            for fact in finding.missing { json.value(fact) }
            json.endArray()
            json.beginObject("either")
            json.field("ifTrue", rule.verdict.rawValue)
            json.field("ifFalse", "none")
            json.endObject()
        }
        if context.explain, let explanation = finding.explanation { Self.write(explanation, key: "explanation", into: &json) }
        json.endObject()
    }

    static func write(_ node: ExplainNode, key: String?, into json: inout JSONWriter) {
        json.beginObject(key)
        json.field("condition", node.text)
        json.field("outcome", node.outcome.rawValue)
        if !node.children.isEmpty {
            json.beginArray("parts")
            for child in node.children { write(child, key: nil, into: &json) }
            json.endArray()
        }
        json.endObject()
    }

    static func write(_ diagnostic: Diagnostic, key: String?, into json: inout JSONWriter) {
        json.beginObject(key)
        json.field("code", diagnostic.code)
        json.field("message", diagnostic.message)
        json.field("hint", diagnostic.hint)
        json.field("file", diagnostic.location?.file)
        json.field("line", diagnostic.location?.line)
        json.field("column", diagnostic.location?.column)
        json.endObject()
    }

    public mutating func finish(_ summary: Summary, _ context: ReportContext) -> String { "" }
}
