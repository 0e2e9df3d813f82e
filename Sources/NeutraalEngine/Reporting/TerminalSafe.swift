/// Makes text from descriptions safe to print on a terminal: control characters (escape sequences
/// among them) are shown as visible `\u{…}` escapes instead of reaching the terminal raw.
public enum TerminalSafe {
    /// The text with every control character except line feed and tab made visible.
    public static func clean(_ text: String, keepNewlines: Bool = true) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (value < 0x20 && !(keepNewlines && (scalar == "\n" || scalar == "\t"))) || value == 0x7F || (0x80...0x9F).contains(value)
                || value == 0x2028 || value == 0x2029 || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) {
                result += "\\u{" + String(value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
