import Testing
@testable import NeutraalEngine

/// Finding words in texts: lexicons (one automaton, whole words, case, diacritics) and patterns.
@Suite("Matching")
struct MatchingTests {
    static let here = SourceLocation(file: "test.rules", line: 1, column: 1)

    /// The texts a lexicon finds in `text`, as written in the text.
    static func found(_ entries: [(String, Bool)], wholeWords: Bool = true, in text: String) -> [String] {
        let lexicon = Lexicon(name: "l", title: "l", wholeWords: wholeWords,
                              entries: entries.map { Lexicon.Entry(text: $0.0, caseSensitive: $0.1, location: here) }, location: here)
        let folded = FoldedText(text)
        return LexiconScanner(lexicons: [lexicon]).scan(folded).map { folded.originalText(folded.originalRange($0.range)) }
    }

    @Test("ASCII folds eight bytes at a time exactly as one at a time: every ASCII byte at every offset")
    func asciiFolding() {
        let ascii = (0..<128).map { UInt8($0) }
        for shift in 0..<8 {
            // a non-ASCII letter first moves the ASCII run to another offset within the words
            let bytes = Array("é".utf8) + Array(repeating: UInt8(ascii: "x"), count: shift) + ascii + Array("ë".utf8)
            let folded = FoldedText(String(decoding: bytes, as: UTF8.self))
            let runStart = folded.cased.firstIndex(of: 0)
            #expect(runStart != nil)
            guard let runStart else { continue }
            let cased = Array(folded.cased[runStart..<(runStart + 128)])
            let lower = Array(folded.lower[runStart..<(runStart + 128)])
            #expect(cased == ascii)
            #expect(lower == ascii.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 })
            #expect(folded.origin[runStart..<(runStart + 128)].map(Int.init) == Array((2 + shift)..<(2 + shift + 128)))
        }
    }

    @Test("a text folded into the room of an earlier one is folded exactly as a fresh one: ASCII, accented, longer, shorter, empty")
    func refilledText() {
        let texts = ["Stem op ONS, morgen!", "Het ministerie van Financiën meldt", "de bĳeenkomst", "KORT",
                     String(repeating: "Een langere Tekst over beleid. ", count: 20), "", "x", "ÉÉN keer", "Daarna weer ASCII"]
        var reused = FoldedText("begin")
        for text in texts {
            reused.refill(with: text)
            let fresh = FoldedText(text)
            #expect(reused.lower == fresh.lower, "\(text)")
            #expect(reused.cased == fresh.cased, "\(text)")
            #expect(reused.original == fresh.original, "\(text)")
            #expect(reused.origin == fresh.origin, "\(text)")
            // the lower-cased bytes an ASCII refill leaves out, prepared in the room of an earlier text's
            var prepared = reused
            prepared.prepareLower()
            #expect(prepared.lower == fresh.lower, "\(text)")
            #expect(prepared.cased == fresh.cased, "\(text)")
            reused = prepared
        }
    }

    struct LexiconCase: CustomTestStringConvertible, Sendable {
        let behaviour: String
        let entry: String
        var caseSensitive = false
        var wholeWords = true
        let text: String
        let found: [String]
        var testDescription: String { behaviour }
    }

