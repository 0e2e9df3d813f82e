import Testing
@testable import NeutraalEngine

/// A worker's renderer writes each record with `JSONReporter.add(_:into:)`, in the context the reporter was
/// prepared for, lent by its address (`LentContext`) rather than passed: the lines must be the lines written
/// with the context passed, whatever the context says.
@Suite("Lent report context")
struct LentContextTests {
    private static let day = CivilDate.parse("2024-06-01") ?? 0

    @Test("a prepared reporter writes, in its own context, the lines it writes with the context passed", arguments: EvaluationCorpus.allCases)
    func lentContextWritesTheSameLines(_ corpus: EvaluationCorpus) throws {
        let (ruleSet, descriptions) = try corpus.load()
        var compared = 0
        for (language, explain) in [(Language.dutch, false), (.english, true)] {
            let context = ReportContext(ruleSet: ruleSet, language: language, explain: explain)
            let evaluator = Evaluator(ruleSet: ruleSet, asOf: Self.day, explain: explain)
            var lent = JSONReporter(preparedFor: context)
            var passed = JSONReporter(preparedFor: context)
            var items = descriptions.map { ReportItem.evaluated(evaluator.evaluate($0)) }
            items.append(.failed(source: "x.json", id: "bad", diagnostics: []))
            for item in items {
                var fromLent = JSONBytes(), fromPassed = JSONBytes()
                lent.add(item, into: &fromLent)
                passed.add(item, context, into: &fromPassed)
                #expect(fromLent.bytes == fromPassed.bytes, "\(String(decoding: fromPassed.bytes, as: UTF8.self))")
                compared += 1
            }
        }
        #expect(compared > 2)
    }

    @Test("the context lent is the one given, for as long as a copy of the reporter is held", arguments: EvaluationCorpus.allCases)
    func lentContextOutlivesTheOriginal(_ corpus: EvaluationCorpus) throws {
        let (ruleSet, descriptions) = try corpus.load()
        let description = try #require(descriptions.first)
        let item = ReportItem.evaluated(Evaluator(ruleSet: ruleSet, asOf: Self.day, explain: true).evaluate(description))
        var copy: JSONReporter
        do {
            // the reporter made with it, and the context given, let go of here: the copy keeps what it lends
            let original = JSONReporter(preparedFor: ReportContext(ruleSet: ruleSet, language: .english, explain: true))
            copy = original
        }
        var fromLent = JSONBytes(), fromPassed = JSONBytes()
        copy.add(item, into: &fromLent)
        var passed = JSONReporter()
        passed.add(item, ReportContext(ruleSet: ruleSet, language: .english, explain: true), into: &fromPassed)
        #expect(fromLent.bytes == fromPassed.bytes)
        #expect(!fromLent.bytes.isEmpty)
    }
}
