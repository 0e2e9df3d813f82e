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
    public var allowedValues: String { allowedValues(among: nil) }

    /// The values of `indices` (every value when nil), in the enumeration's order, as shown in error messages.
    public func allowedValues(among indices: Set<Int32>?) -> String {
        cases.indices.filter { indices?.contains(Int32($0)) ?? true }.map { index in
            let value = cases[index]
            return value.aliases.isEmpty ? "`\(value.name)`" : "`\(value.name)` (\(value.aliases.map { "`\($0)`" }.joined(separator: ", ")))"
        }.joined(separator: ", ")
    }

    /// Every word that is accepted, for suggestions.
    public var allWords: [String] { cases.flatMap { [$0.name] + $0.aliases } }
}
