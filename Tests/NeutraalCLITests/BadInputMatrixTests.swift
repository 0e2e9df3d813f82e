import Foundation
import Testing

/// Broken and hostile description files, through the built binary: each gives a clear located error
/// (`file:line:column`), `check` exits 2, and `lint` still judges every other record of the folder.
@Suite("Bad input matrix", .serialized)
struct BadInputMatrixTests {
    enum Content: Sendable {
        case bytes([UInt8])
        /// One JSON line whose `text` is 100 MB, written at test time.
        case huge
        /// A file made unreadable with `chmod 000`.
        case unreadable
        /// A folder holding a symbolic link back to the linted folder (`lint` only).
        case symlinkLoop
        /// A folder holding two symbolic links that point at each other (`lint` only).
        case mutualLinks
    }

    enum Expected: Sendable {
        /// Read and judged (exit 0 or 1).
        case accepted
        /// `count` unreadable records, the first with this code at this line and column; `judged` records of
        /// the same file are read all the same.
        case error(code: String, line: Int, column: Int, count: Int = 1, judged: Int = 0)
    }

    struct BadInput: CustomTestStringConvertible, Sendable {
        let behaviour: String
        let file: String
        let content: Content
        let expected: Expected
        var testDescription: String { behaviour }

        init(_ behaviour: String, _ file: String, _ text: String, _ expected: Expected) {
            self.init(behaviour, file, bytes: Array(text.utf8), expected)
        }

        init(_ behaviour: String, _ file: String, bytes: [UInt8], _ expected: Expected) {
            self.init(behaviour, file, content: .bytes(bytes), expected)
        }

        init(_ behaviour: String, _ file: String, content: Content, _ expected: Expected) {
            self.behaviour = behaviour
            self.file = file
            self.content = content
            self.expected = expected
        }
    }

    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        + Array(repeating: 0, count: 64)

    static let cases: [BadInput] = [
        BadInput("malformed JSON (two commas)", "malformed.json", "{\"kind\": \"post\",\n \"text\": \"x\",,\n}",
                 .error(code: "input.invalid-json", line: 2, column: 14)),
        BadInput("truncated JSON", "truncated.json", "{\"kind\": \"post\", \"text\": \"hallo",
                 .error(code: "input.invalid-json", line: 1, column: 26)),
        BadInput("a JSON number", "number.json", "42", .error(code: "input.not-an-object", line: 1, column: 1)),
        BadInput("a JSON string", "string.json", "\"post\"", .error(code: "input.not-an-object", line: 1, column: 1)),
        BadInput("an array of numbers", "numbers.json", "[1, 2]", .error(code: "input.not-an-object", line: 1, column: 2, count: 2)),
        BadInput("invalid UTF-8 in JSON", "invalid-utf8.json", bytes: Array("{\"kind\": \"post\", \"text\": \"h".utf8) + [0xFF] + Array("\"}".utf8),
                 .error(code: "input.invalid-json", line: 1, column: 28)),
        BadInput("invalid UTF-8 in a post", "invalid-utf8.md", bytes: Array("---\nkind: post\ntext: x".utf8) + [0xC3, 0x28] + Array("\n---\n".utf8),
                 .error(code: "input.invalid-utf8", line: 3, column: 8)),
        BadInput("a byte-order mark before JSON", "bom.json", bytes: bom + Array("{\"kind\": \"post\", \"text\": \"hallo\"}".utf8), .accepted),
        BadInput("a byte-order mark before a post", "bom.md", bytes: bom + Array("---\nkind: post\n---\nHallo\n".utf8), .accepted),
        BadInput("CRLF line ends in a post", "crlf.md", "---\r\nkind: post\r\naccount.variant: corporate\r\n---\r\nHallo\r\n", .accepted),
        BadInput("CRLF line ends keep line numbers", "crlf-error.md", "---\r\nkind: post\r\nacount.variant: corporate\r\n---\r\nHallo\r\n",
                 .error(code: "input.unknown-field", line: 3, column: 1)),
        BadInput("CRLF JSON Lines keep line numbers", "crlf.jsonl", "{\"kind\": \"post\"}\r\n\r\n{\"kind\": \"post\", \"account\": {\"variant\": \"rood\"}}\r\n",
                 .error(code: "input.unknown-value", line: 3, column: 41, judged: 1)),
        BadInput("a byte-order mark before JSON Lines keeps line numbers", "bom.jsonl",
                 bytes: bom + Array("{\"kind\": \"post\"}\n\n{\"kind\": \"post\", \"account\": {\"variant\": \"rood\"}}\n".utf8),
                 .error(code: "input.unknown-value", line: 3, column: 41, judged: 1)),
        BadInput("an empty JSON file", "empty.json", "", .error(code: "input.empty", line: 1, column: 1)),
        BadInput("an empty post", "empty.md", "\n\n", .error(code: "input.empty", line: 1, column: 1)),
        BadInput("a 100 MB record", "huge.jsonl", content: .huge, .error(code: "input.too-large", line: 1, column: 1, judged: 1)),
        BadInput("nesting 10,000 deep", "deep.json", String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
                 .error(code: "input.invalid-json", line: 1, column: 65)),
        BadInput("nesting 10,000 deep inside an object", "deep-object.json",
                 "{\"kind\": \"post\", \"x\": " + String(repeating: "{\"a\": ", count: 10_000) + "1" + String(repeating: "}", count: 10_001),
                 .error(code: "input.invalid-json", line: 1, column: 401)),
        BadInput("duplicate keys", "duplicate.json", "{\"kind\": \"post\", \"kind\": \"speech\"}",
                 .error(code: "input.duplicate-field", line: 1, column: 18)),
        BadInput("an unknown field", "unknown.json", "{\"kind\": \"post\",\n  \"acount\": {\"variant\": \"corporate\"}}",
                 .error(code: "input.unknown-field", line: 2, column: 3)),
        BadInput("a wrong type", "wrong-type.json", "{\"kind\": \"post\", \"text\": 5}", .error(code: "input.wrong-type", line: 1, column: 26)),
        BadInput("a value outside the vocabulary", "outside.md", "---\nkind: post\naccount.variant: rood\n---\nHallo\n",
                 .error(code: "input.unknown-value", line: 3, column: 18)),
        BadInput("a value that only another kind gives the field", "other-kind.md", "---\nkind: research\npurpose: partij\n---\nHallo\n",
                 .error(code: "input.value-of-other-kind", line: 3, column: 1)),
        BadInput("a value that only another kind gives the field, in JSON Lines", "other-kind.jsonl",
                 "{\"kind\": \"meeting\", \"purpose\": \"campaign\"}\n{\"kind\": \"meeting\", \"topic\": \"party-politics\"}\n",
                 .error(code: "input.value-of-other-kind", line: 2, column: 21, judged: 1)),
        BadInput("a binary file", "image.md", bytes: png, .error(code: "input.", line: 1, column: 1)),
        BadInput("an unreadable file", "unreadable.json", content: .unreadable, .error(code: "input.unreadable", line: 1, column: 1)),
        BadInput("a symbolic-link loop", "loop", content: .symlinkLoop, .error(code: "input.symlink-loop", line: 1, column: 1)),
        BadInput("two symbolic links pointing at each other", "links", content: .mutualLinks,
                 .error(code: "input.symlink-loop", line: 1, column: 1, count: 2)),
    ]

