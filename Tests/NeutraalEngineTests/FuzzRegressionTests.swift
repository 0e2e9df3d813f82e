import Foundation
import Testing
@testable import NeutraalEngine

/// Inputs for the three fuzzed parsers (see `Fuzz/` and `scripts/fuzz.sh`), replayed through the same entry
/// points as the fuzz targets: rule files beside the real vocabulary and alone, JSON and JSON Lines
/// descriptions, posts with a header. Each must come back as a value (a rule set, descriptions, or located
/// diagnostics), never as a crash, a hang or a location outside the input.
///
/// A crash, hang or out-of-memory that the fuzzers find is minimised (`fuzz-TARGET -minimize_crash=1`) and
/// added here, with the engine change that fixed it named beside it. So far the fuzzers found none (runs of
/// 10 minutes and more per target); the inputs below are the edge cases they were seeded to reach, kept so
/// that the guards that make them safe (nesting limit, UTF-8 validation, record size limit, clamped
/// locations) stay in place.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    struct Input: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        var testDescription: String { name }

        init(_ name: String, _ text: String) {
            self.name = name
            self.bytes = Array(text.utf8)
        }

        init(_ name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    static let root = PackageRoot.path()

    static var ruleSet: Result<RuleSet, DiagnosticList> { RealRules.loaded }

    static let vocabularySchema = SourceText(
        path: "Rules/vocabulary.schema", bytes: FileManager.default.contents(atPath: root + "/Rules/vocabulary.schema").map { [UInt8]($0) } ?? [])

    // MARK: Rule files

    static let ruleInputs: [Input] = [
        Input("empty", ""),
        Input("a lone byte-order mark", bytes: [0xEF, 0xBB, 0xBF]),
        Input("a lone quote", "\""),
        Input("a header with only a keyword", "rule"),
        Input("a bare colon attribute at the end of the file", "rule R \"T\"\n  when:"),
        Input("a string ending in a backslash", "rule R \"T\\"),
        Input("a comment after an unterminated string", "rule R \"T # x\n"),
        Input("a condition of only parentheses", "rule R \"T\"\n  when: ((((((((((\n"),
        Input("a condition of only closing parentheses", "rule R \"T\"\n  when: ))))))\n"),
        Input("a `some` without `where`", "rule R \"T\"\n  applies to: speech\n  when: some sections\n"),
        Input("a pattern of only a quantifier", "rule R \"T\"\n  when: text matches \"*\"\n"),
        Input("a pattern with an empty group and alternation", "rule R \"T\"\n  when: text matches \"(|)*\"\n"),
        Input("a pattern with a reversed class range", "rule R \"T\"\n  when: text matches \"[z-a]\"\n"),
        Input("a pattern with a lone `(?c`", "rule R \"T\"\n  when: text matches \"(?c\"\n"),
        Input("an enum with an empty value list", "enum e \"E\"\n"),
        Input("a field of an unknown type", "field f\n  type: list of list of enum\n"),
        Input("a calendar with an impossible date", "calendar c\n  period \"P\": 2023-13-45 to 2023-00-00\n"),
        Input("a kind that shadows a field", "kind text \"T\"\n"),
        Input("deep indentation", String(repeating: " ", count: 4_000) + "x: y\n"),
        Input("invalid UTF-8 in a title", bytes: Array("rule R \"".utf8) + [0xC0, 0x80, 0xED, 0xA0, 0x80] + Array("\"\n".utf8)),
        Input("CR without LF", "rule R \"T\"\r  when: x\r"),
    ]

    @Test("a hostile rule file comes back as a rule set or located diagnostics", arguments: ruleInputs)
    func ruleFile(_ input: Input) throws {
        #expect(!Self.vocabularySchema.bytes.isEmpty)
        let lineCount = input.bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        for sources in [[Self.vocabularySchema, SourceText(path: "fuzz.rules", bytes: input.bytes)],
                        [SourceText(path: "fuzz.schema", bytes: input.bytes)]] {
            do {
                _ = try RuleSetLoader().load(sources: sources)
            } catch let list as DiagnosticList {
                for diagnostic in list.diagnostics {
                    _ = diagnostic.description
                    guard let location = diagnostic.location, location.file.hasPrefix("fuzz.") else { continue }
                    #expect(location.line >= 1 && location.line <= lineCount, "\(diagnostic)")
                    #expect(location.column >= 1, "\(diagnostic)")
                }
            }
        }
    }

    // MARK: Descriptions

    static let descriptionInputs: [Input] = [
        Input("empty", ""),
        Input("only white space and CRs", " \r\n\t\r\n"),
        Input("a lone byte-order mark", bytes: [0xEF, 0xBB, 0xBF]),
        Input("a byte-order mark in the middle", bytes: Array("{\"kind\": \"post\"}\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("{\"kind\": \"post\"}".utf8)),
        Input("nesting 100,000 deep", String(repeating: "[", count: 100_000)),
        Input("objects nested 100,000 deep", String(repeating: "{\"a\":", count: 100_000)),
        Input("a lone high surrogate escape", "{\"kind\": \"post\", \"text\": \"\\ud800\"}"),
        Input("a high surrogate escape at the end", "{\"text\": \"\\ud800\\"),
        Input("a truncated \\u escape", "{\"text\": \"\\u12"),
        Input("a number that overflows a double", "{\"kind\": \"post\", \"x\": 1e999999}"),
        Input("a minus sign alone", "-"),
        Input("overlong UTF-8", bytes: Array("{\"kind\": \"post\", \"text\": \"".utf8) + [0xC0, 0xAF, 0xE0, 0x80, 0xAF] + Array("\"}".utf8)),
        Input("a UTF-8 sequence cut at the end", bytes: Array("{\"text\": \"".utf8) + [0xF0, 0x9F]),
        Input("a NUL inside a string", bytes: Array("{\"text\": \"a".utf8) + [0] + Array("b\"}".utf8)),
        Input("a header opened and never closed", "---\nkind: post\n"),
        Input("a header with only dashes", "---\n---\n---\n"),
        Input("a header line without a colon", "---\nkind post\n---\n"),
        Input("a header list of objects in broken JSON", "---\nkind: speech\nsections: [{\"content\": \n---\n"),
        Input("a header value that is a lone quote", "---\nkind: post\ntext: \"\n---\n"),
        Input("waivers in a header that are not a list", "---\nkind: post\nwaivers: {\"rule\": 1}\n---\n"),
        Input("a date with a huge year", "---\nkind: post\ndate: 99999999999-01-01\n---\n"),
        Input("a dotted key with empty parts", "{\"kind\": \"post\", \"..\": 1, \"account.\": 2, \".variant\": 3}"),
        Input("a key that is a prefix of a nested field", "{\"kind\": \"post\", \"account\": 1, \"account.variant\": \"corporate\"}"),
        Input("an expect object of the wrong shape", "{\"kind\": \"post\", \"expect\": {\"verdict\": [1], \"rules\": 5}}"),
        Input("hashtags made only of #", "---\nkind: post\n---\n# ## ### #\u{301} #\u{200D}\n"),
        Input("CR-only line ends in a header", "---\rkind: post\r---\rtekst\r"),
    ]

    @Test("a hostile description comes back as descriptions or located diagnostics", arguments: descriptionInputs)
    func description(_ input: Input) throws {
        let ruleSet = try Self.ruleSet.get()
        let reader = DescriptionReader(vocabulary: ruleSet.vocabulary)
        let evaluator = Evaluator(ruleSet: ruleSet, asOf: CivilDate.parse("2024-01-01") ?? 0)
        let lineCount = input.bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        for format in [DescriptionReader.Format.json, .jsonLines, .header] {
            let outcomes = reader.read(SourceText(path: "fuzz.\(format.rawValue)", bytes: input.bytes), format: format)
            #expect(!outcomes.isEmpty, "\(format): nothing came back")
            for outcome in outcomes {
                switch outcome {
                case .description(let description):
                    _ = evaluator.evaluate(description)
                    #expect(description.location.line >= 1 && description.location.line <= lineCount)
                case .failure(_, _, let diagnostics):
                    #expect(!diagnostics.isEmpty, "\(format): a failure without a diagnostic")
                    for diagnostic in diagnostics {
                        let location = try #require(diagnostic.location, "\(format): \(diagnostic) has no location")
                        #expect(location.line >= 1 && location.line <= lineCount, "\(format): \(diagnostic)")
                        #expect(location.column >= 1, "\(format): \(diagnostic)")
                    }
                }
            }
        }
    }
}
