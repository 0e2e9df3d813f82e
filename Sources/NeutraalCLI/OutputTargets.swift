import Foundation

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
}
