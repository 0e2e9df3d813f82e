import Foundation
import Testing
@testable import NeutraalEngine

/// Properties of the real rule set in `Rules/` that hold for every sample: election time changes no
/// verdict, and the generated catalog in `docs/` is current.
@Suite("The rule set as a whole")
struct RuleSetPropertiesTests {
    static var root: String { PackageRoot.path() }

    static func ruleSet() throws -> RuleSet { try RealRules.ruleSet() }

    /// Every description of `Samples/`.
    static func samples(_ ruleSet: RuleSet) throws -> [Description] {
        let folder = root + "/Samples"
        let paths = (FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? [])
            .filter { path in InputCollector.extensions.contains { path.hasSuffix("." + $0) } }.sorted()
        let reader = DescriptionReader(vocabulary: ruleSet.vocabulary)
        var descriptions: [Description] = []
        for path in paths {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/" + path)))
            for outcome in reader.read(SourceText(path: "Samples/" + path, bytes: bytes)) {
                if case .description(let description) = outcome { descriptions.append(description) }
            }
        }
        return descriptions
    }

    /// The description with another date, its derived facts computed again.
    static func redated(_ description: Description, to day: Int32, _ vocabulary: Vocabulary) throws -> Description {
        var record = description.record
        let dateSlot = try #require(vocabulary.dateSlot)
        record.values[dateSlot] = .date(day)
        for derivation in vocabulary.derivations { if case .calendar = derivation.op { record.values[derivation.targetSlot] = nil } }
        Derivations.apply(vocabulary, to: &record)
        return Description(id: description.id, record: record, source: description.source, offset: description.offset,
                           expectation: description.expectation, waivers: description.waivers)
    }

    @Test("every rule holds unchanged in election time: no sample's verdict or rules change when its date moves into an election period")
    func electionTimeChangesNoVerdict() throws {
        let ruleSet = try Self.ruleSet()
        let evaluator = Evaluator(ruleSet: ruleSet)
        // inside the period of the Tweede Kamer election of 2023, and a quiet day of the same year
        let inPeriod = try #require(CivilDate.parse("2023-11-15"))
        let outside = try #require(CivilDate.parse("2023-07-12"))
        let samples = try Self.samples(ruleSet)
        #expect(samples.count >= 50)
        for sample in samples {
            let during = evaluator.evaluate(try Self.redated(sample, to: inPeriod, ruleSet.vocabulary))
            let calm = evaluator.evaluate(try Self.redated(sample, to: outside, ruleSet.vocabulary))
            #expect(!during.context.isEmpty, "\(sample.id): the date is reported as in an election period")
            #expect(calm.context.isEmpty, "\(sample.id): a date outside every period is not")
            #expect(during.verdict == calm.verdict, "\(sample.id): \(during.verdict) in election time, \(calm.verdict) outside")
            let firedDuring = during.findings.filter { $0.status == .fired }.map(\.rule.id)
            let firedCalm = calm.findings.filter { $0.status == .fired }.map(\.rule.id)
            #expect(firedDuring == firedCalm, "\(sample.id): the rules that fire differ")
        }
    }

    /// Values that Dutch writes as English does (`budget`, `media`, `protest`, …): no Dutch word of their own.
    static let sameInDutch: Set<String> = ["minister", "corporate", "media", "budget", "protest", "monitoring", "interview"]

    @Test("every enumerated value has a Dutch word, as the contract says, and it reads as that value (or is written the same in Dutch)")
    func dutchWords() throws {
        let vocabulary = try Self.ruleSet().vocabulary
        var lacking: [String] = []
        for enumeration in vocabulary.enums {
            for (index, value) in enumeration.cases.enumerated() {
                if value.aliases.isEmpty, !Self.sameInDutch.contains(value.name) { lacking.append("\(enumeration.name).\(value.name)") }
                for alias in value.aliases {
                    #expect(enumeration.caseIndex(of: alias) == Int32(index), "`\(alias)` reads as another value of `\(enumeration.name)`")
                    #expect(enumeration.caseIndex(of: alias.uppercased()) == Int32(index), "`\(alias)` in capitals")
                }
            }
        }
        #expect(lacking.isEmpty, "values without a Dutch word: \(lacking)")
    }

    /// How a rule author brings the catalog up to date, said in every failure of `catalogIsCurrent`.
    static let regenerate = "regenerate it from the package root: swift run neutraal catalog > docs/rule-catalog.md"

    @Test("docs/rule-catalog.md is the catalog of the current rules (regenerate with `swift run neutraal catalog > docs/rule-catalog.md`)")
    func catalogIsCurrent() throws {
        let ruleSet = try Self.ruleSet()
        let written = try String(contentsOfFile: Self.root + "/docs/rule-catalog.md", encoding: .utf8)
        let generated = RuleCatalog.markdown(ruleSet)
        let writtenLines = written.split(separator: "\n", omittingEmptySubsequences: false)
        let generatedLines = generated.split(separator: "\n", omittingEmptySubsequences: false)
        let differing = zip(writtenLines, generatedLines).enumerated().filter { $0.element.0 != $0.element.1 }
        // the header names the rule set's hash, which every change to Rules/ changes: show the first line that says what changed
        if let first = differing.first(where: { !$0.element.0.contains("(rule set `sha256:") }) ?? differing.first {
            let place = "docs/rule-catalog.md:\(first.offset + 1) differs from the generated catalog (\(differing.count) lines differ)"
            Issue.record("\(place):\n  file:      \(first.element.0)\n  generated: \(first.element.1)\n\(Self.regenerate)")
        }
        #expect(writtenLines.count == generatedLines.count,
                "the catalog has \(writtenLines.count) lines, the rules give \(generatedLines.count); \(Self.regenerate)")
    }

    @Test("every rule cites a declared source with a place in it, and has Dutch and English messages")
    func everyRuleIsTraceable() throws {
        let ruleSet = try Self.ruleSet()
        #expect(ruleSet.rules.count >= 30)
        for rule in ruleSet.rules {
            #expect(ruleSet.sources[rule.citation.sourceID] != nil, "\(rule.id)")
            #expect(!rule.citation.locator.isEmpty, "\(rule.id)")
            #expect(!rule.messageNL.isEmpty && !rule.messageEN.isEmpty && rule.messageNL != rule.messageEN, "\(rule.id)")
            #expect(rule.examples.contains { $0.expectation == .fires || $0.expectation == .overridden }, "\(rule.id)")
            #expect(rule.examples.contains { $0.expectation == .silent }, "\(rule.id)")
        }
    }
}
