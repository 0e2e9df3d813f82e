/// The sections of the HTML report written at the end of the run: totals, charts and the findings table.
extension HTMLReporter {
    /// Cards with the number of descriptions per verdict, and the findings per category.
    func totals(_ summary: Summary, _ context: ReportContext) -> String {
        let nl = context.language == .dutch
        var html = "<section id=\"totals\"><h2>" + (nl ? "Totalen per oordeel" : "Totals per verdict") + "</h2>\n"
        html += "<p class=\"note\">" + (nl ? "Beschrijvingen naar hun zwaarste oordeel; een kaart toont de bevindingen met dat oordeel."
                                           : "Descriptions by their most severe verdict; a card shows the findings with that verdict.") + "</p>\n"
        html += "<div class=\"cards\">\n"
        for verdict in Verdict.allCases.reversed() {
            let count = summary.byVerdict[verdict] ?? 0
            let inner = "<span class=\"n\">\(count)</span><span class=\"l\">\(XMLEscape.text(verdict.word(context.language)))</span>"
            if verdict == .allowed || count == 0 {
                html += "<div class=\"card c-\(verdict.rawValue)\">\(inner)</div>\n"
            } else {
                html += "<a class=\"card c-\(verdict.rawValue)\" href=\"#\(cardFragment(verdict))\">\(inner)</a>\n"
            }
        }
        // as the text summary counts them: unreadable descriptions beside the verdicts (so that the cards add up
        // to the descriptions checked), and judged ones with a waiver in error apart (they have a verdict too)
        let unreadableInner = "<span class=\"n\">\(summary.unreadable)</span><span class=\"l\">\(nl ? "onleesbaar" : "unreadable")</span>"
        html += summary.unreadable > 0 ? "<a class=\"card c-error\" href=\"#verdict=error\">\(unreadableInner)</a>\n"
                                       : "<div class=\"card c-error\">\(unreadableInner)</div>\n"
        if summary.invalidWaivers > 0 {
            let word = nl ? "met een ongeldige vrijstelling (ook bij hun oordeel geteld)" : "with an invalid waiver (also counted by their verdict)"
            html += "<a class=\"card c-error\" href=\"#verdict=error\"><span class=\"n\">\(summary.invalidWaivers)</span><span class=\"l\">\(word)</span></a>\n"
        }
        html += "</div>\n"
        let findings = categoryCounts.reduce(0, +)
        html += "<p>" + (nl ? Plural.count(findings, "bevinding", "bevindingen") : Plural.count(findings, "finding")) + ":" + "</p>\n<ul class=\"legend\">"
        for category in HTMLCategory.allCases where categoryCounts[category.index] > 0 {
            html += "<li class=\"c-\(category.rawValue)\">\(categoryCounts[category.index]) \(XMLEscape.text(category.word(context.language)))</li>"
        }
        return html + "</ul>\n</section>\n"
    }

    /// The address fragment a verdict's card links to (`verdict=violation`): the table's filter with script,
    /// the verdict's group in the part without it. Undetermined findings count as advisory, so the advisory
    /// card shows them too (`verdict=advisory,undetermined`).
    func cardFragment(_ verdict: Verdict) -> String {
        verdict == .advisory && categoryCounts[HTMLCategory.undetermined.index] > 0 ? "verdict=advisory,undetermined" : "verdict=" + verdict.rawValue
    }

