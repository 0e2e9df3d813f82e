/// A strict byte-level JSON parser (RFC 8259) that keeps byte offsets for every value, validates
/// UTF-8, and refuses nesting deeper than a limit instead of overflowing the stack.
public struct JSONParser {
    /// The byte a one-character escape stands for (`\n` is 0x0A), or nil for `\u` and unknown escapes.
    static func simpleEscape(_ escape: UInt8) -> UInt8? {
        switch escape {
        case UInt8(ascii: "\""): return 0x22
        case UInt8(ascii: "\\"): return 0x5C
        case UInt8(ascii: "/"): return 0x2F
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return 0x09
        default: return nil
        }
    }

    /// A syntax error at a byte offset.
    public struct Failure: Error, Sendable {
        public let message: String
        public let offset: Int
        public let hint: String?
    }

    public let maximumDepth: Int

    public init(maximumDepth: Int = 64) {
        self.maximumDepth = maximumDepth
    }

    /// Parses exactly one JSON value in `bytes[range]` (white space around it allowed).
    public func parse(_ bytes: [UInt8], range: Range<Int>) -> Result<JSONValue, Failure> {
        bytes.withUnsafeBufferPointer { buffer in
            var cursor = Cursor(buffer: buffer, position: range.lowerBound, end: range.upperBound, maximumDepth: maximumDepth)
            do {
                cursor.skipWhitespace()
                guard cursor.position < cursor.end else {
                    throw Failure(message: "expected a JSON value, found the end of the input", offset: cursor.position, hint: nil)
                }
                let value = try cursor.parseValue(depth: 0)
                cursor.skipWhitespace()
                if cursor.position < cursor.end {
                    throw Failure(message: "unexpected `\(cursor.describeCurrent())` after the JSON value", offset: cursor.position,
                                  hint: "a file holds one object, one array of objects, or one object per line (JSON Lines)")
                }
                return .success(value)
            } catch let failure as Failure {
                return .failure(failure)
            } catch {
                return .failure(Failure(message: "unreadable JSON", offset: cursor.position, hint: nil))
            }
        }
    }

    struct Cursor {
        let buffer: UnsafeBufferPointer<UInt8>
        var position: Int
        let end: Int
        let maximumDepth: Int

        func describeCurrent() -> String {
            guard position < end else { return "end of input" }
            let byte = buffer[position]
            if byte >= 0x20, byte < 0x7F { return Swift.String(Character(Unicode.Scalar(byte))) }
            return "byte 0x" + hex(byte)
        }

        mutating func skipWhitespace() {
            while position < end {
                let byte = buffer[position]
                if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 } else { break }
            }
        }

