/// The texts that the keys of evidence stand for (see `EvidenceKeys`): the fact paths the rules of a rule
/// set test (`RuleSet.factPaths`) and the names of the cases of its vocabulary (as `DisplayNames` numbers
/// them). Made once when the rule set is compiled and shared by its rules, so that a finding keeps its
/// evidence as numbers and spells it only when it is read (see `EvidenceList`).
final class EvidenceNames: Sendable {
    let factPaths: [String]
    let values: [String]

    init(factPaths: [String], values: [String]) {
        self.factPaths = factPaths
        self.values = values
    }

    /// The names of a rule that is not part of a compiled rule set: none (its findings' evidence has no keys).
    static let none = EvidenceNames(factPaths: [], values: [])

    /// The fact path of key `key` (nil when there is no such key).
    func fact(_ key: Int32) -> String? {
        key >= 0 && Int(key) < factPaths.count ? factPaths[Int(key)] : nil
    }

    /// The value of value key `key`: a case name, `true` or `false` (nil when there is no such key).
    func value(_ key: Int32) -> String? {
        switch key {
        case EvidenceKeys.trueValue: return "true"
        case EvidenceKeys.falseValue: return "false"
        case 0...: return Int(key) < values.count ? values[Int(key)] : nil
        default: return nil
        }
    }
}
