import Foundation

/// Scans of byte buffers for the hot loops of reading: the end of a JSON string sixteen bytes at a time
/// (SIMD compares, which compile to a few vector instructions; on little-endian machines, byte by byte
/// elsewhere), a `#` in a text with `memchr`.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether a byte ends the plain run of a JSON string: `"`, `\`, a control character, or a byte of 0x80 or more.
    @inline(__always)
    static func isStringStop(_ byte: UInt8) -> Bool {
        byte == 0x22 || byte == 0x5C || byte < 0x20 || byte >= 0x80
    }

    /// For the eight bytes of a little-endian word: the high bit of the lowest lane whose byte is a string
    /// stop (see `isStringStop`; with `orHash`, a `#` too) is set, and no bit of a lower lane; higher lanes
    /// may be set spuriously (a borrow only starts in a lane that is a stop). Zero when no byte is a stop.
    @inline(__always)
    static func stringStops(_ word: UInt64, orHash: Bool = false) -> UInt64 {
        // a lane of `x &- ones` has its high bit set when the lane of x is 0 (or already 0x81 and above,
        // which only happens for a byte of 0x80 and above, itself a stop); `word &- 0x20…` likewise for
        // bytes below 0x20 (or of 0xA0 and above)
        let quotes = (word ^ (ones &* 0x22)) &- ones
        let backslashes = (word ^ (ones &* 0x5C)) &- ones
        let controls = word &- (ones &* 0x20)
        let hashes = orHash ? (word ^ (ones &* 0x23)) &- ones : 0
        return (quotes | backslashes | controls | hashes | word) & highs
    }

    /// The string stops (see `isStringStop`; with `orHash`, a `#` too) among sixteen bytes, as a byte of all
    /// ones for each, in two little-endian words: the first eight bytes, then the last eight.
    @inline(__always)
    static func stringStopLanes(_ block: SIMD16<Int8>, orHash: Bool = false) -> SIMD2<UInt64> {
        // a mask of sixteen lanes is sixteen bytes of 0 or all ones
        unsafeBitCast(stopMask(block, orHash: orHash), to: SIMD2<UInt64>.self)
    }

    /// The string stops (see `isStringStop`; with `orHash`, a `#` too) among sixteen bytes, as a mask.
    @inline(__always)
    private static func stopMask(_ block: SIMD16<Int8>, orHash: Bool) -> SIMDMask<SIMD16<Int8>> {
        // as signed bytes, those of 0x80 and above are negative, so one `<` takes them with the control
        // characters; with bit 1 flipped, the quote (0x22) becomes 0x20 and the control characters stay
        // below it, so `< 0x21` takes the quote too (the space becomes 0x22, `#` 0x21: neither taken, or
        // `#` taken too by `<= 0x21`), one compare fewer for each sixteen bytes. The operands are typed in
        // full so that the concrete (vector) operations are chosen.
        (flipped(block) .<= lastStopFlipped(orHash: orHash)) .| (block .== SIMD16<Int8>(repeating: 0x5C))
    }

    /// The bytes of `block` with bit 1 flipped, as `stopMask` compares them.
    @inline(__always)
    private static func flipped(_ block: SIMD16<Int8>) -> SIMD16<Int8> {
        block ^ SIMD16<Int8>(repeating: 0x02)
    }

    /// The largest flipped byte that is a stop (the quote, 0x22, flipped; with `orHash`, `#`, 0x23, flipped).
    @inline(__always)
    private static func lastStopFlipped(orHash: Bool) -> SIMD16<Int8> {
        SIMD16<Int8>(repeating: orHash ? 0x21 : 0x20)
    }

    /// The index of the first byte in `buffer[start..<end]` for which `isStringStop` holds, or `end`.
    /// `start` and `end` must lie within the buffer.
    static func firstStringStop(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        firstStop(buffer, from: start, to: end, orHash: false)
    }

    /// `firstStringStop`, stopping at a `#` too: the reader learns from the scan for the end of a long text
    /// (which looks at every byte anyway) whether it holds a `#` (see `DirectRecordReader.Cursor.longTextSlot`),
    /// at no cost for each sixteen bytes (the signed compare's bound is one higher).
    static func firstStringStopOrHash(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        firstStop(buffer, from: start, to: end, orHash: true)
    }

    /// `firstStringStop`, or `firstStringStopOrHash` with `orHash`.
    @inline(__always)
    private static func firstStop(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, orHash: Bool) -> Int {
        var index = start
        #if _endian(little)
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            // the index lies within the buffer, whose size is far from `Int.max`: a block's end past it cannot
            // overflow, and the sums below are not checked (a check and a branch for every block of a text)
            // long runs (the words of a text) thirty-two bytes at a time, one test for both halves
            while index &+ 32 <= end {
                let first = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<Int8>.self)
                let second = raw.loadUnaligned(fromByteOffset: index &+ 16, as: SIMD16<Int8>.self)
                // the bytes that pass the signed compare (no quote, control or high byte), less the backslashes:
                // the compare's result is kept rather than turned into the stops, one operation fewer a half
                let bound = Self.lastStopFlipped(orHash: orHash)
                let passing = (Self.flipped(first) .> bound) .& (Self.flipped(second) .> bound)
                let backslashes = (first .== SIMD16<Int8>(repeating: 0x5C)) .| (second .== SIMD16<Int8>(repeating: 0x5C))
                let plain = unsafeBitCast(passing .& .!backslashes, to: SIMD2<UInt64>.self)
                if plain[0] & plain[1] != UInt64.max { break }
                index &+= 32
            }
            while index &+ 16 <= end {
                let lanes = stringStopLanes(raw.loadUnaligned(fromByteOffset: index, as: SIMD16<Int8>.self), orHash: orHash)
                if lanes[0] != 0 { return index &+ lanes[0].trailingZeroBitCount / 8 }
                if lanes[1] != 0 { return index &+ 8 &+ lanes[1].trailingZeroBitCount / 8 }
                index &+= 16
            }
            if index &+ 8 <= end {
                let stops = stringStops(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self), orHash: orHash)
                if stops != 0 { return index &+ stops.trailingZeroBitCount / 8 }
                index &+= 8
            }
        }
        #endif
        while index < end, !isStringStop(buffer[index]), !(orHash && buffer[index] == UInt8(ascii: "#")) { index += 1 }
        return index
    }

    /// The index of the first `byte` in `buffer[start...]`, or nil (found with `memchr`).
    static func firstIndex(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start >= 0, start < buffer.count, let base = buffer.baseAddress,
              let found = memchr(base + start, Int32(byte), buffer.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
