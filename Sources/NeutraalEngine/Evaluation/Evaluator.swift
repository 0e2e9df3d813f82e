/// Evaluates descriptions against a rule set: every applicable rule in force on the description's date,
/// in three-valued logic, with exceptions applied and the evidence of every finding collected.
///
/// The evaluator is a value that can be shared between threads; each call works on its own state.
public struct Evaluator: Sendable {
    public let ruleSet: RuleSet
    /// The day that undated descriptions are judged at.
    public let asOf: Int32
    /// Whether to keep a condition-by-condition explanation of every applicable rule.
    public let explain: Bool
    /// The names enumeration values are shown as, by layout and slot.
    private let displayNames: DisplayNames
    /// The rules of each kind with their days and gates, as the loop over a description's rules reads them.
    private let rows: RuleRows

    public init(ruleSet: RuleSet, asOf: Int32 = CivilDate.today(), explain: Bool = false) {
        self.ruleSet = ruleSet
        self.asOf = asOf
        self.explain = explain
        self.displayNames = DisplayNames(ruleSet.vocabulary)
        self.rows = RuleRows(ruleSet)
    }

    /// Judges one description.
    public func evaluate(_ description: Description) -> Evaluation {
        var workspace = Workspace()
        return evaluate(description, reusing: &workspace)
    }

    /// Judges one description in the room of `workspace`, which a batch keeps from one description to
    /// the next (no allocation for the trace and the caches of each description).
    func evaluate(_ description: consuming Description, reusing workspace: inout Workspace) -> Evaluation {
        let vocabulary = ruleSet.vocabulary
        // the record is lent to the workspace's scope while the rules are evaluated (see `Workspace.begin`)
        var record = description.record
        var day = asOf
        var dated = false
        // looked at in place, with a `switch` over the stored value (an `if case` copied it out first)
        if let slot = vocabulary.dateSlot {
            switch record.values.nonTextValue(at: slot) {
            case .date(let value)?:
                day = value
                dated = true
            default:
                break
            }
        }
        var context = workspace.takeContext()
        // by index, in place: a copy of a derivation or of the top-level layout costs a count for each of its names
        for index in vocabulary.derivations.indices {
            guard case .calendar = vocabulary.derivations[index].op else { continue }
            let slot = vocabulary.derivations[index].targetSlot
            if let value = record.values[slot] {
                context.append((vocabulary.layouts[0].fields[slot].path, display(value, layout: 0, slot: slot)))
            }
        }
        let kind: Int32
        switch record.values.nonTextValue(at: vocabulary.kindSlot) {
        case .symbol(let value)?:
            kind = value
        default:
            return Evaluation(description: description, verdict: .allowed, findings: [], day: day, dated: dated, context: context, notInForce: [])
        }
        // with what the reader found out about the description's line
        var locations = Locations(source: description.source, firstLineIndex: description.lineIndex,
                                  knownASCII: description.asciiEnd >= 0 ? (description.offset, description.asciiEnd) : nil)
        var findings = workspace.takeFindings()
        // what the reader found out about the description's line, for its texts too
        workspace.scope.asciiBytes = description.asciiEnd >= 0 ? description.offset..<max(description.offset, description.asciiEnd) : 0..<0
        // the store of the findings' evidence, lent to each finding's evidence, not counted for it: the
        // workspace holds it while the rules are evaluated
        let evidenceStore = Unmanaged.passUnretained(workspace.evidence)
        // nil until a rule is found not in force (most descriptions have none: no list made or dropped)
        var notInForce: [String]? = nil
        // the scope and the trace are the workspace's, worked on where it keeps them
        workspace.begin(&record, explains: explain, &locations)
        // the values the rules' gates read, taken once (read from the scope for each rule, they were counted each
        // time) and lent to each gate, not counted: the description holds its record while its rules are evaluated
        // (kept as values across the loop, they were counted for it and let go of after it)
        let values = Unmanaged.passUnretained(workspace.scope.record.values.storage)
        // the program's arrays are read through buffer pointers taken once for every rule of the description
        ruleSet.program.withView { program in rows.withRows(ofKind: Int(kind)) { rowsOfKind in
            for row in rowsOfKind {
                // the rule is read in place until it makes a finding (taking it out costs a retain and a release),
                // and its days in force from its row (not from the rule, on a line of its own)
                let index = row.index
                guard row.from <= day && day <= row.until else {
                    Self.add(ruleSet.rules[index].id, to: &notInForce)
                    continue
                }
                // most rules are decided false by their gate (the first part of their `all of`), looked at here:
                // most gates test an enumeration value, decided from the row
                let quick: Outcome
                switch row.gate {
                case .symbol:
                    let gate = values._withUnsafeGuaranteedRef { row.symbolOutcome(SlotValues(storage: $0)) }
                    if gate == .false && !explain { continue }
                    quick = gate == .false ? .false : quickOutcome(ofRuleAt: index, afterGate: gate, program, &workspace.scope)
                case .other, .none:
                    quick = values._withUnsafeGuaranteedRef { gatedOutcome(ofRuleAt: index, program, SlotValues(storage: $0), &workspace.scope) }
                }
                if quick == .false && !explain { continue }
                if quick == .unknown && ruleSet.rules[index].verdict == .allowed && !explain { continue }
                workspace.trace.reset()
                let outcome = tracedOutcome(ofRuleAt: index, program, &workspace.scope, &workspace.trace)
                let status: Finding.Status
                switch outcome {
                case .true: status = .fired
                case .unknown: status = ruleSet.rules[index].verdict == .allowed ? .silent : .undetermined
                case .false: status = .silent
                }
                let evidenceList = outcome == .false ? .empty : Self.evidence(&workspace.trace, &locations, into: evidenceStore)
                let missingFacts = outcome == .unknown ? Self.unique(workspace.trace.missing) : nil
                let explanation = explain ? workspace.trace.root : nil
                // the rule taken out of the rule set once, for the finding, after everything else the finding
                // holds is made: taken out before, it was counted once more and let go of after the finding; the
                // rest moved into it (without `consume`, the evidence's store was counted for the finding and let
                // go of with the local)
                findings.append(Finding(rule: ruleSet.rules[index], status: consume status, evidenceList: consume evidenceList,
                                        missingFacts: consume missingFacts, explanation: consume explanation))
            }
        } }
        // exceptions: a fired rule sets aside the fired rules it overrides
        if findings.contains(where: { finding in
            if case .fired = finding.status { return !finding.rule.overrides.isEmpty }
            return false
        }) {
            Self.applyOverrides(&findings)
        }
        // most descriptions have no waivers: no call
        let problems = description.waivers.isEmpty ? nil : applyWaivers(description, to: &findings)
        let verdict = Evaluation.verdict(of: findings)
        Self.order(&findings)
        // let go of the record and the room of the located offsets before the evaluation is made (not in a
        // `defer`, which would run after it): the lists then go into the evaluation as they are, where with the
        // locals still alive after it each was retained for the evaluation and released with its local
        workspace.end(&record, &locations)
        return Evaluation(description: consume description, verdict: verdict, findings: findings, day: day, dated: dated,
                          context: context, notInForce: notInForce, problems: problems)
    }

