/// The fact paths and case names of a rule set as JSON, rendered once, for `JSONReporter` to copy into the
/// evidence of every finding instead of quoting the same strings again (see `EvidenceKeys`): by fact key
/// `"path"`, and by value key `,"value":"name"` (the truth values' keys too, so that their evidence is
/// written as the common piece, not member by member).
///
/// All texts live one after another in one block of memory owned by the object and never written after
/// `init` (with where each starts and how long it is, in one word: one load finds a text); the object is
/// therefore safe to share between threads, and copying a text takes no reference count.
final class EvidenceTexts: @unchecked Sendable {
    private let bytes: UnsafeMutablePointer<UInt8>
    /// For each text, where it starts in `bytes` (the high 32 bits) and its length (the low 32).
    private let places: UnsafeMutableBufferPointer<UInt64>
    private let factCount: Int
    private let nameCount: Int
    /// The rules of the rule set, by index: the keys of evidence are numbers in this rule set's tables only.
    private let rules: UnsafeMutableBufferPointer<ObjectIdentifier>

    init(_ ruleSet: RuleSet) {
        var json = JSONBytes()
        var starts: [Int] = []
        for path in ruleSet.factPaths {
            starts.append(json.written)
            json.quoted(path)
        }
        let names = DisplayNames(ruleSet.vocabulary).names
        // the names, then the truth values, in the order of `truthIndex`
        for name in names + ["true", "false"] {
            starts.append(json.written)
            json.raw(",\"value\":")
            json.quoted(name)
        }
        starts.append(json.written)
        factCount = ruleSet.factPaths.count
        nameCount = names.count
        let rendered = json.bytes
        bytes = UnsafeMutablePointer.allocate(capacity: max(rendered.count, 1))
        bytes.initialize(from: rendered, count: rendered.count)
        places = UnsafeMutableBufferPointer.allocate(capacity: starts.count - 1)
        for index in places.indices {
            places.initializeElement(at: index, to: UInt64(starts[index]) << 32 | UInt64(starts[index + 1] - starts[index]))
        }
        rules = UnsafeMutableBufferPointer.allocate(capacity: max(ruleSet.rules.count, 1))
        _ = rules.initialize(from: ruleSet.rules.map { ObjectIdentifier($0) })
    }

    deinit {
        bytes.deallocate()
        places.deallocate()
        rules.deallocate()
    }

    /// Whether `rule` is a rule of the rule set these texts were prepared for (so that the keys of its
    /// findings' evidence point into them).
    @inline(__always)
    func serve(_ rule: Rule) -> Bool {
        rule.index >= 0 && rule.index < rules.count && rules[rule.index] == ObjectIdentifier(rule)
    }

    /// The quoted path of fact key `key` (nil when there is no such key).
    @inline(__always)
    func fact(_ key: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard key >= 0, Int(key) < factCount else { return nil }
        return text(Int(key))
    }

    /// `,"value":` and the quoted name of value key `key`, or the truth value of key
    /// `EvidenceKeys.trueValue` or `falseValue` (nil when there is no such key).
    @inline(__always)
    func value(_ key: Int32) -> UnsafeBufferPointer<UInt8>? {
        if key >= 0 { return Int(key) < nameCount ? text(factCount + Int(key)) : nil }
        guard let truth = Self.truthIndex(key) else { return nil }
        return text(factCount + nameCount + truth)
    }

    /// Where the text of a truth value's key comes after the names: 0 for `true`, 1 for `false`, nil for
    /// any other key.
    @inline(__always)
    private static func truthIndex(_ key: Int32) -> Int? {
        switch key {
        case EvidenceKeys.trueValue: 0
        case EvidenceKeys.falseValue: 1
        default: nil
        }
    }

    @inline(__always)
    private func text(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let place = places[index]
        return UnsafeBufferPointer(start: bytes + Int(place >> 32), count: Int(place & 0xFFFF_FFFF))
    }
}
