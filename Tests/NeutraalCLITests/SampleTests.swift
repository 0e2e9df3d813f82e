import Foundation
import Testing

/// `neutraal check` on the sample posts in `Samples/`, with the real rule set found from the package root.
@Suite("check on the samples")
struct SampleTests {
    static let verdictWords = ["niet toegestaan", "afweging", "let op", "toegestaan"]

    /// The sample posts, relative to the package root.
    static var posts: [String] {
        let folder = PackageRoot.path + "/Samples/posts"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().map { "Samples/posts/" + $0 }
    }

    @Test("there are sample posts to check")
    func samplesExist() {
        #expect(!Self.posts.isEmpty)
    }

    @Test("exits 1 exactly when the verdict is a violation, and every finding line is `file:line:column: verdict: … [RULE-ID]`", arguments: posts)
    func checkSample(_ path: String) throws {
        let result = try Binary.run(["check", path])
        let first = try #require(result.outLines.first)
        let verdict = String(first.dropFirst(path.count + 2))
        #expect(first.hasPrefix(path + ": "))
        #expect(Self.verdictWords.contains(verdict), "\(result)")
        #expect(result.status == (verdict == "niet toegestaan" ? 1 : 0), "\(result)")
        let findingLines = result.outLines.filter { $0.hasPrefix(path + ":") && $0 != first }
        let shape = try Regex(#"^[^:]+:\d+:\d+: (niet toegestaan|afweging|let op|toegestaan|opzijgezet): .*\[[A-Z][A-Z0-9-]*\]"#)
        for line in findingLines {
            #expect(line.firstMatch(of: shape) != nil, "\(line)")
        }
        if verdict != "toegestaan" { #expect(!findingLines.isEmpty, "a verdict other than allowed rests on a finding") }
    }

    @Test("--format json gives the same verdict as the text output", arguments: posts.prefix(3).map { $0 })
    func jsonAgreesWithText(_ path: String) throws {
        let text = try Binary.run(["check", path, "--lang", "en"])
        let json = try Binary.run(["check", path, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let verdict = try #require(object["verdict"] as? String)
        #expect(text.outLines.first == "\(path): \(verdict)")
        #expect(json.status == text.status)
        let findings = try #require(object["findings"] as? [[String: Any]])
        for finding in findings {
            #expect((finding["rule"] as? String)?.isEmpty == false)
            #expect(((finding["citation"] as? [String: Any])?["locator"] as? String)?.isEmpty == false)
            #expect(finding["evidence"] is [Any])
        }
    }
}
