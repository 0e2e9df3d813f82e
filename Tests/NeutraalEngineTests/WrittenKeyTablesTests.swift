import Testing
@testable import NeutraalEngine

/// The tables of keys as written, with their ending: a key is found only where its bytes and its ending are
/// written, with the value and length `ByteKeyTables` gives it, and a string that is not plain ASCII never.
@Suite("Written key tables")
struct WrittenKeyTablesTests {
    static let ending: [UInt8] = Array("\":".utf8)

    /// `bytes` at `offset` of a buffer of `size` bytes filled with `filler`, looked up as `DirectRecordReader`
    /// does (only where sixteen bytes of the line follow `offset`).
    static func match(_ tables: WrittenKeyTables<Int32>, _ table: Int, _ bytes: [UInt8], offset: Int, size: Int,
                      filler: UInt8) -> (value: Int32, length: Int)? {
        var buffer = [UInt8](repeating: filler, count: size)
        buffer.replaceSubrange(offset..<offset + bytes.count, with: bytes)
        guard offset + 16 <= size, let lookup = tables.lookup(table) else { return nil }
        return buffer.withUnsafeBytes { raw in
            raw.baseAddress.flatMap { tables.match(in: lookup, $0, at: offset, end: size) }
        }
    }

    @Test("every plain key written with its ending is found with its value and length, and near misses are not")
    func everyKey() {
        let keys = ByteKeyTablesTests.keys
        let byteTables = ByteKeyTables([[], ByteKeyTablesTests.pairs(keys)])
        let tables = WrittenKeyTables(byteTables, tableCount: 2, ending: Self.ending) { $0 }
        for (index, key) in keys.enumerated() {
            let written = key + Self.ending
            let plain = key.allSatisfy { $0 < 0x80 }
            for (offset, extra) in [(0, 16), (3, 16), (7, 40)] {
                let size = offset + written.count + extra
                for filler: UInt8 in [0x22, 0x3A, 0x00, 0x78] {
                    let found = Self.match(tables, 1, written, offset: offset, size: size, filler: filler)
                    if plain && written.count <= WrittenKeyTables<Int32>.maximumLength {
                        #expect(found?.value == Int32(index), "\(String(decoding: key, as: UTF8.self)) at \(offset)")
                        #expect(found?.length == written.count)
                    } else {
                        #expect(found == nil)
                    }
                    #expect(Self.match(tables, 0, written, offset: offset, size: size, filler: filler) == nil)
                }
            }
            // the key without its colon, or with white space before it, is not found
            #expect(Self.match(tables, 1, key + [0x22, 0x20, 0x3A], offset: 1, size: key.count + 24, filler: 0x3A) == nil)
            #expect(Self.match(tables, 1, key + [0x22, 0x2C], offset: 1, size: key.count + 24, filler: 0x3A) == nil)
            // a byte of the key changed: found only if that is another key
            var changed = written
            changed[key.count / 2] ^= 0x01
            let other = keys.firstIndex(of: Array(changed.prefix(key.count)))
            let found = Self.match(tables, 1, changed, offset: 2, size: changed.count + 20, filler: 0x22)
            #expect(found?.value == (other.map { Int32($0) }).flatMap { plain ? $0 : nil })
        }
    }

    @Test("a long key is found only when it lies within the line")
    func lineEnd() {
        let key = Array("communication-advisor".utf8)
        let tables = WrittenKeyTables(ByteKeyTables([[(key, 4)]]), tableCount: 1, ending: [0x22]) { $0 }
        let written = key + [0x22]
        var buffer = [UInt8](repeating: 0x20, count: 64)
        buffer.replaceSubrange(10..<10 + written.count, with: written)
        buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, let lookup = tables.lookup(0) else { Issue.record("no table"); return }
            #expect(tables.match(in: lookup, base, at: 10, end: 10 + written.count)?.value == 4)
            #expect(tables.match(in: lookup, base, at: 10, end: 10 + written.count - 1) == nil)
        }
    }

    @Test("each entry's value is the one made from its value in the byte key tables, of any type")
    func madeValues() {
        let pairs: [(key: [UInt8], value: Int32)] = [(Array("role".utf8), 3), (Array("ministry".utf8), 5), (Array("id".utf8), -2)]
        let tables = WrittenKeyTables(ByteKeyTables([pairs]), tableCount: 1, ending: Self.ending) { "node \($0)" }
        for (key, value) in pairs {
            let written = key + Self.ending
            var buffer = [UInt8](repeating: 0x2C, count: written.count + 16)
            buffer.replaceSubrange(0..<written.count, with: written)
            let found = buffer.withUnsafeBytes { raw in
                raw.baseAddress.flatMap { base in tables.lookup(0).flatMap { tables.match(in: $0, base, at: 0, end: buffer.count) } }
            }
            #expect(found?.value == "node \(value)")
            #expect(found?.length == written.count)
        }
    }

    @Test("an empty table finds nothing, and a table out of range has no look-up")
    func emptyTable() {
        let tables = WrittenKeyTables(ByteKeyTables([[]]), tableCount: 1, ending: Self.ending) { $0 }
        #expect(Self.match(tables, 0, [0, 0], offset: 0, size: 32, filler: 0) == nil)
        #expect(tables.lookup(1) == nil)
        #expect(tables.lookup(-1) == nil)
    }
}