    static let lexiconCases: [LexiconCase] = [
        LexiconCase(behaviour: "a whole word is found", entry: "stem op", text: "Morgen: stem op ons.", found: ["stem op"]),
        LexiconCase(behaviour: "a whole-word entry is not found inside a word", entry: "stem op", text: "bestem opnieuw", found: []),
        LexiconCase(behaviour: "punctuation is a word boundary", entry: "stem op", text: "(Stem op!)", found: ["Stem op"]),
        LexiconCase(behaviour: "an `anywhere` entry is found inside a word", entry: "verkiez", wholeWords: false, text: "Kamerverkiezingen", found: ["verkiez"]),
        LexiconCase(behaviour: "matching ignores case", entry: "stem op", text: "STEM OP ONS", found: ["STEM OP"]),
        LexiconCase(behaviour: "a case-sensitive entry is found in its own case", entry: "DENK", caseSensitive: true, text: "Motie van DENK aangenomen", found: ["DENK"]),
        LexiconCase(behaviour: "a case-sensitive entry is not found in another case", entry: "DENK", caseSensitive: true, text: "ik denk het niet, Denk ik", found: []),
        LexiconCase(behaviour: "diacritics in the text are folded", entry: "ministerie van financien", text: "Het ministerie van Financiën meldt", found: ["ministerie van Financiën"]),
        LexiconCase(behaviour: "diacritics in the entry are folded", entry: "Financiën", text: "FINANCIEN en financien", found: ["FINANCIEN", "financien"]),
        LexiconCase(behaviour: "ĳ folds to ij", entry: "bijeenkomst", text: "de bĳeenkomst", found: ["bĳeenkomst"]),
        LexiconCase(behaviour: "a hashtag entry is found with its #", entry: "#D66", text: "Kom ook! #D66", found: ["#D66"]),
        LexiconCase(behaviour: "a hashtag entry is not found in a longer tag", entry: "#D66", text: "#D666 en #D66x", found: []),
        LexiconCase(behaviour: "a hashtag entry is not found without its #", entry: "#D66", text: "D66 wint", found: []),
        LexiconCase(behaviour: "every occurrence is found", entry: "stem op", text: "stem op A, stem op B", found: ["stem op", "stem op"]),
        LexiconCase(behaviour: "a space matches a line break", entry: "word lid", text: "Word\nlid!", found: ["Word\nlid"]),
        LexiconCase(behaviour: "a space matches a Windows line break", entry: "word lid", text: "Word\r\nlid!", found: ["Word\r\nlid"]),
        LexiconCase(behaviour: "a space matches a tab and two spaces", entry: "partij voor de dieren", text: "Partij\tvoor  de \n Dieren",
                    found: ["Partij\tvoor  de \n Dieren"]),
        LexiconCase(behaviour: "a space matches a non-breaking space beside a space", entry: "word lid", text: "word \u{A0}lid", found: ["word \u{A0}lid"]),
        LexiconCase(behaviour: "a case-sensitive entry with a run of white space", entry: "Groep Van Haga", caseSensitive: true,
                    text: "Groep\nVan Haga, groep\nvan haga", found: ["Groep\nVan Haga"]),
        LexiconCase(behaviour: "a run is no word boundary inside a word", entry: "stem op", text: "stem\nopnieuw", found: []),
    ]

    @Test(arguments: lexiconCases)
    func lexicon(_ example: LexiconCase) {
        #expect(Self.found([(example.entry, example.caseSensitive)], wholeWords: example.wholeWords, in: example.text) == example.found)
    }

    @Test("entries that overlap are all found, from every lexicon, in one pass")
    func overlappingEntries() {
        let here = Self.here
        let lexicons = [
            Lexicon(name: "a", title: "a", wholeWords: true, entries: [Lexicon.Entry(text: "partij", caseSensitive: false, location: here),
                                                                        Lexicon.Entry(text: "partij van de arbeid", caseSensitive: false, location: here)], location: here),
            Lexicon(name: "b", title: "b", wholeWords: false, entries: [Lexicon.Entry(text: "arbeid", caseSensitive: false, location: here)], location: here),
        ]
        let folded = FoldedText("De Partij van de Arbeid")
        let matches = LexiconScanner(lexicons: lexicons).scan(folded).map { "\($0.lexicon):\(folded.originalText(folded.originalRange($0.range)))" }
        #expect(matches.sorted() == ["0:Partij", "0:Partij van de Arbeid", "1:Arbeid"])
    }

    @Test("a decomposed diacritic (e + combining diaeresis, as macOS pastes it) folds like the composed one")
    func decomposedDiacritics() {
        do {
            #expect(Self.found([("financien", false)], in: "Ministerie van Financie\u{0308}n") == ["Financie\u{0308}n"])
        }
    }

    struct Invisible: CustomTestStringConvertible, Sendable {
        let behaviour: String
        let entry: String
        let text: String
        let found: [String]
        var testDescription: String { behaviour }
    }