    /// Where the finding at `index` goes in the list: by its status's rank (standing findings first, silent
    /// ones last), then most severe verdict first. Read in place: a copy of a finding would count a reference
    /// to its rule, evidence and missing facts, and its rule is lent, not counted.
    private static func sortKey(_ findings: UnsafeMutableBufferPointer<Finding>, _ index: Int) -> Int {
        let rank: Int
        switch findings[index].status {
        case .fired: rank = 0
        case .undetermined: rank = 1
        case .waived, .baselined: rank = 2
        case .overridden: rank = 3
        case .silent: rank = 4
        }
        let severity = Unmanaged.passUnretained(findings[index].rule)._withUnsafeGuaranteedRef { $0.verdict.severity }
        return rank * 8 - severity
    }

    /// Puts findings in order of status rank, then most severe verdict first, then in the order they were
    /// found: a stable insertion sort in place (a description has only a few findings, most often already
    /// in order), moving findings by swapping rather than building an index list and a new array.
    static func order(_ findings: inout [Finding]) {
        guard findings.count > 1 else { return }
        findings.withUnsafeMutableBufferPointer { buffer in
            for position in 1..<buffer.count {
                var slot = position
                while slot > 0, sortKey(buffer, slot) < sortKey(buffer, slot - 1) {
                    buffer.swapAt(slot, slot - 1)
                    slot -= 1
                }
            }
        }
    }

    /// Sets aside every fired finding that a fired exception overrides (the first exception in finding
    /// order names itself as the one that set it aside). Findings are read by index, in place, and set aside
    /// as they are found, without a list of them: a finding made here is fired or undetermined (or silent),
    /// never overridden, so a finding overridden now was fired, and still overrides its own targets; and a
    /// rule has one finding, so a target set aside already is found no more.
    private static func applyOverrides(_ findings: inout [Finding]) {
        func wasFired(_ index: Int) -> Bool {
            switch findings[index].status {
            case .fired, .overridden: return true
            default: return false
            }
        }
        for exception in findings.indices where wasFired(exception) && !findings[exception].rule.overrides.isEmpty {
            let rule = findings[exception].rule
            for target in rule.overrides {
                guard let index = findings.indices.first(where: { findings[$0].status == .fired && findings[$0].rule.id == target }) else { continue }
                findings[index].status = .overridden(by: rule.id)
            }
        }
    }

