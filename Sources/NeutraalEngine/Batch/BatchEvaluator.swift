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
    /// Bytes of JSON Lines per unit of work: 512 KB by default, where each unit's start (its caches, the
    /// hand-overs between threads) costs about 2.5% less of the time than at 256 KB, for about 7 MB more
    /// peak memory (see docs/performance.md).
    public let chunkSize: Int
    /// Evaluators like `evaluator` on copies of its rule set that share no object with it, for the workers
    /// beyond the first (see `RuleSetLoader.load(folder:copies:patternAutomata:)`); without them every
    /// worker judges with `evaluator`.
    public let copies: [Evaluator]

    public init(evaluator: Evaluator, baseline: Baseline = Baseline(), jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                chunkSize: Int = 1 << 19, copies: [Evaluator] = []) {
        self.evaluator = evaluator
        self.copies = copies
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
    /// Each record is read, judged, tallied and rendered (by a renderer that `renderers` prepares, one per
    /// unit of work, or one a worker carries on to its next unit, see `KitRoom`) on a worker thread, and then dropped there unless `keepItems`: a record's memory is
    /// freed by the thread that made it while it is still in the cache, and only text and counts travel back.
    /// Units are judged on `jobs` worker threads while the calling thread reads the next units and emits
    /// finished ones in order; at most `jobs * 3` units are read but not yet emitted, so memory stays flat.
    /// With `copies`, each worker judges with a rule set of its own (see `KitPool`); the results are the same.
    public func run(_ inputs: [InputCollector.Input], standardInput: InputBytes.Pieces,
                    renderers: RendererPreparation? = nil, keepItems: Bool = true,
                    emit: (UnitResult) -> Void) {
        let pipeline = Pipeline(limit: jobs * 3)
        let kits = KitPool(evaluator: evaluator, copies: copies, renderers: renderers)
        let workers = DispatchSemaphore(value: jobs)
        var submitted = 0
        var emitted = 0
        // kept results already emitted are freed on another thread, so that the calling thread goes straight
        // back to reading and handing out work; at most `jobs * 3` wait to be freed, so memory stays bounded
        let releases = DispatchSemaphore(value: jobs * 3)
        // the memory the units' text is rendered into goes round: the units not yet written out, and one more
        let outputs = OutputBuffers(keep: jobs * 3 + 2)
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
                let (kit, owned) = kits.take()
                pipeline.put(sequence, self.judge(unit, with: kit, room: owned ? kit.room : nil, keepItems: keepItems, outputs: outputs))
                if owned { kits.give(kit) }
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
                readStandardInput(standardInput, add: add)
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

    /// Reads, judges, tallies and renders one unit of work, record by record, its text into memory from `outputs`;
    /// with the workspace and renderer left in `room` by the last unit judged with the kit, and leaving them there
    /// for the next (`room` is nil for a kit lent to more than one worker at once: see `KitPool.take`).
    private func judge(_ unit: Unit, with kit: Kit, room: KitRoom?, keepItems: Bool, outputs: OutputBuffers) -> UnitResult {
        // taken out of the room, not copied: a copy left there would share the workspace's lists, which would then
        // be copied as they changed
        var workspace = room?.workspace.take() ?? Evaluator.Workspace()
        let records = room?.recordRoom ?? RecordRoom()
        var result = UnitResult()
        if let renderer = room?.renderer.take() ?? kit.makeRenderer?() {
            if let lines = renderer as? JSONReporter {
                // JSON Lines (`lint`'s format for large batches) with the renderer's type known: its lines written
                // by a direct call, not through the protocol's witness. The box let go of, and the renderer handed
                // on, not copied: the one renderer then holds what it keeps, which it writes only while it is
                // the only holder (see `QuotedTexts`).
                _ = consume renderer
                result = judge(unit, kit.evaluator, consume lines, records, &workspace, room: room, keepItems: keepItems, outputs: outputs)
            } else {
                result = judge(unit, kit.evaluator, renderer, records, &workspace, room: room, keepItems: keepItems, outputs: outputs)
            }
        } else {
            forEachItem(unit, kit.evaluator, records, &workspace) { item in
                result.summary.add(item)
                if keepItems { result.items.append(item) }
            }
        }
        room?.workspace = consume workspace
        return result
    }

    /// The same with a renderer, whose type is opened here once for the unit: called through the
    /// existential, each mutating `render` projected the renderer out of its box (a call into the runtime
    /// and a uniqueness check per record).
    private func judge<Renderer: ItemRendering>(_ unit: Unit, _ evaluator: Evaluator, _ renderer: consuming Renderer, _ records: RecordRoom,
                                                _ workspace: inout Evaluator.Workspace, room: KitRoom?, keepItems: Bool,
                                                outputs: OutputBuffers) -> UnitResult {
        var result = UnitResult()
        // JSON Lines come out about twice as long as they go in: room for that, and a little more
        var output = JSONBytes(capacity: unit.size * 5 / 2, from: outputs)
        forEachItem(unit, evaluator, records, &workspace) { item in
            result.summary.add(item)
            renderer.render(item, into: &output)
            if keepItems { result.items.append(item) }
        }
        result.rendered = output.take()
        if Renderer.carriesOver { room?.renderer = renderer }
        return result
    }

    /// The unit's results one at a time, each judged as soon as it is read. Compiled into each `judge`, so that
    /// `body` is called there directly rather than through a forwarder that reads the renderer's type out of
    /// the closure's context for every record.
    @inline(__always)
    private func forEachItem(_ unit: Unit, _ evaluator: Evaluator, _ records: RecordRoom, _ workspace: inout Evaluator.Workspace,
                             _ body: (ReportItem) -> Void) {
        let reader = DescriptionReader(vocabulary: evaluator.ruleSet.vocabulary)
        switch unit.content {
        case .problem(let problem): body(problem)
        case .whole(let source): for outcome in reader.read(source) { judge(outcome, evaluator, &workspace, body) }
        case .lines(let source, let firstNumber):
            reader.forEachLine(source, from: source.firstLine == 1 && source.bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0,
                               firstNumber: firstNumber, allowEmpty: firstNumber > 1, room: records) {
                judge($0, evaluator, &workspace, body)
            }
        }
    }

    /// Judges what was read of one record and hands the result to `body`; the result, once used, gives the
    /// room of its lists back to `workspace` for the next. (The workspace is passed `inout` rather than
    /// captured by a local function, whose captured variables are checked for exclusive access at run time.)
    private func judge(_ outcome: consuming ReadOutcome, _ evaluator: Evaluator, _ workspace: inout Evaluator.Workspace,
                       _ body: (ReportItem) -> Void) {
        switch consume outcome {
        case .description(let description):
            // the description moved from what was read into the evaluation (lent, it was counted for the
            // evaluation and let go of twice)
            var evaluation = evaluator.evaluate(consume description, reusing: &workspace)
            if !baseline.isEmpty { evaluation = baseline.apply(to: evaluation, vocabulary: evaluator.ruleSet.vocabulary) }
            let item = ReportItem.evaluated(consume evaluation)
            body(item)
            workspace.recycle(consume item)
        case .failure(let source, let id, let diagnostics):
            body(.failed(source: source, id: id, diagnostics: diagnostics))
        }
    }
}
