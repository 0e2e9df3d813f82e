/// Strings of which every match of a pattern contains at least one, found in the pattern's syntax tree:
/// a text without any of them cannot match, and the lexicon scanner, which reads every text anyway,
/// can look for them on the same pass (see `LexiconScanner.init(lexicons:literals:)`).
///
/// The strings are in folded, lower-cased bytes, as the scanner reads a text (`FoldedText.lower`, which it
/// reads as the cased bytes with capitals in the columns of their lower-case letters): a case-sensitive
/// pattern's literal `Stem ` is looked for as `stem `, which the lower-cased text holds wherever the text
/// with its case holds `Stem `. For `(?c)[Ss]tem (dan |ook )?op ([A-Z]|ons)` they are `stem `
/// (every longer candidate, such as `stem dan op `, contains it); for `a*b` there are none. A space of the
/// pattern, which matches a run of white space, is the one space the scanner reads such a run as.
enum PatternLiterals {
    /// The most strings a part of a pattern is followed through as an exact set.
    static let exactLimit = 16
    /// The most members a class may have to be followed as a set of one-byte strings.
    static let classLimit = 4
    /// Shorter strings than this would be found in nearly every text: no use as a filter.
    static let shortest = 3
    /// More strings than this make the scanner's automaton larger than the filter is worth.
    static let most = 64

    /// What a part of a pattern tells of the strings it matches.
    struct Summary {
        /// Every string it can match (the empty one included), each once, when they are few; nil otherwise.
        var exact: [[UInt8]]?
        /// Strings of which every match contains one; nil when nothing is known.
        var required: [[UInt8]]?

        /// The strings of which every match contains one: `required`, or the exact strings when the
        /// empty string is not among them.
        var requirement: [[UInt8]]? {
            if let required { return required }
            guard let exact, !exact.contains(where: \.isEmpty) else { return nil }
            return exact
        }
    }

