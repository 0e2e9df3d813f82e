import Foundation
import Testing

/// `neutraal rules`: one line per rule, its columns (id, verdict, kinds, title and source) apart.
@Suite("rules listing")
struct RulesListTests {
    @Test("every column stays apart, also a rule that applies to many kinds", arguments: ["nl", "en"])
    func columnsApart(_ language: String) throws {
        let result = InProcess.run(["rules", "--rules", PackageRoot.path + "/Rules", "--lang", language])
        #expect(result.status == 0, "\(result)")
        let lines = result.outLines.filter { !$0.isEmpty && !$0.contains(" rules; rule set ") }
        #expect(!lines.isEmpty)
        for line in lines {
            // id, verdict, kinds, title and source: separated by at least two spaces
            let columns = line.split(separator: "  ", omittingEmptySubsequences: true).map { $0.trimmingCharacters() }
            #expect(columns.count >= 5, "columns run together: \(line)")
            let kinds = columns.count > 2 ? columns[2] : ""
            #expect(kinds == "any" || kinds.split(separator: ",").allSatisfy { !$0.contains(" ") }, "kinds column: \(line)")
        }
        let rvo = try #require(lines.first { $0.hasPrefix("RVO-01 ") })
        #expect(rvo.contains("post,speech,media-statement  "), "\(rvo)")
        #expect(!rvo.contains("media-statementOok"), "\(rvo)")
    }
}

private extension Substring {
    func trimmingCharacters() -> String {
        String(self).trimmingCharacters(in: .whitespaces)
    }
}
