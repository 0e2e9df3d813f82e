import Foundation
import Testing

/// What `neutraal lint` reads of the paths it is given, through the built binary: symbolic links that cannot
/// be followed, hidden files and folders, and the note that names every file it did not read.
@Suite("neutraal lint: the inputs collected")
struct LintInputsTests {
    static var rules: String { PackageRoot.path + "/Rules" }

    /// A post whose account variant is misspelled: an unreadable description wherever it is read.
    static let misspelled = "---\nkind: post\naccount.variant: hybrd\n---\nhi\n"

    @Test("two symbolic links pointing at each other are a loop (input.symlink-loop), in a folder and named; a link to nothing is broken")
    func mutualLinks() throws {
        let workspace = try Workspace()
        let folder = workspace.root.appendingPathComponent("links")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("l1").path, withDestinationPath: "l2")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("l2").path, withDestinationPath: "l1")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("nowhere").path, withDestinationPath: "absent.md")

        let walked = try Binary.run(["lint", "links", "--no-progress", "--rules", Self.rules], in: workspace.root.path)
        #expect(walked.status == 2, "\(walked)")
        #expect(walked.outLines.contains { $0.hasPrefix("links/l1:1:1: ") && $0.hasSuffix("[input.symlink-loop]") }, "\(walked)")
        #expect(walked.outLines.contains { $0.hasPrefix("links/l2:1:1: ") && $0.hasSuffix("[input.symlink-loop]") }, "\(walked)")
        #expect(walked.outLines.contains { $0.hasPrefix("links/nowhere:1:1: ") && $0.contains("broken symbolic link") && $0.hasSuffix("[input.not-found]") },
                "\(walked)")
        #expect(!walked.out.contains("`links/l1` is a broken symbolic link"), "\(walked)")

        let named = try Binary.run(["lint", "links/l1", "--no-progress", "--rules", Self.rules], in: workspace.root.path)
        #expect(named.status == 2, "\(named)")
        #expect(named.outLines.contains { $0.hasPrefix("links/l1:1:1: ") && $0.hasSuffix("[input.symlink-loop]") }, "\(named)")
    }

    @Test("hidden files and folders met in a folder are skipped, counted and named in the note; nothing judged exits 0")
    func hiddenInFolder() throws {
        let workspace = try Workspace()
        try workspace.write("h/.x.md", Self.misspelled)
        try workspace.write("h/.cfg/y.md", Self.misspelled)
        let result = try Binary.run(["lint", "h", "--no-progress", "--rules", Self.rules], in: workspace.root.path)
        #expect(result.status == 0, "nothing at or above the failing verdict, nothing unreadable: \(result)")
        #expect(result.err.contains("note: skipped 2 hidden file(s) or folder(s) (names starting with `.`):\n"), "\(result)")
        #expect(result.err.contains("\n  h/.cfg/ (hidden)\n  h/.x.md (hidden)\n"), "\(result)")
        #expect(result.err.contains("hint: a hidden file or folder named on the command line is read, e.g. `neutraal lint h/.cfg/`"), "\(result)")
    }

    @Test("a hidden file or folder named on the command line is linted, not skipped")
    func hiddenNamed() throws {
        let workspace = try Workspace()
        try workspace.write("h/.x.md", Self.misspelled)
        try workspace.write("h/.cfg/y.md", Self.misspelled)
        let result = try Binary.run(["lint", "h/.x.md", "h/.cfg", "--no-progress", "--rules", Self.rules], in: workspace.root.path)
        #expect(result.status == 2, "both are read and unreadable: \(result)")
        #expect(result.outLines.contains { $0.hasPrefix("h/.x.md:3:18: ") && $0.hasSuffix("[input.unknown-value]") }, "\(result)")
        #expect(result.outLines.contains { $0.hasPrefix("h/.cfg/y.md:3:18: ") && $0.hasSuffix("[input.unknown-value]") }, "\(result)")
        #expect(!result.err.contains("skipped"), "\(result)")
    }

    @Test("the note names every skipped file up to 20 and counts the rest; SARIF lists them all as notifications",
          arguments: [3, 25])
    func everySkippedFileNamed(count: Int) throws {
        let workspace = try Workspace()
        let names = (1...count).map { String(format: "f%03d.png", $0) }
        for name in names { try workspace.write("g/" + name, "not a description") }
        try workspace.write("g/.git/config", "[core]")
        let result = try Binary.run(["lint", "g", "--no-progress", "--format", "sarif", "--rules", Self.rules], in: workspace.root.path)
        #expect(result.status == 0, "\(result)")
        #expect(result.err.hasPrefix("note: skipped \(count) file(s) that are not description files (.md, .json, .jsonl, .ndjson, .txt, .post)"
                                     + " and 1 hidden file(s) or folder(s) (names starting with `.`):\n"), "\(result)")
        let named = result.err.split(separator: "\n").filter { $0.hasPrefix("  g/") }.map { String($0.dropFirst(2)) }
        let paths = ["g/.git/ (hidden)"] + names.map { "g/" + $0 }
        #expect(named == Array(paths.prefix(20)), "\(result)")
        #expect(result.err.contains("  … and \(count + 1 - 20) more\n") == (count + 1 > 20), "\(result)")

        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        let uris = notifications.compactMap { notification -> String? in
            let location = (notification["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            return (location?["artifactLocation"] as? [String: Any])?["uri"] as? String
        }
        #expect(uris == ["g/.git/"] + names.map { "g/" + $0 })
        #expect(notifications.allSatisfy { $0["level"] as? String == "note" })
    }
}