    /// The strings every match of `tree` contains one of (lower-cased, none containing another), or nil
    /// when there are none at least `shortest` bytes long.
    static func required(_ tree: Pattern.Node) -> [[UInt8]]? {
        guard let strings = summary(tree).requirement else { return nil }
        // white space as the scanner reads it: a run is one space (see `SpaceRuns`)
        let lowered = minimal(strings.map { SpaceRuns.collapsed($0.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }) })
        guard let shortestFound = lowered.map(\.count).min(), shortestFound >= shortest, lowered.count <= most else { return nil }
        return lowered
    }

    /// The summary of a part of a pattern.
    static func summary(_ node: Pattern.Node) -> Summary {
        switch node {
        case .empty, .wordBoundary, .lineStart, .lineEnd:
            return Summary(exact: [[]], required: nil)
        case .byte(let byte):
            return Summary(exact: [[byte]], required: nil)
        case .set(let set):
            return Summary(exact: set.count <= classLimit ? set.members.map { [$0] } : nil, required: nil)
        case .any, .star:
            return Summary(exact: nil, required: nil)
        case .plus(.set(let set)) where set.members == SpaceRuns.bytes:
            // a run of white space, which the scanner reads as one space
            return Summary(exact: [[32]], required: nil)
        case .plus(let inner):
            return Summary(exact: nil, required: summary(inner).requirement)
        case .optional(let inner):
            guard let exact = summary(inner).exact, exact.count < exactLimit else { return Summary(exact: nil, required: nil) }
            return Summary(exact: unique(exact + [[]]), required: nil)
        case .alternation(let branches):
            let summaries = branches.map(summary)
            var exact: [[UInt8]]? = []
            var required: [[UInt8]]? = []
            for branch in summaries {
                if let known = branch.exact, let sofar = exact, sofar.count + known.count <= exactLimit {
                    exact = sofar + known
                } else {
                    exact = nil
                }
                // past a few times the most that is used, the union is dropped: reducing it takes the square of its size
                if let known = branch.requirement, let sofar = required {
                    let joined = unique(sofar + known)
                    required = joined.count <= 4 * most ? joined : nil
                } else {
                    required = nil
                }
            }
            return Summary(exact: exact.map(unique), required: exact == nil ? required.map(minimal) : nil)
        case .sequence(let nodes):
            return sequence(nodes.map(summary))
        }
    }

    /// A sequence: runs of parts with exact sets are multiplied out while they stay few; the best
    /// requirement of any run or part holds for the whole.
    static func sequence(_ parts: [Summary]) -> Summary {
        var run: [[UInt8]]? = [[]]
        var broken = false
        var best: [[UInt8]]?
        for part in parts {
            if var current = run, let next = part.exact, current.count * next.count <= exactLimit {
                // (no second reference left: the strings are extended in place)
                run = nil
                if next.count == 1 {
                    // one string after each (a letter, most often): distinct strings stay distinct, in order
                    for index in current.indices { current[index].append(contentsOf: next[0]) }
                    run = current
                } else {
                    run = unique(current.flatMap { prefix in next.map { prefix + $0 } })
                }
                continue
            }
            broken = true
            best = better(best, Summary(exact: run, required: nil).requirement)
            best = better(best, part.requirement)
            run = part.exact
        }
        if !broken { return Summary(exact: run, required: nil) }
        return Summary(exact: nil, required: better(best, Summary(exact: run, required: nil).requirement))
    }

    /// The better of two requirements: the one whose shortest string has more bytes other than spaces (a
    /// space is among the commonest bytes of a text: ` op ` is found nearly everywhere `stem` is not), then
    /// the one with fewer strings as the scanner reads them (lower-cased: `Stem` and `stem` are one); each
    /// reduced to its minimal strings first.
    static func better(_ first: [[UInt8]]?, _ second: [[UInt8]]?) -> [[UInt8]]? {
        guard let first else { return second.map(minimal) }
        guard let second else { return minimal(first) }
        let (a, b) = (minimal(first), minimal(second))
        let (weightA, weightB) = (a.map(letters).min() ?? 0, b.map(letters).min() ?? 0)
        if weightA != weightB { return weightA > weightB ? a : b }
        return scanned(b) < scanned(a) ? b : a
    }

    /// How many bytes of `string` are not spaces.
    private static func letters(_ string: [UInt8]) -> Int {
        string.reduce(0) { $0 + ($1 == 32 ? 0 : 1) }
    }

    /// How many different strings the scanner looks for to find `strings` (lower-cased).
    private static func scanned(_ strings: [[UInt8]]) -> Int {
        Set(strings.map { $0.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 } }).count
    }

    /// The strings without those that contain another of them ("contains `stem op `" already holds when
    /// "contains `stem `" does not, so only `stem ` need be looked for), each once.
    static func minimal(_ strings: [[UInt8]]) -> [[UInt8]] {
        let distinct = unique(strings)
        return distinct.filter { string in
            !distinct.contains { other in other.count < string.count && contains(string, other) }
        }
    }

    /// The strings, each once, in their first order. Most lists are a handful of short strings, compared
    /// with those kept so far; a long one (a large alternation) is hashed, so as not to compare every pair.
    static func unique(_ strings: [[UInt8]]) -> [[UInt8]] {
        guard strings.count <= uniqueByComparison else {
            var seen = Set<[UInt8]>()
            return strings.filter { seen.insert($0).inserted }
        }
        var kept: [[UInt8]] = []
        kept.reserveCapacity(strings.count)
        for string in strings where !kept.contains(string) { kept.append(string) }
        return kept
    }

    /// Lists up to this long are made unique by comparison rather than by hashing.
    static let uniqueByComparison = 32

    /// Whether `text` contains `part`: compared byte by byte where the first byte of `part` is found
    /// (`minimal(_:)` asks this of every pair of strings of a list, such as a pattern's 25 party names).
    static func contains(_ text: [UInt8], _ part: [UInt8]) -> Bool {
        guard let first = part.first else { return true }
        guard part.count <= text.count else { return false }
        for start in 0...(text.count - part.count) where text[start] == first {
            var offset = 1
            while offset < part.count, text[start + offset] == part[offset] { offset += 1 }
            if offset == part.count { return true }
        }
        return false
    }
}
