import Foundation
import Testing
@testable import NeutraalEngine

/// The real rule set in `Rules/`: it loads, and every rule's examples come out as they say.
@Suite("The rule set in Rules/")
struct RuleExampleTests {
    static let folder = PackageRoot.path() + "/Rules"

    static var loaded: Result<RuleSet, DiagnosticList> { RealRules.loaded }

    /// The ids of the real rules (none when the rule set does not load; `loads` then fails).
    static var ruleIDs: [String] { (try? loaded.get())?.rules.map(\.id) ?? [] }

    @Test("Rules/ loads without a diagnostic")
    func loads() throws {
        let ruleSet = try Self.loaded.get()
        #expect(!ruleSet.rules.isEmpty)
        #expect(ruleSet.vocabulary.kinds.cases.count >= 1)
    }

    @Test("every rule has an example that fires and one that stays silent, and cites a declared source", arguments: ruleIDs)
    func wellFormed(_ id: String) throws {
        let ruleSet = try Self.loaded.get()
        let rule = try #require(ruleSet.rule(id))
        #expect(rule.examples.contains { $0.expectation == .fires || $0.expectation == .overridden })
        #expect(rule.examples.contains { $0.expectation == .silent })
        #expect(ruleSet.sources[rule.citation.sourceID] != nil)
        #expect(!rule.citation.locator.isEmpty)
    }

    @Test("the rule's examples come out as they say (fires, silent, overridden, undetermined, expected verdict)", arguments: ruleIDs)
    func examples(_ id: String) throws {
        let ruleSet = try Self.loaded.get()
        let rule = try #require(ruleSet.rule(id))
        let failures = ExampleReplay.failures(of: rule, in: ruleSet)
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
    }

    @Test("every rule named in `overrides` exists and is another rule")
    func overridesResolve() throws {
        let ruleSet = try Self.loaded.get()
        for rule in ruleSet.rules {
            for target in rule.overrides {
                #expect(ruleSet.rule(target) != nil && target != rule.id, "\(rule.id) overrides \(target)")
            }
        }
    }
}
