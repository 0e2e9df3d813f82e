import Foundation

/// A file descriptor (one of the process's standard streams, or a report file) written with `write(2)` straight
/// from the caller's memory.
///
/// A write that fails (standard output closed with `>&-`, a full disk, `/dev/full`) is never a crash: the
/// stream remembers the first failure, writes nothing more, and the command reports it when it is done
/// (see `Console.outputProblem`).
final class StandardStream: @unchecked Sendable {
    /// The file descriptor written to.
    let descriptor: Int32
    private let lock = NSLock()
    private var failure: Int32?

    init(_ descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The `errno` of the first write that failed, if any.
    var failedWith: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return failure
    }

    /// Writes the UTF-8 bytes of `text`.
    func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes all of `bytes`, resuming after interruptions and partial writes; stops at the first error
    /// and writes nothing after it.
    func write(_ bytes: UnsafeRawBufferPointer) {
        lock.lock()
        defer { lock.unlock() }
        guard failure == nil, var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            #if canImport(Glibc)
            let written = Glibc.write(descriptor, next, left)
            #else
            let written = Darwin.write(descriptor, next, left)
            #endif
            if written < 0 {
                if errno == EINTR { continue }
                failure = errno
                return
            }
            next += written
            left -= written
        }
    }
}
