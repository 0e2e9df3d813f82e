/// The JSON of the HTML report's data block made fit for the page: HTML forbids noncharacters (U+FFFE,
/// U+FDD0, U+1FFFF, …) anywhere in a page, also inside `<script type="application/json">`, so a description
/// text holding one made the report invalid. They are written as `\u` escapes, which `JSON.parse` reads back
/// as the same characters; everything else of the JSON is left as it is.
extension HTMLReporter {
    /// `json` with every noncharacter written as a `\u` escape (a surrogate pair beyond U+FFFF).
    ///
    /// Noncharacters can only occur inside JSON strings (everything outside them is ASCII), where an escape
    /// stands for the same character.
    static func scriptSafe(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: XMLEscape.isNoncharacter) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard XMLEscape.isNoncharacter(scalar) else { result.append(scalar); continue }
            for unit in String(scalar).utf16 {
                let hex = String(unit, radix: 16)
                result.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            }
        }
        return String(result)
    }
}
