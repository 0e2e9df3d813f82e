/// The fact paths and case names of a rule set as JSON, rendered once, for `JSONReporter` to copy into the
/// evidence of every finding instead of quoting the same strings again (see `EvidenceKeys`): by fact key
/// `"path"`, and by value key `,"value":"name"`.
///
/// All texts live one after another in one block of memory owned by the object and never written after
/// `init` (with where each starts, and one more start for the end of the last); the object is therefore
/// safe to share between threads, and copying a text takes no reference count.
final class EvidenceTexts: @unchecked Sendable {
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private let starts: UnsafeMutableBufferPointer<Int>
    private let factCount: Int
    private let valueCount: Int
    /// The rules of the rule set, by index: the keys of evidence are numbers in this rule set's tables only.
    private let rules: UnsafeMutableBufferPointer<ObjectIdentifier>

    init(_ ruleSet: RuleSet) {
        var json = JSONBytes()
        var starts: [Int] = []
        for path in ruleSet.factPaths {
            starts.append(json.written)
            json.quoted(path)
        }
        for name in DisplayNames(ruleSet.vocabulary).names {
            starts.append(json.written)
            json.raw(",\"value\":")
            json.quoted(name)
        }
        starts.append(json.written)
        factCount = ruleSet.factPaths.count
        valueCount = starts.count - 1 - factCount
        let rendered = json.bytes
        bytes = UnsafeMutableBufferPointer.allocate(capacity: max(rendered.count, 1))
        _ = bytes.initialize(from: rendered)
        self.starts = UnsafeMutableBufferPointer.allocate(capacity: starts.count)
        _ = self.starts.initialize(from: starts)
        rules = UnsafeMutableBufferPointer.allocate(capacity: max(ruleSet.rules.count, 1))
        _ = rules.initialize(from: ruleSet.rules.map { ObjectIdentifier($0) })
    }

    deinit {
        bytes.deallocate()
        starts.deallocate()
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

    /// `,"value":` and the quoted name of value key `key` (nil when there is no such key).
    @inline(__always)
    func value(_ key: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard key >= 0, Int(key) < valueCount else { return nil }
        return text(factCount + Int(key))
    }

    @inline(__always)
    private func text(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[starts[index]..<starts[index + 1]])
    }
}
