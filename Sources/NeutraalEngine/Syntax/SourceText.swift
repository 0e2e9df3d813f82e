import Foundation

/// The bytes of one input file with a lazily built index of line starts, so that byte offsets kept
/// during parsing can be turned into line and column only when a location is actually shown.
public final class SourceText: @unchecked Sendable {
    /// The path as given by the user.
    public let path: String
    /// The raw UTF-8 bytes.
    public let bytes: [UInt8]
    /// Where each line starts: 0, and the offset after every line end (found with `memchr` once, when the
    /// source is made; readers walk the lines of a chunk by it rather than looking for line ends again).
    let lineStarts: [Int]
    /// The line number of the first byte (above 1 for a chunk of a larger file read piece by piece).
    public let firstLine: Int
    /// The lines holding anything but spaces, tabs and carriage returns (in JSON Lines, the records),
    /// counted while the line starts are found, so that a batch numbers the records of its next piece
    /// without looking at the lines again.
    let linesWithText: Int
    /// Where the bytes go when the source is freed: the spare arrays of the batch that read them into one
    /// of its arrays, for a later piece (nil: they are freed with the source).
    private let bytesReturn: PieceBuffers?

    public convenience init(path: String, bytes: [UInt8], firstLine: Int = 1) {
        self.init(path: path, bytes: bytes, firstLine: firstLine, returningBytesTo: nil)
    }