    /// Characters a reader does not see are left out: the letters either side stay one word, and an
    /// emoji with a variation selector still ends a word.
    @Test(arguments: [
        Invisible(behaviour: "a soft hyphen inside a word", entry: "lijsttrekker", text: "Onze lijst\u{00AD}trekker", found: ["lijst\u{00AD}trekker"]),
        Invisible(behaviour: "a zero-width space inside a word", entry: "lijsttrekker", text: "Onze lijst\u{200B}trekker", found: ["lijst\u{200B}trekker"]),
        Invisible(behaviour: "a zero-width joiner and a word joiner inside a word", entry: "VVD", text: "V\u{200D}V\u{2060}D", found: ["V\u{200D}V\u{2060}D"]),
        Invisible(behaviour: "an emoji with a variation selector right before a word", entry: "VVD", text: "\u{2764}\u{FE0F}VVD", found: ["VVD"]),
        Invisible(behaviour: "a combining mark outside the Latin block", entry: "VVD", text: "VVD\u{20D7} wint", found: ["VVD"]),
        Invisible(behaviour: "an invisible character does not join two words", entry: "lijsttrekker", text: "lijst\u{00AD} trekker", found: []),
    ])
    func invisibleCharacters(_ example: Invisible) {
        #expect(Self.found([(example.entry, false)], in: example.text) == example.found)
    }

    struct Punctuated: CustomTestStringConvertible, Sendable {
        let text: String
        let found: String
        var testDescription: String { "a whole word is found next to non-ASCII punctuation: \(text)" }
    }

    /// Typographic quotes, guillemets, dashes and a non-breaking space are not letters: whole words end there.
    @Test(arguments: [Punctuated(text: "“Stem op ons!”", found: "Stem op"), Punctuated(text: "«stem op» ons", found: "stem op"),
                      Punctuated(text: "nu\u{00A0}stem op", found: "stem op"), Punctuated(text: "ja—stem op", found: "stem op")])
    func wholeWordsNextToNonASCIIPunctuation(_ example: Punctuated) {
        do {
            #expect(Self.found([("stem op", false)], in: example.text) == [example.found])
        }
    }

    // MARK: Hashtags

    @Test("hashtags are read from a text: letters, digits, `_` and `-`, not after a letter, not a lone #")
    func hashtagsFromText() {
        #expect(Derivations.hashtags(in: "Kom ook! #D66 #onderwijs_2024, en#niet # #GroenLinks-PvdA- #één") == ["#D66", "#onderwijs_2024", "#GroenLinks-PvdA", "#één"])
    }

    @Test("hashtags from the text join the ones in the header, without duplicates")
    func hashtagsJoinTheField() throws {
        let evaluation = try Fixture.evaluate("kind: post\nhashtags: #CDA, #d66", text: "Kom ook! #D66 #VVD")
        let ruleSet = try Fixture.ruleSet()
        #expect(Evaluator(ruleSet: ruleSet).displayFact("hashtags", of: evaluation.description) == "#CDA, #d66, #VVD")
        // repeats within the text too, in any case, also outside ASCII
        let repeated = try Fixture.evaluate("kind: post\nhashtags: #CDA", text: "#VVD en #vvd, #Één en #één, #cda")
        #expect(Evaluator(ruleSet: ruleSet).displayFact("hashtags", of: repeated.description) == "#CDA, #VVD, #Één")
    }

    // MARK: Evidence

    @Test("evidence offsets count Unicode scalars, also after non-ASCII text")
    func evidenceOffsets() throws {
        let evaluation = try Fixture.evaluate("kind: post", text: "Één café 👍: stem op ons")
        let evidence = try #require(evaluation.finding("T-MENTIONS")?.evidence.first)
        #expect(evidence.fact == "text")
        #expect(evidence.match == "stem op")
        #expect(evidence.start == 12)
        #expect(evidence.end == 19)
        #expect(evidence.location == SourceLocation(file: "post.md", line: 4, column: 1))
    }

    @Test("evidence of a folded match is the original text, with its own length")
    func evidenceOfFoldedMatch() throws {
        let evaluation = try Fixture.evaluate("kind: post", text: "Het MINISTERIE VAN FINANCIËN.")
        let evidence = try #require(evaluation.finding("T-MENTIONS")?.evidence.first)
        #expect(evidence.match == "MINISTERIE VAN FINANCIËN")
        #expect(evidence.start == 4)
        #expect(evidence.end == 28)
    }