    /// Marks findings accepted by valid waivers; returns the problems of invalid waivers (which waive nothing).
    private func applyWaivers(_ description: Description, to findings: inout [Finding]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for waiver in description.waivers {
            let location = description.source.location(at: waiver.offset)
            var valid = true
            func problem(_ code: String, _ message: String, _ hint: String) {
                problems.append(Diagnostic(code, message, at: location, hint: hint))
                valid = false
            }
            if ruleSet.rule(waiver.rule) == nil {
                problem("waiver.unknown-rule", "the waiver names unknown rule `\(waiver.rule)`",
                        Suggestion.hint(for: waiver.rule, in: ruleSet.rules.map(\.id)) ?? "`neutraal rules` lists the rule ids")
            }
            if waiver.reason == nil {
                problem("waiver.no-reason", "the waiver for `\(waiver.rule)` gives no reason", "add `\"reason\": \"…\"`: why the finding is accepted")
            }
            if waiver.approvedBy == nil {
                problem("waiver.no-approver", "the waiver for `\(waiver.rule)` does not say who approved it", "add `\"approvedBy\": \"…\"`")
            }
            if let until = waiver.until {
                if until < asOf {
                    problem("waiver.expired", "the waiver for `\(waiver.rule)` expired on \(CivilDate.format(until))",
                            "review the finding again, then renew or remove the waiver")
                }
            } else {
                problem("waiver.no-date", "the waiver for `\(waiver.rule)` has no end date", "add `\"until\": \"YYYY-MM-DD\"`")
            }
            guard valid else { continue }
            for index in findings.indices where findings[index].rule.id == waiver.rule {
                switch findings[index].status {
                case .fired, .undetermined: findings[index].status = .waived(waiver)
                default: break
                }
            }
        }
        return problems
    }

    /// The value of a top-level fact as shown in messages.
    public func displayFact(_ path: String, of description: Description, language: Language = .english) -> String? {
        guard let slot = ruleSet.vocabulary.root.slotByPath[path] else { return nil }
        return Self.displayFact(slot: slot, of: description, vocabulary: ruleSet.vocabulary, language: language)
    }

    /// The value of the top-level fact in `slot` as shown in messages (nil when the description has none).
    static func displayFact(slot: Int, of description: Description, vocabulary: Vocabulary, language: Language) -> String? {
        guard let value = description.record.values[slot] else { return nil }
        let type = vocabulary.root.fields[slot].type
        if language == .dutch, case .symbol(let index) = value, case .enumeration(let enumIndex) = type {
            // in Dutch messages an enumeration value reads as the Dutch word users say, where there is one
            let cases = vocabulary.enums[enumIndex].cases
            if Int(index) < cases.count, let dutch = cases[Int(index)].aliases.first { return dutch }
        }
        return display(value, type: type, vocabulary: vocabulary)
    }

    // MARK: Conditions

    /// A record being judged: the description itself, or an element of one of its lists of objects, with
    /// what has been worked out about it so far.
    struct Scope {
        var record: Record
        let layout: Int
        /// The path up to this record's fields, without the element's own part (see `elementPath`).
        private let basePrefix: String
        /// For an element of a list of objects: the list's path (nil for a description's top level) and the
        /// element's number (from 1). Kept apart and only spelled out when a fact of the element is shown (see
        /// `fact(_:)`); the number is moved on from one element to the next (see `moveOn(to:index:)`).
        private let elementPath: String?
        private var elementNumber: Int
        /// Whether the paths of this record's fields are shown as they are (the top level of a description).
        private let showsPathsAsIs: Bool
        /// Texts already folded and scanned, by slot (a record has only a few texts: a list beats a hash
        /// table): the slot, where its folded text is in `texts` (`-1 - position` while it is not copied
        /// there: see `Evaluator.scan(slot:_:)`), where the lexicon entries found in it are in
        /// `matches`, and the bits of the patterns whose required literals it holds (see `Pattern.literalBit`).
        var scans: [(slot: Int, text: Int, matches: Range<Int>, literals: UInt64)] = []
        /// The lexicon entries found in the texts of `scans`, text after text: one list, kept from one record
        /// to the next in the workspace's scope and emptied by its count (a list for each text was an
        /// allocation for most records, and a release with the deallocation of its room).
        var matches = WorkList<LexiconScanner.Match>()
        /// Whether the text `scope` scanned at `index` mentions an entry of lexicon `lexicon`. Out of line
        /// (inlined, the loop made `outcome(of:_:)` too large to be inlined in the first pass, +80 instructions
        /// a record), with the scope passed `inout` (as the method of a scope passed `inout`, the whole scope
        /// was copied for the call).
        @inline(never)
        static func mentions(_ lexicon: Int, scanned index: Int, _ scope: inout Scope) -> Bool {
            for position in scope.scans[index].matches where scope.matches[position].lexicon == lexicon { return true }
            return false
        }
        /// The index in `scans` of the text at `slot`, when it is scanned already.
        @inline(__always)
        func scanned(_ slot: Int) -> Int? {
            // by index, reading only the slot: taking whole entries out would retain their arrays
            for index in scans.indices where scans[index].slot == slot { return index }
            return nil
        }
        /// The folded texts of `scans`, in the same order; those past the last one scanned are texts of
        /// earlier records (see `Workspace`), whose storage the next texts are folded into.
        var texts: [FoldedText] = []
        /// The bytes of the record's source that the reader found to be ASCII (empty where it did not say): a
        /// text read in place within them is folded without its bytes checked again (see `scan(slot:_:)`).
        var asciiBytes: Range<Int> = 0..<0
        /// Where each pattern first matched each text already searched (nil: nowhere), by slot and pattern.
        var patternMatches = ShortList<(slot: Int, pattern: Int, match: Range<Int>?)>()
        /// Which patterns of each shared automaton match each text already read, by slot and group
        /// (see `Pattern.groupMatches(in:)`).
        var patternGroupMatches = ShortList<(slot: Int, group: Int, matches: UInt64)>()
        /// Outcomes of the program's definitions already evaluated on this record.
        var programDefinitions = DefinitionOutcomes()

