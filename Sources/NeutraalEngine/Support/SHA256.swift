/// SHA-256 (FIPS 180-4), for the content hash that identifies a rule set.
///
/// The eight state words live in stored properties and the message schedule in a sixteen-word ring on
/// the stack, so that compressing a block touches no array (no bounds checks, no uniqueness checks).
public struct SHA256 {
    private var h0: UInt32 = 0x6a09e667, h1: UInt32 = 0xbb67ae85, h2: UInt32 = 0x3c6ef372, h3: UInt32 = 0xa54ff53a
    private var h4: UInt32 = 0x510e527f, h5: UInt32 = 0x9b05688c, h6: UInt32 = 0x1f83d9ab, h7: UInt32 = 0x5be0cd19
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0

    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    public init() {}

    public mutating func update(_ bytes: some Sequence<UInt8>) {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ update(contiguous: $0) }) { return done }
        Array(bytes).withUnsafeBufferPointer { update(contiguous: $0) }
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { update(contiguous: $0) }
    }

    /// Whole 64-byte blocks are compressed straight from the input; only the remainder is buffered.
    private mutating func update(contiguous bytes: UnsafeBufferPointer<UInt8>) {
        length += UInt64(bytes.count)
        var index = 0
        if !buffer.isEmpty {
            let taken = min(64 - buffer.count, bytes.count)
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<taken]))
            index = taken
            guard buffer.count == 64 else { return }
            buffer.withUnsafeBufferPointer { compressBlocks($0) }
            buffer.removeAll(keepingCapacity: true)
        }
        let whole = (bytes.count - index) / 64 * 64
        if whole > 0 {
            compressBlocks(UnsafeBufferPointer(rebasing: bytes[index..<index + whole]))
            index += whole
        }
        if index < bytes.count {
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index...]))
        }
    }

    /// The digest as lower-case hex.
    public mutating func finalizeHex() -> String {
        let bitLength = length &* 8
        update([0x80])
        while buffer.count != 56 { update([0]) }
        for shift in stride(from: 56, through: 0, by: -8) { buffer.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        buffer.withUnsafeBufferPointer { compressBlocks($0) }
        buffer.removeAll()
        let digits = Array("0123456789abcdef")
        var text = ""
        for word in [h0, h1, h2, h3, h4, h5, h6, h7] {
            for shift in stride(from: 28, through: 0, by: -4) { text.append(digits[Int((word >> UInt32(shift)) & 0xF)]) }
        }
        return text
    }

    /// Compresses every whole 64-byte block of `blocks` (its count is a multiple of 64).
    private mutating func compressBlocks(_ blocks: UnsafeBufferPointer<UInt8>) {
        guard let base = blocks.baseAddress, blocks.count >= 64 else { return }
        Self.k.withUnsafeBufferPointer { constants in
            guard let k = constants.baseAddress else { return }
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
                guard let w = schedule.baseAddress else { return }
                var offset = 0
                while offset + 64 <= blocks.count {
                    Self.expand(base + offset, into: w)
                    compress(k: k, schedule: w)
                    offset += 64
                }
            }
        }
    }

    @inline(__always)
    private static func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 &- n)) }

    /// The 64-word message schedule of one block.
    private static func expand(_ block: UnsafePointer<UInt8>, into w: UnsafeMutablePointer<UInt32>) {
        for index in 0..<16 {
            w[index] = UInt32(bigEndian: UnsafeRawPointer(block + index * 4).loadUnaligned(as: UInt32.self))
        }
        for index in 16..<64 {
            let w15 = w[index - 15], w2 = w[index - 2]
            let s0 = rotate(w15, 7) ^ rotate(w15, 18) ^ (w15 >> 3)
            let s1 = rotate(w2, 17) ^ rotate(w2, 19) ^ (w2 >> 10)
            w[index] = w[index - 16] &+ s0 &+ w[index - 7] &+ s1
        }
    }

    /// One round; the caller rotates the roles of the eight working variables instead of moving them.
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                              _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32) {
        let t1 = h &+ (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) &+ ((e & f) ^ (~e & g)) &+ kw
        let t2 = (rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
        d = d &+ t1
        h = t1 &+ t2
    }

    /// The 64 rounds of one block over its expanded schedule, eight at a time.
    private mutating func compress(k: UnsafePointer<UInt32>, schedule w: UnsafePointer<UInt32>) {
        var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
        var index = 0
        while index < 64 {
            Self.round(a, b, c, &d, e, f, g, &h, k[index] &+ w[index])
            Self.round(h, a, b, &c, d, e, f, &g, k[index + 1] &+ w[index + 1])
            Self.round(g, h, a, &b, c, d, e, &f, k[index + 2] &+ w[index + 2])
            Self.round(f, g, h, &a, b, c, d, &e, k[index + 3] &+ w[index + 3])
            Self.round(e, f, g, &h, a, b, c, &d, k[index + 4] &+ w[index + 4])
            Self.round(d, e, f, &g, h, a, b, &c, k[index + 5] &+ w[index + 5])
            Self.round(c, d, e, &f, g, h, a, &b, k[index + 6] &+ w[index + 6])
            Self.round(b, c, d, &e, f, g, h, &a, k[index + 7] &+ w[index + 7])
            index += 8
        }
        h0 = h0 &+ a; h1 = h1 &+ b; h2 = h2 &+ c; h3 = h3 &+ d
        h4 = h4 &+ e; h5 = h5 &+ f; h6 = h6 &+ g; h7 = h7 &+ h
    }
}
