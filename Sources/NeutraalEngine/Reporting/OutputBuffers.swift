import Foundation

/// The memory that a batch's units of work render their text into, given back once the text is written
/// out and handed to the next unit's writer.
///
/// A unit's text (about 1.3 MB for a piece of half a megabyte) was written into fresh memory on a worker
/// and freed on the thread that wrote it out; the allocator, its threshold for handing large blocks back to
/// the system moving with the sizes freed, returned many of them, and their pages were then faulted in and
/// cleared by the kernel as the next unit's text was written (the largest part of the page faults of a
/// million records). A few blocks going round keep their pages.
final class OutputBuffers: @unchecked Sendable {
    private let lock = NSLock()
    private var spare: [(base: UnsafeMutablePointer<UInt8>, capacity: Int)] = []
    /// The most blocks kept waiting; more given back are freed.
    let keep: Int

    init(keep: Int) {
        self.keep = max(1, keep)
    }

    deinit {
        for block in spare { block.base.deallocate() }
    }

    /// A block of at least `capacity` bytes (one given back, or a new one a little larger, so that it
    /// also fits a slightly longer unit later) and its capacity; its bytes are whatever they were.
    func take(capacity: Int) -> (base: UnsafeMutablePointer<UInt8>, capacity: Int) {
        lock.lock()
        if let index = spare.lastIndex(where: { $0.capacity >= capacity }) {
            let block = spare.remove(at: index)
            lock.unlock()
            return block
        }
        lock.unlock()
        let roomy = capacity + capacity / 16
        return (UnsafeMutablePointer<UInt8>.allocate(capacity: roomy), roomy)
    }

    /// Keeps a block allocated with `UnsafeMutablePointer.allocate` for a later unit. When `keep` blocks
    /// are waiting already, the smallest of them and it is freed: small units (short files of a batch, the
    /// end of a file) do not crowd out the blocks that the pieces of a large file need.
    func give(_ base: UnsafeMutablePointer<UInt8>, capacity: Int) {
        lock.lock()
        guard spare.count >= keep else {
            spare.append((base, capacity))
            lock.unlock()
            return
        }
        var freed = base
        if let smallest = spare.indices.min(by: { spare[$0].capacity < spare[$1].capacity }), spare[smallest].capacity < capacity {
            freed = spare[smallest].base
            spare[smallest] = (base, capacity)
        }
        lock.unlock()
        freed.deallocate()
    }

    /// The blocks waiting to be handed out.
    var waiting: Int {
        lock.lock()
        defer { lock.unlock() }
        return spare.count
    }
}
