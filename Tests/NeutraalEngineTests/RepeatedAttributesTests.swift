import Testing
@testable import NeutraalEngine

/// `Block.repeatedAttributes` compares the keys of a small block and hashes those of a large one: either
/// way each repeated attribute is named with the first of its key, examples aside.
@Suite("Repeated attributes")
struct RepeatedAttributesTests {
    /// The repeated attributes as first found, by hashing every key, as pairs of lines.
    static func reference(_ block: Block) -> [[Int]] {
        var seen: [String: Block.Attribute] = [:]
        var repeated: [[Int]] = []
        for attribute in block.attributes where !attribute.key.hasPrefix("example ") {
            if let first = seen[attribute.key] {
                repeated.append([attribute.keyLocation.line, first.keyLocation.line])
            } else {
                seen[attribute.key] = attribute
            }
        }
        return repeated
    }

    @Test("each repeated attribute is named with the first of its key, in a small block and a large one",
          arguments: [2, 5, 12, 31, 32, 33, 60])
    func sameAsHashing(_ count: Int) throws {
        // keys repeating every seventh line, and examples repeating their keys too
        var text = "rule R-1 \"titel\"\n"
        for line in 0..<count {
            text += line % 5 == 4 ? "  example fires \"geval \(line % 2)\":\n" : "  key\(line % 7): waarde\n"
        }
        var diagnostics: [Diagnostic] = []
        let blocks = BlockReader().blocks(in: SourceText(path: "repeated.rules", text: text), diagnostics: &diagnostics)
        let block = try #require(blocks.first)
        #expect(block.attributes.count == count)
        let found = block.repeatedAttributes.map { [$0.repeated.keyLocation.line, $0.first.keyLocation.line] }
        #expect(found == Self.reference(block))
        #expect(count < 9 || !found.isEmpty)
    }
}
