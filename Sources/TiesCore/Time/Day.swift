import Foundation

/// A calendar day in the user's time zone, counted from 1970-01-01.
///
/// Day-episodes, cadence gaps and "as of" dates all work in whole days. Converting between ``Day`` and
/// text uses the proleptic Gregorian calendar arithmetic of H. Hinnant's `days_from_civil`, so it needs no
/// `Calendar` and is the same on every machine.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// The day with the given year, month (1–12) and day of month, or nil if there is no such day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146_097 + doe - 719_468
    }

    /// Year, month and day of month.
    public var civil: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// ISO 8601 `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = civil
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    /// ISO weekday, Monday = 1 ... Sunday = 7.
    public var isoWeekday: Int { ((ordinal + 3) % 7 + 7) % 7 + 1 }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
    public static func + (day: Day, n: Int) -> Day { Day(ordinal: day.ordinal + n) }
    public static func - (day: Day, n: Int) -> Day { Day(ordinal: day.ordinal - n) }
    public static func - (a: Day, b: Day) -> Int { a.ordinal - b.ordinal }
}
