import Testing
@testable import NeutraalEngine

/// Evidence carries keys to the texts that `JSONReporter` prepares once per rule set (fact paths, case
/// names, `true` and `false`): a key must point to exactly the string the evidence holds, and the JSON
/// written from the prepared texts must be the JSON written from the strings.
@Suite("Evidence keys")
struct EvidenceKeysTests {
    private static let day = CivilDate.parse("2024-06-01") ?? 0

    @Test("every key of a piece of evidence points to its own fact path or value", arguments: EvaluationCorpus.allCases)
    func keysPointToTheirText(_ corpus: EvaluationCorpus) throws {
        let (ruleSet, descriptions) = try corpus.load()
        #expect(descriptions.count >= corpus.leastCount)
        let names = DisplayNames(ruleSet.vocabulary).names
        var keyed = (facts: 0, values: 0)
        // with `--explain` the traced pass runs on the condition tree: its keys are checked too
        for explain in [false, true] {
            let evaluator = Evaluator(ruleSet: ruleSet, asOf: Self.day, explain: explain)
            for description in descriptions {
                for finding in evaluator.evaluate(description).findings {
                    for evidence in finding.evidence {
                        let keys = evidence.keys
                        if keys.fact >= 0 {
                            keyed.facts += 1
                            #expect(Int(keys.fact) < ruleSet.factPaths.count && ruleSet.factPaths[Int(keys.fact)] == evidence.fact,
                                    "\(description.id): fact key \(keys.fact) for `\(evidence.fact)`")
                        }
                        switch keys.value {
                        case EvidenceKeys.trueValue: #expect(evidence.value == "true")
                        case EvidenceKeys.falseValue: #expect(evidence.value == "false")
                        case 0...:
                            keyed.values += 1
                            #expect(Int(keys.value) < names.count && names[Int(keys.value)] == evidence.value,
                                    "\(description.id): value key \(keys.value) for `\(evidence.value ?? "nil")`")
                        default: break
                        }
                    }
                }
            }
        }
        // the corpus exercises the keys at all
        #expect(keyed.facts > 0 && keyed.values > 0)
    }

    @Test("JSON written from the prepared texts is the JSON written from the evidence's strings", arguments: EvaluationCorpus.allCases)
    func preparedTextsChangeNothing(_ corpus: EvaluationCorpus) throws {
        let (ruleSet, descriptions) = try corpus.load()
        // the same rules loaded again: its texts do not serve findings of the first rule set, whose
        // evidence is then written from its own strings
        let other = try corpus.ruleSetLoadedAgain()
        let evaluator = Evaluator(ruleSet: ruleSet, asOf: Self.day)
        let context = ReportContext(ruleSet: ruleSet, language: .dutch)
        let otherContext = ReportContext(ruleSet: other, language: .dutch)
        var prepared = JSONReporter(preparedFor: context)
        var fromStrings = JSONReporter(preparedFor: otherContext)
        var differing: [String] = []
        var withEvidence = 0
        for description in descriptions {
            let evaluation = evaluator.evaluate(description)
            if evaluation.findings.contains(where: { !$0.evidence.isEmpty }) { withEvidence += 1 }
            var first = JSONBytes()
            var second = JSONBytes()
            prepared.add(.evaluated(evaluation), context, into: &first)
            fromStrings.add(.evaluated(evaluation), otherContext, into: &second)
            if first.bytes != second.bytes { differing.append(description.id) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
        #expect(withEvidence > 0)
    }
}
