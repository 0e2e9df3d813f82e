import Testing
@testable import NeutraalEngine

/// Parsing `YYYY-MM-DD`: every real date comes back as its day number, nothing else is a date.
@Suite("Civil dates")
struct CivilDateTests {
    @Test("every day from 1600 to 2400 is formatted and parsed back to itself")
    func roundTrip() {
        let first = CivilDate.daysFromCivil(year: 1600, month: 1, day: 1)
        let last = CivilDate.daysFromCivil(year: 2400, month: 12, day: 31)
        for day in first...last {
            #expect(CivilDate.parse(CivilDate.format(Int32(day))) == Int32(day))
        }
    }

    @Test("what is not a real date in the form YYYY-MM-DD is not parsed", arguments: [
        "2023-02-29", "2024-02-30", "1900-02-29", "2023-04-31", "2023-13-01", "2023-00-10", "2023-01-00", "2023-01-32",
        "2023-1-01", "2023-01-1", "23-01-01", "2023/01/01", "2023-01-01T", " 2023-01-01", "2023-01-0a", "2023-0:-01",
        "2023-01-0/", "20a3-01-01", "2023-01-01 ", "", "2023-01-1\u{0}", "２０２３-01-01",
    ])
    func notDates(_ text: String) {
        #expect(CivilDate.parse(text) == nil)
    }

    @Test("the range told to users is the range parsed: its ends are dates, the days beyond them are not")
    func statedRange() throws {
        let ends = CivilDate.range.split(separator: " to ").map(String.init)
        #expect(ends.count == 2)
        let first = try #require(CivilDate.parse(ends[0]))
        let last = try #require(CivilDate.parse(ends[1]))
        #expect(CivilDate.parse(CivilDate.format(first - 1)) == nil)
        #expect(CivilDate.parse(CivilDate.format(last + 1)) == nil)
    }

    @Test("every year from 0000 to 9999 parses as Hinnant's algorithm counts it, around its leap day and at its ends")
    func everyYear() {
        let days = [(1, 1), (1, 31), (2, 1), (2, 28), (3, 1), (6, 15), (12, 31)]
        for year in 0...9999 {
            let spelled = String(repeating: "0", count: 4 - String(year).count) + String(year)
            for (month, day) in days {
                let text = "\(spelled)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
                #expect(CivilDate.parse(text) == Int32(CivilDate.daysFromCivil(year: year, month: month, day: day)))
            }
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            #expect((CivilDate.parse("\(spelled)-02-29") != nil) == leap)
        }
    }

    @Test("leap days and the ends of months")
    func edges() {
        #expect(CivilDate.parse("2024-02-29") == Int32(CivilDate.daysFromCivil(year: 2024, month: 2, day: 29)))
        #expect(CivilDate.parse("2000-02-29") == Int32(CivilDate.daysFromCivil(year: 2000, month: 2, day: 29)))
        #expect(CivilDate.parse("1970-01-01") == 0)
        #expect(CivilDate.parse("0000-03-01") == Int32(CivilDate.daysFromCivil(year: 0, month: 3, day: 1)))
        #expect(CivilDate.parse("9999-12-31") == Int32(CivilDate.daysFromCivil(year: 9999, month: 12, day: 31)))
    }
}
