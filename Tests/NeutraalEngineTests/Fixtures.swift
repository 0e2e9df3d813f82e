import Foundation
import Testing
@testable import NeutraalEngine

/// A small, self-contained rule set that uses every construct of the rule language, so that the engine
/// can be tested without depending on the real rule set in `Rules/` (which changes as guidelines do).
enum Fixture {
    static let schema = #"""
    # fixture.schema: three kinds, enumerations with Dutch aliases, every field type
    kind post "Bericht op sociale media"
      dutch: bericht

    kind speech "Spreekbeurt"
      dutch: spreekbeurt

    kind meeting "Bijeenkomst"
      dutch: bijeenkomst

    enum role "Rol"
      minister
      civil-servant: ambtenaar
      political-assistant: "politiek assistent"

    enum account-variant "Soort account"
      corporate
      hybrid: hybride
      personal: persoonlijk

    enum section-content "Inhoud van een passage"
      policy: beleid
      party-political: partijpolitiek

    enum level "Ernst"
      allowed
      advisory
      judgement
      violation

    enum topic "Onderwerp"
      policy: beleid
      campaign: campagne

    field id "Naam"
      type: string

    field kind "Soort"
      type: enum kind
      required: yes

    field date "Datum"
      type: date

    field text "Tekst"
      type: text
      when absent: empty

    field account.variant "Soort account"
      type: enum account-variant
      kinds: post

    field postedBy "Geplaatst door"
      type: enum role

    field draftedBy "Geschreven door"
      type: list of enum role

    field hashtags "Hashtags"
      type: list of string
      when absent: empty

    field content.partyPolitical "Verklaard partijpolitiek"
      type: bool
      when absent: false

    field electionPeriod "Verkiezingsperiode"
      type: string

    field sections "Passages"
      type: list of object
      kinds: speech

    field sections.content "Inhoud"
      type: enum section-content

    field sections.draftedBy "Schrijver"
      type: enum role

    field sections.text "Tekst van de passage"
      type: text

    field levels "Ernst van de bijeenkomst"
      type: list of enum level
      kinds: meeting
      when absent: empty

    field topic "Onderwerp"
      type: enum topic
      kinds: meeting

    field attendees "Aantal deelnemers"
      type: number
      kinds: meeting

    derive hashtags "Hashtags, ook uit de tekst"
      from: text
      by: hashtags

    derive electionPeriod "Verkiezingsperiode van de datum"
      from: date
      by: calendar elections

    calendar elections "Verkiezingsperioden"
      period "Tweede Kamerverkiezing 2023": 2023-10-16 .. 2023-11-22
    """#

    static let rules = #"""
    # fixture.rules: one rule per construct of the condition language
    source HANDBOEK "Handboek"
      title: "Handboek voor de test"
      date: 2021-09-24
      identifier: "Kamerstuk 1, nr. 2"

    source NOTITIE
      title: "Notitie die in het handboek staat"
      date: 2021-03
      quoted in: HANDBOEK

    set civil-service "Ambtelijke rollen"
      values: civil-servant

    set staff-or-assistant
      values: ambtenaar, political-assistant

    lexicon campaign "Stemoproepen"
      match: words
      entries:
        "stem op"
        "DENK" case-sensitive
        "#D66"
        "ministerie van Financiën"

    lexicon fragments "Woorddelen"
      match: anywhere
      entries:
        "verkiez"

    define party-political "Partijpolitieke inhoud"
      when:
        content.partyPolitical is true
        or text mentions campaign
        or hashtags includes any of ("#D66", "#CDA")

    define staff-posted "Door een ambtenaar geplaatst"
      when: postedBy is one of civil-service

    rule T-IS "is"
      source: HANDBOEK, "p. 1"
      applies to: post
      when: account.variant is corporate
      verdict: advisory
      message nl: "Corporate account ({account.variant})."
      message en: "Corporate account ({account.variant})."
      example fires "corporate":
        kind: post
        account.variant: corporate
      example silent "persoonlijk":
        kind: post
        account.variant: persoonlijk
      example undetermined "zonder variant":
        expect verdict: advisory
        kind: post

    rule T-IS-NOT "is not, with a Dutch value"
      source: HANDBOEK, "p. 1"
      applies to: post
      when: account.variant is not hybride
      verdict: advisory
      message nl: "Niet hybride."
      message en: "Not hybrid."
      example fires "corporate":
        kind: post
        account.variant: corporate
      example silent "hybride":
        kind: post
        account.variant: hybrid

