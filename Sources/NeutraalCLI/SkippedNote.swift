import NeutraalEngine

/// The note `lint` writes on standard error about what it did not read in the folders it walked: files that
/// are not description files, and hidden files and folders (hidden ones first). Both are counted and named,
/// one path a line, up to ``shownPaths`` of them, so that a folder with thousands stays readable.
///
/// ```
/// note: skipped 2 file(s) that are not description files (.md, .json, .jsonl, .ndjson, .txt, .post) and 1 hidden file(s) or folder(s) (names starting with `.`):
///   posts/.drafts/ (hidden)
///   posts/README
///   posts/logo.png
///   hint: a hidden file or folder named on the command line is read, e.g. `neutraal lint posts/.drafts/`
/// ```
enum SkippedNote {
    /// The most paths the note names; the rest are counted (`… and 12 more`).
    static let shownPaths = 20

    /// The note with its line end, or nil when nothing was skipped.
    static func text(notDescriptions: [String], hidden: [String]) -> String? {
        let total = notDescriptions.count + hidden.count
        guard total > 0 else { return nil }
        var parts: [String] = []
        if !notDescriptions.isEmpty {
            let extensions = InputCollector.extensions.map { "." + $0 }.joined(separator: ", ")
            parts.append("\(notDescriptions.count) file(s) that are not description files (\(extensions))")
        }
        if !hidden.isEmpty { parts.append("\(hidden.count) hidden file(s) or folder(s) (names starting with `.`)") }
        var text = "note: skipped " + parts.joined(separator: " and ") + ":\n"
        // hidden ones first: they are the fewer, and the more likely to be missed
        let named = hidden.map { TerminalSafe.clean($0, keepNewlines: false) + " (hidden)" }
            + notDescriptions.map { TerminalSafe.clean($0, keepNewlines: false) }
        for path in named.prefix(shownPaths) { text += "  \(path)\n" }
        if total > shownPaths { text += "  … and \(total - shownPaths) more\n" }
        if let example = hidden.first {
            text += "  hint: a hidden file or folder named on the command line is read, e.g. `neutraal lint \(TerminalSafe.clean(example, keepNewlines: false))`\n"
        }
        return text
    }
}
