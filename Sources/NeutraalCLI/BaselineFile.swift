import NeutraalEngine

/// Reads the file of `lint --baseline FILE`: bounded like any input, and every problem told as a problem of
/// a baseline (a folder or a binary file named as a baseline is not "a description").
enum BaselineFile {
    static func read(_ path: String, console: Console) -> Result<Baseline, Diagnostic> {
        switch InputFiles.read(path, console: console) {
        case .success(let source):
            return Baseline.read(source)
        case .failure(let diagnostic):
            let location = diagnostic.location ?? SourceLocation(file: path, line: 1, column: 1)
            switch diagnostic.code {
            case "input.is-folder":
                return .failure(Diagnostic(diagnostic.code, "the baseline `\(path)` is a folder, not a file", at: location,
                                           hint: "name the file that --write-baseline wrote"))
            case "input.binary":
                return .failure(Diagnostic(diagnostic.code, "the baseline `\(path)` is a binary file, not JSON", at: location,
                                           hint: "name the file that --write-baseline wrote, or write it anew"))
            case "input.not-found":
                return .failure(Diagnostic(diagnostic.code, "no such baseline file `\(path)`", at: location,
                                           hint: "write one first with `--write-baseline \(path)`"))
            default:
                return .failure(diagnostic)
            }
        }
    }
}
