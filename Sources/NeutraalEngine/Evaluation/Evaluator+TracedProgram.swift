/// The traced pass on the program: a rule that fired (or came out unknown) is evaluated once more, on the
/// flat `ConditionProgram` rather than the condition tree, to collect its evidence and missing facts.
///
/// It records exactly what the tree's traced pass (`evaluate(_:_:_:)` with a trace that records and does
/// not explain) keeps, in the same order; `TracedPassTests` checks both on every rule of every sample,
/// example and a generated batch. An explanation (`--explain`) is still built on the tree.
///
/// What a condition that comes out false recorded is always dropped (`Trace.prune`, and `any` and `some`
/// drop what their parts that are not true recorded), so the program's traced pass stops a node as soon as
/// it is known to be false: an `all` at its first false part, an `every` at its first false element, and a
/// definition that the first pass found false on the same record is not walked at all.
extension Evaluator {
    /// The outcome of the condition of the rule at `index`, with its evidence and missing facts in `trace`
    /// (on the tree for a rule outside the program).
    func tracedOutcome(ofRuleAt index: Int, _ program: ConditionProgram.View, _ scope: inout Scope, _ trace: inout Trace) -> Outcome {
        guard index < program.roots.count, !trace.explains else { return evaluate(ruleSet.rules[index].condition, &scope, &trace) }
        return ruleSet.program.traceInfo.withUnsafeBufferPointer { info in
            traced(program.roots[index], program, info, &scope, &trace)
        }
    }

    /// Node `index`, traced: as the tree's `evaluate(_:_:_:)` treats the condition the node was compiled from.
    private func traced(_ index: Int32, _ program: ConditionProgram.View, _ info: UnsafeBufferPointer<ConditionProgram.TraceInfo>,
                        _ scope: inout Scope, _ trace: inout Trace) -> Outcome {
        let node = program.nodes[Int(index)]
        switch node.operation {
        case .all:
            let marks = trace.marks
            var result = Outcome.true
            for child in node.first..<node.first + node.count {
                let outcome = tracedChild(program.children[Int(child)], program, info, &scope, &trace)
                if outcome == .false {
                    // false whatever the other parts are, and what a false part recorded is dropped
                    trace.prune(marks, .false)
                    return .false
                }
                if outcome == .unknown, result == .true { result = .unknown }
            }
            trace.prune(marks, result)
            return result
        case .any:
            let marks = trace.marks
            var result = Outcome.false
            for child in node.first..<node.first + node.count {
                let before = trace.evidence.count
                let outcome = tracedChild(program.children[Int(child)], program, info, &scope, &trace)
                if outcome == .true { result = .true }
                if outcome == .unknown, result == .false { result = .unknown }
                if outcome != .true { trace.dropEvidence(from: before) }
            }
            trace.prune(marks, result)
            return result
        case .not:
            // `not` keeps no evidence, and missing facts only when unknown: a decided outcome records nothing
            let decided = outcome(of: index, program, &scope)
            guard decided == .unknown else { return decided }
            let marks = trace.marks
            let result = traced(program.children[Int(node.first)], program, info, &scope, &trace).negated
            trace.dropEvidence(from: marks.evidence)
            return result
        case .named:
            return tracedDefinition(node, program, info, &scope, &trace)
        case .test, .symbolIn, .symbolNotIn, .listIncludesSymbol, .present, .missing, .boolIs, .boolIsNot:
            return tracedLeaf(index, node, program, info, &scope, &trace)
        case .some, .every, .no:
            return tracedQuantified(index, node, program, info, &scope, &trace)
        }
    }

    /// A child of `all` or `any`, traced: a test or a leaf decided and recorded right here, without a call of
    /// `traced` (a frame of its own for each, most of the calls of the traced pass), a definition through the
    /// call for its condition alone, any other node through `traced`.
    @inline(__always)
    private func tracedChild(_ index: Int32, _ program: ConditionProgram.View, _ info: UnsafeBufferPointer<ConditionProgram.TraceInfo>,
                             _ scope: inout Scope, _ trace: inout Trace) -> Outcome {
        let node = program.nodes[Int(index)]
        switch node.operation {
        case .test, .symbolIn, .symbolNotIn, .listIncludesSymbol, .present, .missing, .boolIs, .boolIsNot:
            return tracedLeaf(index, node, program, info, &scope, &trace)
        case .named:
            return tracedDefinition(node, program, info, &scope, &trace)
        default:
            return traced(index, program, info, &scope, &trace)
        }
    }

