import Foundation
import TiesCore

/// A wall-clock time: a day and a second within it.
struct LocalTime: Hashable, Comparable {
    var day: Day
    var second: Int

    /// Seconds since 1970-01-01T00:00 of this wall clock (not an instant).
    var epoch: Int64 { Int64(day.ordinal) * 86_400 + Int64(second) }

    static func < (a: LocalTime, b: LocalTime) -> Bool { a.epoch < b.epoch }
}

/// A `DATE` or `DATE-TIME` value and how to read it.
struct CalendarTime {
    enum Frame {
        case utc
        case zone(TimeZone)
        /// A `TZID` no table knows, read by the calendar's own `VTIMEZONE`.
        case rules(ZoneRules)
        /// No zone: the user's time zone.
        case floating
        /// A date without a time (all-day): the user's time zone.
        case date
    }
    var local: LocalTime
    var frame: Frame

    var isDate: Bool {
        if case .date = frame { return true }
        return false
    }
}

/// Converts wall-clock times in one zone to instants, quickly.
struct ZoneClock {
    var mapper: DayMapper

    init(_ zone: TimeZone) { mapper = DayMapper(timeZone: zone) }

    mutating func instant(_ local: LocalTime) -> Int64 {
        let wall = local.epoch
        return wall - mapper.offset(at: wall - mapper.offset(at: wall))
    }
}

/// A `VTIMEZONE` being read: its `TZID`, its `X-LIC-LOCATION` and the observances read so far.
struct TimeZoneComponent {
    var id: String?
    var location: String?
    var observances: [ZoneRules.Observance] = []

    /// Reads one of the component's own properties.
    mutating func read(_ property: ContentLine) {
        let value = { String(decoding: property.value, as: UTF8.self).trimmingASCIISpaces() }
        if property.name == "TZID" { id = value() }
        if property.name == "X-LIC-LOCATION" { location = value() }
    }
}

/// A `STANDARD` or `DAYLIGHT` observance being read: its `DTSTART`, `TZOFFSETFROM`, `TZOFFSETTO` and `RRULE`.
struct ObservanceComponent {
    var start: LocalTime?
    var from: Int?
    var to: Int?
    var rule: ICalendarReader.Rule?

    /// Reads one of the observance's properties.
    mutating func read(_ property: ContentLine) {
        let value = String(decoding: property.value, as: UTF8.self).trimmingASCIISpaces()
        switch property.name {
        case "DTSTART": start = ICalendarReader.parseTime(value, frame: .floating, dateOnly: false)?.local
        case "TZOFFSETFROM": from = ZoneRules.parseOffset(value)
        case "TZOFFSETTO": to = ZoneRules.parseOffset(value)
        case "RRULE":
            if case .rule(let rule) = ICalendarReader.parseRule(value, frame: .floating) { self.rule = rule }
        default: break
        }
    }

    /// The observance, when its start and both offsets were read; only a yearly rule is kept.
    var observance: ZoneRules.Observance? {
        guard let start, let from, let to else { return nil }
        let yearly = rule.flatMap { $0.frequency == .yearly ? $0 : nil }
        return ZoneRules.Observance(
            start: start, offsetFrom: from, offsetTo: to, month: yearly?.byMonth.first,
            monthDay: yearly?.byMonthDay.first, weekday: yearly?.byDay.first, until: yearly?.until?.local)
    }
}

extension ICalendarReader.Reader {
    /// The zone a `TZID` names by the tables (with the file's `X-LIC-LOCATION` hints), cached; nil when none.
    mutating func zone(named tzid: String) -> TimeZone? {
        if let cached = zones[tzid] { return cached }
        let resolved = TimeZoneNames.resolve(tzid, hints: tzHints)
        zones[tzid] = resolved
        return resolved
    }

    mutating func instant(_ time: CalendarTime) -> Int64 { instant(time.local, frame: time.frame) }

    /// The instant of a wall-clock time read in `frame`.
    mutating func instant(_ local: LocalTime, frame: CalendarTime.Frame) -> Int64 {
        switch frame {
        case .utc: return local.epoch
        case .zone(let zone): return instant(local, in: zone)
        case .rules(let rules): return local.epoch - Int64(rules.offset(at: local))
        case .floating, .date: return instant(local, in: options.timeZone)
        }
    }

    /// The instant of a wall-clock time in `zone`, through a cached ``ZoneClock`` per zone.
    mutating func instant(_ local: LocalTime, in zone: TimeZone) -> Int64 {
        clocks[zone.identifier, default: ZoneClock(zone)].instant(local)
    }
}

extension ICalendarReader {
    /// What a date-time value accepts, for error messages.
    static let acceptedDateTime =
        "a date-time such as 20240312T140000Z, 20240312T090000 (with or without TZID) or a date 20240312"

    /// `20240312T140000Z` (UTC), `20240312T140000` (in `frame`), or `20240312` (a date, also written
    /// `20240312Z`); nil otherwise.
    static func parseTime(_ text: String, frame: CalendarTime.Frame, dateOnly: Bool) -> CalendarTime? {
        let b = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= b.count else { return nil }
            var n = 0
            for i in range {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        guard b.count >= 8, let y = digits(0..<4), let m = digits(4..<6), let d = digits(6..<8),
            let day = Day(year: y, month: m, day: d)
        else { return nil }
        // Google Calendar's birthdays calendar writes a date with a `Z` after it (`RDATE:20131210Z`).
        if b.count == 8 || b.count == 9 && (b[8] == 0x5A || b[8] == 0x7A) {
            return CalendarTime(local: LocalTime(day: day, second: 0), frame: .date)
        }
        guard !dateOnly, b.count == 15 || (b.count == 16 && (b[15] == 0x5A || b[15] == 0x7A)),
            b[8] == 0x54 || b[8] == 0x74,
            let hh = digits(9..<11), let mm = digits(11..<13), let ss = digits(13..<15),
            hh < 24, mm < 60, ss <= 60
        else { return nil }
        let local = LocalTime(day: day, second: hh * 3600 + mm * 60 + min(ss, 59))
        return CalendarTime(local: local, frame: b.count == 16 ? .utc : frame)
    }

    /// An RFC 5545 duration (`P1W`, `P1DT2H`, `PT30M`, `-PT15M`) in seconds; nil when malformed.
    static func parseDuration(_ text: String) -> Int64? {
        var chars = Substring(text.uppercased())
        var sign: Int64 = 1
        if chars.first == "+" || chars.first == "-" {
            if chars.first == "-" { sign = -1 }
            chars = chars.dropFirst()
        }
        guard chars.first == "P" else { return nil }
        chars = chars.dropFirst()
        var total: Int64 = 0
        var number: Int64?
        var inTime = false
        var any = false
        for ch in chars {
            if let digit = ch.wholeNumberValue, ch.isASCII {
                let next = (number ?? 0) &* 10 &+ Int64(digit)
                guard next < 1_000_000_000 else { return nil }
                number = next
                continue
            }
            if ch == "T" {
                guard number == nil, !inTime else { return nil }
                inTime = true
                continue
            }
            guard let n = number else { return nil }
            switch (ch, inTime) {
            case ("W", false): total += n * 604_800
            case ("D", false): total += n * 86_400
            case ("H", true): total += n * 3600
            case ("M", true): total += n * 60
            case ("S", true): total += n
            default: return nil
            }
            number = nil
            any = true
        }
        guard any, number == nil else { return nil }
        return sign * total
    }
}
