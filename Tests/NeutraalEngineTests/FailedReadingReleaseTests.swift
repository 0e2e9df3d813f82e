#if os(Linux)
import Foundation
import Testing
@testable import NeutraalEngine

/// A record the fast reader gives up on part-way (an element of a list of objects with something it does not
/// read, left to the ordinary reader for its error) lets go of everything it had read before, however deep
/// the element: a batch of such records keeps the memory in use flat.
@Suite("Failed reading releases")
struct FailedReadingReleaseTests {
    /// A post whose list of values (`draftedBy`) and long text with an escape (a text of its own, 32 KB) come
    /// before a section with an unknown field: the fast reader has filled those slots when the section stops it.
    /// The text is long, and the batch read eight times, so that what the readings would leave behind (64 MB)
    /// stands far above what the tests running beside this one allocate in the same process meanwhile (up to
    /// 6.5 MB seen on a CI machine of two cores, where two readings and a bound of 6 MB once failed without a leak).
    private static func line(_ number: Int) -> String {
        "{\"id\": \"p\(number)\", \"kind\": \"post\", \"draftedBy\": [\"civil-servant\", \"minister\"], "
            + "\"text\": \"\(String(repeating: "een tekst ", count: 3_200))\\n\", \"sections\": [{\"content\": \"policy\", \"bogus\": 2}]}"
    }

    /// The process's resident memory in bytes (the second field of `/proc/self/statm`, in pages).
    private static func residentBytes() -> Int {
        let fields = ((try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? "").split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }

    @Test("records stopped inside an element of a list of objects let go of the list and the text read before it")
    func stoppedInsideAnElementReleases() throws {
        let ruleSet = try RealRules.ruleSet()
        let reader = DescriptionReader(vocabulary: ruleSet.vocabulary)
        let source = SourceText(path: "stopped.jsonl", text: (0..<250).map(Self.line).joined(separator: "\n") + "\n")
        // read once first, so that the reader's own rooms and caches are made before memory is measured
        var failures = 0
        reader.forEachLine(source, from: 0, firstNumber: 1, allowEmpty: false, room: RecordRoom()) { outcome in
            if case .failure = outcome { failures += 1 }
        }
        #expect(failures == 250)
        let before = Self.residentBytes()
        for _ in 0..<Self.readings {
            reader.forEachLine(source, from: 0, firstNumber: 1, allowEmpty: false, room: RecordRoom()) { _ in }
        }
        // when the element's reading did not give the enclosing record its slots back, each record left its
        // text of 32 KB and its list behind: 8 MB a reading, 64 MB over the eight
        #expect(Self.residentBytes() - before < 24 << 20)
    }

    /// How many times the batch is read while the memory in use is watched.
    private static let readings = 8
}
#endif
