/// The first pass over a description: each rule's outcome from the flat `ConditionProgram`, with the same
/// three-valued logic as the condition tree, and no evidence.
extension Evaluator {
    /// The outcome of a rule's condition on the record of `scope`.
    func quickOutcome(of rule: Rule, _ scope: inout Scope) -> Outcome {
        let program = ruleSet.program
        guard rule.index < program.roots.count else { return evaluate(rule.condition, &scope, trace: nil) }
        return outcome(of: program.roots[rule.index], program, &scope)
    }

    private func outcome(of index: Int32, _ program: ConditionProgram, _ scope: inout Scope) -> Outcome {
        let node = program.nodes[Int(index)]
        switch node.operation {
        case .all:
            var result = Outcome.true
            for child in node.first..<node.first + node.count {
                switch outcome(of: program.children[Int(child)], program, &scope) {
                case .false: return .false
                case .unknown: result = .unknown
                case .true: break
                }
            }
            return result
        case .any:
            var result = Outcome.false
            for child in node.first..<node.first + node.count {
                switch outcome(of: program.children[Int(child)], program, &scope) {
                case .true: return .true
                case .unknown: result = .unknown
                case .false: break
                }
            }
            return result
        case .not:
            return outcome(of: program.children[Int(node.first)], program, &scope).negated
        case .named:
            let definition = Int(node.mask)
            if let known = scope.programDefinitions[definition] { return known }
            let result = outcome(of: program.children[Int(node.first)], program, &scope)
            scope.programDefinitions[definition] = result
            return result
        case .test:
            return outcome(of: program.tests[Int(node.first)], &scope)
        case .symbolIn, .symbolNotIn, .listIncludesSymbol:
            return symbolTest(node, scope.record.values)
        case .some, .every, .no:
            return quantified(node, program, &scope)
        }
    }

    /// A test of enumeration values against the node's mask, exactly as `compare` decides it.
    /// (The value is looked at where it is in `values`: taking it out would retain a list or a text.)
    private func symbolTest(_ node: ConditionProgram.Node, _ values: SlotValues) -> Outcome {
        let negated = node.operation == .symbolNotIn
        switch (node.operation, values[Int(node.slot)]) {
        case (_, nil):
            switch node.absent {
            case .unknown: return .unknown
            case .false, .empty: return .from(negated)
            }
        case (.listIncludesSymbol, .list(let items)?):
            for item in items {
                if case .symbol(let index) = item, index >= 0, index < 64, node.mask & (1 << UInt64(index)) != 0 { return .true }
            }
            return .false
        case (.listIncludesSymbol, _):
            return .false
        case (_, .symbol(let index)?):
            let inMask = index >= 0 && index < 64 && node.mask & (1 << UInt64(index)) != 0
            return .from(inMask != negated)
        default:
            return .from(negated)
        }
    }

    /// `some`, `every` or `no` element of a list of objects.
    private func quantified(_ node: ConditionProgram.Node, _ program: ConditionProgram, _ scope: inout Scope) -> Outcome {
        let slot = Int(node.slot)
        guard case .objects(let elements)? = scope.record.values[slot] else {
            switch node.absent {
            case .unknown: return .unknown
            default: return node.operation == .some ? .false : .true
            }
        }
        guard case .objects(let layoutIndex) = ruleSet.vocabulary.layouts[scope.layout].fields[slot].type else {
            // no elements to look at, as the tree decides it
            return node.operation == .some ? .false : .true
        }
        var any = Outcome.false
        var all = Outcome.true
        guard let first = elements.first else { return node.operation == .some ? .false : .true }
        let body = program.children[Int(node.first)]
        var inner = Scope(record: first, layout: layoutIndex, prefix: "", source: scope.source)
        for element in elements {
            inner.reuse(for: element)
            let result = outcome(of: body, program, &inner)
            if result == .true { any = .true }
            if result == .unknown, any == .false { any = .unknown }
            if result == .false { all = .false }
            if result == .unknown, all == .true { all = .unknown }
            if node.operation == .some, any == .true { break }
        }
        switch node.operation {
        case .some: return any
        case .every: return all
        default: return any.negated
        }
    }
}

/// The outcomes of the program's definitions already evaluated on one record, two bits each: no
/// allocation for the first 64 definitions (a rule set has a handful), a dictionary for any beyond.
struct DefinitionOutcomes {
    /// The definitions evaluated, by bit.
    private var known: UInt64 = 0
    /// Of those, the ones that came out true, and the ones that came out unknown.
    private var isTrue: UInt64 = 0
    private var isUnknown: UInt64 = 0
    private var beyond: [Int: Outcome] = [:]

    /// Forgets every outcome (keeping the room of any beyond the first 64).
    mutating func reset() {
        known = 0
        isTrue = 0
        isUnknown = 0
        if !beyond.isEmpty { beyond.removeAll(keepingCapacity: true) }
    }

    /// The outcome of definition `index`, nil while it is not evaluated.
    subscript(index: Int) -> Outcome? {
        get {
            guard index < 64 else { return beyond[index] }
            let bit: UInt64 = 1 << UInt64(index)
            guard known & bit != 0 else { return nil }
            return isTrue & bit != 0 ? .true : isUnknown & bit != 0 ? .unknown : .false
        }
        set {
            guard index < 64 else { beyond[index] = newValue; return }
            let bit: UInt64 = 1 << UInt64(index)
            known &= ~bit
            isTrue &= ~bit
            isUnknown &= ~bit
            guard let newValue else { return }
            known |= bit
            if newValue == .true { isTrue |= bit }
            if newValue == .unknown { isUnknown |= bit }
        }
    }
}
