import Testing
@testable import NeutraalEngine

/// The byte-keyed tables of the fast reader: every key found wherever it lies in a buffer, nothing else found.
@Suite("Byte key tables")
struct ByteKeyTablesTests {
    /// Keys of every length up to 40, with neighbours that share their first and last eight bytes, their
    /// prefix or their length.
    static let keys: [[UInt8]] = {
        var keys: [String] = ["a", "b", "ab", "ba", "kind", "text", "date", "expect", "waivers", "abcdefg", "abcdefgh",
                              "abcdefghi", "partyRoles", "partyRolez", "communication-advisor", "communication-advisos"]
        for length in 1...40 {
            keys.append(String(repeating: "x", count: length))
            keys.append(String(repeating: "x", count: max(0, length - 1)) + "y")
            if length > 17 {
                // the same first and last eight bytes, another middle
                let middle = String(repeating: "m", count: length - 16)
                keys.append("01234567" + middle + "89abcdef")
                keys.append("01234567" + String(middle.dropLast()) + "n" + "89abcdef")
            }
        }
        keys.append("privé")
        keys.append("Financiën")
        return keys.map { Array($0.utf8) }
    }()

    static func pairs(_ keys: [[UInt8]]) -> [(key: [UInt8], value: Int32)] {
        keys.enumerated().map { ($0.element, Int32($0.offset)) }
    }

    /// `bytes` at `offset` in a buffer of `size`, with `filler` around it.
    static func lookUp(_ tables: ByteKeyTables, _ table: Int, _ bytes: [UInt8], offset: Int, size: Int, filler: UInt8) -> Int32? {
        var buffer = [UInt8](repeating: filler, count: size)
        buffer.replaceSubrange(offset..<offset + bytes.count, with: bytes)
        return buffer.withUnsafeBufferPointer { tables.value(in: table, $0, offset..<offset + bytes.count) }
    }

    @Test("every key is found at the start, in the middle and at the end of a buffer, and near misses are not")
    func everyKey() {
        let tables = ByteKeyTables([[], Self.pairs(Self.keys)])
        for (index, key) in Self.keys.enumerated() {
            for (offset, size) in [(0, key.count), (0, key.count + 3), (5, key.count + 5), (9, key.count + 30)] {
                for filler: UInt8 in [0x22, 0x00, 0xFF, 0x78] {
                    #expect(Self.lookUp(tables, 1, key, offset: offset, size: size, filler: filler) == Int32(index),
                            "\(String(decoding: key, as: UTF8.self)) at \(offset) of \(size)")
                    #expect(Self.lookUp(tables, 0, key, offset: offset, size: size, filler: filler) == nil)
                }
            }
            var changed = key
            changed[changed.count / 2] ^= 0x01
            if !Self.keys.contains(changed) {
                #expect(Self.lookUp(tables, 1, changed, offset: 3, size: changed.count + 6, filler: 0x22) == nil)
            }
            #expect(Self.lookUp(tables, 1, key + [0x61], offset: 0, size: key.count + 1, filler: 0x22) == (Self.keys.firstIndex(of: key + [0x61]).map { Int32($0) }))
            if key.count > 1 {
                let shorter = Array(key.dropLast())
                #expect(Self.lookUp(tables, 1, shorter, offset: 2, size: key.count + 2, filler: 0x22) == (Self.keys.firstIndex(of: shorter).map { Int32($0) }))
            }
        }
        #expect([UInt8]().withUnsafeBufferPointer { tables.value(in: 1, $0, 0..<0) } == nil)
        #expect(tables.value(in: 2, UnsafeBufferPointer(start: nil, count: 0), 0..<0) == nil)
    }

    @Test("a later pair replaces an earlier one, and the entries are the unique pairs")
    func laterPairs() {
        let tables = ByteKeyTables([[(Array("a".utf8), 1), (Array("b".utf8), 2), (Array("a".utf8), 3)]])
        #expect(Self.lookUp(tables, 0, Array("a".utf8), offset: 0, size: 1, filler: 0) == 3)
        #expect(Self.lookUp(tables, 0, Array("b".utf8), offset: 4, size: 9, filler: 0) == 2)
        let entries = tables.entries(of: 0).map { "\(String(decoding: $0.key, as: UTF8.self))=\($0.value)" }.sorted()
        #expect(entries == ["a=3", "b=2"])
        #expect(tables.entries(of: 1).isEmpty)
    }

    @Test("the empty key is never stored nor found, and a probe of length 0 or a table out of range finds nothing")
    func emptyKey() {
        let tables = ByteKeyTables([[([], 7), (Array("a".utf8), 1)]])
        #expect(tables.entries(of: 0).map(\.value) == [1])
        let probe = ByteKeyTables.Probe(first: 0, last: 0, length: 0, start: 0)
        let bytes: [UInt8] = [0x22, 0x22]
        bytes.withUnsafeBufferPointer { buffer in
            #expect(tables.value(in: 0, probe, buffer) == nil)
            #expect(tables.value(in: 0, buffer, 1..<1) == nil)
            #expect(tables.value(in: -1, ByteKeyTables.Probe(first: 0x61, last: 0x61, length: 1, start: 0), buffer) == nil)
            #expect(tables.value(in: 1, ByteKeyTables.Probe(first: 0x61, last: 0x61, length: 1, start: 0), buffer) == nil)
            #expect(tables.value(in: 0, ByteKeyTables.Probe(first: 0x61, last: 0x61, length: 1, start: 0), buffer) == 1)
        }
    }
}
