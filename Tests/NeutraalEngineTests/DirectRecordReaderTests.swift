import Foundation
import Testing
@testable import NeutraalEngine

/// The fast reader of JSON Lines records (`DirectRecordReader`) against the ordinary path (`JSONParser` and
/// `RecordBuilder`): the same description, field by field, for every record it accepts; nil for every
/// unusual record, which `DescriptionReader.readLine` then reads the ordinary way with the same diagnostics.
@Suite("Direct record reader")
struct DirectRecordReaderTests {
    static let root = PackageRoot.path()

    static let loaded: Result<RuleSet, DiagnosticList> = {
        do {
            return .success(try RuleSetLoader().load(folder: root + "/Rules"))
        } catch let list as DiagnosticList {
            return .failure(list)
        } catch {
            return .failure(DiagnosticList([Diagnostic("test.unexpected", "\(error)", at: nil)]))
        }
    }()

    static func reader() throws -> DescriptionReader {
        DescriptionReader(vocabulary: try loaded.get().vocabulary)
    }

    // MARK: Comparing

    /// The first difference between two values, or nil when they are the same (strings byte for byte,
    /// numbers bit for bit, nested records slot by slot).
    static func difference(_ a: FactValue?, _ b: FactValue?, at path: String) -> String? {
        switch (a, b) {
        case (nil, nil): return nil
        case let (.bool(x)?, .bool(y)?): return x == y ? nil : "\(path): \(x) ≠ \(y)"
        case let (.symbol(x)?, .symbol(y)?): return x == y ? nil : "\(path): symbol \(x) ≠ \(y)"
        case let (.string(x)?, .string(y)?): return Array(x.utf8) == Array(y.utf8) ? nil : "\(path): \"\(x)\" ≠ \"\(y)\""
        case let (.date(x)?, .date(y)?): return x == y ? nil : "\(path): date \(x) ≠ \(y)"
        case let (.number(x)?, .number(y)?): return x.bitPattern == y.bitPattern ? nil : "\(path): \(x) ≠ \(y)"
        case let (.list(x)?, .list(y)?):
            guard x.count == y.count else { return "\(path): \(x.count) items ≠ \(y.count)" }
            for index in x.indices {
                if let found = difference(x[index], y[index], at: "\(path)[\(index)]") { return found }
            }
            return nil
        case let (.objects(x)?, .objects(y)?):
            guard x.count == y.count else { return "\(path): \(x.count) objects ≠ \(y.count)" }
            for index in x.indices {
                if let found = difference(x[index], y[index], at: "\(path)[\(index)]") { return found }
            }
            return nil
        default:
            return "\(path): \(String(describing: a)) ≠ \(String(describing: b))"
        }
    }

    static func difference(_ a: Record, _ b: Record, at path: String) -> String? {
        guard a.values.count == b.values.count else { return "\(path): \(a.values.count) slots ≠ \(b.values.count)" }
        if a.offsets != b.offsets { return "\(path): offsets \(a.offsets) ≠ \(b.offsets)" }
        for slot in a.values.indices {
            if let found = difference(a.values[slot], b.values[slot], at: "\(path) slot \(slot)") { return found }
        }
        return nil
    }

    static func difference(_ a: Description, _ b: Description) -> String? {
        if a.id != b.id { return "id \(a.id) ≠ \(b.id)" }
        if a.offset != b.offset { return "offset \(a.offset) ≠ \(b.offset)" }
        if a.expectation != b.expectation { return "expectation \(a.expectation) ≠ \(b.expectation)" }
        if a.waivers != b.waivers { return "waivers \(a.waivers) ≠ \(b.waivers)" }
        if a.source !== b.source { return "another source" }
        return difference(a.record, b.record, at: "record")
    }

