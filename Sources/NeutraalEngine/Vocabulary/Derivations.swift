/// Computes the derived facts the vocabulary declares (`derive` blocks) for a freshly read record.
public enum Derivations {
    /// Applies every derivation of the top-level layout to `record`.
    public static func apply(_ vocabulary: Vocabulary, to record: inout Record) {
        apply(vocabulary.derivations, calendars: vocabulary.calendars, to: &record)
    }

    /// Applies `derivations` (reading `calendars`) to a top-level record.
    static func apply(_ derivations: [Derivation], calendars: [Calendar], to record: inout Record) {
        // by index, reading the fields it needs, rather than copying each derivation (and its names)
        for index in derivations.indices {
            let sourceSlot = derivations[index].sourceSlot
            let targetSlot = derivations[index].targetSlot
            switch derivations[index].op {
            case .hashtags:
                guard case .string(let text)? = record.values[sourceSlot] else { continue }
                let found = hashtags(in: text)
                guard !found.isEmpty else { continue }
                var list: [FactValue] = []
                if case .list(let existing)? = record.values[targetSlot] { list = existing }
                var seen = Set(list.compactMap { if case .string(let s) = $0 { s.lowercased() } else { nil } })
                for tag in found where seen.insert(tag.lowercased()).inserted {
                    list.append(.string(tag))
                }
                record.values[targetSlot] = .list(list)
            case .calendar(let calendar):
                guard case .date(let day)? = record.values[sourceSlot], record.values[targetSlot] == nil else { continue }
                if let period = calendars[calendar].period(containing: day) {
                    record.values[targetSlot] = .string(period.name)
                }
            }
        }
    }
}
