/// One guideline: when it applies, what it concludes, what it rests on, and its examples.
///
/// A rule is immutable and shared by reference: every finding points at its rule without copying it.
public final class Rule: Sendable {
    /// The rule's position in `RuleSet.rules` (reporters key what they render once per rule by it).
    public let index: Int
    public let id: String
    public let title: String
    public let citation: Citation
    /// Kind indices the rule judges; nil for `any`.
    public let kinds: Set<Int32>?
    public let condition: Condition
    /// The condition as written, for catalogs and `explain`.
    public let conditionText: String
    public let verdict: Verdict
    public let messageNL: String
    public let messageEN: String
    public let weighNL: String?
    public let weighEN: String?
    /// Ids of the more general rules this one makes an exception to.
    public let overrides: [String]
    public let validFrom: Int32?
    public let validUntil: Int32?
    public let quote: String?
    public let examples: [Example]
    public let location: SourceLocation
    /// What the keys of the evidence of this rule's findings stand for: the names of the rule set the rule
    /// was compiled in (none for a rule made on its own).
    let evidenceNames: EvidenceNames

    public convenience init(index: Int, id: String, title: String, citation: Citation, kinds: Set<Int32>?, condition: Condition,
                conditionText: String, verdict: Verdict, messageNL: String, messageEN: String, weighNL: String?, weighEN: String?,
                overrides: [String], validFrom: Int32?, validUntil: Int32?, quote: String?, examples: [Example],
                location: SourceLocation) {
        self.init(index: index, id: id, title: title, citation: citation, kinds: kinds, condition: condition, conditionText: conditionText,
                  verdict: verdict, messageNL: messageNL, messageEN: messageEN, weighNL: weighNL, weighEN: weighEN, overrides: overrides,
                  validFrom: validFrom, validUntil: validUntil, quote: quote, examples: examples, location: location, evidenceNames: .none)
    }

    init(index: Int, id: String, title: String, citation: Citation, kinds: Set<Int32>?, condition: Condition,
         conditionText: String, verdict: Verdict, messageNL: String, messageEN: String, weighNL: String?, weighEN: String?,
         overrides: [String], validFrom: Int32?, validUntil: Int32?, quote: String?, examples: [Example],
         location: SourceLocation, evidenceNames: EvidenceNames) {
        self.evidenceNames = evidenceNames
        self.index = index
        self.id = id
        self.title = title
        self.citation = citation
        self.kinds = kinds
        self.condition = condition
        self.conditionText = conditionText
        self.verdict = verdict
        self.messageNL = messageNL
        self.messageEN = messageEN
        self.weighNL = weighNL
        self.weighEN = weighEN
        self.overrides = overrides
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.quote = quote
        self.examples = examples
        self.location = location
    }

    /// The message in a language.
    public func message(_ language: Language) -> String { language == .dutch ? messageNL : messageEN }

    /// What to weigh, in a language.
    public func weigh(_ language: Language) -> String? { language == .dutch ? weighNL : weighEN }

    /// Whether the rule is in force on a day.
    public func isValid(on day: Int32) -> Bool {
        if let from = validFrom, day < from { return false }
        if let until = validUntil, day > until { return false }
        return true
    }
}
