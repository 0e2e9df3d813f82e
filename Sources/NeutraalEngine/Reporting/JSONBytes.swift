/// JSON text written straight into a byte buffer, for output that is produced per record at speed.
///
/// Strings are escaped exactly as `JSONWriter.quote` does (quotes, backslashes, control characters,
/// `<`, `>`, `&`, U+2028 and U+2029 as escapes), so the two writers produce the same text. There is no
/// comma bookkeeping: callers write the punctuation, usually as constant fragments rendered once.
public struct JSONBytes {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends text as it is (a constant fragment, or JSON rendered before).
    @inline(__always)
    public mutating func raw(_ fragment: [UInt8]) {
        bytes.append(contentsOf: fragment)
    }

    /// Appends ASCII text as it is.
    @inline(__always)
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends a string literal with its quotes.
    public mutating func quoted(_ text: String) {
        var text = text
        text.withUTF8 { appendQuoted($0) }
    }

    /// Appends a decimal integer.
    public mutating func integer(_ value: Int) {
        guard value >= 0 else {
            bytes.append(contentsOf: String(value).utf8)
            return
        }
        var divisor = 1
        while divisor <= value / 10 { divisor &*= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(truncatingIfNeeded: 48 &+ rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Appends a day number as a quoted `"YYYY-MM-DD"`.
    public mutating func quotedDate(_ dayNumber: Int32) {
        let (year, month, day) = CivilDate.civilFromDays(Int(dayNumber))
        guard (0...9999).contains(year) else {
            quoted(CivilDate.format(dayNumber))
            return
        }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(truncatingIfNeeded: 48 + year / 1000))
        bytes.append(UInt8(truncatingIfNeeded: 48 + year / 100 % 10))
        bytes.append(UInt8(truncatingIfNeeded: 48 + year / 10 % 10))
        bytes.append(UInt8(truncatingIfNeeded: 48 + year % 10))
        bytes.append(UInt8(ascii: "-"))
        bytes.append(UInt8(truncatingIfNeeded: 48 + month / 10))
        bytes.append(UInt8(truncatingIfNeeded: 48 + month % 10))
        bytes.append(UInt8(ascii: "-"))
        bytes.append(UInt8(truncatingIfNeeded: 48 + day / 10))
        bytes.append(UInt8(truncatingIfNeeded: 48 + day % 10))
        bytes.append(UInt8(ascii: "\""))
    }

    /// A string literal with its quotes, as bytes (for fragments rendered once).
    public static func quoted(_ text: String) -> [UInt8] {
        var writer = JSONBytes(capacity: text.utf8.count + 2)
        writer.quoted(text)
        return writer.bytes
    }

    private mutating func appendQuoted(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var start = 0
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            let escape: StaticString?
            var length = 1
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x3C: escape = "\\u003c"
            case 0x3E: escape = "\\u003e"
            case 0x26: escape = "\\u0026"
            case 0xC2 where index + 1 < count && text[index + 1] >= 0x80 && text[index + 1] <= 0x9F:
                escape = nil
                length = 2
            case 0xE2 where index + 2 < count && text[index + 1] == 0x80 && (text[index + 2] == 0xA8 || text[index + 2] == 0xA9):
                escape = text[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                length = 3
            default:
                if byte < 0x20 || byte == 0x7F {
                    escape = nil
                } else {
                    index += 1
                    continue
                }
            }
            if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index])) }
            if let escape {
                raw(escape)
            } else {
                // a control character (C0, DEL or C1) as \u00xx in lower-case hex
                let value = length == 2 ? text[index + 1] : byte
                raw("\\u00")
                bytes.append(Self.hexDigit(value >> 4))
                bytes.append(Self.hexDigit(value & 0x0F))
            }
            index += length
            start = index
        }
        if start < count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<count])) }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 48 + value : 87 + value
    }
}
