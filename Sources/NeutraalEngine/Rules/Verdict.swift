/// The verdict of a rule or of a whole description, ordered by severity:
/// `allowed` < `advisory` < `judgement` < `violation`.
public enum Verdict: String, Sendable, CaseIterable, Comparable {
    case allowed
    case advisory
    case judgement
    case violation

    var severity: Int {
        switch self {
        case .allowed: return 0
        case .advisory: return 1
        case .judgement: return 2
        case .violation: return 3
        }
    }

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.severity < rhs.severity }

    /// The Dutch word users say.
    public var dutch: String {
        switch self {
        case .allowed: return "toegestaan"
        case .advisory: return "let op"
        case .judgement: return "afweging"
        case .violation: return "niet toegestaan"
        }
    }

    /// Reads a verdict in English or Dutch.
    public init?(word: String) {
        let lower = word.lowercased().trimmingSpaces()
        if let verdict = Verdict(rawValue: lower) { self = verdict; return }
        guard let verdict = Verdict.allCases.first(where: { $0.dutch == lower }) else { return nil }
        self = verdict
    }

    /// The word in the given language.
    public func word(_ language: Language) -> String { language == .dutch ? dutch : rawValue }
}

/// The languages of messages.
public enum Language: String, Sendable {
    case dutch = "nl"
    case english = "en"
}
