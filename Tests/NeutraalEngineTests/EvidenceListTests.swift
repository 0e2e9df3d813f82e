import Testing
@testable import NeutraalEngine

/// A finding keeps its evidence as numbers and the few texts without a key (`EvidenceList`), and spells it
/// out as `Evidence` when it is read: what is read must be what was kept, and the evaluator's numbers must
/// spell the evidence that the condition tree shows.
@Suite("Evidence lists")
struct EvidenceListTests {
    private static let day = CivilDate.parse("2024-06-01") ?? 0

    @Test("evidence written out as values reads back the same: texts, missing parts, places in two files")
    func valuesReadBack() {
        let evidence = [
            Evidence(fact: "capacity", value: "private", match: nil, start: nil, end: nil,
                     location: SourceLocation(file: "a.jsonl", line: 1, column: 590)),
            Evidence(fact: "sections[2].draftedBy", value: nil, match: "stem op", start: 0, end: 7,
                     location: SourceLocation(file: "a.jsonl", line: 1, column: 183)),
            Evidence(fact: "text", value: nil, match: "verkiezingen", start: 12, end: 24,
                     location: SourceLocation(file: "b.md", line: 7, column: 3)),
            Evidence(fact: "postedBy", value: "minister", match: nil, start: nil, end: nil, location: nil),
        ]
        let list = EvidenceList(evidence)
        #expect(list.count == 4)
        #expect(list.evidence(names: .none) == evidence)
        #expect(list.firstMatch == "stem op")
        #expect(EvidenceList([]).isEmpty && EvidenceList([]).evidence(names: .none).isEmpty)
        #expect(EvidenceList([evidence[0], evidence[3]]).firstMatch == nil)
    }

    @Test("a finding's evidence reads the same through `evidence`, `firstMatch` and `with(status:)`, placed in its description's file",
          arguments: EvaluationCorpus.allCases)
    func findingsReadTheirEvidence(_ corpus: EvaluationCorpus) throws {
        let (ruleSet, descriptions) = try corpus.load()
        let evaluator = Evaluator(ruleSet: ruleSet, asOf: Self.day)
        var differences: [String] = []
        var pieces = (all: 0, elements: 0, matches: 0)
        for description in descriptions {
            for finding in evaluator.evaluate(description).findings {
                let evidence = finding.evidence
                pieces.all += evidence.count
                pieces.elements += evidence.filter { $0.fact.contains("[") }.count
                pieces.matches += evidence.filter { $0.match != nil }.count
                #expect(evidence.count == finding.evidenceList.count)
                if finding.evidenceList.firstMatch != evidence.first(where: { $0.match != nil })?.match {
                    differences.append("\(description.id) \(finding.rule.id): first match")
                }
                if finding.with(status: .baselined).evidence != evidence { differences.append("\(description.id) \(finding.rule.id): with(status:)") }
                for piece in evidence where piece.location.map({ $0.file != description.source.path || $0.line < 1 || $0.column < 1 }) ?? false {
                    differences.append("\(description.id) \(finding.rule.id): `\(piece.fact)` placed at \(piece.location?.description ?? "")")
                }
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5))")
        // the corpus has evidence of every kind: top-level facts, elements of lists, words that matched
        #expect(pieces.all > 0)
        if corpus != .everyConstruct { #expect(pieces.elements > 0 && pieces.matches > 0) }
    }
}