        init(record: Record, layout: Int, prefix: String) {
            self.init(record: record, layout: layout, basePrefix: prefix, elementPath: nil, elementNumber: 0)
        }

        private init(record: Record, layout: Int, basePrefix: String, elementPath: String?, elementNumber: Int) {
            self.record = record
            self.layout = layout
            self.basePrefix = basePrefix
            self.elementPath = elementPath
            self.elementNumber = elementNumber
            showsPathsAsIs = elementPath == nil && basePrefix.isEmpty
        }

        /// The same scope moved on to another record of the same layout, with nothing worked out about it:
        /// for the program's quantified nodes, which look at the elements one by one through one scope
        /// (building a scope per element costs more than judging most elements).
        mutating func reuse(for record: Record) {
            self.record = record
            forget()
        }

        /// The scope of an element moved on to element `index` (from 0) of the same list, with nothing worked
        /// out about it: for the traced pass's quantified nodes, which look at the elements one by one through
        /// one scope (a scope made and let go of per element counted its every reference twice).
        mutating func moveOn(to record: Record, index: Int) {
            self.record = record
            elementNumber = index + 1
            forget()
        }

        /// Forgets what was worked out about the record (its record stays).
        mutating func forget() {
            scans.trim(to: 0)
            matches.trim(to: 0)
            if !patternMatches.isEmpty { patternMatches.removeAll(keepingCapacity: true) }
            if !patternGroupMatches.isEmpty { patternGroupMatches.removeAll(keepingCapacity: true) }
            programDefinitions.reset()
        }

        /// The scope of element `index` (from 0) of the list of objects at `path` in this record.
        func element(_ record: Record, layout: Int, path: String, index: Int) -> Scope {
            Scope(record: record, layout: layout, basePrefix: elementPath == nil ? basePrefix : prefix,
                  elementPath: path, elementNumber: index + 1)
        }

        /// The path up to this record's fields, as shown in evidence (`sections[2].`).
        var prefix: String {
            guard let elementPath else { return basePrefix }
            return Self.spell(basePrefix, elementPath, number: elementNumber, then: "")
        }

        /// `base` + `path` + `[number].` + `suffix`, written straight into one string's storage.
        private static func spell(_ base: String, _ path: String, number: Int, then suffix: String) -> String {
            guard number > 0 else { return base + path + "[" + String(number) + "]." + suffix }
            let digitCount = decimalDigitCount(number)
            let count = base.utf8.count + path.utf8.count + digitCount + 3 + suffix.utf8.count
            return String(unsafeUninitializedCapacity: count) { buffer in
                var end = 0
                func put(_ byte: UInt8) {
                    buffer[end] = byte
                    end += 1
                }
                for byte in base.utf8 { put(byte) }
                for byte in path.utf8 { put(byte) }
                put(UInt8(ascii: "["))
                // the digits, last one first
                var rest = number
                for position in stride(from: end + digitCount - 1, through: end, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                end += digitCount
                put(UInt8(ascii: "]"))
                put(UInt8(ascii: "."))
                for byte in suffix.utf8 { put(byte) }
                return end
            }
        }

        /// How many decimal digits a positive number has.
        private static func decimalDigitCount(_ number: Int) -> Int {
            var count = 1
            var rest = number / 10
            while rest > 0 {
                count += 1
                rest /= 10
            }
            return count
        }

        /// The number of a test's fact path among the rule set's (`FieldTest.pathKey`) where the path is shown
        /// as it is (the top level of a description); -1 where it is spelled with an element's number.
        func factKey(_ test: FieldTest) -> Int32 {
            showsPathsAsIs ? test.pathKey : -1
        }

        /// The full path of the field a test reads: for an element of a top-level list, spelled once per batch
        /// in `spelled` (see `SpelledFacts`), otherwise as `fact(_:)` spells it.
        @inline(__always)
        func fact(of test: FieldTest, _ spelled: inout SpelledFacts) -> String {
            if showsPathsAsIs { return test.path }
            guard let elementPath, basePrefix.isEmpty, test.pathKey >= 0 else { return fact(test.path) }
            if let known = spelled.fact(list: elementPath, number: elementNumber, field: test.pathKey) { return known }
            let fact = Self.spell(basePrefix, elementPath, number: elementNumber, then: test.path)
            spelled.keep(fact, list: elementPath, number: elementNumber, field: test.pathKey)
            return fact
        }

        /// The full path of a field of this record (for an element, spelled out in one go).
        func fact(_ path: String) -> String {
            if showsPathsAsIs { return path }
            guard let elementPath else { return basePrefix.isEmpty ? path : basePrefix + path }
            return Self.spell(basePrefix, elementPath, number: elementNumber, then: path)
        }
    }

