@testable import NeutraalEngine

/// Replays a rule's examples the way `neutraal test` does: each example is judged with the whole rule set,
/// and the rule's finding must be what the example's header says.
enum ExampleReplay {
    /// One example that did not come out as written, with the reason.
    struct Failure: CustomStringConvertible {
        let example: String
        let location: SourceLocation
        let reason: String
        var description: String { "\(location): example \"\(example)\": \(reason)" }
    }

    static func failures(of rule: Rule, in ruleSet: RuleSet, asOf: Int32 = CivilDate.today()) -> [Failure] {
        let evaluator = Evaluator(ruleSet: ruleSet, asOf: asOf)
        var failures: [Failure] = []
        for example in rule.examples {
            guard let description = example.description else {
                failures.append(Failure(example: example.name, location: example.location, reason: "its facts did not read"))
                continue
            }
            let evaluation = evaluator.evaluate(description)
            let status = evaluation.status(rule.id)
            let holds: Bool
            switch example.expectation {
            case .fires: holds = status == .fired
            case .silent: holds = status == .silent
            case .overridden: if case .overridden = status { holds = true } else { holds = false }
            case .undetermined: holds = status == .undetermined
            }
            if !holds {
                failures.append(Failure(example: example.name, location: example.location,
                                        reason: "expected \(example.expectation.rawValue), got \(status)"))
            }
            if let expected = example.expectedVerdict, evaluation.verdict != expected {
                failures.append(Failure(example: example.name, location: example.location,
                                        reason: "expected overall verdict \(expected.rawValue), got \(evaluation.verdict.rawValue)"))
            }
        }
        return failures
    }
}
