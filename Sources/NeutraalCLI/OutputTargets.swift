import Foundation
import NeutraalEngine

/// The files one run writes (`--report FORMAT:FILE`, `--write-baseline FILE`): two of them naming the same
/// file would leave only the last one written, so that is a usage error.
enum OutputTargets {
    /// A usage error for each target that names a file an earlier one names too; `targets` pairs the
    /// option as the user wrote it with the file it writes.
    static func clashes(_ targets: [(option: String, path: String)]) -> [UsageError] {
        var seen: [String: String] = [:]
        var errors: [UsageError] = []
        for target in targets {
            let file = URL(fileURLWithPath: target.path).standardizedFileURL.path
            if let earlier = seen[file] {
                errors.append(UsageError(message: "`\(target.path)` is written twice: by `\(earlier)` and by `\(target.option)`",
                                         hint: "write each report and the baseline to a file of its own"))
            } else {
                seen[file] = target.option
            }
        }
        return errors
    }

    /// A usage error for each target that is one of the files to be read: writing the report there would
    /// replace the user's descriptions with it. Files are compared as the system knows them (device and
    /// inode), so `./a.json`, a link to it or its full path are the same file.
    static func inputClashes(_ targets: [(option: String, path: String)], inputs: [InputCollector.Input]) -> [UsageError] {
        var read: [FileIdentity: String] = [:]
        for case .file(let path) in inputs {
            if let identity = FileIdentity(path), read[identity] == nil { read[identity] = path }
        }
        return targets.compactMap { target in
            guard let identity = FileIdentity(target.path), let input = read[identity] else { return nil }
            return UsageError(message: "`\(target.option)` would overwrite `\(input)`, a description file this run reads",
                              hint: "write the report or baseline to a file that is not linted")
        }
    }
}

/// A file as the system knows it, whatever the path that names it.
private struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64

    /// The identity of the file at `path` (links followed); nil when there is none.
    init?(_ path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
