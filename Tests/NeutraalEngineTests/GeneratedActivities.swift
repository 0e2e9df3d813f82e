@testable import NeutraalEngine

/// Realistic JSON Lines records for the real vocabulary, made deterministically from a seed, in the shape
/// of the benchmark batches (compact JSON, canonical English values with about 10% Dutch aliases, Dutch
/// texts with the odd hashtag, speeches with sections, every kind).
struct GeneratedActivities {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// SplitMix64.
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func chance(_ probability: Double) -> Bool {
        Double(next() % 10_000) / 10_000 < probability
    }

    private mutating func pick<T>(_ items: [T]) -> T {
        items[Int(next() % UInt64(items.count))]
    }

    static let dutch: [String: String] = [
        "post": "bericht", "speech": "spreekbeurt", "resource-use": "inzet van middelen", "media-statement": "media-uitlating",
        "meeting": "bijeenkomst", "publication": "openbaarmaking", "research": "onderzoek", "communication": "overheidscommunicatie",
        "expression": "meningsuiting van een ambtenaar", "state-secretary": "staatssecretaris", "civil-servant": "ambtenaar",
        "communication-advisor": "communicatieadviseur", "political-assistant": "politiek assistent", "party": "partij",
        "spokesperson": "woordvoerder", "hybrid": "hybride", "personal": "persoonlijk", "party-meeting": "partijbijeenkomst",
        "election-meeting": "verkiezingsbijeenkomst", "party-congress": "partijcongres", "premises": "gebouw",
        "representative-premises": "representatieve ruimte", "staff": "ambtelijke inzet", "office": "ambt", "campaign": "campagne",
        "private": "privé", "regular": "regulier overleg", "dedicated": "aparte bijeenkomst",
        "understand-society": "beeld van de samenleving", "party-leader": "partijleider", "lead-candidate": "lijsttrekker",
        "party-member": "partijlid",
    ]
    static let sentences = [
        "Vandaag heb ik een werkbezoek gebracht aan een basisschool in Zwolle.",
        "De leerkrachten vertelden openhartig over de werkdruk en het lerarentekort.",
        "Het kabinet investeert de komende jaren extra in goed onderwijs voor iedereen.",
        "Mijn partij heeft hier altijd voor gestreden.",
        "Kom naar onze campagne-avond in het dorpshuis.",
        "Stem op 29 oktober!",
        "Dank aan iedereen die vandaag aanwezig was bij de bijeenkomst in Den Haag.",
        "De Tweede Kamer debatteert volgende week over de begroting van het ministerie.",
        "Financiën en VWS werken samen aan betaalbare zorg — ook in 2025.",
    ]
    static let tags = ["#VVD", "#D66", "#CDA", "#SP", "#GLPvdA", "#onderwijs", "#zorg", "#Kamerbrief", "#stikstof"]
    static let roles = ["minister", "state-secretary", "civil-servant", "communication-advisor", "political-assistant", "spokesperson"]
    static let ministries = ["BZK", "Financiën", "OCW", "VWS", "EZK", "LNV", "JenV", "IenW"]

    private mutating func word(_ value: String) -> String {
        if let alias = Self.dutch[value], chance(0.10) { return alias }
        return value
    }

    private mutating func text() -> String {
        var parts: [String] = []
        for _ in 0..<(1 + Int(next() % 5)) { parts.append(pick(Self.sentences)) }
        if chance(0.25) { parts.append(pick(Self.tags)) }
        return parts.joined(separator: " ")
    }

