import Testing
@testable import NeutraalEngine

/// A pattern written in two rules is compiled once: both rules test the same pattern, which a description's
/// text is searched for once, and each rule judges as it would alone.
@Suite("Patterns shared between rules")
struct PatternSharingTests {
    private typealias Loader = LoaderErrorTests

    @Test("the same pattern text in two rules is one pattern; another text, or the same with another case mode, is another")
    func samePatternOnce() throws {
        let pattern = #""(?c)Stem (op|voor) [A-Z]""#
        let rules = Loader.rule("R-1", when: "text matches \(pattern)")
            + Loader.rule("R-2", when: "text matches \(pattern) and account.variant is corporate")
            + Loader.rule("R-3", when: #"text matches "Stem (op|voor) [A-Z]""#)
        let set = try RuleSetLoader().load(sources: [SourceText(path: "fixture.schema", text: Fixture.schema),
                                                    SourceText(path: "prelude.rules", text: Loader.prelude),
                                                    SourceText(path: "shared.rules", text: rules)])
        #expect(set.patterns.count == 2)
        #expect(set.patterns.map(\.source).sorted() == ["(?c)Stem (op|voor) [A-Z]", "Stem (op|voor) [A-Z]"])
        // each rule judges as written: R-1 and R-2 on the capital, R-3 (without case) on the lower-case text too
        let evaluator = Evaluator(ruleSet: set.withPatternAutomata(), asOf: 0)
        for (text, fired) in [("Stem op Jan.", ["R-1", "R-2", "R-3"]), ("stem op jan.", ["R-3"]), ("Geen oproep.", [])] {
            let source = SourceText(path: "post.json", text: #"{"kind": "post", "account": {"variant": "corporate"}, "text": "\#(text)"}"#)
            guard case .description(let description)? = DescriptionReader(vocabulary: set.vocabulary).read(source).first else {
                Issue.record("not read: \(text)")
                continue
            }
            let evaluation = evaluator.evaluate(description)
            #expect(evaluation.findings.filter { $0.status == .fired }.map(\.rule.id).sorted() == fired, "\(text)")
        }
    }
}
