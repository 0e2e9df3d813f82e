import Testing
@testable import NeutraalEngine

/// A worker reads each record of a batch into the description and storage of the one before (`RecordRoom`)
/// once that one is dropped: the records read are those read without the room, and a description or record
/// still held elsewhere is never read into.
@Suite("Record room")
struct RecordRoomTests {
    /// The lines of a generated batch, as one source.
    private static func batch(_ count: Int, seed: UInt64) -> SourceText {
        var generator = GeneratedActivities(seed: seed)
        return SourceText(path: "generated.jsonl", text: generator.lines(count).joined(separator: "\n") + "\n")
    }

    /// What a record read holds: its id, and every slot's value and offset.
    private static func signature(_ outcome: ReadOutcome) -> String {
        guard case .description(let description) = outcome else { return "failure" }
        let slots = zip(description.record.values, description.record.offsets).map { value, offset in
            "\(value.map { "\($0)" } ?? "-")@\(offset)"
        }
        return description.id + ": " + slots.joined(separator: "|")
    }

    private static func storage(_ outcome: ReadOutcome) -> ObjectIdentifier? {
        guard case .description(let description) = outcome else { return nil }
        return ObjectIdentifier(description.record.values.storage)
    }

    private static func identity(_ outcome: ReadOutcome) -> ObjectIdentifier? {
        guard case .description(let description) = outcome else { return nil }
        return ObjectIdentifier(description)
    }

    @Test("records dropped one by one are read into one description and storage, and read as without it")
    func droppedRecordsShareOneStorage() throws {
        let ruleSet = try RealRules.ruleSet()
        let reader = DescriptionReader(vocabulary: ruleSet.vocabulary)
        let source = Self.batch(500, seed: 21)
        let expected = reader.read(source).map(Self.signature)
        var read: [String] = []
        var storages: Set<ObjectIdentifier> = []
        var descriptions: Set<ObjectIdentifier> = []
        reader.forEachLine(source, from: 0, firstNumber: 1, allowEmpty: false, room: RecordRoom()) { outcome in
            // only what the record holds is kept, not the record: the room may have it for the next one
            read.append(Self.signature(outcome))
            if let storage = Self.storage(outcome) { storages.insert(storage) }
            if let identity = Self.identity(outcome) { descriptions.insert(identity) }
        }
        #expect(read == expected)
        #expect(expected.filter { $0 != "failure" }.count > 450)
        // one storage and one description for all (a record that falls back to the ordinary reader brings
        // its own, and one that gives up half-way leaves the room's half filled, to be emptied for the next)
        #expect(storages.count < 10)
        #expect(descriptions.count < 10)
    }

    @Test("a record the caller keeps is never read into: each keeps its own values")
    func keptRecordsKeepTheirStorage() throws {
        let ruleSet = try RealRules.ruleSet()
        let reader = DescriptionReader(vocabulary: ruleSet.vocabulary)
        let source = Self.batch(300, seed: 22)
        var kept: [ReadOutcome] = []
        reader.forEachLine(source, from: 0, firstNumber: 1, allowEmpty: false, room: RecordRoom()) { kept.append($0) }
        #expect(kept.map(Self.signature) == reader.read(source).map(Self.signature))
        let storages = kept.compactMap(Self.storage)
        #expect(storages.count > 250 && Set(storages).count == storages.count)
        let descriptions = kept.compactMap(Self.identity)
        #expect(descriptions.count == storages.count && Set(descriptions).count == descriptions.count)
    }