    /// A piece of a batch read into one of `spare`'s arrays, given back to it when the source is freed.
    init(path: String, bytes: [UInt8], firstLine: Int, returningBytesTo spare: PieceBuffers?) {
        self.path = path
        self.bytes = bytes
        self.firstLine = firstLine
        self.bytesReturn = spare
        var starts = [0]
        // room for lines of 256 bytes on average, at once (a record of a batch is about twice that), rather
        // than a few copies of the list as it grows; shorter lines still grow it
        starts.reserveCapacity(bytes.count / 256 + 1)
        var withText = 0
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var start = 0
            while start < buffer.count {
                let found = memchr(base + start, 0x0A, buffer.count - start)
                let end = found.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? buffer.count
                // a line is looked at only up to its first byte that is not white space (in a batch, a `{`)
                var position = start
                while position < end, buffer[position] == 0x20 || buffer[position] == 0x09 || buffer[position] == 0x0D { position += 1 }
                if position < end { withText += 1 }
                guard found != nil else { break }
                start = end + 1
                starts.append(start)
            }
        }
        self.lineStarts = starts
        self.linesWithText = withText
    }

    deinit {
        bytesReturn?.give(bytes)
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The location of a byte offset (clamped to the file).
    public func location(at offset: Int) -> SourceLocation {
        let place = place(at: offset)
        return SourceLocation(file: path, line: place.line, column: place.column)
    }

    /// The line and column of `location(at:)`, without the file.
    func place(at offset: Int) -> (line: Int, column: Int) {
        let line = line(containing: max(0, min(offset, bytes.count)))
        return place(at: offset, onLineStarting: line.start, number: line.number, asciiUpTo: line.start)
    }

    /// The line at `index` among `lineStarts`, when it holds `offset`: where it starts, where it ends, and
    /// its number (nil when it does not, or there is no such line).
    func line(at index: Int, holding offset: Int) -> (start: Int, end: Int, number: Int)? {
        guard index >= 0, index < lineStarts.count, lineStarts[index] <= offset else { return nil }
        let end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        guard offset <= end else { return nil }
        return (lineStarts[index], end, index + firstLine)
    }

    /// The location of a byte offset (clamped to the file) on a line already found: the line's start and
    /// number, and how far from its start it is known to be ASCII (those bytes are counted, not looked at).
    /// The same as `location(at:)`, without looking for the line.
    func location(at offset: Int, onLineStarting start: Int, number: Int, asciiUpTo asciiEnd: Int) -> SourceLocation {
        let place = place(at: offset, onLineStarting: start, number: number, asciiUpTo: asciiEnd)
        return SourceLocation(file: path, line: place.line, column: place.column)
    }

    /// The line and column of `location(at:onLineStarting:number:asciiUpTo:)`, without the file (whose
    /// path a location would count a reference to).
    func place(at offset: Int, onLineStarting start: Int, number: Int, asciiUpTo asciiEnd: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, bytes.count))
        let prefix = max(start, min(asciiEnd, clamped))
        let place = place(at: clamped, onLineStarting: start, number: number, countedFrom: (prefix, 1 + (prefix - start)))
        return (place.line, place.column)
    }

    /// The same, counted on from an offset of the line already counted (at or before `offset`, clamped):
    /// `counted.count` is one more than the characters that start on the line before `counted.offset` (its
    /// column before the adjustments below). Returns that count for `offset` too, for the next offset on.
    func place(at offset: Int, onLineStarting start: Int, number: Int, countedFrom counted: (offset: Int, count: Int))
        -> (line: Int, column: Int, count: Int) {
        let clamped = max(0, min(offset, bytes.count))
        let count = counted.count + Self.countCharacterStarts(bytes, from: counted.offset, to: clamped)
        var column = count
        // a continuation byte position counts as part of the preceding character
        if clamped < bytes.count, bytes[clamped] & 0xC0 == 0x80, column > 1 { column -= 1 }
        // a byte order mark at the start of the file is not a column
        if start == 0, firstLine == 1, clamped >= 3, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { column -= 1 }
        return (number, column, count)
    }

    /// The line holding a byte offset (clamped to the file): where it starts, where it ends (its line end,
    /// or the end of the file), and its number.
    ///
    /// The lines of a batch are mostly of similar length, so the search starts at the line that the offset's
    /// share of the bytes points at and steps from there; after a few steps it halves the rest.
    public func line(containing offset: Int) -> (start: Int, end: Int, number: Int) {
        let clamped = max(0, min(offset, bytes.count))
        let index = lineStarts.withUnsafeBufferPointer { starts in
            // (a product too large for an Int, in a file of tens of gigabytes, just starts the search at the top)
            let share = clamped.multipliedReportingOverflow(by: starts.count - 1)
            let guess = bytes.isEmpty || share.overflow ? 0 : share.partialValue / bytes.count
            return Self.lineIndex(of: clamped, in: starts, guess: guess)
        }
        let end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        return (lineStarts[index], end, index + firstLine)
    }

    /// The index of the last of `starts` (ascending, the first 0) at or before `offset`, looked for from `guess`.
    static func lineIndex(of offset: Int, in starts: UnsafeBufferPointer<Int>, guess: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        var index = max(low, min(guess, high))
        // a few steps from the guess, narrowing the range on the way
        for _ in 0..<4 {
            if starts[index] > offset {
                high = index - 1
                index -= 1
            } else if index < high, starts[index + 1] <= offset {
                low = index + 1
                index += 1
            } else {
                return index
            }
        }
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The offset of the first byte in `start..<end` that is not ASCII, or `end`: up to there, a column is
    /// the distance from the line start. Looked at 32 bytes at a time (four words tested together), then
    /// eight, then one.
    public func firstNonASCII(from start: Int, to end: Int) -> Int {
        let end = min(end, bytes.count)
        guard start < end else { return end }
        return bytes.withUnsafeBytes { raw in
            var index = start
            while index &+ 32 <= end {
                let words = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: index &+ 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: index &+ 16, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: index &+ 24, as: UInt64.self)
                if words & 0x8080_8080_8080_8080 != 0 { break }
                index &+= 32
            }
            while index + 8 <= end {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            while index < end, raw[index] < 0x80 { index += 1 }
            return index
        }
    }

    /// The bytes in `start..<end` that begin a character (that are not UTF-8 continuation bytes),
    /// counted eight at a time: each byte lane of an accumulator counts the continuation bytes in its lane
    /// (no population count, which is slow where the processor has no instruction for it), and the lanes
    /// are summed every 31 words, before their total (at most 8 × 31) can overflow the byte it is summed in.
    static func countCharacterStarts(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        guard start < end else { return 0 }
        return bytes.withUnsafeBytes { raw in
            var continuation = 0
            var index = start
            while index + 8 <= end {
                var lanes: UInt64 = 0
                var round = 0
                while round < 31, index + 8 <= end {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    // a continuation byte is 10xxxxxx: its top bit set and the next one clear
                    lanes &+= ((word & ~(word << 1)) & 0x8080_8080_8080_8080) >> 7
                    index += 8
                    round += 1
                }
                continuation += Int((lanes &* 0x0101_0101_0101_0101) >> 56)
            }
            while index < end {
                if raw[index] & 0xC0 == 0x80 { continuation += 1 }
                index += 1
            }
            return end - start - continuation
        }
    }

    /// The text of a 1-based line without its line end, for quoting in diagnostics.
    public func lineText(_ absoluteLine: Int) -> String {
        let line = absoluteLine - firstLine + 1
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, end <= bytes.count, end - 1 >= start, end - 1 < bytes.count, bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}

extension SourceText {
    /// The byte offset of a location in this file (the inverse of `location(at:)`).
    public func offset(of location: SourceLocation) -> Int {
        let lineIndex = location.line - firstLine
        guard lineIndex >= 0 else { return 0 }
        guard lineIndex < lineStarts.count else { return bytes.count }
        var index = lineStarts[lineIndex]
        var column = 1
        while column < location.column, index < bytes.count {
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            column += 1
        }
        return index
    }
}
