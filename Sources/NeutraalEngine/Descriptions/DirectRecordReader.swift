/// Reads one JSON Lines record straight from its bytes into the slots of a `Record`, guided by the
/// vocabulary: keys are matched by their bytes against tables built once per vocabulary (no `String` per
/// key, no JSON tree), enumeration values against every spelling the enumeration accepts, dates from
/// their bytes.
///
/// It is the fast path of `DescriptionReader.readLine`, and only for the ordinary case: whatever is
/// unusual (invalid JSON or UTF-8, an unknown or dotted key, `null`, a duplicate, a value of the wrong
/// type or outside its enumeration, a missing field, a field of another kind, `waivers`, an escape it
/// does not decode, a key or spelling written with an escape) makes `read` return nil, and the line is
/// read the ordinary way (`JSONParser` and `RecordBuilder`), which gives the result or the located
/// diagnostics. A description it does return is exactly the one the ordinary way would give.
///
/// Built once per vocabulary (see `Vocabulary.directReader`); immutable, so shared by every thread.
public final class DirectRecordReader: Sendable {
    /// What a slot holds, as the reader reads it (`FieldType` without its boxes).
    enum ValueKind: Sendable {
        case string
        case text
        case bool
        case number
        case date
        case enumeration(Int)
        /// A list; the element's kind is `kinds[index]`.
        case list(Int)
        /// A list of objects laid out by this layout.
        case objects(Int)

        /// Whether values of the kind are texts (of type `string` or `text`), which are read in place
        /// (see `StoredSlot.span`) where they are the value of a field (not an element of a list).
        var isText: Bool {
            switch self {
            case .string, .text: return true
            default: return false
            }
        }
    }

    /// The reason `read` gives up; the line is then read the ordinary way.
    struct Unusual: Error {}

    /// Where a record's values and offsets are written while it is read.
    typealias Slots = UnsafeMutableBufferPointer<StoredSlot>

    /// What the root table of layout 0 gives for `expect` and `waivers`, which are not fields (key nodes are 0 and above).
    static let expectKey: Int32 = -2
    static let waiversKey: Int32 = -3

    /// What a key leads to: its node (or `expectKey` or `waiversKey`), the node's slot, or -1 for an object of
    /// further keys (and for `expect` and `waivers`), and the kind of its slot (`kinds[kindBase[layout] + slot]`;
    /// `.string` for the others).
    struct NodeInfo: Sendable {
        let node: Int32
        let slot: Int
        let kind: ValueKind
    }

    /// Per key node (nodes of every layout's key tree): its slot and its kind, read together from the key's
    /// node (one look-up, where an array of slots and one of kinds took two, each with its bounds check).
    let nodes: [NodeInfo]
    /// Per key node, table `node` of `keys`: its children's node indices by their key (and, in the root
    /// table of layout 0, `expectKey` and `waiversKey`).
    let keys: ByteKeyTables
    /// The keys of `keys` as they are mostly written, with their closing quote and colon (see `WrittenKeyTables`),
    /// each with what its node leads to (`target(_:in:)`).
    let writtenKeys: WrittenKeyTables<NodeInfo>
    /// The root node of each layout.
    let layoutRoots: [Int]
    /// The number of slots of each layout.
    let slotCounts: [Int]
    /// The kind of slot `s` of layout `l` is `kinds[kindBase[l] + s]`; list elements' kinds follow.
    let kinds: [ValueKind]
    let kindBase: [Int]
    /// The required slots of each layout.
    let requiredSlots: [SlotSet]
    /// Per kind of description: the top-level slots it may not carry.
    let forbiddenSlots: [SlotSet]
    /// Per kind of description: the top-level fields whose values it restricts, and their slots.
    let kindValueChecks: [[KindValueCheck]]
    let checkedSlots: [SlotSet]
    let kindCount: Int
    /// Per enumeration (table `index` of `spellings`): every spelling `EnumType.caseIndex(of:)` accepts as written, to its case.
    let spellings: ByteKeyTables
    /// The spellings of `spellings` as they are written, with their closing quote (see `WrittenKeyTables`).
    let writtenSpellings: WrittenKeyTables<Int32>
    let kindSlot: Int
    let idSlot: Int?
    let derivations: [Derivation]
    let calendars: [Calendar]
    /// False when the vocabulary has no layout, or a layout with more slots than a `SlotSet` holds:
    /// `read` then leaves every line to the ordinary path.
    let enabled: Bool

