import Dispatch
import Foundation

/// Judges a batch of inputs as a stream: large JSON Lines files are read in chunks, work is spread over
/// the cores in waves of a bounded size (so memory stays flat however long the batch), and results are
/// handed back in input order, identical whatever the number of threads.
public struct BatchEvaluator: Sendable {
    public let evaluator: Evaluator
    public let baseline: Baseline
    /// Worker threads.
    public let jobs: Int
    /// Bytes of JSON Lines per unit of work.
    public let chunkSize: Int

    public init(evaluator: Evaluator, baseline: Baseline = Baseline(), jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                chunkSize: Int = 1 << 18) {
        self.evaluator = evaluator
        self.baseline = baseline
        self.jobs = max(1, jobs)
        self.chunkSize = max(1024, chunkSize)
    }

    /// A piece of work: one whole file, or a chunk of JSON Lines.
    struct Unit: Sendable {
        enum Content: Sendable {
            case whole(SourceText)
            case lines(SourceText, firstNumber: Int)
            case problem(ReportItem)
        }
        let content: Content
        var size: Int {
            switch content {
            case .whole(let source), .lines(let source, _): return source.bytes.count
            case .problem: return 1
            }
        }
    }

    /// Runs the batch; `emit` receives what each unit of work came to, in input order, on the calling thread.
    ///
    /// Each record is read, judged, tallied and rendered (by a renderer from `makeRenderer`, one per unit of
    /// work) on a worker thread, and then dropped there unless `keepItems`: a record's memory is freed by the
    /// thread that made it while it is still in the cache, and only text and counts travel back.
    /// Units are judged on `jobs` worker threads while the calling thread reads the next units and emits
    /// finished ones in order; at most `jobs * 3` units are read but not yet emitted, so memory stays flat.
    public func run(_ inputs: [InputCollector.Input], readStandardInput: () -> [UInt8],
                    makeRenderer: (@Sendable () -> any ItemRendering)? = nil, keepItems: Bool = true,
                    emit: (UnitResult) -> Void) {
        let pipeline = Pipeline(limit: jobs * 3)
        let workers = DispatchSemaphore(value: jobs)
        var submitted = 0
        var emitted = 0
        // kept results already emitted are freed on another thread, so that the calling thread goes straight
        // back to reading and handing out work; at most `jobs * 3` wait to be freed, so memory stays bounded
        let releases = DispatchSemaphore(value: jobs * 3)
        func emitReady(waitForOne: Bool) {
            var wait = waitForOne
            while let result = pipeline.take(emitted, wait: wait) {
                emit(result)
                emitted += 1
                wait = false
                guard !result.items.isEmpty else { continue }
                releases.wait()
                let box = ResultBox(result)
                DispatchQueue.global().async {
                    box.drop()
                    releases.signal()
                }
            }
        }
        func add(_ unit: Unit) {
            while submitted - emitted >= pipeline.limit { emitReady(waitForOne: true) }
            let sequence = submitted
            submitted += 1
            workers.wait()
            DispatchQueue.global().async {
                pipeline.put(sequence, self.judge(unit, renderer: makeRenderer?(), keepItems: keepItems))
                workers.signal()
            }
            emitReady(waitForOne: false)
        }
        for input in inputs {
            switch input {
            case .problem(let path, let code, let message, let hint):
                add(Unit(content: .problem(.failed(source: path, id: path,
                                                   diagnostics: [Diagnostic(code, message, at: SourceLocation(file: path, line: 1, column: 1), hint: hint)]))))
            case .standardInput:
                let bytes = readStandardInput()
                let source = SourceText(path: "<stdin>", bytes: bytes)
                if DescriptionReader.format(path: "", bytes: bytes) == .json, Self.looksLikeLines(bytes) {
                    for unit in Self.split(bytes, path: "<stdin>", chunkSize: chunkSize) { add(unit) }
                } else {
                    add(Unit(content: .whole(source)))
                }
            case .file(let path):
                let lower = path.lowercased()
                if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
                    streamLines(path, add: add)
                } else {
                    switch Self.readWhole(path) {
                    case .success(let source): add(Unit(content: .whole(source)))
                    case .failure(let diagnostic):
                        add(Unit(content: .problem(.failed(source: path, id: path, diagnostics: [diagnostic]))))
                    }
                }
            }
        }
        while emitted < submitted { emitReady(waitForOne: true) }
    }

    /// Carries emitted results to the thread that frees them.
    private final class ResultBox: @unchecked Sendable {
        private var result: UnitResult?
        init(_ result: UnitResult) { self.result = result }
        func drop() { result = nil }
    }

    /// Finished units by sequence number, handed to the emitting thread in order.
    final class Pipeline: @unchecked Sendable {
        let limit: Int
        private let condition = NSCondition()
        private var results: [Int: UnitResult] = [:]

        init(limit: Int) {
            self.limit = max(2, limit)
        }

        func put(_ sequence: Int, _ result: UnitResult) {
            condition.lock()
            results[sequence] = result
            condition.broadcast()
            condition.unlock()
        }

        /// The result of `sequence`: waits for it when `wait`, else nil when it is not finished yet.
        func take(_ sequence: Int, wait: Bool) -> UnitResult? {
            condition.lock()
            defer { condition.unlock() }
            while results[sequence] == nil {
                guard wait else { return nil }
                condition.wait()
            }
            return results.removeValue(forKey: sequence)
        }
    }

    /// Reads, judges, tallies and renders one unit of work, record by record.
    private func judge(_ unit: Unit, renderer: (any ItemRendering)?, keepItems: Bool) -> UnitResult {
        var result = UnitResult()
        var renderer = renderer
        // JSON Lines come out about twice as long as they go in: room for that, and a little more
        var output = JSONBytes(capacity: renderer == nil ? 64 : unit.size * 5 / 2)
        forEachItem(unit) { item in
            result.summary.add(item)
            renderer?.render(item, into: &output)
            if keepItems { result.items.append(item) }
        }
        if renderer != nil { result.rendered = output.take() }
        return result
    }

    /// The unit's results one at a time, each judged as soon as it is read.
    private func forEachItem(_ unit: Unit, _ body: (ReportItem) -> Void) {
        let reader = DescriptionReader(vocabulary: evaluator.ruleSet.vocabulary)
        func item(_ outcome: ReadOutcome) -> ReportItem {
            switch outcome {
            case .description(let description):
                let evaluation = evaluator.evaluate(description)
                return .evaluated(baseline.isEmpty ? evaluation : baseline.apply(to: evaluation, vocabulary: evaluator.ruleSet.vocabulary))
            case .failure(let source, let id, let diagnostics):
                return .failed(source: source, id: id, diagnostics: diagnostics)
            }
        }
        switch unit.content {
        case .problem(let problem): body(problem)
        case .whole(let source): for outcome in reader.read(source) { body(item(outcome)) }
        case .lines(let source, let firstNumber):
            reader.forEachLine(source, from: source.firstLine == 1 && source.bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0,
                               firstNumber: firstNumber, allowEmpty: firstNumber > 1) { body(item($0)) }
        }
    }

    // MARK: Reading

    static func readWhole(_ path: String) -> Result<SourceText, Diagnostic> {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(Diagnostic("input.unreadable", "cannot read `\(path)`", at: start, hint: "check the file's permissions"))
        }
        defer { try? handle.close() }
        do {
            let data = try handle.readToEnd() ?? Data()
            let bytes = [UInt8](data)
            if bytes.prefix(4096).contains(0) {
                return .failure(Diagnostic("input.binary", "`\(path)` is a binary file, not a description", at: start,
                                           hint: "description files are UTF-8 text: JSON, JSON Lines or a post with a `---` header"))
            }
            return .success(SourceText(path: path, bytes: bytes))
        } catch {
            return .failure(Diagnostic("input.unreadable", "cannot read `\(path)`", at: start, hint: "check the file's permissions"))
        }
    }

    /// Reads a JSON Lines file piece by piece, cutting at line ends, so that memory stays flat. Each piece is
    /// read with `read(2)` straight into the array its unit of work keeps; only the unfinished line at its
    /// end is copied, to the front of the next piece.
    private func streamLines(_ path: String, add: (Unit) -> Void) {
        func unreadable(_ message: String, line: Int) {
            add(Unit(content: .problem(.failed(source: path, id: path, diagnostics: [
                Diagnostic("input.unreadable", message, at: SourceLocation(file: path, line: line, column: 1),
                           hint: "check the file's permissions"),
            ]))))
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return unreadable("cannot read `\(path)`", line: 1) }
        defer { close(descriptor) }
        var carry: [UInt8] = []        // the unfinished line after the last line end read so far
        var skipping = false           // inside a line longer than a description may be: read past it
        var line = 1
        var number = 1
        var sawAny = false
        let limit = DescriptionReader.maximumRecordSize
        func tooLarge() {
            add(Unit(content: .problem(.failed(source: path, id: "\(path)#\(number)", diagnostics: [
                Diagnostic("input.too-large", "the description is larger than \(limit / 1024 / 1024) MB and is not judged",
                           at: SourceLocation(file: path, line: line, column: 1),
                           hint: "a description is one post, speech or activity; split the text or shorten it"),
            ]))))
            sawAny = true
            line += 1
            number += 1
        }
        func emit(_ bytes: [UInt8]) {
            let (lines, records) = Self.countLines(bytes)
            if records > 0 || !sawAny {
                add(Unit(content: .lines(SourceText(path: path, bytes: bytes, firstLine: line), firstNumber: number)))
            }
            sawAny = sawAny || records > 0
            line += lines
            number += records
        }
        while true {
            guard var piece = Self.read(descriptor, after: carry, upTo: chunkSize) else {
                return unreadable("reading `\(path)` failed", line: line)
            }
            if piece.count == carry.count { break }
            if skipping {
                guard let newline = piece.firstIndex(of: 0x0A) else { continue }
                skipping = false
                tooLarge()
                piece.removeSubrange(...newline)
            }
            if let lastNewline = piece.lastIndex(of: 0x0A) {
                carry = Array(piece[(lastNewline + 1)...])
                piece.removeSubrange((lastNewline + 1)...)
                emit(piece)
            } else {
                carry = piece
            }
            if carry.count > limit {
                // the current line alone is too large: drop what was read of it and skip to its end
                carry = []
                skipping = true
            }
        }
        if skipping {
            tooLarge()
        } else if !carry.isEmpty {
            emit(carry)
        }
        if !sawAny {
            add(Unit(content: .lines(SourceText(path: path, bytes: [], firstLine: 1), firstNumber: 1)))
        }
    }

    /// `prefix` followed by up to `count` bytes read from `descriptor` (fewer only at the end of the file),
    /// in one array; nil when reading fails.
    static func read(_ descriptor: Int32, after prefix: [UInt8], upTo count: Int) -> [UInt8]? {
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: prefix.count + count) { buffer, initialized in
            initialized = 0
            guard let target = buffer.baseAddress else { return }
            var filled = prefix.withUnsafeBufferPointer { source in
                if let start = source.baseAddress { target.initialize(from: start, count: source.count) }
                return source.count
            }
            let end = min(buffer.count, prefix.count + count)
            while filled < end {
                let got = Foundation.read(descriptor, target + filled, end - filled)
                if got < 0, errno == EINTR { continue }
                if got < 0 { failed = true }
                if got <= 0 { break }
                filled += got
            }
            initialized = filled
        }
        return failed ? nil : bytes
    }

    static func split(_ bytes: [UInt8], path: String, chunkSize: Int) -> [Unit] {
        var units: [Unit] = []
        var start = 0
        var line = 1
        var number = 1
        while start < bytes.count {
            var end = min(bytes.count, start + chunkSize)
            while end < bytes.count, bytes[end - 1] != 0x0A { end += 1 }
            let piece = Array(bytes[start..<end])
            units.append(Unit(content: .lines(SourceText(path: path, bytes: piece, firstLine: line), firstNumber: number)))
            let (lines, records) = countLines(piece)
            line += lines
            number += records
            start = end
        }
        if units.isEmpty { units.append(Unit(content: .lines(SourceText(path: path, bytes: [], firstLine: 1), firstNumber: 1))) }
        return units
    }

    /// The line ends in `bytes`, and the lines holding anything but white space, in one pass: line ends are
    /// found with `memchr`, and a line is looked at only up to its first byte that is not white space.
    static func countLines(_ bytes: [UInt8]) -> (lines: Int, records: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return (0, 0) }
            var lines = 0
            var records = 0
            var start = 0
            let count = buffer.count
            while start < count {
                let end: Int
                if let found = memchr(base + start, 0x0A, count - start) {
                    end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    lines += 1
                } else {
                    end = count
                }
                var index = start
                while index < end, base[index] == 0x20 || base[index] == 0x09 || base[index] == 0x0D { index += 1 }
                if index < end { records += 1 }
                start = end + 1
            }
            return (lines, records)
        }
    }

    /// Whether a JSON input holds one object per line (rather than one document).
    static func looksLikeLines(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }),
              bytes[first] == UInt8(ascii: "{") else { return false }
        var index = first
        var depth = 0
        var inString = false
        var escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
            } else if byte == 0x22 {
                inString = true
            } else if byte == 0x7B || byte == 0x5B {
                depth += 1
            } else if byte == 0x7D || byte == 0x5D {
                depth -= 1
                if depth == 0 {
                    // something after the first object on a later line: JSON Lines
                    return bytes[(index + 1)...].contains { $0 == 0x7B }
                }
            }
            index += 1
        }
        return false
    }
}
