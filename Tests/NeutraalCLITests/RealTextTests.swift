import Foundation
import Testing

/// `neutraal lint` with the real rule set on texts as people paste them: decomposed letters, invisible
/// characters, emoji against words. What a reader sees decides the verdict.
@Suite("lint on real Dutch text")
struct RealTextTests {
    /// One text, and the verdict a communication advisor expects for it.
    struct Case: CustomTestStringConvertible, Sendable {
        let behaviour: String
        let text: String
        /// `post`: a post on a corporate account by a communication advisor (party-political content is a
        /// violation); `expression`: a private expression on a general topic (naming a party is an advisory).
        var kind = "post"
        let verdict: String
        var testDescription: String { behaviour }

        /// The case as one line of JSON Lines, its id `case`.
        var line: String {
            var record: [String: Any] = ["id": "case", "kind": kind, "date": "2023-11-20", "text": text]
            if kind == "post" {
                record["account"] = ["variant": "corporate"]
                record["postedBy"] = "communication-advisor"
                record["content"] = ["officeRelated": true]
            } else {
                record["inFunction"] = false
                record["form"] = "post"
                record["topic"] = "general"
            }
            let data = (try? JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// The verdict `lint --format json` gives the one record of `line`.
    static func verdict(of line: String) throws -> String {
        let workspace = try Workspace()
        try workspace.write("texts.jsonl", line + "\n")
        let result = try Binary.run(["lint", "texts.jsonl", "--format", "json", "--no-progress", "--rules", PackageRoot.path + "/Rules"],
                                    in: workspace.root.path)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any], "\(result)")
        return try #require(object["verdict"] as? String, "\(result)")
    }

    static let invisibleCases: [Case] = [
        Case(behaviour: "a soft hyphen inside `lijsttrekker` still reads as a campaign word",
             text: "Kom luisteren naar onze lijst\u{00AD}trekker!", verdict: "violation"),
        Case(behaviour: "a zero-width space inside `lijsttrekker` still reads as a campaign word",
             text: "Kom luisteren naar onze lijst\u{200B}trekker!", verdict: "violation"),
        Case(behaviour: "a heart emoji with its variation selector right before a party name",
             text: "Sterk debat vanavond \u{2764}\u{FE0F}VVD", kind: "expression", verdict: "advisory"),
        Case(behaviour: "a decomposed `Appèl` (as macOS pastes it) is the party's name",
             text: "Het Christen-Democratisch Appe\u{0300}l stelde vragen.", kind: "expression", verdict: "advisory"),
    ]

    @Test(arguments: invisibleCases)
    func invisibleCharacters(_ example: Case) throws {
        #expect(try Self.verdict(of: example.line) == example.verdict)
    }

    static let whiteSpaceCases: [Case] = [
        Case(behaviour: "`Stem\\nop D66`: a call to vote broken over two lines", text: "Nog twee dagen. Stem\nop D66!", verdict: "violation"),
        Case(behaviour: "`Stem\\r\\nop ons`: the same with a Windows line break", text: "Stem\r\nop ons!", verdict: "violation"),
        Case(behaviour: "`Stem  op`: two spaces typed", text: "Stem  op 22 november!", verdict: "violation"),
        Case(behaviour: "`word\\tlid`: a tab inside a phrase", text: "Doe mee en word\tlid!", verdict: "violation"),
        Case(behaviour: "`Stem \\u{A0}op`: a space and a non-breaking space", text: "Stem \u{A0}op ons!", verdict: "violation"),
        Case(behaviour: "a party name wrapped over two lines", text: "De Partij voor de\nDieren stelde vragen.", kind: "expression",
             verdict: "advisory"),
        Case(behaviour: "neutral voting information wrapped over two lines stays neutral",
             text: "Je kunt je stem\nop 22 november uitbrengen.", verdict: "allowed"),
    ]

    @Test(arguments: whiteSpaceCases)
    func whiteSpaceInPhrases(_ example: Case) throws {
        #expect(try Self.verdict(of: example.line) == example.verdict)
    }

    @Test("check: a post whose editor wrapped `Stem op` and `word lid` over lines is a violation, quoted on one line")
    func wrappedPost() throws {
        let workspace = try Workspace()
        try workspace.write("post.md", """
            ---
            kind: post
            date: 2023-05-10
            account.variant: corporate
            postedBy: communication-advisor
            content.officeRelated: true
            ---
            De nieuwe regeling kwam er dankzij
            mij. Stem
            op ons en word
            lid!

            """)
        let result = try Binary.run(["check", "post.md", "--rules", PackageRoot.path + "/Rules"], in: workspace.root.path)
        #expect(result.status == 1, "\(result)")
        #expect(result.outLines.first == "post.md: niet toegestaan")
        #expect(result.out.contains("[SOCIAL-CORP-02]"))
        // the message quotes the words as one line
        #expect(result.out.contains("'dankzij mij'"), "\(result)")
    }
}
