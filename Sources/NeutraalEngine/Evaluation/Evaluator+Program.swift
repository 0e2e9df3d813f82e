/// The first pass over a description: each rule's outcome from the flat `ConditionProgram`, with the same
/// three-valued logic as the condition tree, and no evidence.
extension Evaluator {
    /// The outcome of a rule's condition on the record of `scope`, as the loop over a description's rules
    /// gets it (its gate first).
    func quickOutcome(of rule: Rule, _ scope: inout Scope) -> Outcome {
        let values = scope.record.values
        return ruleSet.program.withView { gatedOutcome(ofRuleAt: rule.index, $0, values, &scope) }
    }

    /// The outcome of the condition of the rule at `index`: its gate looked at in place (see
    /// `gateOutcome`), and the rest of the rule only where the gate does not decide it. `values` are those
    /// of the record of `scope`.
    @inline(__always)
    func gatedOutcome(ofRuleAt index: Int, _ program: ConditionProgram.View, _ values: SlotValues, _ scope: inout Scope) -> Outcome {
        switch gateOutcome(ofRuleAt: index, program, values) {
        case nil: return quickOutcome(ofRuleAt: index, program, &scope)
        case .false?: return .false
        case let gate?: return quickOutcome(ofRuleAt: index, afterGate: gate, program, &scope)
        }
    }

    /// The outcome of the condition of the rule at `index` in the rule set, with its program at hand (the
    /// rule itself is not taken out of the rule set unless it is outside the program).
    func quickOutcome(ofRuleAt index: Int, _ program: ConditionProgram.View, _ scope: inout Scope) -> Outcome {
        guard index < program.roots.count else { return evaluate(ruleSet.rules[index].condition, &scope, trace: nil) }
        // a rule's condition is most often `all of`: its parts are gone through right here
        let root = program.roots[index]
        let node = program.nodes[Int(root)]
        guard node.operation == .all else { return outcome(of: root, program, &scope) }
        return allOutcome(node, program, &scope)
    }

    /// The outcome of the gate of the rule at `index` (the first part of its `all of`, where that is a test
    /// the node decides by itself: see `ConditionProgram.gates`); nil where the rule has none. Inlined in the
    /// loop over a description's rules, so that a rule decided false by its gate, as most are, costs no call
    /// of its first pass; the rest of the rule is then evaluated from its second part
    /// (`quickOutcome(ofRuleAt:afterGate:_:_:)`), and the gate is not looked at twice.
    @inline(__always)
    func gateOutcome(ofRuleAt index: Int, _ program: ConditionProgram.View, _ values: SlotValues) -> Outcome? {
        guard index < program.gates.count else { return nil }
        let gate = program.gates[index]
        guard gate.operation != .all else { return nil }
        return inlineLeafOutcome(gate, values)
    }

    /// `leafOutcome`, with the most common leaf, a test of a case against a mask, decided right here where
    /// the slot holds a case (as `symbolTest` decides it), without a call.
    @inline(__always)
    func inlineLeafOutcome(_ node: ConditionProgram.Node, _ values: SlotValues) -> Outcome {
        switch node.operation {
        case .symbolIn, .symbolNotIn:
            if case .symbol(let value)? = values.nonTextValue(at: Int(node.slot)) {
                let inMask = value >= 0 && value < 64 && node.mask & (1 << UInt64(value)) != 0
                return .from(inMask != (node.operation == .symbolNotIn))
            }
            return leafOutcome(node, values)
        default:
            return leafOutcome(node, values)
        }
    }

    /// The outcome of the rule at `index` whose gate came out `gate` (true or unknown): its `all of` from
    /// the second part on.
    func quickOutcome(ofRuleAt index: Int, afterGate gate: Outcome, _ program: ConditionProgram.View, _ scope: inout Scope) -> Outcome {
        allOutcome(program.nodes[Int(program.roots[index])], program, &scope, from: 1, startingAt: gate)
    }

    /// The outcome of an `all` node: false at the first false part (the parts from `from` on, after parts
    /// that came out `result`).
    @inline(__always)
    private func allOutcome(_ node: ConditionProgram.Node, _ program: ConditionProgram.View, _ scope: inout Scope,
                            from: Int32 = 0, startingAt result: Outcome = .true) -> Outcome {
        var result = result
        for child in node.first + from..<node.first + node.count {
            switch childOutcome(program.children[Int(child)], program, &scope) {
            case .false: return .false
            case .unknown: result = .unknown
            case .true: break
            }
        }
        return result
    }

    func outcome(of index: Int32, _ program: ConditionProgram.View, _ scope: inout Scope) -> Outcome {
        let node = program.nodes[Int(index)]
        switch node.operation {
        case .all:
            return allOutcome(node, program, &scope)
        case .any:
            var result = Outcome.false
            for child in node.first..<node.first + node.count {
                switch childOutcome(program.children[Int(child)], program, &scope) {
                case .true: return .true
                case .unknown: result = .unknown
                case .false: break
                }
            }
            return result
        case .not:
            return outcome(of: program.children[Int(node.first)], program, &scope).negated
        case .named:
            return definitionOutcome(node, program, &scope)
        case .test:
            return program.tests[Int(node.first)]._withUnsafeGuaranteedRef { outcome(of: $0, &scope) }
        case .symbolIn, .symbolNotIn, .listIncludesSymbol, .present, .missing, .boolIs, .boolIsNot:
            return leafOutcome(node, scope.record.values)
        case .some, .every, .no:
            if node.bodyReadsOnlyValues { return quantified(node, program, scope.record.values, layout: scope.layout) }
            return quantified(node, program, &scope)
        }
    }

