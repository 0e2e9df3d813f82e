extension Derivations {
    /// Every `#word` in a text (letters, digits, `_` and `-` after the `#`), with the `#`.
    public static func hashtags(in text: String) -> [String] {
        if let found = text.utf8.withContiguousStorageIfAvailable({ hashtags(utf8: $0) }), let tags = found { return tags }
        guard text.utf8.contains(UInt8(ascii: "#")) else { return [] }
        return scalarHashtags(in: text)
    }

    /// `hashtags(in:)` over the UTF-8 of a text: from one `#` to the next (found with `memchr`), looking
    /// at the scalar before it and the scalars of the tag after it; the same tags as `scalarHashtags(in:)`,
    /// which looks at every scalar. Nil for bytes that are not valid UTF-8. `firstHash`, where the caller
    /// has found it already, is the offset of the first `#`.
    static func hashtags(utf8 bytes: UnsafeBufferPointer<UInt8>, firstHash: Int? = nil) -> [String]? {
        var result: [String] = []
        var from = 0
        var known = firstHash
        while let hash = known ?? ByteScan.firstIndex(of: UInt8(ascii: "#"), in: bytes, from: from) {
            known = nil
            from = hash + 1
            // a `#` right after a letter or a digit starts no tag (the text starts after a space)
            if hash > 0 {
                var lead = hash - 1
                while lead > 0, hash - lead < 4, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
                guard let previous = kind(of: bytes, at: lead), lead + previous.length == hash else { return nil }
                if previous.isAlphanumeric { continue }
            }
            // the tag: the `#` and the letters, digits, `_` and `-` after it
            var end = hash + 1
            var scalars = 1
            while end < bytes.count {
                guard let next = kind(of: bytes, at: end) else { return nil }
                guard next.isAlphanumeric || next.isJoiner else { break }
                scalars += 1
                end += next.length
            }
            if scalars > 1 { result.append(tag(UnsafeBufferPointer(rebasing: bytes[hash..<end]))) }
            // the scalar that ends the tag may be the next `#`
            from = end
        }
        return result
    }

    /// The scalar whose UTF-8 starts at `index`: its length, whether it is a letter or a digit (by its
    /// properties; for ASCII, `A`–`Z`, `a`–`z` and `0`–`9`, which is what the properties say), and
    /// whether it is `_` or `-`. Nil where no valid sequence starts.
    @inline(__always)
    private static func kind(of bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (length: Int, isAlphanumeric: Bool, isJoiner: Bool)? {
        let lead = bytes[index]
        if lead < 0x80 {
            let lower = lead | 0x20
            let isLetter = lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
            let isDigit = lead >= UInt8(ascii: "0") && lead <= UInt8(ascii: "9")
            return (1, isLetter || isDigit, lead == UInt8(ascii: "_") || lead == UInt8(ascii: "-"))
        }
        return nonASCIIKind(of: bytes, at: index)
    }

    /// `kind(of:at:)` for a scalar outside ASCII, by its properties. Kept out of line: the properties'
    /// types are resilient, and a caller that inlines this sets room for them aside on every call, even
    /// for a text without `#`.
    @inline(never)
    private static func nonASCIIKind(of bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (length: Int, isAlphanumeric: Bool, isJoiner: Bool)? {
        guard let (scalar, length) = scalar(in: bytes, at: index) else { return nil }
        return (length, scalar.properties.isAlphabetic || scalar.properties.numericType != nil, false)
    }

    /// The scalar whose UTF-8 sequence of two to four bytes starts at `index`, and its length.
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// A tag's text without the `-` characters it ends with.
    private static func tag(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // an ASCII tag (most are) is trimmed byte by byte: each of its bytes is a character
        if !bytes.contains(where: { $0 >= 0x80 }) {
            var end = bytes.count
            while end > 0, bytes[end - 1] == UInt8(ascii: "-") { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
        }
        var trimmed = Substring(String(decoding: bytes, as: UTF8.self))
        while trimmed.last == "-" { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    /// `hashtags(in:)` scalar by scalar: the reference, and the way for a text without contiguous UTF-8.
    static func scalarHashtags(in text: String) -> [String] {
        var result: [String] = []
        var current: String.UnicodeScalarView?
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if var tag = current {
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" || scalar == "-" {
                    tag.append(scalar)
                    current = tag
                } else {
                    if tag.count > 1 { result.append(String(tag)) }
                    current = nil
                }
            }
            if current == nil, scalar == "#", !(previous.properties.isAlphabetic || previous.properties.numericType != nil) {
                current = String.UnicodeScalarView([scalar])
            }
            previous = scalar
        }
        if let tag = current, tag.count > 1 { result.append(String(tag)) }
        return result.map { tag in
            var trimmed = Substring(tag)
            while trimmed.last == "-" { trimmed = trimmed.dropLast() }
            return String(trimmed)
        }
    }
}
