import Foundation
import TiesCore

extension ICalendarReader {
    /// A parsed recurrence rule.
    struct Rule {
        enum Frequency: String {
            case daily = "DAILY"
            case weekly = "WEEKLY"
            case monthly = "MONTHLY"
            case yearly = "YEARLY"
        }
        var frequency: Frequency
        var interval = 1
        var count: Int?
        var until: CalendarTime?
        /// (ordinal or 0, ISO weekday 1–7)
        var byDay: [(ordinal: Int, weekday: Int)] = []
        var byMonthDay: [Int] = []
        var byMonth: [Int] = []
        var bySetPos: [Int] = []
        var weekStart = 1
    }

    enum RuleOutcome {
        case rule(Rule)
        case unsupported(String)
        case invalid(found: String, expected: String)
    }

    /// The days of one month that a monthly (or yearly, per month) rule selects, sorted.
    static func monthDays(_ rule: Rule, year: Int, month: Int, defaultDay: Int) -> [Day] {
        let n = Day.daysIn(month: month, year: year)
        guard let first = Day(year: year, month: month, day: 1) else { return [] }
        var fromMonthDay: Set<Int>?
        if !rule.byMonthDay.isEmpty {
            fromMonthDay = Set(rule.byMonthDay.map { $0 > 0 ? $0 : n + 1 + $0 }.filter { (1...n).contains($0) })
        }
        var fromWeekday: Set<Int>?
        if !rule.byDay.isEmpty {
            var set = Set<Int>()
            for (ordinal, weekday) in rule.byDay {
                let firstMatch = 1 + (weekday - first.isoWeekday + 7) % 7
                let matches = Array(stride(from: firstMatch, through: n, by: 7))
                if ordinal == 0 {
                    set.formUnion(matches)
                } else if ordinal > 0, ordinal <= matches.count {
                    set.insert(matches[ordinal - 1])
                } else if ordinal < 0, -ordinal <= matches.count {
                    set.insert(matches[matches.count + ordinal])
                }
            }
            fromWeekday = set
        }
        var days: Set<Int>
        switch (fromMonthDay, fromWeekday) {
        case let (a?, b?): days = a.intersection(b)
        case let (a?, nil): days = a
        case let (nil, b?): days = b
        case (nil, nil): days = defaultDay <= n ? [defaultDay] : []
        }
        return days.sorted().map { first + ($0 - 1) }
    }

    /// The candidates at the 1-based `positions` (negative counts from the end), in order.
    static func select(_ candidates: [Day], positions: [Int]) -> [Day] {
        var picked = Set<Int>()
        for p in positions {
            let index = p > 0 ? p - 1 : candidates.count + p
            if index >= 0 && index < candidates.count { picked.insert(index) }
        }
        return picked.sorted().map { candidates[$0] }
    }

    static let weekdayCodes = ["MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6, "SU": 7]

    /// Parses an `RRULE` value.
    static func parseRule(_ text: String, frame: CalendarTime.Frame) -> RuleOutcome {
        var parts: [(String, String)] = []
        for piece in text.split(separator: ";") where !piece.isEmpty {
            guard let eq = piece.firstIndex(of: "=") else {
                return .invalid(
                    found: String(piece),
                    expected: "NAME=value parts separated by semicolons, such as FREQ=WEEKLY;BYDAY=MO")
            }
            parts.append(
                (
                    piece[..<eq].uppercased().trimmingASCIISpaces(),
                    String(piece[piece.index(after: eq)...]).trimmingASCIISpaces()
                ))
        }
        guard let freqText = parts.first(where: { $0.0 == "FREQ" })?.1.uppercased() else {
            return .invalid(found: text, expected: "a rule with FREQ (DAILY, WEEKLY, MONTHLY or YEARLY)")
        }
        guard let frequency = Rule.Frequency(rawValue: freqText) else {
            if ["HOURLY", "MINUTELY", "SECONDLY"].contains(freqText) { return .unsupported("FREQ=\(freqText)") }
            return .invalid(found: "FREQ=" + freqText, expected: "FREQ=DAILY, WEEKLY, MONTHLY or YEARLY")
        }
        var rule = Rule(frequency: frequency)
        let hasByMonth = parts.contains { $0.0 == "BYMONTH" }
        for (name, value) in parts {
            if let stop = rule.read(name, value, frame: frame, hasByMonth: hasByMonth) { return stop }
        }
        return .rule(rule)
    }
}

extension ICalendarReader.Rule {
    /// The first day of one period of the rule (`period` intervals after the one holding DTSTART) and
    /// the days in it the rule selects, sorted; nil when the calendar runs out (after 9999).
    func days(inPeriod period: Int, from start: Day) -> (first: Day, days: [Day])? {
        let step = period * interval
        let (sy, sm, sd) = start.civil
        func monthOK(_ day: Day) -> Bool { byMonth.isEmpty || byMonth.contains(day.civil.month) }
        switch frequency {
        case .daily:
            let day = start + step
            guard day.civil.year <= 9999 else { return nil }
            guard monthOK(day) else { return (day, []) }
            if !byMonthDay.isEmpty {
                let (y, m, d) = day.civil
                let n = Day.daysIn(month: m, year: y)
                guard byMonthDay.contains(where: { ($0 > 0 ? $0 : n + 1 + $0) == d }) else { return (day, []) }
            }
            if !byDay.isEmpty, !byDay.contains(where: { $0.weekday == day.isoWeekday }) {
                return (day, [])
            }
            return (day, [day])
        case .weekly:
            let offset = (start.isoWeekday - weekStart + 7) % 7
            let firstDay = start - offset + 7 * step
            guard firstDay.civil.year <= 9999 else { return nil }
            let weekdays = byDay.isEmpty ? [start.isoWeekday] : byDay.map(\.weekday)
            var days: [Day] = []
            for k in 0..<7 {
                let day = firstDay + k
                if weekdays.contains(day.isoWeekday) && monthOK(day) { days.append(day) }
            }
            return (firstDay, days)
        case .monthly:
            let total = sy * 12 + (sm - 1) + step
            let (year, month) = (total / 12, total % 12 + 1)
            guard year <= 9999, let first = Day(year: year, month: month, day: 1) else { return nil }
            if !byMonth.isEmpty && !byMonth.contains(month) { return (first, []) }
            return (first, ICalendarReader.monthDays(self, year: year, month: month, defaultDay: sd))
        case .yearly:
            let year = sy + step
            guard year <= 9999, let first = Day(year: year, month: 1, day: 1) else { return nil }
            let months =
                !byMonth.isEmpty
                ? byMonth.sorted()
                : (byMonthDay.isEmpty && byDay.isEmpty ? [sm] : Array(1...12))
            return (
                first, months.flatMap { ICalendarReader.monthDays(self, year: year, month: $0, defaultDay: sd) }
            )
        }
    }

