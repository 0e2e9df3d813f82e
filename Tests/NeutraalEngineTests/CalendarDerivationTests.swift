import Testing
@testable import NeutraalEngine

/// The calendar derivation: the period a date falls in, as `Calendar.period(containing:)` finds it, written
/// only where the target is empty and the source holds a date.
@Suite("Calendar derivation")
struct CalendarDerivationTests {
    static let calendars = [
        NeutraalEngine.Calendar(name: "other", title: "", periods: [NeutraalEngine.Calendar.Period(name: "never", from: -5, until: -1)]),
        NeutraalEngine.Calendar(name: "elections", title: "", periods: [
            NeutraalEngine.Calendar.Period(name: "spring", from: 10, until: 20),
            NeutraalEngine.Calendar.Period(name: "overlap", from: 18, until: 25),
            NeutraalEngine.Calendar.Period(name: String(repeating: "long name ", count: 4), from: 40, until: 40),
        ]),
    ]
    static let derivation = Derivation(name: "period", title: "", targetSlot: 1, sourceSlot: 0, op: .calendar(1))

    static func derive(_ source: FactValue?, target: FactValue? = nil) -> FactValue? {
        var record = Record(slotCount: 2)
        record.values[0] = source
        record.values[1] = target
        Derivations.apply([derivation], calendars: calendars, to: &record)
        return record.values[1]
    }

    @Test("every day gets the first period that holds it, or nothing")
    func days() {
        for day: Int32 in 0...45 {
            let expected = Self.calendars[1].period(containing: day)?.name
            if case .string(let name)? = Self.derive(.date(day)) {
                #expect(name == expected, "day \(day)")
            } else {
                #expect(expected == nil, "day \(day)")
            }
        }
    }

    @Test("the day table finds the first period holding each day, as the periods looked through do; periods spread too far, too many or empty are looked through")
    func dayTables() {
        typealias Period = NeutraalEngine.Calendar.Period
        let far = Int32(NeutraalEngine.Calendar.maximumTableDays) + 10
        let cases: [[Period]] = [
            Self.calendars[1].periods,
            [Period(name: "late", from: 30, until: 35), Period(name: "wide", from: 0, until: 50), Period(name: "empty", from: 9, until: 3)],
            [Period(name: "near", from: 5, until: 6), Period(name: "far", from: far, until: far + 2)],
            (0..<300).map { Period(name: "day \($0)", from: Int32($0), until: Int32($0)) },
            [Period(name: "empty", from: 9, until: 3)],
            [],
        ]
        for periods in cases {
            let calendar = NeutraalEngine.Calendar(name: "test", title: "", periods: periods)
            let days: [Int32] = Array(-3...60) + [299, 300, far - 1, far, far + 1, far + 2, far + 3, .min, .max]
            for day in days {
                let expected = periods.firstIndex { $0.from <= day && day <= $0.until }
                #expect(calendar.periodIndex(containing: day) == expected, "day \(day) of \(periods.count) periods")
            }
        }
        #expect(NeutraalEngine.Calendar(name: "test", title: "", periods: cases[0]).dayTable.count == 31)
        #expect(NeutraalEngine.Calendar(name: "test", title: "", periods: cases[2]).dayTable.count == 0)
        #expect(NeutraalEngine.Calendar(name: "test", title: "", periods: cases[3]).dayTable.count == 0)
    }

    @Test("a target already written, or a source that is not a date, is left alone")
    func leftAlone() {
        guard case .string(let kept)? = Self.derive(.date(12), target: .string("given")) else {
            Issue.record("the written target was replaced")
            return
        }
        #expect(kept == "given")
        #expect(Self.derive(.string("2020-01-01")) == nil)
        #expect(Self.derive(nil) == nil)
    }
}
