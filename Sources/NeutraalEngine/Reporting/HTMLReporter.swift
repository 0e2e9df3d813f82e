/// One self-contained HTML5 page for people: totals per verdict, bar charts per rule, per source document
/// and per month (election periods shaded), and every finding with its evidence highlighted in the text.
///
/// The page needs no network: CSS, SVG and a short script are inline. Findings are written as the run goes,
/// as JSON in a `<script type="application/json">` block (escaped with `JSONWriter.quote`, so description
/// text can never close the block); the script shows them a page of ``pageSize`` rows at a time and filters
/// them by verdict and rule, also from the address (`report.html#verdict=violation&rule=SOCIAL-HYB-04`).
/// Findings of rules that conclude `allowed` (which rule says the help is permitted) are in the data too,
/// counted apart and left out of the charts; the table shows them when the verdict filter or a rule asks
/// for them (`#verdict=allowed`, `#verdict=all`), so that they do not drown the findings to act on.
/// Without script, the page shows the findings grouped by verdict and rule in `<details>` sections, at most
/// ``staticRowsPerGroup`` per rule. The reporter keeps only counts and those few rows, so memory stays
/// small however large the batch.
public struct HTMLReporter: Reporter {
    /// Rows the table shows at a time.
    public static let pageSize = 200
    /// Rows per verdict and rule in the part of the page that works without script.
    public static let staticRowsPerGroup = 20
    /// The longest text (in Unicode scalars) kept per description; longer texts are cut around the evidence.
    static let textLimit = 2000

    /// One row of the findings table.
    struct Row {
        let category: HTMLCategory
        let rule: String
        /// Start and end of each highlighted stretch of the text, in Unicode scalars.
        let marks: [(Int, Int)]
        /// Evidence that is not a stretch of the text, and notes (missing facts, exceptions, waivers).
        let notes: [String]
    }

    /// A verdict (or status) and a rule: one group of the part of the page without script.
    struct GroupKey: Hashable {
        let category: HTMLCategory
        let rule: String
    }

    private var firstEntry = true
    /// Rows per category.
    private(set) var categoryCounts = [Int](repeating: 0, count: HTMLCategory.allCases.count)
    /// Findings per rule id, per source id and per month (`year * 12 + month - 1`), each per category.
    private(set) var byRule: [String: [Int]] = [:]
    private(set) var bySource: [String: [Int]] = [:]
    private(set) var byMonth: [Int: [Int]] = [:]
    /// Findings of undated descriptions (not in the chart over time).
    private(set) var undated = 0
    /// Descriptions that could not be read.
    private(set) var unreadable = 0
    private(set) var staticRows: [GroupKey: [String]] = [:]
    private(set) var staticCounts: [GroupKey: Int] = [:]

    public init() {}

    // MARK: Reporter

    public mutating func begin(_ context: ReportContext) -> String {
        let nl = context.language == .dutch
        var page = HTMLPage.head(title: nl ? "Neutraal: rapport" : "Neutraal: report", language: context.language)
        page += "<script type=\"application/json\" id=\"neutraal-config\">" + Self.config(context) + "</script>\n"
        page += "<script type=\"application/json\" id=\"neutraal-data\">[\n"
        return page
    }

