import Testing
@testable import NeutraalEngine

/// The paths of facts as evidence shows them: as they are at the top level, with the element's number
/// for an element of a list of objects (and of a list within one).
@Suite("Fact paths")
struct FactPathTests {
    @Test("a top-level fact is shown as its path")
    func topLevel() {
        let scope = Evaluator.Scope(record: Record(slotCount: 1), layout: 0, prefix: "")
        #expect(scope.fact("draftedBy") == "draftedBy")
    }

    @Test("an element's fact carries the element's number", arguments: [0, 8, 9, 10, 98, 99, 999, 12_344])
    func element(index: Int) {
        let top = Evaluator.Scope(record: Record(slotCount: 1), layout: 0, prefix: "")
        let scope = top.element(Record(slotCount: 1), layout: 1, path: "sections", index: index)
        #expect(scope.fact("draftedBy") == "sections[\(index + 1)].draftedBy")
        #expect(scope.fact("title") == "sections[\(index + 1)].title")
        let inner = scope.element(Record(slotCount: 1), layout: 2, path: "notes", index: index + 1)
        #expect(inner.fact("by") == "sections[\(index + 1)].notes[\(index + 2)].by")
    }

    /// A test of `path` whose path is number `key` among the rule set's (`FieldTest.pathKey`).
    private static func test(_ path: String, key: Int32) -> FieldTest {
        FieldTest(slot: 0, path: path, operation: .present, absent: .unknown, text: "\(path) is present", pathKey: key)
    }

    @Test("an element's fact is spelled once for a batch and then shared: the same path for every element, field and list, also past the limit of paths kept")
    func spelledOnce() {
        let top = Evaluator.Scope(record: Record(slotCount: 1), layout: 0, prefix: "")
        var spelled = SpelledFacts()
        let fields = [Self.test("draftedBy", key: 3), Self.test("content", key: 4)]
        // two lists with fields of the same number: the list's path tells their paths apart
        for round in 0..<2 {
            for list in ["sections", "parts"] {
                for index in 0..<40 {
                    let scope = top.element(Record(slotCount: 1), layout: 1, path: list, index: index)
                    for field in fields {
                        #expect(scope.fact(of: field, &spelled) == "\(list)[\(index + 1)].\(field.path)", "round \(round)")
                    }
                }
            }
            // the first round keeps every path; the second finds them all
            #expect(spelled.count == 160)
        }
        // past the limit, paths are still spelled right, only no longer kept
        for index in 40..<200 {
            let scope = top.element(Record(slotCount: 1), layout: 1, path: "sections", index: index)
            #expect(scope.fact(of: fields[0], &spelled) == "sections[\(index + 1)].draftedBy")
        }
        #expect(spelled.count == SpelledFacts.limit)
        // a top-level fact, a test without a path number and a nested element are spelled, not kept
        #expect(top.fact(of: fields[0], &spelled) == "draftedBy")
        let element = top.element(Record(slotCount: 1), layout: 1, path: "sections", index: 0)
        #expect(element.fact(of: Self.test("title", key: -1), &spelled) == "sections[1].title")
        let nested = element.element(Record(slotCount: 1), layout: 2, path: "notes", index: 2)
        var fresh = SpelledFacts()
        #expect(nested.fact(of: fields[0], &fresh) == "sections[1].notes[3].draftedBy")
        #expect(fresh.count == 0)
    }

    @Test("lists of texts are shown as their items joined by commas, a list of one as its item")
    func displayedTextLists() throws {
        let vocabulary = try RealRules.ruleSet().vocabulary
        let type = FieldType.list(.text)
        // texts written straight into the joined text's storage: short and long ones, and ones that are not ASCII
        for items in [[], ["#zorg"], ["#zorg", "#asiel"], ["#a", "#b", "#c"], ["", ""],
                      ["#café", "een tekst van meer dan vijftien bytes", "ǅ"]] {
            let shown = Evaluator.display(.list(items.map { FactValue.string($0) }), type: type, vocabulary: vocabulary)
            #expect(shown == items.joined(separator: ", "))
        }
    }

    @Test("texts compared without regard to case are lowered as `lowercased()` lowers them, the ones already lower kept as they are")
    func loweredTexts() {
        for text in ["", "#zorg", "#Zorg", "#ZORG", "#café", "#CAFÉ", "straße", "İstanbul", "#vvd-2023", "#aanpak_armoede", "ǅ"] {
            #expect(FactValue.lowercased(text) == text.lowercased(), "\(text)")
        }
    }

    @Test("enumeration values are shown from the table of names as through the field's type, and their keys lead to those names: every field of every layout, every case, lists, cases out of range")
    func displayedNames() throws {
        for ruleSet in [try RealRules.ruleSet(), try Fixture.ruleSet()] {
            let vocabulary = ruleSet.vocabulary
            let names = DisplayNames(vocabulary)
            var compared = 0
            var keyed = 0
            var enumerationFields = 0
            for (layoutIndex, layout) in vocabulary.layouts.enumerated() {
                for field in layout.fields {
                    let caseCount: Int
                    switch field.type {
                    case .enumeration(let index), .list(.enumeration(let index)): caseCount = vocabulary.enums[index].cases.count
                    default: caseCount = 0
                    }
                    var values: [FactValue] = (-1...caseCount).map { FactValue.symbol(Int32($0)) }
                    values.append(.list((0..<caseCount).map { FactValue.symbol(Int32($0)) }))
                    values.append(.list([]))
                    // a list with a case out of range (shown the general way), and one of a single case
                    values.append(.list([.symbol(0), .symbol(Int32(caseCount))]))
                    values.append(.list([.symbol(Int32(max(0, caseCount - 1)))]))
                    values.append(.string("tekst"))
                    for value in values {
                        // a case's key (for the texts a reporter prepares) leads to the name it is shown as
                        if case .symbol(let index) = value, let key = names.key(of: index, layout: layoutIndex, slot: field.slot) {
                            #expect(names.names[Int(key)] == Evaluator.display(value, type: field.type, vocabulary: vocabulary), "\(field.path) \(value)")
                            keyed += 1
                        }
                        guard let shown = names.display(value, layout: layoutIndex, slot: field.slot) else { continue }
                        #expect(shown == Evaluator.display(value, type: field.type, vocabulary: vocabulary), "\(field.path) \(value)")
                        compared += 1
                    }
                    if caseCount > 0 { enumerationFields += 1 }
                    if caseCount > 0, case .enumeration = field.type {
                        #expect(names.display(.symbol(0), layout: layoutIndex, slot: field.slot) != nil, "\(field.path)")
                    }
                }
            }
            // every case of every enumeration field, and the lists of them
            #expect(enumerationFields > 3 && compared > 2 * enumerationFields && keyed > enumerationFields)
            #expect(names.display(.symbol(0), layout: vocabulary.layouts.count, slot: 0) == nil)
        }
    }
}
