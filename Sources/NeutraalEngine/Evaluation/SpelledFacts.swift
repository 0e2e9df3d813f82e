/// The fact paths of elements of top-level lists (`sections[2].draftedBy`) spelled so far, kept from one
/// description to the next: a batch spells each path once and then shares the string (spelling one costs
/// an allocation and a copy of every byte; sharing it, a retain).
///
/// A path is known by the list's path, the element's number (from 1) and the field's path number
/// (`FieldTest.pathKey`), which together spell it exactly; the numbers are compared first, the list's path
/// (most often the very same string) last. A short list beats a hash table here: a rule set has few lists
/// of objects and their elements are few.
struct SpelledFacts {
    private var known: [(list: String, number: Int, field: Int32, fact: String)] = []
    /// How many paths are kept at most (a batch with longer lists spells the rest each time).
    static let limit = 256

    /// The path of field `field` of element `number` of the list at `list`, when it was spelled before.
    func fact(list: String, number: Int, field: Int32) -> String? {
        for index in known.indices where known[index].number == number && known[index].field == field && known[index].list == list {
            return known[index].fact
        }
        return nil
    }

    /// Keeps a path just spelled (while there is room).
    mutating func keep(_ fact: String, list: String, number: Int, field: Int32) {
        if known.count < Self.limit { known.append((list, number, field, fact)) }
    }

    /// How many paths are kept.
    var count: Int { known.count }
}
