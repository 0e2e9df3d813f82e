/// A named list of words and phrases to find in texts.
public struct Lexicon: Sendable {
    /// One word or phrase.
    public struct Entry: Sendable {
        public let text: String
        public let caseSensitive: Bool
        public let location: SourceLocation
    }

    public let name: String
    public let title: String
    /// Whole words only (the default) or anywhere.
    public let wholeWords: Bool
    public let entries: [Entry]
    public let location: SourceLocation
}
