// Shared by every fuzz target (compiled into each fuzzer by scripts/fuzz.sh, not by SwiftPM).
// Finds the rule set once per process: `$NEUTRAAL_FUZZ_RULES`, else `Rules/` in the current directory.
import Foundation
import NeutraalEngine

enum FuzzSupport {
    /// The folder of the real rule set.
    static let rulesFolder: String = ProcessInfo.processInfo.environment["NEUTRAAL_FUZZ_RULES"] ?? "Rules"

    /// The text of the real `vocabulary.schema`, read once.
    static let vocabularySchema: SourceText = {
        let path = rulesFolder + "/vocabulary.schema"
        guard let data = FileManager.default.contents(atPath: path) else {
            fatalError("fuzz set-up: cannot read \(path); run from the repository root or set NEUTRAAL_FUZZ_RULES")
        }
        return SourceText(path: "Rules/vocabulary.schema", bytes: [UInt8](data))
    }()

    /// The real rule set, loaded once.
    static let ruleSet: RuleSet = {
        do {
            return try RuleSetLoader().load(folder: rulesFolder)
        } catch {
            fatalError("fuzz set-up: the rule set in \(rulesFolder) does not load: \(error)")
        }
    }()

    /// The vocabulary of the real rule set.
    static var vocabulary: Vocabulary { ruleSet.vocabulary }

    /// Judges at a fixed date so that runs are reproducible.
    static let evaluator = Evaluator(ruleSet: ruleSet, asOf: CivilDate.parse("2024-01-01") ?? 0)

    /// Touches every outcome so that nothing is optimised away and locations get computed.
    static func consume(_ outcomes: [ReadOutcome]) {
        var total = 0
        for outcome in outcomes {
            switch outcome {
            case .description(let description):
                total &+= description.id.utf8.count &+ description.location.line
                // the matcher (lexicons, patterns) and the evaluator see the text too
                let evaluation = evaluator.evaluate(description)
                total &+= evaluation.findings.count
            case .failure(_, let id, let diagnostics):
                total &+= id.utf8.count
                for diagnostic in diagnostics { total &+= diagnostic.message.utf8.count &+ (diagnostic.location?.column ?? 0) }
            }
        }
        if total == -1 { print("unreachable") }
    }
}
