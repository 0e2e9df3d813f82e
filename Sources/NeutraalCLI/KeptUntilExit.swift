import Foundation

/// The last rule set a command loaded, kept until the process exits.
///
/// The exit gives a process's memory back at once; a rule set released at the end of a command is freed
/// object by object first (its rules, conditions, tables and automata: about 1 M instructions, some 1.5%
/// of `lint` or `check` of one description). One value at a time, so that a process that runs many
/// commands in turn (the tests) holds no more than the last one.
final class KeptUntilExit: @unchecked Sendable {
    static let shared = KeptUntilExit()

    private var value: Any?
    private let lock = NSLock()

    /// Keeps `value` in place of the one kept before.
    func keep(_ value: Any) {
        lock.lock()
        let before = self.value
        self.value = value
        lock.unlock()
        // the one kept before, if any, is released here, outside the lock
        _ = before
    }

    /// What is kept now.
    var kept: Any? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
