/// Text rendered into a `JSONBytes` buffer and handed on without a copy: the memory the writer filled,
/// owned by this object until it is freed (after the text has been written out).
public final class RenderedBytes: @unchecked Sendable {
    private let base: UnsafeMutablePointer<UInt8>
    /// The number of bytes.
    public let count: Int
    /// The bytes allocated at `base`.
    private let capacity: Int
    /// Where the memory goes when this object is freed (nil: it is freed too).
    private let spare: OutputBuffers?

    /// Takes over `count` initialised bytes at `base`, `capacity` bytes allocated with
    /// `UnsafeMutablePointer.allocate`, to be given back to `spare` (or freed, without one).
    init(taking base: UnsafeMutablePointer<UInt8>, count: Int, capacity: Int, returningTo spare: OutputBuffers?) {
        self.base = base
        self.count = count
        self.capacity = capacity
        self.spare = spare
    }

    deinit {
        if let spare { spare.give(base, capacity: capacity) } else { base.deallocate() }
    }

    /// Calls `body` with the bytes.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// The bytes, valid while this object lives.
    var buffer: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base, count: count)
    }

    /// A copy of the bytes as an array.
    public var bytes: [UInt8] {
        withUnsafeBytes { [UInt8]($0) }
    }
}
