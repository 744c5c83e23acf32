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
        // On the UTF-8 bytes through a cursor, with no allocation and no closures capturing state: imports
        // parse a date per row, and Foundation's trimming, then the dynamic exclusivity checks of captured
        // variables, cost more than the parse itself (measured).
        var text = text
        let parsed = text.withUTF8 { bytes in
            var cursor = DateCursor(bytes)
            return cursor.parse(timeZone: timeZone)
        }
        switch parsed {
        case .success(let input): return input
        case .failure(.notADate): throw InputError(field: field, value: text, expected: accepted)
        case .failure(.impossibleDay):
            throw InputError(field: field, value: text, expected: "a real calendar date (\(accepted))")
        case .failure(.impossibleTime):
            throw InputError(field: field, value: text, expected: "a real time of day (\(accepted))")
        }
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
            "\(Day(ordinal: Int(days)))T\(pad(rest / 3600, 2)):\(pad(rest / 60 % 60, 2)):\(pad(rest % 60, 2))Z"
    }
}

/// Why a text is not a date, for ``DateInput/parse(_:field:timeZone:)``'s messages.
enum DateParseFailure: Error {
    case notADate, impossibleDay, impossibleTime
}

/// Reads a date or date-time from UTF-8 bytes, left to right.
struct DateCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var i: Int
    var end: Int

    /// A cursor over `bytes` without leading and trailing ASCII spaces and tabs.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        i = 0
        end = bytes.count
        while end > 0, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
        while i < end, bytes[i] == 32 || bytes[i] == 9 { i += 1 }
    }

    /// A number of exactly `width` ASCII digits.
    mutating func number(_ width: Int) -> Int? {
        guard i + width <= end else { return nil }
        var n = 0
        for k in i..<(i + width) {
            let c = bytes[k]
            guard c >= 48 && c <= 57 else { return nil }
            n = n * 10 + Int(c - 48)
        }
        i += width
        return n
    }

    /// Whether the next byte is `c`, consuming it when it is.
    mutating func expect(_ c: UInt8) -> Bool {
        guard i < end, bytes[i] == c else { return false }
        i += 1
        return true
    }

    mutating func parse(timeZone: TimeZone) -> Result<DateInput, DateParseFailure> {
        guard let y = number(4), expect(45), let m = number(2), expect(45), let d = number(2) else {
            return .failure(.notADate)
        }
        guard let day = Day(year: y, month: m, day: d) else { return .failure(.impossibleDay) }
        if i == end { return .success(.day(day)) }
        guard expect(84) || expect(116) || expect(32), let hh = number(2), expect(58), let mm = number(2) else {
            return .failure(.notADate)
        }
        var ss = 0
        var fraction = 0.0
        if expect(58) {
            guard let s = number(2) else { return .failure(.notADate) }
            ss = s
            if expect(46) || expect(44) {
                var scale = 0.1
                let start = i
                while i < end, bytes[i] >= 48 && bytes[i] <= 57 {
                    fraction += Double(bytes[i] - 48) * scale
                    scale /= 10
                    i += 1
                }
                if i == start { return .failure(.notADate) }
            }
        }
        guard hh < 24, mm < 60, ss < 60 else { return .failure(.impossibleTime) }
        let secondsOfDay = Int64(hh * 3600 + mm * 60 + ss)
        let local = Int64(day.ordinal) * 86_400 + secondsOfDay
        var offset: Int64
        if i == end {
            var mapper = DayMapper(timeZone: timeZone)
            offset = mapper.offset(at: local - mapper.offset(at: local))
        } else if expect(90) || expect(122) {
            offset = 0
        } else {
            guard i < end, bytes[i] == 43 || bytes[i] == 45 else { return .failure(.notADate) }
            let sign: Int64 = bytes[i] == 45 ? -1 : 1
            i += 1
            guard let oh = number(2) else { return .failure(.notADate) }
            _ = expect(58)
            let om = number(2) ?? 0
            guard oh <= 18, om < 60 else { return .failure(.notADate) }
            offset = sign * Int64(oh * 3600 + om * 60)
        }
        guard i == end else { return .failure(.notADate) }
        return .success(.instant(Date(timeIntervalSince1970: TimeInterval(local - offset) + fraction)))
    }
}
