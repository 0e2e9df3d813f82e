import Testing
@testable import NeutraalEngine

/// `DescriptionReader.firstInvalidUTF8(_:from:)` skips ASCII eight bytes at a time: it finds the same
/// first bad byte as the standard library's UTF-8 parser does, wherever it lies among runs of ASCII.
@Suite("Invalid UTF-8")
struct InvalidUTF8Tests {
    /// The first invalid byte, found by the standard library's UTF-8 parser (strict as the reader is:
    /// no overlong forms, no surrogates, nothing above U+10FFFF): where the first scalar it cannot parse starts.
    static func reference(_ bytes: [UInt8], from start: Int) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes[start...].makeIterator()
        var index = start
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): index += scalar.count
            case .error: return index
            case .emptyInput: return nil
            }
        }
    }

    @Test("a bad byte is found at every place in runs of ASCII, after valid characters or none, from every start")
    func sameAsTheParser() {
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