    public mutating func add(_ item: ReportItem, _ context: ReportContext) -> String {
        switch item {
        case .failed(let source, let id, let diagnostics):
            unreadable += 1
            let rows = diagnostics.map { Row(category: .error, rule: $0.code, marks: [], notes: [Self.describe($0, fallback: source)]) }
            return entry(id: id, place: source, day: nil, text: nil, rows: rows, context)
        case .evaluated(let evaluation):
            let description = evaluation.description
            let vocabulary = context.ruleSet.vocabulary
            var text: String?
            if let slot = vocabulary.textSlot, case .string(let value)? = description.record.values[slot] { text = value }
            let scalarCount = text?.unicodeScalars.count ?? 0
            var rows: [Row] = []
            var textFact: String?
            for finding in evaluation.findings {
                guard let category = HTMLCategory(finding) else { continue }
                var marks: [(Int, Int)] = []
                var notes: [String] = []
                for evidence in finding.evidence {
                    if let start = evidence.start, let end = evidence.end, text != nil, vocabulary.textSlot != nil,
                       vocabulary.root.slotByPath[evidence.fact] == vocabulary.textSlot, start >= 0, start <= end, end <= scalarCount {
                        marks.append((start, end))
                        textFact = evidence.fact
                    } else {
                        let note = evidence.match.map { "\(evidence.fact): «\($0)»" } ?? "\(evidence.fact) = \(evidence.value ?? "")"
                        if !notes.contains(note) { notes.append(note) }
                    }
                }
                notes += Self.statusNotes(finding, context.language)
                rows.append(Row(category: category, rule: finding.rule.id, marks: marks, notes: notes))
                // the charts show what to look at: findings that permit the help are left out of them
                if category != .allowed { count(category, rule: finding.rule, day: evaluation.dated ? evaluation.day : nil) }
            }
            for problem in evaluation.problems {
                rows.append(Row(category: .error, rule: problem.code, marks: [], notes: [Self.describe(problem, fallback: description.source.path)]))
            }
            guard !rows.isEmpty else { return "" }
            return entry(id: description.id, place: description.location.description, day: evaluation.dated ? evaluation.day : nil,
                         text: text, textFact: textFact, rows: rows, context)
        }
    }

    public mutating func finish(_ summary: Summary, _ context: ReportContext) -> String {
        let nl = context.language == .dutch
        var page = "]</script>\n"
        page += "<header class=\"page\"><h1>" + (nl ? "Neutraal: rapport" : "Neutraal: report") + "</h1>\n<p>"
        let checked = summary.descriptions + unreadable
        page += nl ? Plural.count(checked, "beschrijving", "beschrijvingen") + " gecontroleerd · regelset "
                   : Plural.count(checked, "description") + " checked · rule set "
        page += "<code>\(XMLEscape.text(Self.shortVersion(context.ruleSet.version)))</code></p></header>\n<main>\n"
        page += totals(summary, context)
        page += charts(context)
        page += findingsSection(context)
        page += "</main>\n<footer class=\"page\">"
        page += nl ? "Gemaakt door neutraal. Dit bestand is op zichzelf staand: het laadt niets van het netwerk. Regelset "
                   : "Made by neutraal. This file is self-contained: it loads nothing from the network. Rule set "
        page += "<code>\(XMLEscape.text(context.ruleSet.version))</code>.</footer>\n"
        page += "<script>\n" + Self.script + "</script>\n"
        return page + HTMLPage.tail
    }

    // MARK: Data

    /// The page's settings for the script: language, page size, labels and the rules' titles and citations.
    static func config(_ context: ReportContext) -> String {
        let nl = context.language == .dutch
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("lang", context.language.rawValue)
        writer.field("pageSize", pageSize)
        writer.beginObject("labels")
        for category in HTMLCategory.allCases { writer.field(category.rawValue, category.word(context.language)) }
        writer.endObject()
        writer.beginObject("ui")
        writer.field("showing", nl ? "{from}–{to} van {total} bevindingen" : "{from}–{to} of {total} findings")
        writer.field("none", nl ? "Geen bevindingen bij dit filter." : "No findings match this filter.")
        writer.field("allowedHidden", nl ? "{count} bevindingen ‘toegestaan’ niet getoond: kies dat oordeel, of ‘alle, ook toegestaan’."
                                         : "{count} ‘allowed’ findings not shown: choose that verdict, or ‘all, also allowed’.")
        writer.field("everything", nl ? "alle, ook toegestaan" : "all, also allowed")
        writer.field("page", nl ? "pagina {page} van {pages}" : "page {page} of {pages}")
        writer.endObject()
        writer.beginObject("rules")
        for rule in context.ruleSet.rules {
            writer.beginArray(rule.id)
            writer.value(rule.title)
            writer.value(FactDisplay.citation(rule, context.ruleSet, context.language))
            writer.endArray()
        }
        writer.endObject()
        writer.endObject()
        return writer.output
    }

