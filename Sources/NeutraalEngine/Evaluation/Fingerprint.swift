/// A content key for a finding: the rule and a hash of every fact of the description, so that a baseline
/// entry stops matching as soon as the post or activity is edited.
public enum Fingerprint {
    /// `sha256` (first 32 hex digits) of the rule id and the description's facts in a canonical form.
    public static func of(rule: String, description: Description, vocabulary: Vocabulary) -> String {
        var hasher = SHA256()
        hasher.update(Array(rule.utf8))
        hasher.update([0])
        hasher.update(Array(canonicalFacts(description.record, layout: 0, vocabulary: vocabulary).utf8))
        return String(hasher.finalizeHex().prefix(32))
    }

    static func canonicalFacts(_ record: Record, layout: Int, vocabulary: Vocabulary) -> String {
        var text = ""
        let fields = vocabulary.layouts[layout].fields
        for field in fields {
            guard let value = record.values[field.slot] else { continue }
            text += field.path + "="
            if case .objects(let elements) = value, case .objects(let inner) = field.type {
                text += "[" + elements.map { "{" + canonicalFacts($0, layout: inner, vocabulary: vocabulary) + "}" }.joined(separator: ",") + "]"
            } else {
                text += JSONWriter.quote(Evaluator.display(value, type: field.type, vocabulary: vocabulary))
            }
            text += "\n"
        }
        return text
    }
}