    /// Findings per rule, per source document and per month.
    func charts(_ context: ReportContext) -> String {
        let nl = context.language == .dutch
        let categories = HTMLCategory.allCases.filter { $0 != .error && $0 != .allowed }
        let series = categories.map { SVGChart.Series(label: $0.word(context.language), color: $0.color) }
        func counts(_ all: [Int]) -> [Int] { categories.map { all[$0.index] } }
        func ordered(_ table: [String: [Int]]) -> [(String, [Int])] {
            table.map { ($0.key, counts($0.value)) }.filter { $0.1.reduce(0, +) > 0 }
                .sorted { ($0.1.reduce(0, +), $1.0) > ($1.1.reduce(0, +), $0.0) }
        }
        var html = "<section id=\"charts\"><h2>" + (nl ? "Bevindingen in beeld" : "Findings at a glance") + "</h2>\n"
        let present = categories.filter { categoryCounts[$0.index] > 0 }
        let legend = "<ul class=\"legend\">" + present.map { "<li class=\"c-\($0.rawValue)\">\(XMLEscape.text($0.word(context.language)))</li>" }.joined() + "</ul>\n"
        let rules = ordered(byRule)
        guard !rules.isEmpty else {
            let none = categoryCounts[HTMLCategory.allowed.index] > 0
                ? (nl ? "Geen bevindingen behalve ‘toegestaan’; die staan in de tabel hieronder." : "No findings besides ‘allowed’ ones; those are in the table below.")
                : (nl ? "Geen bevindingen." : "No findings.")
            return html + "<p>" + none + "</p>\n</section>\n"
        }
        html += legend
        html += "<div class=\"charts\">\n"
        html += timeline(context, series: series, counts: counts)
        if undated > 0 {
            html += "<p class=\"note\">" + (nl ? Plural.count(undated, "bevinding", "bevindingen") + " bij beschrijvingen zonder datum " + Plural.word(undated, "staat", "staan") + " niet in deze grafiek."
                                               : Plural.count(undated, "finding") + " of undated descriptions " + Plural.word(undated, "is", "are") + " not in this chart.") + "</p>"
        }
        html += "</figure>\n"
        let ruleTitle = nl ? "Per regel" : "Per rule"
        let ruleBars = rules.map { id, values in
            SVGChart.Bar(label: id, title: id + (context.ruleSet.rule(id).map { ": " + $0.title } ?? ""), counts: values, link: "#rule=" + id)
        }
        html += "<figure><figcaption>\(ruleTitle)</figcaption>\n" + SVGChart.horizontal(ruleBars, series: series, title: ruleTitle)
        html += "<p class=\"note\">" + (nl ? "Klik op een balk om de tabel op die regel te filteren." : "Click a bar to filter the table by that rule.") + "</p></figure>\n"
        let sourceTitle = nl ? "Per brondocument" : "Per source document"
        let sourceBars = ordered(bySource).map { id, values in
            let source = context.ruleSet.sources[id]
            return SVGChart.Bar(label: source?.title ?? id, title: source.map { "\($0.title) (\($0.date))" } ?? id, counts: values, link: nil)
        }
        html += "<figure><figcaption>\(sourceTitle)</figcaption>\n" + SVGChart.horizontal(sourceBars, series: series, title: sourceTitle, labelsAbove: true)
        return html + "</figure>\n</div>\n</section>\n"
    }