    @Test("a cleared storage holds nothing counted, and once a reading that fills none of its slots is finished no values and no offsets, within and beyond the tracked slots; its list goes to the spares with its values (written over by the next list read into it)",
          arguments: [5, SlotSet.capacity + 9])
    func clearedStorage(slotCount: Int) {
        var record = Record(slotCount: slotCount)
        record.set(.string(String(repeating: "tekst ", count: 8)), offset: 3, at: 0)
        var list: [FactValue] = []
        list.reserveCapacity(6)
        list.append(.symbol(1))
        record.set(.list(list), offset: 9, at: slotCount - 1)
        list = []
        record.set(.bool(true), offset: 20, at: 1)
        let storage = record.values.storage
        record = Record(slotCount: 1)
        let room = RecordRoom()
        storage.clearCounted(keepingListsIn: room.spareLists)
        let cleared = Record(storage: storage)
        // the text and the list are let go of at once; the truth value (nothing counted) may stay until the
        // reading into the storage is finished, which empties every slot it did not fill
        #expect(cleared.values[0] == nil && cleared.values[slotCount - 1] == nil)
        #expect(cleared.offsets[0] == -1 && cleared.offsets[slotCount - 1] == -1)
        if slotCount <= SlotSet.capacity { storage.finishFilling(filled: SlotSet(), counted: SlotSet()) }
        #expect(cleared.values.allSatisfy { $0 == nil })
        #expect(cleared.offsets.allSatisfy { $0 == -1 })
        let spare = room.spareLists.pointee.take()
        #expect("\(spare)" == "\([FactValue.symbol(1)])" && spare.capacity >= 6)
        #expect(room.spareLists.pointee.take().capacity == 0)
    }

    @Test("spare lists (of values and of objects): at most the limit kept, each given back with its room (a list of values with its values, a list of objects empty), the last given taken first; none without room")
    func spareListsUpToTheLimit() {
        var spares = SpareLists()
        defer { spares.free() }
        spares.give([])
        for size in 1...(SpareLists.limit + 2) {
            var list: [FactValue] = []
            list.reserveCapacity(size * 4)
            for index in 0..<size { list.append(index % 2 == 0 ? .symbol(Int32(index)) : .string("tekst \(index)")) }
            spares.give(consume list)
        }
        var capacities: [Int] = []
        for size in (1...SpareLists.limit).reversed() {
            let list = spares.take()
            let given: [FactValue] = (0..<size).map { index in index % 2 == 0 ? .symbol(Int32(index)) : .string("tekst \(index)") }
            #expect("\(list)" == "\(given)")
            capacities.append(list.capacity)
        }
        #expect(capacities == capacities.sorted(by: >))
        #expect(capacities.allSatisfy { $0 >= 4 })
        #expect(spares.take().capacity == 0)
        // lists of objects likewise, their records let go of
        for size in 1...(SpareLists.limit + 1) {
            var records: [Record] = []
            records.reserveCapacity(size * 4)
            for _ in 0..<size { records.append(Record(slotCount: 3)) }
            spares.give(records: consume records)
        }
        for _ in 0..<SpareLists.limit {
            let records = spares.takeRecords()
            #expect(records.isEmpty && records.capacity >= 4)
        }
        #expect(spares.takeRecords().capacity == 0)
    }

