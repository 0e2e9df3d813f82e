import Testing
@testable import NeutraalEngine

/// The content hash of a rule set: SHA-256 against the FIPS 180-4 test vectors, whole and fed in pieces.
@Suite("SHA-256")
struct SHA256Tests {
    struct Vector: CustomTestStringConvertible, Sendable {
        let name: String
        let message: [UInt8]
        let digest: String
        var testDescription: String { name }
    }

    static let vectors: [Vector] = [
        Vector(name: "the empty message", message: [], digest: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        Vector(name: "abc", message: Array("abc".utf8), digest: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        Vector(name: "448 bits", message: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
               digest: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        Vector(name: "896 bits", message: Array(("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                                                 + "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu").utf8),
               digest: "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
        Vector(name: "a million letters a", message: Array(repeating: UInt8(ascii: "a"), count: 1_000_000),
               digest: "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ]

    @Test("the digest of a whole message", arguments: vectors)
    func whole(_ vector: Vector) {
        var hasher = SHA256()
        hasher.update(vector.message)
        #expect(hasher.finalizeHex() == vector.digest)
    }

    @Test("the same digest when the message comes in pieces of any size", arguments: vectors)
    func pieces(_ vector: Vector) {
        for size in [1, 3, 63, 64, 65, 1000] {
            var hasher = SHA256()
            var start = 0
            while start < vector.message.count {
                let end = min(vector.message.count, start + size)
                hasher.update(Array(vector.message[start..<end]))
                start = end
            }
            #expect(hasher.finalizeHex() == vector.digest, "pieces of \(size)")
        }
    }

    @Test("a sequence that is not an array hashes the same")
    func sequence() {
        var hasher = SHA256()
        hasher.update("abc".utf8)
        #expect(hasher.finalizeHex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
