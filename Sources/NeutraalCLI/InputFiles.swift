import Foundation
import NeutraalEngine

/// Reads input files (or standard input for `-`) into `SourceText`s, turning every problem into a
/// located diagnostic instead of a crash.
enum InputFiles {
    /// The largest file read whole (larger inputs are refused with an error, not read into memory).
    static let maximumSize = 512 * 1024 * 1024

    static func read(_ path: String, console: Console) -> Result<SourceText, Diagnostic> {
        if path == "-" { return .success(SourceText(path: "<stdin>", bytes: console.input())) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(Diagnostic("input.not-found", "no such file `\(path)`", at: SourceLocation(file: path, line: 1, column: 1)))
        }
        if isDirectory.boolValue {
            return .failure(Diagnostic("input.is-folder", "`\(path)` is a folder", at: SourceLocation(file: path, line: 1, column: 1),
                                       hint: "use `neutraal lint \(path)` for a folder of descriptions"))
        }
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           let size = attributes[.size] as? NSNumber, size.intValue > maximumSize {
            return .failure(Diagnostic("input.too-large", "`\(path)` is larger than \(maximumSize / 1024 / 1024) MB",
                                       at: SourceLocation(file: path, line: 1, column: 1), hint: "split it into JSON Lines files"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(Diagnostic("input.unreadable", "cannot read `\(path)`", at: SourceLocation(file: path, line: 1, column: 1),
                                       hint: "check the file's permissions"))
        }
        defer { try? handle.close() }
        do {
            let data = try handle.readToEnd() ?? Data()
            return .success(SourceText(path: path, bytes: [UInt8](data)))
        } catch {
            return .failure(Diagnostic("input.unreadable", "cannot read `\(path)`", at: SourceLocation(file: path, line: 1, column: 1)))
        }
    }
}
