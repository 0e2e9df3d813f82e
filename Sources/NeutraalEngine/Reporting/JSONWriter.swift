/// A minimal JSON writer with escaping that is safe wherever the output ends up: control characters,
/// quotes and backslashes escaped, and `<`, `>`, `&`, U+2028 and U+2029 written as `\u` escapes so that the
/// JSON can sit inside HTML or a script unchanged.
public struct JSONWriter {
    public private(set) var output = ""
    private var needsComma: [Bool] = [false]

    public init() {
        output.reserveCapacity(1024)
    }

    /// A string literal with its quotes.
    public static func quote(_ text: String) -> String {
        // fast path: nothing to escape (the common case for ids, rule ids and most messages)
        if needsNoEscaping(text) { return "\"" + text + "\"" }
        // the escaping rules live in one place: `JSONBytes`
        return String(decoding: JSONBytes.quoted(text), as: UTF8.self)
    }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = true
    }

    public mutating func beginObject(_ key: String? = nil) {
        separator()
        if let key { appendKey(key) }
        output += "{"
        needsComma.append(false)
    }

    public mutating func endObject() {
        needsComma.removeLast()
        output += "}"
    }

    public mutating func beginArray(_ key: String? = nil) {
        separator()
        if let key { appendKey(key) }
        output += "["
        needsComma.append(false)
    }

    public mutating func endArray() {
        needsComma.removeLast()
        output += "]"
    }

    public mutating func field(_ key: String, _ value: String?) {
        guard let value else { return }
        separator()
        appendKey(key)
        appendQuoted(value)
    }

    public mutating func field(_ key: String, _ value: Int?) {
        guard let value else { return }
        separator()
        appendKey(key)
        output += String(value)
    }

    public mutating func field(_ key: String, _ value: Bool) {
        separator()
        appendKey(key)
        output += value ? "true" : "false"
    }

    /// Inserts already rendered JSON as a member (`key` given) or an element.
    public mutating func raw(_ key: String?, _ json: String) {
        separator()
        if let key { appendKey(key) }
        output += json
    }

    public mutating func value(_ text: String) {
        separator()
        appendQuoted(text)
    }

    /// `"key":`, appended in place.
    private mutating func appendKey(_ key: String) {
        // keys are names from the code and the vocabulary: plain ASCII words in the common case
        if key.utf8.allSatisfy({ $0 >= 0x23 && $0 < 0x7F && $0 != 0x5C && $0 != 0x3C && $0 != 0x3E && $0 != 0x26 }) {
            output += "\""
            output += key
            output += "\":"
        } else {
            appendQuoted(key)
            output += ":"
        }
    }

    /// A string literal appended in place, without building it apart first when nothing needs escaping.
    private mutating func appendQuoted(_ text: String) {
        if Self.needsNoEscaping(text) {
            output += "\""
            output += text
            output += "\""
        } else {
            output += Self.quote(text)
        }
    }

    static func needsNoEscaping(_ text: String) -> Bool {
        for byte in text.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0x3E || byte == 0x26
            || byte == 0x7F || byte == 0xC2 || byte == 0xE2 {
            return false
        }
        return true
    }
}
