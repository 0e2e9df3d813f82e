import NeutraalEngine

/// `neutraal test` (implemented in the regression change).
enum TestCommand {
    static func run(_ arguments: [String], _ console: Console) -> Int32 {
        console.error("error: `test` is not available yet\n")
        return ExitCode.inputError
    }
}
