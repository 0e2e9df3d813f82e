/// A condition as written in a rule file, before names are resolved against the vocabulary.
public indirect enum ConditionSyntax: Sendable {
    case all([ConditionSyntax], SourceLocation)
    case any([ConditionSyntax], SourceLocation)
    case not(ConditionSyntax, SourceLocation)
    /// A `define`d condition used by name.
    case reference(String, SourceLocation)
    case predicate(PredicateSyntax)
    /// `some | every | no F where (C)`.
    case quantified(Quantifier, field: String, fieldLocation: SourceLocation, ConditionSyntax, SourceLocation)

    /// Where the condition starts.
    public var location: SourceLocation {
        switch self {
        case .all(_, let location), .any(_, let location), .not(_, let location), .reference(_, let location):
            return location
        case .predicate(let predicate): return predicate.fieldLocation
        case .quantified(_, _, _, _, let location): return location
        }
    }
}

/// How a list of objects is quantified in `some`, `every` and `no`.
public enum Quantifier: String, Sendable {
    case some
    case every
    case no
}

/// A comparison of one field, as written.
public struct PredicateSyntax: Sendable {
    /// The comparison operators of the rule language.
    public enum Operator: String, Sendable {
        case equals = "is"
        case notEquals = "is not"
        case oneOf = "is one of"
        case notOneOf = "is not one of"
        case present = "is present"
        case missing = "is missing"
        case before = "is before"
        case after = "is after"
        case onOrBefore = "is on or before"
        case onOrAfter = "is on or after"
        case includes = "includes"
        case includesAny = "includes any of"
        case mentions = "mentions"
        case matches = "matches"
    }

    /// What the field is compared with.
    public enum Operand: Sendable {
        case none
        case value(Token)
        case list([Token])
        /// A `set` name (for `one of` / `any of`) or a lexicon name (for `mentions`).
        case name(Token)
        case pattern(Token)
    }

    public let field: String
    public let fieldLocation: SourceLocation
    public let op: Operator
    public let operand: Operand
}