    /// Findings per month (per year over more than 20 years), election periods shaded; leaves the
    /// `<figure>` open for the legend.
    private func timeline(_ context: ReportContext, series: [SVGChart.Series], counts: ([Int]) -> [Int]) -> String {
        let nl = context.language == .dutch
        let title = nl ? "Door de tijd, per maand (gearceerd: verkiezingsperioden)" : "Over time, per month (shaded: election periods)"
        var html = "<figure class=\"wide\"><figcaption>\(title)</figcaption>\n"
        guard let first = byMonth.keys.min(), let last = byMonth.keys.max() else {
            return html + "<p class=\"note\">" + (nl ? "Geen gedateerde bevindingen." : "No dated findings.") + "</p>\n"
        }
        let months = nl ? ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
                        : ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let perYear = last - first >= 240
        let width = HTMLCategory.allCases.count
        var bars: [SVGChart.Bar] = []
        var ticks: [SVGChart.Tick?] = []
        let firstBucket = perYear ? first / 12 : first
        let lastBucket = perYear ? last / 12 : last
        let slot = 1140.0 / Double(lastBucket - firstBucket + 1)
        for bucket in firstBucket...lastBucket {
            var values = [Int](repeating: 0, count: width)
            for month in (perYear ? bucket * 12..<bucket * 12 + 12 : bucket..<bucket + 1) {
                if let found = byMonth[month] { for index in 0..<width { values[index] += found[index] } }
            }
            let year = perYear ? bucket : bucket / 12
            let month = perYear ? 0 : bucket % 12
            let label = perYear ? String(year) : "\(months[month]) \(year)"
            bars.append(SVGChart.Bar(label: label, title: label, counts: counts(values), link: nil))
            if perYear {
                ticks.append(slot >= 34 || bucket % 5 == 0 ? SVGChart.Tick(text: String(year), major: true) : nil)
            } else if month == 0 || bucket == firstBucket {
                ticks.append(SVGChart.Tick(text: String(year), major: true))
            } else {
                ticks.append(slot >= 30 ? SVGChart.Tick(text: months[month], major: false) : nil)
            }
        }
        // A day's position in column units, so that a period starts and ends within its month.
        func position(_ day: Int32) -> Double {
            let (year, month, date) = CivilDate.civilFromDays(Int(day))
            if perYear {
                let start = CivilDate.daysFromCivil(year: year, month: 1, day: 1)
                let length = Double(CivilDate.daysFromCivil(year: year + 1, month: 1, day: 1) - start)
                return Double(year - firstBucket) + Double(Int(day) - start) / length
            }
            let length = Double(CivilDate.daysInMonth(year: year, month: month))
            return Double(year * 12 + month - 1 - firstBucket) + Double(date - 1) / length
        }
        var shades: [SVGChart.Shade] = []
        var shown: [String] = []
        let columns = Double(lastBucket - firstBucket + 1)
        for calendar in context.ruleSet.vocabulary.calendars {
            for period in calendar.periods {
                let from = position(period.from)
                let until = position(period.until + 1)
                guard until > 0, from < columns else { continue }
                let label = "\(period.name): \(CivilDate.format(period.from)) – \(CivilDate.format(period.until))"
                shades.append(SVGChart.Shade(from: from, until: until, label: label))
                shown.append(label)
            }
        }
        html += SVGChart.columns(bars, series: series, shades: shades, ticks: ticks, title: title)
        if !shown.isEmpty {
            html += "<ul class=\"legend\"><li class=\"shade\">" + shown.map(XMLEscape.text).joined(separator: "</li><li class=\"shade\">") + "</li></ul>\n"
        }
        return html
    }

    /// The table of findings: filters and pages for the script, and the grouped lists for a page without it.
    func findingsSection(_ context: ReportContext) -> String {
        let nl = context.language == .dutch
        var html = "<section id=\"findings-section\"><h2>" + (nl ? "Alle bevindingen" : "All findings") + "</h2>\n"
        html += "<div id=\"app\" hidden>\n<form class=\"filters\" id=\"filters\">"
        let all = categoryCounts[HTMLCategory.allowed.index] > 0 ? (nl ? "alle behalve toegestaan" : "all but allowed") : (nl ? "alle" : "all")
        html += "<label>" + (nl ? "Oordeel" : "Verdict") + " <select id=\"f-verdict\"><option value=\"\">" + all + "</option></select></label>"
        html += "<label>" + (nl ? "Regel" : "Rule") + " <select id=\"f-rule\"><option value=\"\">" + (nl ? "alle" : "all") + "</option></select></label>"
        html += "<button type=\"button\" id=\"f-reset\">" + (nl ? "Filters wissen" : "Clear filters") + "</button>"
        html += "<p class=\"note\" id=\"f-status\" aria-live=\"polite\"></p></form>\n"
        let previous = nl ? "← vorige" : "← previous"
        let next = nl ? "volgende →" : "next →"
        let pager = { (place: String) in
            "<div class=\"pager \(place)\"><button type=\"button\" data-step=\"-1\">\(previous)</button><span class=\"pos\"></span>"
                + "<button type=\"button\" data-step=\"1\">\(next)</button></div>\n"
        }
        html += pager("top")
        html += "<table class=\"findings\" id=\"findings\" data-rows=\"0\" data-matches=\"0\" data-page=\"1\">"
        html += "<colgroup><col class=\"id\"><col class=\"verdict\"><col class=\"rule\"><col class=\"source\"><col class=\"text\"></colgroup>\n<thead><tr>"
        html += (nl ? ["beschrijving", "oordeel", "regel", "bron", "tekst en bewijs"] : ["description", "verdict", "rule", "source", "text and evidence"])
            .map { "<th scope=\"col\">\($0)</th>" }.joined()
        html += "</tr></thead>\n<tbody></tbody></table>\n"
        html += pager("bottom")
        html += "</div>\n"
        html += staticFindings(context)
        return html + "</section>\n"
    }
}