    /// One description in the data block, and its first rows in the part of the page without script.
    /// `textFact` names the fact the marks are in, for evidence that falls outside the excerpt shown.
    private mutating func entry(id: String, place: String, day: Int32?, text: String?, textFact: String? = nil, rows: [Row],
                                _ context: ReportContext) -> String {
        let (shown, shift) = Self.excerpt(text, marks: rows.flatMap(\.marks))
        let rows = Self.fitted(rows, to: text, fact: textFact ?? "text")
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("id", id)
        writer.field("at", place)
        writer.field("d", day.map(CivilDate.format))
        writer.field("t", shown)
        writer.beginArray("f")
        for row in rows {
            writer.beginObject()
            writer.field("v", row.category.rawValue)
            writer.field("r", row.rule)
            if !row.marks.isEmpty {
                writer.beginArray("m")
                for (start, end) in row.marks {
                    writer.raw(nil, String(start + shift))
                    writer.raw(nil, String(end + shift))
                }
                writer.endArray()
            }
            if !row.notes.isEmpty {
                writer.beginArray("n")
                for note in row.notes { writer.value(note) }
                writer.endArray()
            }
            writer.endObject()
            categoryCounts[row.category.index] += 1
            keepStaticRow(row, id: id, place: place, day: day, text: shown, shift: shift, context)
        }
        writer.endArray()
        writer.endObject()
        let separator = firstEntry ? "" : ",\n"
        firstEntry = false
        return separator + Self.scriptSafe(writer.output)
    }

    private mutating func count(_ category: HTMLCategory, rule: Rule, day: Int32?) {
        let index = category.index
        let width = HTMLCategory.allCases.count
        byRule[rule.id, default: [Int](repeating: 0, count: width)][index] += 1
        bySource[rule.citation.sourceID, default: [Int](repeating: 0, count: width)][index] += 1
        if let day {
            let (year, month, _) = CivilDate.civilFromDays(Int(day))
            byMonth[year * 12 + month - 1, default: [Int](repeating: 0, count: width)][index] += 1
        } else {
            undated += 1
        }
    }

    /// The text as HTML with the marked stretches in `<mark>`, every piece escaped.
    static func highlighted(_ text: String, marks: [(Int, Int)]) -> String {
        let scalars = Array(text.unicodeScalars)
        func piece(_ range: Range<Int>) -> String { XMLEscape.text(String(String.UnicodeScalarView(scalars[range]))) }
        var html = ""
        var position = 0
        for (start, end) in marks.sorted(by: { $0.0 < $1.0 }) {
            let from = max(start, position)
            let to = min(end, scalars.count)
            guard from < to else { continue }
            html += piece(position..<from) + "<mark>" + piece(from..<to) + "</mark>"
            position = to
        }
        return html + piece(position..<scalars.count)
    }

    private static func statusNotes(_ finding: Finding, _ language: Language) -> [String] {
        let nl = language == .dutch
        switch finding.status {
        case .overridden(let by):
            return [(nl ? "opzijgezet door " : "overridden by ") + by]
        case .undetermined:
            return finding.missing.isEmpty ? [] : [(nl ? "ontbreekt: " : "missing: ") + finding.missing.joined(separator: ", ")]
        case .waived(let waiver):
            var note = (nl ? "vrijgesteld: " : "waived: ") + (waiver.reason ?? "")
            if let approver = waiver.approvedBy { note += " (\(approver))" }
            if let until = waiver.until { note += (nl ? " tot " : " until ") + CivilDate.format(until) }
            return [note]
        case .baselined:
            return [nl ? "bekend en beoordeeld (baseline)" : "known and reviewed (baseline)"]
        case .fired, .silent:
            return []
        }
    }

    private static func describe(_ diagnostic: Diagnostic, fallback: String) -> String {
        (diagnostic.location?.description ?? fallback) + ": " + diagnostic.message + (diagnostic.hint.map { " (hint: \($0))" } ?? "")
    }

    /// `sha256:` and the first 12 hex digits.
    static func shortVersion(_ version: String) -> String {
        version.count > 19 ? String(version.prefix(19)) + "…" : version
    }

    // MARK: The part without script

