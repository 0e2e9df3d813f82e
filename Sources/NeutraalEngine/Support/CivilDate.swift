/// Calendar dates as day numbers (days since 1970-01-01), parsed strictly from `YYYY-MM-DD`.
public enum CivilDate {
    /// The days `parse` accepts, for hints and documentation: every real day with a four-digit year. A
    /// description's `date` and `--as-of` take the same days.
    public static let range = "0000-01-01 to 9999-12-31"

    /// The day number of a `YYYY-MM-DD` string, or nil when it is not a real date.
    public static func parse(_ text: String) -> Int32? {
        Array(text.utf8).withUnsafeBufferPointer { parse(utf8: $0) }
    }

    /// The day number of `YYYY-MM-DD` given as UTF-8 bytes, or nil when it is not a real date.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = digits(bytes, 0, 4), let month = digits(bytes, 5, 2), let day = digits(bytes, 8, 2),
              month >= 1, month <= 12, day >= 1, day <= length(ofMonth: month, in: year) else { return nil }
        return dayNumber(year: year, month: month, day: day)
    }

    /// `daysInMonth` for a month of 1 to 12 in a year that is not negative, without a call or a signed
    /// remainder: 31 or 30 days alternating, the odd months long up to July and the even ones from August on.
    @inline(__always)
    private static func length(ofMonth month: UInt, in year: UInt) -> UInt {
        if month == 2 { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28 }
        return 30 &+ ((month &+ month / 8) & 1)
    }

    /// `daysFromCivil` for a real date with a four-digit year (as `parse` reads it), in unsigned arithmetic:
    /// the year is counted from March (January and February belong to the year before) and moved 400 years
    /// on, so that it is never negative (year 0's January falls in year -1 otherwise) and the divisions by
    /// constants need no sign correction; the 400 years (146,097 days) are taken off again at the end.
    @inline(__always)
    private static func dayNumber(year: UInt, month: UInt, day: UInt) -> Int32 {
        let marchYear = month <= 2 ? year &+ 399 : year &+ 400
        let marchMonth = month <= 2 ? month &+ 9 : month &- 3
        // the days before the first of the month, counted from the first of March
        let dayOfYear = (153 &* marchMonth &+ 2) / 5 &+ day &- 1
        let days = marchYear &* 365 &+ marchYear / 4 &- marchYear / 100 &+ marchYear / 400 &+ dayOfYear
        // 719,468 days from 0000-03-01 to 1970-01-01, and the 400 years added above
        return Int32(truncatingIfNeeded: Int(bitPattern: days) &- 719_468 &- 146_097)
    }

    /// The number written in ASCII digits as `bytes[start..<start + count]` (within the buffer), or nil
    /// when one of them is not a digit.
    @inline(__always)
    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> UInt? {
        var value: UInt = 0
        var bad: UInt8 = 0
        for index in start..<start + count {
            let digit = bytes[index] &- 48
            // a byte below "0" wraps around above 9 too; no early exit, so the loop stays branch-free
            bad |= digit > 9 ? 1 : 0
            value = value &* 10 &+ UInt(digit)
        }
        return bad == 0 ? value : nil
    }

    /// `YYYY-MM-DD` for a day number.
    public static func format(_ dayNumber: Int32) -> String {
        let (year, month, day) = civilFromDays(Int(dayNumber))
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Today's day number in UTC.
    public static func today() -> Int32 {
        Int32((Double(clockSeconds()) / 86_400).rounded(.down))
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's algorithms.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
