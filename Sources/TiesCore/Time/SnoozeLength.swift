import Foundation

/// How long a snooze lasts, as the user writes it: a number and a unit, `3d`, `2w`, `1m`.
///
/// A month is a calendar month: a snooze of `1m` made on 2026-01-31 ends on 2026-02-28 (the last day of a
/// shorter month), so the length never spills into the month after.
public struct SnoozeLength: Sendable, Equatable, CustomStringConvertible {
    public enum Unit: String, Sendable, CaseIterable {
        case day = "d"
        case week = "w"
        case month = "m"
    }

    public var count: Int
    public var unit: Unit

    /// What ``parse(_:field:)`` accepts, for messages and help.
    public static let accepted = "a number and a unit: d (days), w (weeks) or m (months), e.g. 3d, 2w, 1m"

    /// The longest snooze: 24 months (or as many days or weeks), beyond which a snooze is an archive.
    public static let maximumDays = 731

    public init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// Parses `3d`, `2w`, `1m` (case-insensitive, spaces around ignored).
    /// - Throws: ``InputError`` naming `field` and what is accepted, for anything else or a count below 1.
    public static func parse(_ text: String, field: String) throws(InputError) -> SnoozeLength {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let last = trimmed.last, let unit = Unit(rawValue: String(last)),
            let count = Int(trimmed.dropLast()), count >= 1
        else { throw InputError(field: field, value: text, expected: accepted) }
        let length = SnoozeLength(count: count, unit: unit)
        guard length.end(from: Day(ordinal: 0)) - Day(ordinal: 0) <= maximumDays else {
            throw InputError(field: field, value: text, expected: "at most 24 months (\(maximumDays) days)")
        }
        return length
    }

    /// The day a snooze of this length made on `day` ends (the person is back that day).
    public func end(from day: Day) -> Day {
        switch unit {
        case .day: return day + count
        case .week: return day + 7 * count
        case .month:
            let (y, m, d) = day.civil
            let months = (m - 1) + count
            let year = y + months / 12
            let month = months % 12 + 1
            let last = Day.daysIn(month: month, year: year)
            return Day(year: year, month: month, day: Swift.min(d, last)) ?? day + 30 * count
        }
    }

    public var description: String { "\(count)\(unit.rawValue)" }
}
