/// Computes the derived facts the vocabulary declares (`derive` blocks) for a freshly read record.
public enum Derivations {
    /// Applies every derivation of the top-level layout to `record`.
    public static func apply(_ vocabulary: Vocabulary, to record: inout Record) {
        apply(vocabulary.derivations, calendars: vocabulary.calendars, to: &record)
    }

    /// Applies `derivations` (reading `calendars`) to a top-level record. `textWithoutHash`, when not -1, is
    /// where a text of the record read in place starts that the reader found to hold no `#` as it looked for
    /// the text's end (see `DirectRecordReader.Cursor.textWithoutHash`): a text that has no tags, known
    /// without looking at its bytes again.
    static func apply(_ derivations: [Derivation], calendars: [Calendar], to record: inout Record, textWithoutHash: Int32 = -1) {
        // by index, reading the fields it needs, rather than copying each derivation (and its names)
        for index in derivations.indices {
            let sourceSlot = derivations[index].sourceSlot
            let targetSlot = derivations[index].targetSlot
            switch derivations[index].op {
            case .hashtags:
                if textWithoutHash >= 0, record.values.textStart(at: sourceSlot) == textWithoutHash { continue }
                // the text's bytes looked at where they are (a text read in place is not spelled out); a text
                // without `#` (most) has no tags: told by one `memchr`, with no list made and let go of
                guard let found = record.values.withTextBytes(at: sourceSlot, { bytes -> [String]? in
                    guard let firstHash = ByteScan.firstIndex(of: UInt8(ascii: "#"), in: bytes, from: 0) else { return nil }
                    return hashtags(utf8: bytes, firstHash: firstHash) ?? scalarHashtags(in: String(decoding: bytes, as: UTF8.self))
                }) ?? nil, !found.isEmpty else { continue }
                var list: [FactValue] = []
                if case .list(let existing)? = record.values.nonTextValue(at: targetSlot) {
                    list = existing
                    // the slot lets go of the list, which is then extended in place rather than copied
                    record.values[targetSlot] = nil
                }
                // a tag is added unless the list has it already, without regard to case: a handful of
                // tags, compared one by one without lower-casing them into new strings
                for tag in found where !list.contains(where: { Self.isText($0, equalIgnoringCaseTo: tag) }) {
                    list.append(.string(tag))
                }
                record.values[targetSlot] = .list(list)
            case .calendar(let calendar):
                guard let day = record.values.date(at: sourceSlot), record.values.isEmpty(at: targetSlot),
                      let name = periodName(in: calendars, calendar, containing: day) else { continue }
                record.values[targetSlot] = .string(name)
            }
        }
    }

    /// Whether `value` is a text equal to `tag` without regard to case (as their lower-cased forms are equal).
    private static func isText(_ value: FactValue, equalIgnoringCaseTo tag: String) -> Bool {
        if case .string(let text) = value { return FactValue.equalIgnoringCase(text, tag) }
        return false
    }

    /// The name of the period of `calendars[calendar]` that `day` falls in, as `Calendar.period(containing:)`
    /// finds it (looked up in its day table, see `Calendar.periodIndex(containing:)`), read in place (no copy
    /// of the calendar, its names and its periods per record). Inlined: a look-up in the table is a few
    /// instructions, fewer than the call.
    @inline(__always)
    private static func periodName(in calendars: [Calendar], _ calendar: Int, containing day: Int32) -> String? {
        guard let index = calendars[calendar].periodIndex(containing: day) else { return nil }
        return calendars[calendar].periods[index].name
    }
}
