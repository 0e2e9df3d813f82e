/// Computes the derived facts the vocabulary declares (`derive` blocks) for a freshly read record.
public enum Derivations {
    /// Applies every derivation of the top-level layout to `record`.
    public static func apply(_ vocabulary: Vocabulary, to record: inout Record) {
        apply(vocabulary.derivations, calendars: vocabulary.calendars, to: &record)
    }

    /// Applies `derivations` (reading `calendars`) to a top-level record.
    static func apply(_ derivations: [Derivation], calendars: [Calendar], to record: inout Record) {
        for derivation in derivations {
            guard let source = record.values[derivation.sourceSlot] else { continue }
            switch derivation.op {
            case .hashtags:
                guard case .string(let text) = source else { continue }
                let found = hashtags(in: text)
                guard !found.isEmpty else { continue }
                var list: [FactValue] = []
                if case .list(let existing)? = record.values[derivation.targetSlot] { list = existing }
                var seen = Set(list.compactMap { if case .string(let s) = $0 { s.lowercased() } else { nil } })
                for tag in found where seen.insert(tag.lowercased()).inserted {
                    list.append(.string(tag))
                }
                record.values[derivation.targetSlot] = .list(list)
            case .calendar(let index):
                guard case .date(let day) = source, record.values[derivation.targetSlot] == nil else { continue }
                if let period = calendars[index].period(containing: day) {
                    record.values[derivation.targetSlot] = .string(period.name)
                }
            }
        }
    }
}
