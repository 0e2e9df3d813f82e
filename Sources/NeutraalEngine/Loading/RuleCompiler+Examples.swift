/// The checks of a rule's examples as a whole: each one can come out as it says, and `neutraal test` can
/// name it. An example that could only ever fail (of a kind or on a day the rule does not judge) is refused
/// when the rules load, at the example, rather than failing in every test run as "actual: silent".
extension RuleCompiler {
    /// Reports two examples of one name, and an example that should fire or be undetermined but is of a kind
    /// the rule does not judge or dated outside its period, and an undated example of a rule with `valid until`.
    mutating func checkExamples(_ examples: [Example], of block: Block, kinds: Set<Int32>?, validFrom: Int32?, validUntil: Int32?) {
        var firstExample: [String: SourceLocation] = [:]
        for example in examples {
            if let earlier = firstExample[example.name] {
                // the name is the example's test name in reports (JUnit): two of them would read as one
                error("rules.duplicate-example", "rule `\(block.name)` has two examples named \"\(example.name)\" (first at \(earlier))",
                      at: example.location, hint: "name each example after what it shows")
            } else {
                firstExample[example.name] = example.location
            }
        }
        if let kinds, !kinds.isEmpty {
            // the rule judges no description of another kind: such an example can only stay silent
            for example in examples where example.expectation != .silent {
                guard case .symbol(let kind)? = example.description?.record.values[vocabulary.kindSlot], !kinds.contains(kind) else { continue }
                let names = kinds.sorted().map { "`\(vocabulary.kinds.cases[Int($0)].name)`" }.joined(separator: ", ")
                error("rules.invalid-example",
                      "example \"\(example.name)\" is a `\(vocabulary.kinds.cases[Int(kind)].name)`, which rule `\(block.name)` does not judge (it applies to \(names))",
                      at: example.location, hint: "give the example `kind:` one of \(names), or make it `example silent`")
            }
        }
        guard let dateSlot = vocabulary.dateSlot else { return }
        if validFrom != nil || validUntil != nil {
            // the rule judges nothing dated outside its period: such an example can only stay silent
            for example in examples where example.expectation != .silent {
                guard case .date(let day)? = example.description?.record.values[dateSlot],
                      day < (validFrom ?? Int32.min) || day > (validUntil ?? Int32.max) else { continue }
                let period = [validFrom.map { "from \(CivilDate.format($0))" }, validUntil.map { "until \(CivilDate.format($0))" }]
                    .compactMap { $0 }.joined(separator: " ")
                error("rules.invalid-example",
                      "example \"\(example.name)\" is dated \(CivilDate.format(day)), when rule `\(block.name)` is not in force (it is in force \(period))",
                      at: example.location, hint: "give the example a `date:` on which the rule is in force, or make it `example silent`")
            }
        }
        if let until = validUntil {
            // judged on the day of the check, an undated example would fail from the day after `valid until` on
            for example in examples where example.description.map({ $0.record.values[dateSlot] == nil }) ?? false {
                error("rules.undated-example", "example \"\(example.name)\" of rule `\(block.name)`, valid until \(CivilDate.format(until)), has no `date`",
                      at: example.location, hint: "give it `date:` a day on which the rule is in force (an undated example is judged on the day of the check)")
            }
        }
    }
}
