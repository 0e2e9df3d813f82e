import Foundation

/// Splits a rule file into an indentation tree of `OutlineNode`s.
///
/// Comments are whole lines starting with `#`, or ` #` after a value outside quotes. Tabs in the
/// indentation are refused, so that what a reviewer sees is what the engine reads.
public struct OutlineParser {
    public init() {}

    /// Parses `source` into top-level nodes; problems are appended to `diagnostics`.
    public func parse(_ source: SourceText, diagnostics: inout [Diagnostic]) -> [OutlineNode] {
        var tree = OutlineTree()
        let bytes = source.bytes
        var lineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lineNumber = source.firstLine - 1
        while lineStart <= bytes.count {
            lineNumber += 1
            let lineEnd = Self.lineEnd(bytes, from: lineStart)
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
            tree.add(OutlineNode(text: text, location: SourceLocation(file: source.path, line: lineNumber, column: indent + 1),
                                 children: []), indent: indent)
        }
        return tree.finish()
    }

    /// The index of the first line feed at or after `start`, or the end of the bytes.
    static func lineEnd(_ bytes: [UInt8], from start: Int) -> Int {
        guard start < bytes.count else { return bytes.count }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base + start, 0x0A, buffer.count - start) else { return buffer.count }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Where a ` # comment` outside double quotes starts in `bytes[from..<to]` (`to` when there is none).
    static func commentStart(_ bytes: [UInt8], from: Int, to: Int) -> Int {
        guard from < to, bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.map { memchr($0 + from, 0x23, to - from) != nil } ?? false
        }) else { return to }
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

/// Nests the lines of a rule file by indentation as they come: a line deeper than its siblings opens the
/// children of the sibling before it, a line no deeper than the parent's level closes them.
///
/// Each open level is a frame holding the indentation of its parent, the indentation of its first line
/// (the level of its siblings) and the nodes read so far.
struct OutlineTree {
    private struct Frame {
        let parentIndent: Int
        var levelIndent: Int?
        var nodes: [OutlineNode] = []
    }

    private var frames = [Frame(parentIndent: -1)]

    /// Adds the next line.
    mutating func add(_ node: OutlineNode, indent: Int) {
        while true {
            let top = frames.count - 1
            // only the indentations are read here: a copy of the frame would share (and so copy) its nodes
            let levelIndent = frames[top].levelIndent
            if indent <= frames[top].parentIndent {
                close()
            } else if let level = levelIndent, indent > level {
                // deeper than its siblings: a child of the previous node
                frames.append(Frame(parentIndent: level))
            } else {
                frames[top].levelIndent = levelIndent ?? indent
                frames[top].nodes.append(node)
                return
            }
        }
    }

    /// The top-level nodes, every open level closed.
    mutating func finish() -> [OutlineNode] {
        while frames.count > 1 { close() }
        return frames[0].nodes
    }

    /// Ends the innermost level: its nodes become the children of the last node of the level above.
    private mutating func close() {
        let children = frames.removeLast().nodes
        let parent = frames.count - 1
        if !frames[parent].nodes.isEmpty {
            frames[parent].nodes[frames[parent].nodes.count - 1].children.append(contentsOf: children)
        }
    }
}
