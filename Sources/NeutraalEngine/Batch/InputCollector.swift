import Foundation

/// Expands the paths given to `lint` into the files to read: folders recursively (description files by
/// extension, in path order), files as given, `-` for standard input. Unreadable folders and symbolic-link
/// loops become located problems; files that are not description files, and hidden files and folders
/// (names starting with `.`, such as `.git`) met while walking a folder, are counted, never silently lost.
/// A hidden file or folder named in `paths` is read like any other.
public struct InputCollector {
    /// One thing to read.
    public enum Input: Sendable, Equatable {
        case file(String)
        case standardInput
        /// A path that could not be read, with the reason.
        case problem(path: String, code: String, message: String, hint: String?)
    }

    /// The extensions read from folders.
    public static let extensions = ["md", "json", "jsonl", "ndjson", "txt", "post"]

    public private(set) var inputs: [Input] = []
    /// Files in folders that are not description files (by extension).
    public private(set) var skipped: [String] = []
    /// Hidden files and folders (names starting with `.`) met in folders and not read; folders end in `/`.
    public private(set) var hidden: [String] = []

    public init() {}

    public mutating func collect(_ paths: [String]) {
        for path in paths {
            if path == "-" {
                inputs.append(.standardInput)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                inputs.append(Self.missing(path) ?? .problem(path: path, code: "input.not-found", message: "no such file or folder `\(path)`", hint: nil))
                continue
            }
            if isDirectory.boolValue {
                var visited: Set<String> = []
                walk(path, visited: &visited)
            } else {
                inputs.append(.file(path))
            }
        }
    }

    private mutating func walk(_ folder: String, visited: inout Set<String>) {
        // realpath(3): `resolvingSymlinksInPath` leaves relative paths unresolved on Linux, so a loop went unnoticed
        let canonical = realpath(folder, nil).map { resolved in
            defer { free(resolved) }
            return String(cString: resolved)
        } ?? URL(fileURLWithPath: folder).standardizedFileURL.path
        guard visited.insert(canonical).inserted else {
            inputs.append(.problem(path: folder, code: "input.symlink-loop", message: "`\(folder)` leads back to a folder already read (a symbolic-link loop)",
                                   hint: "the loop was not followed; the files were read once"))
            return
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            inputs.append(.problem(path: folder, code: "input.unreadable", message: "cannot read the folder `\(folder)`", hint: "check its permissions"))
            return
        }
        for name in names {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if name.hasPrefix(".") {
                hidden.append(exists && isDirectory.boolValue ? path + "/" : path)
                continue
            }
            guard exists else {
                // a path that vanished since the folder was listed is passed over
                if let problem = Self.missing(path) { inputs.append(problem) }
                continue
            }
            if isDirectory.boolValue {
                walk(path, visited: &visited)
            } else if Self.extensions.contains((name as NSString).pathExtension.lowercased()) {
                inputs.append(.file(path))
            } else {
                skipped.append(path)
            }
        }
        visited.remove(canonical)
    }

    /// The problem of a path that cannot be followed: a symbolic link leading back to itself (`ELOOP`), or one
    /// leading nowhere; nil when nothing is there at all.
    private static func missing(_ path: String) -> Input? {
        var status = stat()
        if stat(path, &status) != 0, errno == ELOOP {
            return .problem(path: path, code: "input.symlink-loop", message: "`\(path)` is a symbolic link that leads back to itself (a symbolic-link loop)",
                            hint: "the loop was not followed; point the link at a file or folder")
        }
        if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
            return .problem(path: path, code: "input.not-found", message: "`\(path)` is a broken symbolic link", hint: nil)
        }
        return nil
    }
}