        mutating func parseValue(depth: Int) throws -> JSONValue {
            guard depth < maximumDepth else {
                throw Failure(message: "JSON nested deeper than \(maximumDepth) levels", offset: position,
                              hint: "a description is a flat object with a few nested fields")
            }
            guard position < end else {
                throw Failure(message: "expected a JSON value, found the end of the input", offset: position,
                              hint: "the input may be truncated")
            }
            let start = position
            switch buffer[position] {
            case UInt8(ascii: "{"):
                position += 1
                var members: [JSONValue.Member] = []
                skipWhitespace()
                if position < end, buffer[position] == UInt8(ascii: "}") { position += 1; return .object(members, offset: start) }
                while true {
                    skipWhitespace()
                    guard position < end, buffer[position] == UInt8(ascii: "\"") else {
                        throw Failure(message: position < end ? "expected a key in double quotes, found `\(describeCurrent())`"
                                                              : "the object is not closed", offset: position,
                                      hint: position < end ? nil : "the input may be truncated")
                    }
                    let keyOffset = position
                    let key = try parseString()
                    skipWhitespace()
                    guard position < end, buffer[position] == UInt8(ascii: ":") else {
                        throw Failure(message: "expected `:` after the key `\(key)`", offset: position, hint: nil)
                    }
                    position += 1
                    skipWhitespace()
                    let value = try parseValue(depth: depth + 1)
                    members.append(JSONValue.Member(key: key, keyOffset: keyOffset, value: value))
                    skipWhitespace()
                    guard position < end else {
                        throw Failure(message: "the object is not closed", offset: position, hint: "the input may be truncated")
                    }
                    if buffer[position] == UInt8(ascii: ",") { position += 1; continue }
                    if buffer[position] == UInt8(ascii: "}") { position += 1; return .object(members, offset: start) }
                    throw Failure(message: "expected `,` or `}` in the object, found `\(describeCurrent())`", offset: position, hint: nil)
                }
            case UInt8(ascii: "["):
                position += 1
                var elements: [JSONValue] = []
                skipWhitespace()
                if position < end, buffer[position] == UInt8(ascii: "]") { position += 1; return .array(elements, offset: start) }
                while true {
                    skipWhitespace()
                    elements.append(try parseValue(depth: depth + 1))
                    skipWhitespace()
                    guard position < end else {
                        throw Failure(message: "the list is not closed", offset: position, hint: "the input may be truncated")
                    }
                    if buffer[position] == UInt8(ascii: ",") { position += 1; continue }
                    if buffer[position] == UInt8(ascii: "]") { position += 1; return .array(elements, offset: start) }
                    throw Failure(message: "expected `,` or `]` in the list, found `\(describeCurrent())`", offset: position, hint: nil)
                }
            case UInt8(ascii: "\""):
                return .string(try parseString(), offset: start)
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                return .bool(true, offset: start)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                return .bool(false, offset: start)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                return .null(offset: start)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return .number(try parseNumber(), offset: start)
            default:
                throw Failure(message: "expected a JSON value, found `\(describeCurrent())`", offset: position,
                              hint: "strings are written in double quotes")
            }
        }

        mutating func expectLiteral(_ word: Swift.String) throws {
            let literal = Array(word.utf8)
            let count = literal.count
            let start = position
            var matches = position + count <= end
            if matches {
                for index in 0..<count where buffer[start + index] != literal[index] { matches = false }
            }
            guard matches else {
                throw Failure(message: "expected `\(word)`", offset: start, hint: "strings are written in double quotes")
            }
            position += count
        }

