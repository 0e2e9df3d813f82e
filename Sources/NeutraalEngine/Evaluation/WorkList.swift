/// A list that the evaluator's workspace keeps from one description to the next, emptied and filled
/// again in its own room: its elements in one allocation (a `ManagedBuffer`) with their count and
/// capacity in its header.
///
/// An array checks that its buffer is not shared before every change (`append`, `removeLast`, each
/// element removed by `trim(to:)`): a call into the runtime each time, several dozen a description for the
/// trace and the rooms of the evidence alone. A work list makes no such check, and empties itself with
/// one `deinitialize(count:)` (nothing at all for elements that hold no reference, such as evidence kept
/// as numbers) rather than one `removeLast()` per element.
///
/// The price is the semantics of a reference: a copy of a work list shares its room, and a change made
/// through one copy shows through the other. Work lists are therefore kept only where one owner changes
/// them in place (the trace of a workspace and the lists of its scope, passed `inout`); a copy is only read,
/// never changed (as the tests read a trace).
struct WorkList<Element>: RandomAccessCollection {
    /// The room: the header, then the elements; its `deinit` destroys the elements there are.
    private final class Storage: ManagedBuffer<WorkListHeader, Element> {
        deinit {
            withUnsafeMutablePointers { header, elements in
                _ = elements.deinitialize(count: header.pointee.count)
            }
        }
    }

    /// The room's header and first element, read from here rather than through `storage`: using a pointer
    /// counts nothing, where every use of the reference would retain and release it. Valid while `storage`
    /// lives; while there is no room, the header is `WorkListHeader.none` and there are no elements.
    private var header = WorkListHeader.none
    private var elements: UnsafeMutablePointer<Element>?
    /// Keeps the room alive, and frees it with the last copy; read only when the list grows. Nil until the
    /// first element is added: an empty list (a trace that records nothing, the scope of an element)
    /// allocates nothing.
    private var storage: Storage?

    init() {}

    var startIndex: Int { 0 }

    @inline(__always)
    var endIndex: Int { header.pointee.count }

    /// Room for how many elements there is without a new allocation.
    var capacity: Int { header.pointee.capacity }

    /// Element `position`, bounds checked as an array's.
    @inline(__always)
    subscript(position: Int) -> Element {
        get {
            guard position >= 0, position < header.pointee.count, let elements else { preconditionFailure("WorkList index out of range") }
            return elements[position]
        }
        set {
            guard position >= 0, position < header.pointee.count, let elements else { preconditionFailure("WorkList index out of range") }
            elements[position] = newValue
        }
    }

    /// Adds an element at the end (room for 8 at the first, then twice as much each time it is full). The
    /// element is taken over (moved into the room, not copied and counted once more).
    @inline(__always)
    mutating func append(_ element: consuming Element) {
        let count = header.pointee.count
        if count == header.pointee.capacity { grow(to: Swift.max(8, count * 2)) }
        guard let elements else { preconditionFailure("WorkList without room") }
        (elements + count).initialize(to: element)
        header.pointee.count = count + 1
    }

    /// Removes the elements from `count` on (nothing when the list is not longer), keeping the room. The
    /// elements are destroyed one at a time: `deinitialize(count:)` of more than one goes through the
    /// runtime's generic array destroy.
    @inline(__always)
    mutating func trim(to count: Int) {
        var current = header.pointee.count
        guard current > count, let elements else { return }
        let kept = Swift.max(count, 0)
        while current > kept {
            current -= 1
            (elements + current).deinitialize(count: 1)
        }
        header.pointee.count = kept
    }

    /// Removes the last element and returns it (moved out of the room, not copied); nil when the list is empty.
    @inline(__always)
    mutating func popLast() -> Element? {
        let count = header.pointee.count
        guard count > 0, let elements else { return nil }
        header.pointee.count = count - 1
        return (elements + (count - 1)).move()
    }

    /// Makes room for at least `count` elements.
    mutating func reserveCapacity(_ count: Int) {
        if count > capacity { grow(to: count) }
    }

    /// Moves the elements into a room for `capacity` elements (out of line: lists reach their size within a
    /// few descriptions and keep it).
    @inline(never)
    private mutating func grow(to capacity: Int) {
        let room = unsafeDowncast(Storage.create(minimumCapacity: capacity) { _ in WorkListHeader(count: 0, capacity: capacity) },
                                  to: Storage.self)
        let (newHeader, newElements) = room.withUnsafeMutablePointers { ($0, $1) }
        let count = header.pointee.count
        if count > 0, let elements {
            newElements.moveInitialize(from: elements, count: count)
            newHeader.pointee.count = count
            // the elements are the new room's now: the old one must not destroy them
            header.pointee.count = 0
        }
        header = newHeader
        elements = newElements
        storage = room
    }
}

/// How many elements a work list has, and room for how many.
struct WorkListHeader {
    var count: Int
    var capacity: Int

    /// The header of every work list without a room: no element and no capacity. Never written: such a list
    /// grows before it adds an element, and has none to remove.
    nonisolated(unsafe) static let none: UnsafeMutablePointer<WorkListHeader> = {
        let header = UnsafeMutablePointer<WorkListHeader>.allocate(capacity: 1)
        header.initialize(to: WorkListHeader(count: 0, capacity: 0))
        return header
    }()
}
