/// What the traced pass over a rule collects, and how it becomes a finding's evidence.
extension Evaluator {
    /// What a traced evaluation collects: evidence, missing facts, and (with `--explain`) the tree of how
    /// each condition came out. A value passed `inout` (no reference, so no exclusivity checks at run
    /// time); `Trace.off` records nothing and lets conditions stop at the first part that decides them.
    struct Trace {
        /// Whether anything is recorded.
        let records: Bool
        /// Whether to build the explanation tree (only `--explain` shows it).
        private(set) var explains: Bool
        /// The lists are work lists (see `WorkList`): emptied for every rule and filled again in their room,
        /// without the uniqueness checks of an array at each change.
        var evidence = WorkList<PendingEvidence>()
        /// The texts of the evidence that have no key (see `PendingEvidence`).
        var texts = WorkList<String>()
        var missing = WorkList<String>()
        /// Fact paths of elements already spelled (kept by `reset()`, and from one description to the next).
        var spelled = SpelledFacts()
        /// Lists of cases already shown as evidence, with their texts (kept like `spelled`).
        var shownLists = ShownLists()
        var stack: [[ExplainNode]]
        var root: ExplainNode? { stack.first?.first }

        /// A trace that records evidence and missing facts, and the explanation when `explains`.
        init(explains: Bool) {
            self.init(records: true, explains: explains)
        }

        private init(records: Bool, explains: Bool) {
            self.records = records
            self.explains = explains
            stack = explains ? [[]] : []
        }

        /// Records nothing.
        static var off: Trace { Trace(records: false, explains: false) }

        /// Empties the trace for the next rule, keeping the room it has. Always in line: called for every
        /// finding, it was a call of its own (three lists emptied behind one call and its frame).
        @inline(__always)
        mutating func reset() {
            evidence.trim(to: 0)
            texts.trim(to: 0)
            missing.trim(to: 0)
            if explains { stack = [[]] }
        }

        /// Makes the trace ready for the next description, explaining or not. What the last description's
        /// rules recorded is not emptied here: every rule is traced from a trace that `reset()` has just
        /// emptied, so it is emptied there, once, and a description with no rule traced (most of them) empties
        /// nothing (three lists looked at, and emptied where they held something, for every description).
        mutating func start(explains: Bool) {
            guard explains != self.explains else { return }
            self.explains = explains
            stack = explains ? [[]] : []
        }

        /// Records one piece of evidence (the list makes room for a few more the first time).
        @inline(__always)
        mutating func add(_ item: PendingEvidence) {
            evidence.append(item)
        }

        /// Keeps a text of a piece of evidence that has no key, and returns its number.
        @inline(__always)
        mutating func keep(_ text: consuming String) -> Int32 {
            texts.append(text)
            return Int32(texts.count - 1)
        }

        /// How much evidence and how many missing facts there are so far.
        @inline(__always)
        var marks: (evidence: Int, missing: Int) { (evidence.count, missing.count) }

        mutating func open() { if explains { stack.append([]) } }

        mutating func close(_ text: @autoclosure () -> String, _ outcome: Outcome) {
            guard explains else { return }
            let children = stack.removeLast()
            stack[stack.count - 1].append(ExplainNode(text: text(), outcome: outcome, children: children))
        }

        mutating func leaf(_ text: String, _ outcome: Outcome) {
            guard explains else { return }
            stack[stack.count - 1].append(ExplainNode(text: text, outcome: outcome, children: []))
        }

        /// Forgets the evidence recorded since `mark`.
        @inline(__always)
        mutating func dropEvidence(from mark: Int) {
            evidence.trim(to: mark)
        }

        /// Forgets the missing facts recorded since `mark`.
        @inline(__always)
        mutating func dropMissing(from mark: Int) {
            missing.trim(to: mark)
        }

        /// Keeps what supports `result` among what was recorded since `marks`: missing facts only matter
        /// when it is unknown, and evidence only when it is not false.
        @inline(__always)
        mutating func prune(_ marks: (evidence: Int, missing: Int), _ result: Outcome) {
            switch result {
            case .true:
                dropMissing(from: marks.missing)
            case .false:
                dropEvidence(from: marks.evidence)
                dropMissing(from: marks.missing)
            case .unknown:
                break
            }
        }
    }