    /// The outcome of a condition on the condition tree, with nothing traced: the reference that the
    /// program is checked against, and the fallback for a rule outside the program. (`trace` can only be
    /// nil; the traced pass is `evaluate(_:_:_:)`.)
    func evaluate(_ condition: Condition, _ scope: inout Scope, trace: Never?) -> Outcome {
        var off = Trace.off
        return evaluate(condition, &scope, &off)
    }

    /// The outcome of a condition on the condition tree, with what `trace` records. Without recording,
    /// `all` stops at the first false part, and `any` and `some` at the first true one. With `--explain`
    /// this is the traced pass; otherwise the traced pass runs on the program (`tracedOutcome`), and this
    /// is the reference it is tested against.
    func evaluate(_ condition: Condition, _ scope: inout Scope, _ trace: inout Trace) -> Outcome {
        switch condition {
        case .all(let parts):
            trace.open()
            let marks = trace.marks
            var result = Outcome.true
            for part in parts {
                let outcome = evaluate(part, &scope, &trace)
                if outcome == .false { result = .false; if !trace.records { return .false } }
                if outcome == .unknown, result == .true { result = .unknown }
            }
            if trace.records {
                trace.prune(marks, result)
                trace.close("all of", result)
            }
            return result
        case .any(let parts):
            trace.open()
            let marks = trace.marks
            var result = Outcome.false
            for part in parts {
                let before = trace.evidence.count
                let outcome = evaluate(part, &scope, &trace)
                if outcome == .true { result = .true; if !trace.records { return .true } }
                if outcome == .unknown, result == .false { result = .unknown }
                if outcome != .true { trace.dropEvidence(from: before) }
            }
            if trace.records {
                trace.prune(marks, result)
                trace.close("any of", result)
            }
            return result
        case .not(let inner):
            // `not` keeps no evidence, and missing facts only when unknown: without an explanation to
            // build, a decided outcome needs no recording
            if let decided = decidedOutcome(of: condition, &scope, trace) { return decided }
            trace.open()
            let marks = trace.marks
            let result = evaluate(inner, &scope, &trace).negated
            if trace.records {
                trace.dropEvidence(from: marks.evidence)
                if result != .unknown { trace.dropMissing(from: marks.missing) }
                trace.close("not", result)
            }
            return result
        case .named(let name, let inner):
            trace.open()
            let result = evaluate(inner, &scope, &trace)
            trace.close(name, result)
            return result
        case .test(let test):
            let result = outcome(of: test, &scope)
            if trace.records { record(test, result, &scope, &trace) }
            if trace.explains { trace.leaf(test.text, result) }
            return result
        case .quantified(let quantifier, let slot, let path, let body, let absent):
            // `no` keeps no evidence either
            if quantifier == .no, let decided = decidedOutcome(of: condition, &scope, trace) { return decided }
            trace.open()
            let marks = trace.marks
            let result: Outcome
            switch scope.record.values.nonTextValue(at: slot) {
            case .objects(let elements)?:
                var any = Outcome.false
                var all = Outcome.true
                if case .objects(let layoutIndex) = ruleSet.vocabulary.layouts[scope.layout].fields[slot].type {
                    for (index, element) in elements.enumerated() {
                        var inner = scope.element(element, layout: layoutIndex, path: path, index: index)
                        let before = trace.evidence.count
                        let outcome = evaluate(body, &inner, &trace)
                        if outcome == .true { any = .true }
                        if outcome == .unknown, any == .false { any = .unknown }
                        if outcome == .false { all = .false }
                        if outcome == .unknown, all == .true { all = .unknown }
                        if outcome != .true, quantifier == .some { trace.dropEvidence(from: before) }
                        if !trace.records, quantifier == .some, any == .true { break }
                    }
                }
                switch quantifier {
                case .some: result = any
                case .every: result = all
                case .no: result = any.negated
                }
            default:
                switch absent {
                case .unknown:
                    if trace.records { trace.missing.append(scope.fact(path)) }
                    result = .unknown
                default:
                    result = quantifier == .some ? .false : .true
                }
            }
            if trace.records {
                if quantifier == .no { trace.dropEvidence(from: marks.evidence) }
                trace.prune(marks, result)
                trace.close("\(quantifier.rawValue) \(path) where", result)
            }
            return result
        }
    }

    /// The outcome of a condition that keeps no evidence (`not`, `no`), without recording anything,
    /// when it is true or false and no explanation is being built; nil when it has to be traced (for its
    /// missing facts, or its explanation).
    private func decidedOutcome(of condition: Condition, _ scope: inout Scope, _ trace: Trace) -> Outcome? {
        guard trace.records, !trace.explains else { return nil }
        var off = Trace.off
        let outcome = evaluate(condition, &scope, &off)
        return outcome == .unknown ? nil : outcome
    }

    /// The outcome of one test of a field.
    func outcome(of test: FieldTest, _ scope: inout Scope) -> Outcome {
        switch test.operation {
        case .mentions(let lexicon):
            guard let index = scan(slot: test.slot, &scope) else { return valueOutcome(of: test, in: scope.record.values) }
            return .from(Scope.mentions(lexicon, scanned: index, &scope))
        case .matches(let pattern):
            guard scope.record.values.isText(at: test.slot) else { return valueOutcome(of: test, in: scope.record.values) }
            return .from(patternFound(pattern, slot: test.slot, &scope))
        default:
            return valueOutcome(of: test, in: scope.record.values)
        }
    }

