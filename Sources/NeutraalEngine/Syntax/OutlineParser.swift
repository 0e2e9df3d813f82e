/// Splits a rule file into an indentation tree of `OutlineNode`s.
///
/// Comments are whole lines starting with `#`, or ` #` after a value outside quotes. Tabs in the
/// indentation are refused, so that what a reviewer sees is what the engine reads.
public struct OutlineParser {
    public init() {}

    /// Parses `source` into top-level nodes; problems are appended to `diagnostics`.
    public func parse(_ source: SourceText, diagnostics: inout [Diagnostic]) -> [OutlineNode] {
        var lines: [(indent: Int, node: OutlineNode)] = []
        let bytes = source.bytes
        var lineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lineNumber = source.firstLine - 1
        while lineStart <= bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd + 1
            var contentEnd = lineEnd
            if contentEnd > lineStart, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            var index = lineStart
            var sawTab = false
            while index < contentEnd, bytes[index] == 0x20 || bytes[index] == 0x09 {
                if bytes[index] == 0x09 { sawTab = true }
                index += 1
            }
            let indent = index - lineStart
            defer { lineStart = next }
            if index == contentEnd || bytes[index] == UInt8(ascii: "#") { continue }
            if sawTab {
                diagnostics.append(Diagnostic("rules.tab-indentation", "indentation uses a tab",
                                              at: SourceLocation(file: source.path, line: lineNumber, column: 1),
                                              hint: "indent with two spaces per level"))
            }
            var end = Self.commentStart(bytes, from: index, to: contentEnd)
            while end > index, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            let text = String(decoding: bytes[index..<end], as: UTF8.self)
            lines.append((indent, OutlineNode(text: text, location: SourceLocation(file: source.path, line: lineNumber, column: indent + 1),
                                              children: [])))
        }
        var position = 0
        return Self.build(lines, &position, parentIndent: -1)
    }

    private static func build(_ lines: [(indent: Int, node: OutlineNode)], _ index: inout Int,
                              parentIndent: Int) -> [OutlineNode] {
        var result: [OutlineNode] = []
        var levelIndent: Int?
        while index < lines.count {
            let (indent, node) = lines[index]
            if indent <= parentIndent { break }
            if let level = levelIndent, indent > level {
                // deeper than its siblings: a child of the previous node
                let children = build(lines, &index, parentIndent: level)
                if !result.isEmpty { result[result.count - 1].children.append(contentsOf: children) }
                continue
            }
            levelIndent = levelIndent ?? indent
            result.append(node)
            index += 1
        }
        return result
    }

    /// Where a ` # comment` outside double quotes starts in `bytes[from..<to]` (`to` when there is none).
    static func commentStart(_ bytes: [UInt8], from: Int, to: Int) -> Int {
        var inQuotes = false
        var escaped = false
        var previous: UInt8 = 0x20
        var index = from
        while index < to {
            let byte = bytes[index]
            if inQuotes {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inQuotes = false }
            } else if byte == 0x22 {
                inQuotes = true
            } else if byte == UInt8(ascii: "#"), previous == 0x20 {
                return index
            }
            previous = byte
            index += 1
        }
        return to
    }

    /// Removes a ` # comment` that stands outside double quotes.
    static func stripComment(_ content: Substring) -> String {
        let bytes = Array(content.utf8)
        var end = commentStart(bytes, from: 0, to: bytes.count)
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        return String(decoding: bytes[0..<end], as: UTF8.self)
    }
}
