import Foundation

/// Reads the dates mail carries: RFC 5322 `Date:` values with their obsolete and broken forms, the date
/// after the last `;` of a `Received:` header, and the asctime-style date of an mbox `From ` line.
///
/// Tolerated: a missing or misspelt weekday, full month names, two- and three-digit years (RFC 5322 §4.3),
/// seconds left out, dots instead of colons, named zones (UT, GMT, EST … PDT), military letters and a
/// missing zone (read as UTC), a trailing comment such as `(CEST)`, `GMT+0200`, ISO 8601 dates. Refused
/// (nil): a field out of range such as hour 27, a year before 1970 or after 2100.
public enum MailDate {
    /// The instant `text` names, or nil when it cannot be read.
    public static func parse(_ text: some Collection<UInt8>) -> Date? {
        var tokens: [ArraySlice<UInt8>] = []
        let bytes = Array(text.prefix(200))
        var i = 0
        var depth = 0
        var start = -1
        func close(_ end: Int) {
            if start >= 0 { tokens.append(bytes[start..<end]) }
            start = -1
        }
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x28 {
                close(i)
                depth += 1
            } else if c == 0x29 {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                if c == 0x20 || c == 0x09 || c == 0x2C || c == 0x0D || c == 0x0A {
                    close(i)
                } else if (c == 0x2B || c == 0x2D) && start >= 0 && !bytes[start..<i].contains(where: isDigit)
                    && i + 1 < bytes.count && isDigit(bytes[i + 1])
                {
                    close(i)  // "GMT+0200": the zone offset after a zone name
                    start = i
                } else if start < 0 {
                    start = i
                }
            }
            i += 1
        }
        close(bytes.count)
        if tokens.count == 1, let iso = iso8601(tokens[0]) { return iso }
        return fields(tokens)
    }

    /// The date of a `Received:` value: what follows its last semicolon.
    public static func parseReceived(_ text: [UInt8]) -> Date? {
        guard let semicolon = text.lastIndex(of: 0x3B) else { return nil }
        return parse(text[(semicolon + 1)...])
    }

    private static func fields(_ tokens: [ArraySlice<UInt8>]) -> Date? {
        var day: Int?
        var month: Int?
        var year: Int?
        var time: (Int, Int, Int)?
        var offset: Int?
        for token in tokens {
            if time == nil,
                token.contains(0x3A)
                    || (token.contains(0x2E) && token.allSatisfy { isDigit($0) || $0 == 0x2E }
                        && day != nil && year != nil)
            {
                guard let t = clock(token) else { return nil }
                time = t
            } else if token.allSatisfy(isDigit) {
                let n = number(token)
                if token.count == 4 && time != nil && offset == nil && year != nil {
                    offset = zoneOffset(String(decoding: token, as: UTF8.self))
                } else if day == nil && token.count <= 2 && (month == nil || year == nil) {
                    day = n
                } else if year == nil {
                    year = token.count == 2 ? (n < 50 ? 2000 + n : 1900 + n) : (token.count == 3 ? 1900 + n : n)
                }
            } else if let first = token.first, first == 0x2B || first == 0x2D {
                offset = zoneOffset(String(decoding: token, as: UTF8.self))
            } else if month == nil, let m = monthNumber(token) {
                month = m
            } else if token.count <= 4, let named = namedZones[String(decoding: token, as: UTF8.self).uppercased()] {
                offset = offset ?? named
            }
        }
        guard let day, let month, let year, let (hour, minute, second) = time,
            (1...31).contains(day), (1970...2100).contains(year), (0...23).contains(hour), (0...59).contains(minute),
            (0...60).contains(second)
        else { return nil }
        return instant(year, month, day, hour, minute, second, offset: offset ?? 0)
    }

    /// The month named by an English abbreviation or full name, read from bytes.
    private static func monthNumber(_ token: ArraySlice<UInt8>) -> Int? {
        guard token.count >= 3, token.count <= 9 else { return nil }
        if token.count == 3 {
            let key = token.reduce(0) { $0 << 8 | Int($1 | 0x20) }
            return monthKeys[key]
        }
        return ImportSupport.month(named: Substring(String(decoding: token, as: UTF8.self)))
    }

    private static let monthKeys: [Int: Int] = {
        var table: [Int: Int] = [:]
        for (k, name) in ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
            .enumerated()
        {
            table[name.utf8.reduce(0) { $0 << 8 | Int($1) }] = k + 1
        }
        return table
    }()

    private static func number(_ token: ArraySlice<UInt8>) -> Int {
        token.prefix(9).reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// `hh:mm[:ss]` (or with dots).
    private static func clock(_ token: ArraySlice<UInt8>) -> (Int, Int, Int)? {
        let parts = token.split(whereSeparator: { $0 == 0x3A || $0 == 0x2E }).map {
            Int(String(decoding: $0, as: UTF8.self))
        }
        guard parts.count == 2 || parts.count == 3, let h = parts[0], let m = parts[1] else { return nil }
        let s = parts.count == 3 ? parts[2] : 0
        guard let s else { return nil }
        return (h, m, s)
    }

    /// Seconds east of UTC for `+hhmm` / `-hhmm` (also `+hh:mm`, `+h`).
    private static func zoneOffset(_ text: String) -> Int? {
        var digits = text.filter(\.isNumber)
        let negative = text.hasPrefix("-")
        if digits.count <= 2 { digits += "00" }
        guard digits.count == 4, let value = Int(digits) else { return nil }
        let seconds = (value / 100) * 3600 + (value % 100) * 60
        guard value / 100 <= 14, value % 100 < 60 else { return nil }
        return negative ? -seconds : seconds
    }

    private static let namedZones: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600,
        "CDT": -5 * 3600, "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
    ]

    private static func iso8601(_ token: ArraySlice<UInt8>) -> Date? {
        let text = String(decoding: token, as: UTF8.self)
        guard text.count >= 19, text.contains("T") else { return nil }
        let parts = text.split(whereSeparator: { "-T:".contains($0) })
        guard parts.count >= 6, let y = Int(parts[0]), let mo = Int(parts[1]), let d = Int(parts[2]),
            let h = Int(parts[3]), let mi = Int(parts[4]), let s = Int(parts[5].prefix(2))
        else { return nil }
        let zone = text.dropFirst(19).drop(while: { $0 == "." || $0.isNumber })
        let offset = zone.isEmpty || zone == "Z" ? 0 : zoneOffset(String(zone))
        guard let offset, (1...12).contains(mo), (1...31).contains(d), (0...23).contains(h), (0...59).contains(mi)
        else { return nil }
        return instant(y, mo, d, h, mi, s, offset: offset)
    }

    /// The instant of a civil date and time at `offset` seconds east of UTC (days from civil, H. Hinnant).
    static func instant(_ y: Int, _ m: Int, _ d: Int, _ hh: Int, _ mm: Int, _ ss: Int, offset: Int) -> Date? {
        let monthDays = [
            31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
        ]
        guard (1...12).contains(m), d <= monthDays[m - 1] else { return nil }
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        let seconds = days * 86400 + hh * 3600 + mm * 60 + ss - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
}
