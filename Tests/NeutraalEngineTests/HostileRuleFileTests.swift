import Foundation
import Testing
@testable import NeutraalEngine

/// Rule files are input too: a malformed file is refused with located errors and never crashes the
/// loader, a cycle of overrides is refused, and no pattern can make matching slow.
@Suite("Hostile rule files")
struct HostileRuleFileTests {
    /// The real vocabulary, so that the broken files are judged against what `Rules/` declares.
    static let vocabulary: SourceText = {
        let path = PackageRoot.path() + "/Rules/vocabulary.schema"
        let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
        return SourceText(path: "Rules/vocabulary.schema", bytes: bytes)
    }()

    struct BrokenFile: CustomTestStringConvertible, Sendable {
        let behaviour: String
        let bytes: [UInt8]
        var testDescription: String { behaviour }

        init(_ behaviour: String, _ text: String) {
            self.behaviour = behaviour
            self.bytes = Array(text.utf8)
        }

        init(_ behaviour: String, bytes: [UInt8]) {
            self.behaviour = behaviour
            self.bytes = bytes
        }
    }

    static let brokenFiles: [BrokenFile] = [
        BrokenFile("an unterminated string", "rule R-1 \"Titel\n  source: X, \"p. 1\n"),
        BrokenFile("a tab for indentation", "rule R-1 \"Titel\"\n\tsource: X, \"p. 1\"\n"),
        BrokenFile("an attribute without a block", "  when: text mentions campaign\n"),
        BrokenFile("an unknown block kind", "regel R-1 \"Titel\"\n  source: X\n"),
        BrokenFile("a block without a name", "rule\n"),
        BrokenFile("an unbalanced parenthesis in a condition",
                   "rule R-1 \"T\"\n  source: SOCIALE-MEDIA, \"p\"\n  applies to: post\n  when: (account.variant is corporate\n  verdict: advisory\n"),
        BrokenFile("a condition that ends after an operator",
                   "rule R-1 \"T\"\n  source: SOCIALE-MEDIA, \"p\"\n  applies to: post\n  when: account.variant is corporate and\n  verdict: advisory\n"),
        BrokenFile("a pattern that does not parse",
                   "rule R-1 \"T\"\n  source: SOCIALE-MEDIA, \"p\"\n  applies to: post\n  when: text matches \"(ab\"\n  verdict: advisory\n"),
        BrokenFile("an empty pattern class",
                   "rule R-1 \"T\"\n  source: SOCIALE-MEDIA, \"p\"\n  applies to: post\n  when: text matches \"[\"\n  verdict: advisory\n"),
        BrokenFile("a dangling backslash in a pattern",
                   "rule R-1 \"T\"\n  source: SOCIALE-MEDIA, \"p\"\n  applies to: post\n  when: text matches \"ab\\\\\"\n  verdict: advisory\n"),
        BrokenFile("deeply nested parentheses",
                   "rule R-1 \"T\"\n  source: SOCIALE-MEDIA, \"p\"\n  applies to: post\n  when: " + String(repeating: "(", count: 5_000)
                   + "account.variant is corporate" + String(repeating: ")", count: 4_999) + "\n  verdict: advisory\n"),
        BrokenFile("a long chain of `not`", "rule R-1 \"T\"\n  when: " + String(repeating: "not ", count: 5_000) + "x\n"),
        BrokenFile("a value more deeply indented than its block allows", "rule R-1 \"T\"\n      when: x\n   verdict: y\n"),
        BrokenFile("an invalid date", "source S \"T\"\n  title: \"T\"\n  date: 2021-02-30\n"),
        BrokenFile("invalid UTF-8", bytes: Array("rule R-1 \"".utf8) + [0xFF, 0xFE] + Array("\"\n".utf8)),
        BrokenFile("a NUL byte", bytes: Array("rule R-1 \"T\"\n  when: ".utf8) + [0] + Array("\n".utf8)),
        BrokenFile("only a byte-order mark and a stray quote", bytes: [0xEF, 0xBB, 0xBF, 0x22]),
        BrokenFile("CRLF line ends and a bare colon at the end", "rule R-1 \"T\"\r\n  when:\r\n"),
        BrokenFile("a define that uses itself", "define loop\n  when: loop\n"),
    ]

    /// Loads `bytes` as a `.rules` file beside the real vocabulary; the diagnostics, or [] when it loads.
    static func diagnostics(_ bytes: [UInt8]) -> [Diagnostic] {
        do {
            _ = try RuleSetLoader().load(sources: [vocabulary, SourceText(path: "hostile.rules", bytes: bytes)])
            return []
        } catch let list as DiagnosticList {
            return list.diagnostics
        } catch {
            return [Diagnostic("test.unexpected-error", "\(error)", at: nil)]
        }
    }

