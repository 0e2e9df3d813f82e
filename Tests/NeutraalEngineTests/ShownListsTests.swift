import Testing
@testable import NeutraalEngine

/// The table of lists shown as evidence gives each list its own text, whichever lists shared its entry before.
@Suite("Shown lists")
struct ShownListsTests {
    @Test("every key gets its own text back, also after other keys took its entry")
    func ownTextForEveryKey() {
        var table = ShownLists()
        var made = 0
        // far more keys than entries, each asked for three times in a scattered order
        let keys = (0..<500).map { UInt64($0) &* 0x0000_1234_5678_9ABD }
        for round in 0..<3 {
            for (position, key) in keys.enumerated() where (position + round) % 3 != 1 {
                let text = table.text(for: key) { made += 1; return "list \(key)" }
                #expect(text == "list \(key)")
            }
        }
        // kept texts are found again: not every look-up made its text
        let again = table.text(for: keys[499]) { made += 1; return "list \(keys[499])" }
        #expect(again == "list \(keys[499])")
        #expect(made < 3 * 500)
    }

    @Test("a list of cases has a key of its own: another order, another field or another length is another key")
    func listKeys() throws {
        let ruleSet = try RealRules.ruleSet()
        let names = DisplayNames(ruleSet.vocabulary)
        let layout = ruleSet.vocabulary.layouts[0]
        let listSlots = layout.fields.indices.filter { slot in
            if case .list(.enumeration) = layout.fields[slot].type { return true } else { return false }
        }
        let slot = try #require(listSlots.first)
        let ab = try #require(names.listKey([.symbol(0), .symbol(1)], layout: 0, slot: slot))
        let ba = try #require(names.listKey([.symbol(1), .symbol(0)], layout: 0, slot: slot))
        let aba = try #require(names.listKey([.symbol(0), .symbol(1), .symbol(0)], layout: 0, slot: slot))
        #expect(Set([ab, ba, aba]).count == 3)
        if listSlots.count > 1 {
            #expect(names.listKey([.symbol(0), .symbol(1)], layout: 0, slot: listSlots[1]) != ab)
        }
        // one case, or a value that is not a case, is shown without the table
        #expect(names.listKey([.symbol(0)], layout: 0, slot: slot) == nil)
        #expect(names.listKey([.symbol(0), .string("x")], layout: 0, slot: slot) == nil)
    }
}
