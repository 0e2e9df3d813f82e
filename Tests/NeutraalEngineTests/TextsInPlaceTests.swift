import Testing
@testable import NeutraalEngine

/// A text of a batch record is read in place: not copied into a `String`, but kept as where its bytes are
/// in the source, which the record then holds (`StoredSlot.span`). It reads as the same `.string` value as
/// before, its bytes are lent where a text is searched, it lives as long as the record, and writing the slot
/// replaces it.
@Suite("Texts read in place")
struct TextsInPlaceTests {
    /// A description read directly from `line`, the only line of its source.
    private static func read(_ line: String, _ reader: DescriptionReader) throws -> Description {
        let source = SourceText(path: "texts.jsonl", text: line)
        return try #require(reader.vocabulary.directReader.read(source, range: 0..<source.bytes.count, number: 1))
    }

    /// The bytes `withTextBytes` lends for `slot` (nil when it holds no text).
    private static func lentBytes(_ values: SlotValues, _ slot: Int) -> [UInt8]? {
        values.withTextBytes(at: slot) { Array($0) }
    }

    @Test("a text without an escape is read in place and reads as itself; one with an escape is decoded",
          arguments: [
            (##"Stem op ons #VVD"##, "Stem op ons #VVD", true),
            (##"Financiën — ‘citaat’ 😀 #zorg"##, "Financiën — ‘citaat’ 😀 #zorg", true),
            (##""##, "", true),
            (##"Een regel\nen \"een\" citaat \u00e9"##, "Een regel\nen \"een\" citaat é", false),
          ])
    func textsOfEveryKind(written: String, expected: String, inPlace: Bool) throws {
        let reader = DescriptionReader(vocabulary: try RealRules.ruleSet().vocabulary)
        let slot = try #require(reader.vocabulary.root.slotByPath["text"])
        let description = try Self.read(##"{"kind":"post","text":"\##(written)"}"##, reader)
        let values = description.record.values
        guard case .string(let text)? = values[slot] else {
            Issue.record("the text does not read as a text")
            return
        }
        #expect(Array(text.utf8) == Array(expected.utf8))
        #expect(values.isText(at: slot) && !values.isEmpty(at: slot))
        #expect(Self.lentBytes(values, slot) == Array(expected.utf8))
        // read in place, the slot holds no value of its own
        #expect((values.nonTextValue(at: slot) == nil) == inPlace)
        // the hashtags derived from it are those of the text itself
        let hashtags = try #require(reader.vocabulary.root.slotByPath["hashtags"])
        let tags: [String]
        if case .list(let items)? = values[hashtags] {
            tags = items.compactMap { if case .string(let tag) = $0 { tag } else { nil } }
        } else {
            tags = []
        }
        #expect(tags == Derivations.hashtags(in: expected))
    }

    @Test("a field of type string is read in place too, short or long; the id is made from its bytes",
          arguments: ["VVD", "", "Partij voor de Dieren", "GroenLinks–PvdA"])
    func stringsInPlace(party: String) throws {
        let reader = DescriptionReader(vocabulary: try RealRules.ruleSet().vocabulary)
        let slot = try #require(reader.vocabulary.root.slotByPath["actor.party"])
        let description = try Self.read(##"{"id":"\##(party)-1","kind":"post","actor":{"party":"\##(party)"}}"##, reader)
        let values = description.record.values
        guard case .string(let read)? = values[slot] else {
            Issue.record("the party does not read as a text")
            return
        }
        #expect(read == party)
        #expect(values.nonTextValue(at: slot) == nil && !values.isEmpty(at: slot))
        #expect(Self.lentBytes(values, slot) == Array(party.utf8))
        #expect(description.id == party + "-1")
    }

    @Test("the text of an element of a list of objects is read in place in the element's own record")
    func textsOfElements() throws {
        let vocabulary = try RealRules.ruleSet().vocabulary
        let reader = DescriptionReader(vocabulary: vocabulary)
        let description = try Self.read(##"{"kind":"speech","sections":[{"text":"Eerste passage"},{"content":"policy"},{"text":"Twee\u00ebde"}]}"##, reader)
        let sections = try #require(vocabulary.root.slotByPath["sections"])
        guard case .objects(let elements)? = description.record.values[sections], elements.count == 3,
              case .objects(let layout) = vocabulary.root.fields[sections].type,
              let slot = vocabulary.layouts[layout].slotByPath["text"] else {
            Issue.record("the sections were not read as three elements with a text field")
            return
        }
        #expect(Self.lentBytes(elements[0].values, slot) == Array("Eerste passage".utf8))
        #expect(elements[0].values.nonTextValue(at: slot) == nil)
        #expect(elements[1].values.isEmpty(at: slot) && !elements[1].values.isText(at: slot))
        #expect(Self.lentBytes(elements[1].values, slot) == nil)
        #expect(Self.lentBytes(elements[2].values, slot) == Array("Tweeëde".utf8))
    }

    @Test("a record keeps its texts after its description and source are dropped")
    func textsOutliveTheDescription() throws {
        let reader = DescriptionReader(vocabulary: try RealRules.ruleSet().vocabulary)
        let slot = try #require(reader.vocabulary.root.slotByPath["text"])
        let text = "Een tekst die langer is dan vijftien bytes, gelezen waar hij staat"
        // only the record leaves this function: the source and the description are dropped in it
        func record() throws -> Record {
            try Self.read(##"{"kind":"post","text":"\##(text)"}"##, reader).record
        }
        let kept = try record()
        guard case .string(let read)? = kept.values[slot] else {
            Issue.record("the text does not read as a text")
            return
        }
        #expect(read == text)
        #expect(Self.lentBytes(kept.values, slot) == Array(text.utf8))
    }

    @Test("writing the slot of a text read in place replaces the text; the description keeps its own")
    func writingReplacesTheText() throws {
        let reader = DescriptionReader(vocabulary: try RealRules.ruleSet().vocabulary)
        let slot = try #require(reader.vocabulary.root.slotByPath["text"])
        let description = try Self.read(##"{"kind":"post","text":"De oorspronkelijke tekst"}"##, reader)
        var record = description.record
        record.values[slot] = .string("Nieuw")
        guard case .string(let written)? = record.values[slot] else {
            Issue.record("the written text does not read as a text")
            return
        }
        #expect(written == "Nieuw")
        #expect(Self.lentBytes(record.values, slot) == Array("Nieuw".utf8))
        #expect(Self.lentBytes(description.record.values, slot) == Array("De oorspronkelijke tekst".utf8))
        record.values[slot] = .bool(true)
        #expect(!record.values.isText(at: slot))
        record.values[slot] = nil
        #expect(record.values.isEmpty(at: slot) && record.values[slot] == nil)
        #expect(!description.record.values.isEmpty(at: slot))
    }
}
