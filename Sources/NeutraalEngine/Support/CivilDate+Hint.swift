/// What is wrong with a date that does not parse, for the hint of its error.
extension CivilDate {
    /// The hint for `text`, which is no date: a day or a month that does not exist when `text` is written
    /// `YYYY-MM-DD` (`2022-02-30`: "`2022-02` has 28 days"), else how to write one (`formats`, such as
    /// "write YYYY-MM-DD").
    public static func hint(for text: String, formats: String) -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return formats }
        guard (1...12).contains(month) else { return "there is no month \(parts[1]); \(formats)" }
        let days = daysInMonth(year: year, month: month)
        guard (1...days).contains(day) else { return "`\(parts[0])-\(parts[1])` has \(days) days" }
        return formats
    }
}