    /// A definition's node, traced: its condition (a definition the first pass found false on this record
    /// records nothing that would be kept, and is not walked).
    @inline(__always)
    private func tracedDefinition(_ node: ConditionProgram.Node, _ program: ConditionProgram.View,
                                  _ info: UnsafeBufferPointer<ConditionProgram.TraceInfo>, _ scope: inout Scope, _ trace: inout Trace) -> Outcome {
        if scope.programDefinitions[Int(node.mask)] == .false { return .false }
        return traced(program.children[Int(node.first)], program, info, &scope, &trace)
    }

    /// A test (`node.operation == .test`) or a leaf of the program, decided and recorded: the one place for
    /// both `traced` and `tracedChild`, inlined into each. A test that came out false records nothing (`record`
    /// keeps what supports a true test, or the missing fact of an unknown one), and costs no call of `record`.
    @inline(__always)
    private func tracedLeaf(_ index: Int32, _ node: ConditionProgram.Node, _ program: ConditionProgram.View,
                            _ info: UnsafeBufferPointer<ConditionProgram.TraceInfo>, _ scope: inout Scope, _ trace: inout Trace) -> Outcome {
        if node.operation == .test {
            return program.tests[Int(node.first)]._withUnsafeGuaranteedRef { test in
                let result = outcome(of: test, &scope)
                if result != .false { record(test, result, &scope, &trace) }
                return result
            }
        }
        let result = inlineLeafOutcome(node, scope.record.values)
        guard result != .false else { return result }
        if let test = info[Int(index)].test { test._withUnsafeGuaranteedRef { record($0, result, &scope, &trace) } }
        return result
    }

    /// `some`, `every` or `no` element of a list of objects, traced: every element is looked at (its
    /// evidence may be kept), each through a scope of its own that spells its facts as `path[n].field`.
    private func tracedQuantified(_ index: Int32, _ node: ConditionProgram.Node, _ program: ConditionProgram.View,
                                  _ info: UnsafeBufferPointer<ConditionProgram.TraceInfo>, _ scope: inout Scope, _ trace: inout Trace) -> Outcome {
        // `no` keeps no evidence either
        if node.operation == .no {
            let decided = outcome(of: index, program, &scope)
            if decided != .unknown { return decided }
        }
        let marks = trace.marks
        let slot = Int(node.slot)
        let path = info[Int(index)].path
        let result: Outcome
        switch scope.record.values.nonTextValue(at: slot) {
        case .objects(let elements)?:
            var tally = QuantifiedTally(node.operation)
            if case .objects(let layoutIndex) = ruleSet.vocabulary.layouts[scope.layout].fields[slot].type, let first = elements.first {
                let body = program.children[Int(node.first)]
                // one scope for every element, moved on from one to the next
                var inner = scope.element(first, layout: layoutIndex, path: path, index: 0)
                for (number, element) in elements.enumerated() {
                    if number > 0 { inner.moveOn(to: element, index: number) }
                    let before = trace.evidence.count
                    // the body decided as a part of `all` or `any` is (most bodies are one test: no call per element)
                    let outcome = tracedChild(body, program, info, &inner, &trace)
                    // every element is looked at, also once the outcome is decided (its evidence may be kept),
                    // except after a false element of `every`, which is then false and keeps nothing
                    let decided = tally.add(outcome)
                    if outcome != .true, node.operation == .some { trace.dropEvidence(from: before) }
                    if decided, node.operation == .every { break }
                }
            }
            result = tally.result
        default:
            if node.absent == .unknown {
                trace.missing.append(scope.fact(path))
                result = .unknown
            } else {
                result = node.operation == .some ? .false : .true
            }
        }
        if node.operation == .no { trace.dropEvidence(from: marks.evidence) }
        trace.prune(marks, result)
        return result
    }
}
