import Testing
@testable import NeutraalEngine

/// "Did you mean …": the closest candidate within a few edits, ties settled by the likelier typo.
@Suite("Suggestions")
struct SuggestionTests {
    static let fields = ["id", "kind", "date", "text", "account.variant", "postedBy", "draftedBy", "hashtags"]

    @Test("the likely typo is suggested", arguments: [
        ("kidn", "kind"),                        // two letters swapped: one edit, not `id` (two edits, same as a plain edit distance)
        ("knid", "kind"),
        ("dtae", "date"),
        ("acount.variant", "account.variant"),
        ("postedby", "postedBy"),
        ("drafedBy", "draftedBy"),
        ("hashtag", "hashtags"),
        ("Kind", "kind"),
    ])
    func suggested(_ word: String, _ expected: String) {
        #expect(Suggestion.closest(to: word, in: Self.fields) == expected)
    }

    @Test("nothing is suggested for a word far from every candidate", arguments: ["onderwerp", "x", "sections"])
    func nothingClose(_ word: String) {
        #expect(Suggestion.closest(to: word, in: Self.fields) == nil)
    }

    @Test("among candidates equally far, the one with the same first letter wins, then the first given")
    func ties() {
        // `hybrd` is one edit from both; `hybrid` shares the first letter
        #expect(Suggestion.closest(to: "hybrd", in: ["xhybrd", "hybrid"]) == "hybrid")
        #expect(Suggestion.closest(to: "cat", in: ["bat", "mat", "cut"]) == "cut")
        // a full tie keeps the first candidate given: a canonical name before its alias (`hybried` is one edit from both)
        #expect(Suggestion.closest(to: "hybried", in: ["hybrid", "hybride"]) == "hybrid")
        #expect(Suggestion.closest(to: "cat", in: ["cot", "cut"]) == "cot")
    }

    @Test("edit distance counts a swap of two adjacent letters as one edit", arguments: [
        ("kidn", "kind", 1), ("kidn", "id", 2), ("ab", "ba", 1), ("abc", "ca", 3), ("", "abc", 3), ("same", "same", 0),
    ])
    func distance(_ a: String, _ b: String, _ expected: Int) {
        #expect(Suggestion.editDistance(Array(a), Array(b)) == expected)
    }

    @Test("the hint reads `did you mean …?`")
    func hint() {
        #expect(Suggestion.hint(for: "kidn", in: Self.fields) == "did you mean `kind`?")
        #expect(Suggestion.hint(for: "onderwerp", in: Self.fields) == nil)
    }
}
