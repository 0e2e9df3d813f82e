import Foundation
import NeutraalEngine

/// Reads input files (or standard input for `-`) into `SourceText`s, turning every problem into a
/// located diagnostic instead of a crash.
enum InputFiles {
    static func read(_ path: String, console: Console) -> Result<SourceText, Diagnostic> {
        if path == "-" {
            switch console.boundedInput() {
            case .success(let bytes): return .success(SourceText(path: "<stdin>", bytes: bytes))
            case .failure(let problem): return .failure(BatchEvaluator.inputProblem(problem, path: "<stdin>"))
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(Diagnostic("input.not-found", "no such file `\(path)`", at: SourceLocation(file: path, line: 1, column: 1)))
        }
        if isDirectory.boolValue {
            return .failure(Diagnostic("input.is-folder", "`\(path)` is a folder", at: SourceLocation(file: path, line: 1, column: 1),
                                       hint: "use `neutraal lint \(path)` for a folder of descriptions"))
        }
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           let size = attributes[.size] as? NSNumber, size.intValue > InputBytes.maximumSize {
            return .failure(BatchEvaluator.tooLargeInput(path))
        }
        // read with a bound all the same: a device or a pipe has no size, and a file may grow
        switch InputBytes.readFile(path) {
        case .success(let bytes): return .success(SourceText(path: path, bytes: bytes))
        case .failure(let problem): return .failure(BatchEvaluator.inputProblem(problem, path: path))
        }
    }
}
