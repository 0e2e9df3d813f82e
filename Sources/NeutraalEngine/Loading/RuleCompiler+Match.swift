/// `{match}` in a message is the words a `mentions` or `matches` of the rule found; a rule whose condition
/// finds no words (none of them, or each under a `not`) would show `…` there in every finding.
extension RuleCompiler {
    /// Whether `condition`, when it holds, has found words in a text: a `mentions` or `matches` that is not
    /// under a `not`.
    static func findsWords(_ condition: Condition, negated: Bool = false) -> Bool {
        switch condition {
        case .all(let parts), .any(let parts): return parts.contains { findsWords($0, negated: negated) }
        case .not(let inner): return findsWords(inner, negated: !negated)
        case .named(_, let inner): return findsWords(inner, negated: negated)
        case .quantified(_, _, _, let inner, _): return findsWords(inner, negated: negated)
        case .test(let test):
            switch test.operation {
            case .mentions, .matches: return !negated
            default: return false
            }
        }
    }

    /// Reports each message of `block` that quotes `{match}` when `condition` finds no words.
    mutating func checkMatchPlaceholder(_ block: Block, _ condition: Condition) {
        guard !Self.findsWords(condition) else { return }
        for key in ["message nl", "message en"] {
            guard let attribute = block.attribute(key), Self.quotesMatch(AttributeValues.text(attribute)) else { continue }
            error("rules.invalid-placeholder", "the message quotes `{match}`, but the condition finds no words in a text",
                  at: attribute.valueLocation, hint: "`{match}` is what a `mentions` or `matches` of the rule found (not under `not`); quote a field instead")
        }
    }

    /// Whether a message holds `{match}`, looked for in its bytes (Foundation's `contains` bridged every
    /// message of the rule set and cost 2.7 M instructions at each start; the generic search of the
    /// standard library more).
    static func quotesMatch(_ message: String) -> Bool {
        let needle: [UInt8] = Array("{match}".utf8)
        let bytes = Array(message.utf8)
        guard bytes.count >= needle.count else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            (0...(buffer.count - needle.count)).contains { start in
                buffer[start] == 0x7B && needle.indices.allSatisfy { buffer[start + $0] == needle[$0] }
            }
        }
    }
}
