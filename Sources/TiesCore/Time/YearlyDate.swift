import Foundation

/// A date that comes back every year — a birthday, a work anniversary — with or without its year.
///
/// Written `--MM-DD` without a year (vCard 4's truncated date, RFC 6350 §4.3.1) and `YYYY-MM-DD` with one.
public struct YearlyDate: Sendable, Hashable, Codable, CustomStringConvertible {
    public var month: Int
    public var day: Int
    /// The year it first happened (a birth year), when known.
    public var year: Int?

    /// The date, or nil when there is no such day (February 30; February 29 of a year that is not leap).
    public init?(month: Int, day: Int, year: Int? = nil) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year ?? 2000) else {
            return nil
        }
        self.month = month
        self.day = day
        self.year = year
    }

    /// What ``parse(_:)`` accepts, for error messages.
    public static let accepted = "MM-DD or YYYY-MM-DD (also --MM-DD, --MMDD and YYYYMMDD, as vCard writes them)"

    /// Reads `MM-DD`, `--MM-DD`, `--MMDD`, `YYYY-MM-DD` or `YYYYMMDD`; a time after the date (`T...`, as some
    /// address books write a birthday) is ignored. Nil for anything else or an impossible day.
    public static func parse(_ text: String) -> YearlyDate? {
        var t = Substring(text.trimmingCharacters(in: .whitespaces))
        if let time = t.firstIndex(where: { $0 == "T" || $0 == "t" }) { t = t[..<time] }
        let yearless = t.hasPrefix("--")
        if yearless { t = t.dropFirst(2) }
        let digits = t.filter { $0 != "-" }
        guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        let numbers: [Int]
        switch (yearless, parts.count, digits.count) {
        case (_, 2, 4) where parts.allSatisfy({ $0.count == 2 }): numbers = parts.compactMap { Int($0) }
        case (true, 1, 4): numbers = [Int(digits.prefix(2)), Int(digits.suffix(2))].compactMap { $0 }
        case (false, 3, 8) where parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2:
            numbers = parts.compactMap { Int($0) }
        case (false, 1, 8):
            numbers = [Int(digits.prefix(4)), Int(digits.dropFirst(4).prefix(2)), Int(digits.suffix(2))].compactMap {
                $0
            }
        default: return nil
        }
        if numbers.count == 2 { return YearlyDate(month: numbers[0], day: numbers[1]) }
        guard numbers.count == 3 else { return nil }
        return YearlyDate(month: numbers[1], day: numbers[2], year: numbers[0])
    }

    /// `--MM-DD` without a year, `YYYY-MM-DD` with one.
    public var description: String {
        (year.map { pad($0, 4) } ?? "-") + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// The next day on or after `from` on which it falls. February 29 falls on February 28 in a year that is
    /// not leap.
    public func next(onOrAfter from: Day) -> Day {
        let year = from.civil.year
        for y in year...(year + 1) {
            let d = Day(year: y, month: month, day: day) ?? Day(year: y, month: month, day: day - 1)
            if let d, d >= from { return d }
        }
        return from
    }
}
