import NeutraalEngine

/// `neutraal lint PATH...` (implemented in the lint change).
enum LintCommand {
    static func run(_ arguments: [String], _ console: Console) -> Int32 {
        console.error("error: `lint` is not available yet\n")
        return ExitCode.inputError
    }
}
