import Foundation

/// Reads description files: JSON (one object, an array of objects, or JSON Lines) and posts with a
/// `---` header. Every description comes back as a `ReadOutcome`; one broken record never hides the others.
public struct DescriptionReader: Sendable {
    /// The input formats.
    public enum Format: String, Sendable {
        case json
        case jsonLines = "jsonl"
        case header
    }

    public let vocabulary: Vocabulary

    /// The largest single description, in bytes. A larger record is refused with a located error rather
    /// than judged: no post or speech comes near it, and matching a text of hundreds of megabytes would
    /// hold up a whole batch.
    public static let maximumRecordSize = 8 * 1024 * 1024

    public init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
    }

    /// The format of a file: by extension, otherwise by its first character.
    public static func format(path: String, bytes: [UInt8]) -> Format {
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonLines }
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".md") || lower.hasSuffix(".txt") || lower.hasSuffix(".post") { return .header }
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "[") {
            // several objects on several lines: JSON Lines
            return .json
        }
        return .header
    }

    /// Reads every description of one file.
    public func read(_ source: SourceText, format: Format? = nil) -> [ReadOutcome] {
        var outcomes: [ReadOutcome] = []
        forEach(source, format: format) { outcomes.append($0) }
        return outcomes
    }

    /// Reads the descriptions of one file one at a time: `body` receives each outcome as soon as it is
    /// read (a record of JSON Lines before the next line is looked at), so that a caller that judges and
    /// shows each one in turn holds one record at a time, however many the file holds.
    public func forEach(_ source: SourceText, format: Format? = nil, _ body: (ReadOutcome) -> Void) {
        let chosen = format ?? Self.format(path: source.path, bytes: source.bytes)
        let bom = source.bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if chosen == .header, source.bytes.count - bom > Self.maximumRecordSize { return body(tooLarge(source, id: source.path, at: bom)) }
        switch chosen {
        case .header:
            body(readHeader(source, from: bom))
        case .jsonLines:
            forEachLine(source, from: bom, body)
        case .json:
            readJSON(source, from: bom, body)
        }
    }

    private func readJSON(_ source: SourceText, from start: Int, _ body: (ReadOutcome) -> Void) {
        let bytes = source.bytes
        if bytes.count == start || bytes[start...].allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            return body(failure(source, id: source.path, "input.empty", "the file is empty", at: start,
                                hint: "a description file holds a JSON object or a post with a `---` header"))
        }
        switch JSONParser().parse(bytes, range: start..<bytes.count) {
        case .success(.array(let items, _)):
            if items.isEmpty {
                return body(failure(source, id: source.path, "input.empty", "the list holds no descriptions", at: start))
            }
            for (index, item) in items.enumerated() {
                let end = index + 1 < items.count ? items[index + 1].offset : bytes.count
                if end - item.offset > Self.maximumRecordSize {
                    body(tooLarge(source, id: "\(source.path)#\(index + 1)", at: item.offset))
                } else {
                    body(build(json: item, source: source, number: index + 1, batch: true))
                }
            }
        case .success(let value):
            if bytes.count - start > Self.maximumRecordSize { return body(tooLarge(source, id: source.path, at: value.offset)) }
            body(build(json: value, source: source, number: 1, batch: false))
        case .failure(let failure):
            // several objects, one per line, in a `.json` file: read as JSON Lines
            // (only when the first line is a whole object of its own; otherwise the original error stands)
            if failure.message.hasPrefix("unexpected"), bytes[start] == UInt8(ascii: "{") {
                let firstLineEnd = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                if case .success = JSONParser().parse(bytes, range: start..<firstLineEnd) {
                    return forEachLine(source, from: start, body)
                }
            }
            if let header = Self.headerLine(bytes, from: start) {
                // a post with a header in a `.json` file: say so, rather than "a number needs digits" at its `---`
                return body(self.failure(source, id: source.path, "input.invalid-json", "expected JSON, found a `---` header line", at: header,
                                         hint: "this looks like a post with a header; name the file `.md`, `.txt` or `.post` to read it as one"))
            }
            body(self.failure(source, id: source.path, "input.invalid-json", failure.message, at: failure.offset, hint: failure.hint))
        }
    }

    /// The offset of the first non-blank line when it is a `---` line (a post's header), else nil.
    private static func headerLine(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        let dashes = index + 3
        guard dashes <= bytes.count, bytes[index..<dashes].allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
        var end = dashes
        while end < bytes.count, [0x20, 0x09, 0x0D].contains(bytes[end]) { end += 1 }
        return end == bytes.count || bytes[end] == 0x0A ? index : nil
    }

    /// JSON Lines: one object per non-blank line, each read on its own.
    /// `firstNumber` is the record number of the first record (above 1 for a later chunk of a large file).
    public func readLines(_ source: SourceText, from start: Int, numbering: Bool, firstNumber: Int = 1,
                          allowEmpty: Bool = false) -> [ReadOutcome] {
        var outcomes: [ReadOutcome] = []
        forEachLine(source, from: start, firstNumber: firstNumber, allowEmpty: allowEmpty) { outcomes.append($0) }
        return outcomes
    }

    /// JSON Lines read one record at a time: `body` receives each outcome as soon as its line is read, so a
    /// batch can judge and drop a record before the next one is read.
    public func forEachLine(_ source: SourceText, from start: Int, firstNumber: Int = 1, allowEmpty: Bool = false,
                            _ body: (ReadOutcome) -> Void) {
        forEachLine(source, from: start, firstNumber: firstNumber, allowEmpty: allowEmpty, room: nil, body)
    }

    /// The same, each record read into the storage of the one before when `body` has let go of it (see
    /// `RecordRoom`).
    func forEachLine(_ source: SourceText, from start: Int, firstNumber: Int, allowEmpty: Bool, room: RecordRoom?,
                     _ body: (ReadOutcome) -> Void) {
        let bytes = source.bytes
        // the source knows where its lines start: each line ends where the next starts, less its line end
        let starts = source.lineStarts
        var line = source.line(containing: start).number - source.firstLine
        var lineStart = start
        var number = firstNumber
        while lineStart < bytes.count {
            let lineEnd = line + 1 < starts.count ? starts[line + 1] - 1 : bytes.count
            if let outcome = readLine(source, range: lineStart..<lineEnd, number: number, room: room, lineIndex: line) {
                body(outcome)
                number += 1
            }
            lineStart = lineEnd + 1
            line += 1
        }
        if number == firstNumber, !allowEmpty {
            body(failure(source, id: source.path, "input.empty", "the file is empty", at: start,
                         hint: "JSON Lines hold one description object per line"))
        }
    }

    /// One line of JSON Lines (nil for a blank line). `number` is the line's record number for its id.
    public func readLine(_ source: SourceText, range: Range<Int>, number: Int) -> ReadOutcome? {
        readLine(source, range: range, number: number, room: nil)
    }

    /// The same, the record read into the storage `room` keeps when nothing else holds it; `lineIndex` is
    /// the index of the line in the source (-1 when not known).
    func readLine(_ source: SourceText, range: Range<Int>, number: Int, room: RecordRoom?, lineIndex: Int = -1) -> ReadOutcome? {
        let bytes = source.bytes
        var first = range.lowerBound
        while first < range.upperBound, [0x20, 0x09, 0x0D].contains(bytes[first]) { first += 1 }
        if first == range.upperBound { return nil }
        if range.count > Self.maximumRecordSize { return tooLarge(source, id: "\(source.path)#\(number)", at: first) }
        // the ordinary record, read straight from its bytes; anything unusual is read the ordinary way
        if let description = vocabulary.directReader.read(source, range: range, number: number, room: room, lineIndex: lineIndex) {
            return .description(description)
        }
        return readLineParsed(source, range: range, number: number)
    }

    /// One non-blank line of JSON Lines read the ordinary way: parsed to JSON, then checked field by field,
    /// with located diagnostics for whatever is wrong.
    func readLineParsed(_ source: SourceText, range: Range<Int>, number: Int) -> ReadOutcome {
        switch JSONParser().parse(source.bytes, range: range) {
        case .success(let value):
            return build(json: value, source: source, number: number, batch: true)
        case .failure(let failure):
            if let header = Self.headerLine(source.bytes, from: range.lowerBound), header < range.upperBound {
                // a post with a header saved as JSON Lines: said once, at its `---`, rather than "a number needs digits"
                return self.failure(source, id: "\(source.path)#\(number)", "input.invalid-json", "expected JSON, found a `---` header line",
                                    at: header, hint: "this looks like a post with a header; name the file `.md`, `.txt` or `.post` to read it as one")
            }
            return self.failure(source, id: "\(source.path)#\(number)", "input.invalid-json", failure.message,
                                at: failure.offset, hint: failure.hint)
        }
    }

    private func build(json: JSONValue, source: SourceText, number: Int, batch: Bool) -> ReadOutcome {
        var builder = RecordBuilder(vocabulary: vocabulary, source: source)
        let record = builder.build(json: json)
        let id = identifier(record, source: source, number: number, batch: batch)
        if !builder.diagnostics.isEmpty { return .failure(source: source.path, id: id, diagnostics: builder.diagnostics) }
        return .description(Description(id: id, record: record, source: source, offset: json.offset, expectation: builder.expectation,
                                         waivers: builder.waivers))
    }

    private func identifier(_ record: Record, source: SourceText, number: Int, batch: Bool) -> String {
        if let slot = vocabulary.idSlot, case .string(let id)? = record.values[slot], !id.isEmpty { return id }
        return batch ? "\(source.path)#\(number)" : source.path
    }

    private func tooLarge(_ source: SourceText, id: String, at offset: Int) -> ReadOutcome {
        failure(source, id: id, "input.too-large", "the description is larger than \(Self.maximumRecordSize / 1024 / 1024) MB and is not judged",
                at: offset, hint: "a description is one post, speech or activity; split the text or shorten it")
    }

    private func failure(_ source: SourceText, id: String, _ code: String, _ message: String, at offset: Int,
                         hint: String? = nil) -> ReadOutcome {
        .failure(source: source.path, id: id, diagnostics: [Diagnostic(code, message, at: source.location(at: offset), hint: hint)])
    }

    // MARK: Post with a header

    private func readHeader(_ source: SourceText, from start: Int) -> ReadOutcome {
        let bytes = source.bytes
        if bytes.count == start || bytes[start...].allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            return failure(source, id: source.path, "input.empty", "the file is empty", at: start,
                           hint: "a post starts with a `---` header of `key: value` lines")
        }
        if let bad = Self.firstInvalidUTF8(bytes, from: start) {
            return failure(source, id: source.path, "input.invalid-utf8", "the file is not valid UTF-8", at: bad,
                           hint: "save the file as UTF-8")
        }
        if bytes[start...].contains(0) {
            return failure(source, id: source.path, "input.binary", "the file is binary, not a description", at: start)
        }
        // lines with their byte ranges (without line ends)
        var lines: [Range<Int>] = []
        var lineStart = start
        for index in start..<bytes.count where bytes[index] == 0x0A {
            lines.append(lineStart..<index)
            lineStart = index + 1
        }
        if lineStart <= bytes.count { lines.append(lineStart..<bytes.count) }
        func text(_ range: Range<Int>) -> String {
            var end = range.upperBound
            if end > range.lowerBound, bytes[end - 1] == 0x0D { end -= 1 }
            return String(decoding: bytes[range.lowerBound..<end], as: UTF8.self)
        }
        var lineIndex = 0
        while lineIndex < lines.count, text(lines[lineIndex]).trimmingSpaces().isEmpty { lineIndex += 1 }
        guard lineIndex < lines.count, text(lines[lineIndex]).trimmingSpaces() == "---" else {
            let offset = lineIndex < lines.count ? lines[lineIndex].lowerBound : start
            // JSON in a file read as a post (`.md`, `.txt`, `.post`): the extension, not the content, is what is wrong
            let json = lineIndex < lines.count && text(lines[lineIndex]).trimmingSpaces().first.map { $0 == "{" || $0 == "[" } == true
            return failure(source, id: source.path, "input.missing-header", "expected a `---` line to open the header", at: offset,
                           hint: json ? "this looks like JSON; name the file `.json` (or `.jsonl` for one object per line) to read it as JSON"
                                      : "start the file with `---`, then `kind: post` and the other facts, then `---` and the text")
        }
        let headerStart = lines[lineIndex].lowerBound
        lineIndex += 1
        var header: [HeaderLine] = []
        var diagnostics: [Diagnostic] = []
        var closed = false
        while lineIndex < lines.count {
            let range = lines[lineIndex]
            let line = text(range)
            lineIndex += 1
            if line.trimmingSpaces() == "---" { closed = true; break }
            if line.trimmingSpaces().isEmpty || line.trimmingSpaces().hasPrefix("#") { continue }
            guard let colon = line.utf8.firstIndex(of: UInt8(ascii: ":")) else {
                diagnostics.append(Diagnostic("input.header-line", "expected `key: value`, found `\(line.trimmingSpaces())`",
                                              at: source.location(at: range.lowerBound), hint: "a header line is a field name, a colon and a value"))
                continue
            }
            let keyBytes = line.utf8[line.utf8.startIndex..<colon]
            let leading = keyBytes.prefix { $0 == 0x20 || $0 == 0x09 }.count
            let key = String(decoding: keyBytes, as: UTF8.self).trimmingSpaces()
            guard !key.isEmpty else {
                diagnostics.append(Diagnostic("input.header-line", "expected `key: value`, found no field name before the colon",
                                              at: source.location(at: range.lowerBound + leading),
                                              hint: "write the field name before the colon, such as `account.variant: hybride`"))
                continue
            }
            let afterColon = line.utf8.index(after: colon)
            let valuePart = line.utf8[afterColon...]
            let valueLeading = valuePart.prefix { $0 == 0x20 || $0 == 0x09 }.count
            let value = String(decoding: valuePart, as: UTF8.self).trimmingSpaces()
            let colonOffset = line.utf8.distance(from: line.utf8.startIndex, to: colon)
            header.append(HeaderLine(key: key, keyOffset: range.lowerBound + leading, value: value,
                                     valueOffset: range.lowerBound + colonOffset + 1 + valueLeading))
        }
        if !closed {
            return failure(source, id: source.path, "input.unclosed-header", "the header is not closed by a `---` line",
                           at: headerStart, hint: "add a line `---` after the last `key: value` line")
        }
        var bodyOffset = lineIndex < lines.count ? lines[lineIndex].lowerBound : bytes.count
        var bodyLines: [String] = []
        var started = false
        while lineIndex < lines.count {
            let line = text(lines[lineIndex])
            if !started, line.trimmingSpaces().isEmpty { lineIndex += 1; if lineIndex < lines.count { bodyOffset = lines[lineIndex].lowerBound }; continue }
            started = true
            bodyLines.append(line)
            lineIndex += 1
        }
        while let last = bodyLines.last, last.trimmingSpaces().isEmpty { bodyLines.removeLast() }
        var builder = RecordBuilder(vocabulary: vocabulary, source: source)
        let record = builder.build(header: header, body: bodyLines.isEmpty ? nil : (bodyLines.joined(separator: "\n"), bodyOffset),
                                   startOffset: headerStart)
        diagnostics += builder.diagnostics
        let id = identifier(record, source: source, number: 1, batch: false)
        if !diagnostics.isEmpty { return .failure(source: source.path, id: id, diagnostics: DiagnosticList(diagnostics).diagnostics) }
        return .description(Description(id: id, record: record, source: source, offset: headerStart, expectation: builder.expectation,
                                         waivers: builder.waivers))
    }

    /// The offset of the first byte that is not valid UTF-8, if any.
    public static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            let lead = bytes[index]
            // the ASCII bytes that follow, eight at a time (rule files and descriptions are mostly ASCII)
            if lead < 0x80 { index = asciiEnd(bytes, from: index + 1); continue }
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return index }
            if lead == 0xE0, bytes[index + 1] < 0xA0 { return index }
            if lead == 0xED, bytes[index + 1] > 0x9F { return index }
            if lead == 0xF0, bytes[index + 1] < 0x90 { return index }
            if lead == 0xF4, bytes[index + 1] > 0x8F { return index }
            index += length
        }
        return nil
    }

    /// `start` moved past every eight bytes in a row that are all ASCII, read eight at a time: where the
    /// caller reads on byte by byte (the end of `bytes`, or up to eight bytes before the first that is
    /// not ASCII).
    static func asciiEnd(_ bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBytes { raw in
            var index = start
            while index + 8 <= raw.count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            return index
        }
    }
}