    /// The outcome of a test that the value alone decides (every test but a search of a text that is
    /// there): whether the field is there is looked at in place, and the value is taken out only for the
    /// tests that compare it.
    func valueOutcome(of test: FieldTest, in values: SlotValues) -> Outcome {
        // whether the field is there, looked at without spelling out a text read in place
        switch test.operation {
        case .present: return .from(!values.isEmpty(at: test.slot))
        case .missing: return .from(values.isEmpty(at: test.slot))
        default: break
        }
        // every other test compares the value
        guard let value = values[test.slot] else {
            switch test.absent {
            case .unknown:
                return .unknown
            case .false:
                return compare(.bool(false), test)
            case .empty:
                switch test.operation {
                case .notEquals, .notOneOf: return .true
                default: return .false
                }
            }
        }
        return compare(value, test)
    }

    /// Records what a test that came out as `outcome` shows: the fact, the words that matched, or the
    /// missing fact (exactly what decided the outcome; nothing for a test on an absent field that has a
    /// meaning when absent).
    func record(_ test: FieldTest, _ outcome: Outcome, _ scope: inout Scope, _ trace: inout Trace) {
        // the value is looked at in place here, and taken out only where it is shown
        guard !scope.record.values.isEmpty(at: test.slot) else {
            if outcome == .unknown { trace.missing.append(scope.fact(test.path)) }
            return
        }
        // a field that is there shows something only where the test came out true: a search of a text that
        // is false found nothing (its matches are not looked through, nor a pattern located), and a value
        // shows what it is only where it made the test true
        guard outcome == .true else { return }
        let offset = Int(scope.record.offsets[test.slot])
        switch test.operation {
        case .missing:
            break
        case .mentions(let lexicon):
            // the folded text and its matches read where the scope keeps them (copies would count their arrays)
            guard let index = scan(slot: test.slot, &scope) else { return }
            let text = foldedText(scanned: index, &scope)
            for position in scope.scans[index].matches where scope.matches[position].lexicon == lexicon {
                let range = scope.matches[position].range
                let fact = factNumbers(test, &scope, &trace)
                trace.add(Self.textEvidence(fact, range, in: &scope.texts[text], offset: offset, &trace))
            }
        case .matches(let pattern):
            guard let match = patternMatch(pattern, slot: test.slot, &scope), let index = scan(slot: test.slot, &scope) else { return }
            let text = foldedText(scanned: index, &scope)
            let fact = factNumbers(test, &scope, &trace)
            trace.add(Self.textEvidence(fact, match, in: &scope.texts[text], offset: offset, &trace))
        default:
            // `present` is true whenever the field is there
            guard let value = scope.record.values[test.slot] else { return }
            let fact = factNumbers(test, &scope, &trace)
            var item = PendingEvidence(fact: fact.key, factText: fact.text, offset: offset)
            switch value {
            case .bool(let flag):
                item.value = flag ? EvidenceKeys.trueValue : EvidenceKeys.falseValue
            case .symbol(let index):
                if let key = displayNames.key(of: index, layout: scope.layout, slot: test.slot) {
                    item.value = key
                } else {
                    item.valueText = trace.keep(display(value, layout: scope.layout, slot: test.slot))
                }
            case .list(let items):
                // a list of cases shown before is not joined again
                if let key = displayNames.listKey(items, layout: scope.layout, slot: test.slot) {
                    let layout = scope.layout
                    item.valueText = trace.keep(trace.shownLists.text(for: key) { display(value, layout: layout, slot: test.slot) })
                } else {
                    item.valueText = trace.keep(display(value, layout: scope.layout, slot: test.slot))
                }
            default:
                item.valueText = trace.keep(display(value, layout: scope.layout, slot: test.slot))
            }
            trace.add(item)
        }
    }

    /// The fact path of a test's evidence as a key where the path is shown as it is, else as a text kept
    /// in the trace (spelled with the element's number).
    @inline(__always)
    private func factNumbers(_ test: FieldTest, _ scope: inout Scope, _ trace: inout Trace) -> (key: Int32, text: Int32) {
        let key = scope.factKey(test)
        if key >= 0 { return (key, -1) }
        return (-1, trace.keep(scope.fact(of: test, &trace.spelled)))
    }

    private func compare(_ value: FactValue, _ test: FieldTest) -> Outcome {
        switch test.operation {
        case .equals(let expected): return .from(value.sameScalar(as: expected))
        case .notEquals(let expected): return .from(!value.sameScalar(as: expected))
        case .oneOf(let options): return .from(options.contains { value.sameScalar(as: $0) })
        case .notOneOf(let options): return .from(!options.contains { value.sameScalar(as: $0) })
        case .before(let day): if case .date(let actual) = value { return .from(actual < day) }
        case .after(let day): if case .date(let actual) = value { return .from(actual > day) }
        case .onOrBefore(let day): if case .date(let actual) = value { return .from(actual <= day) }
        case .onOrAfter(let day): if case .date(let actual) = value { return .from(actual >= day) }
        case .includes(let expected):
            if case .list(let items) = value { return .from(items.contains { $0.sameScalar(as: expected) }) }
        case .includesAny(let options):
            if case .list(let items) = value { return .from(items.contains { item in options.contains { item.sameScalar(as: $0) } }) }
        case .includesAnyText:
            // the entries, lower-cased when the rules loaded, looked up without lower-casing each item
            if case .list(let items) = value, let options = test.caselessTexts {
                return .from(items.contains { item in if case .string(let text) = item { options.contains(text) } else { false } })
            }
        case .present, .missing, .mentions, .matches:
            break
        }
        return .false
    }

