/// The names that enumeration values are shown as in evidence, looked up by layout and slot: built once
/// per evaluator (and once per rule set, for the names its evidence's keys stand for), so that showing a value returns the case's stored name instead of going through the
/// field's type (an indirect enum read from a layout) each time.
///
/// Flat tables of plain values: the case names of every field's enumeration one after another in `names`,
/// and per field (`fieldBase[layout] + slot`) where its names start, how many there are, and whether the
/// field is a list of them. A look-up reads two integers and one name, with nothing to retain but the name.
struct DisplayNames: Sendable {
    /// Where a field's case names are in `names`; `count` is -1 for a field that is neither an enumeration
    /// nor a list of one.
    private struct Field: Sendable {
        var start: Int32
        var count: Int32
        var isList: Bool
    }

    /// The case names of every enumeration field, one field after another (a name's index is its key, see
    /// `EvidenceKeys`).
    let names: [String]
    private let fields: [Field]
    /// Where each layout's fields start in `fields`.
    private let fieldBase: [Int]

    init(_ vocabulary: Vocabulary) {
        var names: [String] = []
        var fields: [Field] = []
        var fieldBase: [Int] = []
        for layout in vocabulary.layouts {
            fieldBase.append(fields.count)
            for field in layout.fields {
                let enumeration: (index: Int, isList: Bool)?
                switch field.type {
                case .enumeration(let index): enumeration = (index, false)
                case .list(.enumeration(let index)): enumeration = (index, true)
                default: enumeration = nil
                }
                guard let enumeration else {
                    fields.append(Field(start: 0, count: -1, isList: false))
                    continue
                }
                let cases = vocabulary.enums[enumeration.index].cases.map(\.name)
                fields.append(Field(start: Int32(names.count), count: Int32(cases.count), isList: enumeration.isList))
                names += cases
            }
        }
        self.names = names
        self.fields = fields
        self.fieldBase = fieldBase
    }

    /// The field at `slot` of `layout` when it is an enumeration (`list` false) or a list of one (`list` true).
    private func field(layout: Int, slot: Int, list: Bool) -> Field? {
        guard layout >= 0, layout < fieldBase.count, slot >= 0 else { return nil }
        let index = fieldBase[layout] + slot
        let end = layout + 1 < fieldBase.count ? fieldBase[layout + 1] : fields.count
        guard index < end, fields[index].count >= 0, fields[index].isList == list else { return nil }
        return fields[index]
    }

    /// The value as `Evaluator.display(_:type:vocabulary:)` shows it, when the names settle it: a case of
    /// the field's enumeration, or a list of them (nil: show it the general way).
    func display(_ value: FactValue, layout: Int, slot: Int) -> String? {
        switch value {
        case .symbol(let index):
            guard let field = field(layout: layout, slot: slot, list: false) else { return nil }
            return name(index, of: field)
        case .list(let items):
            guard let field = field(layout: layout, slot: slot, list: true) else { return nil }
            return joinedNames(items, of: field)
        default:
            return nil
        }
    }

    /// A number that stands for a list of two to six cases of the list field at `slot` of `layout` (the
    /// field and each case, in order), for `ShownLists`; nil for any other value or field.
    func listKey(_ items: [FactValue], layout: Int, slot: Int) -> UInt64? {
        guard items.count >= 2, items.count <= 6, let field = field(layout: layout, slot: slot, list: true),
              field.start >= 0, field.start < 1 << 20 else { return nil }
        // the field's first name (20 bits), the count (3 bits), each case (7 bits)
        var key = UInt64(field.start) << 44 | UInt64(items.count) << 41
        for (position, item) in items.enumerated() {
            guard case .symbol(let index) = item, index >= 0, index < 128 else { return nil }
            key |= UInt64(index) << UInt64(7 * position)
        }
        return key
    }

    /// Where the name of case `index` of the enumeration field at `slot` of `layout` is in `names` (nil when
    /// the field is not an enumeration or has no such case).
    func key(of index: Int32, layout: Int, slot: Int) -> Int32? {
        guard let field = field(layout: layout, slot: slot, list: false), index >= 0, index < field.count else { return nil }
        return field.start + index
    }

    /// The name of case `index` of the field's enumeration (nil when there is no such case).
    private func name(_ index: Int32, of field: Field) -> String? {
        index >= 0 && index < field.count ? names[Int(field.start + index)] : nil
    }

    /// The names of a list of cases joined by `, ` (nil when an item is not one of the cases): measured
    /// first, then written into one string's storage (appending would grow it once or twice on the way).
    private func joinedNames(_ items: [FactValue], of field: Field) -> String? {
        if items.count == 1, case .symbol(let index) = items[0] { return name(index, of: field) }
        var count = 0
        for item in items {
            guard case .symbol(let index) = item, index >= 0, index < field.count else { return nil }
            count += names[Int(field.start + index)].utf8.count
        }
        count += max(0, items.count - 1) * 2
        return String(unsafeUninitializedCapacity: count) { buffer in
            var end = 0
            for (position, item) in items.enumerated() {
                guard case .symbol(let index) = item else { continue }
                if position > 0 {
                    buffer[end] = UInt8(ascii: ",")
                    buffer[end + 1] = UInt8(ascii: " ")
                    end += 2
                }
                var name = names[Int(field.start + index)]
                end += name.withUTF8 { UnsafeMutableBufferPointer(rebasing: buffer[end...]).update(fromContentsOf: $0) }
            }
            return end
        }
    }
}
