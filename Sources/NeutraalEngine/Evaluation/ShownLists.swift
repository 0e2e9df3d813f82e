/// The lists of cases shown as evidence lately, each with the text it is shown as (`party-member,
/// partijleider`): the same lists come back record after record, and joining their names costs some
/// 700 instructions where finding the text again costs a few dozen. A small table indexed by the list's
/// key (`DisplayNames.listKey`), an entry overwritten by the next list of the same index; one per worker,
/// kept in its trace from one description to the next.
struct ShownLists {
    private static let size = 64
    private var keys = [UInt64](repeating: .max, count: ShownLists.size)
    private var texts = [String](repeating: "", count: ShownLists.size)

    /// The text of the list `key` stands for: the one kept, or `make()` kept from now on.
    @inline(__always)
    mutating func text(for key: UInt64, _ make: () -> String) -> String {
        let index = Int(truncatingIfNeeded: ((key ^ key >> 29) &* 0x9E37_79B9_7F4A_7C15) >> 58)
        if keys[index] == key { return texts[index] }
        let text = make()
        keys[index] = key
        texts[index] = text
        return text
    }
}
