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
}
