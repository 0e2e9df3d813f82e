import Testing
@testable import NeutraalEngine

/// The shared automata are built from the halves of their groups up (`DFADraft.product`,
/// `Pattern.sharedDrafts`): the same automata, state for state, and the same groups as the subset
/// construction over each whole group, tried from the top down, gives.
@Suite("Automata built from their halves")
struct AutomatonProductTests {
    /// Groups of patterns of one case mode, each put together from two parts.
    static let pairs: [([String], [String])] = [
        (["stem"], ["kies"]),
        (["stem op (ons|mij)"], ["[0-9][0-9]? (jan|feb)"]),
        (["a*", "x+y"], ["(a|b)*c", "."]),
        (["q?"], ["verkiezing(en)?", "ij", "p[^0-9]p"]),
        (["word (nu |ook )?lid([^\\sa-z0-9]|\\s+[^\\svb]\\w*|\\s+v[^a]\\w*|\\s+b[^i]\\w*)"],
         ["verkiezingsuitslag|uitslag van de verkiezing|winst van (de |een )?(partij|pvv|nsc|bbb)"]),
        (["(?c)Stem (op|voor) [A-Z]", "(?c)[Ss]tem"], ["(?c)[Ww]ord (nu |ook )?lid", "(?c)[^A-Z]Q"]),
        (["é", "[a-z]+x"], ["ab|zz", "[^a-z]q", ""]),
    ]

    static func programs(_ sources: [String]) throws -> [[Pattern.Instruction]] {
        try sources.map { try Pattern($0).program }
    }