    @Test("every mention is evidence")
    func everyMentionIsEvidence() throws {
        let evaluation = try Fixture.evaluate("kind: post", text: "stem op A, en DENK, stem op B")
        #expect(evaluation.finding("T-MENTIONS")?.evidence.compactMap(\.match) == ["stem op", "DENK", "stem op"])
    }

    @Test("the evidence of a pattern is the whole match, not its shortest prefix")
    func patternEvidenceIsWholeMatch() throws {
        let evaluation = try Fixture.evaluate("kind: post", text: "Zeg het door: Stem vandaag op Jansen")
        let evidence = try #require(evaluation.finding("T-MATCHES")?.evidence.first)
        #expect(evidence.start == 14)
        do {
            #expect(evidence.match == "Stem vandaag op Jansen")
        }
    }

    // MARK: Patterns

    /// The first match of a pattern in a text, as written in the text.
    static func match(_ pattern: String, _ text: String) throws -> String? {
        let folded = FoldedText(text)
        let plain = try Pattern(pattern)
        let found = plain.firstMatch(in: folded)
        // the deterministic automaton in front of the NFA never changes what is found
        #expect(plain.withAutomaton().firstMatch(in: folded) == found, "`\(pattern)` with and without its automaton")
        return found.map { folded.originalText(folded.originalRange($0)) }
    }

    struct PatternCase: CustomTestStringConvertible, Sendable {
        let behaviour: String
        let pattern: String
        let text: String
        let match: String?
        var testDescription: String { behaviour }
    }

    static let patternCases: [PatternCase] = [
        PatternCase(behaviour: "alternation takes either branch", pattern: "stem|kies", text: "Ik kies jou", match: "kies"),
        PatternCase(behaviour: "a class matches one of its letters", pattern: "gr[ao]en", text: "Groen beleid", match: "Groen"),
        PatternCase(behaviour: "a range in a class", pattern: "nummer [0-9]", text: "lijst nummer 7", match: "nummer 7"),
        PatternCase(behaviour: "a negated class", pattern: "a[^0-9]c", text: "a1c abc", match: "abc"),
        PatternCase(behaviour: "\\d and a repeated group", pattern: "\\d\\d? (maart|april)", text: "stem op 17 maart", match: "17 maart"),
        PatternCase(behaviour: "? makes a letter optional", pattern: "colou?r", text: "color", match: "color"),
        PatternCase(behaviour: "\\b finds a whole word", pattern: "\\bstem\\b", text: "bestemming, stem", match: "stem"),
        PatternCase(behaviour: "\\b is silent inside a word", pattern: "\\bstem\\b", text: "bestemming", match: nil),
        PatternCase(behaviour: "\\s matches a space", pattern: "stem\\sop", text: "stem\top", match: "stem\top"),
        PatternCase(behaviour: "^ anchors at the start of a line", pattern: "^stem", text: "nu\nStem", match: "Stem"),
        PatternCase(behaviour: "^ does not match in the middle of a line", pattern: "^stem", text: "nu stem", match: nil),
        PatternCase(behaviour: ". does not cross a line end", pattern: "a.c", text: "a\nc", match: nil),
        PatternCase(behaviour: "matching is case-insensitive by default", pattern: "Kabinet", text: "het KABINET", match: "KABINET"),
        PatternCase(behaviour: "(?c) makes it case-sensitive: no match", pattern: "(?c)DENK", text: "ik denk", match: nil),
        PatternCase(behaviour: "(?c) makes it case-sensitive: match", pattern: "(?c)DENK", text: "ik denk, DENK", match: "DENK"),
        PatternCase(behaviour: "diacritics fold in the text", pattern: "financien", text: "Financiën", match: "Financiën"),
        PatternCase(behaviour: "diacritics fold in the pattern", pattern: "financiën", text: "financien", match: "financien"),
        PatternCase(behaviour: "a folded letter in a class", pattern: "financi[eë]n", text: "FINANCIËN", match: "FINANCIËN"),
        PatternCase(behaviour: "an escaped special character is a literal", pattern: "\\(stem\\)", text: "(stem)", match: "(stem)"),
        PatternCase(behaviour: "a space matches a line break", pattern: "(?c)Stem (dan )?op [A-Z]", text: "Stem\nop D66", match: "Stem\nop D"),
        PatternCase(behaviour: "a space matches a run of white space", pattern: "stem op", text: "STEM \r\n\t op", match: "STEM \r\n\t op"),
        PatternCase(behaviour: "a space matches a non-breaking space", pattern: "stem op", text: "stem\u{A0}op", match: "stem\u{A0}op"),
        PatternCase(behaviour: "a space does not match nothing", pattern: "stem op", text: "stemop", match: nil),
        PatternCase(behaviour: "an escaped space is one space", pattern: "stem\\ op", text: "stem  op, stem op", match: "stem op"),
    ]

