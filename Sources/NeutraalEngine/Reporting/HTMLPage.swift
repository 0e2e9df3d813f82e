/// The shell shared by the HTML report and the HTML rule catalog: one self-contained HTML5 page with
/// inline CSS, no network, no external scripts, fonts or images.
enum HTMLPage {
    /// `<!DOCTYPE html>` up to and including the opening `<body>`.
    static func head(title: String, language: Language) -> String {
        "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<meta name=\"generator\" content=\"neutraal\">\n"
            + "<title>\(XMLEscape.text(title))</title>\n<style>\n\(style)</style>\n</head>\n<body>\n"
    }

    /// The closing tags of the page.
    static let tail = "</body>\n</html>\n"

    /// A link target only when it is a web address; anything else (such as `javascript:`) is not a link.
    static func safeURL(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        return url
    }

    /// Colours per report category, readable on white and distinct for the common kinds of colour blindness.
    static let style = """
    :root { --ink: #1d2733; --muted: #5b6673; --line: #d8dee6; --soft: #f4f6f9; --accent: #154273;
      --violation: #b3261e; --judgement: #c26a00; --advisory: #1f6fb2; --undetermined: #6b8fb5;
      --overridden: #7a7f87; --waived: #7b4fa0; --baselined: #a3a9b1; --error: #3a3a3a; --allowed: #2e7d32; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      color: var(--ink); background: #fff; }
    header.page { background: var(--accent); color: #fff; padding: 20px 32px 16px; }
    header.page h1 { margin: 0 0 4px; font-size: 24px; font-weight: 700; letter-spacing: .01em; }
    header.page p { margin: 0; color: #dbe5f0; font-size: 13px; }
    header.page code { color: #fff; }
    main { max-width: 1280px; margin: 0 auto; padding: 8px 32px 40px; }
    h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
    h3 { font-size: 16px; margin: 18px 0 6px; }
    p.note, .note { color: var(--muted); font-size: 13px; }
    code, pre { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
    pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px;
      white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
    a { color: var(--accent); }
    .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0; }
    .card { flex: 1 1 150px; min-width: 140px; border: 1px solid var(--line); border-top: 5px solid var(--c, var(--accent));
      border-radius: 6px; padding: 10px 14px; text-decoration: none; color: inherit; background: #fff; }
    a.card:hover { background: var(--soft); }
    .card .n { display: block; font-size: 28px; font-weight: 700; font-variant-numeric: tabular-nums; }
    .card .l { color: var(--muted); font-size: 13px; }
    .c-violation { --c: var(--violation); } .c-judgement { --c: var(--judgement); } .c-advisory { --c: var(--advisory); }
    .c-undetermined { --c: var(--undetermined); } .c-overridden { --c: var(--overridden); } .c-waived { --c: var(--waived); }
    .c-baselined { --c: var(--baselined); } .c-error { --c: var(--error); } .c-allowed { --c: var(--allowed); }
    .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600;
      color: #fff; background: var(--c, var(--muted)); white-space: nowrap; }
    .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 32px; }
    .charts figure { margin: 0; min-width: 0; }
    .charts figure.wide { grid-column: 1 / -1; }
    figcaption { font-weight: 600; margin: 12px 0 6px; }
    svg.chart { width: 100%; height: auto; display: block; font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
    svg.chart .label { fill: var(--ink); } svg.chart .axis { fill: var(--muted); }
    svg.chart .grid { stroke: var(--line); stroke-width: 1; }
    svg.chart a:hover rect { opacity: .8; }
    .legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; color: var(--muted); margin: 6px 0 0; padding: 0; list-style: none; }
    .legend li::before { content: ""; display: inline-block; width: 10px; height: 10px; margin-right: 5px; border-radius: 2px;
      background: var(--c, var(--muted)); vertical-align: -1px; }
    .legend li.shade::before { background: #f1e3b6; border: 1px solid #d9c27e; }
    .filters { display: flex; flex-wrap: wrap; align-items: end; gap: 10px 18px; padding: 12px 14px; background: var(--soft);
      border: 1px solid var(--line); border-radius: 6px; }
    .filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: 2px; }
    .filters select, .filters button { font: inherit; font-size: 14px; padding: 4px 8px; border: 1px solid #b8c1cc;
      border-radius: 4px; background: #fff; color: var(--ink); }
    .filters select { max-width: 420px; }
    .filters button { cursor: pointer; }
    .pager { display: flex; align-items: center; gap: 10px; margin: 10px 0; font-size: 14px; }
    .pager button { font: inherit; padding: 3px 10px; border: 1px solid #b8c1cc; border-radius: 4px; background: #fff; cursor: pointer; }
    .pager button:disabled { color: #aab; cursor: default; }
    table.findings { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 14px; }
    table.findings th { text-align: left; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted);
      background: var(--soft); border-bottom: 2px solid var(--line); padding: 6px 8px; position: sticky; top: 0; }
    table.findings td { vertical-align: top; border-bottom: 1px solid var(--line); padding: 7px 8px; overflow-wrap: anywhere; }
    table.findings tbody tr:nth-child(even) td { background: #fafbfc; }
    table.findings col.id { width: 16%; } table.findings col.verdict { width: 10%; } table.findings col.rule { width: 15%; }
    table.findings col.source { width: 21%; } table.findings col.text { width: 38%; }
    table.findings td:nth-last-child(2) { font-size: 12.5px; color: #3d4753; }
    td .sub { display: block; color: var(--muted); font-size: 12px; }
    td .post { white-space: pre-wrap; }
    td ul.evidence { margin: 4px 0 0; padding-left: 16px; color: var(--muted); font-size: 12px; }
    mark { background: #ffe27a; color: inherit; padding: 0 1px; border-radius: 2px; box-shadow: 0 0 0 1px #e8c640; }
    details { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; padding: 0 10px; }
    details > summary { cursor: pointer; padding: 6px 0; font-weight: 600; }
    details details { margin-left: 4px; }
    details[open] > summary { border-bottom: 1px solid var(--line); margin-bottom: 6px; }
    nav.toc ol { columns: 2; column-gap: 32px; padding-left: 20px; }
    article.rule { border: 1px solid var(--line); border-left: 5px solid var(--c, var(--accent)); border-radius: 6px;
      padding: 4px 16px 10px; margin: 14px 0; }
    article.rule h3 { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px; }
    article.rule dl { display: grid; grid-template-columns: 150px 1fr; gap: 4px 14px; margin: 6px 0 0; }
    article.rule dt { color: var(--muted); font-size: 13px; }
    article.rule dd { margin: 0; }
    article.rule dd blockquote { margin: 0; font-style: italic; }
    article.rule ul.examples { margin: 0; padding-left: 18px; }
    blockquote { margin: 6px 0 10px; padding: 4px 12px; border-left: 3px solid var(--line); color: var(--muted); }
    footer.page { max-width: 1280px; margin: 0 auto; padding: 12px 32px 32px; color: var(--muted); font-size: 12px;
      border-top: 1px solid var(--line); }
    @media (max-width: 900px) { .charts { grid-template-columns: 1fr; } main { padding: 8px 14px 32px; }
      article.rule dl { grid-template-columns: 1fr; } nav.toc ol { columns: 1; } }
    @media print { .filters, .pager { display: none; } table.findings th { position: static; } }

    """
}

