import Testing
@testable import NeutraalEngine

/// Counts in summaries: one thing in the singular, none or several in the plural.
@Suite("Plural")
struct PluralTests {
    @Test("a count takes the singular only when it is one", arguments: [
        (0, "sample", nil, "0 samples"), (1, "sample", nil, "1 sample"), (2, "sample", nil, "2 samples"),
        (1, "entry", "entries", "1 entry"), (3, "entry", "entries", "3 entries"),
        (1, "beschrijving", "beschrijvingen", "1 beschrijving"), (0, "beschrijving", "beschrijvingen", "0 beschrijvingen"),
    ] as [(Int, String, String?, String)])
    func count(_ count: Int, _ singular: String, _ plural: String?, _ expected: String) {
        #expect(Plural.count(count, singular, plural) == expected)
    }

    @Test("the regression summary counts one sample as one")
    func regressionSummary() throws {
        let report = RegressionRunner(ruleSet: try Fixture.ruleSet(), asOf: Fixture.today)
            .run(samples: try ReaderTests.read("---\nkind: post\n---\nTekst\n", path: "one.md"), filter: "one.md")
        let text = RegressionText.render(report, showUncovered: false, color: false)
        #expect(text.contains("0 rule examples and 1 sample\n"), "\(text)")
    }
}
