import Foundation

extension RuleSetLoader {
    /// Loads the rule set in `folder` `copies` times over, side by side on as many threads: copies equal in
    /// every rule, table and automaton, with the same `version`, that share no object (each is compiled from
    /// bytes of its own). With `patternAutomata`, each copy gets them (`RuleSet.withPatternAutomata()`).
    ///
    /// For threads that judge side by side: every copy of a reference in Swift counts it atomically in the
    /// object, and two cores counting on the same object pass its cache line back and forth. `lint` gives
    /// each of its workers a copy of its own (`BatchEvaluator`), compiled while the other cores are idle at
    /// start-up, so that a copy costs no time on the clock (see docs/performance.md).
    ///
    /// Throws the diagnostics of the first copy, as `load(folder:)` does.
    public func load(folder: String, copies: Int, patternAutomata: Bool = false) throws -> [RuleSet] {
        let (sources, names) = try read(folder: folder)
        let count = max(1, copies)
        let results = CopyResults(count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            // the first copy compiles the bytes as read; the others fresh copies of them, paths included
            let own = index == 0 ? sources : sources.map {
                SourceText(path: String(decoding: Array($0.path.utf8), as: UTF8.self), bytes: Array($0.bytes))
            }
            let result = Result { try load(sources: own, names: names, patternAutomata: patternAutomata) }
            results.set(index, result)
        }
        var loaded: [RuleSet] = []
        for index in 0..<count {
            guard let result = results.get(index) else { continue }
            if index == 0 {
                loaded.append(try result.get())
            } else if case .success(let copy) = result, copy.version == loaded.first?.version {
                // the same bytes give the same rule set; a copy that did not would not be used
                loaded.append(copy)
            }
        }
        return loaded
    }
}

/// The results of compiling copies on several threads, each written once by its own thread.
private final class CopyResults: @unchecked Sendable {
    private var results: [Result<RuleSet, any Error>?]
    private let lock = NSLock()

    init(_ count: Int) {
        results = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<RuleSet, any Error>) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    func get(_ index: Int) -> Result<RuleSet, any Error>? {
        lock.lock()
        defer { lock.unlock() }
        return results[index]
    }
}