    /// The outcome of a child of `all` or `any`: a test is decided right here, without a call of
    /// `outcome(of:_:_:)` (whose frame is large), and so is a definition (a definition known already costs
    /// no call at all, one not yet known the call for its condition alone); any other node through it.
    @inline(__always)
    private func childOutcome(_ index: Int32, _ program: ConditionProgram.View, _ scope: inout Scope) -> Outcome {
        let node = program.nodes[Int(index)]
        switch node.operation {
        case .symbolIn, .symbolNotIn, .listIncludesSymbol, .present, .missing, .boolIs, .boolIsNot:
            return inlineLeafOutcome(node, scope.record.values)
        case .test:
            return program.tests[Int(node.first)]._withUnsafeGuaranteedRef { outcome(of: $0, &scope) }
        case .named:
            return definitionOutcome(node, program, &scope)
        default:
            return outcome(of: index, program, &scope)
        }
    }

    /// The outcome of a definition's node: as the record's cache of definitions knows it, or its condition
    /// evaluated once and kept there.
    @inline(__always)
    private func definitionOutcome(_ node: ConditionProgram.Node, _ program: ConditionProgram.View, _ scope: inout Scope) -> Outcome {
        let definition = Int(node.mask)
        if let known = scope.programDefinitions[definition] { return known }
        let result = outcome(of: program.children[Int(node.first)], program, &scope)
        scope.programDefinitions[definition] = result
        return result
    }

    /// The outcome of node `index` on a record's values alone, for the body of a quantified node that reads
    /// values only: no scope to build per element, and no cache of definitions (each is evaluated where
    /// it is used, with the same outcome).
    private func outcome(of index: Int32, _ program: ConditionProgram.View, _ values: SlotValues, layout: Int) -> Outcome {
        let node = program.nodes[Int(index)]
        switch node.operation {
        case .all:
            var result = Outcome.true
            for child in node.first..<node.first + node.count {
                switch valuesChildOutcome(program.children[Int(child)], program, values, layout: layout) {
                case .false: return .false
                case .unknown: result = .unknown
                case .true: break
                }
            }
            return result
        case .any:
            var result = Outcome.false
            for child in node.first..<node.first + node.count {
                switch valuesChildOutcome(program.children[Int(child)], program, values, layout: layout) {
                case .true: return .true
                case .unknown: result = .unknown
                case .false: break
                }
            }
            return result
        case .not:
            return outcome(of: program.children[Int(node.first)], program, values, layout: layout).negated
        case .named:
            return outcome(of: program.children[Int(node.first)], program, values, layout: layout)
        case .test:
            return program.tests[Int(node.first)]._withUnsafeGuaranteedRef { valueOutcome(of: $0, in: values) }
        case .symbolIn, .symbolNotIn, .listIncludesSymbol, .present, .missing, .boolIs, .boolIsNot:
            return leafOutcome(node, values)
        case .some, .every, .no:
            return quantified(node, program, values, layout: layout)
        }
    }

    /// The outcome of node `index` on a record's values alone, as a part of `all` or `any` or the body of a
    /// quantified node: a leaf decided right here, without a call of `outcome(of:_:_:layout:)` (for each
    /// element of a list, most bodies being one test), a case against a mask without a call at all
    /// (`inlineLeafOutcome`), any other node through `outcome(of:_:_:layout:)`.
    @inline(__always)
    private func valuesChildOutcome(_ index: Int32, _ program: ConditionProgram.View, _ values: SlotValues, layout: Int) -> Outcome {
        let node = program.nodes[Int(index)]
        if node.operation.isLeafTest { return inlineLeafOutcome(node, values) }
        return outcome(of: index, program, values, layout: layout)
    }

    /// A test that the node decides by itself (no `FieldTest`), exactly as `valueOutcome` decides it.
    func leafOutcome(_ node: ConditionProgram.Node, _ values: SlotValues) -> Outcome {
        switch node.operation {
        case .present: return .from(!values.isEmpty(at: Int(node.slot)))
        case .missing: return .from(values.isEmpty(at: Int(node.slot)))
        case .boolIs, .boolIsNot: return boolTest(node, values)
        default: return symbolTest(node, values)
        }
    }

    /// A test of a truth value against the node's `mask`, exactly as `compare` decides `is` and `is not`.
    private func boolTest(_ node: ConditionProgram.Node, _ values: SlotValues) -> Outcome {
        let expected = node.mask != 0
        let equal: Bool
        switch values.nonTextValue(at: Int(node.slot)) {
        case nil:
            switch node.absent {
            case .unknown: return .unknown
            case .false: equal = !expected
            case .empty: equal = false
            }
        case .bool(let flag)?:
            equal = flag == expected
        default:
            equal = false
        }
        return .from(equal != (node.operation == .boolIsNot))
    }