    @Test("a malformed rule file is refused with located errors", arguments: brokenFiles)
    func malformedRuleFile(_ file: BrokenFile) throws {
        #expect(!Self.vocabulary.bytes.isEmpty, "Rules/vocabulary.schema not found")
        let diagnostics = Self.diagnostics(file.bytes)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(!errors.isEmpty, "the broken file loaded")
        #expect(!errors.contains { $0.code == "test.unexpected-error" })
        // at least one error points into the broken file, with a line and column inside it
        let lineCount = file.bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let located = errors.compactMap(\.location).filter { $0.file == "hostile.rules" }
        #expect(!located.isEmpty, "no error located in the broken file: \(errors)")
        for location in located {
            #expect(location.line >= 1 && location.line <= lineCount, "line \(location.line) outside the file")
            #expect(location.column >= 1)
        }
        // every error renders as one `file:line:column: …` line (the hint on its own line)
        for error in errors { #expect(!error.description.isEmpty) }
    }

    @Test("a rule set whose overrides form a cycle is refused")
    func overrideCycle() throws {
        func rule(_ id: String, overrides: String) -> String {
            """
            rule \(id) "Regel \(id)"
              source: SOCIALE-MEDIA, "p. 1"
              applies to: post
              overrides: \(overrides)
              when: account.variant is corporate
              verdict: advisory
              message nl: "nl"
              message en: "en"
              example fires "a":
                kind: post
                account.variant: corporate
              example silent "b":
                kind: post
                account.variant: hybrid

            """
        }
        let text = rule("CYCLE-A", overrides: "CYCLE-B") + rule("CYCLE-B", overrides: "CYCLE-C") + rule("CYCLE-C", overrides: "CYCLE-A")
        let sourcesPath = PackageRoot.path() + "/Rules/sources.rules"
        let sources = FileManager.default.contents(atPath: sourcesPath).map { [UInt8]($0) } ?? []
        let diagnostics: [Diagnostic]
        do {
            _ = try RuleSetLoader().load(sources: [Self.vocabulary, SourceText(path: "Rules/sources.rules", bytes: sources),
                                                   SourceText(path: "cycle.rules", text: text)])
            diagnostics = []
        } catch let list as DiagnosticList {
            diagnostics = list.diagnostics
        }
        let cycle = diagnostics.filter { $0.message.lowercased().contains("cycle") || $0.code.contains("cycl") }
        #expect(!cycle.isEmpty, "no cycle reported: \(diagnostics)")
        #expect(cycle.allSatisfy { $0.location?.file == "cycle.rules" && ($0.location?.line ?? 0) >= 1 })
    }

    struct Pathological: CustomTestStringConvertible, Sendable {
        let pattern: String
        let text: String
        let expectMatch: Bool
        var testDescription: String { "`\(pattern)` against \(text.unicodeScalars.count) characters" }
    }

    static let pathological: [Pathological] = [
        Pathological(pattern: "(a|a)*b", text: String(repeating: "a", count: 50_000), expectMatch: false),
        Pathological(pattern: "(a*)*c", text: String(repeating: "a", count: 50_000), expectMatch: false),
        Pathological(pattern: "(a+)+$x", text: String(repeating: "a", count: 50_000), expectMatch: false),
        Pathological(pattern: "(.*a)*(.*a)*(.*a)*x", text: String(repeating: "a", count: 50_000), expectMatch: false),
        Pathological(pattern: "(a|aa)*b", text: String(repeating: "a", count: 50_000) + "b", expectMatch: true),
        Pathological(pattern: "(\\w+\\s?)*!", text: String(repeating: "stem op ons ", count: 4_200), expectMatch: false),
    ]

    @Test("a pathological pattern runs in linear time", arguments: pathological)
    func pathologicalPattern(_ testCase: Pathological) throws {
        let pattern: Pattern
        do {
            pattern = try Pattern(testCase.pattern)
        } catch {
            // a pattern the language does not support (e.g. a counted repetition) is refused, which is also safe
            #expect(error is Pattern.SyntaxError)
            return
        }
        let folded = FoldedText(testCase.text)
        let clock = ContinuousClock()
        var match: Range<Int>?
        let elapsed = clock.measure { match = pattern.firstMatch(in: folded) }
        #expect((match != nil) == testCase.expectMatch)
        #expect((pattern.withAutomaton().firstMatch(in: folded) != nil) == testCase.expectMatch)
        // an exponential backtracker would not finish at all; a linear simulation takes well under this even in a debug build
        #expect(elapsed < .seconds(30), "took \(elapsed)")
    }
}