    /// Reads one `NAME=value` part of the rule (FREQ is read already); nil to go on, or why the rule stops:
    /// a part Ties does not expand, or one that is malformed.
    /// - Parameter hasByMonth: whether the rule has a `BYMONTH` part (a yearly `BYDAY` with an ordinal needs one).
    mutating func read(
        _ name: String, _ value: String, frame: CalendarTime.Frame, hasByMonth: Bool
    ) -> ICalendarReader.RuleOutcome? {
        switch name {
        case "FREQ": return nil
        case "INTERVAL":
            guard let n = Int(value), (1...10_000).contains(n) else {
                return .invalid(found: "INTERVAL=" + value, expected: "INTERVAL as a whole number from 1 to 10000")
            }
            interval = n
        case "COUNT":
            guard let n = Int(value), n >= 1 else {
                return .invalid(found: "COUNT=" + value, expected: "COUNT as a whole number of at least 1")
            }
            count = n
        case "UNTIL":
            let untilFrame: CalendarTime.Frame = value.hasSuffix("Z") || value.hasSuffix("z") ? .utc : frame
            guard let parsed = ICalendarReader.parseTime(value, frame: untilFrame, dateOnly: value.count == 8) else {
                return .invalid(
                    found: "UNTIL=" + value, expected: "UNTIL as a date 20240601 or a date-time 20240601T000000Z")
            }
            until = parsed
        case "BYDAY":
            for item in value.uppercased().split(separator: ",") {
                let code = String(item.suffix(2))
                let ordinalText = item.dropLast(2)
                guard let weekday = ICalendarReader.weekdayCodes[code],
                    ordinalText.isEmpty || (Int(ordinalText).map { $0 != 0 && abs($0) <= 53 } ?? false)
                else {
                    return .invalid(
                        found: "BYDAY=" + value,
                        expected:
                            "BYDAY as weekdays MO, TU, WE, TH, FR, SA, SU, optionally with an ordinal such as 2TU or -1FR"
                    )
                }
                let ordinal = Int(ordinalText) ?? 0
                if ordinal != 0 && frequency == .yearly && !hasByMonth {
                    return .unsupported("BYDAY with an ordinal in a yearly rule without BYMONTH")
                }
                byDay.append((frequency == .daily || frequency == .weekly ? 0 : ordinal, weekday))
            }
        case "BYMONTHDAY":
            guard let days = Self.integers(value, 1...31, allowNegative: true) else {
                return .invalid(
                    found: "BYMONTHDAY=" + value,
                    expected: "BYMONTHDAY as days 1 to 31 (or -1 to -31 from the month's end)")
            }
            byMonthDay = days
        case "BYMONTH":
            guard let months = Self.integers(value, 1...12, allowNegative: false) else {
                return .invalid(found: "BYMONTH=" + value, expected: "BYMONTH as months 1 to 12")
            }
            byMonth = months
        case "BYSETPOS":
            guard let positions = Self.integers(value, 1...366, allowNegative: true) else {
                return .invalid(
                    found: "BYSETPOS=" + value,
                    expected: "BYSETPOS as positions 1 to 366 (or negative from the end)")
            }
            bySetPos = positions
        case "WKST":
            guard let weekday = ICalendarReader.weekdayCodes[value.uppercased()] else {
                return .invalid(found: "WKST=" + value, expected: "WKST as a weekday MO, TU, WE, TH, FR, SA or SU")
            }
            weekStart = weekday
        case "BYHOUR", "BYMINUTE", "BYSECOND", "BYWEEKNO", "BYYEARDAY":
            return .unsupported(name)
        default:
            if name.hasPrefix("X-") { return nil }
            return .invalid(
                found: name + "=" + value,
                expected:
                    "a rule part RFC 5545 defines (FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, WKST...)"
            )
        }
        return nil
    }

    /// The comma-separated whole numbers of a `BY...` part, each in `range` (by magnitude), or nil.
    private static func integers(_ value: String, _ range: ClosedRange<Int>, allowNegative: Bool) -> [Int]? {
        var out: [Int] = []
        for item in value.split(separator: ",") {
            guard let n = Int(item.trimmingASCIISpaces()), n != 0, range.contains(abs(n)), allowNegative || n > 0
            else { return nil }
            out.append(n)
        }
        return out.isEmpty ? nil : out
    }
}