    @Test("the product of two groups' automata is the subset construction over both, state for state", arguments: pairs)
    func productIsTheSubsetConstruction(_ first: [String], _ second: [String]) throws {
        let (a, b) = (try Self.programs(first), try Self.programs(second))
        let unlimited = 1 << 20
        let whole = try #require(DFADraft(programs: a + b, limit: unlimited))
        let parts = (try #require(DFADraft(programs: a, limit: unlimited)), try #require(DFADraft(programs: b, limit: unlimited)))
        #expect(DFADraft.product(parts.0, parts.1, limit: unlimited) == whole)
        #expect(PatternDFA(whole, programs: a + b) == PatternDFA(programs: a + b))
        // one state short of the whole, both give up; with just enough, both build it
        #expect(DFADraft(programs: a + b, limit: whole.stateCount - 1) == nil)
        #expect(DFADraft.product(parts.0, parts.1, limit: whole.stateCount - 1) == nil)
        #expect(DFADraft.product(parts.0, parts.1, limit: whole.stateCount) == whole)
    }

    @Test("the subset construction builds the automata that it built as first written, table for table", arguments: pairs)
    func subsetConstructionAsFirstWritten(_ first: [String], _ second: [String]) throws {
        let programs = try Self.programs(first + second)
        for group in [programs, Array(programs.prefix(1)), Array(programs.suffix(1))] {
            for limit in [1 << 20, 40, 3] {
                #expect(DFADraft(programs: group, limit: limit) == DFADraft(referenceOf: group, limit: limit), "limit \(limit)")
            }
        }
    }

    @Test("bytes fall into the classes that the construction as first written gives them")
    func byteClassesAsFirstWritten() throws {
        let sources = ["[a]b[a]", ".", "[^a-z]x", "a.b|[^\\n]", "é|[éa]", "\\w+\\s*\\d", "[^\\s]", "(?c)[A-Z][a-z]+ [^A-Z]", "", "x*"]
        for source in sources {
            let program = try #require(CombinedProgram([try Pattern(source).program]))
            let (classOf, representatives) = program.byteClasses()
            let expected = program.referenceByteClasses()
            #expect(classOf == expected.classOf && representatives == expected.representatives, "`\(source)`")
        }
        let all = try #require(CombinedProgram(try Self.programs(sources)))
        #expect(all.byteClasses().classOf == all.referenceByteClasses().classOf)
    }

    @Test("the rule set's patterns get the automata that the subset construction as first written builds")
    func realRuleSetAsFirstWritten() throws {
        let patterns = try RealRules.ruleSet().patterns.filter { !$0.hasAssertions }
        for caseSensitive in [false, true] {
            let programs = patterns.filter { $0.caseSensitive == caseSensitive }.map(\.program)
            #expect(programs.count > 1)
            for program in programs {
                #expect(DFADraft(programs: [program], limit: 4096) == DFADraft(referenceOf: [program], limit: 4096))
            }
            #expect(DFADraft(programs: programs, limit: 4096) == DFADraft(referenceOf: programs, limit: 4096))
            #expect(DFADraft(programs: programs, limit: 20_000) == DFADraft(referenceOf: programs, limit: 20_000))
        }
    }

    @Test("two patterns that fit alone but hold too many threads together have no automaton together, either way")
    func tooManyThreads() throws {
        // after `q`, each of these holds 41 threads: one for each alternative, one where it starts anew
        let sources = ["r", "s"].map { letter in "q(" + (1...40).map { String(repeating: letter, count: $0) }.joined(separator: "|") + ")" }
        let programs = try Self.programs(sources)
        let parts = (try #require(DFADraft(programs: [programs[0]], limit: 4096)), try #require(DFADraft(programs: [programs[1]], limit: 4096)))
        #expect(parts.0.threadCounts.max() == 41 && parts.1.threadCounts.max() == 41)
        #expect(DFADraft(programs: programs, limit: 4096) == nil)
        #expect(DFADraft(referenceOf: programs, limit: 4096) == nil)
        #expect(DFADraft.product(parts.0, parts.1, limit: 4096) == nil)
    }

    /// The groups as first built: the subset construction over all of them, and on failure over each half.
    static func topDownGroups(_ members: ArraySlice<Int>, _ programs: [[Pattern.Instruction]], limit: Int) -> [[Int]] {
        guard !members.isEmpty else { return [] }
        if DFADraft(programs: members.map { programs[$0] }, limit: limit) != nil { return [Array(members)] }
        guard members.count > 1 else { return [] }
        let middle = members.startIndex + members.count / 2
        return topDownGroups(members[..<middle], programs, limit: limit) + topDownGroups(members[middle...], programs, limit: limit)
    }

    @Test("groups found from the halves up are those found from the top down, each with the same automaton",
          arguments: [30, 60, 150, 400, 1_000, 4_096])
    func sameGroups(limit: Int) throws {
        let sources = ["stem op (ons|mij)", "[0-9][0-9]? (jan|feb)", "a.b", "ba?b?a", "é", "verkiezing(en)?", "(a|b)*c",
                       "word (nu |ook )?lid([^\\sa-z0-9]|\\s+[^\\svb]\\w*)", "x+y", "p[^0-9]p", "kies( voor)? (de |het )?[a-z]+",
                       "uitslag van de verkiezing|winst van (de |een )?(partij|pvv|nsc|bbb)", "ij"]
        let programs = try Self.programs(sources)
        let members = Array(programs.indices)[...]
        let expected = Self.topDownGroups(members, programs, limit: limit)
        let groups = Pattern.sharedDrafts(members, programs: programs, limit: limit)
        // the smaller limits split the patterns, the smallest leaves some without an automaton
        #expect(limit >= 1_000 || expected.count > 1)
        #expect(limit > 30 || expected.joined().count < sources.count)
        #expect(groups.map { Array($0.members) } == expected)
        for group in groups {
            #expect(group.draft == DFADraft(programs: group.members.map { programs[$0] }, limit: limit))
        }
    }

    @Test("the rule set's patterns share the automata and groups that the subset construction from the top down gives")
    func realRuleSet() throws {
        let ruleSet = try RealRules.ruleSet()
        let patterns = ruleSet.patterns
        let shared = Pattern.withSharedAutomata(patterns)
        let programs = patterns.map(\.program)
        var expected: [[Int]] = []
        for caseSensitive in [false, true] {
            let members = patterns.indices.filter { patterns[$0].caseSensitive == caseSensitive && !patterns[$0].hasAssertions }
            expected += Self.topDownGroups(members[...], programs, limit: PatternDFA.stateLimit)
        }
        // at least one group was too large and split, so the shortcut for a group too large was taken
        #expect(expected.count > 2)
        let groups = Dictionary(grouping: shared.indices.filter { shared[$0].hasAutomaton }, by: { shared[$0].automatonGroup })
        #expect(groups.keys.sorted().map { groups[$0] ?? [] } == expected)
        for members in expected {
            let automaton = shared[members[0]].automaton
            #expect(automaton == PatternDFA(programs: members.map { programs[$0] }))
            #expect(members.allSatisfy { shared[$0].automaton == automaton })
        }
    }
}