    /// JSON nesting beyond this is left to the ordinary path (whose parser has a limit of its own).
    static let maximumDepth = 32

    init(enums: [EnumType], layouts: [RecordLayout], kindSlot: Int, kindEnum: Int, idSlot: Int?,
         derivations: [Derivation], calendars: [Calendar]) {
        var nodeSlot: [Int] = []
        var nodeLayout: [Int] = []
        var tables: [[(key: [UInt8], value: Int32)]] = []
        func add(_ node: RecordLayout.KeyNode, layout: Int) -> Int {
            let index = nodeSlot.count
            nodeSlot.append(node.slot ?? -1)
            nodeLayout.append(layout)
            tables.append([])
            var pairs: [(key: [UInt8], value: Int32)] = []
            for key in node.children.keys.sorted() {
                guard let child = node.children[key] else { continue }
                pairs.append((Array(key.utf8), Int32(add(child, layout: layout))))
            }
            tables[index] = pairs
            return index
        }
        layoutRoots = layouts.indices.map { add(layouts[$0].keys, layout: $0) }
        if let root = layoutRoots.first {
            // last, so that they replace fields of these names, as the ordinary path looks for them first
            tables[root] += [(Array("expect".utf8), Self.expectKey), (Array("waivers".utf8), Self.waiversKey)]
        }
        keys = ByteKeyTables(tables)
        slotCounts = layouts.map(\.fields.count)
        enabled = !layouts.isEmpty && slotCounts.allSatisfy { $0 <= SlotSet.capacity }

        var kinds: [ValueKind] = []
        var kindBase: [Int] = []
        for layout in layouts {
            kindBase.append(kinds.count)
            kinds += repeatElement(.string, count: layout.fields.count)
        }
        func kind(of type: FieldType) -> ValueKind {
            switch type {
            case .string: return .string
            case .text: return .text
            case .bool: return .bool
            case .number: return .number
            case .date: return .date
            case .enumeration(let index): return .enumeration(index)
            case .objects(let layout): return .objects(layout)
            case .list(let element):
                let elementKind = kind(of: element)
                kinds.append(elementKind)
                return .list(kinds.count - 1)
            }
        }
        for (index, layout) in layouts.enumerated() {
            for field in layout.fields { kinds[kindBase[index] + field.slot] = kind(of: field.type) }
        }
        self.kinds = kinds
        self.kindBase = kindBase
        let nodes = nodeSlot.indices.map { node in
            NodeInfo(node: Int32(node), slot: nodeSlot[node],
                     kind: nodeSlot[node] >= 0 ? kinds[kindBase[nodeLayout[node]] + nodeSlot[node]] : .string)
        }
        self.nodes = nodes
        writtenKeys = WrittenKeyTables(keys, tableCount: tables.count, ending: Array("\":".utf8)) { Self.target($0, in: nodes) }

        let enabled = self.enabled
        requiredSlots = layouts.map { layout in
            enabled ? SlotSet(layout.fields.filter(\.required).map(\.slot)) : SlotSet()
        }
        let rootFields = layouts.first?.fields ?? []
        kindCount = enums.indices.contains(kindEnum) ? enums[kindEnum].cases.count : 0
        forbiddenSlots = (0..<kindCount).map { kind in
            enabled ? SlotSet(rootFields.filter { !($0.kinds?.contains(Int32(kind)) ?? true) }.map(\.slot)) : SlotSet()
        }
        kindValueChecks = Self.kindValueChecks(kindCount: enabled ? kindCount : 0, fields: rootFields, enums: enums)
        checkedSlots = kindValueChecks.map { checks in SlotSet(checks.map(\.slot)) }
        spellings = ByteKeyTables(enums.map(Self.spellings))
        writtenSpellings = WrittenKeyTables(spellings, tableCount: enums.count, ending: Array("\"".utf8)) { $0 }
        self.kindSlot = kindSlot
        self.idSlot = idSlot
        self.derivations = derivations
        self.calendars = calendars
    }