/// What a row of the HTML report stands for: a standing verdict, a status that keeps a finding from
/// counting, a description that could not be read, or a rule that says the help is permitted (`allowed`,
/// last: informative, shown in the table when asked for).
enum HTMLCategory: String, CaseIterable, Sendable {
    case violation
    case judgement
    case advisory
    case undetermined
    case overridden
    case waived
    case baselined
    case error
    case allowed

    /// The category of a finding, or nil for findings a report does not show (silent ones).
    init?(_ finding: Finding) {
        switch finding.status {
        case .silent: return nil
        case .fired:
            switch finding.rule.verdict {
            case .allowed: self = .allowed
            case .advisory: self = .advisory
            case .judgement: self = .judgement
            case .violation: self = .violation
            }
        case .undetermined: self = .undetermined
        case .overridden: self = .overridden
        case .waived: self = .waived
        case .baselined: self = .baselined
        }
    }

    /// The word in a language.
    func word(_ language: Language) -> String {
        let nl = language == .dutch
        switch self {
        case .violation: return Verdict.violation.word(language)
        case .judgement: return Verdict.judgement.word(language)
        case .advisory: return Verdict.advisory.word(language)
        case .undetermined: return nl ? "onbepaald (telt als let op)" : "undetermined (counts as advisory)"
        case .overridden: return nl ? "opzijgezet door uitzondering" : "overridden by an exception"
        case .waived: return nl ? "vrijgesteld" : "waived"
        case .baselined: return nl ? "in de baseline" : "baselined"
        case .error: return nl ? "onleesbaar of fout" : "unreadable or error"
        case .allowed: return Verdict.allowed.word(language)
        }
    }

    /// The colour (the same as the CSS variable of the category, for SVG fills).
    var color: String {
        switch self {
        case .violation: return "#b3261e"
        case .judgement: return "#c26a00"
        case .advisory: return "#1f6fb2"
        case .undetermined: return "#6b8fb5"
        case .overridden: return "#7a7f87"
        case .waived: return "#7b4fa0"
        case .baselined: return "#a3a9b1"
        case .error: return "#3a3a3a"
        case .allowed: return "#2e7d32"
        }
    }

    /// The position in `allCases`.
    var index: Int { HTMLCategory.allCases.firstIndex(of: self) ?? 0 }
}