    @Test(arguments: patternCases)
    func pattern(_ example: PatternCase) throws {
        #expect(try Self.match(example.pattern, example.text) == example.match)
    }

    @Test("`.` matches one character, also one of several bytes")
    func dotMatchesACharacter() throws {
        let match = try Self.match("a.c", "a€c")
        do {
            #expect(match == "a€c")
        }
    }

    @Test("`\\b` sees a word boundary at typographic quotes")
    func boundaryAtQuotes() throws {
        let match = try Self.match("\\bstem\\b", "“stem”")
        do {
            #expect(match == "stem")
        }
    }

    struct BadPattern: CustomTestStringConvertible, Sendable {
        let pattern: String
        let offset: Int
        var testDescription: String { "`\(pattern)` is refused at offset \(offset)" }
    }

    static let badPatterns: [BadPattern] = [
        BadPattern(pattern: "(ab", offset: 3),
        BadPattern(pattern: "[ab", offset: 3),
        BadPattern(pattern: "a)", offset: 1),
        BadPattern(pattern: "*a", offset: 0),
        BadPattern(pattern: "a|+", offset: 2),
        BadPattern(pattern: "(a)\\1", offset: 5),
        BadPattern(pattern: "[z-a]", offset: 4),
        BadPattern(pattern: "(?c)(a", offset: 6),
        BadPattern(pattern: "stem\\", offset: 5),
        BadPattern(pattern: String(repeating: "(", count: 200), offset: 99),
        BadPattern(pattern: "a{2}", offset: 1),
        BadPattern(pattern: "stem(op){1,3}", offset: 8),
        BadPattern(pattern: "\\d{4,}", offset: 2),
    ]

    @Test("a brace that is no counted repetition is an ordinary character", arguments: ["\\{2}", "{2}", "a{b}", "a{}", "[{]2}"])
    func literalBraces(_ pattern: String) throws {
        #expect(throws: Never.self) { try Pattern(pattern) }
    }

