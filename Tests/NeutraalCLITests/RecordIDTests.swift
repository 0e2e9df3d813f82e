import Foundation
import Testing

/// The `id` of each record of a batch, through the built binary: a batch's reader keeps an id where the
/// record has it and writes it from its bytes, so every kind of id must come out as `check` writes it.
@Suite("Record ids in a batch")
struct RecordIDTests {
    private static let post = #""kind":"post","account":{"variant":"corporate"},"postedBy":"minister","text":"Een bericht.""#

    /// Each id as written in the record (nil: no `id` member), and the id the output must give.
    private static let cases: [(written: String?, expected: String)] = [
        (#""gewoon-1""#, "gewoon-1"),
        (#""a<b & \"c\" \u00e9""#, "a<b & \"c\" é"),
        (nil, "in/ids.jsonl#3"),
        (#""""#, "in/ids.jsonl#4"),
        (#""een-heel-lang-kenmerk-van-ruim-vijftien-tekens""#, "een-heel-lang-kenmerk-van-ruim-vijftien-tekens"),
        (#""Financiën-ü""#, "Financiën-ü"),
        (#""gewoon-1""#, "gewoon-1"),
    ]

    private static func line(_ written: String?) -> String {
        written.map { "{\"id\":\($0),\(post)}" } ?? "{\(post)}"
    }

    @Test("a record after spaces, or after a byte order mark, is placed where it starts")
    func placedWhereItStarts() throws {
        let workspace = try Workspace()
        let line = Self.line(Self.cases[0].written)
        _ = try workspace.write("in/placed.jsonl", Data([0xEF, 0xBB, 0xBF] + Array((line + "\n   " + line + "\n\t" + line + "\n").utf8)))
        let lint = try Binary.run(["lint", "in/placed.jsonl", "--no-progress", "--format", "json", "--rules", PackageRoot.path + "/Rules"],
                                  in: workspace.root.path)
        let places = try lint.out.split(separator: "\n").map { line -> [Int] in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return [object["line"] as? Int ?? -1, object["column"] as? Int ?? -1]
        }
        #expect(places == [[1, 1], [2, 4], [3, 2]], "\(lint)")
    }

    @Test("every kind of id comes out of lint as written, escaped as check escapes it")
    func idsAsWritten() throws {
        let workspace = try Workspace()
        let batch = Self.cases.map { Self.line($0.written) }.joined(separator: "\n") + "\n"
        _ = try workspace.write("in/ids.jsonl", batch)
        let lint = try Binary.run(["lint", "in/ids.jsonl", "--no-progress", "--format", "json", "--rules", PackageRoot.path + "/Rules"],
                                  in: workspace.root.path)
        let lines = lint.out.split(separator: "\n").map(String.init)
        try #require(lines.count == Self.cases.count, "\(lint)")
        for (number, (line, expected)) in zip(lines, Self.cases.map(\.expected)).enumerated() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["id"] as? String == expected)
            // each record starts its line: placed on it, at its first column
            #expect(object["line"] as? Int == number + 1 && object["column"] as? Int == 1, "\(line)")
        }
        // the escapes of the second id are those of every other string of the output
        let single = try workspace.write("in/one.json", Self.line(Self.cases[1].written))
        let check = try Binary.run(["check", single, "--format", "json", "--rules", PackageRoot.path + "/Rules"],
                                   in: workspace.root.path)
        let idMember = { (text: String) in text.components(separatedBy: ",\"source\":").first ?? "" }
        #expect(idMember(lines[1]) == idMember(check.out))
        #expect(idMember(lines[1]).contains(#"\u003c"#))
    }
}
