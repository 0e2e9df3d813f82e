import Foundation

/// How a batch gets its input: whole files, JSON Lines read piece by piece and cut at line ends, standard
/// input split into chunks, and the counting that numbers records across chunks.
extension BatchEvaluator {
    /// A whole description file, read at once; an unreadable or binary file is a located diagnostic.
    /// A file larger than `InputBytes.maximumSize` (or a device that never ends) is refused once that much is read.
    static func readWhole(_ path: String) -> Result<SourceText, Diagnostic> {
        switch InputBytes.readFile(path) {
        case .failure(let problem):
            return .failure(inputProblem(problem, path: path))
        case .success(let bytes):
            return .success(SourceText(path: path, bytes: bytes))
        }
    }

    /// The error for an input with a NUL byte near its start.
    public static func binaryInput(_ path: String) -> Diagnostic {
        Diagnostic("input.binary", "`\(path)` is a binary file, not a description", at: SourceLocation(file: path, line: 1, column: 1),
                   hint: "description files are UTF-8 text: JSON, JSON Lines or a post with a `---` header")
    }

    /// The error for an input that could not be read whole (see `InputBytes.readAll`).
    public static func inputProblem(_ problem: InputBytes.Problem, path: String) -> Diagnostic {
        switch problem {
        case .tooLarge: return tooLargeInput(path)
        case .binary: return binaryInput(path)
        case .unreadable:
            return Diagnostic("input.unreadable", path == "<stdin>" ? "reading standard input failed" : "cannot read `\(path)`",
                              at: SourceLocation(file: path, line: 1, column: 1),
                              hint: path == "<stdin>" ? nil : "check the file's permissions")
        }
    }

    /// The error for an input read whole that is larger than `InputBytes.maximumSize`.
    public static func tooLargeInput(_ path: String) -> Diagnostic {
        Diagnostic("input.too-large", "`\(path)` is larger than \(InputBytes.maximumSize / 1024 / 1024) MB and is not read",
                   at: SourceLocation(file: path, line: 1, column: 1),
                   hint: "write a large batch as JSON Lines (one description per line), which `neutraal lint` reads piece by piece")
    }

    /// Standard input: JSON Lines (when its first piece starts with a whole object and another after it) read
    /// piece by piece as a JSON Lines file is, so that memory stays flat however long the stream; anything
    /// else read whole, up to `InputBytes.maximumSize`.
    func readStandardInput(_ pieces: InputBytes.Pieces, add: (Unit) -> Void) {
        let path = "<stdin>"
        guard let first = pieces(chunkSize) else {
            return add(Unit(content: .problem(.failed(source: path, id: path, diagnostics: [
                Diagnostic("input.unreadable", "reading standard input failed", at: SourceLocation(file: path, line: 1, column: 1)),
            ]))))
        }
        if DescriptionReader.format(path: "", bytes: first) == .json, Self.looksLikeLines(first) {
            var pending: [UInt8]? = first
            // each piece is copied after the unfinished line into an array that goes round (see `PieceBuffers`)
            let spare = PieceBuffers(keep: jobs * 3 + 2)
            return streamLines(path, spare: spare, add: add) { carry, count in
                guard let bytes = pending ?? pieces(count) else { return nil }
                pending = nil
                var piece = spare.take(count: carry.count + bytes.count)
                piece.withUnsafeMutableBufferPointer { target in
                    guard let start = target.baseAddress else { return }
                    let after = Self.copy(carry, to: start)
                    _ = Self.copy(bytes, to: start + after)
                }
                return piece
            }
        }
        switch InputBytes.readAll(after: first, pieces: pieces) {
        case .failure(let problem):
            add(Unit(content: .problem(.failed(source: path, id: path, diagnostics: [Self.inputProblem(problem, path: path)]))))
        case .success(let bytes):
            if DescriptionReader.format(path: "", bytes: bytes) == .json, Self.looksLikeLines(bytes) {
                for unit in Self.split(bytes, path: path, chunkSize: chunkSize) { add(unit) }
            } else {
                add(Unit(content: .whole(SourceText(path: path, bytes: bytes))))
            }
        }
    }

