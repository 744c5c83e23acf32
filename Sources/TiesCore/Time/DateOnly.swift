import Foundation

/// How a record dated by a calendar day only (`ties log Dana call --at 2026-11-18`, LinkedIn's
/// `Connected On`, an all-day calendar event) is stored, so that it is that day wherever the user later is.
///
/// Such a record keeps its date, not an instant: it is stored at noon UTC of the date, with a flag saying so,
/// and its day is read back from the UTC date — never through the user's time zone. Noon keeps the stored
/// instant inside the date for comparisons with instants in every zone from UTC−11 to UTC+11; the queries
/// that cut at a day compare date-only records with the day itself (``seconds(of:)`` of that day).
public enum DateOnly {
    /// The stored seconds (since 1970, UTC) of a record dated `day`: noon UTC of the date.
    public static func seconds(of day: Day) -> Int64 { Int64(day.ordinal) * 86_400 + 43_200 }

    /// The stored instant of a record dated `day`.
    public static func instant(of day: Day) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds(of: day))) }

    /// The date of a date-only record stored at `seconds`.
    public static func day(ofSeconds seconds: Int64) -> Day {
        Day(ordinal: Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400))
    }

    /// The date of a date-only record stored at `date`.
    public static func day(of date: Date) -> Day { day(ofSeconds: Int64(date.timeIntervalSince1970.rounded(.down))) }
}

extension DayMapper {
    /// The day of a record stored at `seconds`: its date when it has only a date, else the day on which the
    /// instant falls in this time zone.
    public mutating func day(forEpochSeconds seconds: Int64, dateOnly: Bool) -> Day {
        dateOnly ? DateOnly.day(ofSeconds: seconds) : day(forEpochSeconds: seconds)
    }

    /// The day of an interaction (see ``DateOnly``).
    public mutating func day(of interaction: Interaction) -> Day {
        interaction.dateOnly ? DateOnly.day(of: interaction.occurredAt) : day(for: interaction.occurredAt)
    }
}

extension DateInput {
    /// This input as the date of a record: a day stays a day (stored as ``DateOnly`` says), an instant stays
    /// an instant.
    public var recorded: (at: Date, dateOnly: Bool) {
        switch self {
        case .day(let day): return (DateOnly.instant(of: day), true)
        case .instant(let date): return (date, false)
        }
    }
}

extension Interaction {
    /// Whether the interaction is after `now`: for a date-only one, whether its date is after today in
    /// `timeZone`; for a timed one, whether it is more than a minute after `now` (clock slack).
    public func isInFuture(now: Date, timeZone: TimeZone) -> Bool {
        var mapper = DayMapper(timeZone: timeZone)
        if dateOnly { return DateOnly.day(of: occurredAt) > mapper.day(for: now) }
        return occurredAt > now.addingTimeInterval(60)
    }

    /// Sets when the interaction happened from a typed date (see ``DateInput/recorded``).
    public mutating func setDate(_ input: DateInput) {
        (occurredAt, dateOnly) = input.recorded
    }
}
