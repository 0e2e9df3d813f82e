/// An enumeration of the vocabulary: canonical English names with their Dutch aliases.
public struct EnumType: Sendable {
    /// One value with the other words users may write for it.
    public struct Case: Sendable {
        public let name: String
        public let aliases: [String]
    }

    public let name: String
    public let title: String
    public let cases: [Case]
    private let lookup: [String: Int32]

    public init(name: String, title: String, cases: [Case]) {
        self.name = name
        self.title = title
        self.cases = cases
        var lookup: [String: Int32] = [:]
        for (index, value) in cases.enumerated() {
            lookup[value.name.lowercased()] = Int32(index)
            for alias in value.aliases { lookup[alias.lowercased()] = Int32(index) }
        }
        self.lookup = lookup
    }

    /// The case index for a word as a user wrote it (case-insensitive, English or Dutch).
    public func caseIndex(of word: String) -> Int32? {
        if let found = lookup[word] { return found }
        return lookup[word.lowercased()]
    }

    /// The allowed values as shown in error messages: `hybrid (hybride)`.
    public var allowedValues: String {
        cases.map { $0.aliases.isEmpty ? "`\($0.name)`" : "`\($0.name)` (\($0.aliases.map { "`\($0)`" }.joined(separator: ", ")))" }
            .joined(separator: ", ")
    }

    /// Every word that is accepted, for suggestions.
    public var allWords: [String] { cases.flatMap { [$0.name] + $0.aliases } }
}
