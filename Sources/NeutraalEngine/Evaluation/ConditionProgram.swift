/// Every rule's condition compiled once more, into one flat array of plain nodes, for the first pass over
/// each description: "does this rule fire?" answered without walking enum payloads, retaining, or
/// comparing names. Tests on enumeration values become bit masks; a definition used by several rules is
/// evaluated once per description.
///
/// The condition tree (`Condition`) stays the reference: a test that `ConditionProgramTests` runs checks
/// that both give the same outcome for every rule on every sample and example. Rules that fire are
/// evaluated again to collect their evidence: on the program (`Evaluator+TracedProgram.swift`, through
/// `traceInfo`), or on the tree when an explanation is asked for.
public struct ConditionProgram: Sendable {
    /// What a node does.
    enum Operation: UInt8, Sendable {
        case all
        case any
        case not
        /// A definition: `first` is its index among the definitions, its one child the condition.
        case named
        /// Any other test of a field, evaluated by `Evaluator` through `tests[first]`.
        case test
        /// The field is an enumeration value in `mask` (`is`, `is one of`).
        case symbolIn
        /// The field is an enumeration value outside `mask` (`is not`, `is not one of`).
        case symbolNotIn
        /// The field is a list holding an enumeration value in `mask` (`includes`, `includes any of`).
        case listIncludesSymbol
        /// The field is there (`is present`).
        case present
        /// The field is not there (`is missing`).
        case missing
        /// The field is the truth value `mask` (1: true, 0: false) (`is true`, `is false`).
        case boolIs
        /// The field is not the truth value `mask` (`is not true`, `is not false`).
        case boolIsNot
        /// `some`, `every` and `no` element of the list of objects in `slot`; `mask` is 1 when the body
        /// reads values only (no text searched: see `readsOnlyValues`), so elements need no scope.
        case some
        case every
        case no

        /// Whether the node is a test it decides by itself, from the value in its slot alone.
        var isLeafTest: Bool {
            switch self {
            case .symbolIn, .symbolNotIn, .listIncludesSymbol, .present, .missing, .boolIs, .boolIsNot: return true
            default: return false
            }
        }
    }

    /// One node; children are `children[first ..< first + count]`.
    struct Node: Sendable {
        var operation: Operation
        var absent: AbsentMeaning
        var slot: Int32
        var first: Int32
        var count: Int32
        var mask: UInt64

        /// For `some`, `every` and `no`: whether the body reads values only.
        var bodyReadsOnlyValues: Bool { mask != 0 }
    }

    private(set) var nodes: [Node] = []
    private(set) var children: [Int32] = []
    private(set) var tests: [FieldTest] = []
    /// `tests` as unretained references, for `View`; kept alive by `tests`.
    private var unretainedTests: [Unmanaged<FieldTest>] = []
    /// The root node of each rule, by rule index.
    private(set) var roots: [Int32] = []
    /// The first part of each rule's `all of` where that part is a test the node decides by itself (see
    /// `Operation.isLeafTest`), by rule index; a node of operation `.all` where the rule has no such part.
    /// Most rules a description's kind brings are decided false on it (14 parts are looked at for 10 rules
    /// of `all of`, in a batch of the benchmark's), so the evaluator looks at it in its loop over the rules,
    /// without the call of the whole rule's first pass (see `Evaluator.gateOutcome`).
    private(set) var gates: [Node] = []
    /// The names of the definitions, by their index.
    private(set) var definitionNames: [String] = []
    /// Per node, what the traced pass records besides the outcome: the test of a leaf (whose path and
    /// value go into evidence) and the path of a quantified node (for its missing fact and its elements).
    private(set) var traceInfo: [TraceInfo] = []
    /// The tests of `traceInfo`, kept alive here (the infos hold them unretained).
    private var tracedTests: [FieldTest] = []

    /// What the traced pass needs of a node that the plain nodes leave out.
    struct TraceInfo: Sendable {
        /// The test of a leaf node (nil for other nodes), unretained: lent to the evaluator
        /// (`_withUnsafeGuaranteedRef`), not counted, each time the node is traced.
        var test: Unmanaged<FieldTest>?
        /// The path of a quantified node's list ("" for other nodes).
        var path: String
    }

    /// The program's arrays read through buffer pointers: no bounds checks and no retains per node. Only
    /// valid inside `withView(_:)`, which keeps the arrays alive while `body` runs.
    struct View {
        let nodes: UnsafeBufferPointer<Node>
        let children: UnsafeBufferPointer<Int32>
        /// The tests, unretained: the program keeps them, and a test handed to the evaluator from here is
        /// lent (`_withUnsafeGuaranteedRef`), not counted, per node evaluated.
        let tests: UnsafeBufferPointer<Unmanaged<FieldTest>>
        let roots: UnsafeBufferPointer<Int32>
        /// The first part of each rule's `all of`, as `ConditionProgram.gates`.
        let gates: UnsafeBufferPointer<Node>
    }

    /// Runs `body` with the program's arrays at hand as buffer pointers (taken once, for as many rules as
    /// `body` evaluates).
    func withView<Result>(_ body: (View) -> Result) -> Result {
        nodes.withUnsafeBufferPointer { nodes in
            children.withUnsafeBufferPointer { children in
                unretainedTests.withUnsafeBufferPointer { tests in
                    roots.withUnsafeBufferPointer { roots in
                        gates.withUnsafeBufferPointer { gates in
                            body(View(nodes: nodes, children: children, tests: tests, roots: roots, gates: gates))
                        }
                    }
                }
            }
        }
    }

