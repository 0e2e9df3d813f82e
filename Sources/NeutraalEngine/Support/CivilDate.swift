/// Calendar dates as day numbers (days since 1970-01-01), parsed strictly from `YYYY-MM-DD`.
public enum CivilDate {
    /// The day number of a `YYYY-MM-DD` string, or nil when it is not a real date.
    public static func parse(_ text: String) -> Int32? {
        Array(text.utf8).withUnsafeBufferPointer { parse(utf8: $0) }
    }

    /// The day number of `YYYY-MM-DD` given as UTF-8 bytes, or nil when it is not a real date.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        var year = 0
        var month = 0
        var day = 0
        for index in 0..<10 where index != 4 && index != 7 {
            let digit = bytes[index] &- 48
            guard digit <= 9 else { return nil }
            if index < 4 {
                year = year * 10 + Int(digit)
            } else if index < 7 {
                month = month * 10 + Int(digit)
            } else {
                day = day * 10 + Int(digit)
            }
        }
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month) else { return nil }
        return Int32(daysFromCivil(year: year, month: month, day: day))
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
