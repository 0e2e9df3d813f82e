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
    ///
    /// Read as two little-endian words, `YYYY-MM-` and `DD`, rather than byte by byte: every description has a
    /// date, and the ten bytes are checked and their numbers made with a handful of word operations.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard bytes.count == 10, let base = bytes.baseAddress else { return nil }
        return parse(tenBytesAt: UnsafeRawPointer(base))
    }

    /// `parse(utf8:)` for the ten bytes at `raw`, which must be readable. Inlined into the reader's member
    /// loop, which reads a date between quotes where it finds one (every description has one): without a
    /// call, nor the checks of a buffer's size and address that the loop has made already.
    @inline(__always)
    static func parse(tenBytesAt raw: UnsafeRawPointer) -> Int32? {
        // xored with `0000-00-` and `00`: a digit becomes its value (only the bytes 0x30 to 0x39 give 0 to 9),
        // a dash 0
        let head = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) ^ 0x2D30_302D_3030_3030
        let tail = UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)) ^ 0x3030)
        // a byte's high bit is set where it is 0x80 or more, or (its low seven bits plus 0x76, no carry to the
        // next byte) above 9 in a digit's place; plus 0x7F in a dash's place, where anything but 0 is wrong
        let wrong = ((((head & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F76_767F_7676_7676) | head)
            | (((tail & 0x7F7F) &+ 0x7676) | tail)) & 0x8080_8080_8080_8080
        guard wrong == 0 else { return nil }
        // each byte times ten plus the next: the numbers of two digits (at most 99, no carry), of which those
        // that start at the bytes 0 and 2 (the year's halves) and 5 (the month) are taken
        let pairs = head &* 10 &+ head &>> 8
        let year = (pairs & 0xFF) &* 100 &+ (pairs &>> 16) & 0xFF
        let month = (pairs &>> 40) & 0xFF
        let day = (tail & 0xFF) &* 10 &+ tail &>> 8
        guard month >= 1, month <= 12, day >= 1, day <= length(ofMonth: UInt(month), in: UInt(year)) else { return nil }
        return dayNumber(year: UInt(year), month: UInt(month), day: UInt(day))
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
