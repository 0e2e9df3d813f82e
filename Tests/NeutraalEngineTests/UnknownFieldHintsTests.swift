import Testing
@testable import NeutraalEngine

/// The hint for an unknown field is worked out once for each spelling and then reused, up to a limit, and
/// is the same hint either way.
@Suite("Unknown field hints")
struct UnknownFieldHintsTests {
    @Test("a spelling met again gets the hint worked out the first time, without working it out again")
    func spellingMetAgain() {
        let hints = UnknownFieldHints()
        var made: [String] = []
        let make = { (key: String) -> String in made.append(key); return "hint for \(key)" }
        #expect(hints.hint(for: "acount", make: make) == "hint for acount")
        #expect(hints.hint(for: "acount", make: make) == "hint for acount")
        #expect(hints.hint(for: "knd", make: make) == "hint for knd")
        #expect(made == ["acount", "knd"])
    }

    @Test("beyond the limit of spellings a hint is worked out each time, and is still right")
    func beyondTheLimit() {
        let hints = UnknownFieldHints()
        var count = 0
        let make = { (key: String) -> String in count += 1; return key.uppercased() }
        for index in 0..<UnknownFieldHints.limit { _ = hints.hint(for: "key\(index)", make: make) }
        #expect(count == UnknownFieldHints.limit)
        #expect(hints.hint(for: "extra", make: make) == "EXTRA")
        #expect(hints.hint(for: "extra", make: make) == "EXTRA")
        #expect(count == UnknownFieldHints.limit + 2)
        #expect(hints.hint(for: "key0", make: make) == "KEY0")
        #expect(count == UnknownFieldHints.limit + 2)
    }

    @Test("a description's unknown field gets the same hint in every record of a batch")
    func sameHintInEveryRecord() throws {
        let ruleSet = try RealRules.ruleSet()
        let reader = DescriptionReader(vocabulary: ruleSet.vocabulary)
        let line = "{\"kind\": \"post\", \"acount\": {\"variant\": \"hybrid\"}, \"text\": \"x\"}"
        let source = SourceText(path: "hints.jsonl", text: Array(repeating: line, count: 3).joined(separator: "\n") + "\n")
        var hints: [String?] = []
        reader.forEachLine(source, from: 0, firstNumber: 1, allowEmpty: false, room: RecordRoom()) { outcome in
            guard case .failure(_, _, let diagnostics) = outcome else { return }
            hints.append(diagnostics.first { $0.code == "input.unknown-field" }?.hint)
        }
        #expect(hints.count == 3)
        #expect(hints.allSatisfy { $0 == "did you mean `account`?" })
    }
}
