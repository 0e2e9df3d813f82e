import Testing
@testable import NeutraalEngine

/// The paths of facts as evidence shows them: as they are at the top level, with the element's number
/// for an element of a list of objects (and of a list within one).
@Suite("Fact paths")
struct FactPathTests {
    static let source = SourceText(path: "paths.json", text: "{}")

    @Test("a top-level fact is shown as its path")
    func topLevel() {
        let scope = Evaluator.Scope(record: Record(slotCount: 1), layout: 0, prefix: "", source: Self.source)
        #expect(scope.fact("draftedBy") == "draftedBy")
    }

    @Test("an element's fact carries the element's number", arguments: [0, 8, 9, 10, 98, 99, 999, 12_344])
    func element(index: Int) {
        let top = Evaluator.Scope(record: Record(slotCount: 1), layout: 0, prefix: "", source: Self.source)
        let scope = top.element(Record(slotCount: 1), layout: 1, path: "sections", index: index)
        #expect(scope.fact("draftedBy") == "sections[\(index + 1)].draftedBy")
        #expect(scope.fact("title") == "sections[\(index + 1)].title")
        let inner = scope.element(Record(slotCount: 1), layout: 2, path: "notes", index: index + 1)
        #expect(inner.fact("by") == "sections[\(index + 1)].notes[\(index + 2)].by")
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
