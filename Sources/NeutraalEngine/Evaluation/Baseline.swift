/// Known and reviewed findings that a lint run accepts: each entry is a rule and the fingerprint of the
/// description's facts, so an edited description is judged afresh. Baselined findings are reported as
/// such, never hidden, and do not count towards the exit status.
public struct Baseline: Sendable {
    /// One accepted finding.
    public struct Entry: Sendable, Hashable {
        public let rule: String
        public let fingerprint: String
        public let id: String
        public let verdict: String
    }

    public private(set) var entries: [Entry]
    private var keys: Set<String>

    public init(entries: [Entry] = []) {
        self.entries = entries
        self.keys = Set(entries.map { $0.rule + " " + $0.fingerprint })
    }

    /// Reads a baseline file written by `--write-baseline`.
    public static func read(_ source: SourceText) -> Result<Baseline, Diagnostic> {
        switch JSONParser().parse(source.bytes, range: 0..<source.bytes.count) {
        case .failure(let failure):
            return .failure(Diagnostic("baseline.invalid-json", "the baseline is not valid JSON: \(failure.message)",
                                       at: source.location(at: failure.offset), hint: "write it anew with --write-baseline"))
        case .success(let value):
            guard case .object(let members, _) = value,
                  case .array(let items, _)? = members.first(where: { $0.key == "findings" })?.value else {
                return .failure(Diagnostic("baseline.invalid", "the baseline has no `findings` list", at: source.location(at: 0),
                                           hint: "write it anew with --write-baseline"))
            }
            var entries: [Entry] = []
            for item in items {
                guard case .object(let fields, let offset) = item else {
                    // an entry that is not an object would otherwise accept nothing without a word
                    return .failure(Diagnostic("baseline.invalid", "a baseline entry must be an object, found \(item.typeName)",
                                               at: source.location(at: item.offset),
                                               hint: "each entry is `{\"rule\": …, \"fingerprint\": …}`; write the baseline anew with --write-baseline"))
                }
                func string(_ key: String) -> String? {
                    if case .string(let text, _)? = fields.first(where: { $0.key == key })?.value { return text }
                    return nil
                }
                guard let rule = string("rule"), let fingerprint = string("fingerprint") else {
                    return .failure(Diagnostic("baseline.invalid", "a baseline entry needs `rule` and `fingerprint`", at: source.location(at: offset)))
                }
                entries.append(Entry(rule: rule, fingerprint: fingerprint, id: string("id") ?? "", verdict: string("verdict") ?? ""))
            }
            return .success(Baseline(entries: entries))
        }
    }

    /// Whether a finding of `rule` on a description with this fingerprint is accepted.
    public func contains(rule: String, fingerprint: String) -> Bool {
        keys.contains(rule + " " + fingerprint)
    }

    /// Adds the standing findings of an evaluation.
    public mutating func add(_ evaluation: Evaluation, vocabulary: Vocabulary) {
        for finding in evaluation.findings {
            switch finding.status {
            case .fired, .undetermined, .baselined:
                guard finding.rule.verdict != .allowed else { continue }
                let fingerprint = Fingerprint.of(rule: finding.rule.id, description: evaluation.description, vocabulary: vocabulary)
                if keys.insert(finding.rule.id + " " + fingerprint).inserted {
                    entries.append(Entry(rule: finding.rule.id, fingerprint: fingerprint, id: evaluation.description.id,
                                         verdict: finding.rule.verdict.rawValue))
                }
            default:
                break
            }
        }
    }

    /// Whether the baseline accepts nothing (no `--baseline`, or an empty one).
    public var isEmpty: Bool { entries.isEmpty }

    /// The evaluation with the findings this baseline accepts marked `baselined`.
    public func apply(to evaluation: Evaluation, vocabulary: Vocabulary) -> Evaluation {
        guard !entries.isEmpty else { return evaluation }
        var changed = false
        let findings = evaluation.findings.map { finding -> Finding in
            switch finding.status {
            case .fired, .undetermined:
                guard finding.rule.verdict != .allowed,
                      contains(rule: finding.rule.id, fingerprint: Fingerprint.of(rule: finding.rule.id, description: evaluation.description,
                                                                                  vocabulary: vocabulary)) else { return finding }
                changed = true
                return finding.with(status: .baselined)
            default:
                return finding
            }
        }
        return changed ? evaluation.replacing(findings: findings) : evaluation
    }

    /// The baseline as a JSON file, entries sorted so that it diffs well.
    public func render(ruleSetVersion: String) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.field("tool", "neutraal")
        json.field("format", 1)
        json.field("rulesetVersion", ruleSetVersion)
        json.beginArray("findings")
        for entry in entries.sorted(by: { ($0.id, $0.rule, $0.fingerprint) < ($1.id, $1.rule, $1.fingerprint) }) {
            json.beginObject()
            json.field("id", entry.id)
            json.field("rule", entry.rule)
            json.field("verdict", entry.verdict)
            json.field("fingerprint", entry.fingerprint)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.output + "\n"
    }
}