    @Test(arguments: badPatterns)
    func refused(_ example: BadPattern) {
        #expect(throws: Pattern.SyntaxError.self) { try Pattern(example.pattern) }
        do {
            _ = try Pattern(example.pattern)
        } catch let error as Pattern.SyntaxError {
            #expect(error.offset == example.offset, "\(error.message)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    struct Pathological: CustomTestStringConvertible, Sendable {
        let pattern: String
        var testDescription: String { "`\(pattern)` on 20,000 letters a finishes" }
    }

    /// Patterns that take exponential time in a backtracking matcher; here they must simply finish.
    @Test(arguments: [Pathological(pattern: "(a*)*b"), Pathological(pattern: "(a|a)*c"), Pathological(pattern: "(a+)+$x"),
                      Pathological(pattern: "(a|aa)+b"), Pathological(pattern: "(.*a){20}x".replacingOccurrences(of: "{20}", with: String(repeating: "(.*a)", count: 19)))])
    func linearTime(_ example: Pathological) throws {
        let text = String(repeating: "a", count: 20_000)
        #expect(try Self.match(example.pattern, text) == nil)
    }

    @Test("the rule set's patterns find the same with and without their automata, on every example and a generated batch")
    func automataChangeNothing() throws {
        let ruleSet = try RealRules.ruleSet()
        let automata = ruleSet.withPatternAutomata()
        #expect(!ruleSet.patterns.isEmpty && automata.patterns.allSatisfy(\.hasAutomaton))
        var texts: [String] = ruleSet.rules.flatMap { rule in
            rule.examples.compactMap(\.description).flatMap { description in
                description.record.values.compactMap { value -> String? in if case .string(let text)? = value { text } else { nil } }
            }
        }
        var generator = GeneratedActivities(seed: 11)
        texts += generator.lines(500)
        var compared = 0
        for text in texts {
            let folded = FoldedText(text)
            for (plain, fast) in zip(ruleSet.patterns, automata.patterns) {
                #expect(plain.firstMatch(in: folded) == fast.firstMatch(in: folded), "`\(plain.source)` on `\(text.prefix(60))`")
                compared += 1
            }
        }
        #expect(compared > 1_000)
    }

    @Test("a shared automaton finds for every pattern of its group what the pattern finds alone")
    func sharedAutomataChangeNothing() throws {
        let sources = ["stem|kies", "(?c)Stem op [A-Z]", "a*", "x+y", "[0-9][0-9]? (jan|feb)", "(?c)[Ss]tem", "op (ons|mij)",
                       "\\bstem\\b", "^stem", "verkiezing(en)?", "(a|b)*c", ".", "q?", "ij", "(?c)IJ", "stem op", "p[^0-9]p"]
        let patterns = try sources.map { try Pattern($0) }
        let shared = Pattern.withSharedAutomata(patterns)
        #expect(shared.filter(\.hasAutomaton).count == patterns.filter { !$0.hasAssertions }.count)
        // no group mixes case modes
        let groups = Dictionary(grouping: shared.filter(\.hasAutomaton), by: \.automatonGroup)
        #expect(groups.count >= 2 && groups.values.allSatisfy { Set($0.map(\.caseSensitive)).count == 1 })
        var texts = ["", "a", "xy", "Stem op A", "stem op ons", "12 jan en 3 feb", "STEM", "ĳs en IJs", "pap p1p", "bcbcbac", "\nstem"]
        var generator = GeneratedActivities(seed: 5)
        texts += generator.lines(100)
        for text in texts {
            let folded = FoldedText(text)
            Self.expectSameMatches(patterns, shared, in: folded, "on `\(text.prefix(60))`")
            for (plain, fast) in zip(patterns, shared) {
                #expect(fast.firstMatch(in: folded) == plain.firstMatch(in: folded), "`\(plain.source)` alone on `\(text.prefix(60))`")
            }
        }
    }

    /// Checks that the patterns of `shared`, each group's automaton run once over `folded`, find what the
    /// same patterns alone (`patterns`) find; returns how many of them match.
    @discardableResult
    static func expectSameMatches(_ patterns: [Pattern], _ shared: [Pattern], in folded: FoldedText, _ label: String) -> Int {
        var groupMatches: [Int: UInt64] = [:]
        var found = 0
        for (plain, fast) in zip(patterns, shared) {
            let matches = groupMatches[fast.automatonGroup] ?? fast.groupMatches(in: folded)
            groupMatches[fast.automatonGroup] = matches
            let expected = plain.firstMatch(in: folded)
            #expect(fast.firstMatch(in: folded, groupMatches: matches) == expected, "`\(plain.source)` \(label)")
            if expected != nil { found += 1 }
        }
        return found
    }

    @Test("long texts, read in two lanes when no match can be longer than a bound, find what each pattern finds alone")
    func twoLaneAutomata() throws {
        let sources = ["stem op (ons|mij)", "[0-9][0-9]? (jan|feb)", "a.b", "(?c)Stem op [A-Z]", "(?c)[Ss]tem", "ba?b?a", "é"]
        let patterns = try sources.map { try Pattern($0) }
        let shared = Pattern.withSharedAutomata(patterns)
        #expect(shared.allSatisfy { $0.hasAutomaton })
        var generator = LexiconScannerTests.Generator(state: 21)
        let pieces = ["a", "b", "A", "B", " ", "stem op ", "Stem op ", "ons", "mij", "1", "12 ", "jan", "é", "E", "s", "tem",
                      "\n", "\r\n", "   ", "Stem\n\nop "]
        var found = 0
        for _ in 0..<600 {
            let folded = FoldedText(generator.text(pieces, length: 40 + generator.next(120)))
            #expect(folded.lower.count >= PatternDFA.twoLaneLength)
            found += Self.expectSameMatches(patterns, shared, in: folded, "in a long text")
        }
        // most texts have some patterns and miss others
        #expect(found > 1_000 && found < 600 * sources.count - 500)
    }

    @Test("the longest match of a program: the longest path to its end, nil when it has a loop")
    func longestMatch() throws {
        let cases: [(String, Int?)] = [("abc", 3), ("a(b|cd)?", 3), ("stem op (ons|mij)", 11), ("(?c)[Ss]tem", 4), ("é", 1), ("ĳ", 2),
                                       ("a*", nil), ("x+y", nil), ("(a|b)*c", nil), ("q?", 1), ("", 0),
                                       // a space is a run of white space, counted as one character
                                       ("stem\\s+op", 7), ("a  b", 4), ("a +b", nil)]
        for (source, expected) in cases {
            let program = try Pattern(source).program
            #expect(PatternDFA.longestMatch(of: program) == expected, "`\(source)`")
        }
        // branches of different lengths in a row, and a program of 20,000 alternatives (no recursion)
        #expect(PatternDFA.longestMatch(of: try Pattern("(ab|c)(d|efg)h").program) == 6)
        let many = try Pattern((0..<20_000).map { $0 % 2 == 0 ? "x" : "yz" }.joined(separator: "|"))
        #expect(PatternDFA.longestMatch(of: many.program) == 2)
    }

    @Test("patterns too many for one automaton are split over several")
    func manyPatternsShareSeveralAutomata() throws {
        let patterns = try (0..<150).map { try Pattern("w\($0)x|y\($0)") }
        let shared = Pattern.withSharedAutomata(patterns)
        #expect(shared.allSatisfy { $0.hasAutomaton })
        #expect(Set(shared.map(\.automatonGroup)).count >= 3)
        for text in ["w17x", "y149 w3x", "nothing here", "w1x y2 w99x"] {
            let folded = FoldedText(text)
            for (plain, fast) in zip(patterns, shared) {
                #expect(fast.firstMatch(in: folded, groupMatches: fast.groupMatches(in: folded)) == plain.firstMatch(in: folded))
            }
        }
    }

    @Test("a caseless automaton reads capitals as their lower-case letters, a case-sensitive one as they are")
    func automataReadCasedBytes() throws {
        // the shared automata read the cased bytes (a caseless one through classes with capitals folded),
        // also of a text refilled without its lower-cased bytes prepared
        let sources = ["stem op", "[a-z]+x", "ab|zz", "[^a-z]q", "(?c)Stem", "(?c)[A-Z]tem", "(?c)[^A-Z]Q", "(?c)zZ"]
        let patterns = try sources.map { try Pattern($0) }
        let shared = Pattern.withSharedAutomata(patterns)
        #expect(shared.allSatisfy { $0.hasAutomaton })
        var refilled = FoldedText("")
        for text in ["STEM OP ons", "Stem Op", "abcX", "AB", "ZZ en Zz", "1Q", "AQ", "aQ", "stem", "xTem", "aq Aq", "ÉTEM Stem"] {
            Self.expectSameMatches(patterns, shared, in: FoldedText(text), "on `\(text)`")
            refilled.refill(with: text)
            for (plain, fast) in zip(patterns, shared) {
                let expected = plain.firstMatch(in: FoldedText(text)) != nil
                #expect((fast.groupMatches(in: refilled) & fast.automatonBit != 0) == expected, "`\(plain.source)` on refilled `\(text)`")
            }
        }
    }

    @Test("a long text with many lexicon entries is scanned in one pass")
    func longTextScan() throws {
        let text = String(repeating: "bestemming ", count: 20_000) + "stem op ons"
        let evaluation = try Fixture.evaluate("kind: post", text: text)
        #expect(evaluation.finding("T-MENTIONS")?.evidence.first?.start == 220_000)
    }
}