    /// A test of enumeration values against the node's mask, exactly as `compare` decides it.
    /// (The value is looked at where it is in `values`: taking it out would retain a list or a text.)
    private func symbolTest(_ node: ConditionProgram.Node, _ values: SlotValues) -> Outcome {
        let negated = node.operation == .symbolNotIn
        switch (node.operation, values.nonTextValue(at: Int(node.slot))) {
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

    /// The elements of the list of objects that a quantified node looks at, and their layout (nil when
    /// there are none to look at, with the node's outcome then).
    private func quantifiedElements(_ node: ConditionProgram.Node, _ values: SlotValues, layout: Int) -> (elements: [Record], layout: Int)? {
        let slot = Int(node.slot)
        guard case .objects(let elements)? = values.nonTextValue(at: slot) else { return nil }
        guard !elements.isEmpty, case .objects(let layoutIndex) = ruleSet.vocabulary.layouts[layout].fields[slot].type else { return nil }
        return (elements, layoutIndex)
    }

    /// The outcome of a quantified node with no elements to look at: absent, empty, or not a list of objects
    /// in the layout (as the tree decides it).
    private static func noElementsOutcome(_ node: ConditionProgram.Node, _ values: SlotValues) -> Outcome {
        if case .objects? = values.nonTextValue(at: Int(node.slot)) { return node.operation == .some ? .false : .true }
        switch node.absent {
        case .unknown: return .unknown
        default: return node.operation == .some ? .false : .true
        }
    }

    /// `some`, `every` or `no` element of a list of objects, each element judged through one scope.
    private func quantified(_ node: ConditionProgram.Node, _ program: ConditionProgram.View, _ scope: inout Scope) -> Outcome {
        guard let (elements, layoutIndex) = quantifiedElements(node, scope.record.values, layout: scope.layout) else {
            return Self.noElementsOutcome(node, scope.record.values)
        }
        let body = program.children[Int(node.first)]
        var tally = QuantifiedTally(node.operation)
        var inner = Scope(record: elements[0], layout: layoutIndex, prefix: "")
        for element in elements {
            inner.reuse(for: element)
            if tally.add(outcome(of: body, program, &inner)) { break }
        }
        return tally.result
    }

    /// `some`, `every` or `no` element of a list of objects, for a body that reads values only.
    private func quantified(_ node: ConditionProgram.Node, _ program: ConditionProgram.View, _ values: SlotValues, layout: Int) -> Outcome {
        guard let (elements, layoutIndex) = quantifiedElements(node, values, layout: layout) else { return Self.noElementsOutcome(node, values) }
        let body = program.children[Int(node.first)]
        var tally = QuantifiedTally(node.operation)
        for index in elements.indices {
            // the element's values lent to the body, not counted: the list holds them while the body is judged
            // (going through the list's elements counted each one and let go of it again)
            let outcome = Unmanaged.passUnretained(elements[index].values.storage)._withUnsafeGuaranteedRef { storage in
                valuesChildOutcome(body, program, SlotValues(storage: storage), layout: layoutIndex)
            }
            if tally.add(outcome) { break }
        }
        return tally.result
    }
}

/// The outcome of `some`, `every` or `no` element, gathered element by element.
struct QuantifiedTally {
    let operation: ConditionProgram.Operation
    private var any = Outcome.false
    private var all = Outcome.true

    init(_ operation: ConditionProgram.Operation) {
        self.operation = operation
    }

    /// Adds one element's outcome; returns whether the outcome is decided (no need to look further).
    mutating func add(_ outcome: Outcome) -> Bool {
        switch outcome {
        case .true: any = .true
        case .false: all = .false
        case .unknown:
            if any == .false { any = .unknown }
            if all == .true { all = .unknown }
        }
        return operation == .every ? all == .false : any == .true
    }

    var result: Outcome {
        switch operation {
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

    /// The outcome of definition `index`, nil while it is not evaluated. Inlined where it is used (a few
    /// times for each description); the definitions beyond the first 64 go through a call.
    subscript(index: Int) -> Outcome? {
        @inline(__always) get {
            guard index < 64 else { return beyond[index] }
            let bit: UInt64 = 1 &<< UInt64(truncatingIfNeeded: index)
            guard known & bit != 0 else { return nil }
            return isTrue & bit != 0 ? .true : isUnknown & bit != 0 ? .unknown : .false
        }
        @inline(__always) set {
            guard index < 64 else { return setBeyond(index, newValue) }
            let bit: UInt64 = 1 &<< UInt64(truncatingIfNeeded: index)
            known &= ~bit
            isTrue &= ~bit
            isUnknown &= ~bit
            guard let newValue else { return }
            known |= bit
            if newValue == .true { isTrue |= bit }
            if newValue == .unknown { isUnknown |= bit }
        }
    }

    /// Sets the outcome of a definition beyond the first 64.
    @inline(never)
    private mutating func setBeyond(_ index: Int, _ outcome: Outcome?) {
        beyond[index] = outcome
    }
}
