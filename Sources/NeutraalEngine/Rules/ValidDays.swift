/// The days a rule is in force, as two numbers (`Rule.isValid(on:)` without its optionals): the evaluator
/// looks at every rule of a description's kind, and these sit side by side for all rules (`RuleSet.validDays`)
/// where each rule's own fields lie on a cache line of their own.
struct ValidDays: Sendable, Equatable {
    /// The first day in force (`Int32.min`: no start).
    let from: Int32
    /// The last day in force (`Int32.max`: no end).
    let until: Int32

    init(_ rule: Rule) {
        from = rule.validFrom ?? Int32.min
        until = rule.validUntil ?? Int32.max
    }

    /// Whether `day` is in force: what `Rule.isValid(on:)` says of it.
    @inline(__always)
    func contains(_ day: Int32) -> Bool {
        from <= day && day <= until
    }
}
