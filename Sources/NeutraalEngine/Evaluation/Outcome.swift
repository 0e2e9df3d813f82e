/// The three outcomes of a condition: true, false, or unknown because a fact is missing.
public enum Outcome: String, Sendable {
    case `true`
    case `false`
    case unknown

    static func from(_ flag: Bool) -> Outcome { flag ? .true : .false }

    var negated: Outcome {
        switch self {
        case .true: return .false
        case .false: return .true
        case .unknown: return .unknown
        }
    }
}
