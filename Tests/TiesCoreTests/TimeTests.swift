import Foundation
import Testing
import TiesNumerics

@testable import TiesCore

@Suite("Days and dates")
struct TimeTests {
    @Test("days round-trip through year, month, day for every day of 1900–2100")
    func civilRoundTrip() {
        let first = Day(year: 1900, month: 1, day: 1)!
        let last = Day(year: 2100, month: 12, day: 31)!
        var previous: (Int, Int, Int)?
        for ordinal in first.ordinal...last.ordinal {
            let day = Day(ordinal: ordinal)
            let (y, m, d) = day.civil
            #expect(Day(year: y, month: m, day: d) == day)
            if let (py, pm, pd) = previous {
                // Consecutive ordinals are consecutive calendar days.
                #expect((y, m, d) > (py, pm, pd))
            }
            previous = (y, m, d)
        }
    }

    @Test("known days: the epoch, leap days, the ISO weekday")
    func knownDays() {
        #expect(Day(year: 1970, month: 1, day: 1)?.ordinal == 0)
        #expect(Day(year: 2000, month: 2, day: 29)?.ordinal == 11_016)
        #expect(Day(year: 2026, month: 11, day: 27)?.description == "2026-11-27")
        #expect(Day(year: 2026, month: 11, day: 27)?.isoWeekday == 5)  // a Friday
        #expect(Day(year: 1900, month: 2, day: 29) == nil)
        #expect(Day(year: 2026, month: 2, day: 29) == nil)
        #expect(Day(year: 2026, month: 4, day: 31) == nil)
        #expect(Day(year: 2026, month: 13, day: 1) == nil)
    }

    @Test(
        "date inputs that are accepted",
        arguments: [
            ("2026-03-14", "day 2026-03-14"),
            ("2026-03-14T09:30", "1773480600"),
            ("2026-03-14 09:30", "1773480600"),
            ("2026-03-14T09:30:15Z", "1773480615"),
            ("2026-03-14T09:30:00+01:00", "1773477000"),
            ("2026-03-14T09:30:00-0500", "1773498600"),
            ("2026-03-14T09:30:00.250Z", "1773480600.25"),
        ])
    func accepted(text: String, expected: String) throws {
        let utc = TimeZone(identifier: "UTC")!
        switch try DateInput.parse(text, field: "--at", timeZone: utc) {
        case .day(let day): #expect("day \(day)" == expected)
        case .instant(let date):
            let seconds = date.timeIntervalSince1970
            #expect((seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)) == expected)
        }
    }

    @Test(
        "date inputs that are refused name the field and what is accepted",
        arguments: [
            "", "yesterday", "2026-3-14", "2026-02-30", "2026-03-14T25:00", "2026-03-14T09:60",
            "2026-03-14T09:30:00+25:00",
            "2026-03-14T09:30Zjunk", "14/03/2026", "2026-03-14T", "2026-03-14T09:30:00.",
        ])
    func refused(text: String) {
        #expect {
            try DateInput.parse(text, field: "--at", timeZone: .gmt)
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.field == "--at" && error.value == text && error.description.contains("YYYY-MM-DD")
        }
    }

    @Test("a time without offset is read in the user's time zone, including across daylight saving")
    func localTimes() throws {
        let chicago = TimeZone(identifier: "America/Chicago")!
        // 2026-03-08 is the day US clocks spring forward: 09:00 is already CDT (UTC-5).
        guard case .instant(let summer) = try DateInput.parse("2026-03-08T09:00", field: "x", timeZone: chicago) else {
            Issue.record("expected an instant")
            return
        }
        #expect(summer.timeIntervalSince1970 == 1_772_978_400)
        guard case .instant(let winter) = try DateInput.parse("2026-03-07T09:00", field: "x", timeZone: chicago) else {
            Issue.record("expected an instant")
            return
        }
        #expect(winter.timeIntervalSince1970 == 1_772_895_600)
    }

    @Test("the day mapper decides day boundaries in the given zone")
    func dayMapper() {
        var tokyo = DayMapper(timeZone: TimeZone(identifier: "Asia/Tokyo")!)
        var utc = DayMapper(timeZone: TimeZone(identifier: "UTC")!)
        var chicago = DayMapper(timeZone: TimeZone(identifier: "America/Chicago")!)
        let lateEvening: Int64 = 1_773_444_600  // 2026-03-13T23:30:00Z
        #expect(utc.day(forEpochSeconds: lateEvening).description == "2026-03-13")
        #expect(tokyo.day(forEpochSeconds: lateEvening).description == "2026-03-14")
        #expect(chicago.day(forEpochSeconds: lateEvening).description == "2026-03-13")
        #expect(utc.day(forEpochSeconds: -1).description == "1969-12-31")
        // Across a year of instants every hour, the mapper agrees with Foundation's calendar.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = chicago.timeZone
        for hour in stride(from: 0, to: 366 * 24, by: 5) {
            let seconds: Int64 = 1_767_225_600 + Int64(hour) * 3600
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            #expect(
                chicago.day(forEpochSeconds: seconds) == Day(year: parts.year!, month: parts.month!, day: parts.day!))
        }
        // The start of a day is local midnight.
        #expect(chicago.start(of: Day(year: 2026, month: 7, day: 4)!).timeIntervalSince1970 == 1_783_141_200)
        #expect(chicago.end(of: Day(year: 2026, month: 7, day: 4)!).timeIntervalSince1970 == 1_783_227_599)
    }

    @Test(
        "the day mapper agrees with the calendar for instants in no order, around transitions too",
        arguments: ["America/New_York", "Europe/London", "Australia/Lord_Howe", "America/Sao_Paulo", "Asia/Tokyo"])
    func dayMapperInNoOrder(zone: String) {
        let timeZone = TimeZone(identifier: zone)!
        var mapper = DayMapper(timeZone: timeZone)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var instants: [Int64] = []
        // Each transition of 1995–2030, with the seconds on both sides and an hour away.
        var date = Date(timeIntervalSince1970: 788_918_400)
        while let next = timeZone.nextDaylightSavingTimeTransition(after: date), next.timeIntervalSince1970 < 1.9e9 {
            let t = Int64(next.timeIntervalSince1970)
            instants += [t - 3600, t - 1, t, t + 1, t + 3600]
            date = next
        }
        var g = SeededGenerator(seed: 7)
        instants += (0..<5000).map { _ in Int64.random(in: 0..<2_000_000_000, using: &g) }
        instants.shuffle(using: &g)
        for seconds in instants {
            let parts = calendar.dateComponents(
                [.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            #expect(
                mapper.day(forEpochSeconds: seconds) == Day(year: parts.year!, month: parts.month!, day: parts.day!),
                "\(zone) at \(seconds)")
        }
    }
}
