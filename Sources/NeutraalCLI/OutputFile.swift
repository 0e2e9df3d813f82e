import Foundation

/// A file one run writes (`--report FORMAT:FILE`, `--write-baseline FILE`): looked at before anything is
/// judged, so that a report that cannot be written is told at once rather than after a long batch, and
/// written with the reason of any failure.
enum OutputFile {
    /// Why `path` cannot be written, if that can be seen before writing: a folder, a missing or
    /// non-folder parent, no permission. Nil when it looks writable.
    static func problem(_ path: String) -> String? {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return "it is a folder" }
            return manager.isWritableFile(atPath: path) ? nil : "permission denied"
        }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard manager.fileExists(atPath: parent, isDirectory: &isDirectory) else { return "the folder `\(parent)` does not exist" }
        guard isDirectory.boolValue else { return "`\(parent)` is not a folder" }
        return manager.isWritableFile(atPath: parent) ? nil : "permission denied in `\(parent)`"
    }

    /// Writes `text` to `path` (created, or emptied first); the reason when that failed, nil when it was written.
    static func write(_ text: String, to path: String) -> String? {
        if let problem = problem(path) { return problem }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        let stream = StandardStream(descriptor)
        stream.write(text)
        let closed = close(descriptor) == 0 ? nil : errno
        if let failure = stream.failedWith ?? closed { return String(cString: strerror(failure)) }
        return nil
    }
}
