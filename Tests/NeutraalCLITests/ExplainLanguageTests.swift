import Testing

/// `neutraal explain RULE-ID --lang`: the option its help lists changes what is shown, and the default stays as it was.
@Suite("explain --lang")
struct ExplainLanguageTests {
    @Test("--lang en puts the English message first and drops the Dutch gloss of the verdict")
    func english() throws {
        let workspace = try Workspace()
        let dutch = InProcess.run(["explain", "CLI-SPECIFIC", "--rules", workspace.rules])
        let english = InProcess.run(["explain", "CLI-SPECIFIC", "--rules", workspace.rules, "--lang", "en"])
        #expect(dutch.status == 0 && english.status == 0, "\(dutch)\n\(english)")
        #expect(dutch.out.contains("  verdict: violation (niet toegestaan)\n"), "\(dutch)")
        #expect(english.out.contains("  verdict: violation\n"), "\(english)")
        #expect(!english.out.contains("niet toegestaan"), "\(english)")
        let dutchOrder = dutch.outLines.filter { $0.hasPrefix("  message (") }
        let englishOrder = english.outLines.filter { $0.hasPrefix("  message (") }
        #expect(dutchOrder.map { String($0.prefix(14)) } == ["  message (nl)", "  message (en)"])
        #expect(englishOrder.map { String($0.prefix(14)) } == ["  message (en)", "  message (nl)"])
        #expect(english.out != dutch.out, "--lang is not ignored")
    }
}
