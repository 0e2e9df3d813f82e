import Foundation
import NeutraalEngine

/// How many copies of the rule set `lint` compiles for its workers (see
/// `RuleSetLoader.load(folder:copies:patternAutomata:)`): one per worker that can run at once when the
/// batch is large, else one, shared by every worker.
///
/// Workers that share no object do not pass reference counts from core to core; that saves a few percent
/// of the processor time of a large batch (docs/performance.md), but a copy costs about as much as
/// loading the rule set, some 4 ms on the clock even when compiled beside the first. So copies are made
/// only for files that add up to `threshold` bytes or more; standard input, whose length is not known in
/// advance, does not count.
enum RuleSetCopies {
    /// 64 MB: about 110,000 records of the peers' generator, some 300 ms of processor time.
    static let threshold = 64 << 20

    static func count(for inputs: [InputCollector.Input], jobs: Int) -> Int {
        let workers = min(jobs, ProcessInfo.processInfo.activeProcessorCount)
        guard workers > 1 else { return 1 }
        var total = 0
        for case .file(let path) in inputs {
            var status = stat()
            if stat(path, &status) == 0 { total += Int(status.st_size) }
            if total >= threshold { return workers }
        }
        return 1
    }
}