    /// The index in `scope.scans` of the text at `slot`, folded and scanned on first use (nil when the
    /// field is not a text). A text read in place that the reader found ASCII is its own folded text (with
    /// case kept, what the lexicon scanner reads): it is scanned where its bytes are, in the source, and
    /// copied into the room of an earlier record's text only where a pattern or a piece of evidence reads
    /// it (`foldedText(scanned:_:)`; most texts are only scanned, and the copy cost about 150 instructions).
    private func scan(slot: Int, _ scope: inout Scope) -> Int? {
        // by index, reading only the slot: taking whole entries out would retain their arrays
        for index in scope.scans.indices where scope.scans[index].slot == slot { return index }
        let position = scope.scans.count
        var literals: UInt64 = 0
        let first = scope.matches.count
        if position < scope.texts.count && scope.record.values.isTextInPlace(at: slot, within: scope.asciiBytes) {
            let scanner = ruleSet.scanner
            _ = scope.record.values.withTextBytes(at: slot) { bytes in scanner.scan(ascii: bytes, into: &scope.matches, literals: &literals) }
            // not folded yet: its number in `texts` told apart (see `foldedText(scanned:_:)`)
            scope.scans.append((slot, -1 - position, first..<scope.matches.count, literals))
            return position
        }
        // folded into the room of a text of an earlier record where there is one, from the text's bytes
        // where they are (in the source, for a text read in place)
        let folded: Void? = scope.record.values.withTextBytes(at: slot) { bytes in
            if position < scope.texts.count {
                scope.texts[position].refill(utf8: bytes)
            } else {
                scope.texts.append(FoldedText(utf8: bytes))
            }
        }
        guard folded != nil else { return nil }
        // the folded text read where it is kept (copying it out of the list would count its arrays)
        ruleSet.scanner.scan(inPlace: &scope.texts[position], into: &scope.matches, literals: &literals)
        scope.scans.append((slot, position, first..<scope.matches.count, literals))
        return position
    }

    /// The index in `scope.texts` of the folded text scanned at `index` (see `scan(slot:_:)`): a text
    /// scanned where its bytes are in the source (known ASCII) is copied into its room on first use.
    private func foldedText(scanned index: Int, _ scope: inout Scope) -> Int {
        let text = scope.scans[index].text
        guard text < 0 else { return text }
        let position = -1 - text
        _ = scope.record.values.withTextBytes(at: scope.scans[index].slot) { bytes in
            scope.texts[position].refill(utf8: bytes, knownASCII: true)
        }
        scope.scans[index].text = position
        return position
    }

    /// Where pattern `pattern` first matches the text at `slot` (folded), searched on first use (nil too
    /// when the field is not a text).
    private func patternMatch(_ pattern: Int, slot: Int, _ scope: inout Scope) -> Range<Int>? {
        if let cached = scope.patternMatches.first(where: { $0.slot == slot && $0.pattern == pattern }) { return cached.match }
        guard let index = scan(slot: slot, &scope) else { return nil }
        // the pattern is used in place, not copied out of the rule set
        let group = ruleSet.patterns[pattern].automatonGroup
        let literalBit = ruleSet.patterns[pattern].literalBit
        let found: Range<Int>?
        let text = foldedText(scanned: index, &scope)
        if literalBit != 0 && scope.scans[index].literals & literalBit == 0 {
            // the text lacks every literal a match of the pattern contains
            found = nil
        } else if group < 0 {
            scope.texts[text].prepareLower()
            found = ruleSet.patterns[pattern].firstMatch(in: scope.texts[text])
        } else {
            let matches = groupMatches(of: pattern, group: group, slot: slot, scanned: index, &scope)
            scope.texts[text].prepareLower()
            found = ruleSet.patterns[pattern].firstMatch(in: scope.texts[text], groupMatches: matches)
        }
        scope.patternMatches.append((slot, pattern, found))
        return found
    }

    /// Whether pattern `pattern` matches the text at `slot` anywhere (false too when the field is not a text):
    /// what a condition needs, answered by the pass of the pattern's shared automaton alone. Where the match
    /// is (another pass, over the pattern's own program) is looked for only for evidence (`patternMatch`).
    private func patternFound(_ pattern: Int, slot: Int, _ scope: inout Scope) -> Bool {
        let group = ruleSet.patterns[pattern].automatonGroup
        guard group >= 0 else { return patternMatch(pattern, slot: slot, &scope) != nil }
        // the text is nearly always scanned already (for the lexicons or an earlier pattern): looked up here,
        // without the call
        guard let index = scope.scanned(slot) ?? scan(slot: slot, &scope) else { return false }
        let literalBit = ruleSet.patterns[pattern].literalBit
        // the text lacks every literal a match of the pattern contains
        if literalBit != 0 && scope.scans[index].literals & literalBit == 0 { return false }
        return groupMatches(of: pattern, group: group, slot: slot, scanned: index, &scope) & ruleSet.patterns[pattern].automatonBit != 0
    }

