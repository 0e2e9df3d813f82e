/// Attributes written twice in one block: only the first would be read, so a second `verdict:` or `when:`
/// below the first would change nothing while a reviewer reads it as the rule.
extension Block {
    /// Each attribute whose key an earlier attribute of the block already has (examples aside: those are
    /// told apart by name), with the earlier one.
    var repeatedAttributes: [(repeated: Attribute, first: Attribute)] {
        var seen: [String: Attribute] = [:]
        var repeated: [(repeated: Attribute, first: Attribute)] = []
        for attribute in attributes where !attribute.key.hasPrefix("example ") {
            if let first = seen[attribute.key] {
                repeated.append((attribute, first))
            } else {
                seen[attribute.key] = attribute
            }
        }
        return repeated
    }
}

extension Diagnostic {
    /// The error for an attribute given twice in a block, at the second, naming the first.
    static func repeatedAttribute(_ repeated: Block.Attribute, first: Block.Attribute, in block: Block) -> Diagnostic {
        Diagnostic("rules.duplicate-attribute", "`\(repeated.key)` is given twice in \(block.keyword) `\(block.name)` (first at \(first.keyLocation))",
                   at: repeated.keyLocation, hint: "only one is read: keep one of them")
    }
}
