extension RuleCatalog {
    /// The whole rule set as one self-contained HTML page (`neutraal catalog --format html`), grouped by
    /// source document in date order like ``markdown(_:)``: each rule with its verdict, citation, the words
    /// of the source, condition, messages in Dutch and English, exceptions and examples. Headings and labels
    /// follow `language`; every text from the rule set is escaped.
    public static func html(_ ruleSet: RuleSet, language: Language = .dutch) -> String {
        let nl = language == .dutch
        let title = nl ? "Neutraal: regelcatalogus" : "Neutraal: rule catalog"
        let sources = ruleSet.sources.values.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            .filter { source in ruleSet.rules.contains { $0.citation.sourceID == source.id } }
        var page = HTMLPage.head(title: title, language: language)
        page += "<header class=\"page\"><h1>\(title)</h1>\n<p>"
        page += nl ? Plural.count(ruleSet.rules.count, "regel", "regels") + " uit " + Plural.count(sources.count, "brondocument", "brondocumenten") + " · regelset "
                   : Plural.count(ruleSet.rules.count, "rule") + " from " + Plural.count(sources.count, "source document") + " · rule set "
        page += "<code>\(XMLEscape.text(HTMLReporter.shortVersion(ruleSet.version)))</code></p></header>\n<main>\n"
        page += "<nav class=\"toc\"><h2>" + (nl ? "Brondocumenten" : "Source documents") + "</h2>\n<ol>\n"
        for source in sources {
            let count = ruleSet.rules.filter { $0.citation.sourceID == source.id }.count
            page += "<li><a href=\"#\(anchor("source", source.id))\">\(XMLEscape.text(source.title))</a> (\(XMLEscape.text(source.date)))"
                + " · \(count) " + (nl ? (count == 1 ? "regel" : "regels") : (count == 1 ? "rule" : "rules")) + "</li>\n"
        }
        page += "</ol></nav>\n"
        for source in sources {
            page += "<section id=\"\(anchor("source", source.id))\">\n<h2>\(XMLEscape.text(source.title)) (\(XMLEscape.text(source.date)))</h2>\n"
            var facts: [String] = ["id <code>\(XMLEscape.text(source.id))</code>"]
            if let identifier = source.identifier { facts.append(XMLEscape.text(identifier)) }
            if let author = source.author { facts.append(XMLEscape.text(author)) }
            if let url = source.url {
                facts.append(HTMLPage.safeURL(url).map { "<a href=\"\(XMLEscape.attribute($0))\">\(XMLEscape.text($0))</a>" } ?? XMLEscape.text(url))
            }
            if let quoted = source.quotedIn, let outer = ruleSet.sources[quoted] {
                facts.append((nl ? "aangehaald in " : "quoted in ") + "\(XMLEscape.text(outer.title)) (\(XMLEscape.text(outer.date)))")
            }
            page += "<p class=\"note\">" + facts.joined(separator: " · ") + "</p>\n"
            if let note = source.note { page += "<blockquote>\(XMLEscape.text(note))</blockquote>\n" }
            for rule in ruleSet.rules where rule.citation.sourceID == source.id {
                page += article(rule, ruleSet, language)
            }
            page += "</section>\n"
        }
        page += "</main>\n<footer class=\"page\">"
        page += nl ? "Gemaakt door <code>neutraal catalog --format html</code> uit <code>Rules/</code>. Niet met de hand bewerken. Regelset "
                   : "Made by <code>neutraal catalog --format html</code> from <code>Rules/</code>. Do not edit by hand. Rule set "
        page += "<code>\(XMLEscape.text(ruleSet.version))</code>.</footer>\n"
        return page + HTMLPage.tail
    }

