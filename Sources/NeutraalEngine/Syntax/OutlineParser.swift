/// Splits a rule file into an indentation tree of `OutlineNode`s.
///
/// Comments are whole lines starting with `#`, or ` #` after a value outside quotes. Tabs in the
/// indentation are refused, so that what a reviewer sees is what the engine reads.
public struct OutlineParser {
    public init() {}

    /// Parses `source` into top-level nodes; problems are appended to `diagnostics`.
    public func parse(_ source: SourceText, diagnostics: inout [Diagnostic]) -> [OutlineNode] {
        var lines: [(indent: Int, node: OutlineNode)] = []
        var lineNumber = 0
        var text = String(decoding: source.bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            var indent = 0
            var sawTab = false
            for character in line {
                if character == " " { indent += 1 } else if character == "\t" { sawTab = true; indent += 1 } else { break }
            }
            let content = line.dropFirst(indent)
            if content.isEmpty || content.hasPrefix("#") { continue }
            if sawTab {
                diagnostics.append(Diagnostic("rules.tab-indentation", "indentation uses a tab",
                                              at: SourceLocation(file: source.path, line: lineNumber, column: 1),
                                              hint: "indent with two spaces per level"))
            }
            let stripped = Self.stripComment(content)
            let column = line.prefix(indent).unicodeScalars.count + 1
            lines.append((indent, OutlineNode(text: stripped,
                                              location: SourceLocation(file: source.path, line: lineNumber, column: column),
                                              children: [])))
        }
        var index = 0
        return Self.build(lines, &index, parentIndent: -1)
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

    /// Removes a ` # comment` that stands outside double quotes.
    static func stripComment(_ content: Substring) -> String {
        var inQuotes = false
        var escaped = false
        var previous: Character = " "
        var end = content.endIndex
        for index in content.indices {
            let character = content[index]
            if inQuotes {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inQuotes = false }
            } else if character == "\"" {
                inQuotes = true
            } else if character == "#", previous == " " {
                end = index
                break
            }
            previous = character
        }
        var result = content[content.startIndex..<end]
        while result.last == " " { result = result.dropLast() }
        return String(result)
    }
}
