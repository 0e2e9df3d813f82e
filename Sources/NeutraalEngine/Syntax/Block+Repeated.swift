/// Attributes written twice in one block: only the first would be read, so a second `verdict:` or `when:`
/// below the first would change nothing while a reviewer reads it as the rule.
extension Block {
    /// Each attribute whose key an earlier attribute of the block already has (examples aside: those are
    /// told apart by name), with the earlier one.
    ///
    /// A block has a handful of attributes, each compared with those before it; past `comparedKeys`, the
    /// keys seen are hashed instead.
    var repeatedAttributes: [(repeated: Attribute, first: Attribute)] {
        var repeated: [(repeated: Attribute, first: Attribute)] = []
        guard attributes.count > Self.comparedKeys else {
            for index in attributes.indices where !attributes[index].key.hasPrefix("example ") {
                let key = attributes[index].key
                // an earlier attribute with the same key is no example either
                if let first = attributes[..<index].first(where: { $0.key == key }) { repeated.append((attributes[index], first)) }
            }
            return repeated
        }
        var seen: [String: Attribute] = [:]
        for attribute in attributes where !attribute.key.hasPrefix("example ") {
            if let first = seen[attribute.key] {
                repeated.append((attribute, first))
            } else {
                seen[attribute.key] = attribute
            }
        }
        return repeated
    }

    /// Blocks with up to this many attributes find their repeated keys by comparison.
    static let comparedKeys = 32
}

extension Diagnostic {
    /// The error for an attribute given twice in a block, at the second, naming the first.
    static func repeatedAttribute(_ repeated: Block.Attribute, first: Block.Attribute, in block: Block) -> Diagnostic {
        Diagnostic("rules.duplicate-attribute", "`\(repeated.key)` is given twice in \(block.keyword) `\(block.name)` (first at \(first.keyLocation))",
                   at: repeated.keyLocation, hint: "only one is read: keep one of them")
    }
}