    /// Evidence as collected, in plain numbers like `EvidenceList.Entry`: texts without a key are numbers
    /// in the trace's `texts`, and where the fact is written is still a byte offset in the source (negative:
    /// nowhere), turned into a line and column only for the evidence a finding keeps.
    struct PendingEvidence {
        /// The fact path's key, or -1 when it is text `factText`.
        var fact: Int32
        var factText: Int32
        /// The value's key, or -1 when it is text `valueText` (or there is no value).
        var value: Int32 = -1
        var valueText: Int32 = -1
        var match: Int32 = -1
        /// The match in Unicode scalars (-1: no match).
        var start = -1
        var end = -1
        let offset: Int
    }

    /// Lines and columns of the byte offsets of one description's evidence. A description's facts are
    /// mostly on one line: while that line is ASCII up to an offset, its column is a distance from the line
    /// start. The line is checked for ASCII only as far as an offset needs; the few offsets past its ASCII
    /// part are located by the source once each (a list beats a hash table).
    struct Locations {
        /// The source, not counted: a list of locations is made for one description's evaluation and dropped
        /// at its end, while the description, which holds the source, is still the caller's; counting it
        /// (and each use of it) would cost atomic operations for nothing. Used through
        /// `_withUnsafeGuaranteedRef`, which does not count either. Whoever makes a list of locations keeps the
        /// source alive for as long as the list is used.
        private let unretainedSource: Unmanaged<SourceText>
        /// The index of the line the description starts on, where the reader knew it (-1 where not): the
        /// first line looked at, without a search, when it holds the offset.
        let firstLineIndex: Int
        fileprivate(set) var known: [(offset: Int, line: Int, column: Int)] = []
        /// The line last located in, how far it is ASCII from its start, and how far it has been checked
        /// (`asciiEnd < checked`: a byte that is not ASCII was found at `asciiEnd`).
        private var line: (start: Int, end: Int, number: Int, asciiEnd: Int, checked: Int)?
        /// Bytes the reader found to be ASCII (`start..<end`, `end` being the first byte that is not, or the
        /// record's end): when the first line looked at starts at `start`, its check starts from `end`.
        private let knownASCII: (start: Int, end: Int)?
        /// The offset past its line's ASCII start counted last (see `locate`), with one more than the characters
        /// that start before it on the line starting at `lineStart`.
        private var counted: (lineStart: Int, offset: Int, count: Int)?

        init(source: SourceText, firstLineIndex: Int = -1, knownASCII: (start: Int, end: Int)? = nil) {
            unretainedSource = Unmanaged.passUnretained(source)
            self.firstLineIndex = firstLineIndex
            self.knownASCII = knownASCII
        }

        /// The file of the source (a reference counted once, for a finding's list of evidence).
        var file: String {
            unretainedSource._withUnsafeGuaranteedRef { $0.path }
        }

        /// Notes the file of the source as the file of `store`'s evidence (its path read in place, not counted
        /// for the comparison with the store's).
        func note(fileIn store: EvidenceStore) {
            unretainedSource._withUnsafeGuaranteedRef { store.note(file: $0.path) }
        }

        /// The location of `offset` (nil for a negative offset).
        mutating func location(at offset: Int) -> SourceLocation? {
            guard let place = place(at: offset) else { return nil }
            return SourceLocation(file: file, line: place.line, column: place.column)
        }

        /// The line and column of `offset` (nil for a negative offset). On the line located last, within its
        /// part known to be ASCII (most offsets after a description's first), worked out in the caller.
        @inline(__always)
        mutating func place(at offset: Int) -> (line: Int, column: Int)? {
            if offset >= 0, let line, offset >= line.start, offset < line.asciiEnd { return (line.number, offset - line.start + 1) }
            return locate(offset)
        }

