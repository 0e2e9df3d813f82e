/// The exit statuses of `neutraal`.
public enum ExitCode {
    /// Nothing at or above the failing verdict; every input read.
    public static let success: Int32 = 0
    /// A description got a failing verdict (by default: a violation), or a regression test failed.
    public static let findings: Int32 = 1
    /// Wrong usage (for `test` also a `--filter` that matches nothing), unreadable input (for `test`: a sample
    /// that cannot be read), or a broken rule set.
    public static let inputError: Int32 = 2
}
