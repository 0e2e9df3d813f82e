/// Small stacked bar charts as inline SVG for the HTML report: no script, no fonts, no images. Every bar
/// segment carries a `<title>` (a tooltip, and text for screen readers); all text is escaped.
enum SVGChart {
    /// One stacked part of every bar (a report category).
    struct Series {
        let label: String
        let color: String
    }

    /// One bar: its label, a longer title for the tooltip, a count per series and an optional link.
    struct Bar {
        let label: String
        let title: String
        let counts: [Int]
        let link: String?

        var total: Int { counts.reduce(0, +) }
    }

    /// A shaded stretch behind the columns (an election period), in column units: column `i` spans
    /// `i ..< i + 1`.
    struct Shade {
        let from: Double
        let until: Double
        let label: String
    }

    /// A label under a column; major labels (years) are bold.
    struct Tick {
        let text: String
        let major: Bool
    }

    /// Horizontal bars, one row per bar, in the order given. Labels stand left of their bar, or above it
    /// (`labelsAbove`, for long labels such as document titles).
    static func horizontal(_ bars: [Bar], series: [Series], title: String, labelWidth: Int = 170, labelsAbove: Bool = false) -> String {
        let width = 640
        let rowHeight = labelsAbove ? 40 : 22
        let barLeft = labelsAbove ? 0 : labelWidth
        let height = max(1, bars.count) * rowHeight + 8
        let maxTotal = max(1, bars.map(\.total).max() ?? 1)
        let plot = Double(width - barLeft - 48)
        // a chart with links keeps the role of a graphic document, so that its links stay reachable (an image
        // hides what it holds)
        let role = bars.contains { $0.link != nil } ? "" : " role=\"img\""
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\"\(role) aria-label=\"\(XMLEscape.attribute(summary(bars, title: title)))\">\n"
        for (row, bar) in bars.enumerated() {
            let y = 4 + row * rowHeight
            let barY = labelsAbove ? y + 20 : y + 4
            let barHeight = labelsAbove ? 14 : rowHeight - 8
            var part = labelsAbove
                ? "<text class=\"label\" x=\"0\" y=\"\(y + 14)\">\(XMLEscape.text(shorten(bar.label, 96)))"
                : "<text class=\"label\" x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\">\(XMLEscape.text(shorten(bar.label, 26)))"
            part += "<title>\(XMLEscape.text(bar.title))</title></text>"
            var x = Double(barLeft)
            for (series, count) in zip(series, bar.counts) where count > 0 {
                let w = max(1.5, plot * Double(count) / Double(maxTotal))
                part += "<rect x=\"\(number(x))\" y=\"\(barY)\" width=\"\(number(w))\" height=\"\(barHeight)\" fill=\"\(series.color)\">"
                    + "<title>\(XMLEscape.text(bar.title)): \(count) \(XMLEscape.text(series.label))</title></rect>"
                x += w
            }
            part += "<text class=\"axis\" x=\"\(number(x + 6))\" y=\"\(barY + barHeight - 3)\">\(bar.total)</text>"
            if let link = bar.link {
                part = "<a href=\"\(XMLEscape.attribute(link))\" aria-label=\"\(XMLEscape.attribute(described(bar, series: series)))\">" + part + "</a>"
            }
            svg += part + "\n"
        }
        return svg + "</svg>\n"
    }

