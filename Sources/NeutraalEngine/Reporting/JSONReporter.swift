/// JSON Lines: one object per description, in input order, as documented in the README
/// (`id`, `source`, `verdict`, `findings` with `rule`, `verdict`, `status`, `message`, `citation`,
/// `evidence`; an `error` object in place of a description that could not be read).
///
/// The text is written as bytes; what is the same for every finding of a rule (its head, citation, what to
/// weigh, and the message where it quotes no fact) is rendered once per rule and copied after that.
public struct JSONReporter: Reporter, Sendable {
    /// Fragments rendered once per rule, by rule index.
    private final class RuleFragments: Sendable {
        /// `{"rule":…,"title":…,"verdict":…`
        let head: [UInt8]
        /// `,"message":…` when the message quotes no fact.
        let fixedMessage: [UInt8]?
        /// `[,"weigh":…],"citation":{…},"evidence":[`
        let tail: [UInt8]
        /// head, `"status":"fired"`, the fixed message and the tail, when the message quotes no fact.
        let firedPrefix: [UInt8]?
        /// The message split at its placeholders, when it quotes facts.
        let template: MessageTemplate?

        init(head: [UInt8], fixedMessage: [UInt8]?, tail: [UInt8], firedPrefix: [UInt8]?, template: MessageTemplate?) {
            self.head = head
            self.fixedMessage = fixedMessage
            self.tail = tail
            self.firedPrefix = firedPrefix
            self.template = template
        }
    }

    /// Text rendered once, read through a pointer (which takes no reference count); `owner` keeps it.
    private struct Kept: @unchecked Sendable {
        private let owner: RenderedBytes?
        let bytes: UnsafeBufferPointer<UInt8>

        init() {
            owner = nil
            bytes = UnsafeBufferPointer(start: nil, count: 0)
        }

        init(_ rendered: RenderedBytes) {
            owner = rendered
            bytes = rendered.buffer
        }
    }

    private var fragments: [RuleFragments?] = []
    /// The texts of the rule set's fact paths and case names, made for the first evidence written; also
    /// held as `lentEvidenceTexts`, through which each finding's evidence reads them without counting.
    private var evidenceTexts: EvidenceTexts?
    private var lentEvidenceTexts: Unmanaged<EvidenceTexts>?
    /// The source the quoted path in `sourceMembers` is of, held so that it is compared by identity: the path
    /// is one string shared by every worker thread, whose count each comparison would pass from core to core.
    private var quotedSourceOwner: SourceText?
    /// `,"source":` with the quoted path of `quotedSourceOwner`.
    private var sourceMembers = Kept()
    /// The line of the last description written, with its keys (see `JSONBytes.RenderedLine`), for its evidence.
    private var recentLine = JSONBytes.RenderedLine()
    /// The rule set version the next two hold the quoted text of (empty before the first description).
    private var versionText = ""
    /// `,"dated":true,"rulesetVersion":` and the quoted version.
    private var datedVersion = Kept()
    /// `,"dated":false,"rulesetVersion":` and the quoted version.
    private var undatedVersion = Kept()
    /// Dates written lately, by day number modulo 256 (records of a batch share a few hundred days).
    private var recentDates = [JSONBytes.RenderedDate?](repeating: nil, count: 256)
    /// The derived facts shown last (`,"context":{…}`, rendered), and the facts they are: records of a batch
    /// mostly show the same few (the election period of their date), which are then copied, not escaped again.
    private var recentContext: [(field: String, value: String)] = []
    private var renderedContext: [UInt8] = []
    /// The context given to `init(preparedFor:)`, lent by its address to `add(_:into:)`.
    private var preparedContext: LentContext?
    /// Evidence texts quoted lately (see `QuotedTexts`), made for the first finding written, and again whenever
    /// another copy of the reporter holds them; also held as `lentQuotedTexts`, read without counting.
    private var quotedTexts: QuotedTexts?
    private var lentQuotedTexts: Unmanaged<QuotedTexts>?

    public init() {}

    /// A reporter with the fragments of every rule rendered already, to be copied for each unit of work
    /// (copies share the fragments).
    public init(preparedFor context: ReportContext) {
        withUnsafePointer(to: context) { context in
            for rule in context.pointee.ruleSet.rules { _ = ruleFragments(rule, context) }
        }
        keep(EvidenceTexts(context.ruleSet))
        preparedContext = LentContext(context)
    }

