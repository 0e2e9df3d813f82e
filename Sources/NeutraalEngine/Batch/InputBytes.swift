import Foundation

/// Reading a whole input with a bound on its size: a device, a pipe or a file larger than any description
/// file could be is refused once the bound is passed, rather than read until memory runs out.
public enum InputBytes {
    /// The largest input read whole (a JSON document, a post, or standard input that is not JSON Lines).
    public static let maximumSize = 512 * 1024 * 1024

    /// Why an input could not be read whole.
    public enum Problem: Error, Equatable {
        case unreadable
        /// More than `maximumSize` bytes (or the bound given): reading stopped there.
        case tooLarge
        /// A NUL byte among the first `binaryWindow` bytes: not text, so not read further.
        case binary
    }

    /// How far into an input a NUL byte makes it binary.
    public static let binaryWindow = 4096

    /// The next bytes of standard input or another stream: up to `count` bytes, fewer only at its end (none
    /// once it has ended), or nil when reading fails.
    public typealias Pieces = (_ count: Int) -> [UInt8]?

    /// Up to `count` bytes read from `descriptor` (fewer only at its end), or nil when reading fails.
    public static func read(_ descriptor: Int32, upTo count: Int) -> [UInt8]? {
        BatchEvaluator.read(descriptor, after: [], upTo: count)
    }

    /// `first` and everything `pieces` gives after it, until the stream ends or passes `limit` bytes; an
    /// input with a NUL byte near its start is refused as soon as that is read.
    public static func readAll(after first: [UInt8] = [], pieces: Pieces, limit: Int = maximumSize) -> Result<[UInt8], Problem> {
        var parts = [first]
        var total = first.count
        // whether the start has been looked at for a NUL byte: as soon as the window is read, or at the end
        var startChecked = false
        func binaryStart() -> Bool {
            startChecked = true
            return parts.joined().prefix(binaryWindow).contains(0)
        }
        if first.prefix(binaryWindow).contains(0) || total >= binaryWindow, binaryStart() { return .failure(.binary) }
        while total <= limit {
            guard let piece = pieces(min(1 << 20, limit + 1 - total)) else { return .failure(.unreadable) }
            if piece.isEmpty { break }
            total += piece.count
            parts.append(piece)
            if !startChecked, total >= binaryWindow, binaryStart() { return .failure(.binary) }
        }
        if !startChecked, binaryStart() { return .failure(.binary) }
        if total > limit { return .failure(.tooLarge) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(total)
        for part in parts { bytes += part }
        return .success(bytes)
    }

    /// The whole file at `path`, at most `limit` bytes.
    public static func readFile(_ path: String, limit: Int = maximumSize) -> Result<[UInt8], Problem> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(.unreadable) }
        defer { close(descriptor) }
        return readAll(pieces: { read(descriptor, upTo: $0) }, limit: limit)
    }
}
