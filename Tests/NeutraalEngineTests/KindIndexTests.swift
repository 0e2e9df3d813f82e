import Testing
@testable import NeutraalEngine

/// The flat index of the rules by kind that the evaluator reads for every description: the same lists as
/// `RuleSet.rulesByKind`.
@Suite("Kind index")
struct KindIndexTests {
    @Test("each kind's numbers in order, empty lists kept, nothing for a kind out of range")
    func lists() {
        let lists = [[3, 1, 4], [], [1], [5, 9, 2, 6], []]
        let index = KindIndex(lists)
        for (kind, list) in lists.enumerated() {
            #expect(index.withNumbers(ofKind: kind) { Array($0) } == list, "kind \(kind)")
        }
        for kind in [-1, lists.count, lists.count + 7] {
            #expect(index.withNumbers(ofKind: kind) { $0.isEmpty }, "kind \(kind)")
        }
        #expect(KindIndex([]).withNumbers(ofKind: 0) { $0.isEmpty })
    }

    @Test("the rule sets' indexes hold their rules by kind")
    func ruleSets() throws {
        for ruleSet in [try Fixture.ruleSet(), try RealRules.ruleSet()] {
            for kind in ruleSet.rulesByKind.indices {
                #expect(ruleSet.kindIndex.withNumbers(ofKind: kind) { Array($0) } == ruleSet.rulesByKind[kind], "kind \(kind)")
            }
        }
    }
}
