/// A document that rules cite, declared once in a `source` block.
public struct SourceDocument: Sendable {
    public let id: String
    public let title: String
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as the source block gives it.
    public let date: String
    public let identifier: String?
    public let url: String?
    public let author: String?
    /// The id of a source that quotes this one.
    public let quotedIn: String?
    public let note: String?
    public let location: SourceLocation
}

/// Where a rule rests: a source and the place in it.
public struct Citation: Sendable {
    public let sourceID: String
    /// Section, page or answer number, as written in the rule.
    public let locator: String
    public let location: SourceLocation
}