    /// One row of the part without script; `place` (file:line:column) is shown under the id unless the id
    /// already says it (the file's name, or `file#3` for an unreadable record).
    private mutating func keepStaticRow(_ row: Row, id: String, place: String, day: Int32?, text: String?, shift: Int, _ context: ReportContext) {
        let key = GroupKey(category: row.category, rule: row.rule)
        staticCounts[key, default: 0] += 1
        guard (staticRows[key]?.count ?? 0) < Self.staticRowsPerGroup else { return }
        var html = "<tr><td>\(XMLEscape.text(id))" + (day.map { "<span class=\"sub\">\(CivilDate.format($0))</span>" } ?? "")
        if !place.hasPrefix(id + ":") && !id.hasPrefix(place) { html += "<span class=\"sub\">\(XMLEscape.text(place))</span>" }
        html += "</td>"
        let rule = context.ruleSet.rule(row.rule)
        html += "<td>\(XMLEscape.text(row.rule))" + (rule.map { "<span class=\"sub\">\(XMLEscape.text($0.title))</span>" } ?? "") + "</td>"
        html += "<td>" + (rule.map { XMLEscape.text(FactDisplay.citation($0, context.ruleSet, context.language)) } ?? "") + "</td><td>"
        if let text {
            html += "<div class=\"post\">" + Self.highlighted(text, marks: row.marks.map { ($0.0 + shift, $0.1 + shift) }) + "</div>"
        }
        if !row.notes.isEmpty {
            html += "<ul class=\"evidence\">" + row.notes.map { "<li>\(XMLEscape.text($0))</li>" }.joined() + "</ul>"
        }
        staticRows[key, default: []].append(html + "</td></tr>")
    }

    func staticFindings(_ context: ReportContext) -> String {
        let nl = context.language == .dutch
        let total = categoryCounts.reduce(0, +)
        var html = "<div id=\"static\">\n<p class=\"note\">"
        html += nl ? "Zonder JavaScript: klap een oordeel en daarin een regel open. Per regel staan hier hoogstens \(Self.staticRowsPerGroup) bevindingen; "
                     + "met JavaScript toont de tabel alle \(total) bevindingen, \(Self.pageSize) per pagina, met filters."
                   : "Without JavaScript: open a verdict and then a rule. At most \(Self.staticRowsPerGroup) findings per rule are listed here; "
                     + "with JavaScript the table shows all \(total) findings, \(Self.pageSize) per page, with filters."
        html += "</p>\n"
        // the cards link here too, so that they lead somewhere without script: each card's fragment is the id of
        // the first group it shows
        var targets = Verdict.allCases.filter { $0 != .allowed }.map(cardFragment) + ["verdict=error"]
        for category in HTMLCategory.allCases {
            let groups = staticCounts.filter { $0.key.category == category }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.rule < $1.key.rule }
            guard !groups.isEmpty else { continue }
            let sum = groups.map(\.value).reduce(0, +)
            var id = ""
            if let target = targets.firstIndex(where: { $0.dropFirst("verdict=".count).split(separator: ",").contains(Substring(category.rawValue)) }) {
                id = " id=\"\(targets.remove(at: target))\""
            }
            html += "<details class=\"c-\(category.rawValue)\"\(id)><summary><span class=\"badge\">\(XMLEscape.text(category.word(context.language)))</span> \(sum)</summary>\n"
            for (key, count) in groups {
                let title = context.ruleSet.rule(key.rule).map { ": " + XMLEscape.text($0.title) } ?? ""
                html += "<details><summary>\(XMLEscape.text(key.rule))\(title) (\(count))</summary>\n"
                html += "<table class=\"findings\"><colgroup><col class=\"id\"><col class=\"rule\"><col class=\"source\"><col class=\"text\"></colgroup>\n<thead><tr>"
                html += (nl ? ["beschrijving", "regel", "bron", "tekst en bewijs"] : ["description", "rule", "source", "text and evidence"]).map { "<th>\($0)</th>" }.joined()
                html += "</tr></thead>\n<tbody>\n" + (staticRows[key] ?? []).joined(separator: "\n") + "\n</tbody></table>\n"
                if count > Self.staticRowsPerGroup {
                    html += "<p class=\"note\">" + (nl ? "… en nog \(count - Self.staticRowsPerGroup)." : "… and \(count - Self.staticRowsPerGroup) more.") + "</p>\n"
                }
                html += "</details>\n"
            }
            html += "</details>\n"
        }
        if total == 0 { html += "<p>" + (nl ? "Geen bevindingen." : "No findings.") + "</p>\n" }
        return html + "</div>\n"
    }
}
