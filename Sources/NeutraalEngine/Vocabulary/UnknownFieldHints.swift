import Foundation

/// The hints for the unknown fields of one record layout, worked out once for each spelling met.
///
/// A hint names the fields of the group an unknown key stands for, or the closest field or group by edit
/// distance, compared with every field and group of the layout. A batch exported with a field that the
/// vocabulary does not know has that field in every record, and working the hint out again for each record
/// was most of the time such a batch took (the edit distance alone 18.5% of it, some 20,000 records a second
/// with two jobs); kept, the search is made once per spelling. At most `limit` spellings are kept, so that
/// memory stays flat whatever keys a batch holds: beyond them a hint is worked out each time, as before.
/// Shared by the workers, behind a lock (taken only on the path of an error).
public final class UnknownFieldHints: @unchecked Sendable {
    /// The most spellings whose hints are kept.
    public static let limit = 256

    private let lock = NSLock()
    private var hints: [String: String] = [:]

    public init() {}

    /// The hint for `key`: the one kept, or the one `make` works out (kept while there is room).
    public func hint(for key: String, make: (String) -> String) -> String {
        lock.lock()
        let known = hints[key]
        lock.unlock()
        if let known { return known }
        let made = make(key)
        lock.lock()
        if hints.count < Self.limit { hints[key] = made }
        lock.unlock()
        return made
    }
}
