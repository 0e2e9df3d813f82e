import Testing
@testable import NeutraalEngine

/// A finding keeps its evidence as keys to the rule set's names (fact paths, case names, `true` and
/// `false`), which `JSONReporter` also prepares as JSON once per rule set: a key must stand for exactly the
/// fact and value the description has, and the JSON written from the prepared texts must be the JSON written
/// from the names.
@Suite("Evidence keys")
struct EvidenceKeysTests {
    private static let day = CivilDate.parse("2024-06-01") ?? 0

    @Test("every key of a piece of evidence stands for its own fact path and value, as the description has them", arguments: EvaluationCorpus.allCases)
    func keysPointToTheirText(_ corpus: EvaluationCorpus) throws {
        let (ruleSet, descriptions) = try corpus.load()
        #expect(descriptions.count >= corpus.leastCount)
        let vocabulary = ruleSet.vocabulary
        var keyed = (facts: 0, values: 0)
        // with `--explain` the traced pass runs on the condition tree: its keys are checked too
        for explain in [false, true] {
            let evaluator = Evaluator(ruleSet: ruleSet, asOf: Self.day, explain: explain)
            for description in descriptions {
                for finding in evaluator.evaluate(description).findings {
                    // the evidence is spelled from its keys: the spelling is checked against the description itself
                    for evidence in finding.evidence where evidence.keys.fact >= 0 {
                        keyed.facts += 1
                        guard let slot = vocabulary.root.slotByPath[evidence.fact], let value = description.record.values[slot] else {
                            Issue.record("\(description.id): fact key \(evidence.keys.fact) spells `\(evidence.fact)`, which the description does not have")
                            continue
                        }
                        guard evidence.match == nil else { continue }
                        if evidence.keys.value >= 0 { keyed.values += 1 }
                        let shown = Evaluator.display(value, type: vocabulary.root.fields[slot].type, vocabulary: vocabulary)
                        #expect(evidence.value == shown, "\(description.id): `\(evidence.fact)` is \(shown), evidence says \(evidence.value ?? "nil")")
                    }
                }
            }
        }
        // the corpus exercises the keys at all
        #expect(keyed.facts > 0 && keyed.values > 0)
    }

    @Test("the rules of a rule set share the names their evidence's keys stand for")
    func rulesShareTheirNames() throws {
        for ruleSet in [try RuleSetLoader().load(folder: PackageRoot.path() + "/Rules"), try RuleSetLoader().load(sources: Fixture.sources)] {
            let names = try #require(ruleSet.rules.first?.evidenceNames)
            #expect(ruleSet.rules.allSatisfy { $0.evidenceNames === names })
            #expect(names.factPaths == ruleSet.factPaths)
            #expect(names.values == DisplayNames(ruleSet.vocabulary).names)
        }
    }

    @Test("JSON written from the prepared texts is the JSON written from the names of the findings' rules", arguments: EvaluationCorpus.allCases)
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
