import Foundation
import Testing
@testable import NeutraalEngine

/// The rule-language snippets of `docs/rule-language.md` load beside the real rule set, and a rule's
/// examples pass: an author who copies one starts from something that works.
@Suite("Documentation snippets")
struct DocSnippetTests {
    /// A fenced block of the document: where it starts, and its text.
    struct Snippet: CustomTestStringConvertible, Sendable {
        let line: Int
        let text: String
        var testDescription: String { "docs/rule-language.md:\(line): " + (text.split(separator: "\n").first.map(String.init) ?? "") }
    }

    static let blockKinds: Set<String> = ["rule", "define", "set", "lexicon", "calendar"]

    /// The fenced blocks that declare rule-language blocks, leaving out those written in part (with `…`, or a
    /// rule shown only by its header and one attribute).
    static let snippets: [Snippet] = {
        guard let text = try? String(contentsOfFile: PackageRoot.path() + "/docs/rule-language.md", encoding: .utf8) else { return [] }
        var snippets: [Snippet] = []
        var current: (line: Int, lines: [String])?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") {
                if let open = current {
                    snippets.append(Snippet(line: open.line, text: open.lines.joined(separator: "\n") + "\n"))
                    current = nil
                } else {
                    current = (index + 2, [])
                }
            } else {
                current?.lines.append(String(line))
            }
        }
        return snippets.filter { snippet in
            let headers = snippet.text.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.hasPrefix("#") }
            guard let first = headers.first?.split(separator: " ").first, blockKinds.contains(String(first)) else { return false }
            return !snippet.text.contains("…") && !(first == "rule" && !snippet.text.contains("\n  when:"))
        }
    }()

    /// The snippet with the names it declares prefixed by `doc-` (`DOC-` for rule ids), so that it loads beside
    /// the real blocks of the same name.
    static func renamed(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let words = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard words.count >= 2, blockKinds.contains(String(words[0])) else { return String(line) }
            let name = words[0] == "rule" ? "DOC-" + words[1] : "doc-" + words[1]
            return ([String(words[0]), name] + words.dropFirst(2).map(String.init)).joined(separator: " ")
        }.joined(separator: "\n")
    }

    @Test("the document has rule-language snippets to check")
    func snippetsFound() {
        #expect(Self.snippets.count >= 5, "\(Self.snippets.map(\.testDescription))")
    }

    @Test(arguments: snippets)
    func snippetLoads(_ snippet: Snippet) throws {
        let folder = PackageRoot.path() + "/Rules"
        var sources: [SourceText] = []
        for file in try RuleSetLoader.ruleFiles(in: folder) {
            sources.append(SourceText(path: file, bytes: try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/" + file)))))
        }
        let isVocabulary = snippet.text.hasPrefix("calendar")
        sources.append(SourceText(path: isVocabulary ? "zz-doc.schema" : "zz-doc.rules", text: Self.renamed(snippet.text)))
        let ruleSet: RuleSet
        do {
            ruleSet = try RuleSetLoader().load(sources: sources)
        } catch let list as DiagnosticList {
            Issue.record("the snippet does not load:\n\(list)")
            return
        }
        let report = RegressionRunner(ruleSet: ruleSet).run(samples: [], filter: "DOC-")
        for failure in report.cases where !failure.passed {
            Issue.record("\(failure.name) fails: \(failure.result)")
        }
    }
}
