import Foundation

/// Maps instants to days in one time zone, fast.
///
/// `TimeZone.secondsFromGMT(for:)` costs about a microsecond; scoring millions of interactions needs
/// better. The mapper remembers the span between two daylight-saving transitions in which the last
/// instant fell, and reuses its offset for every instant inside it. Instants in no order (the messages of
/// an export come by conversation, their dates anywhere in ten years) fall in another span nearly every
/// time, so the spans are also kept by period of 2^22 s (48.5 days): each period's spans are asked of the
/// time zone once (a million messages with TZ=America/New_York: 9.6–9.9 s against 8.6–8.8 s in UTC when
/// only the last span was kept; 8.2–8.9 s with the periods, as in UTC; Benchmarks/README.md).
public struct DayMapper: Sendable {
    public let timeZone: TimeZone
    private var spanStart: Int64 = 1
    private var spanEnd: Int64 = 0
    private var offset: Int64 = 0
    private let fixedOffset: Int64?
    /// The spans of each period met so far, by `seconds >> periodShift`: (start, end, offset), in order,
    /// together covering the period.
    private var periods: [Int64: [(start: Int64, end: Int64, offset: Int64)]] = [:]
    private static let periodShift: Int64 = 22

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
        let period = seconds >> Self.periodShift
        if periods[period] == nil { periods[period] = spans(of: period) }
        for span in periods[period]! where seconds < span.end {
            (spanStart, spanEnd, offset) = span
            break
        }
        return offset
    }

    /// The spans of one offset that make up `period`, from the time zone's transitions inside it.
    private func spans(of period: Int64) -> [(start: Int64, end: Int64, offset: Int64)] {
        let end = (period + 1) << Self.periodShift
        var start = period << Self.periodShift
        var out: [(start: Int64, end: Int64, offset: Int64)] = []
        while true {
            let date = Date(timeIntervalSince1970: TimeInterval(start))
            let offset = Int64(timeZone.secondsFromGMT(for: date))
            let next = timeZone.nextDaylightSavingTimeTransition(after: date).map { Int64($0.timeIntervalSince1970) }
            guard let next, next > start, next < end else {
                out.append((start, end, offset))
                return out
            }
            out.append((start, next, offset))
            start = next
        }
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
