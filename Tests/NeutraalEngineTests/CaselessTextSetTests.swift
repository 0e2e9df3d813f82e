import Testing
@testable import NeutraalEngine

/// `CaselessTextSet` answers exactly what `entries.contains(text.lowercased())` answers, for texts in and
/// outside ASCII, without lower-casing an ASCII text.
@Suite("Caseless text sets")
struct CaselessTextSetTests {
    private static let entries: Set<String> = Set(["#VVD", "#D66", "#PartijvoordeDieren", "#GroenLinksPvdA", "VVD", "D66", "#Café", "straße", "", "#50PLUS"]
        .map { $0.lowercased() })

    @Test("texts in any case, outside ASCII, empty, and texts that only share a hash or a length", arguments: [
        "#VVD", "#vvd", "#VvD", "vvd", "VVD ", "#VVDD", "#D66", "#d66", "#D67", "#partijvoordedieren", "#PARTIJVOORDEDIEREN",
        "#GroenLinksPvdA", "#groenlinkspvda", "#Café", "#CAFÉ", "#cafe", "STRASSE", "Straße", "STRAßE", "", " ", "#50plus", "#50PLUS",
        "\u{212A}", "#\u{212A}", "#Volt", "#",
    ])
    func sameAsLowercasing(_ text: String) {
        let set = CaselessTextSet(lowercased: Self.entries)
        #expect(set.contains(text) == Self.entries.contains(text.lowercased()), "\(text)")
    }

    @Test("every entry is found in upper, lower and mixed case; texts next to the entries are not")
    func everyEntry() {
        let set = CaselessTextSet(lowercased: Self.entries)
        for entry in Self.entries {
            #expect(set.contains(entry))
            // upper case outside ASCII may not lower-case back (`STRASSE`): the answer is the reference's
            #expect(set.contains(entry.uppercased()) == Self.entries.contains(entry.uppercased().lowercased()), "\(entry)")
            if entry.allSatisfy(\.isASCII) {
                #expect(set.contains(entry.uppercased()), "\(entry)")
                #expect(!set.contains(entry + "x") && !set.contains("x" + entry), "\(entry)")
            }
        }
    }

    @Test("many entries (the table grows past its first size), looked up in every case")
    func manyEntries() {
        let entries = Set((0..<300).map { "#tag\($0)" })
        let set = CaselessTextSet(lowercased: entries)
        for number in 0..<320 {
            #expect(set.contains("#TAG\(number)") == (number < 300))
            #expect(set.contains("#Tag\(number)") == (number < 300))
        }
    }
}
