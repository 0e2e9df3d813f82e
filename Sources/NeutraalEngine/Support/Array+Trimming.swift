/// Shortening an array in place, keeping its room, one element at a time from the end; and writing over its
/// elements in turn, for an array whose room is used again.
///
/// `removeAll(keepingCapacity:)` and `removeSubrange(_:)` go through `replaceSubrange`, whose general path
/// costs a few hundred instructions even for a handful of elements; the evaluator empties its short lists
/// for every record (a trace holds a few pieces of evidence, a record a few texts), where removing the last
/// element until the list is short enough is a few instructions each.
extension Array {
    /// Removes the elements from `count` on (nothing when the array is not longer), keeping the room.
    @inline(__always)
    mutating func trim(to count: Int) {
        while self.count > Swift.max(count, 0) { removeLast() }
    }

    /// Writes `element` at `index`, over the element there, or appends it when `index` is the count (never more): for a
    /// list read into one that still holds an earlier list's elements (see `SpareLists.take()`), which are
    /// written over rather than removed one by one first.
    @inline(__always)
    mutating func write(_ element: consuming Element, at index: Int) {
        if index < count { self[index] = element } else { append(element) }
    }
}
