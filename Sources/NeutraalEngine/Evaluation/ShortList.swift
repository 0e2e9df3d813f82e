/// A list that is most often short, with its first element kept inline: a list of one allocates nothing
/// (most records search their text with one pattern, or one group of patterns). Elements stay in the
/// order they were appended.
struct ShortList<Element> {
    /// The first element, nil while the list is empty.
    private var head: Element?
    /// The elements after the first.
    private var tail: [Element] = []

    var isEmpty: Bool { head == nil }

    /// Adds an element at the end.
    mutating func append(_ element: Element) {
        if head == nil {
            head = element
        } else {
            tail.append(element)
        }
    }

    /// The first element, in order, that `matches` accepts (nil when none does).
    func first(where matches: (Element) throws -> Bool) rethrows -> Element? {
        guard let head else { return nil }
        if try matches(head) { return head }
        return try tail.first(where: matches)
    }

    /// Empties the list (keeping the room of the elements after the first when `keepingCapacity`).
    mutating func removeAll(keepingCapacity: Bool) {
        head = nil
        if !tail.isEmpty { tail.removeAll(keepingCapacity: keepingCapacity) }
    }
}