    /// The spellings of an enumeration's cases as `EnumType` looks them up (lower-cased names, then
    /// aliases, a later one replacing an earlier), keeping only those that `caseIndex(of:)` confirms
    /// and that have no leading or trailing space (which the ordinary path trims first).
    static func spellings(_ enumeration: EnumType) -> [(key: [UInt8], value: Int32)] {
        var pairs: [(key: [UInt8], value: Int32)] = []
        for (index, value) in enumeration.cases.enumerated() {
            pairs.append((Array(value.name.lowercased().utf8), Int32(index)))
            for alias in value.aliases { pairs.append((Array(alias.lowercased().utf8), Int32(index))) }
        }
        return ByteKeyTables([pairs]).entries(of: 0).filter { entry in
            guard let first = entry.key.first, let last = entry.key.last,
                  first != 0x20, first != 0x09, last != 0x20, last != 0x09 else { return false }
            return enumeration.caseIndex(of: String(decoding: entry.key, as: UTF8.self)) == entry.value
        }
    }

    /// The description on `source.bytes[range]`, one line of JSON Lines numbered `number`, or nil when
    /// the line is not an ordinary record (the caller then reads it the ordinary way).
    public func read(_ source: SourceText, range: Range<Int>, number: Int) -> Description? {
        read(source, range: range, number: number, room: nil)
    }

    /// The same, reading the record into the storage `room` kept (when nothing else holds it any more);
    /// `lineIndex` is the index of the record's line in the source, where the caller knows it (else -1).
    func read(_ source: SourceText, range: Range<Int>, number: Int, room: RecordRoom?, lineIndex: Int = -1) -> Description? {
        guard enabled else { return nil }
        return source.bytes.withUnsafeBufferPointer { buffer -> Description? in
            // offsets are kept in 32 bits: a line beyond them is left to the ordinary path (no source is that
            // large: a chunk of JSON Lines holds a few hundred kilobytes), and within them none needs clamping
            guard range.lowerBound >= 0, range.upperBound <= buffer.count, range.upperBound <= Int(Int32.max) else { return nil }
            guard var cursor = Cursor(buffer: buffer, position: range.lowerBound, end: range.upperBound) else { return nil }
            // the source lives while its bytes are read: lent, not counted
            cursor.source = Unmanaged.passUnretained(source)
            cursor.spareLists = room?.spareLists
            do throws(Unusual) {
                cursor.skipWhitespace()
                guard cursor.peek == UInt8(ascii: "{") else { throw Unusual() }
                let start = cursor.position
                // nil until an `expect` member is read: most records have none, and nothing is then let go of
                var expectation: Expectation?
                // the description read last is filled again when all but the room have dropped it; bound once and
                // used up by the room and the caller (kept in an optional looked at twice, it was counted once
                // more for the reading and let go of after it)
                if let reused = room?.reusableDescription(slotCount: slotCounts[0]) {
                    let hasID = try reused.withRecord { (record: inout Record) throws(Unusual) in
                        try readTopRecord(&cursor, into: &record, expectation: &expectation)
                    }
                    reused.refill(id: readID(hasID: hasID, source, number), source: source, offset: start, expectation: consume expectation,
                                  lineIndex: lineIndex, asciiEnd: min(cursor.firstNonASCII, cursor.end))
                    room?.keep(reused)
                    return reused
                }
                var record = Record(slotCount: slotCounts[0])
                let hasID = try readTopRecord(&cursor, into: &record, expectation: &expectation)
                let description = Description(id: "", record: record, source: source, offset: start, expectation: expectation ?? Expectation(),
                                              waivers: [], lineIndex: lineIndex, asciiEnd: min(cursor.firstNonASCII, cursor.end))
                description.setID(readID(hasID: hasID, source, number))
                room?.keep(description)
                return description
            } catch {
                return nil
            }
        }
    }

