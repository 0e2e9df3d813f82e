/// A calendar's periods as a table of days, which the calendar derivation looks each record's date up in:
/// one load in place of a look at every period for a day outside them all (most records' days, some
/// thirty-five instructions a record for the seven periods of the election calendar).
extension Calendar {
    /// The most days a day table covers (a hundred years and more); periods spread further are looked through.
    static var maximumTableDays: Int { 40_000 }

    /// The day table of `periods` (see `dayTable`) and its first day: for each day from the first period's start
    /// to the last period's end, the place of the first period holding it plus one, as `period(containing:)`
    /// finds it (an earlier period wins where periods overlap), 0 for a day in none. Empty (with the first day 0)
    /// for no periods, more than 255, or more than `maximumTableDays` days.
    static func dayTable(of periods: [Period]) -> (firstDay: Int32, table: [UInt8]) {
        let spans = periods.filter { $0.from <= $0.until }
        guard periods.count <= Int(UInt8.max), let first = spans.map(\.from).min(), let last = spans.map(\.until).max(),
              Int(last) - Int(first) < maximumTableDays else { return (0, []) }
        var table = [UInt8](repeating: 0, count: Int(last) - Int(first) + 1)
        // the later periods first, so that an earlier one holding the same day is written over them
        for (place, period) in periods.enumerated().reversed() where period.from <= period.until {
            for day in Int(period.from)...Int(period.until) { table[day - Int(first)] = UInt8(place + 1) }
        }
        return (first, table)
    }

    /// The place in `periods` of the period `day` falls in, as `period(containing:)` finds it: looked up in the
    /// day table where there is one.
    @inline(__always)
    func periodIndex(containing day: Int32) -> Int? {
        guard !dayTable.isEmpty else { return periods.firstIndex { $0.from <= day && day <= $0.until } }
        let offset = Int(day) - Int(firstDay)
        guard offset >= 0, offset < dayTable.count else { return nil }
        let place = Int(dayTable[offset])
        return place == 0 ? nil : place - 1
    }
}