    rule T-ONE-OF-LIST "is one of a list"
      source: HANDBOEK, "p. 2"
      applies to: post
      when: postedBy is one of (minister, "politiek assistent")
      verdict: advisory
      message nl: "Politiek geplaatst."
      message en: "Placed politically."
      example fires "politiek assistent":
        kind: post
        postedBy: political-assistant
      example silent "ambtenaar":
        kind: post
        postedBy: ambtenaar

    rule T-ONE-OF-SET "is one of a set"
      source: HANDBOEK, "p. 2"
      applies to: post
      when: staff-posted
      verdict: advisory
      message nl: "Ambtelijk geplaatst."
      message en: "Placed by staff."
      example fires "ambtenaar":
        kind: post
        postedBy: civil-servant
      example silent "minister":
        kind: post
        postedBy: minister

    rule T-NOT-ONE-OF "is not one of"
      source: HANDBOEK, "p. 2"
      applies to: post
      when: postedBy is not one of (minister, political-assistant)
      verdict: advisory
      message nl: "Niet politiek geplaatst."
      message en: "Not placed politically."
      example fires "ambtenaar":
        kind: post
        postedBy: civil-servant
      example silent "minister":
        kind: post
        postedBy: minister

    rule T-NOT-ONE-OF-SET "is not one of a set"
      source: HANDBOEK, "p. 2"
      applies to: post
      when: postedBy is not one of staff-or-assistant
      verdict: advisory
      message nl: "Door de minister geplaatst."
      message en: "Placed by the minister."
      example fires "minister":
        kind: post
        postedBy: minister
      example silent "assistent":
        kind: post
        postedBy: "politiek assistent"

    rule T-PRESENT "is present"
      source: HANDBOEK, "p. 3"
      applies to: post
      when: postedBy is present
      verdict: advisory
      message nl: "Plaatser bekend."
      message en: "Poster known."
      example fires "met plaatser":
        kind: post
        postedBy: minister
      example silent "zonder plaatser":
        kind: post

    rule T-MISSING "is missing"
      source: HANDBOEK, "p. 3"
      applies to: post
      when: postedBy is missing
      verdict: advisory
      message nl: "Plaatser onbekend."
      message en: "Poster unknown."
      example fires "zonder plaatser":
        kind: post
      example silent "met plaatser":
        kind: post
        postedBy: minister

    rule T-BEFORE "is before"
      source: HANDBOEK, "p. 4"
      applies to: post
      when: date is before 2020-01-01
      verdict: advisory
      message nl: "Voor 2020."
      message en: "Before 2020."
      example fires "2019":
        kind: post
        date: 2019-12-31
      example silent "2020":
        kind: post
        date: 2020-01-01

    rule T-AFTER "is after"
      source: HANDBOEK, "p. 4"
      applies to: post
      when: date is after 2020-01-01
      verdict: advisory
      message nl: "Na 1 januari 2020."
      message en: "After 1 January 2020."
      example fires "2 januari":
        kind: post
        date: 2020-01-02
      example silent "1 januari":
        kind: post
        date: 2020-01-01

    rule T-ON-OR-BEFORE "is on or before"
      source: HANDBOEK, "p. 4"
      applies to: post
      when: date is on or before 2020-01-01
      verdict: advisory
      message nl: "Uiterlijk 1 januari 2020."
      message en: "On or before 1 January 2020."
      example fires "1 januari":
        kind: post
        date: 2020-01-01
      example silent "2 januari":
        kind: post
        date: 2020-01-02

    rule T-ON-OR-AFTER "is on or after"
      source: HANDBOEK, "p. 4"
      applies to: post
      when: date is on or after 2020-01-01
      verdict: advisory
      message nl: "Vanaf 1 januari 2020."
      message en: "On or after 1 January 2020."
      example fires "1 januari":
        kind: post
        date: 2020-01-01
      example silent "31 december":
        kind: post
        date: 2019-12-31

    rule T-INCLUDES "includes"
      source: HANDBOEK, "p. 5"
      applies to: post
      when: draftedBy includes ambtenaar
      verdict: advisory
      message nl: "Een ambtenaar schreef mee."
      message en: "A civil servant helped write it."
      example fires "ambtenaar en minister":
        kind: post
        draftedBy: minister, civil-servant
      example silent "minister":
        kind: post
        draftedBy: minister

    rule T-INCLUDES-ANY "includes any of a list"
      source: HANDBOEK, "p. 5"
      applies to: post
      when: draftedBy includes any of (minister, political-assistant)
      verdict: advisory
      message nl: "Politiek geschreven."
      message en: "Written politically."
      example fires "assistent":
        kind: post
        draftedBy: political-assistant
      example silent "ambtenaar":
        kind: post
        draftedBy: civil-servant

