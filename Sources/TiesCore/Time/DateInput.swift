import Foundation

/// A date or date-time typed by the user or read from a file.
public enum DateInput: Sendable, Equatable {
    /// A calendar day, `YYYY-MM-DD`: its meaning (start or end of the day) depends on the option.
    case day(Day)
    /// An instant, from an ISO 8601 date-time.
    case instant(Date)

    /// What every date option accepts, for error messages.
    public static let accepted =
        "YYYY-MM-DD, or an ISO 8601 date-time such as 2026-03-14T09:30, 2026-03-14T09:30:00Z or 2026-03-14T09:30:00+01:00"

    /// Parses `YYYY-MM-DD` or an ISO 8601 date-time (`T` or a space between date and time; seconds and
    /// fractions optional; `Z`, `±HH:MM`, `±HHMM` or no offset, meaning the given time zone).
    ///
    /// - Throws: ``InputError`` naming `field` when the text is not a date or names an impossible one
    ///   (2026-02-30, 24:61).
    public static func parse(_ text: String, field: String, timeZone: TimeZone) throws(InputError) -> DateInput {
        let fail = InputError(field: field, value: text, expected: accepted)
        // Trim ASCII spaces and tabs on the bytes: imports parse a date per row, and Foundation's trimming
        // cost more than the parse.
        var chars = Array(text.utf8)
        while let last = chars.last, last == 32 || last == 9 { chars.removeLast() }
        if let start = chars.firstIndex(where: { $0 != 32 && $0 != 9 }), start > 0 { chars.removeFirst(start) }
        var i = 0
        func number(_ width: Int) -> Int? {
            guard i + width <= chars.count else { return nil }
            var n = 0
            for c in chars[i..<(i + width)] {
                guard c >= 48 && c <= 57 else { return nil }
                n = n * 10 + Int(c - 48)
            }
            i += width
            return n
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < chars.count, chars[i] == c else { return false }
            i += 1
            return true
        }
        guard let y = number(4), expect(45), let m = number(2), expect(45), let d = number(2) else { throw fail }
        guard let day = Day(year: y, month: m, day: d) else {
            throw InputError(field: field, value: text, expected: "a real calendar date (\(accepted))")
        }
        if i == chars.count { return .day(day) }
        guard expect(84) || expect(116) || expect(32), let hh = number(2), expect(58), let mm = number(2) else {
            throw fail
        }
        var ss = 0
        var fraction = 0.0
        if expect(58) {
            guard let s = number(2) else { throw fail }
            ss = s
            if expect(46) || expect(44) {
                var scale = 0.1
                let start = i
                while i < chars.count, chars[i] >= 48 && chars[i] <= 57 {
                    fraction += Double(chars[i] - 48) * scale
                    scale /= 10
                    i += 1
                }
                if i == start { throw fail }
            }
        }
        guard hh < 24, mm < 60, ss < 60 else {
            throw InputError(field: field, value: text, expected: "a real time of day (\(accepted))")
        }
        let secondsOfDay = Int64(hh * 3600 + mm * 60 + ss)
        let local = Int64(day.ordinal) * 86_400 + secondsOfDay
        var offset: Int64
        if i == chars.count {
            var mapper = DayMapper(timeZone: timeZone)
            offset = mapper.offset(at: local - mapper.offset(at: local))
        } else if expect(90) || expect(122) {
            offset = 0
        } else {
            guard i < chars.count, chars[i] == 43 || chars[i] == 45 else { throw fail }
            let sign: Int64 = chars[i] == 45 ? -1 : 1
            i += 1
            guard let oh = number(2) else { throw fail }
            _ = expect(58)
            let om = number(2) ?? 0
            guard oh <= 18, om < 60 else { throw fail }
            offset = sign * Int64(oh * 3600 + om * 60)
        }
        guard i == chars.count else { throw fail }
        return .instant(Date(timeIntervalSince1970: TimeInterval(local - offset) + fraction))
    }

    /// The instant this input stands for when a day means its first second (`--at`, `--since`).
    public func startInstant(timeZone: TimeZone) -> Date {
        switch self {
        case .instant(let date): return date
        case .day(let day):
            var mapper = DayMapper(timeZone: timeZone)
            return mapper.start(of: day)
        }
    }

    /// The instant this input stands for when a day means its last second (`--as-of`: the whole day counts).
    public func endInstant(timeZone: TimeZone) -> Date {
        switch self {
        case .instant(let date): return date
        case .day(let day):
            var mapper = DayMapper(timeZone: timeZone)
            return mapper.end(of: day)
        }
    }
}

extension DateInput {
    /// An instant as ISO 8601 in UTC to the second, `2026-03-02T10:00:00Z`: the form exports use, which
    /// ``parse(_:field:timeZone:)`` reads back to the same instant.
    public static func iso8601(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = Int(seconds - days * 86_400)
        return
            "\(Day(ordinal: Int(days)))T\(Day.pad(rest / 3600, 2)):\(Day.pad(rest / 60 % 60, 2)):\(Day.pad(rest % 60, 2))Z"
    }
}
