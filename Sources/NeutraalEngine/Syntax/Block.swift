/// A top-level block of a rule file (`rule X "title"`, `field a.b`, …) with its attribute lines.
public struct Block: Sendable {
    /// One `key: value` line of a block, with the lines indented below it.
    public struct Attribute: Sendable {
        public let key: String
        public let keyLocation: SourceLocation
        public let value: String
        public let valueLocation: SourceLocation
        public let children: [OutlineNode]
    }

    public let keyword: String
    public let name: String
    public let title: String?
    public let location: SourceLocation
    public let nameLocation: SourceLocation
    public let attributes: [Attribute]
    /// Lines of the block that are not `key: value` (the values of an `enum`, for instance).
    public let bareLines: [OutlineNode]
    public let source: SourceText

    /// The first attribute with a key.
    public func attribute(_ key: String) -> Attribute? { attributes.first { $0.key == key } }
}

/// Reads the top-level blocks of a rule file.
public struct BlockReader {
    public init() {}

    public func blocks(in source: SourceText, diagnostics: inout [Diagnostic]) -> [Block] {
        let nodes = OutlineParser().parse(source, diagnostics: &diagnostics)
        var blocks: [Block] = []
        let lexer = Lexer()
        for node in nodes {
            if node.location.column != 1 {
                diagnostics.append(Diagnostic("rules.unexpected-indentation", "a block must start at the beginning of the line",
                                              at: node.location, hint: "remove the indentation of the first line of the block"))
                continue
            }
            var headerDiagnostics: [Diagnostic] = []
            let tokens = lexer.tokens(in: node.text, at: node.location, diagnostics: &headerDiagnostics)
            diagnostics += headerDiagnostics
            guard let keyword = tokens.first, keyword.kind == .word else { continue }
            guard tokens.count >= 2, tokens[1].kind == .word else {
                diagnostics.append(Diagnostic("rules.missing-name", "`\(keyword.text)` needs a name", at: keyword.location,
                                              hint: "write `\(keyword.text) NAME`"))
                continue
            }
            var title: String?
            if tokens.count >= 3 {
                if tokens[2].kind == .string, tokens.count == 3 {
                    title = tokens[2].text
                } else {
                    diagnostics.append(Diagnostic("rules.unexpected-token", "unexpected `\(tokens[2].text)` after the name",
                                                  at: tokens[2].location, hint: "a title is written in double quotes"))
                }
            }
            var attributes: [Block.Attribute] = []
            var bare: [OutlineNode] = []
            for child in node.children {
                if let split = lexer.splitAttribute(child), !split.key.isEmpty {
                    attributes.append(Block.Attribute(key: split.key, keyLocation: split.keyLocation, value: split.value,
                                                      valueLocation: split.valueLocation, children: child.children))
                } else {
                    bare.append(child)
                }
            }
            blocks.append(Block(keyword: keyword.text, name: tokens[1].text, title: title, location: node.location,
                                nameLocation: tokens[1].location, attributes: attributes, bareLines: bare, source: source))
        }
        return blocks
    }
}