    rule T-INCLUDES-ANY-SET "includes any of a set"
      source: HANDBOEK, "p. 5"
      applies to: post
      when: draftedBy includes any of civil-service
      verdict: advisory
      message nl: "Ambtelijk geschreven."
      message en: "Written by staff."
      example fires "ambtenaar":
        kind: post
        draftedBy: ambtenaar
      example silent "minister":
        kind: post
        draftedBy: minister

    rule T-SOME "some … where"
      source: HANDBOEK, "p. 6"
      applies to: speech
      when: some sections where (content is party-political and draftedBy is civil-servant)
      verdict: violation
      message nl: "Een ambtenaar schreef een partijpolitieke passage."
      message en: "A civil servant wrote a party-political passage."
      example fires "partijpassage door ambtenaar":
        kind: speech
        sections: [{"content": "beleid", "draftedBy": "minister"}, {"content": "partijpolitiek", "draftedBy": "ambtenaar"}]
      example silent "partijpassage door minister":
        kind: speech
        sections: [{"content": "party-political", "draftedBy": "minister"}]

    rule T-EVERY "every … where"
      source: HANDBOEK, "p. 6"
      applies to: speech
      when: every sections where (draftedBy is minister)
      verdict: advisory
      message nl: "De minister schreef alles zelf."
      message en: "The minister wrote everything."
      example fires "alles door de minister":
        kind: speech
        sections: [{"content": "policy", "draftedBy": "minister"}, {"content": "party-political", "draftedBy": "minister"}]
      example silent "een passage door een ambtenaar":
        kind: speech
        sections: [{"content": "policy", "draftedBy": "minister"}, {"content": "policy", "draftedBy": "civil-servant"}]

    rule T-NO "no … where"
      source: HANDBOEK, "p. 6"
      applies to: speech
      when: no sections where (content is partijpolitiek)
      verdict: advisory
      message nl: "Geen partijpolitiek."
      message en: "No party politics."
      example fires "alleen beleid":
        kind: speech
        sections: [{"content": "policy", "draftedBy": "minister"}]
      example silent "met partijpolitiek":
        kind: speech
        sections: [{"content": "party-political", "draftedBy": "minister"}]

    rule T-MENTIONS "mentions"
      source: HANDBOEK, "p. 7"
      applies to: post
      when: text mentions campaign
      verdict: advisory
      message nl: "Stemoproep: {match}."
      message en: "Call to vote: {match}."
      example fires "stem op":
        kind: post
        text: "Stem op ons!"
      example silent "stemming":
        kind: post
        text: "De stemming is morgen."

    rule T-MENTIONS-ANYWHERE "mentions, inside words"
      source: HANDBOEK, "p. 7"
      applies to: post
      when: text mentions fragments
      verdict: advisory
      message nl: "Over verkiezingen."
      message en: "About elections."
      example fires "verkiezingen":
        kind: post
        text: "De verkiezingen komen eraan."
      example silent "stemming":
        kind: post
        text: "De stemming is morgen."

    rule T-MATCHES "matches"
      source: HANDBOEK, "p. 8"
      applies to: post
      when: text matches "stem (nu|vandaag) op [a-z]+"
      verdict: advisory
      message nl: "Patroon: {match}."
      message en: "Pattern: {match}."
      example fires "stem vandaag":
        kind: post
        text: "Stem vandaag op Jansen"
      example silent "stem morgen":
        kind: post
        text: "Stem morgen op Jansen"

    rule T-MATCHES-CASE "matches, case-sensitive"
      source: HANDBOEK, "p. 8"
      applies to: post
      when: text matches "(?c)Kabinet"
      verdict: advisory
      message nl: "Kabinet met hoofdletter."
      message en: "Cabinet capitalised."
      example fires "Kabinet":
        kind: post
        text: "Het Kabinet besluit."
      example silent "kabinet":
        kind: post
        text: "het kabinet besluit."

    rule T-NOT "not"
      source: HANDBOEK, "p. 9"
      applies to: post
      when: not (content.partyPolitical is true)
      verdict: advisory
      message nl: "Niet verklaard partijpolitiek."
      message en: "Not declared party-political."
      example fires "niet verklaard":
        kind: post
      example silent "verklaard":
        kind: post
        content.partyPolitical: true

    rule T-PRECEDENCE "and binds tighter than or"
      source: HANDBOEK, "p. 9"
      applies to: post
      when: account.variant is personal or account.variant is corporate and postedBy is minister
      verdict: advisory
      message nl: "Voorrang."
      message en: "Precedence."
      example fires "persoonlijk, ambtenaar":
        kind: post
        account.variant: personal
        postedBy: civil-servant
      example silent "corporate, ambtenaar":
        kind: post
        account.variant: corporate
        postedBy: civil-servant

