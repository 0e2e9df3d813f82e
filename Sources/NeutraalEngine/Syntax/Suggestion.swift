/// "Did you mean …" suggestions by edit distance.
public enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a likely typo.
    ///
    /// Distance counts an insertion, a deletion, a substitution and a swap of two adjacent letters as one
    /// edit each (`kidn` is one edit from `kind`). Among candidates equally far, one that starts with the same
    /// letter is preferred (typos are rarely in the first letter), then the first given (so a canonical name
    /// listed before its alias wins over it).
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        let limit = max(1, min(3, target.count / 3 + 1))
        var best: (candidate: String, rank: (Int, Int))?
        for candidate in candidates {
            let letters = Array(candidate.lowercased())
            let distance = editDistance(target, letters)
            guard distance <= limit else { continue }
            let rank = (distance, letters.first == target.first ? 0 : 1)
            if let current = best, current.rank <= rank { continue }
            best = (candidate, rank)
        }
        return best?.candidate
    }

    /// A hint of the form "did you mean `x`?" or nil.
    public static func hint(for word: String, in candidates: some Sequence<String>) -> String? {
        closest(to: word, in: candidates).map { "did you mean `\($0)`?" }
    }

    /// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
    /// adjacent characters, each one edit.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