    /// A valid post and two valid JSON Lines records placed around the bad file in each linted folder.
    static let goodPost = "---\nkind: post\naccount.variant: corporate\ndate: 2023-11-10\n---\nVandaag bezocht ik een school in Zwolle.\n"
    static let goodLines = "{\"kind\": \"post\", \"text\": \"een\"}\n{\"kind\": \"post\", \"text\": \"twee\"}\n"
    static let goodRecords = 3

    static var rules: String { PackageRoot.path + "/Rules" }

    /// Writes the bad input below `folder`; nil when the case cannot be set up here (with the reason).
    static func place(_ input: BadInput, in folder: URL) throws -> String? {
        let url = folder.appendingPathComponent(input.file)
        switch input.content {
        case .bytes(let bytes):
            try Data(bytes).write(to: url)
        case .huge:
            let handle = try createFile(url)
            defer { try? handle.close() }
            try handle.write(contentsOf: Data("{\"kind\": \"post\", \"text\": \"".utf8))
            let block = Data(String(repeating: "stem op ons ", count: 87_382).utf8)   // about 1 MB
            for _ in 0..<100 { try handle.write(contentsOf: block) }
            try handle.write(contentsOf: Data("\"}\n{\"kind\": \"post\", \"text\": \"kort\"}\n".utf8))
        case .unreadable:
            try Data("{\"kind\": \"post\"}".utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: url.path)
            // as root (common in CI containers) chmod 000 does not stop reading: skip just this case
            if FileManager.default.isReadableFile(atPath: url.path) || access(url.path, R_OK) == 0 {
                return "chmod 000 does not make a file unreadable here (running as root)"
            }
        case .symlinkLoop:
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: url.appendingPathComponent("back").path, withDestinationPath: "../")
        case .mutualLinks:
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: url.appendingPathComponent("l1").path, withDestinationPath: "l2")
            try FileManager.default.createSymbolicLink(atPath: url.appendingPathComponent("l2").path, withDestinationPath: "l1")
        }
        return nil
    }

    /// The largest resident set of any finished child process so far, in kilobytes.
    static func childrenPeakMemory() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return usage.ru_maxrss
        #else
        getrusage(RUSAGE_CHILDREN, &usage)
        return usage.ru_maxrss / 1024   // bytes on Darwin
        #endif
    }

    static func createFile(_ url: URL) throws -> FileHandle {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        return try FileHandle(forWritingTo: url)
    }

    /// A fresh folder `batch/` below a temporary root: good files around the bad one.
    static func batch(_ input: BadInput) throws -> (root: URL, skip: String?) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("neutraal-bad-\(UUID().uuidString)")
        let batch = root.appendingPathComponent("batch")
        try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
        try Data(goodPost.utf8).write(to: batch.appendingPathComponent("a-good.md"))
        try Data(goodLines.utf8).write(to: batch.appendingPathComponent("z-good.jsonl"))
        let skip = try place(input, in: batch)
        return (root, skip)
    }

    static func cleanUp(_ root: URL) {
        // give an unreadable file its permissions back so that it can be removed
        if let enumerator = FileManager.default.enumerator(atPath: root.path) {
            while let item = enumerator.nextObject() as? String {
                try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: root.path + "/" + item)
            }
        }
        try? FileManager.default.removeItem(at: root)
    }

    @Test("check: a located error and exit status 2, or the file is judged", arguments: cases)
    func check(_ input: BadInput) throws {
        switch input.content {
        case .symlinkLoop, .mutualLinks: return   // `check` takes one file; the loops are folder cases
        default: break
        }
        let (root, skip) = try Self.batch(input)
        defer { Self.cleanUp(root) }
        if let skip {
            print("skipped `\(input.behaviour)`: \(skip)")
            return
        }
        let path = "batch/" + input.file
        let clock = ContinuousClock()
        let started = clock.now
        let result = try Binary.run(["check", path, "--rules", Self.rules, "--as-of", "2024-06-01"], in: root.path)
        let elapsed = clock.now - started
        #expect(result.status < 128, "the binary crashed: \(result)")
        #expect(elapsed < .seconds(120), "took \(elapsed)")
        switch input.expected {
        case .accepted:
            #expect(result.status == 0 || result.status == 1, "\(result)")
            #expect(!result.err.contains("error"), "\(result)")
        case .error(let code, let line, let column, _, _):
            #expect(result.status == 2, "\(result)")
            let all = result.out + result.err
            #expect(all.contains("\(path):\(line):\(column): "), "no `\(path):\(line):\(column)` in \(result)")
            #expect(all.contains("[\(code)"), "no code `\(code)` in \(result)")
        }
    }

    @Test("lint --format json: the error is located and every other record is judged", arguments: cases)
    func lint(_ input: BadInput) throws {
        let (root, skip) = try Self.batch(input)
        defer { Self.cleanUp(root) }
        if let skip {
            print("skipped `\(input.behaviour)`: \(skip)")
            return
        }
        let peakBefore = Self.childrenPeakMemory()
        let clock = ContinuousClock()
        let started = clock.now
        let result = try Binary.run(["lint", "batch", "--format", "json", "--rules", Self.rules, "--as-of", "2024-06-01",
                                     "--no-progress", "--jobs", "2"], in: root.path)
        let elapsed = clock.now - started
        let peakAfter = Self.childrenPeakMemory()
        #expect(result.status < 128, "the binary crashed: \(result)")
        #expect(elapsed < .seconds(120), "took \(elapsed)")
        if case .huge = input.content {
            // the peak of all children so far; only meaningful when no earlier child (a `swift build`) already went higher
            if peakBefore < 1_000_000 {
                #expect(peakAfter < 1_000_000, "peak memory \(peakAfter) kB for a 100 MB file")
            }
        }
        var judged = 0
        var errors: [[String: Any]] = []
        for line in result.out.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
            if object["verdict"] != nil { judged += 1 }
            if let error = object["error"] as? [String: Any] { errors.append(error) }
        }
        switch input.expected {
        case .accepted:
            #expect(judged == Self.goodRecords + 1, "\(result)")
            #expect(errors.isEmpty, "\(result)")
            #expect(result.status == 0 || result.status == 1)
        case .error(let code, let line, let column, let count, let alsoJudged):
            #expect(judged == Self.goodRecords + alsoJudged, "every other record must be judged: \(result)")
            #expect(errors.count == count, "\(result)")
            #expect(result.status == 2, "\(result)")
            let first = try #require(errors.first)
            #expect((first["code"] as? String)?.hasPrefix(code) == true, "\(first)")
            #expect(first["line"] as? Int == line, "\(first)")
            #expect(first["column"] as? Int == column, "\(first)")
            #expect((first["file"] as? String)?.hasPrefix("batch/" + input.file) == true, "\(first)")
            for error in errors {
                #expect((error["line"] as? Int ?? 0) >= 1 && (error["column"] as? Int ?? 0) >= 1, "\(error)")
            }
        }
    }
}