    /// How the description of line `number` of `source` is named: by its id field where it has one that is
    /// not empty, else by the file and line. (Inlined: called, it cost more than the count it saved.)
    @inline(__always)
    private func readID(hasID: Bool, _ source: SourceText, _ number: Int) -> Description.ReadID {
        hasID ? .slot(idSlot ?? -1) : .fixed("\(source.path)#\(number)")
    }

    // MARK: Objects

    /// The record of a line at the cursor, read into `record` (holding nothing counted, laid out by the top-level layout), with
    /// its derived facts and nothing after it on the line; returns whether it has an `id` field that is not empty.
    @inline(__always)
    private func readTopRecord(_ cursor: inout Cursor, into record: inout Record,
                               expectation: inout Expectation?) throws(Unusual) -> Bool {
        try fill(&record, from: &cursor, layout: 0, expectation: &expectation, depth: 0)
        cursor.skipWhitespace()
        guard cursor.position == cursor.end else { throw Unusual() }
        Derivations.apply(derivations, calendars: calendars, to: &record, textWithoutHash: cursor.textWithoutHash)
        guard let slot = idSlot else { return false }
        return record.values.withTextBytes(at: slot, { !$0.isEmpty }) ?? false
    }

    /// The object at the cursor as a record laid out by `layout`, with what `RecordBuilder.finish` checks
    /// (giving up where it would report an error); the derivations are left to the caller.
    private func readRecord(_ cursor: inout Cursor, layout: Int, expectation: inout Expectation?,
                            depth: Int) throws(Unusual) -> Record {
        let slotCount = slotCounts[layout]
        // into the cleared storage of an element of an earlier record, where one is kept
        var record = cursor.spareLists?.pointee.takeStorage(slotCount: slotCount).map { Record(storage: $0) } ?? Record(slotCount: slotCount)
        try fill(&record, from: &cursor, layout: layout, expectation: &expectation, depth: depth)
        return record
    }

    /// `readRecord` into `record`, laid out by `layout` and holding nothing counted: empty, or with values of an
    /// earlier record in slots that this one fills (written over) or not (emptied once it is read).
    @inline(__always)
    private func fill(_ record: inout Record, from cursor: inout Cursor, layout: Int, expectation: inout Expectation?,
                      depth: Int) throws(Unusual) {
        let outerTexts = cursor.textsInPlace
        let outerFilled = cursor.filledSlots
        let outerCounted = cursor.countedSlots
        cursor.textsInPlace = false
        cursor.filledSlots = SlotSet()
        cursor.countedSlots = SlotSet()
        // the enclosing record's sets given back however this reading ends: when an element of a list of objects
        // failed part-way and they were not, the enclosing record's storage was told the element's slots as the
        // ones it had written, and let go of none of what it had read before (a list, a text of its own) when freed
        defer {
            cursor.textsInPlace = outerTexts
            cursor.filledSlots = outerFilled
            cursor.countedSlots = outerCounted
        }
        let filled = try record.values.withUnsafeMutableSlots { slots, filled throws(Unusual) in
            // the slots filled, gathered in the cursor, handed on however the reading ends
            defer { filled = cursor.filledSlots }
            try readMembers(&cursor, into: slots, layout: layout, node: layoutRoots[layout], expectation: &expectation, depth: depth)
            return cursor.filledSlots
        }
        record.values.storage.finishFilling(filled: filled, counted: cursor.countedSlots)
        // the record's texts read in place are bytes of the source: the record holds it
        if cursor.textsInPlace, let source = cursor.source { record.values.storage.keep(source: source) }
        guard requiredSlots[layout].isSubset(of: filled) else { throw Unusual() }
        if layout == 0, let kind = record.values.symbol(at: kindSlot) {
            guard kind >= 0, Int(kind) < kindCount, filled.isDisjoint(with: forbiddenSlots[Int(kind)]) else { throw Unusual() }
            if !filled.isDisjoint(with: checkedSlots[Int(kind)]) { try checkKindValues(record, kind: Int(kind)) }
        }
    }

