import Testing
@testable import NeutraalEngine

/// The quick look for runs of white space that spares the lanes of a pattern automaton the walk over the
/// characters past the middle of a text: it never misses a run, so where the lanes end is what the walk
/// alone would give.
@Suite("Runs of white space")
struct SpaceRunsTests {
    /// A text of letters and single spaces, and with `runs` also some runs of spaces, tabs and line breaks
    /// (and two spaces where two fall together).
    static func text(seed: UInt64, count: Int, runs: Bool) -> [UInt8] {
        var state = seed
        var bytes: [UInt8] = []
        while bytes.count < count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let pick = Int(state >> 58)
            if runs, pick == 0 {
                bytes += [[10, 10], [32, 32, 32], [13, 10], [9, 32]][Int(state >> 40) % 4]
            } else if pick < 12, runs || bytes.last != 32 {
                bytes.append(32)
            } else {
                bytes.append(UInt8(97 + Int(state >> 33) % 26))
            }
        }
        return Array(bytes.prefix(count))
    }

    /// Whether two bytes of white space follow each other in `text[from..<to]`, one pair at a time.
    static func holdsRun(_ text: [UInt8], from: Int, to: Int) -> Bool {
        (max(0, from)..<max(max(0, from), min(text.count, to) - 1)).contains { SpaceRuns.isSpace(text[$0]) && SpaceRuns.isSpace(text[$0 + 1]) }
    }

    @Test("the quick look finds every run of white space, wherever it lies in the range", arguments: [false, true])
    func neverMissesARun(_ runs: Bool) {
        for seed in 1...200 {
            let text = Self.text(seed: UInt64(seed), count: 120, runs: runs)
            text.withUnsafeBufferPointer { bytes in
                for from in stride(from: 0, to: 100, by: 7) {
                    for length in [0, 1, 2, 5, 8, 9, 10, 16, 17, 39, 40] {
                        let holds = Self.holdsRun(text, from: from, to: from + length)
                        let may = SpaceRuns.mayHoldRun(bytes, from: from, to: from + length)
                        #expect(!holds || may, "seed \(seed), \(from)..<\(from + length)")
                    }
                }
            }
        }
    }

    @Test("a text without runs is never taken for one holding them")
    func noFalseAlarmOnPlainText() {
        let text = Self.text(seed: 9, count: 400, runs: false)
        text.withUnsafeBufferPointer { bytes in
            for from in stride(from: 0, to: 350, by: 13) {
                #expect(!SpaceRuns.mayHoldRun(bytes, from: from, to: from + 40))
            }
        }
    }

    @Test("reaches are those of a walk character by character, with runs and without")
    func sameAsTheWalk() {
        func walkedReach(_ text: [UInt8], from start: Int, characters: Int) -> Int {
            var position = start
            var counted = 0
            while position < text.count {
                if !(SpaceRuns.isSpace(text[position]) && position > 0 && SpaceRuns.isSpace(text[position - 1])) {
                    if counted == characters { break }
                    counted += 1
                }
                position += 1
            }
            return position
        }
        for seed in 1...300 {
            let text = Self.text(seed: UInt64(seed), count: 300, runs: seed % 2 == 0)
            text.withUnsafeBufferPointer { bytes in
                for point in [0, 1, 5, 40, 41, 77, 150, 260, 299] {
                    for span in [1, 8, 39, 60] {
                        #expect(SpaceRuns.reach(bytes, from: point, characters: span) == walkedReach(text, from: point, characters: span))
                    }
                }
            }
        }
    }
}
