/// The rules of each kind as the evaluator's loop over a description's rules reads them: for each rule its
/// index, the days it is in force and its gate (see `ConditionProgram.gates`), side by side in one array, by
/// kind (as `KindIndex` lays out the rules' numbers).
///
/// Most rules that a description's kind brings are decided false by their gate, and most gates test an
/// enumeration value (`account.variant is hybrid`): such a gate is kept here ready to be decided, its slot,
/// its mask, whether it is negated and what it comes to on an absent field, so that deciding it is a load
/// and a bit test, without reading the rule's days, its root and its gate from three lists each bounds
/// checked, and without a jump on the gate's operation.
struct RuleRows: Sendable {
    /// What the loop does with a rule before its first pass.
    enum Gate: UInt8, Sendable {
        /// No gate: the rule's whole first pass.
        case none
        /// A test of an enumeration value (`is`, `is one of`, and their negations), decided from the row.
        case symbol
        /// Another plain test (presence, a truth value, a list), decided by `Evaluator.gateOutcome`.
        case other
    }

    /// One rule of a kind.
    struct Row: Sendable {
        /// The rule's index in the rule set.
        let index: Int
        /// The days the rule is in force (see `ValidDays`).
        let from: Int32
        let until: Int32
        let gate: Gate
        /// For a `symbol` gate: whether it is `is not` or `is not one of`, what it comes to when the field is
        /// absent, its slot and its mask (as the gate's node has them).
        let negated: Bool
        let absent: Outcome
        let slot: Int32
        let mask: UInt64

        /// The outcome of a `symbol` gate on `values`, exactly as `Evaluator.symbolTest` decides the gate's
        /// node: a case in the mask (or out of it, negated), the meaning of an absent field, and for any other
        /// value, whatever the mask, what a case out of it comes to.
        @inline(__always)
        func symbolOutcome(_ values: SlotValues) -> Outcome {
            switch values.nonTextValue(at: Int(slot)) {
            case .symbol(let value)?:
                let inMask = value >= 0 && value < 64 && mask & (1 &<< UInt64(truncatingIfNeeded: value)) != 0
                return .from(inMask != negated)
            case nil:
                return absent
            default:
                return .from(negated)
            }
        }
    }

    /// Where each kind's rows start in `rows` (one more entry than there are kinds).
    private let starts: [Int]
    private let rows: [Row]

    /// The rows of `ruleSet`'s rules, by kind.
    init(_ ruleSet: RuleSet) {
        var starts = [0]
        var rows: [Row] = []
        for list in ruleSet.rulesByKind {
            rows += list.map { Self.row(ruleAt: $0, ruleSet) }
            starts.append(rows.count)
        }
        self.starts = starts
        self.rows = rows
    }

    /// The row of the rule at `index`.
    private static func row(ruleAt index: Int, _ ruleSet: RuleSet) -> Row {
        let days = ruleSet.validDays[index]
        let gates = ruleSet.program.gates
        let gate = index < gates.count ? gates[index] : nil
        let kind: Gate
        switch gate?.operation {
        case .symbolIn?, .symbolNotIn?: kind = .symbol
        case .all?, nil: kind = .none
        default: kind = .other
        }
        let negated = gate?.operation == .symbolNotIn
        // as `symbolTest` decides a test of an absent field
        let absent: Outcome = gate?.absent == .unknown ? .unknown : .from(negated)
        return Row(index: index, from: days.from, until: days.until, gate: kind, negated: negated, absent: absent,
                   slot: gate?.slot ?? 0, mask: gate?.mask ?? 0)
    }

    /// Runs `body` with the rows of kind `kind` (none for a kind out of range), read in place.
    @inline(__always)
    func withRows<Result>(ofKind kind: Int, _ body: (UnsafeBufferPointer<Row>) -> Result) -> Result {
        let range = kind >= 0 && kind + 1 < starts.count ? starts[kind]..<starts[kind + 1] : 0..<0
        return rows.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}