    /// The members of the object at the cursor, into `slots` (laid out by `layout`) from key node `node`;
    /// `cursor.filledSlots` gains the slots they fill.
    private func readMembers(_ cursor: inout Cursor, into slots: Slots, layout: Int, node: Int,
                             expectation: inout Expectation?, depth: Int) throws(Unusual) {
        guard depth < Self.maximumDepth else { throw Unusual() }
        cursor.position += 1
        // the node's table (one for every key node), looked up once for all the object's keys
        guard let written = writtenKeys.lookup(node) else { throw Unusual() }
        while true {
            // most keys are plain and short, right after the comma or brace and followed by the colon at once:
            // compared as they are written, with their colon (`writtenKey`), without a look for white space first
            var keyOffset = cursor.position
            let target: NodeInfo
            if let quick = cursor.writtenKey(writtenKeys, written) {
                target = quick
            } else if let key = try readKey(&cursor, node: node, offset: &keyOffset) {
                target = Self.target(key, in: nodes)
            } else {
                // an empty object, closed
                return
            }
            // the value most often follows the colon at once: the quick readers below take it only where it
            // starts right at the cursor (a quote, a `t` or an `f`), and white space is skipped on the general way
            let slot = target.slot
            if slot >= 0 {
                guard slot < slots.count, cursor.filledSlots.insert(slot) else { throw Unusual() }
                let kind = target.kind
                let stored: StoredSlot
                if kind.isText, cursor.source != nil {
                    stored = try cursor.textSlot(offset: Int32(truncatingIfNeeded: keyOffset))
                    // a text with an escape is a `String` of its own (one read in place has no value)
                    if stored.value != nil { _ = cursor.countedSlots.insert(slot) }
                } else if case .enumeration(let index) = kind,
                          let found = cursor.writtenSymbol(writtenSpellings, index) ?? cursor.plainSymbol(spellings, index) {
                    // the most common value, a case written as one of its spellings, read here
                    stored = StoredSlot(value: .symbol(found), offset: Int32(truncatingIfNeeded: keyOffset))
                } else if case .date = kind, let day = cursor.plainDate() {
                    // a date as ten bytes between quotes (every record has one), read here too
                    stored = StoredSlot(value: .date(day), offset: Int32(truncatingIfNeeded: keyOffset))
                } else if case .bool = kind, let value = cursor.plainBool() {
                    stored = StoredSlot(value: .bool(value), offset: Int32(truncatingIfNeeded: keyOffset))
                } else if case .list(let elementIndex) = kind {
                    // a list of values (`draftedBy`, `partyRoles`: most records have one) read from here, without
                    // the call of `readValue` and its dispatch on the kind, whose depth check is made here
                    guard depth + 1 < Self.maximumDepth else { throw Unusual() }
                    cursor.skipWhitespace()
                    stored = StoredSlot(value: .list(try readValueList(&cursor, elementIndex: elementIndex, depth: depth + 1)),
                                        offset: Int32(truncatingIfNeeded: keyOffset))
                    _ = cursor.countedSlots.insert(slot)
                } else {
                    cursor.skipWhitespace()
                    stored = StoredSlot(value: try readValue(&cursor, kind: kind, depth: depth + 1), offset: Int32(truncatingIfNeeded: keyOffset))
                    // a list, objects or a text of its own (taken to be so: numbers and the rest are rare here)
                    _ = cursor.countedSlots.insert(slot)
                }
                // the slot holds nothing counted (`fill` says so, and `filledSlots` that it was not written by this
                // record): nothing to release before writing it
                slots.initializeElement(at: slot, to: stored)
            } else if target.node >= 0 {
                cursor.skipWhitespace()
                guard cursor.peek == UInt8(ascii: "{") else { throw Unusual() }
                try readMembers(&cursor, into: slots, layout: layout, node: Int(target.node),
                                expectation: &expectation, depth: depth + 1)
            } else if target.node == Self.expectKey {
                // into what an earlier `expect` member gave, if any
                var read = expectation ?? Expectation()
                cursor.skipWhitespace()
                try readExpectation(&cursor, into: &read)
                expectation = read
            } else {
                // `waivers`
                throw Unusual()
            }
            let next = cursor.skipWhitespaceAndPeek()
            if next == UInt8(ascii: ",") { cursor.position += 1; continue }
            if next == UInt8(ascii: "}") { cursor.position += 1; return }
            throw Unusual()
        }
    }

