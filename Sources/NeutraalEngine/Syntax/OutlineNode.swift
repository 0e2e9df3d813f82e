/// One non-blank, non-comment line of a rule file, with the lines indented below it.
///
/// The first stage of reading a rule file: lines and their nesting, nothing more. Later stages give the
/// lines meaning (block headers, attributes, conditions, example facts).
public struct OutlineNode: Sendable {
    /// The line's text without indentation and without a trailing comment.
    public let text: String
    /// Where the text starts.
    public let location: SourceLocation
    /// The more deeply indented lines directly below.
    public var children: [OutlineNode]
}
