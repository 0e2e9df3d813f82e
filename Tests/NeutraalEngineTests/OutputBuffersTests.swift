import Testing
@testable import NeutraalEngine

/// The memory that units' text is rendered into goes round: written out, it is handed to the next writer,
/// which writes over what was there; a writer that outgrows its block frees it and gives back the larger one.
@Suite("Output buffers")
struct OutputBuffersTests {
    @Test("a block given back is handed out again, only for text it has room for; no more wait than are kept")
    func reuse() {
        let spare = OutputBuffers(keep: 2)
        let first = spare.take(capacity: 1_000)
        #expect(first.capacity >= 1_000)
        spare.give(first.base, capacity: first.capacity)
        #expect(spare.waiting == 1)
        let larger = spare.take(capacity: first.capacity + 1)
        #expect(larger.capacity > first.capacity)
        #expect(spare.waiting == 1)
        let again = spare.take(capacity: 500)
        #expect(again.base == first.base)
        #expect(spare.waiting == 0)
        spare.give(again.base, capacity: again.capacity)
        spare.give(larger.base, capacity: larger.capacity)
        spare.give(UnsafeMutablePointer<UInt8>.allocate(capacity: 8), capacity: 8)
        #expect(spare.waiting == 2)
    }

    @Test("a full pool keeps the larger blocks: a small one given back is freed, a larger one takes the smallest's place")
    func keepsLarger() {
        let spare = OutputBuffers(keep: 2)
        for capacity in [100, 300] { spare.give(UnsafeMutablePointer<UInt8>.allocate(capacity: capacity), capacity: capacity) }
        spare.give(UnsafeMutablePointer<UInt8>.allocate(capacity: 50), capacity: 50)
        spare.give(UnsafeMutablePointer<UInt8>.allocate(capacity: 200), capacity: 200)
        #expect(spare.waiting == 2)
        let first = spare.take(capacity: 150)
        let second = spare.take(capacity: 150)
        #expect(Set([first.capacity, second.capacity]) == [200, 300])
        first.base.deallocate()
        second.base.deallocate()
    }

    @Test("text written into a block that held other text is exactly the text written; the block comes back when it is written out")
    func writtenOver() {
        let spare = OutputBuffers(keep: 4)
        var long = JSONBytes(capacity: 256, from: spare)
        long.raw(utf8: String(repeating: "x", count: 200))
        let longText = long.take()
        #expect(spare.waiting == 0)
        let address = longText.withUnsafeBytes { $0.baseAddress }
        _ = consume longText
        #expect(spare.waiting == 1)
        var short = JSONBytes(capacity: 100, from: spare)
        short.quoted("kort")
        let shortText = short.take()
        #expect(shortText.withUnsafeBytes { $0.baseAddress } == address)
        #expect(String(decoding: shortText.bytes, as: UTF8.self) == "\"kort\"")
    }

    @Test("a writer that outgrows its block, or is dropped without its text taken, gives its memory back")
    func grownAndDropped() {
        let spare = OutputBuffers(keep: 4)
        do {
            var writer = JSONBytes(capacity: 64, from: spare)
            writer.raw(utf8: String(repeating: "y", count: 1_000))
            let text = writer.take()
            #expect(text.count == 1_000)
            #expect(text.bytes.allSatisfy { $0 == UInt8(ascii: "y") })
        }
        #expect(spare.waiting == 1)
        let grown = spare.take(capacity: 1_000)
        #expect(grown.capacity >= 1_000)
        grown.base.deallocate()
        do {
            var writer = JSONBytes(capacity: 64, from: spare)
            writer.raw(utf8: "dropped")
        }
        #expect(spare.waiting == 1)
    }
}
