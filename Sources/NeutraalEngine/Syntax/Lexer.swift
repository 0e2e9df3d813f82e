/// Splits one line of a rule file into tokens.
///
/// Words are runs of characters other than white space, parentheses, commas and double quotes, so
/// `account.variant`, `party-political`, `2021-03-17` and `#D66` are single words. Strings are in
/// double quotes with `\"` and `\\` as the only escapes; any other backslash is kept as written, so a
/// pattern's `\d` or `\b` needs no doubling.
public struct Lexer {
    public init() {}

    /// Tokenizes `text`, whose first character stands at `start`. The text is read as UTF-8 bytes; columns
    /// count characters (Unicode scalars).
    public func tokens(in text: String, at start: SourceLocation, diagnostics: inout [Diagnostic]) -> [Token] {
        var result: [Token] = []
        let bytes = Array(text.utf8)
        var index = 0
        /// Characters before `index`.
        var column = 0
        func location(_ offset: Int) -> SourceLocation {
            SourceLocation(file: start.file, line: start.line, column: start.column + offset)
        }
        func advance(to end: Int) {
            column += Self.characterStarts(bytes, from: index, to: end)
            index = end
        }
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09:
                index += 1; column += 1
            case 0x28:
                result.append(Token(.openParen, "(", location(column))); index += 1; column += 1
            case 0x29:
                result.append(Token(.closeParen, ")", location(column))); index += 1; column += 1
            case 0x2C:
                result.append(Token(.comma, ",", location(column))); index += 1; column += 1
            case 0x22:
                let begin = column
                index += 1; column += 1
                let string = Self.quotedString(bytes, from: index)
                advance(to: string.end)
                if !string.closed {
                    diagnostics.append(Diagnostic("rules.unterminated-string", "string is not closed",
                                                  at: location(begin), hint: "add the closing `\"`"))
                }
                result.append(Token(.string, string.content, location(begin)))
            default:
                let begin = column
                let first = index
                var end = index
                while end < bytes.count, !Self.endsWord(bytes[end]) { end += 1 }
                advance(to: end)
                result.append(Token(.word, String(decoding: bytes[first..<index], as: UTF8.self), location(begin)))
            }
        }
        return result
    }

    /// Whether a byte ends a word: white space, a parenthesis, a comma or a double quote.
    @inline(__always)
    static func endsWord(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x28 || byte == 0x29 || byte == 0x2C || byte == 0x22
    }

    /// The bytes in `from..<to` that begin a character (that are not UTF-8 continuation bytes).
    static func characterStarts(_ bytes: [UInt8], from: Int, to: Int) -> Int {
        var count = 0
        for index in from..<to where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The content of a quoted string whose opening quote stands just before `from`: the escapes `\"` and
    /// `\\` resolved, any other backslash kept with the byte after it; `end` is just past the closing quote
    /// (or the end of the bytes when the string is not closed).
    static func quotedString(_ bytes: [UInt8], from: Int) -> (content: String, end: Int, closed: Bool) {
        var escaped: [UInt8]?
        var runStart = from
        var index = from
        while index < bytes.count {
            let current = bytes[index]
            if current == 0x5C, index + 1 < bytes.count {
                // only \" and \\ are escapes; any other backslash stays, so that patterns keep \d, \b, …
                let next = bytes[index + 1]
                if next == 0x22 || next == 0x5C {
                    escaped = (escaped ?? []) + bytes[runStart..<index]
                    runStart = index + 1
                }
                index += 2
                continue
            }
            if current == 0x22 {
                return (content(escaped, bytes[runStart..<index]), index + 1, true)
            }
            index += 1
        }
        return (content(escaped, bytes[runStart..<index]), index, false)
    }

    /// The index of the quote that closes a string opened just before `from`, nil when it is not closed.
    static func closingQuote(_ bytes: [UInt8], from: Int) -> Int? {
        var index = from
        while index < bytes.count {
            let current = bytes[index]
            if current == 0x5C, index + 1 < bytes.count {
                index += 2
            } else if current == 0x22 {
                return index
            } else {
                index += 1
            }
        }
        return nil
    }

    /// The escaped part of a string so far followed by its last run of plain bytes.
    private static func content(_ escaped: [UInt8]?, _ run: ArraySlice<UInt8>) -> String {
        guard let escaped else { return String(decoding: run, as: UTF8.self) }
        return String(decoding: escaped + run, as: UTF8.self)
    }

    /// Whether `text` has a double-quoted string that is not closed (the one diagnostic `tokens` gives).
    static func hasUnterminatedString(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x22 {
                guard let end = closingQuote(bytes, from: index + 1) else { return true }
                index = end + 1
            } else {
                index += 1
            }
        }
        return false
    }

    /// Splits `key: value` at the first colon outside quotes. Returns nil when there is no colon.
    public func splitAttribute(_ node: OutlineNode) -> (key: String, keyLocation: SourceLocation,
                                                          value: String, valueLocation: SourceLocation)? {
        var text = node.text
        return text.withUTF8 { bytes in
            guard let colon = Self.attributeColon(bytes) else { return nil }
            let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<colon]), as: UTF8.self).trimmingSpaces()
            var valueStart = colon + 1
            while valueStart < bytes.count, bytes[valueStart] == 0x20 { valueStart += 1 }
            let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart...]), as: UTF8.self)
            var column = 0
            for byte in bytes[0..<valueStart] where byte & 0xC0 != 0x80 { column += 1 }
            let loc = node.location
            return (key, loc, value, SourceLocation(file: loc.file, line: loc.line, column: loc.column + column))
        }
    }

    /// The index of the first colon outside double quotes.
    private static func attributeColon(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var inQuotes = false
        var escaped = false
        for (offset, byte) in bytes.enumerated() {
            if inQuotes {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inQuotes = false }
            } else if byte == 0x22 {
                inQuotes = true
            } else if byte == UInt8(ascii: ":") {
                return offset
            }
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let utf8 = self.utf8
        if let first = utf8.first, let last = utf8.last, first != 0x20, first != 0x09, last != 0x20, last != 0x09 { return self }
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view = view.dropFirst() }
        while let last = view.last, last == " " || last == "\t" { view = view.dropLast() }
        return String(view)
    }
}
