import Foundation

/// Maps instants to days in one time zone, fast.
///
/// `TimeZone.secondsFromGMT(for:)` costs about a microsecond; scoring millions of interactions needs
/// better. The mapper remembers the span between two daylight-saving transitions in which the last
/// instant fell, and reuses its offset for every instant inside it.
public struct DayMapper: Sendable {
    public let timeZone: TimeZone
    private var spanStart: Int64 = 1
    private var spanEnd: Int64 = 0
    private var offset: Int64 = 0
    private let fixedOffset: Int64?

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        // A zone with no transitions in the years this tool cares about has one offset.
        let probe = Date(timeIntervalSince1970: 0)
        fixedOffset =
            timeZone.nextDaylightSavingTimeTransition(after: probe) == nil
            ? Int64(timeZone.secondsFromGMT(for: probe)) : nil
    }

    /// The day on which `seconds` (since 1970, UTC) falls in this time zone.
    public mutating func day(forEpochSeconds seconds: Int64) -> Day {
        let local = seconds + offset(at: seconds)
        return Day(ordinal: Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400))
    }

    /// The day on which `date` falls in this time zone.
    public mutating func day(for date: Date) -> Day {
        day(forEpochSeconds: Int64(date.timeIntervalSince1970.rounded(.down)))
    }

    /// The UTC offset, in seconds, at `seconds`.
    public mutating func offset(at seconds: Int64) -> Int64 {
        if let fixedOffset { return fixedOffset }
        if seconds >= spanStart && seconds < spanEnd { return offset }
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        offset = Int64(timeZone.secondsFromGMT(for: date))
        // Cache the span up to the next transition, and back to at most a day before this instant
        // (earlier transitions are not cheap to find, and a day covers the common forward scan).
        let next = timeZone.nextDaylightSavingTimeTransition(after: date)
        spanEnd = next.map { Int64($0.timeIntervalSince1970) } ?? Int64.max
        spanStart = seconds
        if let previous = timeZone.nextDaylightSavingTimeTransition(after: date.addingTimeInterval(-86_400)),
            previous <= date
        {
            spanStart = Int64(previous.timeIntervalSince1970)
        }
        return offset
    }

    /// The first instant of `day` in this time zone (local midnight, or the first valid local time after
    /// a daylight-saving gap).
    public mutating func start(of day: Day) -> Date {
        let localMidnight = Int64(day.ordinal) * 86_400
        var guess = localMidnight - offset(at: localMidnight)
        guess = localMidnight - offset(at: guess)
        return Date(timeIntervalSince1970: TimeInterval(guess))
    }

    /// The last instant (to the second) of `day`.
    public mutating func end(of day: Day) -> Date {
        start(of: day + 1).addingTimeInterval(-1)
    }
}
