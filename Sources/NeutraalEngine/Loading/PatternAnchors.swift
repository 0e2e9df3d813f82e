/// Finds a line anchor that a pattern can never satisfy where it stands: `$` (the end of a line) directly
/// followed by a letter, a digit or a sign, or `^` (the start of a line) directly after a letter or a digit.
/// Authors write them meaning a dollar sign or a caret (`"kost $5"`); the pattern parses, and the alternative
/// that holds them silently never matches.
enum PatternAnchors {
    /// An anchor that can never hold: where it is in the pattern (in characters), and the text around it.
    struct Misplaced: Equatable {
        let offset: Int
        let anchor: Character
        /// The anchor with the character it stands against, as written (`$5`, `a^`).
        let written: String
    }

    /// The characters that are not literals next to an anchor: the pattern's own signs, and white space (a
    /// space stands for a run of white space, which may be a line break).
    private static let notLiteral: Set<Unicode.Scalar> = ["|", "(", ")", "*", "+", "?", ".", "[", "]", "$", "^", "\\", "{", "}"]

    /// The first misplaced anchor of `source`, or nil.
    static func misplaced(in source: String) -> Misplaced? {
        let scalars = Array(source.unicodeScalars)
        let start = source.hasPrefix("(?c)") ? 4 : 0
        func isLiteral(_ scalar: Unicode.Scalar) -> Bool {
            !notLiteral.contains(scalar) && !scalar.properties.isWhitespace
        }
        func isWordLiteral(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
        }
        var index = start
        var inClass = false
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                index += 2
                continue
            }
            if inClass {
                if scalar == "]" { inClass = false }
                index += 1
                continue
            }
            if scalar == "[" {
                inClass = true
                index += 1
                if index < scalars.count, scalars[index] == "^" { index += 1 }
                if index < scalars.count, scalars[index] == "]" { index += 1 }
                continue
            }
            if scalar == "$", index + 1 < scalars.count {
                let next = scalars[index + 1]
                let escapedWord = next == "\\" && index + 2 < scalars.count && "dw".unicodeScalars.contains(scalars[index + 2])
                if isLiteral(next) || escapedWord {
                    let written = "$" + String(next) + (escapedWord ? String(scalars[index + 2]) : "")
                    return Misplaced(offset: index, anchor: "$", written: written)
                }
            }
            if scalar == "^", index > start {
                let previous = scalars[index - 1]
                let escaped = index - 2 >= start && scalars[index - 2] == "\\"
                if isWordLiteral(previous), !escaped {
                    return Misplaced(offset: index, anchor: "^", written: String(previous) + "^")
                }
            }
            index += 1
        }
        return nil
    }
}
