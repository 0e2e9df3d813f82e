import Testing
@testable import NeutraalEngine

/// The days in force of every rule, laid out side by side for the evaluator, against `Rule.isValid(on:)`.
@Suite("Valid days")
struct ValidDaysTests {
    @Test("each rule's days in force say what the rule says, on its bounds, around them and far from them")
    func sameAsTheRules() throws {
        for ruleSet in [try Fixture.ruleSet(), try RealRules.ruleSet()] {
            #expect(ruleSet.validDays.count == ruleSet.rules.count)
            for (index, rule) in ruleSet.rules.enumerated() {
                var days: [Int32] = [Int32.min, -1, 0, 19_000, Int32.max]
                for bound in [rule.validFrom, rule.validUntil].compactMap({ $0 }) { days += [bound - 1, bound, bound + 1] }
                for day in days {
                    #expect(ruleSet.validDays[index].contains(day) == rule.isValid(on: day), "\(rule.id) on day \(day)")
                }
            }
        }
        // the real rule set has rules with a start or an end, so that the bounds above are looked at
        #expect(try RealRules.ruleSet().rules.contains { $0.validFrom != nil || $0.validUntil != nil })
    }
}