    /// What key node `node`'s table gives for the key at the cursor that `writtenKey` did not take (white space
    /// before it or its colon, an escape, a key too near the line's end or not in the table), with the cursor
    /// moved past the colon and `offset` moved to the key's quote; nil for an empty object, with the cursor past
    /// its closing brace. Out of line: the member loop keeps only the common way in its registers.
    @inline(never)
    private func readKey(_ cursor: inout Cursor, node: Int, offset: inout Int) throws(Unusual) -> Int32? {
        guard let table = keys.lookup(node) else { throw Unusual() }
        // short keys followed by the colon at once are read together, without a look for white space first
        // (`shortKey()` finds none before the key's quote, and the rest of the line is then looked at once white
        // space has been skipped)
        var short = cursor.shortKey()
        if short == nil {
            cursor.skipWhitespace()
            // an empty object (rare) is found here too: its closing brace after the opening one, not a comma
            if cursor.peek == UInt8(ascii: "}"), cursor.buffer[offset &- 1] == UInt8(ascii: "{") {
                cursor.position += 1
                return nil
            }
            offset = cursor.position
            short = cursor.shortKey()
        }
        let found: Int32?
        if let probe = short {
            found = keys.value(in: table, probe, cursor.buffer)
        } else {
            let key = try cursor.plainKey()
            found = ByteKeyTables.probe(cursor.buffer, key).flatMap { keys.value(in: table, $0, cursor.buffer) }
            cursor.skipWhitespace()
            guard cursor.peek == UInt8(ascii: ":") else { throw Unusual() }
            cursor.position += 1
        }
        guard let found else { throw Unusual() }
        return found
    }

    /// What a key's table value leads to: node `value`'s slot and kind, or `value` itself (`expectKey`,
    /// `waiversKey`) without a slot.
    static func target(_ value: Int32, in nodes: [NodeInfo]) -> NodeInfo {
        nodes.indices.contains(Int(value)) ? nodes[Int(value)] : NodeInfo(node: value, slot: -1, kind: .string)
    }

    /// An element of a list of objects, laid out by `layout`.
    private func readElement(_ cursor: inout Cursor, layout: Int, depth: Int) throws(Unusual) -> Record {
        guard cursor.peek == UInt8(ascii: "{"), layout > 0, layout < slotCounts.count else { throw Unusual() }
        var unused: Expectation?
        return try readRecord(&cursor, layout: layout, expectation: &unused, depth: depth)
    }

    /// `expect`: `verdict` (a string), `rules` and `overridden` (lists of strings), as `RecordBuilder` reads them.
    private func readExpectation(_ cursor: inout Cursor, into expectation: inout Expectation) throws(Unusual) {
        guard cursor.peek == UInt8(ascii: "{") else { throw Unusual() }
        cursor.position += 1
        cursor.skipWhitespace()
        if cursor.peek == UInt8(ascii: "}") { cursor.position += 1; return }
        while true {
            cursor.skipWhitespace()
            let key = try cursor.plainKey()
            cursor.skipWhitespace()
            guard cursor.peek == UInt8(ascii: ":") else { throw Unusual() }
            cursor.position += 1
            cursor.skipWhitespace()
            if cursor.matches(key, "verdict") {
                expectation.places.verdict = cursor.position
                expectation.verdict = try cursor.string().lowercased()
            } else if cursor.matches(key, "rules") {
                (expectation.rules, expectation.places.rules) = try cursor.strings()
            } else if cursor.matches(key, "overridden") {
                (expectation.overridden, expectation.places.overridden) = try cursor.strings()
            } else {
                throw Unusual()
            }
            cursor.skipWhitespace()
            if cursor.peek == UInt8(ascii: ",") { cursor.position += 1; continue }
            if cursor.peek == UInt8(ascii: "}") { cursor.position += 1; return }
            throw Unusual()
        }
    }

