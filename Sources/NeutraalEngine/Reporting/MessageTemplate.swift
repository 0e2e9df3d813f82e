/// A rule's message split once into text and `{placeholders}`, so that a message that quotes facts is
/// written straight into JSON output, its text escaped in advance, without being built as a string.
struct MessageTemplate: Sendable {
    enum Part: Sendable {
        /// Text between placeholders, escaped for the inside of a JSON string.
        case text([UInt8])
        /// `{match}`: the first words a text test matched.
        case match
        /// `{path}`: a top-level fact, by slot (nil: no such fact, shown as `?`).
        case fact(slot: Int?)
    }

    let parts: [Part]

    /// The parts of `template`, split where `Finding.message` splits it (at the first `{` and the first `}`
    /// after it, again and again); nil when a brace touches a non-ASCII byte, where splitting bytes and
    /// splitting characters could differ (a brace with a combining mark is one character).
    init?(_ template: String, vocabulary: Vocabulary) {
        let bytes = Array(template.utf8)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") {
            if index > 0, bytes[index - 1] >= 0x80 { return nil }
            if index + 1 < bytes.count, bytes[index + 1] >= 0x80 { return nil }
        }
        var parts: [Part] = []
        var rest = bytes[...]
        while let open = rest.firstIndex(of: UInt8(ascii: "{")), let close = rest[open...].firstIndex(of: UInt8(ascii: "}")) {
            parts.append(.text(Self.escaped(rest[..<open])))
            let name = String(decoding: rest[(open + 1)..<close], as: UTF8.self)
            parts.append(name == "match" ? .match : .fact(slot: vocabulary.root.slotByPath[name]))
            rest = rest[(close + 1)...]
        }
        parts.append(.text(Self.escaped(rest)))
        self.parts = parts.filter { if case .text(let text) = $0 { return !text.isEmpty } else { return true } }
    }

    private static func escaped(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var json = JSONBytes(capacity: bytes.count + 16)
        json.escaped(String(decoding: bytes, as: UTF8.self))
        return json.bytes
    }

    /// Writes `,"message":"…"` for a finding of an evaluation.
    func write(_ finding: Finding, _ evaluation: Evaluation, _ context: ReportContext, into json: inout JSONBytes) {
        withUnsafePointer(to: context) { write(finding, evaluation, lent: $0, into: &json) }
    }

    /// `write(_:_:_:into:)` with the context read where it lies (see `LentContext`).
    func write(_ finding: Finding, _ evaluation: Evaluation, lent context: UnsafePointer<ReportContext>, into json: inout JSONBytes) {
        json.raw(",\"message\":\"")
        for part in parts {
            switch part {
            case .text(let text):
                json.raw(text)
            case .match:
                json.escaped(finding.evidenceList.firstMatch ?? "…")
            case .fact(let slot):
                let shown = slot.flatMap {
                    Evaluator.displayFact(slot: $0, of: evaluation.description, vocabulary: context.pointee.ruleSet.vocabulary,
                                            language: context.pointee.language)
                }
                json.escaped(shown ?? "?")
            }
        }
        json.raw("\"")
    }
}