        /// `place(at:)` for an offset off the part of the line known to be ASCII, or on another line.
        @inline(never)
        private mutating func locate(_ offset: Int) -> (line: Int, column: Int)? {
            guard offset >= 0 else { return nil }
            if let column = asciiColumn(offset), let line {
                return (line.number, column)
            }
            if let cached = known.first(where: { $0.offset == offset }) { return (cached.line, cached.column) }
            // on the line found for it, whose ASCII start is counted rather than read again
            let place: (line: Int, column: Int)
            if let line, offset >= line.start, offset <= line.end {
                // counted on from the offset counted last on the line, where that is past the line's ASCII start
                // and before this one (the evidence of a description mostly comes in the order of its fields)
                let clamped = unretainedSource._withUnsafeGuaranteedRef { min(offset, $0.bytes.count) }
                let prefix = max(line.start, min(line.asciiEnd, clamped))
                var from = (offset: prefix, count: 1 + (prefix - line.start))
                if let counted, counted.lineStart == line.start, counted.offset >= prefix, counted.offset <= clamped {
                    from = (counted.offset, counted.count)
                }
                let found = unretainedSource._withUnsafeGuaranteedRef {
                    $0.place(at: clamped, onLineStarting: line.start, number: line.number, countedFrom: from)
                }
                counted = (line.start, clamped, found.count)
                place = (found.line, found.column)
            } else {
                place = unretainedSource._withUnsafeGuaranteedRef { $0.place(at: offset) }
            }
            known.append((offset, place.line, place.column))
            return place
        }

        /// The column of `offset` when its line is ASCII from its start up to it (nil otherwise). Inlined in
        /// `locate`, its one caller (once a description at least: a call of its own for each).
        @inline(__always)
        private mutating func asciiColumn(_ offset: Int) -> Int? {
            if line == nil || offset < line?.start ?? 0 || offset > line?.end ?? 0 {
                let found = unretainedSource._withUnsafeGuaranteedRef { source in
                    (line == nil ? source.line(at: firstLineIndex, holding: offset) : nil) ?? source.line(containing: offset)
                }
                line = (found.start, found.end, found.number, found.start, found.start)
                if let known = knownASCII, known.start == found.start, known.end <= found.end {
                    // what the reader found: ASCII up to `known.end`, where the line ends or a byte that is not ASCII is
                    let nonASCII = known.end < found.end && unretainedSource._withUnsafeGuaranteedRef { $0.bytes[known.end] >= 0x80 }
                    line = (found.start, found.end, found.number, known.end, nonASCII ? found.end : known.end)
                }
            }
            guard var current = line else { return nil }
            if offset >= current.asciiEnd, current.asciiEnd == current.checked, current.checked < current.end {
                // check on from where the last check stopped, a stretch at a time
                let bound = min(current.end, max(offset + 1, current.checked + 256))
                let checked = current.checked
                current.asciiEnd = unretainedSource._withUnsafeGuaranteedRef { $0.firstNonASCII(from: checked, to: bound) }
                current.checked = current.asciiEnd < bound ? current.end : bound
                line = current
            }
            return offset < current.asciiEnd ? offset - current.start + 1 : nil
        }
    }

    /// A finding's evidence: the collected evidence without repeats (two definitions may test the same
    /// fact), located, with the texts it uses copied out of the trace, added to `store`. Within one
    /// description the same fact always has the same offset, so comparing offsets is comparing locations.
    /// The trace is passed `inout` only to be read where it is kept (passed by value, its lists would be
    /// counted for the call).
    static func evidence(_ trace: inout Trace, _ locations: inout Locations, into store: EvidenceStore) -> EvidenceList {
        evidence(&trace, &locations, into: Unmanaged.passUnretained(store))
    }

    /// The same with the store lent, not counted (the caller holds it), but for the list made.
    static func evidence(_ trace: inout Trace, _ locations: inout Locations, into lent: Unmanaged<EvidenceStore>) -> EvidenceList {
        guard !trace.evidence.isEmpty else { return .empty }
        return lent._withUnsafeGuaranteedRef { store in
            let first = store.entryCount
            var located = false
            for index in trace.evidence.indices where !trace.evidence[..<index].contains(where: { same($0, trace.evidence[index], trace.texts) }) {
                let item = trace.evidence[index]
                func copied(_ text: Int32) -> Int32 {
                    store.keep(trace.texts[Int(text)])
                }
                let place = locations.place(at: item.offset)
                located = located || place != nil
                // most pieces have no text to copy: the check is made here, without a call
                store.append(EvidenceList.Entry(fact: item.fact, factText: item.factText < 0 ? -1 : copied(item.factText), value: item.value,
                                                valueText: item.valueText < 0 ? -1 : copied(item.valueText),
                                                match: item.match < 0 ? -1 : copied(item.match), fileText: -1,
                                                start: item.start, end: item.end, line: place?.line ?? 0, column: place?.column ?? 0))
            }
            if located { locations.note(fileIn: store) }
            return EvidenceList(store: lent.takeUnretainedValue(), first: first, count: store.entryCount - first, located: located)
        }
    }

