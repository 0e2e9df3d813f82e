/// The text that a piece of evidence found words in, so that a report can show the words in their context.
enum EvidenceText {
    /// The text of `fact` in `record`: a text field of the description (`text`) or of an element of a list of
    /// objects (`sections[2].text`, elements counted from 1 as evidence counts them); nil when there is none.
    static func text(of fact: String, in record: Record, _ vocabulary: Vocabulary) -> String? {
        var layout = vocabulary.root
        var current = record
        var rest = Substring(fact)
        while let open = rest.firstIndex(of: "["), let close = rest.firstIndex(of: "]"), open < close {
            guard let slot = layout.slotByPath[String(rest[..<open])], case .objects(let inner) = layout.fields[slot].type,
                  let position = Int(rest[rest.index(after: open)..<close]), case .objects(let elements)? = current.values[slot],
                  position >= 1, position <= elements.count else { return nil }
            current = elements[position - 1]
            layout = vocabulary.layouts[inner]
            rest = rest[rest.index(after: close)...]
            guard rest.hasPrefix(".") else { return nil }
            rest = rest.dropFirst()
        }
        guard let slot = layout.slotByPath[String(rest)], case .string(let text)? = current.values[slot] else { return nil }
        return text
    }
}
