import Testing
@testable import NeutraalEngine

/// The word-at-a-time and vector scans against byte-by-byte loops.
@Suite("Byte scans")
struct ByteScanTests {
    /// Bytes around every boundary the scans care about.
    static let interesting: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x61, 0x7F, 0x80, 0x81,
                                       0x9F, 0xA0, 0xA1, 0xC3, 0xDE, 0xFE, 0xFF]

    /// A deterministic mix of plain letters and interesting bytes.
    static func buffer(_ seed: UInt64, count: Int) -> [UInt8] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state % 5 == 0 ? interesting[Int(state >> 8) % interesting.count] : UInt8(0x61 + (state >> 40) % 26)
        }
    }

    @Test("every byte value is a string stop exactly when the word scan says so")
    func wordStops() {
        for byte in 0...255 {
            for lane in 0..<8 {
                var bytes = [UInt8](repeating: 0x61, count: 8)
                bytes[lane] = UInt8(byte)
                let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
                let stops = ByteScan.stringStops(word)
                let expected = ByteScan.isStringStop(UInt8(byte)) ? lane : nil
                #expect((stops == 0 ? nil : stops.trailingZeroBitCount / 8) == expected, "byte \(byte) in lane \(lane)")
                let stopsOrHash = ByteScan.stringStops(word, orHash: true)
                let expectedOrHash = ByteScan.isStringStop(UInt8(byte)) || byte == 0x23 ? lane : nil
                #expect((stopsOrHash == 0 ? nil : stopsOrHash.trailingZeroBitCount / 8) == expectedOrHash, "byte \(byte) in lane \(lane), or a hash")
            }
        }
    }

    @Test("every byte value in every lane of a long plain run stops the vector scan exactly when it is a string stop")
    func vectorStops() {
        let count = 48
        for byte in 0...255 {
            for lane in 0..<count {
                var bytes = [UInt8](repeating: 0x61, count: count)
                bytes[lane] = UInt8(byte)
                let expected = ByteScan.isStringStop(UInt8(byte)) ? lane : count
                bytes.withUnsafeBufferPointer { buffer in
                    #expect(ByteScan.firstStringStop(buffer, from: 0, to: count) == expected, "byte \(byte) in lane \(lane)")
                    let expectedOrHash = ByteScan.isStringStop(UInt8(byte)) || byte == 0x23 ? lane : count
                    #expect(ByteScan.firstStringStopOrHash(buffer, from: 0, to: count) == expectedOrHash, "byte \(byte) in lane \(lane), or a hash")
                }
            }
        }
    }

    @Test("one stop in a long plain run is found wherever it is, from every start (the runs read thirty-two bytes at a time)")
    func longRuns() {
        let count = 100
        for stop in [nil] + Array(0..<count) as [Int?] {
            for byte: UInt8 in [0x22, 0x5C, 0x0A, 0xC3] {
                var bytes = [UInt8](repeating: 0x61, count: count)
                if let stop { bytes[stop] = byte }
                bytes.withUnsafeBufferPointer { buffer in
                    for start in 0...count {
                        let expected = stop.map { $0 >= start ? $0 : count } ?? count
                        #expect(ByteScan.firstStringStop(buffer, from: start, to: count) == expected, "stop \(String(describing: stop)), start \(start)")
                    }
                }
            }
        }
    }

    @Test("the first string stop and the first of a byte, for every start and end of many buffers")
    func scans() {
        for seed in 0..<40 as Range<UInt64> {
            let bytes = Self.buffer(seed, count: 70)
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...bytes.count {
                    for end in start...bytes.count {
                        let expected = (start..<end).first { ByteScan.isStringStop(bytes[$0]) } ?? end
                        #expect(ByteScan.firstStringStop(buffer, from: start, to: end) == expected)
                        let expectedOrHash = (start..<end).first { ByteScan.isStringStop(bytes[$0]) || bytes[$0] == 0x23 } ?? end
                        #expect(ByteScan.firstStringStopOrHash(buffer, from: start, to: end) == expectedOrHash)
                    }
                    for byte: UInt8 in [0x23, 0x22, 0x00, 0xFF, 0x61] {
                        #expect(ByteScan.firstIndex(of: byte, in: buffer, from: start) == bytes[start...].firstIndex(of: byte))
                    }
                }
            }
        }
    }
}