    /// Compiles the conditions of `rules` (in rule-index order).
    public init(rules: [Rule]) {
        for rule in rules { roots.append(compile(rule.condition)) }
        gates = roots.map(gate(of:))
    }

    /// A program of gates alone, one per rule (for tests of the gates: no rule's root is there).
    init(gates: [Node]) {
        self.gates = gates
    }

    /// The gate of the rule whose root is `root` (see `gates`).
    private func gate(of root: Int32) -> Node {
        let node = nodes[Int(root)]
        let none = Node(operation: .all, absent: .unknown, slot: 0, first: 0, count: 0, mask: 0)
        guard node.operation == .all, node.count > 0 else { return none }
        let first = nodes[Int(children[Int(node.first)])]
        return first.operation.isLeafTest ? first : none
    }

    private mutating func add(_ node: Node, test: FieldTest? = nil, path: String = "") -> Int32 {
        nodes.append(node)
        if let test { tracedTests.append(test) }
        traceInfo.append(TraceInfo(test: test.map { Unmanaged.passUnretained($0) }, path: path))
        return Int32(nodes.count - 1)
    }

    private mutating func compile(_ condition: Condition) -> Int32 {
        switch condition {
        case .all(let parts): return group(.all, parts)
        case .any(let parts): return group(.any, parts)
        case .not(let inner): return group(.not, [inner])
        case .named(let name, let inner):
            let index: Int
            if let known = definitionNames.firstIndex(of: name) {
                index = known
            } else {
                definitionNames.append(name)
                index = definitionNames.count - 1
            }
            let child = compile(inner)
            let start = Int32(children.count)
            children.append(child)
            return add(Node(operation: .named, absent: .unknown, slot: 0, first: start, count: 1, mask: UInt64(index)))
        case .quantified(let quantifier, let slot, let path, let body, let absent):
            let child = compile(body)
            let start = Int32(children.count)
            children.append(child)
            let operation: Operation = quantifier == .some ? .some : quantifier == .every ? .every : .no
            let valuesOnly: UInt64 = readsOnlyValues(child) ? 1 : 0
            return add(Node(operation: operation, absent: absent, slot: Int32(slot), first: start, count: 1, mask: valuesOnly), path: path)
        case .test(let test):
            if let (operation, mask) = Self.symbolMask(test.operation) ?? Self.valueTest(test.operation) {
                return add(Node(operation: operation, absent: test.absent, slot: Int32(test.slot), first: 0, count: 0, mask: mask), test: test)
            }
            tests.append(test)
            unretainedTests.append(Unmanaged.passUnretained(test))
            return add(Node(operation: .test, absent: test.absent, slot: Int32(test.slot), first: Int32(tests.count - 1), count: 0, mask: 0),
                       test: test)
        }
    }

    private mutating func group(_ operation: Operation, _ parts: [Condition]) -> Int32 {
        let compiled = parts.map { compile($0) }
        let start = Int32(children.count)
        children += compiled
        return add(Node(operation: operation, absent: .unknown, slot: 0, first: start, count: Int32(compiled.count), mask: 0))
    }

    /// Whether node `index` and everything under it reads values only: no text is searched, so it needs
    /// no scope (no cache of texts) to be evaluated.
    private func readsOnlyValues(_ index: Int32) -> Bool {
        let node = nodes[Int(index)]
        if node.operation == .test {
            switch tests[Int(node.first)].operation {
            case .mentions, .matches: return false
            default: return true
            }
        }
        return (node.first..<node.first + node.count).allSatisfy { readsOnlyValues(children[Int($0)]) }
    }

    /// The node operation of a test of presence or of a truth value, with its `mask`.
    private static func valueTest(_ operation: FieldTest.Operation) -> (Operation, UInt64)? {
        switch operation {
        case .present: return (.present, 0)
        case .missing: return (.missing, 0)
        case .equals(.bool(let flag)): return (.boolIs, flag ? 1 : 0)
        case .notEquals(.bool(let flag)): return (.boolIsNot, flag ? 1 : 0)
        default: return nil
        }
    }

    /// The bit mask of a test on enumeration values, when every value has an index below 64.
    private static func symbolMask(_ operation: FieldTest.Operation) -> (Operation, UInt64)? {
        func mask(_ values: [FactValue]) -> UInt64? {
            var bits: UInt64 = 0
            for value in values {
                guard case .symbol(let index) = value, index >= 0, index < 64 else { return nil }
                bits |= 1 << UInt64(index)
            }
            return bits
        }
        switch operation {
        case .equals(let value): return mask([value]).map { (.symbolIn, $0) }
        case .oneOf(let values): return mask(values).map { (.symbolIn, $0) }
        case .notEquals(let value): return mask([value]).map { (.symbolNotIn, $0) }
        case .notOneOf(let values): return mask(values).map { (.symbolNotIn, $0) }
        case .includes(let value): return mask([value]).map { (.listIncludesSymbol, $0) }
        case .includesAny(let values): return mask(values).map { (.listIncludesSymbol, $0) }
        default: return nil
        }
    }
}
