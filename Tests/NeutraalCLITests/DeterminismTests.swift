import Foundation
import Testing
import NeutraalEngine

/// The same input gives byte-identical output in every format, whatever the number of threads.
@Suite("Determinism", .serialized)
struct DeterminismTests {
    static let jobCounts = ["1", "2", "7"]

    /// Runs `lint` with each job count and expects identical standard output and exit status.
    static func expectIdentical(_ paths: [String], format: ReportFormat, in directory: String) throws {
        var first: CommandResult?
        for jobs in jobCounts {
            let result = try Binary.run(["lint"] + paths + ["--format", format.rawValue, "--jobs", jobs, "--as-of", "2024-06-01",
                                                            "--rules", PackageRoot.path + "/Rules", "--no-progress"], in: directory)
            #expect(result.status < 128, "the binary crashed: \(result)")
            #expect(!result.out.isEmpty)
            guard let reference = first else {
                first = result
                continue
            }
            #expect(result.status == reference.status, "--jobs \(jobs) exited \(result.status), --jobs 1 \(reference.status)")
            if result.out != reference.out {
                let a = reference.outLines
                let b = result.outLines
                let index = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                Issue.record("""
                    --format \(format.rawValue): --jobs \(jobs) differs from --jobs 1 at line \(index + 1)
                    --jobs 1: \(index < a.count ? String(a[index].prefix(300)) : "<end>")
                    --jobs \(jobs): \(index < b.count ? String(b[index].prefix(300)) : "<end>")
                    """)
            }
        }
    }

    @Test("lint Samples gives the same bytes with 1, 2 and 7 jobs", arguments: ReportFormat.allCases)
    func samples(_ format: ReportFormat) throws {
        try Self.expectIdentical(["Samples"], format: format, in: PackageRoot.path)
    }

    /// A batch of a few thousand records: the peers' generator when it is there, else the JSON Lines
    /// samples repeated with fresh ids, so that the work really is spread over several waves and threads.
    static func generatedBatch(in folder: URL) throws -> (path: String, origin: String) {
        let generator = URL(fileURLWithPath: PackageRoot.path).deletingLastPathComponent()
            .appendingPathComponent("shared/bench/peers/gen_activities.py").path
        let target = folder.appendingPathComponent("batch.jsonl")
        if FileManager.default.fileExists(atPath: generator) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", generator, "3000", "7"]
            _ = FileManager.default.createFile(atPath: target.path, contents: nil)
            let handle = try FileHandle(forWritingTo: target)
            process.standardOutput = handle
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            try handle.close()
            if process.terminationStatus == 0, ((try? Data(contentsOf: target))?.count ?? 0) > 0 {
                return (target.path, "gen_activities.py 3000 7")
            }
        }
        print("note: ../shared/bench/peers/gen_activities.py is absent or failed; the batch is built from Samples/batches instead")
        let samples = try String(contentsOfFile: PackageRoot.path + "/Samples/batches/mixed.jsonl", encoding: .utf8)
        let lines = samples.split(separator: "\n").map(String.init).filter { $0.hasPrefix("{") }
        try #require(!lines.isEmpty)
        var text = ""
        var number = 0
        while number < 3_000 {
            for line in lines where number < 3_000 {
                number += 1
                // a fresh id for every copy
                if let range = line.range(of: "\"id\": \"") {
                    text += line.replacingCharacters(in: range, with: "\"id\": \"gen-\(number)-") + "\n"
                } else {
                    text += "{\"id\": \"gen-\(number)\", " + line.dropFirst() + "\n"
                }
            }
            if number % 97 == 0 { text += "{\"kind\": \"post\", \"acount\": 1}\n" }   // an unreadable record now and then
        }
        try Data(text.utf8).write(to: target)
        return (target.path, "Samples/batches/mixed.jsonl × \(3_000 / max(1, lines.count))")
    }

    @Test("a generated batch of thousands of records gives the same bytes with 1, 2 and 7 jobs",
          arguments: [ReportFormat.json, .text, .sarif, .junit])
    func generated(_ format: ReportFormat) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neutraal-determinism-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, origin) = try Self.generatedBatch(in: folder)
        print("determinism batch: \(origin)")
        try Self.expectIdentical([path], format: format, in: folder.path)
    }
}
