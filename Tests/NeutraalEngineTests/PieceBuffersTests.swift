import Foundation
import Testing
@testable import NeutraalEngine

/// The arrays that a JSON Lines file is read into go round: one given back is handed out again, whole,
/// and a file read through them is cut and numbered exactly as its text says, whatever was in an array before.
@Suite("Piece buffers")
struct PieceBuffersTests {
    @Test("an array given back is handed out again at the length asked for, only for a piece it has room for")
    func reuse() {
        let spare = PieceBuffers(keep: 2)
        var first = spare.take(count: 10_000)
        #expect(first.count == 10_000)
        let address = first.withUnsafeBufferPointer { $0.baseAddress }
        let capacity = first.capacity
        first.removeLast(first.count - 10)
        spare.give(consume first)
        #expect(spare.waiting == 1)
        // too small for this piece: a new array, and the one waiting stays
        let larger = spare.take(count: capacity + 1)
        #expect(larger.count >= capacity + 1)
        #expect(spare.waiting == 1)
        // lengthened again from 10 bytes, past a page of zeros at a time
        var again = spare.take(count: 9_000)
        #expect(again.withUnsafeBufferPointer { $0.baseAddress } == address)
        #expect(again.count == 9_000)
        #expect(spare.waiting == 0)
        // it can be written whole without a copy
        again.withUnsafeMutableBufferPointer { $0.update(repeating: 7) }
        #expect(again.withUnsafeBufferPointer { $0.baseAddress } == address)
    }

    @Test("no more arrays wait than the pool keeps, and a full pool keeps the larger ones")
    func keepsFewAndLarge() {
        let spare = PieceBuffers(keep: 2)
        for count in [1_000, 3_000, 500, 2_000] { spare.give([UInt8](repeating: 1, count: count)) }
        #expect(spare.waiting == 2)
        let first = spare.take(count: 1_500)
        let second = spare.take(count: 1_500)
        #expect(first.capacity >= 2_000 && second.capacity >= 2_000)
        #expect(spare.waiting == 0)
    }

    /// Lines that put a piece's end everywhere that matters with pieces of 1,024 bytes: a first line that
    /// fills the first piece exactly up to its line end, blank and white-space lines, CRLF line ends, a
    /// line longer than a piece, and no line end at the end of the file.
    static let awkwardText: String = {
        var lines = ["{\"a\":\"" + String(repeating: "a", count: 1_023 - 8) + "\"}"]
        for index in 0..<300 {
            switch index % 9 {
            case 0: lines.append("")
            case 1: lines.append(" \t ")
            case 2: lines.append("{\"id\":\"crlf-\(index)\"}\r")
            case 3: lines.append("\r")
            case 4 where index % 45 == 4: lines.append("{\"long\":\"" + String(repeating: "x", count: 2_500 + index) + "\"}")
            default: lines.append("{\"id\":\"r\(index)\",\"text\":\"" + String(repeating: "y", count: index % 97) + "\"}")
            }
        }
        return lines.joined(separator: "\n") + "\n{\"id\":\"last\"}"
    }()

    @Test("a file read piece by piece into arrays that go round is cut at line ends and numbered as its text says")
    func piecesFromReusedArrays() throws {
        let bytes = Array(Self.awkwardText.utf8)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("neutraal-pieces-\(UUID().uuidString).jsonl")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        try Self.expectPieces(of: bytes) { batch, add in batch.streamLines(url.path, add: add) }
    }

    @Test("standard input copied piece by piece into arrays that go round is cut and numbered as the same file is")
    func standardInputPieces() throws {
        // (a second object in the first piece: standard input is JSON Lines, read piece by piece)
        let bytes = Array(("{\"id\":\"first\"}\n" + Self.awkwardText).utf8)
        var delivered = 0
        // as many bytes as asked for, fewer only at the end (as `InputBytes.read` gives them)
        let pieces: InputBytes.Pieces = { count in
            let size = min(bytes.count - delivered, count)
            defer { delivered += size }
            return Array(bytes[delivered..<(delivered + size)])
        }
        try Self.expectPieces(of: bytes) { batch, add in batch.readStandardInput(pieces, add: add) }
    }

    /// Reads `bytes` with `read` in pieces of 1,024 bytes, dropping each unit as soon as it is looked at,
    /// and checks that the units hold the bytes in order, each starting at a line start and numbered by the
    /// lines and records before it, and that a few arrays went round.
    static func expectPieces(of bytes: [UInt8], _ read: (BatchEvaluator, (BatchEvaluator.Unit) -> Void) -> Void) throws {
        let batch = BatchEvaluator(evaluator: Evaluator(ruleSet: try Fixture.ruleSet()), jobs: 1, chunkSize: 1_024)
        var seen: [UInt8] = []
        var addresses: Set<UnsafePointer<UInt8>> = []
        var units = 0
        read(batch) { unit in
            guard case .lines(let source, let firstNumber) = unit.content else {
                Issue.record("not a piece of lines: \(unit.content)")
                return
            }
            units += 1
            #expect(seen.isEmpty || seen.last == 0x0A)
            #expect(source.firstLine == 1 + seen.filter { $0 == 0x0A }.count)
            #expect(firstNumber == 1 + Self.records(seen))
            #expect(source.lineStarts == [0] + source.bytes.indices.filter { source.bytes[$0] == 0x0A }.map { $0 + 1 })
            seen += source.bytes
            if let address = source.bytes.withUnsafeBufferPointer({ $0.baseAddress }) { addresses.insert(address) }
        }
        #expect(seen == bytes)
        #expect(units > 10, "the input was read in \(units) pieces")
        // the pieces were dropped as soon as they were looked at: a few arrays went round
        #expect(addresses.count < units / 2, "\(addresses.count) arrays for \(units) pieces")
    }

    /// The lines of `bytes` that hold anything but spaces, tabs and carriage returns.
    static func records(_ bytes: [UInt8]) -> Int {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: true).filter { line in
            line.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
        }.count
    }
}