    rule T-PARENS "parentheses"
      source: HANDBOEK, "p. 9"
      applies to: post
      when: (account.variant is personal or account.variant is corporate) and postedBy is minister
      verdict: advisory
      message nl: "Haakjes."
      message en: "Parentheses."
      example fires "persoonlijk, minister":
        kind: post
        account.variant: personal
        postedBy: minister
      example silent "persoonlijk, ambtenaar":
        kind: post
        account.variant: personal
        postedBy: civil-servant

    rule T-AND-UNKNOWN "false and unknown"
      source: HANDBOEK, "p. 10"
      applies to: post
      when: content.partyPolitical is true and account.variant is corporate
      verdict: advisory
      message nl: "En."
      message en: "And."
      example fires "beide":
        kind: post
        content.partyPolitical: true
        account.variant: corporate
      example silent "niet verklaard, variant onbekend":
        kind: post

    rule T-OR-UNKNOWN "true or unknown"
      source: HANDBOEK, "p. 10"
      applies to: post
      when: content.partyPolitical is true or account.variant is corporate
      verdict: advisory
      message nl: "Of."
      message en: "Or."
      example fires "verklaard, variant onbekend":
        kind: post
        content.partyPolitical: true
      example silent "geen van beide":
        kind: post
        account.variant: hybrid

    rule T-DEFINE "a defined condition"
      source: NOTITIE, "§ 2"
      applies to: post
      when: party-political
      verdict: advisory
      message nl: "Partijpolitiek."
      message en: "Party-political."
      example fires "hashtag in de tekst":
        kind: post
        text: "Kom ook! #D66"
      example silent "beleid":
        kind: post
        text: "Vandaag een school bezocht."

    rule T-ELECTION "a calendar period"
      source: HANDBOEK, "p. 11"
      applies to: post
      when: electionPeriod is present
      verdict: advisory
      message nl: "In {electionPeriod}."
      message en: "In {electionPeriod}."
      example fires "november 2023":
        kind: post
        date: 2023-11-10
      example silent "2022":
        kind: post
        date: 2022-11-10

    rule EX-GENERAL "Ambtenaren mogen berichten plaatsen"
      source: HANDBOEK, "p. 12"
      applies to: post
      when: postedBy is one of civil-service
      verdict: allowed
      message nl: "Een ambtenaar mag dit plaatsen."
      message en: "A civil servant may place this."
      example fires "beleid door ambtenaar":
        expect verdict: advisory
        kind: post
        postedBy: civil-servant
      example silent "minister":
        kind: post
        postedBy: minister
      example overridden "stemoproep door ambtenaar":
        expect verdict: violation
        kind: post
        postedBy: civil-servant
        text: "Stem op ons"

    rule EX-SPECIFIC "Maar geen partijpolitiek"
      source: HANDBOEK, "p. 12"
      applies to: post
      overrides: EX-GENERAL
      when: postedBy is one of civil-service and party-political
      verdict: violation
      message nl: "Een ambtenaar plaatst geen partijpolitiek."
      message en: "A civil servant places no party politics."
      example fires "stemoproep door ambtenaar":
        kind: post
        postedBy: civil-servant
        text: "Stem op ons"
      example silent "beleid door ambtenaar":
        kind: post
        postedBy: civil-servant

    rule LV-ALLOWED "level allowed"
      source: HANDBOEK, "p. 13"
      applies to: meeting
      when: levels includes allowed
      verdict: allowed
      message nl: "Toegestaan."
      message en: "Allowed."
      example fires "allowed":
        kind: meeting
        levels: allowed
      example silent "none":
        kind: meeting

    rule LV-ADVISORY "level advisory"
      source: HANDBOEK, "p. 13"
      applies to: meeting
      when: levels includes advisory
      verdict: advisory
      message nl: "Let op."
      message en: "Advisory."
      example fires "advisory":
        kind: meeting
        levels: advisory
      example silent "none":
        kind: meeting

    rule LV-JUDGEMENT "level judgement"
      source: HANDBOEK, "p. 13"
      applies to: meeting
      when: levels includes judgement
      verdict: judgement
      message nl: "Afweging."
      message en: "Judgement."
      weigh nl: "Weeg het af."
      weigh en: "Weigh it."
      example fires "judgement":
        kind: meeting
        levels: judgement
      example silent "none":
        kind: meeting

