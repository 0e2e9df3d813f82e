import Foundation
import NeutraalEngine

/// Finds and loads the rule set: `--rules DIR`, else `$NEUTRAAL_RULES`, else the nearest `Rules/`
/// folder holding a `.schema` file, from the current folder upwards.
enum RulesLocator {
    static func folder(explicit: String?, environment: [String: String]) -> String {
        if let explicit { return explicit }
        if let fromEnvironment = environment["NEUTRAAL_RULES"], !fromEnvironment.isEmpty { return fromEnvironment }
        var directory = FileManager.default.currentDirectoryPath
        var relative = "Rules"
        for _ in 0..<12 {
            let candidate = directory + "/Rules"
            if let files = try? FileManager.default.contentsOfDirectory(atPath: candidate), files.contains(where: { $0.hasSuffix(".schema") }) {
                return relative
            }
            let parent = (directory as NSString).deletingLastPathComponent
            if parent == directory { break }
            directory = parent
            relative = "../" + relative
        }
        return "Rules"
    }

    /// Loads the rule set or writes its diagnostics; nil on failure.
    static func load(_ arguments: ParsedArguments, console: Console) -> RuleSet? {
        loading(arguments, console) { try RuleSetLoader().load(folder: $0) }
    }

    /// Loads `copies` copies of the rule set that share no object, with their pattern automata, side by side
    /// (`RuleSetLoader.load(folder:copies:patternAutomata:)`), or writes the diagnostics; nil on failure.
    static func loadCopies(_ arguments: ParsedArguments, console: Console, copies: Int) -> [RuleSet]? {
        loading(arguments, console) { try RuleSetLoader().load(folder: $0, copies: copies, patternAutomata: true) }
    }

    /// What `load` makes of the rule folder (kept until the process exits, see `KeptUntilExit`), or nil
    /// after writing why it failed.
    private static func loading<Loaded>(_ arguments: ParsedArguments, _ console: Console, _ load: (String) throws -> Loaded) -> Loaded? {
        let folder = folder(explicit: arguments.value("--rules"), environment: console.environment)
        do {
            let loaded = try load(folder)
            KeptUntilExit.shared.keep(loaded)
            return loaded
        } catch let list as DiagnosticList {
            console.error(list.diagnostics.map { TerminalSafe.clean($0.description) }.joined(separator: "\n") + "\n")
            let errors = list.diagnostics.filter { $0.severity == .error }.count
            console.error("the rule set in `\(folder)` has \(errors) error\(errors == 1 ? "" : "s"); nothing was checked\n")
            return nil
        } catch {
            console.error("error: cannot load the rule set in `\(folder)`: \(error)\n")
            return nil
        }
    }
}
