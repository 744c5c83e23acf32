import TiesCore

/// The rules of a calendar's own `VTIMEZONE`, for a `TZID` that no table knows (Outlook's "Customized
/// Time Zone", Lotus Notes' names).
///
/// Each observance (`STANDARD` or `DAYLIGHT`) starts at its `DTSTART` and, with a yearly `RRULE`, again
/// every year on the day its `BYMONTH` and `BYDAY` (or `BYMONTHDAY`) name, until its `UNTIL`. The offset
/// in force at a wall-clock time is the `TZOFFSETTO` of the observance that started last before it.
/// Wall-clock times are compared as written, so a time in the hour a change skips or repeats takes the
/// offset of the later observance. `RDATE`s of observances are not read.
struct ZoneRules {
    struct Observance {
        var start: LocalTime
        /// Seconds east of UTC before and after the observance starts.
        var offsetFrom: Int
        var offsetTo: Int
        /// From a `FREQ=YEARLY` rule: the month, and the day as a month day or as (ordinal, ISO weekday).
        var month: Int?
        var monthDay: Int?
        var weekday: (ordinal: Int, weekday: Int)?
        var until: LocalTime?
    }

    var observances: [Observance]

    /// Seconds east of UTC in force at the wall-clock time `local`.
    func offset(at local: LocalTime) -> Int {
        var latest: (onset: LocalTime, offset: Int)?
        for observance in observances {
            guard let onset = observance.lastOnset(notAfter: local) else { continue }
            if latest == nil || onset > latest!.onset { latest = (onset, observance.offsetTo) }
        }
        if let latest { return latest.offset }
        // Before every observance: the offset the earliest one changes from.
        return observances.min { $0.start < $1.start }?.offsetFrom ?? 0
    }

    /// `+0100`, `-0500` or `+053000` as seconds east of UTC; nil when malformed.
    static func parseOffset(_ text: String) -> Int? {
        let b = Array(text.utf8)
        guard b.count == 5 || b.count == 7, b[0] == 0x2B || b[0] == 0x2D,
            b.dropFirst().allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return nil }
        let n = b.dropFirst().map { Int($0 - 0x30) }
        let seconds = (n[0] * 10 + n[1]) * 3600 + (n[2] * 10 + n[3]) * 60 + (b.count == 7 ? n[4] * 10 + n[5] : 0)
        return b[0] == 0x2D ? -seconds : seconds
    }
}

extension ZoneRules.Observance {
    /// The latest start of this observance at or before `local`, or nil when it starts later.
    func lastOnset(notAfter local: LocalTime) -> LocalTime? {
        guard start <= local else { return nil }
        let limit = until.map { min($0, local) } ?? local
        var latest = start
        let year = limit.day.civil.year
        for y in [year - 1, year] {
            guard let day = onsetDay(year: y) else { continue }
            let onset = LocalTime(day: day, second: start.second)
            if onset > latest && onset <= limit { latest = onset }
        }
        return latest
    }

    /// The day the yearly rule names in `year`, or nil without a rule (or when the month lacks that day).
    func onsetDay(year: Int) -> Day? {
        guard let month, let first = Day(year: year, month: month, day: 1) else { return nil }
        if let monthDay { return Day(year: year, month: month, day: monthDay) }
        guard let (ordinal, weekday) = weekday else { return nil }
        let length = (28...31).last { Day(year: year, month: month, day: $0) != nil } ?? 28
        if ordinal >= 0 {
            let day = 1 + (weekday - first.isoWeekday + 7) % 7 + 7 * max(ordinal - 1, 0)
            return day <= length ? first + (day - 1) : nil
        }
        let last = first + (length - 1)
        let day = length - (last.isoWeekday - weekday + 7) % 7 - 7 * (-ordinal - 1)
        return day >= 1 ? first + (day - 1) : nil
    }
}
