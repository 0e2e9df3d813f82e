/// Splits one line of a rule file into tokens.
///
/// Words are runs of characters other than white space, parentheses, commas and double quotes, so
/// `account.variant`, `party-political`, `2021-03-17` and `#D66` are single words. Strings are in
/// double quotes with `\"` and `\\` as the only escapes; any other backslash is kept as written, so a
/// pattern's `\d` or `\b` needs no doubling.
public struct Lexer {
    public init() {}

    /// Tokenizes `text`, whose first character stands at `start`.
    public func tokens(in text: String, at start: SourceLocation, diagnostics: inout [Diagnostic]) -> [Token] {
        var result: [Token] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func location(_ offset: Int) -> SourceLocation {
            SourceLocation(file: start.file, line: start.line, column: start.column + offset)
        }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case " ", "\t":
                index += 1
            case "(":
                result.append(Token(.openParen, "(", location(index))); index += 1
            case ")":
                result.append(Token(.closeParen, ")", location(index))); index += 1
            case ",":
                result.append(Token(.comma, ",", location(index))); index += 1
            case "\"":
                let begin = index
                index += 1
                var content = String.UnicodeScalarView()
                var closed = false
                while index < scalars.count {
                    let current = scalars[index]
                    if current == "\\", index + 1 < scalars.count {
                        // only \" and \\ are escapes; any other backslash stays, so that patterns keep \d, \b, …
                        let next = scalars[index + 1]
                        if next != "\"" && next != "\\" { content.append(current) }
                        content.append(next)
                        index += 2
                        continue
                    }
                    if current == "\"" { closed = true; index += 1; break }
                    content.append(current)
                    index += 1
                }
                if !closed {
                    diagnostics.append(Diagnostic("rules.unterminated-string", "string is not closed",
                                                  at: location(begin), hint: "add the closing `\"`"))
                }
                result.append(Token(.string, String(content), location(begin)))
            default:
                let begin = index
                var word = String.UnicodeScalarView()
                while index < scalars.count {
                    let current = scalars[index]
                    if current == " " || current == "\t" || current == "(" || current == ")" || current == ","
                        || current == "\"" { break }
                    word.append(current)
                    index += 1
                }
                result.append(Token(.word, String(word), location(begin)))
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
