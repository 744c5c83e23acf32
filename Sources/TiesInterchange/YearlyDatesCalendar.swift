import Foundation
import TiesCore

/// Writes birthdays and work anniversaries as an iCalendar file (RFC 5545) of yearly all-day events, which
/// calendar applications import or subscribe to (`ties export ics --dates`).
///
/// Each date is one `VEVENT` with `DTSTART;VALUE=DATE` and `RRULE:FREQ=YEARLY`: from the year given, or from
/// 2000 for a date without a year (a leap year, so `--02-29` is a real first occurrence). February 29 repeats
/// on the last day of February (`BYMONTH=2;BYMONTHDAY=-1`), so it shows on the 28th in other years instead of
/// being skipped. `UID` and `DTSTAMP` are derived from the person and the date, so the same store writes the
/// same bytes and a subscribed calendar sees an unchanged event as unchanged.
public enum YearlyDatesCalendar {
    /// One yearly date of one person.
    public struct Entry: Sendable, Equatable {
        public var personID: Person.ID
        public var name: String
        /// True for a birthday, false for a work anniversary.
        public var isBirthday: Bool
        public var date: YearlyDate

        public init(personID: Person.ID, name: String, isBirthday: Bool, date: YearlyDate) {
            self.personID = personID
            self.name = name
            self.isBirthday = isBirthday
            self.date = date
        }
    }

    /// Every person's birthday and work anniversary, in person order (birthday first).
    public static func entries(of people: [Person]) -> [Entry] {
        people.flatMap { person -> [Entry] in
            let id = person.id ?? 0
            return [(true, person.birthday), (false, person.workAnniversary)].compactMap { isBirthday, date in
                date.map { Entry(personID: id, name: person.name, isBirthday: isBirthday, date: $0) }
            }
        }
    }

    /// The calendar, CRLF line ends, lines folded at 75 octets.
    public static func write(_ entries: [Entry]) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Ties//Dates that matter//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:Birthdays and work anniversaries (Ties)",
        ]
        for entry in entries { lines += event(entry) }
        lines.append("END:VCALENDAR")
        return lines.map { VCardWriter.fold($0) + "\r\n" }.joined()
    }

    static func event(_ entry: Entry) -> [String] {
        let date = entry.date
        let year = date.year ?? 2000
        // A date that does not exist in its year cannot be (YearlyDate checks it against a leap year).
        let start =
            Day(year: year, month: date.month, day: date.day) ?? Day(year: 2000, month: date.month, day: date.day)
        guard let start else { return [] }
        let compact = { (day: Day) in day.description.replacingOccurrences(of: "-", with: "") }
        let leapDay = date.month == 2 && date.day == 29
        let what = entry.isBirthday ? "birthday" : "work anniversary"
        var summary = "\(entry.name): \(what)"
        if entry.isBirthday, let born = date.year { summary += " (born \(born))" }
        if !entry.isBirthday, let since = date.year { summary += " (since \(since))" }
        return [
            "BEGIN:VEVENT",
            "UID:ties-person-\(entry.personID)-\(entry.isBirthday ? "birthday" : "work-anniversary")@ties.invalid",
            "DTSTAMP:\(compact(start))T000000Z",
            "DTSTART;VALUE=DATE:\(compact(start))",
            "DTEND;VALUE=DATE:\(compact(start + 1))",
            leapDay ? "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" : "RRULE:FREQ=YEARLY",
            "SUMMARY:\(VCardWriter.escape(summary))",
            "CATEGORIES:\(entry.isBirthday ? "Birthday" : "Anniversary")",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    }
}
