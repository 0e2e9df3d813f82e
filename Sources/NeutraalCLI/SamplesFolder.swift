/// Where `neutraal test` looks for samples when none are named: the `Samples` folder beside the rule folder.
///
/// Worked out on the text of the path, so that every path a user may pass works: Foundation's
/// `deletingLastPathComponent` traps on a path of one character (`--rules R`, `--rules .`).
enum SamplesFolder {
    /// `Rules` → `Samples`, `../Rules` → `../Samples`, `/a/Rules/` → `/a/Samples`, `.` → `../Samples`.
    static func beside(_ rulesFolder: String) -> String {
        var path = Substring(rulesFolder)
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        if path.isEmpty || path == "." { return "../Samples" }
        if path == ".." || path.hasSuffix("/.") || path.hasSuffix("/..") {
            // the folder is named by a step, not by a name: go one further up from it
            return String(path) + "/../Samples"
        }
        guard let slash = path.lastIndex(of: "/") else { return "Samples" }
        let parent = path[..<slash]
        return (parent.isEmpty ? "" : String(parent)) + "/Samples"
    }
}
