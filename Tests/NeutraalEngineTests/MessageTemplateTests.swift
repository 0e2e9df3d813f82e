import Testing
@testable import NeutraalEngine

/// Messages that quote facts, written straight into JSON from their split template, against the message
/// built as a string (`FactDisplay.message`) and then quoted.
@Suite("Message templates")
struct MessageTemplateTests {
    /// The findings of `descriptions` whose message the template writes differently from the string path.
    static func differences(_ descriptions: [Description], _ ruleSet: RuleSet) -> [String] {
        let evaluator = Evaluator(ruleSet: ruleSet, asOf: CivilDate.parse("2024-06-01") ?? 0, explain: true)
        var differences: [String] = []
        for language in [Language.dutch, .english] {
            let context = ReportContext(ruleSet: ruleSet, language: language)
            for description in descriptions {
                let evaluation = evaluator.evaluate(description)
                for finding in evaluation.findings {
                    guard let template = MessageTemplate(finding.rule.message(language), vocabulary: ruleSet.vocabulary) else {
                        differences.append("\(finding.rule.id): no template")
                        continue
                    }
                    var written = JSONBytes()
                    template.write(finding, evaluation, context, into: &written)
                    let expected = Array(",\"message\":".utf8) + JSONBytes.quoted(FactDisplay.message(finding, evaluation, context))
                    if written.bytes != expected {
                        differences.append("\(description.id) \(finding.rule.id) \(language): \(String(decoding: written.bytes, as: UTF8.self))")
                    }
                }
            }
        }
        return differences
    }

    @Test("every rule's message on the samples, the rule examples and a generated batch, in Dutch and English")
    func realRules() throws {
        let ruleSet = try RealRules.ruleSet()
        let generated = GeneratedActivities.descriptions(500, seed: 5, ruleSet)
        let descriptions = ruleSet.rules.flatMap { $0.examples.compactMap(\.description) }
            + (try RuleSetPropertiesTests.samples(ruleSet)) + generated
        #expect(descriptions.count > 500)
        let differences = Self.differences(descriptions, ruleSet)
        #expect(differences.isEmpty, "\(differences.prefix(10))")
    }

    @Test("placeholders as `Finding.message` reads them: unknown facts, unclosed braces, escapes in the text")
    func edgeCases() throws {
        let ruleSet = try RealRules.ruleSet()
        let vocabulary = ruleSet.vocabulary
        let cases: [(String, Int)] = [
            ("no placeholder at all", 1), ("{kind}", 1), ("a {kind} b {nope} c", 5), ("open { without close", 1),
            ("{a{b} and }", 2), ("quote \" and <tag> {match}", 2), ("", 0),
        ]
        for (text, parts) in cases {
            #expect(MessageTemplate(text, vocabulary: vocabulary)?.parts.count == parts, "`\(text)`")
        }
        // a brace joined to a combining mark is one character, not a brace: left to the string path
        #expect(MessageTemplate("{\u{301}kind}", vocabulary: vocabulary) == nil)
        #expect(MessageTemplate("{kind}\u{301}", vocabulary: vocabulary) == nil)
    }
}