    /// `==` on collected evidence, with the cheap comparisons first.
    private static func same(_ a: PendingEvidence, _ b: PendingEvidence, _ texts: WorkList<String>) -> Bool {
        func sameText(_ x: Int32, _ y: Int32) -> Bool {
            x == y || (x >= 0 && y >= 0 && texts[Int(x)] == texts[Int(y)])
        }
        return a.start == b.start && a.end == b.end && a.offset == b.offset && a.fact == b.fact && a.value == b.value
            && sameText(a.factText, b.factText) && sameText(a.valueText, b.valueText) && sameText(a.match, b.match)
    }

    /// The room that judging one description after another reuses: the scope of a description's top level
    /// (moved on to each description in turn, its caches emptied and its folded texts kept as spares, whose
    /// storage the next description's texts are folded into), the trace, and the list of located offsets.
    /// Each keeps its capacity from one description to the next; the evaluator works on the scope and the
    /// trace where the workspace keeps them.
    struct Workspace {
        /// The top-level scope, on the description being judged (on an empty record of its own in between, so
        /// that the storage of the last description's record is not held here; see `RecordRoom`).
        var scope = Scope(record: Record(slotCount: 0), layout: 0, prefix: "")
        var trace = Trace(explains: false)
        private var known: [(offset: Int, line: Int, column: Int)] = []

        init() {}

        /// Moves the scope on to `record` and empties the trace, and lends `locations` the room of the list of
        /// located offsets. The record is swapped in, not copied: `record` holds the scope's empty record until
        /// `end` swaps them back (a copy would count the record's storage once more, and putting the empty
        /// record back would count both again).
        mutating func begin(_ record: inout Record, explains: Bool, _ locations: inout Locations) {
            swap(&scope.record, &record)
            scope.forget()
            trace.start(explains: explains)
            swap(&known, &locations.known)
        }

        /// Gives the description's record back to `record` (the scope holds its empty record again, so that the
        /// storage of the last description's record is not held here) and takes the list of located offsets
        /// back, emptied.
        mutating func end(_ record: inout Record, _ locations: inout Locations) {
            swap(&scope.record, &record)
            locations.known.trim(to: 0)
            swap(&known, &locations.known)
        }

        /// The list of findings of an evaluation given back (`recycle`): the next description's findings are
        /// put in its room.
        private var findings: [Finding] = []

        /// Takes back the lists of an evaluation that the caller has used and drops (its findings and derived
        /// facts), for the next description's: a batch gives back each result once it is rendered. They are
        /// swapped out of it, not copied (a copy would count each list, and dropping the evaluation would count
        /// it again). An evaluation that is also kept elsewhere (`keepItems`) shares its lists, which stay as
        /// they are there: they are copied when they are emptied for the next description.
        mutating func recycle(_ item: consuming ReportItem) {
            guard case .evaluated(var evaluation) = consume item else { return }
            swap(&findings, &evaluation.findings)
            swap(&context, &evaluation.context)
        }

        /// An empty list of findings: the room of the list given back last (a list still shared, with an
        /// evaluation kept by the caller, is left to it; a new one is made). The store of those findings'
        /// evidence is emptied for the next ones once they are gone (a store still held, by findings the
        /// caller keeps, is left to them; a new one is made).
        mutating func takeFindings() -> [Finding] {
            var taken: [Finding] = []
            swap(&taken, &findings)
            taken.trim(to: 0)
            if isKnownUniquelyReferenced(&evidence) {
                evidence.empty()
            } else {
                evidence = EvidenceStore()
            }
            return taken
        }

        /// The evidence of the findings being made (see `EvidenceStore`).
        private(set) var evidence = EvidenceStore()

        /// The derived facts shown with an evaluation given back, like its findings.
        private var context: [(field: String, value: String)] = []

        /// An empty list of derived facts to show, in the room of the list given back last (see `takeFindings()`).
        mutating func takeContext() -> [(field: String, value: String)] {
            Self.emptied(&context)
        }

        /// `kept` emptied, in its own room when nothing else holds it any more; `kept` is left empty.
        private static func emptied<Element>(_ kept: inout [Element]) -> [Element] {
            var taken = kept
            kept = []
            taken.trim(to: 0)
            return taken
        }
    }
}
