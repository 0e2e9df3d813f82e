/// Scans of byte buffers eight bytes at a time (on little-endian machines; byte by byte elsewhere), for
/// the hot loops of reading: the end of a JSON string, a `#` in a text.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of the lowest lane that is zero is set (higher lanes may be set spuriously).
    @inline(__always)
    private static func zeroLanes(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & highs
    }

    /// Whether a byte ends the plain run of a JSON string: `"`, `\`, a control character, or a byte of 0x80 or more.
    @inline(__always)
    static func isStringStop(_ byte: UInt8) -> Bool {
        byte == 0x22 || byte == 0x5C || byte < 0x20 || byte >= 0x80
    }

    /// The index of the first byte in `buffer[start..<end]` for which `isStringStop` holds, or `end`.
    static func firstStringStop(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var index = start
        #if _endian(little)
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= end {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let stops = zeroLanes(word ^ (ones &* 0x22)) | zeroLanes(word ^ (ones &* 0x5C))
                    | ((word &- ones &* 0x20) & ~word & highs) | (word & highs)
                if stops != 0 { return index + stops.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        #endif
        while index < end, !isStringStop(buffer[index]) { index += 1 }
        return index
    }

    /// Whether `buffer` holds `byte`.
    static func contains(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        #if _endian(little)
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            let pattern = ones &* UInt64(byte)
            while index + 8 <= buffer.count {
                if zeroLanes(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ pattern) != 0 { return true }
                index += 8
            }
        }
        #endif
        while index < buffer.count {
            if buffer[index] == byte { return true }
            index += 1
        }
        return false
    }
}