    /// Reads a JSON Lines file piece by piece, cutting at line ends, so that memory stays flat. Each piece is
    /// read with `read(2)` straight into the array its unit of work keeps, one of a few that go round (see
    /// `PieceBuffers`); only the unfinished line at its end is copied, to the front of the next piece.
    func streamLines(_ path: String, add: (Unit) -> Void) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return Self.unreadable(path, "cannot read `\(path)`", line: 1, add: add) }
        defer { close(descriptor) }
        // the pieces being judged or waiting for a worker (at most the pipeline's limit), and the one being read
        let spare = PieceBuffers(keep: jobs * 3 + 2)
        streamLines(path, spare: spare, add: add) { carry, count in
            Self.read(descriptor, after: carry, upTo: count, into: spare.take(count: carry.count + count))
        }
    }

    private static func unreadable(_ path: String, _ message: String, line: Int, add: (Unit) -> Void) {
        add(Unit(content: .problem(.failed(source: path, id: path, diagnostics: [
            Diagnostic("input.unreadable", message, at: SourceLocation(file: path, line: line, column: 1),
                       hint: path == "<stdin>" ? nil : "check the file's permissions"),
        ]))))
    }

    /// JSON Lines named `path`, read by `readPiece` (the unfinished line carried over, then up to `count`
    /// further bytes; no further bytes at the end, nil when reading fails), cut at line ends into units. A
    /// unit's bytes go back to `spare` when it is freed.
    private func streamLines(_ path: String, spare: PieceBuffers?, add: (Unit) -> Void,
                             readPiece: (_ carry: [UInt8], _ count: Int) -> [UInt8]?) {
        func unreadable(_ message: String, line: Int) { Self.unreadable(path, message, line: line, add: add) }
        var carry: [UInt8] = []        // the unfinished line after the last line end read so far
        var skipping = false           // inside a line longer than a description may be: read past it
        var line = 1
        var number = 1
        var sawAny = false
        let limit = DescriptionReader.maximumRecordSize
        func tooLarge() {
            add(Unit(content: .problem(.failed(source: path, id: "\(path)#\(number)", diagnostics: [
                Diagnostic("input.too-large", "the description is larger than \(limit / 1024 / 1024) MB and is not judged",
                           at: SourceLocation(file: path, line: line, column: 1),
                           hint: "a description is one post, speech or activity; split the text or shorten it"),
            ]))))
            sawAny = true
            line += 1
            number += 1
        }
        func emit(_ bytes: [UInt8]) {
            let source = SourceText(path: path, bytes: bytes, firstLine: line, returningBytesTo: spare)
            let (lines, records) = Self.countLines(source)
            if records > 0 || !sawAny {
                add(Unit(content: .lines(source, firstNumber: number)))
            }
            sawAny = sawAny || records > 0
            line += lines
            number += records
        }
        while true {
            guard var piece = readPiece(carry, chunkSize) else {
                return unreadable("reading `\(path)` failed", line: line)
            }
            if piece.count == carry.count { break }
            if skipping {
                guard let newline = piece.firstIndex(of: 0x0A) else { continue }
                skipping = false
                tooLarge()
                piece.removeSubrange(...newline)
            }
            if let lastNewline = piece.lastIndex(of: 0x0A) {
                carry = Array(piece[(lastNewline + 1)...])
                piece.removeSubrange((lastNewline + 1)...)
                emit(piece)
            } else {
                carry = piece
            }
            if carry.count > limit {
                // the current line alone is too large: drop what was read of it and skip to its end
                carry = []
                skipping = true
            }
        }
        if skipping {
            tooLarge()
        } else if !carry.isEmpty {
            emit(carry)
        }
        if !sawAny {
            add(Unit(content: .lines(SourceText(path: path, bytes: [], firstLine: 1), firstNumber: 1)))
        }
    }

    /// `prefix` followed by up to `count` bytes read from `descriptor` (fewer only at the end of the file),
    /// in one array; nil when reading fails.
    static func read(_ descriptor: Int32, after prefix: [UInt8], upTo count: Int) -> [UInt8]? {
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: prefix.count + count) { buffer, initialized in
            initialized = 0
            guard let target = buffer.baseAddress else { return }
            let start = copy(prefix, to: target)
            (initialized, failed) = fill(descriptor, target, from: start, to: min(buffer.count, prefix.count + count))
        }
        return failed ? nil : bytes
    }

    /// The same, read into `bytes` (at least `prefix.count + count` long, its contents written over), which
    /// is cut to what was read.
    static func read(_ descriptor: Int32, after prefix: [UInt8], upTo count: Int, into bytes: consuming [UInt8]) -> [UInt8]? {
        precondition(bytes.count >= prefix.count + count, "a piece is read into an array with room for it")
        let (filled, failed) = bytes.withUnsafeMutableBufferPointer { buffer -> (Int, Bool) in
            guard let target = buffer.baseAddress else { return (0, false) }
            return fill(descriptor, target, from: copy(prefix, to: target), to: prefix.count + count)
        }
        if failed { return nil }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// Copies `bytes` to `target`; their count.
    private static func copy(_ bytes: [UInt8], to target: UnsafeMutablePointer<UInt8>) -> Int {
        bytes.withUnsafeBufferPointer { source in
            if let start = source.baseAddress { target.initialize(from: start, count: source.count) }
            return source.count
        }
    }

    /// Reads from `descriptor` into `target` from offset `start` up to `end` (less only at the end of the
    /// file): the offset reached, and whether reading failed.
    private static func fill(_ descriptor: Int32, _ target: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int) -> (Int, Bool) {
        var filled = start
        while filled < end {
            let got = Foundation.read(descriptor, target + filled, end - filled)
            if got < 0, errno == EINTR { continue }
            if got < 0 { return (filled, true) }
            if got == 0 { break }
            filled += got
        }
        return (filled, false)
    }

    static func split(_ bytes: [UInt8], path: String, chunkSize: Int) -> [Unit] {
        var units: [Unit] = []
        var start = 0
        var line = 1
        var number = 1
        while start < bytes.count {
            var end = min(bytes.count, start + chunkSize)
            while end < bytes.count, bytes[end - 1] != 0x0A { end += 1 }
            let source = SourceText(path: path, bytes: Array(bytes[start..<end]), firstLine: line)
            units.append(Unit(content: .lines(source, firstNumber: number)))
            let (lines, records) = countLines(source)
            line += lines
            number += records
            start = end
        }
        if units.isEmpty { units.append(Unit(content: .lines(SourceText(path: path, bytes: [], firstLine: 1), firstNumber: 1))) }
        return units
    }

    /// The line ends in a source, and the lines holding anything but white space (its records), both
    /// counted when the source was made.
    static func countLines(_ source: SourceText) -> (lines: Int, records: Int) {
        (source.lineStarts.count - 1, source.linesWithText)
    }

    /// Whether a JSON input holds one object per line (rather than one document).
    static func looksLikeLines(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }),
              bytes[first] == UInt8(ascii: "{") else { return false }
        var index = first
        var depth = 0
        var inString = false
        var escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
            } else if byte == 0x22 {
                inString = true
            } else if byte == 0x7B || byte == 0x5B {
                depth += 1
            } else if byte == 0x7D || byte == 0x5D {
                depth -= 1
                if depth == 0 {
                    // something after the first object on a later line: JSON Lines
                    return bytes[(index + 1)...].contains { $0 == 0x7B }
                }
            }
            index += 1
        }
        return false
    }
}
