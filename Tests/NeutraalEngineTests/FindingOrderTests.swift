import Testing
@testable import NeutraalEngine

/// The findings of a description come in the order every report shows them: standing findings first
/// (fired, undetermined, waived or baselined, overridden, silent), most severe verdict first within a
/// status, and in rule order where both are alike.
@Suite("Finding order")
struct FindingOrderTests {
    /// The statuses in the order reports promise (waived and baselined findings rank alike), as written in
    /// the output.
    private static let statusOrder: [Set<String>] = [["fired"], ["undetermined"], ["waived", "baselined"], ["overridden"], ["silent"]]

    private static func rank(_ finding: Finding) -> Int {
        statusOrder.firstIndex { $0.contains(finding.statusWord) } ?? statusOrder.count
    }

    @Test("findings are ordered by status, then verdict, then rule order", arguments: EvaluationCorpus.allCases)
    func findingsAreOrdered(_ corpus: EvaluationCorpus) throws {
        let (ruleSet, descriptions) = try corpus.load()
        #expect(descriptions.count >= corpus.leastCount)
        var reordered = 0
        // with explanations the silent findings are kept too, so every status meets every other
        for explain in [false, true] {
            let evaluator = Evaluator(ruleSet: ruleSet, asOf: CivilDate.parse("2025-06-01") ?? 0, explain: explain)
            for description in descriptions {
                let findings = evaluator.evaluate(description).findings
                let positions = findings.map { ruleSet.ruleIndexByID[$0.rule.id] ?? -1 }
                if positions != positions.sorted() { reordered += 1 }
                for index in findings.indices.dropFirst() {
                    let (before, after) = (findings[index - 1], findings[index])
                    let key = (Self.rank(before), -before.rule.verdict.severity, positions[index - 1])
                    let next = (Self.rank(after), -after.rule.verdict.severity, positions[index])
                    #expect(key < next, "\(description.id): \(before.rule.id) (\(before.statusWord)) before \(after.rule.id) (\(after.statusWord))")
                }
            }
        }
        // the order is put together, not found as it was: some descriptions' findings had to be moved
        #expect(reordered > 0)
    }
}
