import Foundation
import Testing
@testable import NeutraalEngine

/// Whatever is in a rule file, loading it gives diagnostics, never a crash.
@Suite("Broken rule files")
struct BrokenRuleFileTests {
    struct Garbage: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        var testDescription: String { name }
    }

    static let garbage: [Garbage] = [
        Garbage(name: "binary bytes", bytes: [0x00, 0xFF, 0xFE, 0x80, 0x0A, 0x72, 0x75, 0x6C, 0x65, 0x20, 0xC3, 0x0A, 0x20, 0x20, 0x01, 0x3A]),
        Garbage(name: "only a header line", bytes: Array("rule R-1 \"Titel\"\n".utf8)),
        Garbage(name: "a keyword without a name", bytes: Array("rule\n".utf8)),
        Garbage(name: "an indented first line", bytes: Array("  when: a is b\n".utf8)),
        Garbage(name: "punctuation only", bytes: Array(")))(((,,,\"\n".utf8)),
        Garbage(name: "a condition of connectives", bytes: Array("define x\n  when: ((( and or not )))\n".utf8)),
        Garbage(name: "a condition with a quantifier and nothing else", bytes: Array("define x\n  when: some sections where\n".utf8)),
        Garbage(name: "an empty list", bytes: Array("define x\n  when: postedBy is one of ()\n".utf8)),
        Garbage(name: "a lexicon without entries", bytes: Array("lexicon x\n  entries:\n".utf8)),
        Garbage(name: "a calendar with a reversed period", bytes: Array("calendar c\n  period \"p\": 2024-01-02 .. 2024-01-01\n".utf8)),
        Garbage(name: "an example with lines that are not facts", bytes: Array((LoaderErrorTests.rule() + "  example fires \"c\":\n    nonsense\n").utf8)),
        Garbage(name: "CR line ends only", bytes: Array("rule R-1\r  when: x\r".utf8)),
    ]

    @Test("is refused with located errors", arguments: garbage)
    func refused(_ input: Garbage) {
        let diagnostics = LoaderErrorTests.diagnostics(of: [
            SourceText(path: "fixture.schema", text: Fixture.schema), SourceText(path: "prelude.rules", text: LoaderErrorTests.prelude),
            SourceText(path: "garbage.rules", bytes: input.bytes),
        ])
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.location?.file == "garbage.rules" && ($0.location?.line ?? 0) >= 1 && ($0.location?.column ?? 0) >= 1 },
                "\(diagnostics)")
    }

    @Test("an empty rule set has no kinds and says so")
    func emptyRuleSet() {
        let diagnostics = LoaderErrorTests.diagnostics(of: [SourceText(path: "empty.rules", text: "")])
        #expect(diagnostics.map(\.code) == ["rules.no-kinds"])
    }

    @Test("an empty rule file next to a vocabulary loads, with no rules")
    func emptyRuleFile() throws {
        let ruleSet = try RuleSetLoader().load(sources: [SourceText(path: "fixture.schema", text: Fixture.schema), SourceText(path: "empty.rules", text: "")])
        #expect(ruleSet.rules.isEmpty)
    }

    @Test("comments, blank lines and a byte order mark are read like plain lines")
    func layoutVariants() throws {
        let rule = LoaderErrorTests.rule().replacingOccurrences(of: "\n", with: "  # a comment\n\n")
        let ruleSet = try RuleSetLoader().load(sources: [
            SourceText(path: "fixture.schema", text: Fixture.schema), SourceText(path: "prelude.rules", text: LoaderErrorTests.prelude),
            SourceText(path: "bom.rules", text: "\u{FEFF}# heading\n" + rule),
        ])
        let loaded = try #require(ruleSet.rule("R-1"))
        #expect(loaded.conditionText == "account.variant is corporate")
        #expect(loaded.messageEN == "en")
        #expect(loaded.examples.count == 2)
        #expect(loaded.location == SourceLocation(file: "bom.rules", line: 2, column: 1))
    }

    @Test("a rule file with CRLF line ends (saved on Windows) loads like one with LF")
    func crlfLineEnds() throws {
        let rule = "# a heading comment\r\n" + LoaderErrorTests.rule().replacingOccurrences(of: "\n", with: "\r\n")
        let ruleSet = try RuleSetLoader().load(sources: [
            SourceText(path: "fixture.schema", text: Fixture.schema), SourceText(path: "prelude.rules", text: LoaderErrorTests.prelude),
            SourceText(path: "crlf.rules", text: rule),
        ])
        let loaded = try #require(ruleSet.rule("R-1"))
        #expect(loaded.location == SourceLocation(file: "crlf.rules", line: 2, column: 1))
        #expect(loaded.messageEN == "en")
        #expect(loaded.conditionText == "account.variant is corporate")
    }

    @Test("a condition nested 200 parentheses deep loads")
    func deepButReasonableNesting() throws {
        let when = String(repeating: "(", count: 200) + "account.variant is corporate" + String(repeating: ")", count: 200)
        #expect(LoaderErrorTests.diagnostics(LoaderErrorTests.rule(when: when)).isEmpty)
    }

    @Test("a folder that does not exist, or holds no rule files, is an error")
    func missingFolder() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("neutraal-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(codes { try RuleSetLoader().load(folder: empty.path + "/nothing-here") } == ["rules.no-folder"])
        #expect(codes { try RuleSetLoader().load(folder: empty.path) } == ["rules.no-files"])
    }

    @Test("a rule folder given as a symbolic link (with or without a trailing slash) loads as the folder itself")
    func symbolicLinkToFolder() throws {
        let real = PackageRoot.path() + "/Rules"
        let place = FileManager.default.temporaryDirectory.appendingPathComponent("neutraal-link-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: place, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: place) }
        let link = place.appendingPathComponent("Rules").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let direct = try RuleSetLoader().load(folder: real)
        for path in [link, link + "/"] {
            let linked = try RuleSetLoader().load(folder: path)
            #expect(linked.rules.map(\.id) == direct.rules.map(\.id), "\(path)")
            #expect(linked.version == direct.version, "\(path)")
        }
    }

    private func codes(_ load: () throws -> RuleSet) -> [String] {
        do {
            _ = try load()
            return []
        } catch let list as DiagnosticList {
            return list.diagnostics.map(\.code)
        } catch {
            return ["\(error)"]
        }
    }
}
