import Foundation

/// The arrays that the pieces of a JSON Lines file are read into, given back when the unit of work that
/// held one is freed and handed out again for the next piece.
///
/// A fresh array of half a megabyte for every piece cost more than reading into it: the allocator, its
/// threshold for handing large blocks back to the system moving with the sizes freed, returned many of
/// them, and each of their pages was then faulted in and cleared by the kernel on the next read (about a
/// quarter of the reading thread's time over a million records). A few arrays going round keep their
/// pages. A piece's `SourceText` gives its bytes back when it is freed (on the worker that dropped it),
/// so an array is handed out again only once nothing reads it; should anything still hold one, changing
/// it makes a copy, as arrays do, and nothing is lost but the saving.
///
/// A piece is an array cut down to the bytes read; handed out again, it is lengthened to the room asked for
/// (with zeros, usually a few hundred bytes: a piece is cut at its last line end), so that the next piece
/// can be read straight into it.
final class PieceBuffers: @unchecked Sendable {
    private let lock = NSLock()
    private var spare: [[UInt8]] = []
    /// The most arrays kept waiting; more given back are freed.
    let keep: Int

    init(keep: Int) {
        self.keep = max(1, keep)
    }

    /// An array of `count` bytes with room for `count` (one given back, or a new one), to be written over.
    func take(count: Int) -> [UInt8] {
        lock.lock()
        guard let index = spare.lastIndex(where: { $0.capacity >= count }) else {
            lock.unlock()
            // with room to spare: the next piece may carry a longer unfinished line over
            var bytes = [UInt8](repeating: 0, count: count + count / 64)
            bytes.removeLast(count / 64)
            return bytes
        }
        var bytes = spare.remove(at: index)
        lock.unlock()
        if bytes.count > count {
            bytes.removeLast(bytes.count - count)
        }
        // lengthened by copies of a page of zeros (appending a repeated zero goes byte by byte)
        Self.zeros.withUnsafeBufferPointer { zeros in
            while bytes.count < count {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: zeros.prefix(count - bytes.count)))
            }
        }
        return bytes
    }

    /// Zeros to lengthen an array with.
    private static let zeros = [UInt8](repeating: 0, count: 4_096)

    /// Keeps `bytes` for a later piece. When `keep` arrays are waiting already, the smaller of the smallest
    /// of them and `bytes` is freed, so that a short array (the unfinished line at the end of a file) does
    /// not take the place of one that a piece fits in.
    func give(_ bytes: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        guard spare.count >= keep else { return spare.append(bytes) }
        if let smallest = spare.indices.min(by: { spare[$0].capacity < spare[$1].capacity }), spare[smallest].capacity < bytes.capacity {
            spare[smallest] = bytes
        }
    }

    /// The arrays waiting to be handed out.
    var waiting: Int {
        lock.lock()
        defer { lock.unlock() }
        return spare.count
    }
}
