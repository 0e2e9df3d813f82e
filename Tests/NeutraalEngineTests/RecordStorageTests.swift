import Testing
@testable import NeutraalEngine

/// A record's slots in one allocation (`SlotStorage`): value semantics (a copy is unaffected by writes to
/// the original), offsets beside the values, and records both within and beyond the slots whose writes the
/// storage tracks (`SlotSet.capacity`).
@Suite("Record storage")
struct RecordStorageTests {
    @Test("a new record has no values and no offsets")
    func empty() {
        let record = Record(slotCount: 5)
        #expect(record.values.count == 5)
        #expect(record.values.allSatisfy { $0 == nil })
        #expect(Array(record.offsets) == [-1, -1, -1, -1, -1])
        #expect(Record(slotCount: -3).values.isEmpty)
    }

    @Test("values and offsets are written together and read back", arguments: [3, SlotSet.capacity, SlotSet.capacity + 70])
    func written(slotCount: Int) {
        var record = Record(slotCount: slotCount)
        let last = slotCount - 1
        record.set(.string(String(repeating: "lang ", count: 10)), offset: 12, at: 0)
        record.set(.list([.string("a"), .symbol(2)]), offset: 40, at: last)
        record.values[1] = .number(1.5)
        #expect(record.offsets[0] == 12 && record.offsets[last] == 40 && record.offsets[1] == -1)
        guard case .string(let text)? = record.values[0], case .list(let items)? = record.values[last],
              case .number(let number)? = record[1] else {
            Issue.record("the values written are not read back")
            return
        }
        #expect(text.count == 50 && items.count == 2 && number == 1.5)
        record.values[last] = nil
        #expect(record.values[last] == nil && record.offsets[last] == 40)
    }

    @Test("a copy keeps its values when the original is written", arguments: [4, SlotSet.capacity + 1])
    func copyOnWrite(slotCount: Int) {
        var original = Record(slotCount: slotCount)
        original.set(.string("eerst"), offset: 1, at: 2)
        let copy = original
        original.set(.string("daarna"), offset: 9, at: 2)
        original.values[3] = .bool(true)
        guard case .string(let before)? = copy.values[2], case .string(let after)? = original.values[2] else {
            Issue.record("a string slot lost its value")
            return
        }
        #expect(before == "eerst" && after == "daarna")
        #expect(copy.offsets[2] == 1 && original.offsets[2] == 9)
        #expect(copy.values[3] == nil)
        #expect(copy.offsets != original.offsets)
    }

    @Test("records nested in a list of objects are kept and freed with their parent")
    func nested() {
        var parent = Record(slotCount: 2)
        var child = Record(slotCount: 3)
        child.set(.string(String(repeating: "x", count: 40)), offset: 7, at: 1)
        parent.set(.objects([child, child]), offset: 3, at: 0)
        child.values[1] = nil
        guard case .objects(let elements)? = parent.values[0], case .string(let text)? = elements[1].values[1] else {
            Issue.record("the nested record lost its value")
            return
        }
        #expect(text.count == 40 && elements[0].offsets[1] == 7)
    }

    @Test("a slot is looked at in place: empty or not, a date or not")
    func inPlace() {
        var record = Record(slotCount: 4)
        record.set(.date(19_000), offset: 3, at: 0)
        record.set(.string(String(repeating: "t", count: 30)), offset: 9, at: 1)
        record.values[2] = .list([.date(1)])
        #expect(record.values.date(at: 0) == 19_000)
        #expect(record.values.date(at: 1) == nil && record.values.date(at: 2) == nil && record.values.date(at: 3) == nil)
        #expect(!record.values.isEmpty(at: 0) && !record.values.isEmpty(at: 1) && !record.values.isEmpty(at: 2))
        #expect(record.values.isEmpty(at: 3))
        record.values[0] = nil
        #expect(record.values.isEmpty(at: 0) && record.values.date(at: 0) == nil)
    }
}