    /// Which patterns of `pattern`'s shared automaton (`group`) match the text at `slot`, scanned at `index`:
    /// one pass over the text answers for every pattern of the group, and is made once.
    private func groupMatches(of pattern: Int, group: Int, slot: Int, scanned index: Int, _ scope: inout Scope) -> UInt64 {
        if let known = scope.patternGroupMatches.first(where: { $0.slot == slot && $0.group == group }) { return known.matches }
        // the shared automata read the cased bytes (as lower-cased ones where the group is caseless): the
        // lower-cased bytes are prepared only for a pattern's own program (`patternMatch`); a text not folded
        // yet (known ASCII) is read where its bytes are, in the source
        let matches: UInt64
        if scope.scans[index].text < 0 {
            matches = scope.record.values.withTextBytes(at: slot) { ruleSet.patterns[pattern].groupMatches(inCased: $0) } ?? 0
        } else {
            matches = ruleSet.patterns[pattern].groupMatches(in: scope.texts[scope.scans[index].text])
        }
        scope.patternGroupMatches.append((slot, group, matches))
        return matches
    }

    /// Evidence of words in a text: `range` is in the folded text (passed `inout` only to be read where the
    /// scope keeps it).
    private static func textEvidence(_ fact: (key: Int32, text: Int32), _ range: Range<Int>, in folded: inout FoldedText, offset: Int,
                                     _ trace: inout Trace) -> PendingEvidence {
        let original = folded.originalRange(range)
        let scalars = folded.scalarRange(original)
        return PendingEvidence(fact: fact.key, factText: fact.text, match: trace.keep(folded.originalText(original)),
                               start: scalars.lowerBound, end: scalars.upperBound, offset: offset)
    }

    /// The value of the field at `slot` of `layout` as shown in evidence (as `display(_:type:vocabulary:)`
    /// shows it, with the common values settled without reading the field's type).
    func display(_ value: FactValue, layout: Int, slot: Int) -> String {
        switch value {
        case .bool(let flag): return flag ? "true" : "false"
        case .string(let text): return text
        case .symbol, .list:
            if let shown = displayNames.display(value, layout: layout, slot: slot) { return shown }
        default: break
        }
        let type = ruleSet.vocabulary.layouts[layout].fields[slot].type
        return Self.display(value, type: type, vocabulary: ruleSet.vocabulary)
    }

    static func display(_ value: FactValue, type: FieldType, vocabulary: Vocabulary) -> String {
        switch (value, type) {
        case (.symbol(let index), .enumeration(let enumIndex)):
            let cases = vocabulary.enums[enumIndex].cases
            return Int(index) < cases.count ? cases[Int(index)].name : "?"
        case (.list(let items), .list(let element)):
            // a list of one is its item as shown; a longer one is joined without a list of the items shown
            if items.count < 2 { return items.first.map { display($0, type: element, vocabulary: vocabulary) } ?? "" }
            // written straight into one string's storage, its length counted first (an item shown is a name
            // or a text the list holds, counted without a copy): appended to a string item by item, the text
            // was copied into a larger room as it grew, several hundred instructions an item
            var length = 2 * (items.count - 1)
            // a text item (the most common) read where the list holds it, not through `display`, which copies it
            for item in items {
                if case .string(let text) = item { length += text.utf8.count } else {
                    length += display(item, type: element, vocabulary: vocabulary).utf8.count
                }
            }
            return String(unsafeUninitializedCapacity: length) { buffer in
                var end = 0
                for (position, item) in items.enumerated() {
                    if position > 0 {
                        buffer[end] = UInt8(ascii: ",")
                        buffer[end + 1] = UInt8(ascii: " ")
                        end += 2
                    }
                    var shown: String
                    if case .string(let text) = item { shown = text } else { shown = display(item, type: element, vocabulary: vocabulary) }
                    shown.withUTF8 { bytes in
                        for byte in bytes {
                            buffer[end] = byte
                            end += 1
                        }
                    }
                }
                return end
            }
        case (.bool(let flag), _): return flag ? "true" : "false"
        case (.string(let text), _): return text
        case (.date(let day), _): return CivilDate.format(day)
        case (.number(let number), _):
            return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case (.objects(let records), _): return "\(records.count) items"
        default: return "?"
        }
    }

    /// The missing facts of a trace, each once, in the order first recorded.
    /// Adds `id` to the list of rules not in force, made on the first (out of line: rare, and kept out of the
    /// loop over the rules, which the compiler then keeps in line).
    @inline(never)
    private static func add(_ id: String, to list: inout [String]?) {
        var added = list ?? []
        added.append(id)
        list = added
    }

    static func unique(_ items: WorkList<String>) -> [String] {
        guard items.count > 1 else { return Array(items) }
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }
}
