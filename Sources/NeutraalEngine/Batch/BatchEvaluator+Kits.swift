import Foundation

extension BatchEvaluator {
    /// Prepares, for the rule set a worker judges with, a maker of fresh renderers (one per unit of work, unless
    /// a renderer carries over: see `KitRoom`);
    /// nil when the format renders only at the end of the run. Called once for the batch's rule set and
    /// once for each copy of it, so that what a renderer prepares per rule is the worker's own.
    public typealias RendererPreparation = @Sendable (RuleSet) -> (@Sendable () -> any ItemRendering)?

    /// What one worker thread judges and renders with: an evaluator and its renderers' maker, and the room
    /// where a worker that holds the kit leaves what it judged and rendered with for the next unit of work.
    struct Kit: Sendable {
        let evaluator: Evaluator
        let makeRenderer: (@Sendable () -> any ItemRendering)?
        let room = KitRoom()
    }

    /// What a worker read, judged and rendered a unit of work with, left for the next unit judged with the
    /// same kit: the reader's room (the last description, read into again, and the spare lists of its
    /// record), the evaluator's workspace (with the element paths spelled, the lists of cases joined and the
    /// rooms of lists it keeps from one description to the next) and a renderer that carries over (see
    /// `ItemRendering.carriesOver`). Made afresh for each unit of 512 KB, they cost some 140 instructions a
    /// record: their making and freeing, and everything they learn again in the unit's first records. Only a
    /// worker that holds the kit as its own (see `KitPool.take`) uses the room, so one thread at a time.
    final class KitRoom: @unchecked Sendable {
        var records: RecordRoom?
        var workspace: Evaluator.Workspace?
        var renderer: (any ItemRendering)?

        /// The reader's room, made on first use.
        var recordRoom: RecordRoom {
            if let records { return records }
            let made = RecordRoom()
            records = made
            return made
        }
    }

    /// The kits of a run: the batch's own, and one for each of its `copies` (evaluators of the same rule
    /// set compiled again, see `RuleSetLoader.load(folder:copies:patternAutomata:)`), so that workers
    /// judging side by side do not count references on the same objects. A worker takes a kit for each unit
    /// of work and gives it back after; one that finds none free (more jobs than copies) shares the batch's
    /// own, as every worker did before there were copies, with the same results.
    final class KitPool: @unchecked Sendable {
        private let lock = NSLock()
        private let primary: Kit
        private var free: [Kit]

        init(evaluator: Evaluator, copies: [Evaluator], renderers: RendererPreparation?) {
            primary = Kit(evaluator: evaluator, makeRenderer: renderers?(evaluator.ruleSet))
            free = copies.reversed().map { Kit(evaluator: $0, makeRenderer: renderers?($0.ruleSet)) } + [primary]
        }

        /// A kit for a unit of work. `owned` is false for the batch's own kit lent while another worker
        /// holds it: it is not given back.
        func take() -> (kit: Kit, owned: Bool) {
            lock.lock()
            defer { lock.unlock() }
            guard let kit = free.popLast() else { return (primary, false) }
            return (kit, true)
        }

        /// Gives back a kit that `take` handed out as owned.
        func give(_ kit: Kit) {
            lock.lock()
            free.append(kit)
            lock.unlock()
        }
    }
}
