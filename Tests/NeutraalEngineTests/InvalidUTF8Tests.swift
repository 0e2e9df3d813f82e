import Testing
@testable import NeutraalEngine

/// `DescriptionReader.firstInvalidUTF8(_:from:)` skips ASCII eight bytes at a time: it finds the same
/// first bad byte as reading one byte at a time does, wherever it lies among runs of ASCII.
@Suite("Invalid UTF-8")
struct InvalidUTF8Tests {
    /// The first invalid byte, read one byte at a time (the reader as first written).
    static func reference(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return index }
            if lead == 0xE0, bytes[index + 1] < 0xA0 { return index }
            if lead == 0xED, bytes[index + 1] > 0x9F { return index }
            if lead == 0xF0, bytes[index + 1] < 0x90 { return index }
            if lead == 0xF4, bytes[index + 1] > 0x8F { return index }
            index += length
        }
        return nil
    }

    @Test("a bad byte is found at every place in runs of ASCII, after valid characters or none, from every start")
    func sameAsByteByByte() {
        let pieces: [[UInt8]] = [Array("abcdefgh".utf8), Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0x41], [0xFF], [0xC3],
                                 [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0x80], Array("stem op ons ".utf8)]
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        var found = 0
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<next(12) { bytes += pieces[next(pieces.count)] }
            for start in 0...bytes.count {
                let expected = Self.reference(bytes, from: start)
                #expect(DescriptionReader.firstInvalidUTF8(bytes, from: start) == expected, "\(bytes) from \(start)")
                if expected != nil { found += 1 }
            }
        }
        #expect(found > 1_000)
        #expect(DescriptionReader.firstInvalidUTF8(Array(String(repeating: "a", count: 100).utf8) + [0xFF], from: 0) == 100)
        #expect(DescriptionReader.firstInvalidUTF8(Array(String(repeating: "a", count: 100).utf8), from: 3) == nil)
    }
}
