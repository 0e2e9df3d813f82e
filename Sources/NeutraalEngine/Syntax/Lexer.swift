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
        func step() {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09:
                step()
            case 0x28:
                result.append(Token(.openParen, "(", location(column))); step()
            case 0x29:
                result.append(Token(.closeParen, ")", location(column))); step()
            case 0x2C:
                result.append(Token(.comma, ",", location(column))); step()
            case 0x22:
                let begin = column
                step()
                var content: [UInt8] = []
                var closed = false
                while index < bytes.count {
                    let current = bytes[index]
                    if current == 0x5C, index + 1 < bytes.count {
                        // only \" and \\ are escapes; any other backslash stays, so that patterns keep \d, \b, …
                        let next = bytes[index + 1]
                        if next != 0x22 && next != 0x5C { content.append(current) }
                        content.append(next)
                        step()
                        step()
                        continue
                    }
                    if current == 0x22 { closed = true; step(); break }
                    content.append(current)
                    step()
                }
                if !closed {
                    diagnostics.append(Diagnostic("rules.unterminated-string", "string is not closed",
                                                  at: location(begin), hint: "add the closing `\"`"))
                }
                result.append(Token(.string, String(decoding: content, as: UTF8.self), location(begin)))
            default:
                let begin = column
                let first = index
                while index < bytes.count {
                    let current = bytes[index]
                    if current == 0x20 || current == 0x09 || current == 0x28 || current == 0x29 || current == 0x2C || current == 0x22 { break }
                    step()
                }
                result.append(Token(.word, String(decoding: bytes[first..<index], as: UTF8.self), location(begin)))
            }
        }
        return result
    }

    /// Splits `key: value` at the first colon outside quotes. Returns nil when there is no colon.
    public func splitAttribute(_ node: OutlineNode) -> (key: String, keyLocation: SourceLocation,
                                                          value: String, valueLocation: SourceLocation)? {
        let bytes = Array(node.text.utf8)
        var inQuotes = false
        var escaped = false
        for (offset, byte) in bytes.enumerated() {
            if inQuotes {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inQuotes = false }
            } else if byte == 0x22 {
                inQuotes = true
            } else if byte == UInt8(ascii: ":") {
                let key = String(decoding: bytes[0..<offset], as: UTF8.self).trimmingSpaces()
                var valueStart = offset + 1
                while valueStart < bytes.count, bytes[valueStart] == 0x20 { valueStart += 1 }
                let value = String(decoding: bytes[valueStart...], as: UTF8.self)
                let column = bytes[0..<valueStart].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
                let loc = node.location
                return (key, loc, value, SourceLocation(file: loc.file, line: loc.line, column: loc.column + column))
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
