import Testing
@testable import NeutraalEngine

/// A text read in place where the reader found its record ASCII is scanned where its bytes are and copied
/// into the room of an earlier text only where a pattern or evidence reads it, without its bytes checked
/// again (`Evaluator.Scope.asciiBytes`): the findings and their evidence are those of the same records judged
/// without what the reader found, texts outside ASCII (accents, ligatures, soft hyphens) folded as always.
@Suite("Known ASCII texts")
struct KnownASCIITextTests {
    /// Records of hybrid accounts with calls to campaign, the words of the call written with accents and a
    /// soft hyphen (which only folding matches), before and after texts of plain ASCII.
    static let written = [
        #"{"id":"plain","kind":"post","actor":{"role":"minister","ministry":"OCW"},"account":{"variant":"hybrid","holder":"minister","platform":"x"},"postedBy":"minister","text":"Kom naar onze campagne-avond. Breng je stem uit op ons!","date":"2023-12-04"}"#,
        #"{"id":"accents","kind":"post","actor":{"role":"minister","ministry":"OCW"},"account":{"variant":"hybrid","holder":"minister","platform":"x"},"postedBy":"minister","text":"Kom naar onze campagne-avond. Brèng jé stem uit op ons! ﬁnanciën","date":"2023-12-04"}"#,
        "{\"id\":\"soft-hyphen\",\"kind\":\"post\",\"actor\":{\"role\":\"minister\",\"ministry\":\"OCW\"},\"account\":{\"variant\":\"hybrid\",\"holder\":\"minister\",\"platform\":\"x\"},\"postedBy\":\"minister\",\"text\":\"Breng je st\u{AD}em uit op ons!\",\"date\":\"2023-12-04\"}",
        #"{"id":"plain-again","kind":"post","actor":{"role":"minister","ministry":"OCW"},"account":{"variant":"hybrid","holder":"minister","platform":"x"},"postedBy":"minister","text":"Breng je stem uit op ons!","date":"2023-12-04"}"#,
    ]

    @Test("texts folded in the room of earlier ones, known ASCII or not, give the findings of texts checked byte by byte")
    func sameFindings() throws {
        let ruleSet = try RealRules.ruleSet()
        var generator = GeneratedActivities(seed: 5)
        // the written records between generated ones, so that each is folded into the room of an earlier text
        let lines = generator.lines(200) + Self.written + generator.lines(50) + Self.written.reversed()
        let source = SourceText(path: "batch.jsonl", text: lines.joined(separator: "\n") + "\n")
        var hinted: [Description] = []
        DescriptionReader(vocabulary: ruleSet.vocabulary).forEachLine(source, from: 0, firstNumber: 1, allowEmpty: false, room: nil) { outcome in
            if case .description(let description) = outcome { hinted.append(description) }
        }
        // (a few generated records do not read as descriptions)
        #expect(hinted.count > lines.count - 10)
        #expect(hinted.allSatisfy { $0.asciiEnd >= 0 })
        let evaluator = Evaluator(ruleSet: ruleSet)
        var workspace = Evaluator.Workspace()
        var accentedCalls = 0
        var evidenceCount = 0
        for description in hinted {
            let plain = Description(id: description.id, record: description.record, source: description.source,
                                    offset: description.offset, expectation: description.expectation)
            #expect(plain.asciiEnd < 0)
            let known = evaluator.evaluate(description, reusing: &workspace)
            let checked = evaluator.evaluate(plain)
            #expect(known.findings.map(\.rule.id) == checked.findings.map(\.rule.id), "\(description.id)")
            #expect(known.findings.map(\.status) == checked.findings.map(\.status), "\(description.id)")
            #expect(known.findings.map(\.evidence) == checked.findings.map(\.evidence), "\(description.id)")
            let matches = known.findings.flatMap(\.evidence).compactMap(\.match)
            evidenceCount += matches.count
            if description.id == "accents" || description.id == "soft-hyphen" {
                #expect(matches.contains { $0.hasPrefix("Brèng jé stem") || $0.contains("\u{AD}") }, "\(description.id): \(matches)")
                accentedCalls += 1
            }
        }
        #expect(accentedCalls == 4)
        #expect(evidenceCount > 100)
    }
}
