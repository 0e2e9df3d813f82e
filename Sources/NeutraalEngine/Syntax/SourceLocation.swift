/// A place in an input file: a path and a 1-based line and column (columns count Unicode characters).
///
/// Locations are carried by every parsed element so that diagnostics and findings can point at the
/// exact spot; two values that differ only in where they were written still compare equal where that
/// matters (see the model types), but locations themselves compare by file, line, then column.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path as the user gave it (never made absolute).
    public let file: String
    /// 1-based line number.
    public let line: Int
    /// 1-based column, in Unicode scalars.
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and CI systems recognise.
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