    // MARK: Values

    /// One value of a field of type `type`, as `RecordBuilder.convert` makes it.
    private func readValue(_ cursor: inout Cursor, kind: ValueKind, depth: Int) throws(Unusual) -> FactValue {
        guard depth < Self.maximumDepth else { throw Unusual() }
        switch kind {
        case .string, .text:
            // a short text of a list (a tag) is most often one read lately: copied, not made again
            if let spares = cursor.spareLists, let probe = cursor.shortString() {
                return .string(spares.pointee.recentTexts.text(probe, in: cursor.buffer))
            }
            return .string(try cursor.string())
        case .bool:
            return .bool(try cursor.bool())
        case .number:
            return .number(try cursor.number())
        case .date:
            if let day = cursor.plainDate() { return .date(day) }
            if let probe = cursor.shortString() {
                // a plain date of up to fifteen bytes, read where it is
                let bytes = UnsafeBufferPointer(rebasing: cursor.buffer[probe.start..<probe.start + probe.length])
                guard let day = CivilDate.parse(utf8: bytes) else { throw Unusual() }
                return .date(day)
            }
            let text = try cursor.stringBytes()
            let day: Int32? = text.decoded.map { bytes in bytes.withUnsafeBufferPointer { CivilDate.parse(utf8: $0) } }
                ?? CivilDate.parse(utf8: UnsafeBufferPointer(rebasing: cursor.buffer[text.raw]))
            guard let day else { throw Unusual() }
            return .date(day)
        case .enumeration(let index):
            if let found = cursor.writtenSymbol(writtenSpellings, index) ?? cursor.plainSymbol(spellings, index) { return .symbol(found) }
            // a spelling with an escape or outside ASCII, or one to lower-case first
            let text = try cursor.stringBytes()
            if let decoded = text.decoded {
                return .symbol(try decoded.withUnsafeBufferPointer { bytes throws(Unusual) in
                    try symbol(bytes, 0..<bytes.count, enumeration: index)
                })
            }
            return .symbol(try symbol(cursor.buffer, text.raw, enumeration: index))
        case .list(let elementIndex):
            return .list(try readValueList(&cursor, elementIndex: elementIndex, depth: depth))
        case .objects(let layout):
            guard layout > 0, layout < slotCounts.count else { throw Unusual() }
            let spare = cursor.spareLists?.pointee.takeRecords() ?? []
            return .objects(try readList(&cursor, depth: depth, into: spare) { (cursor: inout Cursor, depth: Int) throws(Unusual) -> Record in
                try readElement(&cursor, layout: layout, depth: depth)
            })
        }
    }

    /// A list of values of kind `kinds[elementIndex]` (or a single one, a list of one), read into a spare list's
    /// room where one is kept.
    @inline(__always)
    private func readValueList(_ cursor: inout Cursor, elementIndex: Int, depth: Int) throws(Unusual) -> [FactValue] {
        var items = cursor.spareLists?.pointee.take() ?? []
        try readValues(&cursor, kind: kinds[elementIndex], depth: depth, into: &items)
        return items
    }