        mutating func parseNumber() throws -> Double {
            let start = position
            if buffer[position] == UInt8(ascii: "-") { position += 1 }
            func digits() -> Int {
                let begin = position
                while position < end, buffer[position] >= 48, buffer[position] <= 57 { position += 1 }
                return position - begin
            }
            let integerStart = position
            let integerDigits = digits()
            guard integerDigits > 0 else { throw Failure(message: "a number needs digits", offset: position, hint: nil) }
            if integerDigits > 1, buffer[integerStart] == 48 {
                throw Failure(message: "a number cannot start with 0", offset: integerStart, hint: nil)
            }
            if position < end, buffer[position] == UInt8(ascii: ".") {
                position += 1
                guard digits() > 0 else { throw Failure(message: "expected digits after the decimal point", offset: position, hint: nil) }
            }
            if position < end, buffer[position] | 0x20 == UInt8(ascii: "e") {
                position += 1
                if position < end, buffer[position] == UInt8(ascii: "+") || buffer[position] == UInt8(ascii: "-") { position += 1 }
                guard digits() > 0 else { throw Failure(message: "expected digits in the exponent", offset: position, hint: nil) }
            }
            let text = Swift.String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<position]), as: UTF8.self)
            guard let value = Double(text) else { throw Failure(message: "unreadable number", offset: start, hint: nil) }
            return value
        }

        /// Parses a string starting at the opening quote, validating UTF-8 and escapes.
        mutating func parseString() throws -> Swift.String {
            let start = position
            position += 1
            // fast path: no escapes
            var scan = position
            var plain = true
            while scan < end {
                let byte = buffer[scan]
                if byte == UInt8(ascii: "\"") { break }
                if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { plain = false; break }
                scan += 1
            }
            if plain {
                guard scan < end else { throw Failure(message: "the string is not closed", offset: start, hint: "the input may be truncated") }
                let text = Swift.String(decoding: UnsafeBufferPointer(rebasing: buffer[position..<scan]), as: UTF8.self)
                position = scan + 1
                return text
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(scan - position + 16)
            while true {
                guard position < end else {
                    throw Failure(message: "the string is not closed", offset: start, hint: "the input may be truncated")
                }
                let byte = buffer[position]
                if byte == UInt8(ascii: "\"") { position += 1; break }
                if byte < 0x20 {
                    throw Failure(message: "a control character (byte \(byte)) inside a string", offset: position,
                                  hint: "write a line break inside a string as `\\n`")
                }
                if byte == UInt8(ascii: "\\") {
                    position += 1
                    guard position < end else { throw Failure(message: "the string is not closed", offset: start, hint: nil) }
                    let escape = buffer[position]
                    position += 1
                    if let simple = JSONParser.simpleEscape(escape) {
                        bytes.append(simple)
                        continue
                    }
                    switch escape {
                    case UInt8(ascii: "u"):
                        var scalar = try parseHex4()
                        if (0xD800...0xDBFF).contains(scalar) {
                            guard position + 1 < end, buffer[position] == UInt8(ascii: "\\"), buffer[position + 1] == UInt8(ascii: "u") else {
                                throw Failure(message: "a lone surrogate in a \\u escape", offset: position - 6, hint: nil)
                            }
                            position += 2
                            let low = try parseHex4()
                            guard (0xDC00...0xDFFF).contains(low) else {
                                throw Failure(message: "a lone surrogate in a \\u escape", offset: position - 6, hint: nil)
                            }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00...0xDFFF).contains(scalar) {
                            throw Failure(message: "a lone surrogate in a \\u escape", offset: position - 6, hint: nil)
                        }
                        guard let unicode = Unicode.Scalar(scalar) else {
                            throw Failure(message: "an invalid \\u escape", offset: position - 6, hint: nil)
                        }
                        bytes.append(contentsOf: Array(Swift.String(Character(unicode)).utf8))
                    default:
                        throw Failure(message: "an unknown escape `\\\(Swift.String(UnicodeScalar(escape)))`", offset: position - 2,
                                      hint: "escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
                    }
                    continue
                }
                if byte < 0x80 {
                    bytes.append(byte)
                    position += 1
                    continue
                }
                let length = try validateUTF8Sequence(at: position)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[position..<position + length]))
                position += length
            }
            return Swift.String(decoding: bytes, as: UTF8.self)
        }

        mutating func parseHex4() throws -> UInt32 {
            guard position + 4 <= end else { throw Failure(message: "a \\u escape needs four hex digits", offset: position, hint: nil) }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = buffer[position]
                let digit: UInt32
                switch byte {
                case 48...57: digit = UInt32(byte - 48)
                case 65...70: digit = UInt32(byte - 55)
                case 97...102: digit = UInt32(byte - 87)
                default: throw Failure(message: "a \\u escape needs four hex digits", offset: position, hint: nil)
                }
                value = value << 4 | digit
                position += 1
            }
            return value
        }

        /// The length of the valid UTF-8 sequence at `index`, or a failure.
        func validateUTF8Sequence(at index: Int) throws -> Int {
            let lead = buffer[index]
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; scalar = UInt32(lead & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; scalar = UInt32(lead & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; scalar = UInt32(lead & 0x07); minimum = 0x10000
            default: throw Failure(message: "invalid UTF-8 (byte 0x\(hex(lead)))", offset: index, hint: "save the file as UTF-8")
            }
            guard index + length <= end else {
                throw Failure(message: "invalid UTF-8: a character is cut off", offset: index, hint: "save the file as UTF-8")
            }
            for offset in 1..<length {
                let byte = buffer[index + offset]
                guard byte & 0xC0 == 0x80 else {
                    throw Failure(message: "invalid UTF-8 (byte 0x\(hex(byte)))", offset: index + offset, hint: "save the file as UTF-8")
                }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            minimum = max(minimum, 0)
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
                throw Failure(message: "invalid UTF-8 (overlong or surrogate)", offset: index, hint: "save the file as UTF-8")
            }
            return length
        }

        func hex(_ byte: UInt8) -> Swift.String {
            let digits = Array("0123456789ABCDEF")
            return Swift.String(digits[Int(byte >> 4)]) + Swift.String(digits[Int(byte & 15)])
        }
    }
}
