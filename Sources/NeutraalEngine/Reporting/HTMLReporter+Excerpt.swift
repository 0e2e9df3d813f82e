/// Long description texts in the HTML report: the page keeps at most ``HTMLReporter/textLimit`` scalars of a
/// text, cut around the evidence, and evidence that falls outside that stretch is listed as a note instead of
/// being lost with the rest of the text.
extension HTMLReporter {
    /// The stretch of a text's Unicode scalars that the page shows: all of a text up to ``textLimit`` scalars;
    /// of a longer one, ``textLimit`` scalars from 200 before the first evidence.
    static func window(scalarCount: Int, marks: [(Int, Int)]) -> Range<Int> {
        guard scalarCount > textLimit else { return 0..<scalarCount }
        let first = marks.map(\.0).min() ?? 0
        let from = max(0, first - 200)
        return from..<min(scalarCount, from + textLimit)
    }

    /// The text to show for a description, cut to its ``window(scalarCount:marks:)`` when it is very long, and
    /// how far the evidence offsets move (the cut text starts with an ellipsis).
    static func excerpt(_ text: String?, marks: [(Int, Int)]) -> (String?, Int) {
        guard let text else { return (nil, 0) }
        let scalars = Array(text.unicodeScalars)
        let shown = window(scalarCount: scalars.count, marks: marks)
        guard shown.count < scalars.count else { return (text, 0) }
        var view = String.UnicodeScalarView()
        if shown.lowerBound > 0 { view.append("…") }
        view.append(contentsOf: scalars[shown])
        if shown.upperBound < scalars.count { view.append("…") }
        return (String(view), (shown.lowerBound > 0 ? 1 : 0) - shown.lowerBound)
    }

    /// The rows with every mark that does not lie wholly in the shown stretch of `text` turned into a note
    /// (`text: «…»`, the words it marked), so that each finding keeps all its evidence however long the text.
    static func fitted(_ rows: [Row], to text: String?, fact: String) -> [Row] {
        guard let text else { return rows }
        let scalars = Array(text.unicodeScalars)
        let shown = window(scalarCount: scalars.count, marks: rows.flatMap(\.marks))
        guard shown.count < scalars.count else { return rows }
        return rows.map { row in
            var marks: [(Int, Int)] = []
            var outside: [String] = []
            for (start, end) in row.marks {
                if start >= shown.lowerBound && end <= shown.upperBound {
                    marks.append((start, end))
                } else {
                    let words = String(String.UnicodeScalarView(scalars[max(0, start)..<min(end, scalars.count)]))
                    let note = "\(fact): «\(words)»"
                    if !outside.contains(note) && !row.notes.contains(note) { outside.append(note) }
                }
            }
            return Row(category: row.category, rule: row.rule, marks: marks, notes: outside + row.notes)
        }
    }
}