    static func difference(_ a: ReadOutcome?, _ b: ReadOutcome?) -> String? {
        switch (a, b) {
        case (nil, nil): return nil
        case let (.description(x)?, .description(y)?): return difference(x, y)
        case let (.failure(sourceA, idA, diagnosticsA)?, .failure(sourceB, idB, diagnosticsB)?):
            if sourceA != sourceB || idA != idB { return "failure of \(sourceA) \(idA) ≠ \(sourceB) \(idB)" }
            return diagnosticsA == diagnosticsB ? nil : "diagnostics \(diagnosticsA) ≠ \(diagnosticsB)"
        default:
            return "\(String(describing: a)) ≠ \(String(describing: b))"
        }
    }

    /// Reads `range` both ways; the fast result (nil when it gives up) and the ordinary outcome.
    static func bothWays(_ reader: DescriptionReader, _ source: SourceText, _ range: Range<Int>, number: Int)
        -> (fast: Description?, ordinary: ReadOutcome) {
        (reader.vocabulary.directReader.read(source, range: range, number: number),
         reader.readLineParsed(source, range: range, number: number))
    }

    /// Every line of `text`: the differences between the two paths, and how many lines the fast path took.
    static func compareLines(_ text: String, path: String) throws -> (differences: [String], fast: Int, lines: Int) {
        let reader = try reader()
        let source = SourceText(path: path, text: text)
        var differences: [String] = []
        var fast = 0
        var lines = 0
        var start = 0
        var number = 1
        let bytes = source.bytes
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            if bytes[start..<end].contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) {
                lines += 1
                let (direct, ordinary) = bothWays(reader, source, start..<end, number: number)
                if let direct {
                    fast += 1
                    if let found = difference(.description(direct), ordinary) { differences.append("line \(number): \(found)") }
                }
                // the public entry point gives what the ordinary path gives, whichever path it took
                if let found = difference(reader.readLine(source, range: start..<end, number: number), ordinary) {
                    differences.append("line \(number) (readLine): \(found)")
                }
                number += 1
            }
            start = end + 1
        }
        return (differences, fast, lines)
    }

    // MARK: Same results

    @Test("every line of every sample batch reads the same both ways")
    func sampleBatches() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.root + "/Samples").filter { $0.hasSuffix(".jsonl") }.sorted()
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOfFile: Self.root + "/Samples/" + file, encoding: .utf8)
            let result = try Self.compareLines(text, path: "Samples/" + file)
            #expect(result.differences.isEmpty, "\(file): \(result.differences.prefix(5))")
            #expect(result.fast == result.lines, "\(file): \(result.fast) of \(result.lines) lines read directly")
        }
    }

    @Test("every sample JSON object, read as one record, reads the same both ways")
    func sampleObjects() throws {
        let reader = try Self.reader()
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.root + "/Samples").filter { $0.hasSuffix(".json") }.sorted()
        #expect(!files.isEmpty)
        var fast = 0
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.root + "/Samples/" + file)))
            let source = SourceText(path: file, bytes: bytes)
            guard bytes.first == UInt8(ascii: "{") else { continue }
            let (direct, ordinary) = Self.bothWays(reader, source, 0..<bytes.count, number: 1)
            if let direct {
                fast += 1
                #expect(Self.difference(.description(direct), ordinary) == nil, "\(file)")
            }
        }
        #expect(fast > files.count / 2, "\(fast) of \(files.count) sample objects read directly")
    }

    @Test("a generated batch reads the same both ways, and at least 99% of it directly")
    func generatedBatch() throws {
        var generator = GeneratedActivities(seed: 42)
        let lines = generator.lines(2_000)
        let result = try Self.compareLines(lines.joined(separator: "\n") + "\n", path: "generated.jsonl")
        #expect(result.lines == 2_000)
        #expect(result.differences.isEmpty, "\(result.differences.prefix(5))")
        #expect(Double(result.fast) >= 0.99 * Double(result.lines), "\(result.fast) of \(result.lines) lines read directly")
    }

    /// Lines the fast path reads, each stretching one thing the ordinary path accepts.
    static let readDirectly: [String] = [
        ##"{"kind":"post","text":"Hallo"}"##,
        ##"  {"kind":"post","text":"Hallo"}  "##,
        "\t{ \"kind\" : \"post\" , \"text\" : \"Hallo\" }\r",
        ##"{"id":"","kind":"post"}"##,
        ##"{"id":"eigen-naam","kind":"bericht","date":"2024-02-29"}"##,
        ##"{"kind":"POST","postedBy":"Minister","account":{"variant":"HYBRIDE"}}"##,
        ##"{"kind":"post","account":{"variant":"persoonlijk","holder":"ambtenaar","platform":"X"},"postedBy":"politiek assistent"}"##,
        ##"{"kind":"resource-use","purpose":"privé","resource":{"type":"representatieve ruimte","name":"de Trêveszaal"}}"##,
        ##"{"kind":"media-statement","capacity":"als bewindspersoon","topic":"policy","authorisedBy":"woordvoerder"}"##,
        ##"{"kind":"post","text":"Regel één\nregel \"twee\" \\ \/ \b\f\r\t \u00e9\u20AC \ud83d\ude00 \u0000 #D66"}"##,
        ##"{"kind":"post","text":"Financiën — ‘citaat’ 😀 #zorg #zorg #Zorg-- #1 a#b"}"##,
        ##"{"kind":"post","draftedBy":"minister","hashtags":"#VVD","text":"Stem #VVD en #D66"}"##,
        ##"{"kind":"post","draftedBy":[],"hashtags":[],"actor":{}}"##,
        // empty objects with white space inside, and objects closed after a comma (which the ordinary path refuses)
        "{\"kind\":\"post\",\"actor\":{ },\"content\":{\t}}",
        "{ }",
        ##"{"kind":"post","actor":{"role":"minister",}}"##,
        ##"{"kind":"post","actor":{"role":"minister", }}"##,
        ##"{"kind":"post",}"##,
        ##"{"kind":"post","actor":{"role":"minister","partyRoles":["partijleider","lead-candidate","party-member"]},"actor":{"party":"VVD"}}"##,
        ##"{"kind":"post","content":{"partyPolitical":true,"officeRelated":false,"imageBuilding":true,"againstCabinetDecision":false}}"##,
        ##"{"kind":"speech","sections":{"content":"policy","withinPortfolio":true,"draftedBy":"ambtenaar","text":"Eén passage"}}"##,
        ##"{"kind":"speech","sections":[],"event":{"type":"partijcongres","organiser":"third-party"}}"##,
        ##"{"kind":"speech","sections":[{},{"content":"party-political"},{"draftedBy":"partij","text":"\"Stem\""}]}"##,
        ##"{"kind":"meeting","date":"2023-11-01","format":"aparte bijeenkomst","purpose":"campagne","topic":"election-result"}"##,
        ##"{"kind":"publication","document":{"type":"nota","personalData":"none","public":false}}"##,
        ##"{"kind":"expression","inFunction":false,"form":"post","topic":"general"}"##,
        ##"{"expect":{"verdict":"Violation","rules":["A","B"],"overridden":[]},"kind":"post","expect":{"rules":["C"]}}"##,
        ##"{"expect":{},"kind":"post"}"##,
        ##"{"kind":"post","postedBy":"hybr\u0069d"}"##,
        ##"{"kind":"post","account":{"variant":"hybr\u0069d"}}"##,
        ##"{"kind":"post","date":"2023-1\u0030-01"}"##,
    ]

    @Test("lines that stretch the format read the same both ways, and directly")
    func stretchedLines() throws {
        let reader = try Self.reader()
        for (index, line) in Self.readDirectly.enumerated() {
            let source = SourceText(path: "stretched.jsonl", text: "\n" + line + "\n")
            let range = 1..<source.bytes.count - 1
            let (direct, ordinary) = Self.bothWays(reader, source, range, number: index + 1)
            guard case .description = ordinary else {
                // a line the ordinary path refuses is never read directly
                #expect(direct == nil, "\(line)")
                continue
            }
            #expect(direct != nil, "\(line) is not read directly")
            if let direct { #expect(Self.difference(.description(direct), ordinary) == nil, "\(line)") }
        }
    }

    @Test("white space before keys and around colons, before values of every kind, reads the same both ways, and directly")
    func whiteSpaceAroundMembers() throws {
        // the member loop looks for white space only where a key or a value is not taken at once: each kind of
        // value (short and long texts, cases short and long, dates, truth values, numbers, lists, objects, `expect`)
        // with white space before it, and before its key
        let reader = try Self.reader()
        let compact = [
            ##"{"kind":"post","text":"Hallo","date":"2024-02-29","postedBy":"minister"}"##,
            ##"{"kind":"post","text":"\##(String(repeating: "lang ", count: 10))","postedBy":"communication-advisor"}"##,
            ##"{"kind":"post","content":{"partyPolitical":true,"officeRelated":false},"actor":{"role":"minister","partyRoles":["partijleider"]}}"##,
            ##"{"expect":{"verdict":"Violation","rules":["A"]},"kind":"speech","sections":[{"content":"policy"},{"text":"\"Stem\""}]}"##,
            ##"{"kind":"post","text":"caf\u00e9","account":{"variant":"hybr\u0069d"},"date":"2023-1\u0030-01"}"##,
        ]
        for (index, line) in compact.enumerated() {
            for space in [" ", "\t", "\r\n "] {
                // after every colon and before every key (the strings of these lines hold no `":` nor `,"`)
                let spaced = line.replacingOccurrences(of: "\":", with: "\"\(space):\(space)")
                    .replacingOccurrences(of: ",\"", with: ",\(space)\"").replacingOccurrences(of: "{\"", with: "{\(space)\"")
                for variant in [spaced, line.replacingOccurrences(of: "\":", with: "\":\(space)")] {
                    Self.expectSameBothWays(reader, variant, tails: ["", String(repeating: " ", count: 20)], number: index + 1, directly: true)
                }
            }
        }
    }

    @Test("an empty list is read without room taken for it; a short one with room for all its items at once")
    func roomOfLists() throws {
        let reader = try Self.reader()
        let root = reader.vocabulary.root
        let line = ##"{"kind":"post","draftedBy":[],"hashtags":["#zorg","#asiel"]}"##
        let source = SourceText(path: "lists.jsonl", text: line)
        let description = try #require(reader.vocabulary.directReader.read(source, range: 0..<source.bytes.count, number: 1))
        let drafted = try #require(root.slotByPath["draftedBy"])
        let hashtags = try #require(root.slotByPath["hashtags"])
        guard case .list(let empty)? = description.record.values[drafted], case .list(let tags)? = description.record.values[hashtags] else {
            Issue.record("the lists were not read as lists")
            return
        }
        #expect(empty.isEmpty && empty.capacity == 0)
        #expect(tags.count == 2 && tags.capacity >= 4)
    }

    @Test("strings and dates around the sixteen-byte block read the same both ways, with and without room after them")
    func stringsAroundTheBlock() throws {
        let reader = try Self.reader()
        var values = (0...20).map { String(repeating: "a", count: $0) }
        values += ["caf\\u00e9", "café", "a\\\"b", "Zeer lange tekst met spaties"]
        var lines: [String] = []
        for value in values {
            lines.append(#"{"kind":"post","text":"\#(value)"}"#)
            lines.append(#"{"text":"\#(value)","kind":"post"}"#)
        }
        for date in ["2024-02-29", "2023-02-29", "2024-13-01", "2024-2-9", "", "2024-02-29T10:00:00Z", "2024-02-29 "] {
            lines.append(#"{"kind":"post","date":"\#(date)"}"#)
            lines.append(#"{"date":"\#(date)","kind":"post"}"#)
        }
        for (index, line) in lines.enumerated() {
            // no room after the line, then plenty, so that both the block read and the scan are taken
            Self.expectSameBothWays(reader, line, tails: ["", String(repeating: " ", count: 20)], number: index + 1)
        }
    }

    @Test("long texts with an escape, a byte outside ASCII, a control character or a bad sequence at any place read the same both ways")
    func longTextsWithStops() throws {
        let reader = try Self.reader()
        // what stops the plain run of a text, as written inside a JSON string (a raw tab and a lone 0xC3 are refused)
        let stops = ["\\n", "\\\"", "\\u00e9", "é", "€", "\t", "\u{1F600}"]
        var lines: [String] = []
        for length in [17, 31, 32, 33, 63, 64, 65, 100] {
            for stop in stops {
                for place in [0, 1, 15, 16, 31, 32, length / 2, length - 1, length] where place <= length {
                    let letters = String(repeating: "b", count: place) + stop + String(repeating: "c", count: length - place)
                    lines.append(#"{"kind":"post","text":"\#(letters)"}"#)
                }
            }
            lines.append(#"{"kind":"post","text":"\#(String(repeating: "d", count: length))"}"#)
        }
        for (index, line) in lines.enumerated() {
            Self.expectSameBothWays(reader, line, tails: ["", String(repeating: " ", count: 40)], number: index + 1)
        }
        // a bad UTF-8 sequence after a long plain run: the direct reader gives up, as the ordinary path does
        let bad = Array(#"{"kind":"post","text":""#.utf8) + [UInt8](repeating: 0x61, count: 40) + [0xC3, 0x28] + Array(#""}"#.utf8)
        let source = SourceText(path: "bad.jsonl", bytes: bad)
        let (direct, _) = Self.bothWays(reader, source, 0..<bad.count, number: 1)
        #expect(direct == nil)
    }

    /// Reads `line`, followed by each of `tails`, both ways: the same description, or the direct reader giving up
    /// where the ordinary path reports an error; with `directly`, the direct reader must read it.
    static func expectSameBothWays(_ reader: DescriptionReader, _ line: String, tails: [String], number: Int, directly: Bool = false) {
        for tail in tails {
            let source = SourceText(path: "line.jsonl", text: line + tail)
            let (direct, ordinary) = bothWays(reader, source, 0..<source.bytes.count, number: number)
            guard case .description = ordinary else {
                #expect(direct == nil, "\(line)")
                continue
            }
            if directly { #expect(direct != nil, "read directly: \(line)") }
            if let direct { #expect(difference(.description(direct), ordinary) == nil, "\(line)") }
        }
    }

    @Test("hashtags of long texts with a `#` at every place (the scan for a text's end notes one), and after an escape or outside ASCII, read the same both ways")
    func hashtagsOfLongTexts() throws {
        // the reader's scan for the end of a long text stops at a `#` too, and a text it found without one gets no
        // tags without another look: a `#` in every place of each block the scan reads (thirty-two, sixteen, eight
        // bytes and the last few), alone, with another after it, in a text that also has an escape or a byte
        // outside ASCII, and at its very start and end
        let reader = try Self.reader()
        var number = 0
        for length in [17, 24, 31, 32, 33, 40, 47, 48, 63, 64, 65, 80] {
            let words = String(repeating: "woord ", count: 20)
            for place in 0...length {
                let plain = String(words.prefix(length))
                let before = String(plain.prefix(place)), after = String(plain.dropFirst(place))
                let texts = [plain, before + "#zorg" + after, before + "#zorg " + after + " #D66",
                             before + "#" + after, "\\n" + before + "#zorg" + after, "é " + before + "#zorg" + after]
                for text in texts {
                    number += 1
                    Self.expectSameBothWays(reader, #"{"kind":"post","text":"\#(text)","date":"2024-02-29"}"#, tails: [""], number: number,
                                            directly: true)
                }
            }
        }
        // a record without a text: no tags, and the hashtags written in the record kept
        Self.expectSameBothWays(reader, ##"{"kind":"post","hashtags":["#zorg"],"date":"2024-02-29"}"##, tails: [""], number: 1, directly: true)
    }

    @Test("enumeration values of sixteen bytes and more, and at the end of the line, read the same both ways")
    func longSpellings() throws {
        let reader = try Self.reader()
        // spellings as the vocabulary writes them (read directly), and others: capitalised, escaped, outside ASCII,
        // unknown, padded, empty
        let plain = ["minister", "communication-advisor", "political-assistant", "communicatieadviseur", "politiek assistent",
                     "state-secretary", "civil-servant"]
        let others = ["Communication-Advisor", "communication\\u002dadvisor", "communication-advisorx", "communicatie\\u00e9",
                      "POLITIEK ASSISTENT", " minister", "communication-advisor ", ""]
        for (index, value) in (plain + others).enumerated() {
            let lines = [
                #"{"kind":"post","postedBy":"\#(value)"}"#, #"{"postedBy":"\#(value)","kind":"post"}"#,
                #"{"kind":"post","draftedBy":["\#(value)","minister","\#(value)"]}"#, #"{"kind":"post","draftedBy":"\#(value)"}"#,
            ]
            for line in lines {
                Self.expectSameBothWays(reader, line, tails: ["", String(repeating: " ", count: 40)], number: index + 1,
                                        directly: index < plain.count)
            }
        }
    }

    // MARK: Unusual lines

    /// An unusual line: the fast path gives up, and the ordinary path gives `code` (nil: a description).
    struct Unusual: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let code: String?
        var testDescription: String { name }

        init(_ name: String, _ line: String, _ code: String?) {
            self.name = name
            self.bytes = Array(line.utf8)
            self.code = code
        }

        init(_ name: String, bytes: [UInt8], _ code: String?) {
            self.name = name
            self.bytes = bytes
            self.code = code
        }
    }

    static let unusual: [Unusual] = [
        Unusual("an unclosed object", #"{"kind":"post""#, "input.invalid-json"),
        Unusual("a trailing comma", #"{"kind":"post",}"#, "input.invalid-json"),
        Unusual("garbage after the object", #"{"kind":"post"} x"#, "input.invalid-json"),
        Unusual("two objects on a line", #"{"kind":"post"}{"kind":"post"}"#, "input.invalid-json"),
        Unusual("a missing colon", #"{"kind" "post"}"#, "input.invalid-json"),
        Unusual("a key without quotes", #"{kind:"post"}"#, "input.invalid-json"),
        Unusual("a single-quoted string", #"{"kind":'post'}"#, "input.invalid-json"),
        Unusual("an unclosed string", #"{"kind":"post"#, "input.invalid-json"),
        Unusual("a control character in a string", "{\"kind\":\"post\",\"text\":\"a\tb\"}", "input.invalid-json"),
        Unusual("an unknown escape", #"{"kind":"post","text":"a\qb"}"#, "input.invalid-json"),
        Unusual("a lone high surrogate", #"{"kind":"post","text":"\ud800"}"#, "input.invalid-json"),
        Unusual("a lone low surrogate", #"{"kind":"post","text":"\udc00x"}"#, "input.invalid-json"),
        Unusual("a short \\u escape", #"{"kind":"post","text":"\u12"}"#, "input.invalid-json"),
        Unusual("invalid UTF-8 in a string", bytes: Array(#"{"kind":"post","text":""#.utf8) + [0xFF] + Array(#""}"#.utf8), "input.invalid-json"),
        Unusual("an overlong UTF-8 sequence", bytes: Array(#"{"kind":"post","text":""#.utf8) + [0xC0, 0xAF] + Array(#""}"#.utf8), "input.invalid-json"),
        Unusual("a UTF-8 surrogate", bytes: Array(#"{"kind":"post","text":""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8), "input.invalid-json"),
        Unusual("a cut UTF-8 sequence", bytes: Array(#"{"kind":"post","text":""#.utf8) + [0xE2, 0x82] + Array(#""}"#.utf8), "input.invalid-json"),
        Unusual("invalid UTF-8 in a key", bytes: Array(#"{"kind":"post",""#.utf8) + [0xFF] + Array(#"":1}"#.utf8), "input.invalid-json"),
        Unusual("invalid UTF-8 outside strings", bytes: Array(#"{"kind":"post"}"#.utf8) + [0xFF], "input.invalid-json"),
        Unusual("a number with a leading zero", #"{"kind":"post","date":01}"#, "input.invalid-json"),
        Unusual("a number without digits", #"{"kind":"post","date":-}"#, "input.invalid-json"),
        Unusual("a misspelt literal", #"{"kind":"post","civilServiceSupport":tru}"#, "input.invalid-json"),
        Unusual("a false without its e", #"{"kind":"post","civilServiceSupport":fals}"#, "input.invalid-json"),
        Unusual("a true with more letters", #"{"kind":"post","civilServiceSupport":truex}"#, "input.invalid-json"),
        Unusual("a literal cut by the end of the line", #"{"kind":"post","civilServiceSupport":fals"#, "input.invalid-json"),
        Unusual("a literal in capitals", #"{"kind":"post","civilServiceSupport":True}"#, "input.invalid-json"),
        Unusual("nesting beyond the parser's limit", #"{"kind":"post","text":"# + String(repeating: "[", count: 80) + String(repeating: "]", count: 80) + "}",
                "input.invalid-json"),
        Unusual("not an object", #"["kind","post"]"#, "input.not-an-object"),
        Unusual("a string", #""post""#, "input.not-an-object"),
        Unusual("an unknown key", #"{"kind":"post","colour":"red"}"#, "input.unknown-field"),
        Unusual("an unknown nested key", #"{"kind":"post","account":{"colour":"red"}}"#, "input.unknown-field"),
        Unusual("an unknown key in a list of objects", #"{"kind":"speech","sections":[{"colour":"red"}]}"#, "input.unknown-field"),
        Unusual("a nested expectation", #"{"kind":"speech","sections":[{"expect":{}}]}"#, "input.unknown-field"),
        Unusual("a dotted key", #"{"kind":"post","account.variant":"hybride"}"#, nil),
        Unusual("an unknown dotted key", #"{"kind":"post","account.colour":"red"}"#, "input.unknown-field"),
        Unusual("a key with an escape", #"{"kind":"post","te\u0078t":"Hallo"}"#, nil),
        Unusual("null for a field", #"{"kind":"post","date":null}"#, nil),
        Unusual("null for an object", #"{"kind":"post","account":null}"#, nil),
        Unusual("null in a list", #"{"kind":"post","draftedBy":[null]}"#, "input.wrong-type"),
        Unusual("a duplicate key", #"{"kind":"post","text":"a","text":"b"}"#, "input.duplicate-field"),
        Unusual("a duplicate nested key", #"{"kind":"post","actor":{"role":"minister"},"actor":{"role":"minister"}}"#, "input.duplicate-field"),
        Unusual("a number for a date", #"{"kind":"post","date":20240101}"#, "input.wrong-type"),
        Unusual("a string for a bool", #"{"kind":"post","civilServiceSupport":"yes"}"#, "input.wrong-type"),
        Unusual("a bool for a string", #"{"kind":"post","text":true}"#, "input.wrong-type"),
        Unusual("a list for a string", #"{"kind":"post","text":["a"]}"#, "input.wrong-type"),
        Unusual("an object for a string", #"{"kind":"post","text":{"a":1}}"#, "input.wrong-type"),
        Unusual("a string for an object", #"{"kind":"post","actor":"minister"}"#, "input.wrong-type"),
        Unusual("nesting deeper than the vocabulary", #"{"kind":"post","actor":{"role":{"name":"minister"}}}"#, "input.wrong-type"),
        Unusual("a list in a list", #"{"kind":"post","draftedBy":[["minister"]]}"#, "input.wrong-type"),
        Unusual("a string in a list of objects", #"{"kind":"speech","sections":["policy"]}"#, "input.wrong-type"),
        Unusual("a value outside the enumeration", #"{"kind":"post","postedBy":"king"}"#, "input.unknown-value"),
        Unusual("an empty enumeration value", #"{"kind":"post","postedBy":""}"#, "input.unknown-value"),
        Unusual("an unknown kind", #"{"kind":"tweet"}"#, "input.unknown-value"),
        Unusual("an enumeration value with spaces around it", #"{"kind":"post","postedBy":" minister "}"#, nil),
        Unusual("an enumeration value in upper case outside ASCII", #"{"kind":"post","purpose":"PRIVÉ"}"#, "input.field-of-other-kind"),
        Unusual("an enumeration value in decomposed form", "{\"kind\":\"resource-use\",\"purpose\":\"prive\u{301}\"}", nil),
        Unusual("an impossible date", #"{"kind":"post","date":"2023-02-29"}"#, "input.invalid-date"),
        Unusual("a date without leading zeros", #"{"kind":"post","date":"2023-2-3"}"#, "input.invalid-date"),
        Unusual("a date with a time", #"{"kind":"post","date":"2023-02-03T10:00"}"#, "input.invalid-date"),
        Unusual("a missing kind", #"{"text":"Hallo"}"#, "input.missing-field"),
        Unusual("an empty object", "{}", "input.missing-field"),
        Unusual("a field of another kind", #"{"kind":"meeting","postedBy":"minister"}"#, "input.field-of-other-kind"),
        Unusual("waivers", #"{"kind":"post","waivers":[{"rule":"X","reason":"r","approvedBy":"a","until":"2030-01-01"}]}"#, nil),
        Unusual("waivers of the wrong type", #"{"kind":"post","waivers":"X"}"#, "input.wrong-type"),
        Unusual("an expectation with an unknown key", #"{"kind":"post","expect":{"verdikt":"allowed"}}"#, "input.unknown-field"),
        Unusual("an expectation with a number among the rules", #"{"kind":"post","expect":{"rules":[1,"A"]}}"#, nil),
        Unusual("an expectation that is not an object", #"{"kind":"post","expect":"allowed"}"#, "input.wrong-type"),
        Unusual("a number where the vocabulary has none", #"{"kind":"post","text":1.5e3}"#, "input.wrong-type"),
    ]

    @Test("an unusual line is not read directly, and readLine gives what it gave before", arguments: unusual)
    func unusualLine(_ item: Unusual) throws {
        let reader = try Self.reader()
        let source = SourceText(path: "unusual.jsonl", bytes: Array("{\"kind\":\"post\"}\n".utf8) + item.bytes + [0x0A])
        let range = 16..<source.bytes.count - 1
        #expect(reader.vocabulary.directReader.read(source, range: range, number: 2) == nil)
        let outcome = try #require(reader.readLine(source, range: range, number: 2))
        #expect(Self.difference(outcome, reader.readLineParsed(source, range: range, number: 2)) == nil)
        switch outcome {
        case .description:
            #expect(item.code == nil, "read as a description")
        case .failure(_, let id, let diagnostics):
            #expect(id == "unusual.jsonl#2")
            #expect(diagnostics.first?.code == item.code, "\(diagnostics)")
            #expect(diagnostics.first?.location?.line == 2)
        }
    }
}