    @Test("records read into spare lists hold only their own elements: lists of every length, one after another")
    func spareListsHoldOnlyTheirOwnElements() throws {
        let ruleSet = try RealRules.ruleSet()
        let reader = DescriptionReader(vocabulary: ruleSet.vocabulary)
        // long, short, empty and single lists in turn, each read into the room of the one before
        let roles = [#"["party-member","partijleider","lijsttrekker"]"#, #"["lead-candidate"]"#, "[]", #""party-member""#,
                     #"["partijleider","party-member"]"#]
        let lines = roles.enumerated().map { number, list in
            #"{"id":"r\#(number)","kind":"post","actor":{"role":"minister","party":"SP","partyRoles":\#(list)},"text":"x"}"#
        }
        let source = SourceText(path: "lists.jsonl", text: lines.joined(separator: "\n") + "\n")
        let expected = reader.read(source).map(Self.signature)
        var read: [String] = []
        reader.forEachLine(source, from: 0, firstNumber: 1, allowEmpty: false, room: RecordRoom()) { read.append(Self.signature($0)) }
        #expect(read == expected)
        #expect(expected.filter { $0 != "failure" }.count == roles.count)
    }

    /// `signature`, with the values and offsets of every element of a list of objects spelled out too.
    private static func deepSignature(_ outcome: ReadOutcome) -> String {
        guard case .description(let description) = outcome else { return "failure" }
        return description.id + ": " + deep(description.record)
    }

    private static func deep(_ record: Record) -> String {
        zip(record.values, record.offsets).map { value, offset in
            switch value {
            case .objects(let elements)?: return "[" + elements.map { "{" + deep($0) + "}" }.joined(separator: ",") + "]@\(offset)"
            case let value?: return "\(value)@\(offset)"
            case nil: return "-@\(offset)"
            }
        }.joined(separator: "|")
    }

    @Test("the elements of lists of objects, read into the emptied storages of earlier elements, hold only their own values")
    func elementsReadIntoKeptStorages() throws {
        let ruleSet = try RealRules.ruleSet()
        let reader = DescriptionReader(vocabulary: ruleSet.vocabulary)
        // elements with every field, with some, and with one, in lists long and short, one record after another
        let sections = [
            #"[{"content":"policy","withinPortfolio":true,"draftedBy":"communication-advisor"},{"content":"personal","draftedBy":"civil-servant"}]"#,
            #"[{"content":"personal"}]"#,
            #"[{"content":"party-political","draftedBy":"political-assistant"},{"content":"policy","withinPortfolio":false},{"content":"personal"}]"#,
            "[]",
            #"[{"content":"policy","draftedBy":"minister"}]"#,
        ]
        var lines: [String] = []
        for round in 0..<3 {
            for (number, list) in sections.enumerated() {
                lines.append(#"{"id":"s\#(round)-\#(number)","kind":"speech","actor":{"role":"minister","ministry":"OCW"},"#
                    + #""event":{"type":"public-event","organiser":"party"},"sections":\#(list),"date":"2023-12-04"}"#)
            }
        }
        let source = SourceText(path: "sections.jsonl", text: lines.joined(separator: "\n") + "\n")
        let expected = reader.read(source).map(Self.deepSignature)
        var read: [String] = []
        reader.forEachLine(source, from: 0, firstNumber: 1, allowEmpty: false, room: RecordRoom()) { read.append(Self.deepSignature($0)) }
        #expect(read == expected)
        #expect(expected.filter { $0 != "failure" }.count == lines.count)
        // and a generated batch, where most speeches have sections
        let batch = Self.batch(400, seed: 7)
        var batchRead: [String] = []
        reader.forEachLine(batch, from: 0, firstNumber: 1, allowEmpty: false, room: RecordRoom()) { batchRead.append(Self.deepSignature($0)) }
        #expect(batchRead == reader.read(batch).map(Self.deepSignature))
    }

    @Test("a record the reader gives up on half-way, in the room's description, leaves nothing in the next one")
    func halfReadRecordLeavesNothing() throws {
        let ruleSet = try RealRules.ruleSet()
        let reader = DescriptionReader(vocabulary: ruleSet.vocabulary)
        let good = #"{"id":"g%d","kind":"post","actor":{"role":"minister","party":"SP","partyRoles":["partijleider"]},"text":"tekst %d"}"#
        // each given up on late, after most of its values were read into the room's description
        let late = [
            #"{"id":"late-key","kind":"post","actor":{"role":"minister","party":"CDA"},"text":"half","onbekend":1}"#,
            #"{"id":"late-value","kind":"post","actor":{"role":"minister","party":"CDA"},"text":"half","date":"2023-13-45"}"#,
            #"{"id":"trailing","kind":"post","actor":{"role":"minister","party":"CDA"},"text":"half"} x"#,
            #"{"kind":"post","actor":{"role":"minister"},"hashtags":["a","b"]}"#,
        ]
        var lines: [String] = []
        for (number, line) in late.enumerated() {
            lines.append(good.replacingOccurrences(of: "%d", with: "\(number)"))
            lines.append(line)
        }
        lines.append(good.replacingOccurrences(of: "%d", with: "end"))
        let source = SourceText(path: "late.jsonl", text: lines.joined(separator: "\n") + "\n")
        let expected = reader.read(source).map(Self.signature)
        var read: [String] = []
        reader.forEachLine(source, from: 0, firstNumber: 1, allowEmpty: false, room: RecordRoom()) { read.append(Self.signature($0)) }
        #expect(read == expected)
        #expect(expected.filter { $0 == "failure" }.count == 3)
    }
}
