import Foundation
import TiesCore

/// Someone named on a calendar event: the organizer or an attendee.
public struct CalendarAttendee: Sendable, Equatable, Hashable {
    /// The email address from a `mailto:` value, lower-cased; nil when the value is not an address.
    public var email: String?
    /// `CN`, the display name, when given.
    public var name: String?
    /// `PARTSTAT` upper-cased (ACCEPTED, DECLINED, TENTATIVE, NEEDS-ACTION...), when given.
    public var participation: String?
    /// `CUTYPE` upper-cased; INDIVIDUAL when not given.
    public var kind: String
    /// `ROLE` upper-cased (CHAIR, REQ-PARTICIPANT, OPT-PARTICIPANT, NON-PARTICIPANT), when given.
    public var role: String?

    /// Creates an attendee.
    public init(
        email: String?, name: String? = nil, participation: String? = nil, kind: String = "INDIVIDUAL",
        role: String? = nil
    ) {
        self.email = email
        self.name = name
        self.participation = participation
        self.kind = kind
        self.role = role
    }

    /// Whether the attendee is someone the meeting is with: not a room, a resource or a group (`CUTYPE`
    /// ROOM, RESOURCE, GROUP; a Google resource address; the `…@virtual` "Contacts" of Google's birthdays
    /// calendar; a Microsoft Teams channel's `…@….teams.ms`), and not a `ROLE=NON-PARTICIPANT` copied for
    /// information only (RFC 5545 §3.2.16).
    public var takesPart: Bool {
        if ["ROOM", "RESOURCE", "GROUP"].contains(kind) || role == "NON-PARTICIPANT" { return false }
        guard let email = email?.lowercased() else { return true }
        return !email.hasSuffix("resource.calendar.google.com") && !email.hasSuffix("@virtual")
            && !email.hasSuffix(".teams.ms")
    }

    /// The name, else the email address.
    public var displayName: String { name ?? email ?? "" }
}

/// One meeting read from a calendar: a single event, or one occurrence of a recurring one.
public struct CalendarMeeting: Sendable, Equatable {
    /// The line of the `BEGIN:VEVENT` it came from (the override's, for a changed occurrence).
    public var line: Int
    /// `UID`, when the event has one.
    public var uid: String?
    /// A stable id for re-imports. A single event: its `UID`. An occurrence of a recurring event:
    /// `UID|` and the occurrence's original start in `RECURRENCE-ID` form — `20240312T140000Z` (UTC) for
    /// timed events, `20240312` for all-day ones — so a moved or edited occurrence keeps its id. Without a
    /// `UID`: `fnv1a64:` and the FNV-1a hash of the summary, the `DTSTART` as written and the organizer.
    public var sourceID: String
    /// `SUMMARY`.
    public var summary: String?
    /// When it starts (for an all-day event, the start of the day in the user's time zone).
    public var start: Date
    /// When it ends, from `DTEND` or `DURATION`, when given.
    public var end: Date?
    /// For an all-day event, its (first) day.
    public var allDayDate: Day?
    /// Whether it is an occurrence of a recurring event.
    public var isRecurring: Bool
    /// `ORGANIZER`.
    public var organizer: CalendarAttendee?
    /// Every `ATTENDEE` who takes part (``CalendarAttendee/takesPart``), the user included, in file order.
    public var attendees: [CalendarAttendee]
    /// The organizer and attendees other than the user, without repeats: the people the meeting is with. An
    /// organizer whose own `ATTENDEE` entry is `ROLE=NON-PARTICIPANT` is not among them.
    public var others: [CalendarAttendee]
    /// Whether one of the user's addresses is the organizer (taking part) or an attendee taking part.
    public var includesMe: Bool
    /// Whether one of the user's addresses is the organizer.
    public var organizedByMe: Bool

    /// Creates a meeting record.
    public init(
        line: Int, uid: String?, sourceID: String, summary: String?, start: Date, end: Date?, allDayDate: Day?,
        isRecurring: Bool, organizer: CalendarAttendee?, attendees: [CalendarAttendee], others: [CalendarAttendee],
        includesMe: Bool, organizedByMe: Bool
    ) {
        self.line = line
        self.uid = uid
        self.sourceID = sourceID
        self.summary = summary
        self.start = start
        self.end = end
        self.allDayDate = allDayDate
        self.isRecurring = isRecurring
        self.organizer = organizer
        self.attendees = attendees
        self.others = others
        self.includesMe = includesMe
        self.organizedByMe = organizedByMe
    }

    /// How many people besides the user took part (at least 1).
    public var groupSize: Int { max(1, others.count) }
}

/// What the calendar reader needs to know about the user and the moment.
public struct CalendarImportOptions: Sendable {
    /// The user's own email addresses (compared case-insensitively): they decide who "I" am.
    public var myEmails: [String]
    /// The user's time zone: floating times (no `Z`, no `TZID`) and all-day dates are read in it.
    public var timeZone: TimeZone
    /// Nothing that starts after this instant is produced: recurring events are expanded up to it, and
    /// single events after it are noted in ``ImportResult/skipped``.
    public var asOf: Date
    /// At most this many occurrences of one recurring event (a guard against runaway rules).
    public var maxOccurrencesPerEvent: Int

    /// Creates options.
    public init(myEmails: [String], timeZone: TimeZone, asOf: Date, maxOccurrencesPerEvent: Int = 10_000) {
        self.myEmails = myEmails
        self.timeZone = timeZone
        self.asOf = asOf
        self.maxOccurrencesPerEvent = maxOccurrencesPerEvent
    }
}
