/// How many positional arguments (files, folders, a rule id) a command takes, and how to say so when it
/// is given more: an argument past the last one the command reads is a usage error, never ignored.
///
/// ```swift
/// Positionals(maximum: 0, accepts: "`rules` takes no arguments, only options")
/// ```
public struct Positionals: Sendable {
    /// The most positional arguments the command reads; nil for any number.
    public let maximum: Int?
    /// What the command accepts, shown as the hint of an unexpected argument.
    public let accepts: String

    public init(maximum: Int?, accepts: String) {
        self.maximum = maximum
        self.accepts = accepts
    }

    /// Any number of positional arguments.
    public static let any = Positionals(maximum: nil, accepts: "any number of arguments")
}
