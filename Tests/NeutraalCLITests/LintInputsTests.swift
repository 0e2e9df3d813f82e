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
}
