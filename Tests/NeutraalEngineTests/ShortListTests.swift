import Testing
@testable import NeutraalEngine

/// The short list behind the scope's caches of pattern searches: in order, like an array.
@Suite("Short list")
struct ShortListTests {
    @Test("finds the first element that matches, in the order appended, and empties")
    func order() {
        var list = ShortList<(key: Int, value: String)>()
        #expect(list.isEmpty)
        #expect(list.first(where: { _ in true }) == nil)
        for (key, value) in [(1, "a"), (2, "b"), (1, "c"), (3, "d")] { list.append((key, value)) }
        #expect(!list.isEmpty)
        #expect(list.first(where: { $0.key == 1 })?.value == "a")
        #expect(list.first(where: { $0.key == 3 })?.value == "d")
        #expect(list.first(where: { $0.value == "c" })?.key == 1)
        #expect(list.first(where: { $0.key == 4 }) == nil)
        list.removeAll(keepingCapacity: true)
        #expect(list.isEmpty)
        list.append((5, "e"))
        #expect(list.first(where: { $0.key == 5 })?.value == "e")
        #expect(list.first(where: { $0.key == 1 }) == nil)
    }
}
