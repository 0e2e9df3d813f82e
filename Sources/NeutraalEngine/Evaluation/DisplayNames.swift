/// The names that enumeration values are shown as in evidence, looked up by layout and slot: built once
/// per evaluator, so that showing a value returns the case's stored name instead of going through the
/// field's type (an indirect enum read from a layout) each time.
struct DisplayNames: Sendable {
    /// For each layout, for each slot: the case names of the field's enumeration, and whether the field
    /// is a list of them (nil for a field that is neither an enumeration nor a list of one).
    private let names: [[(cases: [String], isList: Bool)?]]

    init(_ vocabulary: Vocabulary) {
        names = vocabulary.layouts.map { layout in
            layout.fields.map { field in
                switch field.type {
                case .enumeration(let index):
                    return (vocabulary.enums[index].cases.map(\.name), false)
                case .list(.enumeration(let index)):
                    return (vocabulary.enums[index].cases.map(\.name), true)
                default:
                    return nil
                }
            }
        }
    }

    /// The case names for the field at `slot` of `layout` when it is an enumeration (`list` false) or a
    /// list of one (`list` true); nil otherwise.
    private func caseNames(layout: Int, slot: Int, list: Bool) -> [String]? {
        guard layout < names.count, slot < names[layout].count, let entry = names[layout][slot], entry.isList == list else { return nil }
        return entry.cases
    }

    /// The value as `Evaluator.display(_:type:vocabulary:)` shows it, when the names settle it: a case of
    /// the field's enumeration, or a list of them (nil: show it the general way).
    func display(_ value: FactValue, layout: Int, slot: Int) -> String? {
        switch value {
        case .symbol(let index):
            guard let cases = caseNames(layout: layout, slot: slot, list: false) else { return nil }
            return Self.name(index, in: cases)
        case .list(let items):
            guard let cases = caseNames(layout: layout, slot: slot, list: true) else { return nil }
            return Self.joinedNames(items, in: cases)
        default:
            return nil
        }
    }

    /// The name of case `index` (nil when there is no such case).
    private static func name(_ index: Int32, in cases: [String]) -> String? {
        index >= 0 && Int(index) < cases.count ? cases[Int(index)] : nil
    }

    /// The names of a list of cases joined by `, ` (nil when an item is not one of the cases).
    private static func joinedNames(_ items: [FactValue], in cases: [String]) -> String? {
        var text = ""
        for (position, item) in items.enumerated() {
            guard case .symbol(let index) = item, let name = name(index, in: cases) else { return nil }
            if position > 0 { text += ", " }
            text += name
        }
        return text
    }
}