    /// One rule as an `<article>` with a definition list.
    private static func article(_ rule: Rule, _ ruleSet: RuleSet, _ language: Language) -> String {
        let nl = language == .dutch
        var html = "<article class=\"rule c-\(rule.verdict.rawValue)\" id=\"\(anchor("rule", rule.id))\">\n"
        html += "<h3><span class=\"badge\">\(XMLEscape.text(rule.verdict.word(language)))</span> <span>\(XMLEscape.text(rule.id))</span>"
            + "<span>\(XMLEscape.text(rule.title))</span></h3>\n<dl>\n"
        func item(_ term: String, _ value: String) { html += "<dt>\(term)</dt><dd>\(value)</dd>\n" }
        let kinds = rule.kinds.map { set in
            set.sorted().map { "<code>\(XMLEscape.text(ruleSet.vocabulary.kinds.cases[Int($0)].name))</code>" }.joined(separator: ", ")
        } ?? (nl ? "elke soort" : "any kind")
        item(nl ? "Geldt voor" : "Applies to", kinds)
        item(nl ? "Bron" : "Source", XMLEscape.text(FactDisplay.citation(rule, ruleSet, language)))
        if let quote = rule.quote { item(nl ? "De bron zegt" : "The source says", "<blockquote>\(XMLEscape.text(quote))</blockquote>") }
        if rule.validFrom != nil || rule.validUntil != nil {
            let from = rule.validFrom.map { (nl ? "vanaf " : "from ") + CivilDate.format($0) }
            let until = rule.validUntil.map { (nl ? "tot en met " : "until ") + CivilDate.format($0) }
            item(nl ? "Van kracht" : "In force", [from, until].compactMap { $0 }.joined(separator: " "))
        }
        item(nl ? "Voorwaarde" : "Condition", "<pre><code>\(XMLEscape.text(rule.conditionText))</code></pre>")
        if !rule.overrides.isEmpty {
            item(nl ? "Uitzondering op" : "Exception to", links(rule.overrides))
        }
        let exceptions = ruleSet.rules.filter { $0.overrides.contains(rule.id) }.map(\.id)
        if !exceptions.isEmpty { item(nl ? "Uitzonderingen" : "Exceptions", links(exceptions)) }
        // both languages, the page's own first
        let messages = [("nl", rule.messageNL), ("en", rule.messageEN)]
        let weighs = [("nl", rule.weighNL), ("en", rule.weighEN)]
        let order = nl ? [0, 1] : [1, 0]
        for index in order {
            let (code, text) = messages[index]
            item((nl ? "Melding" : "Message") + " (\(code))", "<span lang=\"\(code)\">\(XMLEscape.text(text))</span>")
        }
        for index in order {
            guard case let (code, weigh?) = weighs[index] else { continue }
            item((nl ? "Af te wegen" : "To weigh") + " (\(code))", "<span lang=\"\(code)\">\(XMLEscape.text(weigh))</span>")
        }
        if !rule.examples.isEmpty {
            let examples = rule.examples.map { example in
                "<li><strong>\(XMLEscape.text(expectationWord(example.expectation, language)))</strong>: \(XMLEscape.text(example.name))"
                    + " <span class=\"note\">(\(XMLEscape.text(example.location.description)))</span></li>"
            }.joined()
            item(nl ? "Voorbeelden" : "Examples", "<ul class=\"examples\">\(examples)</ul>")
        }
        item(nl ? "Vastgelegd in" : "Defined at", "<code>\(XMLEscape.text(rule.location.description))</code>")
        return html + "</dl>\n</article>\n"
    }

    private static func links(_ ids: [String]) -> String {
        ids.map { "<a href=\"#\(anchor("rule", $0))\">\(XMLEscape.text($0))</a>" }.joined(separator: ", ")
    }

    private static func expectationWord(_ expectation: Example.Expectation, _ language: Language) -> String {
        guard language == .dutch else { return expectation.rawValue }
        switch expectation {
        case .fires: return "slaat aan"
        case .silent: return "zwijgt"
        case .overridden: return "opzijgezet"
        case .undetermined: return "onbepaald"
        }
    }

    /// An id for an element: letters, digits and `-` only, so that it is valid and needs no escaping.
    static func anchor(_ prefix: String, _ id: String) -> String {
        prefix + "-" + String(id.unicodeScalars.map { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
                ? Character(scalar) : "_"
        })
    }
}
