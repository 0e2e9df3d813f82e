/// Lines indented deeper than they belong. The outline reads a line indented under an attribute as part of
/// it: under a message it is more of the message's text, under `overrides` or `valid from` it is nothing, so
/// an attribute written one space too deep disappeared without a word. These checks say where.
extension RuleCompiler {
    /// The rule attributes whose value is one line: nothing may stand indented below them.
    static let oneLineAttributes: Set<String> = ["title", "source", "applies to", "verdict", "overrides", "valid from", "valid until"]

    /// Reports every line of a rule indented under one of its attributes that is itself an attribute (or an
    /// example), and every line under a one-line attribute; remembers them in `misindented`, so that the
    /// attribute is not reported missing as well, nor read as part of a condition.
    mutating func checkIndentation(_ block: Block, ruleAttributes: [String]) {
        misindented = ([], [])
        for attribute in block.attributes where !attribute.key.hasPrefix("example ") {
            for child in attribute.children {
                let text = child.text.trimmingSpaces()
                let key = text.hasPrefix("example ") ? "example" : ruleAttributes.first { text.hasPrefix($0 + ":") }
                if let key {
                    misindented.keys.insert(key)
                    misindented.lines.insert(child.location)
                    error("rules.unexpected-indentation",
                          "`\(key)` is indented under `\(attribute.key):`, so it is read as part of it",
                          at: child.location, hint: "indent it as `\(attribute.key):` is (two spaces)")
                } else if Self.oneLineAttributes.contains(attribute.key) {
                    error("rules.unexpected-indentation", "`\(attribute.key):` takes no lines below it", at: child.location,
                          hint: "write its value on its own line, or indent this line as `\(attribute.key):` is")
                }
            }
        }
    }

    /// Reports the lines indented under a fact of an example (a description's header lines stand one under the
    /// other, so a line below a fact is not read at all), and an example's header indented under the example
    /// above it. Returns whether there was any.
    mutating func checkExampleIndentation(_ example: Block.Attribute) -> Bool {
        var found = false
        for (index, fact) in example.children.enumerated() {
            let text = fact.text.trimmingSpaces()
            if text.hasPrefix("example "), Self.isExampleHeader(text.hasSuffix(":") ? String(text.dropLast()) : text) {
                misindented.keys.insert("example")
                // the lines after it are that example's facts, not this one's
                for line in example.children[index...] { misindented.lines.insert(line.location) }
                error("rules.unexpected-indentation", "`\(text)` is indented under `\(example.key):`, so it is read as one of its facts",
                      at: fact.location, hint: "start every example two spaces in, as the first")
                return true
            }
            for deeper in fact.children {
                error("rules.unexpected-indentation", "`\(deeper.text.trimmingSpaces())` is indented under `\(text)`, so it is not read",
                      at: deeper.location, hint: "write an example's facts one under the other, indented as the first")
                found = true
            }
        }
        return found
    }
}
