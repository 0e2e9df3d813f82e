/// A list that is most often short, with its first element kept inline: a list of one allocates nothing
/// (most records search their text with one pattern, or one group of patterns). Elements stay in the
/// order they were appended.
///
/// The elements after the first are a work list (see `WorkList`): emptied for every record by setting its
/// count, where an array's `removeAll(keepingCapacity:)` goes through `replaceSubrange`. Like a work list,
/// a copy shares that room: a short list is changed only where its scope is kept.
struct ShortList<Element> {
    /// The first element, nil while the list is empty.
    private var head: Element?
    /// The elements after the first.
    private var tail = WorkList<Element>()

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

    /// Empties the list (keeping the room of the elements after the first, whether `keepingCapacity` or not).
    mutating func removeAll(keepingCapacity: Bool) {
        head = nil
        tail.trim(to: 0)
    }
}