    /// Vertical stacked columns with shaded stretches behind them and a tick label per column.
    static func columns(_ bars: [Bar], series: [Series], shades: [Shade], ticks: [Tick?], title: String) -> String {
        let width = 1200
        let left = 48.0, right = 12.0, top = 14.0, plotHeight = 190.0
        let height = Int(top + plotHeight + 44)
        let slot = (Double(width) - left - right) / Double(max(1, bars.count))
        let maxTotal = niceCeiling(max(1, bars.map(\.total).max() ?? 1))
        func y(_ value: Double) -> Double { top + plotHeight - plotHeight * value / Double(maxTotal) }
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(XMLEscape.attribute(summary(bars, title: title)))\">\n"
        for shade in shades {
            let from = left + max(0, shade.from) * slot
            let until = left + min(Double(bars.count), shade.until) * slot
            guard until > from else { continue }
            svg += "<rect x=\"\(number(from))\" y=\"\(number(top))\" width=\"\(number(max(2, until - from)))\" height=\"\(number(plotHeight))\""
                + " fill=\"#f1e3b6\" fill-opacity=\"0.75\"><title>\(XMLEscape.text(shade.label))</title></rect>\n"
        }
        for step in 0...4 {
            let value = Double(maxTotal) * Double(step) / 4
            let lineY = y(value)
            svg += "<line class=\"grid\" x1=\"\(number(left))\" x2=\"\(number(Double(width) - right))\" y1=\"\(number(lineY))\" y2=\"\(number(lineY))\"/>"
                + "<text class=\"axis\" x=\"\(number(left - 6))\" y=\"\(number(lineY + 4))\" text-anchor=\"end\">\(Int(value.rounded()))</text>\n"
        }
        let barWidth = max(1, slot * 0.76)
        for (column, bar) in bars.enumerated() {
            let x = left + Double(column) * slot + (slot - barWidth) / 2
            var base = 0.0
            for (series, count) in zip(series, bar.counts) where count > 0 {
                let top = y(base + Double(count))
                let h = max(1, y(base) - top)
                svg += "<rect x=\"\(number(x))\" y=\"\(number(top))\" width=\"\(number(barWidth))\" height=\"\(number(h))\" fill=\"\(series.color)\">"
                    + "<title>\(XMLEscape.text(bar.title)): \(count) \(XMLEscape.text(series.label))</title></rect>"
                base += Double(count)
            }
            if column < ticks.count, let tick = ticks[column] {
                let cx = left + (Double(column) + 0.5) * slot
                svg += "<text class=\"axis\" x=\"\(number(cx))\" y=\"\(number(top + plotHeight + (tick.major ? 32 : 16)))\" text-anchor=\"middle\""
                    + (tick.major ? " font-weight=\"600\"" : "") + ">\(XMLEscape.text(tick.text))</text>"
            }
            svg += "\n"
        }
        svg += "<line x1=\"\(number(left))\" x2=\"\(number(Double(width) - right))\" y1=\"\(number(top + plotHeight))\" y2=\"\(number(top + plotHeight))\" stroke=\"#5b6673\"/>\n"
        return svg + "</svg>\n"
    }

    /// The text alternative of a chart: its title and every bar with findings and its total
    /// (`Per regel: SOCIAL-HYB-04 29; UO-01 3`), so that a screen reader gets the figures, not only the caption.
    static func summary(_ bars: [Bar], title: String) -> String {
        let parts = bars.filter { $0.total > 0 }.map { "\($0.label) \($0.total)" }
        return parts.isEmpty ? title : title + ": " + parts.joined(separator: "; ")
    }

    /// The name of a bar's link: its title, total and count per series (`SOCIAL-HYB-04: …: 29 (20 niet
    /// toegestaan, 9 afweging)`).
    static func described(_ bar: Bar, series: [Series]) -> String {
        let counts = zip(series, bar.counts).filter { $0.1 > 0 }.map { "\($0.1) \($0.0.label)" }
        return "\(bar.title): \(bar.total)" + (counts.isEmpty ? "" : " (" + counts.joined(separator: ", ") + ")")
    }

    /// A round number at or above `value` (1, 2 or 5 times a power of ten, or a multiple of 4 below 10),
    /// so that the four grid lines fall on whole numbers.
    static func niceCeiling(_ value: Int) -> Int {
        if value <= 4 { return 4 }
        var power = 1
        while power * 10 < value { power *= 10 }
        for factor in [1, 2, 4, 5, 8, 10] where factor * power >= value && (factor * power) % 4 == 0 {
            return factor * power
        }
        return ((value + 3) / 4) * 4
    }

    /// At most `limit` characters, with an ellipsis when cut.
    static func shorten(_ text: String, _ limit: Int) -> String {
        let clean = String(text.map { $0.isNewline ? " " : $0 })
        return clean.count <= limit ? clean : String(clean.prefix(limit - 1)) + "…"
    }

    /// A coordinate with at most one decimal.
    static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths) / 10
        let fraction = abs(Int(tenths)) % 10
        if fraction == 0 { return String(whole) }
        return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(fraction)"
    }
}
