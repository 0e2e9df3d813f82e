import Foundation
import Testing
@testable import NeutraalEngine

/// The evidence texts a JSON reporter quotes once and copies after (`QuotedTexts`): copied as they were
/// quoted, kept only once seen twice, and the lines of a reporter that keeps them are those of one that
/// quotes every text afresh.
@Suite("Quoted texts")
struct QuotedTextsTests {
    /// `text` in a storage of its own (not a literal's), as the evaluator makes its texts.
    static func made(_ text: String) -> String {
        String(decoding: Array(text.utf8), as: UTF8.self)
    }

    @Test("a text seen twice is kept and copied as quoted; one seen once, or longer than a slot, is quoted each time",
          arguments: ["sections[2].draftedBy", "kort", "een \"citaat\" <met> & tekens", "civil-servant, political-assistant, spokesperson",
                      String(repeating: "lang ", count: 20)])
    func kept(_ literal: String) {
        let table = QuotedTexts()
        let text = Self.made(literal)
        var expected = JSONBytes()
        expected.quoted(text)
        for sighting in 1...3 {
            var json = JSONBytes()
            if !table.append(QuotedTexts.words(text), into: &json) {
                #expect(sighting <= 2 || expected.bytes.count > 64)
                table.quoteAndKeep(text, into: &json)
            } else {
                #expect(sighting == 3)
            }
            #expect(json.bytes == expected.bytes)
        }
    }

    @Test("another text with other words is not taken for a kept one")
    func otherText() {
        let table = QuotedTexts()
        let first = Self.made("sections[1].draftedBy"), second = Self.made("sections[2].draftedBy")
        var json = JSONBytes()
        table.quoteAndKeep(first, into: &json)
        table.quoteAndKeep(first, into: &json)
        var other = JSONBytes()
        #expect(!table.append(QuotedTexts.words(second), into: &other))
        #expect(other.bytes.isEmpty)
    }

    @Test("the lines of a reporter that keeps its quoted texts are those of reporters that each quote them afresh")
    func sameLines() throws {
        let ruleSet = try #require(try RuleSetCopiesTests.copies().first)
        let context = ReportContext(ruleSet: ruleSet, language: .dutch)
        let prepared = JSONReporter(preparedFor: context)
        let evaluator = Evaluator(ruleSet: ruleSet, asOf: RuleSetCopiesTests.day)
        var generator = GeneratedActivities(seed: 23)
        let source = SourceText(path: "batch.jsonl", bytes: Array((generator.lines(600).joined(separator: "\n") + "\n").utf8))
        var keeping = prepared
        var workspace = Evaluator.Workspace()
        var quotedTexts = 0
        for outcome in DescriptionReader(vocabulary: ruleSet.vocabulary).read(source) {
            guard case .description(let description) = outcome else { continue }
            let item = ReportItem.evaluated(evaluator.evaluate(description, reusing: &workspace))
            var fresh = prepared
            var afresh = JSONBytes(), kept = JSONBytes()
            fresh.render(item, into: &afresh)
            keeping.render(item, into: &kept)
            #expect(kept.bytes == afresh.bytes)
            if case .evaluated(let evaluation) = item {
                quotedTexts += evaluation.findings.reduce(0) { count, finding in
                    count + finding.evidenceList.withEntries { entries in
                        entries.reduce(0) { $0 + [$1.factText, $1.valueText, $1.match].filter { $0 >= 0 }.count }
                    }
                }
            }
            workspace.recycle(item)
        }
        // the batch holds texts to quote, most of them again and again
        #expect(quotedTexts > 100)
    }
}
