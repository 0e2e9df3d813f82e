import Foundation
import Testing

/// A description saved under the extension of the other form: a post with a header in a `.json` file, JSON in
/// a `.md` file. The error says which form was found and which extension reads it, at the place it starts.
@Suite("A description under the other form's extension")
struct WrongExtensionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let behaviour: String
        let file: String
        let text: String
        let expected: String
        var testDescription: String { behaviour }
    }

    static let cases: [Case] = [
        Case(behaviour: "a post with a header in a .json file", file: "post.json", text: "\n" + CLIFixture.allowed,
             expected: "post.json:2:1: error: expected JSON, found a `---` header line [input.invalid-json]\n"
                 + "  hint: this looks like a post with a header; name the file `.md`, `.txt` or `.post` to read it as one\n"),
        Case(behaviour: "a JSON object in a .md file", file: "post.md", text: "{\"kind\": \"post\"}\n",
             expected: "post.md:1:1: error: expected a `---` line to open the header [input.missing-header]\n"
                 + "  hint: this looks like JSON; name the file `.json` (or `.jsonl` for one object per line) to read it as JSON\n"),
        Case(behaviour: "a JSON array in a .txt file", file: "post.txt", text: "  [{\"kind\": \"post\"}]",
             expected: "post.txt:1:1: error: expected a `---` line to open the header [input.missing-header]\n"
                 + "  hint: this looks like JSON; name the file `.json` (or `.jsonl` for one object per line) to read it as JSON\n"),
    ]

    @Test("check names the form found and the extension that reads it", arguments: cases)
    func check(_ example: Case) throws {
        let workspace = try Workspace()
        try workspace.write(example.file, example.text)
        let result = try Binary.run(["check", example.file, "--rules", "rules", "--lang", "en"], in: workspace.root.path)
        #expect(result.status == 2, "\(result)")
        #expect(result.err == example.expected, "\(result)")
    }

    @Test("a post saved as JSON Lines: its `---` lines say what they are, the other lines keep their JSON errors")
    func postAsJSONLines() throws {
        let workspace = try Workspace()
        try workspace.write("post.jsonl", CLIFixture.allowed)
        let result = try Binary.run(["lint", "post.jsonl", "--rules", "rules", "--lang", "en", "--no-progress"], in: workspace.root.path)
        #expect(result.status == 2, "\(result)")
        #expect(result.out.hasPrefix("post.jsonl:1:1: error: expected JSON, found a `---` header line [input.invalid-json]\n"
            + "  hint: this looks like a post with a header; name the file `.md`, `.txt` or `.post` to read it as one\n"), "\(result)")
    }

    @Test("a header in a .json file that is no post keeps the JSON error")
    func dashesThatAreNoHeader() throws {
        let workspace = try Workspace()
        try workspace.write("dashes.json", "----\nkind: post\n")
        let result = try Binary.run(["check", "dashes.json", "--rules", "rules", "--lang", "en"], in: workspace.root.path)
        #expect(result.status == 2, "\(result)")
        #expect(!result.err.contains("header line"), "\(result)")
    }
}