    rule LV-VIOLATION "level violation"
      source: HANDBOEK, "p. 13"
      applies to: meeting
      when: levels includes violation
      verdict: violation
      message nl: "Niet toegestaan."
      message en: "Violation."
      example fires "violation":
        kind: meeting
        levels: violation
      example silent "none":
        kind: meeting

    rule VAL-OLD "De oude regel"
      source: HANDBOEK, "p. 14"
      applies to: meeting
      valid until: 2019-03-31
      when: topic is campaign
      verdict: advisory
      message nl: "Oude regel."
      message en: "Old rule."
      example fires "2018":
        kind: meeting
        date: 2018-06-01
        topic: campagne
      example silent "2020":
        kind: meeting
        date: 2020-06-01
        topic: campagne

    rule VAL-NEW "De nieuwe regel"
      source: HANDBOEK, "p. 14"
      applies to: meeting
      valid from: 2019-04-01
      when: topic is campaign
      verdict: violation
      message nl: "Nieuwe regel."
      message en: "New rule."
      example fires "2020":
        kind: meeting
        date: 2020-06-01
        topic: campagne
      example silent "2018":
        kind: meeting
        date: 2018-06-01
        topic: campagne
    """#

    /// The fixture's two files, as the loader reads them.
    static var sources: [SourceText] {
        [SourceText(path: "fixture.schema", text: schema), SourceText(path: "fixture.rules", text: rules)]
    }

    /// The fixture loaded once; a load error fails the test that asks for it.
    static let loaded: Result<RuleSet, DiagnosticList> = {
        do {
            return .success(try RuleSetLoader().load(sources: sources))
        } catch let list as DiagnosticList {
            return .failure(list)
        } catch {
            return .failure(DiagnosticList([Diagnostic("test.unexpected", "\(error)", at: nil)]))
        }
    }()

    /// The fixture rule set (throws the load diagnostics when it does not load).
    static func ruleSet() throws -> RuleSet {
        try loaded.get()
    }

    /// A fixed day, so that undated descriptions do not depend on the clock.
    static let today = CivilDate.parse("2024-06-01") ?? 0

    /// Reads one description written as a post with a header (`key: value` lines, then the text).
    static func post(_ header: String, text: String? = nil, in ruleSet: RuleSet) throws -> Description {
        var file = "---\n" + header + "\n---\n"
        if let text { file += text + "\n" }
        return try description(SourceText(path: "post.md", text: file), in: ruleSet)
    }

    /// Reads one description from a source; a read error is thrown as its diagnostics.
    static func description(_ source: SourceText, in ruleSet: RuleSet) throws -> Description {
        let outcomes = DescriptionReader(vocabulary: ruleSet.vocabulary).read(source)
        guard outcomes.count == 1 else { throw DiagnosticList([Diagnostic("test.count", "expected one description, read \(outcomes.count)", at: nil)]) }
        switch outcomes[0] {
        case .description(let description): return description
        case .failure(_, _, let diagnostics): throw DiagnosticList(diagnostics)
        }
    }

    /// Judges a header-written post with the fixture.
    static func evaluate(_ header: String, text: String? = nil, asOf: Int32 = today, explain: Bool = false) throws -> Evaluation {
        let ruleSet = try ruleSet()
        return Evaluator(ruleSet: ruleSet, asOf: asOf, explain: explain).evaluate(try post(header, text: text, in: ruleSet))
    }
}

extension Evaluation {
    /// The finding of a rule, if the rule gave one.
    func finding(_ id: String) -> Finding? { findings.first { $0.rule.id == id } }

    /// What a rule did: fired, overridden, undetermined, or silent (also when it gave no finding).
    func status(_ id: String) -> Finding.Status { finding(id)?.status ?? .silent }

    /// The ids of the rules whose findings stand.
    var firedRules: [String] { findings.filter { $0.status == .fired }.map(\.rule.id) }
}

/// The real rule set of the repository (`Rules/`), loaded once for every test that judges with it.
enum RealRules {
    static let loaded: Result<RuleSet, DiagnosticList> = {
        do {
            return .success(try RuleSetLoader().load(folder: PackageRoot.path() + "/Rules"))
        } catch let list as DiagnosticList {
            return .failure(list)
        } catch {
            return .failure(DiagnosticList([Diagnostic("test.unexpected", "\(error)", at: nil)]))
        }
    }()

    static func ruleSet() throws -> RuleSet { try loaded.get() }
}

/// Finds the package root by walking up from this file to the folder holding `Package.swift`.
enum PackageRoot {
    static func path(from file: String = #filePath) -> String {
        var url = URL(fileURLWithPath: file).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
            url = url.deletingLastPathComponent()
        }
        return FileManager.default.currentDirectoryPath
    }
}
