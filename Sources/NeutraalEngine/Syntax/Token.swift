/// A token of the rule language: a word, a quoted string, or punctuation, with its location.
public struct Token: Sendable, Hashable {
    /// What sort of token this is.
    public enum Kind: Sendable, Hashable {
        case word
        case string
        case openParen
        case closeParen
        case comma
    }

    public let kind: Kind
    /// The word, or the string's content with escapes resolved.
    public let text: String
    public let location: SourceLocation

    public init(_ kind: Kind, _ text: String, _ location: SourceLocation) {
        self.kind = kind
        self.text = text
        self.location = location
    }

    /// Whether this is the word `keyword` (keywords are case-insensitive).
    public func isWord(_ keyword: String) -> Bool {
        kind == .word && text.lowercased() == keyword
    }
}