    private mutating func date() -> String {
        let year = 2021 + Int(next() % 5)
        let month = 1 + Int(next() % 12)
        let day = 1 + Int(next() % 28)
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { "\(quoted($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }

    /// The next record, as one line without its line end.
    mutating func line(number: Int) -> String {
        var members: [(String, String)] = [("id", Self.quoted("act-\(number)"))]
        let roll = next() % 100
        let kind: String
        var rest: [(String, String)] = []
        var actor: [(String, String)] = [("role", Self.quoted(word(pick(Self.roles)))), ("ministry", Self.quoted(pick(Self.ministries)))]
        if chance(0.3) {
            actor.append(("party", Self.quoted(pick(["VVD", "D66", "CDA", "SP"]))))
            actor.append(("partyRoles", "[" + Self.quoted(word("party-member")) + "," + Self.quoted(word("party-leader")) + "]"))
        }
        switch roll {
        case 0..<55:
            kind = "post"
            rest.append(("account", Self.object([("variant", Self.quoted(word(pick(["corporate", "hybrid", "personal"])))),
                                                 ("holder", Self.quoted(word("minister"))), ("platform", Self.quoted(pick(["x", "linkedin"])))])))
            rest.append(("postedBy", Self.quoted(word(pick(Self.roles)))))
            rest.append(("draftedBy", "[" + Self.quoted(word(pick(Self.roles))) + "]"))
            if chance(0.2) { rest.append(("hashtags", "[" + Self.quoted(pick(Self.tags)) + "]")) }
            if chance(0.2) { rest.append(("content", Self.object([("partyPolitical", "true"), ("officeRelated", "false")]))) }
            if chance(0.2) { rest.append(("civilServiceSupport", pick(["true", "false"]))) }
            rest.append(("text", Self.quoted(text())))
        case 55..<70:
            kind = "speech"
            rest.append(("event", Self.object([("type", Self.quoted(word(pick(["party-meeting", "public-event", "election-meeting"])))),
                                               ("organiser", Self.quoted(pick(["party", "ministry", "third-party"])))])))
            var sections: [String] = []
            for _ in 0..<(1 + Int(next() % 4)) {
                var section: [(String, String)] = [("content", Self.quoted(pick(["policy", "party-political", "personal"])))]
                if chance(0.5) { section.append(("withinPortfolio", pick(["true", "false"]))) }
                section.append(("draftedBy", Self.quoted(word(pick(Self.roles)))))
                if chance(0.3) { section.append(("text", Self.quoted(text()))) }
                sections.append(Self.object(section))
            }
            rest.append(("sections", "[" + sections.joined(separator: ",") + "]"))
            rest.append(("text", Self.quoted(text())))
            if chance(0.3) { rest.append(("capacity", Self.quoted(word(pick(["office", "party", "private", "unclear"]))))) }
        case 70..<78:
            kind = "resource-use"
            rest.append(("resource", Self.object([("type", Self.quoted(word(pick(["premises", "staff", "budget", "representative-premises"])))),
                                                  ("name", Self.quoted("de Trêveszaal"))])))
            rest.append(("purpose", Self.quoted(word(pick(["office", "party", "campaign", "private"])))))
        case 78..<85:
            kind = "meeting"
            rest.append(("organisedBy", Self.quoted(pick(["ministry", "directorate", "staff"]))))
            rest.append(("topic", Self.quoted(pick(["election-result", "coalition-agreement", "policy"]))))
            rest.append(("format", Self.quoted(word(pick(["regular", "dedicated"])))))
            rest.append(("purpose", Self.quoted(word(pick(["interpret-implications", "reflection", "campaign"])))))
        case 85..<90:
            kind = "media-statement"
            rest.append(("authorisedBy", Self.quoted(word(pick(Self.roles)))))
            rest.append(("topic", Self.quoted(pick(["policy", "own-work", "other"]))))
            rest.append(("text", Self.quoted(text())))
        case 90..<94:
            kind = "publication"
            rest.append(("document", Self.object([("type", Self.quoted("Woo-besluit")), ("personalData", Self.quoted(pick(["anonymised", "present", "none"]))),
                                                  ("public", "true")])))
        case 94..<97:
            kind = "research"
            rest.append(("purpose", Self.quoted(word(pick(["understand-society", "image-building", "party-interest"])))))
            rest.append(("method", Self.quoted(pick(["public-polls", "commissioned", "monitoring"]))))
        case 97..<99:
            kind = "communication"
            rest.append(("about", Self.quoted(pick(["policy", "organisation", "official-profile"]))))
            rest.append(("sender", Self.quoted(pick(["clear", "unclear"]))))
            rest.append(("channel", Self.quoted("persbericht")))
            rest.append(("text", Self.quoted(text())))
        default:
            kind = "expression"
            rest.append(("inFunction", pick(["true", "false"])))
            rest.append(("form", Self.quoted(pick(["protest", "post", "letter", "interview"]))))
            rest.append(("topic", Self.quoted(pick(["own-policy-area", "general", "party-politics"]))))
            rest.append(("text", Self.quoted(text())))
        }
        members.append(("kind", Self.quoted(word(kind))))
        members.append(("actor", Self.object(actor)))
        members += rest
        if chance(0.9) { members.append(("date", Self.quoted(date()))) }
        return Self.object(members)
    }

    /// `count` records, one per line.
    mutating func lines(_ count: Int) -> [String] {
        (0..<count).map { line(number: $0) }
    }
}

extension GeneratedActivities {
    /// The descriptions of `count` generated JSON Lines records, read with `ruleSet`'s vocabulary (records
    /// that do not read as descriptions are left out; callers check that nearly all were read).
    static func descriptions(_ count: Int, seed: UInt64, _ ruleSet: RuleSet) -> [Description] {
        var generator = GeneratedActivities(seed: seed)
        let text = generator.lines(count).joined(separator: "\n") + "\n"
        return DescriptionReader(vocabulary: ruleSet.vocabulary).read(SourceText(path: "generated.jsonl", text: text))
            .compactMap { outcome -> Description? in
                if case .description(let description) = outcome { return description }
                return nil
            }
    }
}
