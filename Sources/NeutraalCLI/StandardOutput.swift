import Foundation

/// Writes bytes to the process's standard output with `write(2)`, straight from the caller's memory.
enum StandardOutput {
    /// Writes all of `bytes`, resuming after interruptions and partial writes; stops at the first error
    /// (a closed pipe, say), as a program that writes to a reader that went away does.
    static func write(_ bytes: UnsafeRawBufferPointer) {
        guard var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            #if canImport(Glibc)
            let written = Glibc.write(STDOUT_FILENO, next, left)
            #else
            let written = Darwin.write(STDOUT_FILENO, next, left)
            #endif
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            next += written
            left -= written
        }
    }
}
