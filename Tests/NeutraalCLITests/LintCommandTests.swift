import Foundation
import Testing

/// `neutraal lint` through the built binary with the real rule set: mixed batches, the exit status,
/// several reports from one run, baselines and waivers.
@Suite("neutraal lint")
struct LintCommandTests {
    static var rules: String { PackageRoot.path + "/Rules" }

    /// A corporate post with a call to vote: SOCIAL-CORP-02, a violation.
    static let votingCall = "---\nkind: post\naccount.variant: corporate\npostedBy: minister\ndate: 2023-11-20\n---\nStem op 22 november op ons!\n"
    /// A hybrid post against a cabinet decision: RVO-01, a judgement.
    static let againstCabinet = """
        ---
        kind: post
        date: 2022-11-03
        actor.role: minister
        account.variant: hybrid
        postedBy: minister
        content.againstCabinetDecision: true
        ---
        Ik blijf erbij: dit besluit is niet goed voor de mensen die het al moeilijk hebben. #ChristenUnie

        """

    static func records(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    static func findings(_ record: [String: Any]) -> [(rule: String, status: String)] {
        ((record["findings"] as? [[String: Any]]) ?? []).map { ($0["rule"] as? String ?? "", $0["status"] as? String ?? "") }
    }

    @Test("a mixed batch (folder, post, JSON array, JSON Lines with a broken line, standard input) is judged in input order with one located error")
    func mixedBatch() throws {
        let workspace = try Workspace()
        try workspace.write("batch/a-post.md", Self.votingCall)
        try workspace.write("batch/b-array.json", #"[{"id": "arr-1", "kind": "post", "account": {"variant": "corporate"}, "postedBy": "ambtenaar", "content": {"officeRelated": true}, "text": "Beleid."}, {"id": "arr-2", "kind": "research", "purpose": "image-building", "method": "commissioned"}]"#)
        try workspace.write("batch/c-lines.jsonl", """
            {"id": "line-1", "kind": "publication", "document": {"type": "besluit", "personalData": "present", "public": true}}
            {"id": "line-2", "kind": "post", "account": {"variant": "hybride"
            {"id": "line-3", "kind": "publication", "document": {"type": "besluit", "personalData": "anonymised", "public": true}}

            """)
        try workspace.write("batch/picture.png", Data([0x89, 0x50, 0x4E, 0x47]))
        let result = try Binary.run(["lint", "batch", "-", "--format", "json", "--rules", Self.rules], in: workspace.root.path,
                                    stdin: #"{"id": "stdin-1", "kind": "research", "purpose": "understand-society", "method": "public-polls"}"#)
        #expect(result.status == 2, "an unreadable record makes the exit status 2: \(result)")
        let records = try Self.records(result.out)
        let ids = records.map { $0["id"] as? String ?? "" }
        #expect(ids == ["batch/a-post.md", "arr-1", "arr-2", "line-1", "batch/c-lines.jsonl#2", "line-3", "stdin-1"])
        let broken = try #require(records.first { $0["error"] != nil })
        let error = try #require(broken["error"] as? [String: Any])
        #expect(error["line"] as? Int == 2)
        #expect((error["column"] as? Int ?? 0) > 1)
        #expect(error["file"] as? String == "batch/c-lines.jsonl")
        #expect(records[0]["verdict"] as? String == "violation")
        #expect(Self.findings(records[0]).contains { $0.rule == "SOCIAL-CORP-02" && $0.status == "fired" })
        #expect(result.err.contains("note: skipped 1 file(s) that are not description files"), "a file that is not a description is counted, not silently dropped")
        #expect(result.err.contains("\n  batch/picture.png\n"), "and named: \(result)")
    }

    @Test("--fail-on sets which verdicts fail the run")
    func failOn() throws {
        let workspace = try Workspace()
        try workspace.write("judgement.md", Self.againstCabinet)
        let plain = try Binary.run(["lint", "judgement.md", "--rules", Self.rules], in: workspace.root.path)
        #expect(plain.status == 0, "a judgement does not fail by default: \(plain)")
        #expect(plain.out.contains("judgement.md:"), "\(plain)")
        #expect(plain.out.contains("[RVO-01]"))
        let strict = try Binary.run(["lint", "judgement.md", "--fail-on", "judgement", "--rules", Self.rules], in: workspace.root.path)
        #expect(strict.status == 1, "\(strict)")
        let wrong = try Binary.run(["lint", "judgement.md", "--fail-on", "judgment", "--rules", Self.rules], in: workspace.root.path)
        #expect(wrong.status == 2)
        #expect(wrong.err.contains("did you mean `judgement`?"), "\(wrong)")
    }

    @Test("--report writes several formats from one run, the same as --format would")
    func severalReports() throws {
        let workspace = try Workspace()
        try workspace.write("post.md", Self.votingCall)
        let combined = try Binary.run(["lint", "post.md", "--report", "sarif:out.sarif", "--report", "junit:out.xml", "--rules", Self.rules],
                                      in: workspace.root.path)
        #expect(combined.status == 1)
        #expect(combined.out.contains("[SOCIAL-CORP-02]"), "the terminal output is there beside the reports")
        let sarif = try Binary.run(["lint", "post.md", "--format", "sarif", "--rules", Self.rules], in: workspace.root.path)
        let junit = try Binary.run(["lint", "post.md", "--format", "junit", "--rules", Self.rules], in: workspace.root.path)
        #expect(try String(contentsOf: workspace.root.appendingPathComponent("out.sarif"), encoding: .utf8) == sarif.out)
        #expect(try String(contentsOf: workspace.root.appendingPathComponent("out.xml"), encoding: .utf8) == junit.out)
        let bad = try Binary.run(["lint", "post.md", "--report", "pdf:x.pdf", "--rules", Self.rules], in: workspace.root.path)
        #expect(bad.status == 2)
    }

    @Test("a baseline accepts known findings, reports them as baselined, and stops matching when the post is edited")
    func baseline() throws {
        let workspace = try Workspace()
        try workspace.write("posts/post.md", Self.votingCall)
        let written = try Binary.run(["lint", "posts", "--write-baseline", "baseline.json", "--rules", Self.rules], in: workspace.root.path)
        #expect(written.status == 1)
        let baselineText = try String(contentsOf: workspace.root.appendingPathComponent("baseline.json"), encoding: .utf8)
        #expect(baselineText.contains("SOCIAL-CORP-02"))
        let accepted = try Binary.run(["lint", "posts", "--baseline", "baseline.json", "--format", "json", "--rules", Self.rules],
                                      in: workspace.root.path)
        #expect(accepted.status == 0, "the baselined finding does not fail the run: \(accepted)")
        let record = try #require(try Self.records(accepted.out).first)
        #expect(Self.findings(record).contains { $0.rule == "SOCIAL-CORP-02" && $0.status == "baselined" }, "reported, not hidden")
        try workspace.write("posts/post.md", Self.votingCall.replacingOccurrences(of: "op ons!", with: "op ons, echt!"))
        let edited = try Binary.run(["lint", "posts", "--baseline", "baseline.json", "--rules", Self.rules], in: workspace.root.path)
        #expect(edited.status == 1, "an edited post is judged afresh: \(edited)")
    }

    static func waived(reason: String?, until: String) -> String {
        let reasonField = reason.map { #", "reason": "\#($0)""# } ?? ""
        return Self.votingCall.replacingOccurrences(
            of: "date: 2023-11-20\n",
            with: "date: 2023-11-20\nwaivers: [{\"rule\": \"SOCIAL-CORP-02\"\(reasonField), \"approvedBy\": \"integriteitscoördinator\", \"until\": \"\(until)\"}]\n")
    }

    @Test("a valid waiver accepts the finding and reports it as waived; one without reason or past its date is an error and waives nothing")
    func waivers() throws {
        let workspace = try Workspace()
        try workspace.write("ok.md", Self.waived(reason: "geplaatst voor de instructie; gecorrigeerd", until: "2030-01-01"))
        let ok = try Binary.run(["lint", "ok.md", "--format", "json", "--as-of", "2026-01-01", "--rules", Self.rules], in: workspace.root.path)
        #expect(ok.status == 0, "\(ok)")
        let record = try #require(try Self.records(ok.out).first)
        #expect(Self.findings(record).contains { $0.rule == "SOCIAL-CORP-02" && $0.status == "waived" })
        #expect(record["verdict"] as? String == "allowed")

        try workspace.write("expired.md", Self.waived(reason: "tijdelijk", until: "2024-01-01"))
        let expired = try Binary.run(["lint", "expired.md", "--as-of", "2026-01-01", "--rules", Self.rules], in: workspace.root.path)
        #expect(expired.status == 2, "\(expired)")
        #expect(expired.out.contains("expired on 2024-01-01"), "\(expired)")
        #expect(expired.out.contains("[SOCIAL-CORP-02]"), "the finding stands")

        try workspace.write("unreasoned.md", Self.waived(reason: nil, until: "2030-01-01"))
        let unreasoned = try Binary.run(["lint", "unreasoned.md", "--as-of", "2026-01-01", "--rules", Self.rules], in: workspace.root.path)
        #expect(unreasoned.status == 2)
        #expect(unreasoned.out.contains("gives no reason"), "\(unreasoned)")
    }

    @Test("text output is compiler-style with a summary per verdict and per rule")
    func textSummary() throws {
        let workspace = try Workspace()
        try workspace.write("a.md", Self.votingCall)
        try workspace.write("b.md", Self.againstCabinet)
        let result = try Binary.run(["lint", "a.md", "b.md", "--lang", "en", "--rules", Self.rules], in: workspace.root.path)
        #expect(result.status == 1)
        #expect(result.outLines.contains { $0.hasPrefix("a.md:3:1: violation: ") && $0.hasSuffix("[SOCIAL-CORP-02]") }, "\(result)")
        #expect(result.out.contains("2 descriptions: 1 violation, 1 judgement, 0 advisory, 0 allowed"), "\(result)")
        #expect(result.out.contains("  SOCIAL-CORP-02: 1 (violation)"))
    }

    @Test("a summary of one description counts it in the singular, in English and in Dutch", arguments: [
        ("en", "1 description: 1 violation"), ("nl", "1 beschrijving: 1 niet toegestaan"),
    ])
    func singularSummary(_ language: String, _ expected: String) throws {
        let workspace = try Workspace()
        try workspace.write("a.md", Self.votingCall)
        let result = try Binary.run(["lint", "a.md", "--lang", language, "--rules", Self.rules], in: workspace.root.path)
        #expect(result.out.contains("\n" + expected + ", "), "\(result)")
    }
}
