import Foundation
import Testing
@testable import NeutraalEngine

/// The flat condition program (the first pass over every description) against the condition tree (the
/// reference, which also collects evidence): the same outcome for every rule on every description.
@Suite("Condition program")
struct ConditionProgramTests {
    /// Every rule of `ruleSet` on `description`, both ways; returns the rules where the outcomes differ.
    static func differences(_ description: Description, _ ruleSet: RuleSet) -> [String] {
        let evaluator = Evaluator(ruleSet: ruleSet, asOf: CivilDate.parse("2024-06-01") ?? 0)
        var differences: [String] = []
        for rule in ruleSet.rules {
            var treeScope = Evaluator.Scope(record: description.record, layout: 0, prefix: "")
            var programScope = Evaluator.Scope(record: description.record, layout: 0, prefix: "")
            let tree = evaluator.evaluate(rule.condition, &treeScope, trace: nil)
            let program = evaluator.quickOutcome(of: rule, &programScope)
            if tree != program { differences.append("\(description.id) \(rule.id): tree \(tree), program \(program)") }
            // the whole rule on the program, without its gate
            var ungatedScope = Evaluator.Scope(record: description.record, layout: 0, prefix: "")
            let ungated = ruleSet.program.withView { evaluator.quickOutcome(ofRuleAt: rule.index, $0, &ungatedScope) }
            if tree != ungated { differences.append("\(description.id) \(rule.id): tree \(tree), program without its gate \(ungated)") }
        }
        return differences
    }

    @Test("the program and the tree agree on every rule", arguments: EvaluationCorpus.allCases)
    func agreement(_ corpus: EvaluationCorpus) throws {
        let (ruleSet, descriptions) = try corpus.load()
        #expect(descriptions.count > corpus.leastCount)
        let differences = descriptions.flatMap { Self.differences($0, ruleSet) }
        #expect(differences.isEmpty, "\(differences.prefix(10))")
    }

    @Test("a rule's gate is the first part of its `all of` where that is a plain test, and decides it on every kind of value")
    func gates() throws {
        let program = try RealRules.ruleSet().program
        #expect(program.gates.count == program.roots.count)
        for (index, gate) in program.gates.enumerated() where gate.operation != .all {
            let root = program.nodes[Int(program.roots[index])]
            #expect(root.operation == .all)
            let first = program.nodes[Int(program.children[Int(root.first)])]
            #expect(gate.operation == first.operation && gate.slot == first.slot && gate.mask == first.mask && gate.absent == first.absent)
        }
        // most rules have one, of the kinds the loop over the rules decides in place or through `leafOutcome`
        #expect(program.gates.filter { $0.operation != .all }.count * 2 > program.gates.count)
        #expect(program.gates.contains { $0.operation == .symbolIn })
        #expect(program.gates.contains { $0.operation == .present || $0.operation == .boolIs })
        // a gate decides as the node's own test does, whatever the slot holds: a case in and out of the mask,
        // a case beyond 64, a list, a text, nothing
        let evaluator = Evaluator(ruleSet: try RealRules.ruleSet())
        let values: [FactValue?] = [nil, .symbol(0), .symbol(1), .symbol(3), .symbol(70), .symbol(-1), .bool(true), .bool(false),
                                    .list([.symbol(1)]), .string("x"), .date(3)]
        for operation in [ConditionProgram.Operation.symbolIn, .symbolNotIn, .listIncludesSymbol, .present, .missing, .boolIs, .boolIsNot] {
            for absent in [AbsentMeaning.unknown, .false, .empty] {
                for value in values {
                    var record = Record(slotCount: 1)
                    record.values[0] = value
                    let node = ConditionProgram.Node(operation: operation, absent: absent, slot: 0, first: 0, count: 0, mask: 0b1010)
                    let gated = ConditionProgram(gates: [node])
                    let outcome = gated.withView { evaluator.gateOutcome(ofRuleAt: 0, $0, record.values) }
                    #expect(outcome == evaluator.leafOutcome(node, record.values), "\(operation) \(absent) \(String(describing: value))")
                }
            }
        }
    }

    @Test("the rows of each kind are its rules in order, with their days, and a row decides its gate as the program does")
    func ruleRows() throws {
        for ruleSet in [try RealRules.ruleSet(), try Fixture.ruleSet()] {
            let rows = RuleRows(ruleSet)
            let evaluator = Evaluator(ruleSet: ruleSet)
            let slotCount = ruleSet.vocabulary.root.fields.count
            var symbolGates = 0
            for kind in -1...ruleSet.rulesByKind.count {
                let numbers = ruleSet.kindIndex.withNumbers(ofKind: kind) { Array($0) }
                let kindRows = rows.withRows(ofKind: kind) { Array($0) }
                #expect(kindRows.map(\.index) == numbers, "kind \(kind)")
                for row in kindRows {
                    let days = ValidDays(ruleSet.rules[row.index])
                    #expect(days.from == row.from && days.until == row.until)
                    guard row.gate == .symbol else { continue }
                    symbolGates += 1
                    // the gate's slot holding each case in and out of the mask, nothing, or a value of another kind
                    let values: [FactValue?] = [nil, .bool(true), .string("x"), .list([.symbol(0)]), .symbol(70)] + (0..<12).map { .symbol(Int32($0)) }
                    for value in values {
                        var record = Record(slotCount: slotCount)
                        record.values[Int(row.slot)] = value
                        let expected = ruleSet.program.withView { evaluator.gateOutcome(ofRuleAt: row.index, $0, record.values) }
                        #expect(row.symbolOutcome(record.values) == expected, "\(ruleSet.rules[row.index].id) \(String(describing: value))")
                    }
                }
            }
            #expect(symbolGates > 0)
        }
    }

    @Test("the outcomes of definitions are kept by bit for the first 64, and beyond them too")
    func definitionOutcomes() {
        var outcomes = DefinitionOutcomes()
        let indexes = [0, 1, 62, 63, 64, 65, 200]
        for index in indexes { #expect(outcomes[index] == nil) }
        for (position, index) in indexes.enumerated() { outcomes[index] = [Outcome.true, .false, .unknown][position % 3] }
        for (position, index) in indexes.enumerated() { #expect(outcomes[index] == [Outcome.true, .false, .unknown][position % 3]) }
        outcomes[63] = nil
        outcomes[64] = nil
        #expect(outcomes[63] == nil && outcomes[64] == nil && outcomes[62] == .unknown && outcomes[65] == .unknown)
        outcomes[1] = .true
        #expect(outcomes[1] == .true)
        outcomes.reset()
        for index in indexes { #expect(outcomes[index] == nil) }
    }

    @Test("tests of enumeration values become bit masks, other tests stay tests")
    func masks() throws {
        let ruleSet = try Fixture.ruleSet()
        let program = ruleSet.program
        #expect(program.roots.count == ruleSet.rules.count)
        #expect(program.nodes.contains { $0.operation == .symbolIn })
        #expect(program.nodes.contains { $0.operation == .test })
    }

    @Test("presence and truth-value tests become plain nodes, and bodies of quantifiers that search no text are marked")
    func valueNodes() throws {
        let program = try RealRules.ruleSet().program
        #expect(program.nodes.contains { $0.operation == .boolIs })
        #expect(program.nodes.contains { $0.operation == .present })
        let quantified = program.nodes.filter { [.some, .every, .no].contains($0.operation) }
        #expect(quantified.contains { $0.bodyReadsOnlyValues })
        #expect(!program.tests.contains {
            switch $0.operation {
            case .present, .missing, .equals(.bool), .notEquals(.bool): return true
            default: return false
            }
        })
    }
}