    /// The case written as `bytes[range]`: as written, or (ASCII only) lower-cased, as `EnumType.caseIndex(of:)` tries.
    private func symbol(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, enumeration: Int) throws(Unusual) -> Int32 {
        if let found = spellings.value(in: enumeration, bytes, range) { return found }
        guard let first = range.first, let last = range.last else { throw Unusual() }
        // leading or trailing space: the ordinary path trims it (and names it in an error otherwise)
        if bytes[first] == 0x20 || bytes[first] == 0x09 || bytes[last] == 0x20 || bytes[last] == 0x09 { throw Unusual() }
        var lowered: [UInt8] = []
        lowered.reserveCapacity(range.count)
        for index in range {
            let byte = bytes[index]
            guard byte < 0x80 else { throw Unusual() }
            lowered.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
        }
        let found = lowered.withUnsafeBufferPointer { spellings.value(in: enumeration, $0, 0..<$0.count) }
        guard let found else { throw Unusual() }
        return found
    }

    /// `readList` for a list of values of kind `kind`, read into `items` (a list taken from the spares, perhaps
    /// holding an earlier list's values, see `SpareLists.take()`): each element written over the one at its
    /// place or appended after the last, and the earlier values after the last element read cut off at the
    /// end. The same elements read the same way as `readList`, with a loop of its own rather than through a
    /// closure, whose context held the reader counted for every list. Inlined into `readValueList`, and so into
    /// the member loop, which reads most lists (one or two a record and one in every element of `sections`):
    /// without the call and the registers saved around it.
    @inline(__always)
    private func readValues(_ cursor: inout Cursor, kind: ValueKind, depth: Int, into items: inout [FactValue]) throws(Unusual) {
        guard cursor.peek == UInt8(ascii: "[") else {
            items.write(try readValue(&cursor, kind: kind, depth: depth), at: 0)
            items.trim(to: 1)
            return
        }
        cursor.position += 1
        cursor.skipWhitespace()
        // an empty list takes no room beyond a spare one's
        if cursor.peek == UInt8(ascii: "]") { cursor.position += 1; items.trim(to: 0); return }
        // the elements' depth, checked once here rather than by `readValue` for each (which gives up on the first)
        guard depth + 1 < Self.maximumDepth else { throw Unusual() }
        // most lists are short: room for them at once rather than growing one element at a time
        items.reserveCapacity(4)
        var filled = 0
        while true {
            cursor.skipWhitespace()
            // most elements are cases written as one of their spellings (`draftedBy`, `partyRoles`): read here,
            // without a call of `readValue` and its dispatch on the kind for each
            if case .enumeration(let index) = kind,
               let found = cursor.writtenSymbol(writtenSpellings, index) ?? cursor.plainSymbol(spellings, index) {
                items.write(.symbol(found), at: filled)
            } else {
                items.write(try readValue(&cursor, kind: kind, depth: depth + 1), at: filled)
            }
            filled += 1
            let next = cursor.skipWhitespaceAndPeek()
            if next == UInt8(ascii: ",") { cursor.position += 1; continue }
            if next == UInt8(ascii: "]") { cursor.position += 1; items.trim(to: filled); return }
            throw Unusual()
        }
    }

    /// The elements of a JSON array at the cursor, each read by `read` one level deeper, into `items` (an
    /// empty list, perhaps with room of its own); a single value where a list is expected is a list of one,
    /// as on the ordinary path.
    private func readList<Element>(_ cursor: inout Cursor, depth: Int, into items: consuming [Element],
                                   _ read: (inout Cursor, Int) throws(Unusual) -> Element) throws(Unusual) -> [Element] {
        var items = items
        guard cursor.peek == UInt8(ascii: "[") else {
            items.append(try read(&cursor, depth))
            return items
        }
        cursor.position += 1
        cursor.skipWhitespace()
        // an empty list takes no room beyond a spare one's
        if cursor.peek == UInt8(ascii: "]") { cursor.position += 1; return items }
        // most lists are short: room for them at once rather than growing one element at a time
        items.reserveCapacity(4)
        while true {
            cursor.skipWhitespace()
            items.append(try read(&cursor, depth + 1))
            cursor.skipWhitespace()
            if cursor.peek == UInt8(ascii: ",") { cursor.position += 1; continue }
            if cursor.peek == UInt8(ascii: "]") { cursor.position += 1; return items }
            throw Unusual()
        }
    }
}
