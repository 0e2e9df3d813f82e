import Testing
@testable import NeutraalEngine

/// Every construct of the condition language, shown firing and not firing on the fixture rule set.
@Suite("Conditions")
struct ConditionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let behaviour: String
        let rule: String
        let header: String
        var text: String? = nil
        let fires: Bool
        var testDescription: String { behaviour }
    }

    static let cases: [Case] = [
        Case(behaviour: "`is` fires on the value", rule: "T-IS", header: "kind: post\naccount.variant: corporate", fires: true),
        Case(behaviour: "`is` is silent on another value", rule: "T-IS", header: "kind: post\naccount.variant: hybrid", fires: false),
        Case(behaviour: "`is` matches a Dutch alias in the description", rule: "T-IS-NOT", header: "kind: post\naccount.variant: persoonlijk", fires: true),
        Case(behaviour: "`is not` with a Dutch value is silent on its English name", rule: "T-IS-NOT", header: "kind: post\naccount.variant: hybrid", fires: false),
        Case(behaviour: "`is one of (…)` fires on a listed value", rule: "T-ONE-OF-LIST", header: "kind: post\npostedBy: minister", fires: true),
        Case(behaviour: "`is one of (…)` is silent on an unlisted value", rule: "T-ONE-OF-LIST", header: "kind: post\npostedBy: civil-servant", fires: false),
        Case(behaviour: "`is one of SET` fires on a value of the set", rule: "T-ONE-OF-SET", header: "kind: post\npostedBy: ambtenaar", fires: true),
        Case(behaviour: "`is one of SET` is silent outside the set", rule: "T-ONE-OF-SET", header: "kind: post\npostedBy: political-assistant", fires: false),
        Case(behaviour: "`is not one of (…)` fires on an unlisted value", rule: "T-NOT-ONE-OF", header: "kind: post\npostedBy: civil-servant", fires: true),
        Case(behaviour: "`is not one of (…)` is silent on a listed value", rule: "T-NOT-ONE-OF", header: "kind: post\npostedBy: political-assistant", fires: false),
        Case(behaviour: "`is not one of SET` fires outside the set", rule: "T-NOT-ONE-OF-SET", header: "kind: post\npostedBy: minister", fires: true),
        Case(behaviour: "`is not one of SET` is silent on a value of the set", rule: "T-NOT-ONE-OF-SET", header: "kind: post\npostedBy: civil-servant", fires: false),
        Case(behaviour: "`is present` fires when the fact is given", rule: "T-PRESENT", header: "kind: post\npostedBy: minister", fires: true),
        Case(behaviour: "`is present` is silent (not unknown) when it is not", rule: "T-PRESENT", header: "kind: post", fires: false),
        Case(behaviour: "`is missing` fires when the fact is not given", rule: "T-MISSING", header: "kind: post", fires: true),
        Case(behaviour: "`is missing` is silent when it is", rule: "T-MISSING", header: "kind: post\npostedBy: minister", fires: false),
        Case(behaviour: "`is before` fires the day before", rule: "T-BEFORE", header: "kind: post\ndate: 2019-12-31", fires: true),
        Case(behaviour: "`is before` is silent on the day itself", rule: "T-BEFORE", header: "kind: post\ndate: 2020-01-01", fires: false),
        Case(behaviour: "`is after` fires the day after", rule: "T-AFTER", header: "kind: post\ndate: 2020-01-02", fires: true),
        Case(behaviour: "`is after` is silent on the day itself", rule: "T-AFTER", header: "kind: post\ndate: 2020-01-01", fires: false),
        Case(behaviour: "`is on or before` fires on the day itself", rule: "T-ON-OR-BEFORE", header: "kind: post\ndate: 2020-01-01", fires: true),
        Case(behaviour: "`is on or before` is silent the day after", rule: "T-ON-OR-BEFORE", header: "kind: post\ndate: 2020-01-02", fires: false),
        Case(behaviour: "`is on or after` fires on the day itself", rule: "T-ON-OR-AFTER", header: "kind: post\ndate: 2020-01-01", fires: true),
        Case(behaviour: "`is on or after` is silent the day before", rule: "T-ON-OR-AFTER", header: "kind: post\ndate: 2019-12-31", fires: false),
        Case(behaviour: "`includes` fires when the list holds the value", rule: "T-INCLUDES", header: "kind: post\ndraftedBy: minister, ambtenaar", fires: true),
        Case(behaviour: "`includes` is silent when it does not", rule: "T-INCLUDES", header: "kind: post\ndraftedBy: minister, political-assistant", fires: false),
        Case(behaviour: "`includes any of (…)` fires on one listed value", rule: "T-INCLUDES-ANY", header: "kind: post\ndraftedBy: civil-servant, \"politiek assistent\"", fires: true),
        Case(behaviour: "`includes any of (…)` is silent on none", rule: "T-INCLUDES-ANY", header: "kind: post\ndraftedBy: civil-servant", fires: false),
        Case(behaviour: "`includes any of SET` fires on a value of the set", rule: "T-INCLUDES-ANY-SET", header: "kind: post\ndraftedBy: minister, civil-servant", fires: true),
        Case(behaviour: "`includes any of SET` is silent on an empty list", rule: "T-INCLUDES-ANY-SET", header: "kind: post\ndraftedBy: ", fires: false),
        Case(behaviour: "`some … where` fires when one element satisfies the whole condition", rule: "T-SOME",
             header: #"kind: speech\#nsections: [{"content": "policy", "draftedBy": "civil-servant"}, {"content": "party-political", "draftedBy": "civil-servant"}]"#, fires: true),
        Case(behaviour: "`some … where` is silent when the parts hold in different elements", rule: "T-SOME",
             header: #"kind: speech\#nsections: [{"content": "policy", "draftedBy": "civil-servant"}, {"content": "party-political", "draftedBy": "minister"}]"#, fires: false),
        Case(behaviour: "`every … where` fires when all elements satisfy it", rule: "T-EVERY",
             header: #"kind: speech\#nsections: [{"draftedBy": "minister"}, {"draftedBy": "minister"}]"#, fires: true),
        Case(behaviour: "`every … where` fires on an empty list", rule: "T-EVERY", header: "kind: speech\nsections: []", fires: true),
        Case(behaviour: "`every … where` is silent when one element does not", rule: "T-EVERY",
             header: #"kind: speech\#nsections: [{"draftedBy": "minister"}, {"draftedBy": "ambtenaar"}]"#, fires: false),
        Case(behaviour: "`no … where` fires when no element satisfies it", rule: "T-NO",
             header: #"kind: speech\#nsections: [{"content": "beleid"}]"#, fires: true),
        Case(behaviour: "`no … where` is silent when one does", rule: "T-NO",
             header: #"kind: speech\#nsections: [{"content": "beleid"}, {"content": "partijpolitiek"}]"#, fires: false),
        Case(behaviour: "`mentions` fires on a lexicon phrase", rule: "T-MENTIONS", header: "kind: post", text: "Morgen: stem op ons.", fires: true),
        Case(behaviour: "`mentions` with whole words is silent inside a word", rule: "T-MENTIONS", header: "kind: post", text: "Ik stem opnieuw.", fires: false),
        Case(behaviour: "`mentions` with `match: anywhere` fires inside a word", rule: "T-MENTIONS-ANYWHERE", header: "kind: post", text: "Tweede Kamerverkiezingen", fires: true),
        Case(behaviour: "`mentions` with `match: anywhere` is silent without the fragment", rule: "T-MENTIONS-ANYWHERE", header: "kind: post", text: "Een gewone dag", fires: false),
        Case(behaviour: "`matches` fires on the pattern, case-insensitively", rule: "T-MATCHES", header: "kind: post", text: "STEM NU OP jansen", fires: true),
        Case(behaviour: "`matches` is silent when the alternation does not fit", rule: "T-MATCHES", header: "kind: post", text: "stem later op jansen", fires: false),
        Case(behaviour: "`matches` with (?c) fires on the exact case", rule: "T-MATCHES-CASE", header: "kind: post", text: "Het Kabinet", fires: true),
        Case(behaviour: "`matches` with (?c) is silent on another case", rule: "T-MATCHES-CASE", header: "kind: post", text: "het KABINET", fires: false),
        Case(behaviour: "`not` fires when the inner condition is false", rule: "T-NOT", header: "kind: post\ncontent.partyPolitical: false", fires: true),
        Case(behaviour: "`not` is silent when the inner condition is true", rule: "T-NOT", header: "kind: post\ncontent.partyPolitical: ja", fires: false),
        Case(behaviour: "`or` without parentheses takes `and` first", rule: "T-PRECEDENCE", header: "kind: post\naccount.variant: personal\npostedBy: civil-servant", fires: true),
        Case(behaviour: "`and` needs both of its sides", rule: "T-PRECEDENCE", header: "kind: post\naccount.variant: corporate\npostedBy: civil-servant", fires: false),
        Case(behaviour: "parentheses group the `or` before the `and`", rule: "T-PARENS", header: "kind: post\naccount.variant: personal\npostedBy: civil-servant", fires: false),
        Case(behaviour: "parentheses: both sides hold", rule: "T-PARENS", header: "kind: post\naccount.variant: corporate\npostedBy: minister", fires: true),
        Case(behaviour: "a defined condition fires through its lexicon", rule: "T-DEFINE", header: "kind: post", text: "Stem op ons!", fires: true),
        Case(behaviour: "a defined condition fires through a declared flag", rule: "T-DEFINE", header: "kind: post\ncontent.partyPolitical: true", fires: true),
        Case(behaviour: "a defined condition fires through a hashtag given in the header", rule: "T-DEFINE", header: "kind: post\nhashtags: #CDA", fires: true),
        Case(behaviour: "a defined condition is silent when none of its parts holds", rule: "T-DEFINE", header: "kind: post", text: "Vandaag een school bezocht.", fires: false),
        Case(behaviour: "a calendar period is derived from the date", rule: "T-ELECTION", header: "kind: post\ndate: 2023-10-16", fires: true),
        Case(behaviour: "a date outside every period derives nothing", rule: "T-ELECTION", header: "kind: post\ndate: 2023-11-23", fires: false),
    ]

    @Test(arguments: cases)
    func construct(_ example: Case) throws {
        let evaluation = try Fixture.evaluate(example.header, text: example.text)
        #expect(evaluation.status(example.rule) == (example.fires ? .fired : .silent))
    }

    @Test("a rule judges only the kinds it applies to, in English or Dutch")
    func appliesTo() throws {
        let post = try Fixture.evaluate("kind: bericht\npostedBy: minister")
        let speech = try Fixture.evaluate("kind: speech\npostedBy: minister")
        #expect(post.status("T-PRESENT") == .fired)
        #expect(speech.finding("T-PRESENT") == nil)
    }

    @Test("`{field}` and `{match}` in a message are filled from the description")
    func messagePlaceholders() throws {
        let mentions = try Fixture.evaluate("kind: post", text: "Nu: Stem op ons")
        let finding = try #require(mentions.finding("T-MENTIONS"))
        #expect(finding.message(.dutch) { _ in nil } == "Stemoproep: Stem op.")
        let period = try Fixture.evaluate("kind: post\ndate: 2023-11-01")
        let ruleSet = try Fixture.ruleSet()
        let periodFinding = try #require(period.finding("T-ELECTION"))
        let filled = periodFinding.message(.english) { Evaluator(ruleSet: ruleSet).displayFact($0, of: period.description) }
        #expect(filled == "In Tweede Kamerverkiezing 2023.")
    }

    @Test("a fired rule keeps the facts that made it fire as evidence, with where they were written")
    func factEvidence() throws {
        let evaluation = try Fixture.evaluate("kind: post\naccount.variant: corporate")
        let evidence = try #require(evaluation.finding("T-IS")?.evidence.first)
        #expect(evidence.fact == "account.variant")
        #expect(evidence.value == "corporate")
        #expect(evidence.location == SourceLocation(file: "post.md", line: 3, column: 1))
    }

    @Test("`some … where` names the element that satisfied it")
    func elementEvidence() throws {
        let evaluation = try Fixture.evaluate(#"kind: speech\#nsections: [{"content": "policy", "draftedBy": "minister"}, {"content": "party-political", "draftedBy": "civil-servant"}]"#)
        let facts = evaluation.finding("T-SOME")?.evidence.map(\.fact) ?? []
        #expect(facts == ["sections[2].content", "sections[2].draftedBy"])
    }

    @Test("--explain keeps how each part of the condition came out, silent rules included")
    func explanation() throws {
        let evaluation = try Fixture.evaluate("kind: post\naccount.variant: personal\npostedBy: civil-servant", explain: true)
        let root = try #require(evaluation.finding("T-PARENS")?.explanation)
        #expect(evaluation.status("T-PARENS") == .silent)
        #expect(root.text == "all of")
        #expect(root.outcome == .false)
        #expect(root.children.map(\.outcome) == [.true, .false])
        #expect(root.children.last?.text == "postedBy is minister")
    }
}
