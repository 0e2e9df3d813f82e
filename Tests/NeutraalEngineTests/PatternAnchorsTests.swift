import Testing
@testable import NeutraalEngine

/// Line anchors where they can hold, and escaped signs, are not taken for misplaced anchors.
@Suite("Pattern anchors")
struct PatternAnchorsTests {
    @Test("anchors that can hold and escaped or bracketed signs load", arguments: [
        "(?c)^Stem", "x$", "[$^]5", #"prijs \$5"#, "a$|^b", "a $", "a$ b", "^ *Stem", "(a|b)$", #"a\^b"#, "[^a]b",
    ])
    func anchorsThatCanHold(_ pattern: String) {
        #expect(PatternAnchors.misplaced(in: pattern) == nil, "\(pattern)")
    }
}
