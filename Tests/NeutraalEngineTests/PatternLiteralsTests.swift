import Testing
@testable import NeutraalEngine

/// The literals a pattern requires: what they are for the patterns of the rule set and some others, that
/// every match contains one of them, and that looking for them changes no verdict and no evidence.
@Suite("Pattern literals")
struct PatternLiteralsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let pattern: String
        let literals: [String]?
        var testDescription: String { "`\(pattern)` requires \(literals.map { $0.map { "`\($0)`" }.joined(separator: " or ") } ?? "nothing")" }
    }

    static let cases = [
        // every longer candidate holds the shorter one: `stem op ` stands for `stem nu op ` and the others
        Case(pattern: "(?c)[Ss]tem (dan |ook |nu |allemaal )?op ([A-Z]|ons|mij|lijst|nummer)",
             literals: ["stem dan op ", "stem ook op ", "stem nu op ", "stem allemaal op ", "stem op "]),
        Case(pattern: "(?c)Stem (dan |ook )?(op )?(maandag |dinsdag |woensdag )?[0-9][0-9]? (januari|februari)",
             literals: [" januari", " februari"]),
        Case(pattern: " (is|zijn|als) (pure |regelrechte )?(desinformatie|nepnieuws|fake news)",
             literals: ["desinformatie", "nepnieuws", "fake news"]),
        Case(pattern: "verkiezingsuitslag|winst van (de |een )?(pvv|nsc)",
             literals: ["verkiezingsuitslag", "winst van pvv", "winst van nsc", "winst van de pvv", "winst van de nsc",
                        "winst van een pvv", "winst van een nsc"]),
        // `Stem` and `stem` are one string as the scanner reads them, and ` op ` (two letters and two spaces,
        // found in nearly every Dutch text) is a worse filter than `stem`
        Case(pattern: "(?c)(Stem|[^\\w]stem) (ik |dan )?op ([A-Z]|ons)", literals: ["stem"]),
        Case(pattern: "(?c)Kamerbrief", literals: ["kamerbrief"]),
        Case(pattern: "x+yzw", literals: ["yzw"]),
        Case(pattern: "(abc)+", literals: ["abc"]),
        Case(pattern: "\\bstem\\b", literals: ["stem"]),
        Case(pattern: "[0-9]+ euro", literals: [" euro"]),
        Case(pattern: "a*b", literals: nil),
        Case(pattern: "ab", literals: nil),
        Case(pattern: "stem|op", literals: nil),
        Case(pattern: "(stem)?", literals: nil),
        Case(pattern: ".*", literals: nil),
    ]

    @Test(arguments: cases)
    func literals(_ example: Case) throws {
        let pattern = try Pattern(example.pattern)
        #expect(pattern.requiredLiterals.map { $0.map { String(decoding: $0, as: UTF8.self) }.sorted() } == example.literals?.sorted())
    }

    @Test("a class's bytes and their number, read from its bits, are the bytes it contains, in every quarter of the byte range")
    func classMembers() {
        var generator = LexiconScannerTests.Generator(state: 5)
        var sets = [Pattern.ByteSet(), PatternParser.digits, PatternParser.spaces, PatternParser.wordBytes]
        var inverted = PatternParser.wordBytes
        inverted.invert()
        sets.append(inverted)
        for _ in 0..<200 {
            var set = Pattern.ByteSet()
            for _ in 0..<generator.next(12) { set.insert(UInt8(generator.next(256))) }
            sets.append(set)
        }
        for set in sets {
            let contained = (0...255).map(UInt8.init).filter { set.contains($0) }
            #expect(set.members == contained)
            #expect(set.count == contained.count)
        }
    }

    @Test("strings made unique keep the first of each in its order, in short lists (compared) and long ones (hashed)")
    func uniqueStrings() {
        var generator = LexiconScannerTests.Generator(state: 9)
        for count in [0, 1, 5, PatternLiterals.uniqueByComparison, PatternLiterals.uniqueByComparison + 1, 300] {
            let strings = (0..<count).map { _ in (0..<generator.next(4)).map { _ in UInt8(97 + generator.next(3)) } }
            var seen: [[UInt8]] = []
            for string in strings where !seen.contains(string) { seen.append(string) }
            #expect(PatternLiterals.unique(strings) == seen, "\(count) strings")
        }
    }

    @Test("an alternation of thousands of words requires none of them (too many to look for), and is worked out at once")
    func manyAlternatives() throws {
        let words = try Pattern((0..<5_000).map { "w\($0)x" }.joined(separator: "|"))
        #expect(words.requiredLiterals == nil)
        // up to the most that is used, the words themselves
        let few = try Pattern((0..<64).map { "w\($0)x" }.joined(separator: "|"))
        #expect(few.requiredLiterals?.count == 64)
        let repeated = try Pattern(Array(repeating: "stem", count: 5_000).joined(separator: "|"))
        #expect(repeated.requiredLiterals.map { $0.map { String(decoding: $0, as: UTF8.self) } } == ["stem"])
    }

    @Test("every match of a generated pattern contains one of its literals, in the lower-cased text")
    func everyMatchContainsALiteral() throws {
        var generator = LexiconScannerTests.Generator(state: 17)
        let atoms = ["a", "b", "ab", "Stem", "op", " ", "[Ss]", "[0-9]", ".", "é", "(a|bc)", "(x|y)?", "z*", "(ab)+", "[^a]"]
        let pieces = ["a", "b", "A", "B", " ", "stem", "Stem", "op", "x", "y", "z", "1", "é", "c", "ab"]
        var withLiterals = 0
        var matched = 0
        for round in 0..<400 {
            let source = (round % 3 == 0 ? "(?c)" : "")
                + (0..<(2 + generator.next(4))).map { _ in atoms[generator.next(atoms.count)] }.joined()
                + (generator.next(4) == 0 ? "|" + atoms[generator.next(atoms.count)] + atoms[generator.next(atoms.count)] : "")
            let pattern = try Pattern(source)
            guard let literals = pattern.requiredLiterals else { continue }
            withLiterals += 1
            for _ in 0..<60 {
                let folded = FoldedText(generator.text(pieces, length: generator.next(60)))
                guard pattern.firstMatch(in: folded) != nil else { continue }
                matched += 1
                #expect(literals.contains { PatternLiterals.contains(folded.lower, $0) }, "`\(source)` on `\(String(decoding: folded.original, as: UTF8.self))`")
            }
        }
        #expect(withLiterals > 150 && matched > 300)
    }

    @Test("the rule set's patterns find the same with their literals looked for as without, through the evaluator",
          arguments: EvaluationCorpus.allCases)
    func literalsChangeNoVerdict(_ corpus: EvaluationCorpus) throws {
        let (ruleSet, descriptions) = try corpus.load()
        let prepared = ruleSet.withPatternAutomata()
        #expect(descriptions.count > corpus.leastCount)
        func shown(_ evaluation: Evaluation) -> [String] {
            evaluation.findings.map { finding in
                "\(finding.rule.id) \(finding.statusWord) " + finding.evidence.map { "\($0.fact)=\($0.value ?? "-")/\($0.match ?? "-")" }.joined(separator: ",")
            }
        }
        var patternEvidence = 0
        for description in descriptions {
            let plain = shown(Evaluator(ruleSet: ruleSet).evaluate(description))
            let fast = shown(Evaluator(ruleSet: prepared).evaluate(description))
            #expect(plain == fast, "\(description.id)")
            patternEvidence += fast.filter { $0.contains("/Stem op") || $0.contains("/stem op") }.count
        }
        if corpus != .everyConstruct { #expect(patternEvidence >= 10) }
    }

    @Test("a string contains another where its bytes follow in a row, the empty string everywhere")
    func containment() {
        let cases: [(String, String, Bool)] = [("abc", "", true), ("", "", true), ("", "a", false), ("abc", "abc", true),
                                               ("abc", "abcd", false), ("aab", "ab", true), ("abab", "bab", true), ("ab", "ba", false),
                                               ("stem op ons", " op ", true), ("stem op", "op ", false), ("aaa", "aa", true), ("xyz", "z", true)]
        for (text, part, expected) in cases {
            #expect(PatternLiterals.contains(Array(text.utf8), Array(part.utf8)) == expected, "`\(text)` contains `\(part)`")
        }
        // against a comparison at every start, over short strings of few letters
        let letters: [UInt8] = [97, 98, 32]
        var state: UInt64 = 3
        func string() -> [UInt8] {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (0..<Int(state >> 60) % 6).map { letters[Int((state >> UInt64(8 * $0)) & 0xFF) % 3] }
        }
        for _ in 0..<3_000 {
            let (text, part) = (string(), string())
            let expected = part.isEmpty || (part.count <= text.count
                && (0...(text.count - part.count)).contains { text[$0..<$0 + part.count].elementsEqual(part) })
            #expect(PatternLiterals.contains(text, part) == expected, "\(text) contains \(part)")
        }
    }
}
