import Foundation

extension BatchEvaluator {
    /// Prepares, for the rule set a worker judges with, a maker of fresh renderers (one per unit of work);
    /// nil when the format renders only at the end of the run. Called once for the batch's rule set and
    /// once for each replica of it, so that what a renderer prepares per rule is the worker's own.
    public typealias RendererPreparation = @Sendable (RuleSet) -> (@Sendable () -> any ItemRendering)?

    /// What one worker thread judges and renders with: an evaluator and its renderers' maker.
    struct Kit: Sendable {
        let evaluator: Evaluator
        let makeRenderer: (@Sendable () -> any ItemRendering)?
    }

    /// The kits of a run: the batch's own, and up to `jobs - 1` made from replicas of its rule set
    /// (`RuleSet.replica()`), so that workers judging side by side do not count references on the same
    /// objects. A worker takes a kit for each unit of work and gives it back after.
    ///
    /// A replica costs about as much as loading the rule set (some 5 ms of one core), so one is made only
    /// for a long run: from the `replicateFrom`-th unit of JSON Lines on, when a worker finds no kit free.
    /// Until then, and for every other unit, a worker that finds none free shares the batch's own kit (as
    /// every worker did before kits, with the same results, only slower).
    final class KitPool: @unchecked Sendable {
        /// The unit of JSON Lines (counted from 0) from which on workers get replicas: a run of that many
        /// chunks takes several times a replica's cost.
        static let replicateFrom = 3
        private let lock = NSLock()
        private let primary: Kit
        private var free: [Kit]
        private var made = 0
        private let limit: Int
        private let prepare: RendererPreparation?

        init(evaluator: Evaluator, jobs: Int, renderers: RendererPreparation?) {
            primary = Kit(evaluator: evaluator, makeRenderer: renderers?(evaluator.ruleSet))
            free = [primary]
            limit = jobs - 1
            prepare = renderers
        }

        /// A kit for a unit of work; `long` when the unit is one of many chunks of JSON Lines. `owned` is
        /// false for the batch's own kit lent while another worker holds it: it is not given back.
        func take(long: Bool) -> (kit: Kit, owned: Bool) {
            lock.lock()
            if let kit = free.popLast() {
                lock.unlock()
                return (kit, true)
            }
            guard long, made < limit else {
                lock.unlock()
                return (primary, false)
            }
            made += 1
            lock.unlock()
            let evaluator = Evaluator(ruleSet: primary.evaluator.ruleSet.replica(), asOf: primary.evaluator.asOf,
                                      explain: primary.evaluator.explain)
            return (Kit(evaluator: evaluator, makeRenderer: prepare?(evaluator.ruleSet)), true)
        }

        /// Gives back a kit that `take` handed out as owned.
        func give(_ kit: Kit) {
            lock.lock()
            free.append(kit)
            lock.unlock()
        }
    }
}