    /// Keeps the texts evidence is written with, and lends them.
    private mutating func keep(_ texts: EvidenceTexts) {
        evidenceTexts = texts
        lentEvidenceTexts = Unmanaged.passUnretained(texts)
    }

    public mutating func begin(_ context: ReportContext) -> String { "" }

    public mutating func add(_ item: ReportItem, _ context: ReportContext) -> String {
        var json = JSONBytes()
        add(item, context, into: &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// Appends the line of one item (with its line end) to `json`.
    public mutating func add(_ item: ReportItem, _ context: ReportContext, into json: inout JSONBytes) {
        withUnsafePointer(to: context) { add(item, lent: $0, into: &json) }
    }

    /// Appends the line of one item (with its line end) to `json`, in the context the reporter was prepared
    /// for (`init(preparedFor:)`): what a worker's renderer calls for each record, the context lent where it
    /// lies rather than copied aside for the call (see `LentContext`). Not compiled into the batch's loop, which
    /// calls it directly (see `render(_:into:)`): compiled there, the writer's helpers were left as calls.
    @inline(never)
    public mutating func add(_ item: ReportItem, into json: inout JSONBytes) {
        // only the address read out (taking the whole value would count a reference to its room)
        guard let address = preparedContext?.address else {
            preconditionFailure("JSONReporter.add(_:into:) needs a reporter made with init(preparedFor:)")
        }
        add(item, lent: address, into: &json)
    }

    /// `add(_:_:into:)` with the context read where it lies. Compiled into both `add`s, so that a worker's record
    /// costs one call from its renderer, not two.
    @inline(__always)
    private mutating func add(_ item: ReportItem, lent context: UnsafePointer<ReportContext>, into json: inout JSONBytes) {
        switch item {
        case .failed(let source, let id, let diagnostics):
            json.raw("{\"id\":")
            json.quoted(id)
            json.raw(",\"source\":")
            json.quoted(source)
            if let first = diagnostics.first {
                json.raw(",\"error\":")
                Self.write(first, into: &json)
            }
            json.raw(",\"errors\":[")
            for (index, diagnostic) in diagnostics.enumerated() {
                if index > 0 { json.raw(",") }
                Self.write(diagnostic, into: &json)
            }
            json.raw("]}\n")
        case .evaluated(let evaluation):
            write(evaluation, context, into: &json)
        }
    }

    /// Writes the line of a judged description. Compiled into `add(_:lent:into:)`: called, the evaluation was
    /// copied out of the item into room of its own for the call, and the call made, once a record.
    @inline(__always)
    private mutating func write(_ evaluation: Evaluation, _ context: UnsafePointer<ReportContext>, into json: inout JSONBytes) {
        let description = evaluation.description
        // the line and column only: a location would count a reference to the file's path
        let location = description.place
        // written from its bytes where they are: the id read from a record is never made a string; a short one
        // that needs no escape (as most are) with the member's start in room made once
        description.withIDBytes { id in
            if JSONBytes.isShortPlainASCII(id) {
                var out = json.cursor(reserving: 24)
                out.put("{\"id\":\"")
                out.put(id)
                out.put(UInt8(ascii: "\""))
                json.commit(out)
            } else {
                json.raw("{\"id\":")
                json.quoted(utf8: id)
            }
        }
        if quotedSourceOwner !== description.source {
            quotedSourceOwner = description.source
            var members = JSONBytes()
            members.raw(",\"source\":")
            members.quoted(description.source.path)
            sourceMembers = Kept(members.take())
        }
        if datedVersion.bytes.isEmpty || versionText != context.pointee.ruleSet.version {
            versionText = context.pointee.ruleSet.version
            var dated = JSONBytes(), undated = JSONBytes()
            dated.raw(",\"dated\":true,\"rulesetVersion\":")
            dated.quoted(versionText)
            undated.raw(",\"dated\":false,\"rulesetVersion\":")
            undated.quoted(versionText)
            datedVersion = Kept(dated.take())
            undatedVersion = Kept(undated.take())
        }
        let date = renderedDate(evaluation.day)
        if let date, location.line >= 0, location.column >= 0 {
            // the members from the source to the version in room made once (the derived facts are read only
            // after it: read before, their array would be retained across it)
            let source = sourceMembers.bytes, version = evaluation.dated ? datedVersion.bytes : undatedVersion.bytes
            recentLine.set(location.line)
            // the keys of the line and column 18 bytes, the verdict's member and the date's key at most 31, the
            // date 12, the findings' key 13
            var out = json.cursor(reserving: source.count + version.count + 2 * JSONBytes.longestInteger + 74)
            out.put(source)
            Self.putLine(location.line, recentLine, into: &out)
            out.putCount(location.column)
            switch evaluation.verdict {
            case .allowed: out.put(",\"verdict\":\"allowed\",\"date\":")
            case .advisory: out.put(",\"verdict\":\"advisory\",\"date\":")
            case .judgement: out.put(",\"verdict\":\"judgement\",\"date\":")
            case .violation: out.put(",\"verdict\":\"violation\",\"date\":")
            }
            out.put(date)
            out.put(version)
            // most records have no context, no rules out of force and no problems: their findings open here
            if evaluation.context.isEmpty, evaluation.notInForce.isEmpty, evaluation.problems.isEmpty {
                out.put(",\"findings\":[")
                json.commit(out)
                writeFindings(of: evaluation, context, into: &json)
                return
            }
            json.commit(out)
        } else {
            json.raw(sourceMembers.bytes)
            json.raw(",\"line\":")
            json.integer(location.line)
            json.raw(",\"column\":")
            json.integer(location.column)
            json.raw(",\"verdict\":")
            Self.writeVerdict(evaluation.verdict, into: &json)
            json.raw(",\"date\":")
            if let date { json.raw(date) } else { json.quotedDate(evaluation.day) }
            json.raw(evaluation.dated ? datedVersion.bytes : undatedVersion.bytes)
        }
        if !evaluation.context.isEmpty {
            if !Self.same(evaluation.context, recentContext) {
                var rendered = JSONBytes(capacity: 64)
                rendered.raw(",\"context\":{")
                for (index, (field, value)) in evaluation.context.enumerated() {
                    if index > 0 { rendered.raw(",") }
                    rendered.quoted(field)
                    rendered.raw(":")
                    rendered.quoted(value)
                }
                rendered.raw("}")
                recentContext = evaluation.context
                renderedContext = rendered.bytes
            }
            json.raw(renderedContext)
        }
        if !evaluation.notInForce.isEmpty {
            // the rules of the description's kind that did not hold on its date, which were therefore not applied
            json.raw(",\"notInForce\":[")
            for (index, id) in evaluation.notInForce.enumerated() {
                if index > 0 { json.raw(",") }
                json.quoted(id)
            }
            json.raw("]")
        }
        if !evaluation.problems.isEmpty {
            json.raw(",\"errors\":[")
            for (index, problem) in evaluation.problems.enumerated() {
                if index > 0 { json.raw(",") }
                Self.write(problem, into: &json)
            }
            json.raw("]")
        }
        json.raw(",\"findings\":[")
        writeFindings(of: evaluation, context, into: &json)
    }

    /// The findings of `evaluation` after `"findings":[`, and the end of the record's line.
    @inline(__always)
    private mutating func writeFindings(of evaluation: Evaluation, _ context: UnsafePointer<ReportContext>, into json: inout JSONBytes) {
        var first = true
        // through pointers into the array: each finding read in place, not copied
        evaluation.findings.withUnsafeBufferPointer { findings in
            guard let start = findings.baseAddress else { return }
            for finding in start..<start + findings.count {
                if case .silent = finding.pointee.status, !context.pointee.explain { continue }
                if !first { json.raw(",") }
                first = false
                write(finding, evaluation, context, into: &json)
            }
        }
        json.raw("]}\n")
    }

    /// A day's quoted date, copied from `recentDates` when it was made lately (nil for a year that is not
    /// four digits). The look-up is compiled into the record's writing; the making, for a day not seen lately,
    /// is not.
    @inline(__always)
    private mutating func renderedDate(_ day: Int32) -> JSONBytes.RenderedDate? {
        let slot = Int(day & 255)
        if let recent = recentDates[slot], recent.dayNumber == day { return recent }
        return renderDate(day, slot: slot)
    }

    /// `renderedDate` for a day not in `recentDates`: made, and kept in `slot`.
    @inline(never)
    private mutating func renderDate(_ day: Int32, slot: Int) -> JSONBytes.RenderedDate? {
        guard let rendered = JSONBytes.RenderedDate(day) else { return nil }
        recentDates[slot] = rendered
        return rendered
    }

    /// Whether two lists of derived facts are the same, field by field and value by value.
    private static func same(_ a: [(field: String, value: String)], _ b: [(field: String, value: String)]) -> Bool {
        guard a.count == b.count else { return false }
        for index in a.indices where a[index].field != b[index].field || a[index].value != b[index].value { return false }
        return true
    }

    /// Writes a verdict's word, quoted, from a literal (an array shared by the worker threads would have its
    /// count passed from core to core).
    private static func writeVerdict(_ verdict: Verdict, into json: inout JSONBytes) {
        switch verdict {
        case .allowed: json.raw("\"allowed\"")
        case .advisory: json.raw("\"advisory\"")
        case .judgement: json.raw("\"judgement\"")
        case .violation: json.raw("\"violation\"")
        }
    }

    /// The fragments of `rule`, made on first use and kept in `fragments`, which holds them (the result is
    /// unretained). The look-up is compiled into each finding's writing; the making, once per rule, is not.
    @inline(__always)
    private mutating func ruleFragments(_ rule: Rule, _ context: UnsafePointer<ReportContext>) -> Unmanaged<RuleFragments> {
        if rule.index >= 0, rule.index < fragments.count, let cached = fragments[rule.index] { return Unmanaged.passUnretained(cached) }
        return makeFragments(rule, context.pointee)
    }

    /// `ruleFragments` for a rule whose fragments are not made yet.
    @inline(never)
    private mutating func makeFragments(_ rule: Rule, _ context: ReportContext) -> Unmanaged<RuleFragments> {
        var head = JSONBytes()
        head.raw("{\"rule\":")
        head.quoted(rule.id)
        head.raw(",\"title\":")
        head.quoted(rule.title)
        head.raw(",\"verdict\":")
        head.quoted(rule.verdict.rawValue)
        var tail = JSONBytes()
        if rule.verdict == .judgement, let weigh = rule.weigh(context.language) {
            tail.raw(",\"weigh\":")
            tail.quoted(weigh)
        }
        tail.raw(",\"citation\":")
        Self.writeCitation(rule, context, into: &tail)
        tail.raw(",\"evidence\":[")
        var fixedMessage: [UInt8]?
        var firedPrefix: [UInt8]?
        let template = rule.message(context.language)
        if !template.utf8.contains(UInt8(ascii: "{")) {
            var message = JSONBytes()
            message.raw(",\"message\":")
            message.quoted(template)
            fixedMessage = message.bytes
            firedPrefix = head.bytes + Array(",\"status\":\"fired\"".utf8) + message.bytes + tail.bytes
        }
        let made = RuleFragments(head: head.bytes, fixedMessage: fixedMessage, tail: tail.bytes, firedPrefix: firedPrefix,
                                 template: fixedMessage == nil ? MessageTemplate(template, vocabulary: context.ruleSet.vocabulary) : nil)
        let needed = max(context.ruleSet.rules.count, rule.index + 1)
        if fragments.count < needed { fragments += Array(repeating: nil, count: needed - fragments.count) }
        fragments[rule.index] = made
        return Unmanaged.passUnretained(made)
    }

    /// The rule's citation as a JSON object, written into `json`: the source, its document, date,
    /// identifier and address (and the document that quotes it) when the rule set has it, and the locator.
    /// Every text goes through `JSONBytes.quoted(_:)`, as through `JSONWriter`, which writes a text as it is
    /// only when it holds none of the bytes that `JSONBytes` escapes.
    static func writeCitation(_ rule: Rule, _ context: ReportContext, into json: inout JSONBytes) {
        json.raw("{\"source\":")
        json.quoted(rule.citation.sourceID)
        if let source = context.ruleSet.sources[rule.citation.sourceID] {
            json.raw(",\"document\":")
            json.quoted(source.title)
            json.raw(",\"date\":")
            json.quoted(source.date)
            if let identifier = source.identifier {
                json.raw(",\"identifier\":")
                json.quoted(identifier)
            }
            if let url = source.url {
                json.raw(",\"url\":")
                json.quoted(url)
            }
            if let quoted = source.quotedIn, let outer = context.ruleSet.sources[quoted] {
                json.raw(",\"quotedIn\":")
                json.quoted(outer.title)
                json.raw(",\"quotedInDate\":")
                json.quoted(outer.date)
            }
        }
        json.raw(",\"locator\":")
        json.quoted(rule.citation.locator)
        json.raw("}")
    }

    /// Writes one finding, read where it is stored (through a pointer, so that it is not copied with its
    /// rule, evidence and explanation for the call).
    private mutating func write(_ finding: UnsafePointer<Finding>, _ evaluation: Evaluation, _ context: UnsafePointer<ReportContext>,
                                into json: inout JSONBytes) {
        // the rule and its fragments lent, not counted: the finding holds the rule, the cache the fragments
        Unmanaged.passUnretained(finding.pointee.rule)._withUnsafeGuaranteedRef { rule in
            ruleFragments(rule, context)._withUnsafeGuaranteedRef { parts in
                write(finding, rule, parts, evaluation, context, into: &json)
            }
        }
    }

    /// Writes one finding of `rule`, with the rule's fragments.
    private mutating func write(_ finding: UnsafePointer<Finding>, _ rule: Rule, _ parts: RuleFragments, _ evaluation: Evaluation,
                                _ context: UnsafePointer<ReportContext>, into json: inout JSONBytes) {
        if case .fired = finding.pointee.status, let prefix = parts.firedPrefix {
            json.raw(prefix)
        } else {
            json.raw(parts.head)
            Self.writeStatus(finding.pointee.status, into: &json)
            if case .overridden(let by) = finding.pointee.status {
                json.raw(",\"overriddenBy\":")
                json.quoted(by)
            }
            if case .waived(let waiver) = finding.pointee.status {
                json.raw(",\"waiver\":{")
                var fields: [(StaticString, String)] = []
                if let reason = waiver.reason { fields.append(("\"reason\":", reason)) }
                if let approver = waiver.approvedBy { fields.append(("\"approvedBy\":", approver)) }
                if let until = waiver.until { fields.append(("\"until\":", CivilDate.format(until))) }
                for (index, (key, value)) in fields.enumerated() {
                    if index > 0 { json.raw(",") }
                    json.raw(key)
                    json.quoted(value)
                }
                json.raw("}")
            }
            if let fixed = parts.fixedMessage {
                json.raw(fixed)
            } else if let template = parts.template {
                template.write(finding.pointee, evaluation, lent: context, into: &json)
            } else {
                json.raw(",\"message\":")
                json.quoted(FactDisplay.message(finding.pointee, evaluation, context.pointee))
            }
            json.raw(parts.tail)
        }
        // the texts prepared for the rule set serve only evidence found by that very rule set
        if lentEvidenceTexts == nil { keep(EvidenceTexts(context.pointee.ruleSet)) }
        let texts = lentEvidenceTexts.flatMap { $0._withUnsafeGuaranteedRef { $0.serve(rule) } ? $0 : nil }
        // the evidence written from its numbers, read in place where the finding's store keeps them (the address
        // stays valid while the finding holds its store: the evaluation, which holds the finding, is the caller's for
        // the whole line, and nothing adds to the store while it is written). The loop is a closure, whose body, each
        // piece's writing, is compiled into it before the closure is compiled into this function (written as a loop
        // here, the piece's writing was left a call).
        let line = recentLine
        let kept = keptQuotes()
        let entries = finding.pointee.evidenceList.rooms.entries
        Self.forEachIndex(of: entries) { index in
            Self.write(entries[index], first: index == 0, finding, rule, texts, kept, line, into: &json)
        }
        // the evidence's closing bracket and the finding's brace written together where nothing comes between
        if finding.pointee.status != .undetermined, !context.pointee.explain {
            json.raw("]}")
            return
        }
        json.raw("]")
        if finding.pointee.status == .undetermined {
            json.raw(",\"missing\":[")
            for (index, fact) in finding.pointee.missing.enumerated() {
                if index > 0 { json.raw(",") }
                json.quoted(fact)
            }
            json.raw("],\"either\":{\"ifTrue\":")
            json.quoted(rule.verdict.rawValue)
            json.raw(",\"ifFalse\":\"none\"}")
        }
        if context.pointee.explain, let explanation = finding.pointee.explanation {
            json.raw(",\"explanation\":")
            Self.write(explanation, into: &json)
        }
        json.raw("}")
    }

    /// Calls `body` with each index of `entries`, in order.
    @inline(__always)
    private static func forEachIndex(of entries: UnsafeBufferPointer<EvidenceList.Entry>, _ body: (Int) -> Void) {
        for index in entries.indices { body(index) }
    }

    /// Writes a piece of evidence of `finding` (after a comma unless it is the first). The common piece, a
    /// path and a value from `texts` and a place in the input, is written in room made once for all of it;
    /// a place on `line` (the record's) with that line's members rendered before.
    @inline(__always)
    private static func write(_ entry: EvidenceList.Entry, first: Bool, _ finding: UnsafePointer<Finding>, _ rule: Rule,
                              _ texts: Unmanaged<EvidenceTexts>?, _ kept: Unmanaged<QuotedTexts>, _ line: JSONBytes.RenderedLine,
                              into json: inout JSONBytes) {
        if entry.factText < 0, entry.valueText < 0, entry.match < 0, entry.start < 0, entry.end < 0, entry.line > 0, entry.column >= 0,
           let texts, let fact = texts._withUnsafeGuaranteedRef({ $0.fact(entry.fact) }),
           let value = texts._withUnsafeGuaranteedRef({ $0.value(entry.value) }) {
            var out = json.cursor(reserving: 28 + fact.count + value.count + 2 * JSONBytes.longestInteger)
            out.put(first ? "{\"fact\":" : ",{\"fact\":")
            out.put(fact)
            out.put(value)
            putPlace(entry, line, closing: &out)
            json.commit(out)
            return
        }
        json.raw(first ? "{\"fact\":" : ",{\"fact\":")
        writeMembers(of: entry, finding, rule, texts, kept, line, into: &json)
    }

    /// Writes the line and column of a piece of evidence and its closing brace through `out`, whose room
    /// (19 bytes and two numbers, which is more than the 32 bytes `putLine` may store) the caller has made.
    @inline(__always)
    private static func putPlace(_ entry: EvidenceList.Entry, _ line: JSONBytes.RenderedLine, closing out: inout JSONBytes.Cursor) {
        putLine(entry.line, line, into: &out)
        out.putCount(entry.column)
        out.put(UInt8(ascii: "}"))
    }

    /// Writes `,"line":` with line number `number` and `,"column":` through `out` (room for 18 bytes and a
    /// number made, and at least 32): copied from `rendered` when it is that line's.
    @inline(__always)
    private static func putLine(_ number: Int, _ rendered: JSONBytes.RenderedLine, into out: inout JSONBytes.Cursor) {
        if number == rendered.line {
            out.put(rendered)
        } else {
            out.put(",\"line\":")
            out.putCount(number)
            out.put(",\"column\":")
        }
    }

    /// Writes the members of a piece of evidence of `finding` after `"fact":`, and the closing brace. Its
    /// path and value are copied from `texts` where its keys point there (or spelled from the rule's names
    /// for findings of another rule set); the texts without a key are read where the finding keeps them.
    private static func writeMembers(of entry: EvidenceList.Entry, _ finding: UnsafePointer<Finding>, _ rule: Rule,
                                     _ texts: Unmanaged<EvidenceTexts>?, _ kept: Unmanaged<QuotedTexts>, _ line: JSONBytes.RenderedLine,
                                     into json: inout JSONBytes) {
        if entry.factText >= 0 {
            quotedText(entry.factText, of: finding, kept, into: &json)
        } else if let fact = texts?._withUnsafeGuaranteedRef({ $0.fact(entry.fact) }) {
            json.raw(fact)
        } else {
            json.quoted(rule.evidenceNames.fact(entry.fact) ?? "?")
        }
        if entry.valueText >= 0 {
            json.raw(",\"value\":")
            quotedText(entry.valueText, of: finding, kept, into: &json)
        } else if let value = texts?._withUnsafeGuaranteedRef({ $0.value(entry.value) }) {
            json.raw(value)
        } else if entry.value == EvidenceKeys.trueValue {
            json.raw(",\"value\":\"true\"")
        } else if entry.value == EvidenceKeys.falseValue {
            json.raw(",\"value\":\"false\"")
        } else if let name = rule.evidenceNames.value(entry.value) {
            json.raw(",\"value\":")
            json.quoted(name)
        }
        if entry.match >= 0 {
            json.raw(",\"match\":")
            quotedText(entry.match, of: finding, kept, into: &json)
        }
        if entry.start >= 0 {
            json.raw(",\"start\":")
            json.integer(entry.start)
        }
        if entry.end >= 0 {
            json.raw(",\"end\":")
            json.integer(entry.end)
        }
        if entry.line > 0, entry.column >= 0 {
            // the place and the closing brace in room made once, as for the common piece
            var out = json.cursor(reserving: 19 + 2 * JSONBytes.longestInteger)
            putPlace(entry, line, closing: &out)
            json.commit(out)
            return
        }
        if entry.line > 0 {
            json.raw(",\"line\":")
            json.integer(entry.line)
            json.raw(",\"column\":")
            json.integer(entry.column)
        }
        json.raw("}")
    }

    /// The table of quoted evidence texts, lent: made when there is none, or when another copy of the reporter
    /// holds it (a table is written by one reporter only, see `QuotedTexts`).
    @inline(__always)
    private mutating func keptQuotes() -> Unmanaged<QuotedTexts> {
        if let lent = lentQuotedTexts, isKnownUniquelyReferenced(&quotedTexts) { return lent }
        return makeQuotedTexts()
    }

    @inline(never)
    private mutating func makeQuotedTexts() -> Unmanaged<QuotedTexts> {
        let made = QuotedTexts()
        quotedTexts = made
        lentQuotedTexts = Unmanaged.passUnretained(made)
        return Unmanaged.passUnretained(made)
    }

    /// Appends the evidence text at `index` of `finding` quoted, copied from `kept` when it holds its rendering:
    /// only the string's words read for the look-up (the string itself, copied out of the list, would be
    /// counted).
    @inline(__always)
    private static func quotedText(_ index: Int32, of finding: UnsafePointer<Finding>, _ kept: Unmanaged<QuotedTexts>,
                                   into json: inout JSONBytes) {
        let words = QuotedTexts.words(finding.pointee.evidenceList.keptText(index))
        if kept._withUnsafeGuaranteedRef({ $0.append(words, into: &json) }) { return }
        kept._withUnsafeGuaranteedRef { $0.quoteAndKeep(finding.pointee.evidenceList.keptText(index), into: &json) }
    }

    /// Writes `,"status":` and the word of a status, from literals.
    private static func writeStatus(_ status: Finding.Status, into json: inout JSONBytes) {
        switch status {
        case .fired: json.raw(",\"status\":\"fired\"")
        case .overridden: json.raw(",\"status\":\"overridden\"")
        case .undetermined: json.raw(",\"status\":\"undetermined\"")
        case .silent: json.raw(",\"status\":\"silent\"")
        case .waived: json.raw(",\"status\":\"waived\"")
        case .baselined: json.raw(",\"status\":\"baselined\"")
        }
    }

    static func write(_ node: ExplainNode, into json: inout JSONBytes) {
        json.raw("{\"condition\":")
        json.quoted(node.text)
        json.raw(",\"outcome\":")
        json.quoted(node.outcome.rawValue)
        if !node.children.isEmpty {
            json.raw(",\"parts\":[")
            for (index, child) in node.children.enumerated() {
                if index > 0 { json.raw(",") }
                write(child, into: &json)
            }
            json.raw("]")
        }
        json.raw("}")
    }

    static func write(_ diagnostic: Diagnostic, into json: inout JSONBytes) {
        json.raw("{\"code\":")
        json.quoted(diagnostic.code)
        json.raw(",\"message\":")
        json.quoted(diagnostic.message)
        json.member(",\"hint\":", diagnostic.hint)
        json.member(",\"file\":", diagnostic.location?.file)
        json.member(",\"line\":", diagnostic.location?.line)
        json.member(",\"column\":", diagnostic.location?.column)
        json.raw("}")
    }

    public mutating func finish(_ summary: Summary, _ context: ReportContext) -> String { "" }
}
