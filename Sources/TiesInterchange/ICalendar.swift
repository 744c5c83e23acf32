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

    /// Creates an attendee.
    public init(email: String?, name: String? = nil, participation: String? = nil, kind: String = "INDIVIDUAL") {
        self.email = email
        self.name = name
        self.participation = participation
        self.kind = kind
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
    /// Every `ATTENDEE` who is a person (rooms and resources left out), the user included, in file order.
    public var attendees: [CalendarAttendee]
    /// The organizer and attendees other than the user, without repeats: the people the meeting is with.
    public var others: [CalendarAttendee]
    /// Whether one of the user's addresses is the organizer or an attendee.
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

/// Reads iCalendar files (`.ics`, RFC 5545) into meetings.
///
/// - Events (`VEVENT`) only; alarms inside them, to-dos, journals and free/busy blocks are ignored.
///   Lines are unfolded as in vCard.
/// - `DTSTART`/`DTEND` in UTC (`Z`), with a `TZID` (IANA, Windows or Outlook names; see
///   ``TimeZoneNames``, with the file's `VTIMEZONE` `X-LIC-LOCATION` as a hint; a name no table knows,
///   such as Outlook's "Customized Time Zone", by the rules of the `VTIMEZONE` that defines it earlier in
///   the file), floating (read in the user's time zone), or all-day (`VALUE=DATE`).
///   `DURATION` when there is no `DTEND`.
/// - `RRULE` with `FREQ` DAILY, WEEKLY, MONTHLY or YEARLY, `INTERVAL`, `COUNT`, `UNTIL`, `BYDAY` (with
///   ordinals such as `2TU` or `-1FR` in monthly and yearly rules), `BYMONTHDAY`, `BYMONTH`, `BYSETPOS` and
///   `WKST`, expanded in the event's own time zone (a 09:00 meeting stays at 09:00 across daylight-saving
///   changes) up to ``CalendarImportOptions/asOf``. `DTSTART` is always the first occurrence and counts
///   toward `COUNT`. `RDATE` adds occurrences; `EXDATE` removes them; an event with the same `UID` and a
///   `RECURRENCE-ID` replaces the occurrence that originally started then (or removes it, if cancelled).
///   A rule using parts not listed here (`BYHOUR`, `BYWEEKNO`, `FREQ=HOURLY`...) yields its first
///   occurrence only, with a note in ``ImportResult/skipped``.
/// - Left out, with a note in ``ImportResult/skipped``: `STATUS:CANCELLED` events and occurrences, those
///   the user declined (their own `ATTENDEE` entry has `PARTSTAT=DECLINED`), and single events starting
///   after the as-of instant. Attendees with `CUTYPE` ROOM or RESOURCE (or a Google resource address,
///   `@resource.calendar.google.com`) are not people and are left out of ``CalendarMeeting/attendees``.
/// - Problems (with the line and property): an event without `DTSTART`, a date that cannot be read, a
///   `TZID` neither a table nor an earlier `VTIMEZONE` defines, a malformed `RRULE`, an event without
///   `END:VEVENT`.
///
/// Meetings come out sorted by start, then source id.
public enum ICalendarReader {
    /// The `source` recorded on what this importer brings in.
    public static let source = "ics"

    /// What a date-time value accepts, for error messages.
    static let acceptedDateTime =
        "a date-time such as 20240312T140000Z, 20240312T090000 (with or without TZID) or a date 20240312"

    /// Reads the meetings in `bytes`.
    /// - Throws: ``ParseError`` when the bytes hold no `BEGIN:VCALENDAR` and no `BEGIN:VEVENT`.
    public static func read(_ bytes: [UInt8], options: CalendarImportOptions) throws(ParseError) -> ImportResult<
        CalendarMeeting
    > {
        var reader = Reader(options: options)
        try reader.collect(bytes)
        reader.expandAll()
        reader.result.records.sort { a, b in a.start != b.start ? a.start < b.start : a.sourceID < b.sourceID }
        return reader.result
    }

    /// Reads the meetings in `data`.
    public static func read(_ data: Data, options: CalendarImportOptions) throws(ParseError) -> ImportResult<
        CalendarMeeting
    > {
        try read([UInt8](data), options: options)
    }

    /// Reads the meetings in `text`.
    public static func read(_ text: String, options: CalendarImportOptions) throws(ParseError) -> ImportResult<
        CalendarMeeting
    > {
        try read(Array(text.utf8), options: options)
    }
}

// MARK: - Times

/// A wall-clock time: a day and a second within it.
struct LocalTime: Hashable, Comparable {
    var day: Day
    var second: Int

    /// Seconds since 1970-01-01T00:00 of this wall clock (not an instant).
    var epoch: Int64 { Int64(day.ordinal) * 86_400 + Int64(second) }

    static func < (a: LocalTime, b: LocalTime) -> Bool { a.epoch < b.epoch }
}

/// A `DATE` or `DATE-TIME` value and how to read it.
struct CalendarTime {
    enum Frame {
        case utc
        case zone(TimeZone)
        /// A `TZID` no table knows, read by the calendar's own `VTIMEZONE`.
        case rules(ZoneRules)
        /// No zone: the user's time zone.
        case floating
        /// A date without a time (all-day): the user's time zone.
        case date
    }
    var local: LocalTime
    var frame: Frame

    var isDate: Bool {
        if case .date = frame { return true }
        return false
    }
}

/// Converts wall-clock times in one zone to instants, quickly.
struct ZoneClock {
    var mapper: DayMapper

    init(_ zone: TimeZone) { mapper = DayMapper(timeZone: zone) }

    mutating func instant(_ local: LocalTime) -> Int64 {
        let wall = local.epoch
        return wall - mapper.offset(at: wall - mapper.offset(at: wall))
    }
}

// MARK: - Reading

extension ICalendarReader {
    /// A `VEVENT` as read: its properties, before expansion.
    struct Event {
        var line: Int
        var index: Int
        var uid: String?
        var summary: String?
        var status: String?
        var start: CalendarTime?
        var startText = ""
        var end: CalendarTime?
        var duration: Int64?
        var rrule: (text: String, line: Int)?
        var rdates: [CalendarTime] = []
        var exdates: [CalendarTime] = []
        var recurrenceID: CalendarTime?
        var organizer: CalendarAttendee?
        var attendees: [CalendarAttendee] = []
        var invalid = false
    }

    /// A parsed recurrence rule.
    struct Rule {
        enum Frequency: String {
            case daily = "DAILY"
            case weekly = "WEEKLY"
            case monthly = "MONTHLY"
            case yearly = "YEARLY"
        }
        var frequency: Frequency
        var interval = 1
        var count: Int?
        var until: CalendarTime?
        /// (ordinal or 0, ISO weekday 1–7)
        var byDay: [(ordinal: Int, weekday: Int)] = []
        var byMonthDay: [Int] = []
        var byMonth: [Int] = []
        var bySetPos: [Int] = []
        var weekStart = 1
    }

    enum RuleOutcome {
        case rule(Rule)
        case unsupported(String)
        case invalid(found: String, expected: String)
    }

    struct Reader {
        let options: CalendarImportOptions
        let me: Set<String>
        var result = ImportResult<CalendarMeeting>()
        var events: [Event] = []
        var tzHints: [String: String] = [:]
        var zones: [String: TimeZone?] = [:]
        /// The file's `VTIMEZONE`s, by `TZID`, for names no table knows.
        var customZones: [String: ZoneRules] = [:]
        var clocks: [String: ZoneClock] = [:]
        var emittedSourceIDs = Set<String>()
        let asOf: Int64

        init(options: CalendarImportOptions) {
            self.options = options
            me = Set(options.myEmails.map(ImportSupport.normalisedEmail))
            asOf = Int64(options.asOf.timeIntervalSince1970.rounded(.down))
        }

        // MARK: Collecting components

        mutating func collect(_ bytes: [UInt8]) throws(ParseError) {
            var stack: [(name: String, line: Int)] = []
            var current: Event?
            var timezoneID: String?
            var timezoneLocation: String?
            var observances: [ZoneRules.Observance] = []
            // The STANDARD or DAYLIGHT being read: its DTSTART, TZOFFSETFROM, TZOFFSETTO and RRULE.
            var observance: (start: LocalTime?, from: Int?, to: Int?, rule: Rule?) = (nil, nil, nil, nil)
            var sawCalendar = false
            var eventCount = 0
            for (line, raw) in UnfoldedLines(bytes, quotedPrintableSoftBreaks: false) {
                if raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                guard let property = ContentLine.parse(raw, line: line) else {
                    if current != nil, stack.last?.name == "VEVENT" {
                        result.skipped.append(.notAProperty(raw, line: line))
                    }
                    continue
                }
                if property.name == "BEGIN" {
                    let name = String(decoding: property.value, as: UTF8.self).trimmingASCIISpaces().uppercased()
                    stack.append((name, line))
                    switch name {
                    case "VCALENDAR": sawCalendar = true
                    case "VEVENT":
                        eventCount += 1
                        if let open = current { finish(open, endedProperly: false) }
                        current = Event(line: line, index: eventCount)
                    case "VTIMEZONE":
                        timezoneID = nil
                        timezoneLocation = nil
                        observances = []
                    case "STANDARD", "DAYLIGHT": observance = (nil, nil, nil, nil)
                    default: break
                    }
                    continue
                }
                if property.name == "END" {
                    let name = String(decoding: property.value, as: UTF8.self).trimmingASCIISpaces().uppercased()
                    guard let index = stack.lastIndex(where: { $0.name == name }) else {
                        result.skipped.append(
                            SkippedRecord(line: line, reason: "END:\(name) has no matching BEGIN; ignored"))
                        continue
                    }
                    stack.removeSubrange(index...)
                    if name == "VEVENT", let done = current {
                        current = nil
                        finish(done, endedProperly: true)
                    } else if name == "VTIMEZONE", let id = timezoneID {
                        if let timezoneLocation { tzHints[id] = timezoneLocation }
                        if !observances.isEmpty { customZones[id] = ZoneRules(observances: observances) }
                    } else if name == "STANDARD" || name == "DAYLIGHT", let start = observance.start,
                        let from = observance.from, let to = observance.to
                    {
                        let rule = observance.rule.flatMap { $0.frequency == .yearly ? $0 : nil }
                        observances.append(
                            ZoneRules.Observance(
                                start: start, offsetFrom: from, offsetTo: to, month: rule?.byMonth.first,
                                monthDay: rule?.byMonthDay.first, weekday: rule?.byDay.first,
                                until: rule?.until?.local))
                    }
                    continue
                }
                switch stack.last?.name {
                case "VEVENT":
                    if current != nil { add(property, to: &current!) }
                case "VTIMEZONE":
                    if property.name == "TZID" {
                        timezoneID = String(decoding: property.value, as: UTF8.self).trimmingASCIISpaces()
                    }
                    if property.name == "X-LIC-LOCATION" {
                        timezoneLocation = String(decoding: property.value, as: UTF8.self).trimmingASCIISpaces()
                    }
                case "STANDARD", "DAYLIGHT":
                    let value = String(decoding: property.value, as: UTF8.self).trimmingASCIISpaces()
                    switch property.name {
                    case "DTSTART":
                        observance.start = ICalendarReader.parseTime(value, frame: .floating, dateOnly: false)?.local
                    case "TZOFFSETFROM": observance.from = ZoneRules.parseOffset(value)
                    case "TZOFFSETTO": observance.to = ZoneRules.parseOffset(value)
                    case "RRULE":
                        if case .rule(let rule) = ICalendarReader.parseRule(value, frame: .floating) {
                            observance.rule = rule
                        }
                    default: break
                    }
                default:
                    break
                }
            }
            if let open = current { finish(open, endedProperly: false) }
            if !sawCalendar && eventCount == 0 {
                throw ParseError(
                    line: 1, found: "<no BEGIN:VCALENDAR and no BEGIN:VEVENT>",
                    expected: "an iCalendar file (.ics) starting with BEGIN:VCALENDAR")
            }
        }

        mutating func finish(_ event: Event, endedProperly: Bool) {
            guard endedProperly else {
                result.problems.append(
                    ParseError(
                        line: event.line, record: event.index, field: "END",
                        found: "<the end of the event's lines without END:VEVENT>",
                        expected: "END:VEVENT closing each event"))
                return
            }
            guard !event.invalid else { return }
            guard event.start != nil else {
                result.problems.append(
                    ParseError(
                        line: event.line, record: event.index, field: "DTSTART",
                        found: "<an event with no DTSTART>", expected: "a DTSTART property giving when the event starts"
                    ))
                return
            }
            events.append(event)
        }

        mutating func problem(_ property: ContentLine, _ event: inout Event, found: String, expected: String) {
            result.problems.append(
                ParseError(
                    line: property.line, record: event.index, field: property.name, found: found, expected: expected))
            event.invalid = true
        }

        mutating func add(_ property: ContentLine, to event: inout Event) {
            let text = { String(decoding: property.value, as: UTF8.self) }
            switch property.name {
            case "UID": event.uid = ImportSupport.nonEmpty(ContentText.unescaped(text()))
            case "SUMMARY": event.summary = ImportSupport.nonEmpty(ContentText.unescaped(text()))
            case "STATUS": event.status = text().trimmingASCIISpaces().uppercased()
            case "DTSTART":
                event.startText = text().trimmingASCIISpaces()
                event.start = time(property, &event)
            case "DTEND":
                event.end = time(property, &event)
            case "DURATION":
                let value = text().trimmingASCIISpaces()
                guard let seconds = ICalendarReader.parseDuration(value) else {
                    problem(property, &event, found: value, expected: "a duration such as PT1H, PT30M, P1D or P1W")
                    return
                }
                event.duration = seconds
            case "RECURRENCE-ID":
                event.recurrenceID = time(property, &event)
            case "RRULE":
                event.rrule = (text().trimmingASCIISpaces(), property.line)
            case "RDATE":
                if property.parameter("VALUE")?.text.uppercased() == "PERIOD" { return }
                event.rdates += times(property, &event)
            case "EXDATE":
                event.exdates += times(property, &event)
            case "ORGANIZER":
                event.organizer = attendee(property)
            case "ATTENDEE":
                event.attendees.append(attendee(property))
            default:
                break
            }
        }

        func attendee(_ property: ContentLine) -> CalendarAttendee {
            let value = String(decoding: property.value, as: UTF8.self).trimmedWhitespace()
            var email: String?
            if value.lowercased().hasPrefix("mailto:") || (!value.utf8.contains(0x3A) && value.utf8.contains(0x40)) {
                let address = ImportSupport.normalisedEmail(value)
                if address.utf8.contains(0x40) { email = address }
            }
            // Apple's and other CalDAV servers' attendees are `urn:uuid:` or principal paths, with the address
            // in the EMAIL parameter (RFC 7986).
            if email == nil, let parameter = property.parameter("EMAIL") {
                let address = ImportSupport.normalisedEmail(parameter.text)
                if address.utf8.contains(0x40) { email = address }
            }
            return CalendarAttendee(
                email: email, name: property.parameter("CN").flatMap { ImportSupport.nonEmpty($0.text) },
                participation: property.parameter("PARTSTAT")?.text.uppercased(),
                kind: property.parameter("CUTYPE")?.text.uppercased() ?? "INDIVIDUAL")
        }

        /// The property's single date or date-time, or nil after recording a problem.
        mutating func time(_ property: ContentLine, _ event: inout Event) -> CalendarTime? {
            let list = times(property, &event)
            return list.first
        }

        /// The property's comma-separated dates or date-times (EXDATE and RDATE may list several).
        mutating func times(_ property: ContentLine, _ event: inout Event) -> [CalendarTime] {
            let text = String(decoding: property.value, as: UTF8.self).trimmingASCIISpaces()
            var frame: CalendarTime.Frame = .floating
            if let tzid = property.parameter("TZID")?.text {
                if let zone = zone(named: tzid) {
                    frame = .zone(zone)
                } else if let rules = customZones[tzid] {
                    frame = .rules(rules)
                } else {
                    problem(
                        property, &event, found: tzid,
                        expected:
                            "a time zone: an IANA name such as America/New_York, a Windows name such as Eastern Standard Time, or one the calendar defines in a VTIMEZONE before using it"
                    )
                    return []
                }
            }
            let isDate = property.parameter("VALUE")?.text.uppercased() == "DATE"
            var out: [CalendarTime] = []
            for item in text.split(separator: ",") {
                guard let parsed = ICalendarReader.parseTime(item.trimmingASCIISpaces(), frame: frame, dateOnly: isDate)
                else {
                    problem(property, &event, found: String(item), expected: ICalendarReader.acceptedDateTime)
                    return []
                }
                out.append(parsed)
            }
            if out.isEmpty { problem(property, &event, found: text, expected: ICalendarReader.acceptedDateTime) }
            return out
        }

        mutating func zone(named tzid: String) -> TimeZone? {
            if let cached = zones[tzid] { return cached }
            let resolved = TimeZoneNames.resolve(tzid, hints: tzHints)
            zones[tzid] = resolved
            return resolved
        }

        // MARK: Expansion

        mutating func instant(_ time: CalendarTime) -> Int64 { instant(time.local, frame: time.frame) }

        /// The instant of a wall-clock time read in `frame`.
        mutating func instant(_ local: LocalTime, frame: CalendarTime.Frame) -> Int64 {
            switch frame {
            case .utc: return local.epoch
            case .zone(let zone): return instant(local, in: zone)
            case .rules(let rules): return local.epoch - Int64(rules.offset(at: local))
            case .floating, .date: return instant(local, in: options.timeZone)
            }
        }

        /// The instant of a wall-clock time in `zone`, through a cached ``ZoneClock`` per zone.
        mutating func instant(_ local: LocalTime, in zone: TimeZone) -> Int64 {
            let id = zone.identifier
            if clocks[id] == nil { clocks[id] = ZoneClock(zone) }
            return clocks[id]!.instant(local)
        }

        /// The canonical form of an occurrence's original start: `yyyyMMddTHHmmssZ`, or `yyyyMMdd` for dates.
        func occurrenceKey(instant: Int64, date: Day?) -> String {
            if let date {
                let (y, m, d) = date.civil
                return ImportSupport.pad(y, 4) + ImportSupport.pad(m, 2) + ImportSupport.pad(d, 2)
            }
            let day = Day(ordinal: Int(instant >= 0 ? instant / 86_400 : (instant - 86_399) / 86_400))
            let second = Int(instant - Int64(day.ordinal) * 86_400)
            let (y, m, d) = day.civil
            return ImportSupport.pad(y, 4) + ImportSupport.pad(m, 2) + ImportSupport.pad(d, 2) + "T"
                + ImportSupport.pad(second / 3600, 2) + ImportSupport.pad(second / 60 % 60, 2)
                + ImportSupport.pad(second % 60, 2) + "Z"
        }

        func key(_ time: CalendarTime, instant: Int64) -> String {
            occurrenceKey(instant: instant, date: time.isDate ? time.local.day : nil)
        }

        mutating func expandAll() {
            // Overrides (RECURRENCE-ID) by UID, in file order.
            var overrides: [String: [Event]] = [:]
            var masters: [Event] = []
            var masterUIDs = Set<String>()
            for event in events {
                if event.recurrenceID != nil, let uid = event.uid {
                    overrides[uid, default: []].append(event)
                } else {
                    masters.append(event)
                    if event.rrule != nil || !event.rdates.isEmpty, let uid = event.uid { masterUIDs.insert(uid) }
                }
            }
            for master in masters {
                if let uid = master.uid, masterUIDs.contains(uid) {
                    expandSeries(master, overrides: overrides[uid] ?? [])
                } else {
                    emitSingle(master)
                }
            }
            // Overrides whose series is not in the file stand alone.
            for event in events where event.recurrenceID != nil {
                if let uid = event.uid, masterUIDs.contains(uid) { continue }
                emitOccurrence(of: event, start: event.start!, recurring: true, originalKey: overrideKey(event))
            }
        }

        mutating func overrideKey(_ event: Event) -> String {
            let rid = event.recurrenceID!
            return key(rid, instant: instant(rid))
        }

        mutating func emitSingle(_ event: Event) {
            let start = event.start!
            if instant(start) > asOf {
                result.skipped.append(SkippedRecord(line: event.line, reason: "the event starts after the as-of time"))
                return
            }
            emitOccurrence(
                of: event, start: start, recurring: event.recurrenceID != nil,
                originalKey: event.recurrenceID != nil ? overrideKey(event) : nil)
        }

        /// Adds one meeting, unless it is cancelled or declined (noted in `skipped`).
        mutating func emitOccurrence(of event: Event, start: CalendarTime, recurring: Bool, originalKey: String?) {
            if event.status == "CANCELLED" {
                result.skipped.append(
                    SkippedRecord(
                        line: event.line,
                        reason: recurring && originalKey != nil
                            ? "the occurrence \(originalKey!) is cancelled" : "the event is cancelled"))
                return
            }
            let people = event.attendees.filter { a in
                !(a.kind == "ROOM" || a.kind == "RESOURCE"
                    || (a.email?.hasSuffix("resource.calendar.google.com") ?? false))
            }
            if people.contains(where: { a in a.email.map { me.contains($0) } == true && a.participation == "DECLINED" })
            {
                result.skipped.append(SkippedRecord(line: event.line, reason: "you declined the event"))
                return
            }
            let startInstant = instant(start)
            if startInstant > asOf { return }
            var end: Int64?
            if let duration = event.duration {
                end = startInstant + duration
            } else if let masterEnd = event.end, let masterStart = event.start {
                end = startInstant + (instant(masterEnd) - instant(masterStart))
            }
            let organizedByMe = event.organizer?.email.map { me.contains($0) } == true
            var others: [CalendarAttendee] = []
            var seen = Set<String>()
            var includesMe = organizedByMe
            for person in [event.organizer].compactMap({ $0 }) + people {
                if let email = person.email, me.contains(email) {
                    includesMe = true
                    continue
                }
                guard let key = person.email ?? person.name.map({ "name:" + $0.lowercased() }) else { continue }
                if seen.insert(key).inserted { others.append(person) }
            }
            let sourceID: String
            if let uid = event.uid {
                sourceID = originalKey.map { uid + "|" + $0 } ?? uid
            } else {
                sourceID =
                    "fnv1a64:"
                    + ImportSupport.fnv1a64(
                        (event.summary ?? "") + "\n" + event.startText + "\n" + (event.organizer?.email ?? "")
                            + (originalKey.map { "\n" + $0 } ?? ""))
            }
            guard emittedSourceIDs.insert(sourceID).inserted else {
                result.skipped.append(
                    SkippedRecord(
                        line: event.line,
                        reason:
                            "an event with the same UID and start (\(sourceID)) was read before; this copy is ignored"))
                return
            }
            result.records.append(
                CalendarMeeting(
                    line: event.line, uid: event.uid, sourceID: sourceID, summary: event.summary,
                    start: Date(timeIntervalSince1970: TimeInterval(startInstant)),
                    end: end.map { Date(timeIntervalSince1970: TimeInterval($0)) },
                    allDayDate: start.isDate ? start.local.day : nil, isRecurring: recurring,
                    organizer: event.organizer, attendees: people, others: others,
                    includesMe: includesMe, organizedByMe: organizedByMe))
        }

        mutating func expandSeries(_ master: Event, overrides: [Event]) {
            let start = master.start!
            if master.status == "CANCELLED" {
                result.skipped.append(SkippedRecord(line: master.line, reason: "the recurring event is cancelled"))
                return
            }
            var locals: [LocalTime] = [start.local]
            if let (text, line) = master.rrule {
                switch ICalendarReader.parseRule(text, frame: start.frame) {
                case .invalid(let found, let expected):
                    result.problems.append(
                        ParseError(line: line, record: master.index, field: "RRULE", found: found, expected: expected))
                    return
                case .unsupported(let part):
                    result.skipped.append(
                        SkippedRecord(
                            line: line,
                            reason:
                                "the rule uses \(part), which Ties does not expand; only the first occurrence is imported"
                        ))
                case .rule(let rule):
                    let expansion = expand(rule, start: start)
                    locals = expansion.locals
                    if let note = expansion.note { result.skipped.append(SkippedRecord(line: line, reason: note)) }
                }
            }
            var occurrences = locals.map { CalendarTime(local: $0, frame: start.frame) }
            occurrences += master.rdates.map { rdate in
                // An RDATE in another frame is kept as given; a date-only RDATE keeps the series' time of day.
                rdate.isDate && !start.isDate
                    ? CalendarTime(
                        local: LocalTime(day: rdate.local.day, second: start.local.second), frame: start.frame) : rdate
            }
            // EXDATE: by instant, or by day when the exclusion is a date and the series is timed.
            var excludedInstants = Set<Int64>()
            var excludedDays = Set<Int>()
            for exdate in master.exdates {
                if exdate.isDate && !start.isDate {
                    excludedDays.insert(exdate.local.day.ordinal)
                } else {
                    excludedInstants.insert(instant(exdate))
                }
            }
            var replaced: [String: Event] = [:]
            for override in overrides { replaced[overrideKey(override)] = override }
            var emittedKeys = Set<String>()
            for occurrence in occurrences {
                let at = instant(occurrence)
                if excludedInstants.contains(at) || excludedDays.contains(occurrence.local.day.ordinal) { continue }
                let originalKey = key(occurrence, instant: at)
                guard emittedKeys.insert(originalKey).inserted else { continue }
                if replaced[originalKey] != nil { continue }  // emitted below, from the override
                if at > asOf { continue }
                emitOccurrence(of: master, start: occurrence, recurring: true, originalKey: originalKey)
            }
            for override in overrides {
                emitOccurrence(
                    of: override, start: override.start!, recurring: true, originalKey: overrideKey(override))
            }
        }

        /// The wall-clock starts of a rule's occurrences up to the as-of instant (DTSTART first), and a
        /// note when the expansion stopped at a guard rather than at the rule's or the as-of's end.
        mutating func expand(_ rule: Rule, start: CalendarTime) -> (locals: [LocalTime], note: String?) {
            let limit = max(1, options.maxOccurrencesPerEvent)
            let tooMany =
                "the rule has more than \(limit) occurrences before the as-of time; only the first \(limit) are imported"
            let periodLimit = 200_000
            var out: [LocalTime] = [start.local]
            let startLocal = start.local
            // UNTIL in UTC compares instants; a date or a wall-clock UNTIL compares wall-clock times.
            var untilInstant: Int64?
            var untilLocal: LocalTime?
            if let until = rule.until {
                switch until.frame {
                case .utc: untilInstant = until.local.epoch
                case .date: untilLocal = LocalTime(day: until.local.day, second: 86_399)
                case .zone, .rules, .floating: untilLocal = until.local
                }
            }
            // No period starting after this day (as-of plus slack for time zones) can hold an occurrence.
            let lastDay = Int(asOf / 86_400) + 2
            var period = 0
            while let (first, days) = periodDays(rule, start: startLocal.day, period: period) {
                period += 1
                if period > periodLimit {
                    return (
                        out,
                        "the rule was expanded over \(periodLimit) periods without reaching the as-of time; later occurrences are not imported"
                    )
                }
                if first.ordinal > lastDay { break }
                if let untilLocal, first > untilLocal.day { break }
                let candidates = rule.bySetPos.isEmpty ? days : ICalendarReader.select(days, positions: rule.bySetPos)
                for day in candidates {
                    let local = LocalTime(day: day, second: startLocal.second)
                    if local <= startLocal { continue }
                    if let untilLocal, local > untilLocal { return (out, nil) }
                    let at = instant(local, frame: start.frame)
                    if let untilInstant, at > untilInstant { return (out, nil) }
                    if at > asOf { return (out, nil) }
                    if let count = rule.count, out.count >= count { return (out, nil) }
                    if out.count >= limit { return (out, tooMany) }
                    out.append(local)
                }
                if let count = rule.count, out.count >= count { return (out, nil) }
            }
            return (out, nil)
        }

        /// The first day of one period of the rule (`period` intervals after the one holding DTSTART) and
        /// the days in it the rule selects, sorted; nil when the calendar runs out (after 9999).
        func periodDays(_ rule: Rule, start: Day, period: Int) -> (first: Day, days: [Day])? {
            let step = period * rule.interval
            let (sy, sm, sd) = start.civil
            func monthOK(_ day: Day) -> Bool { rule.byMonth.isEmpty || rule.byMonth.contains(day.civil.month) }
            switch rule.frequency {
            case .daily:
                let day = start + step
                guard day.civil.year <= 9999 else { return nil }
                guard monthOK(day) else { return (day, []) }
                if !rule.byMonthDay.isEmpty {
                    let (y, m, d) = day.civil
                    let n = ICalendarReader.daysIn(month: m, year: y)
                    guard rule.byMonthDay.contains(where: { ($0 > 0 ? $0 : n + 1 + $0) == d }) else { return (day, []) }
                }
                if !rule.byDay.isEmpty, !rule.byDay.contains(where: { $0.weekday == day.isoWeekday }) {
                    return (day, [])
                }
                return (day, [day])
            case .weekly:
                let offset = (start.isoWeekday - rule.weekStart + 7) % 7
                let weekStart = start - offset + 7 * step
                guard weekStart.civil.year <= 9999 else { return nil }
                let weekdays = rule.byDay.isEmpty ? [start.isoWeekday] : rule.byDay.map(\.weekday)
                var days: [Day] = []
                for k in 0..<7 {
                    let day = weekStart + k
                    if weekdays.contains(day.isoWeekday) && monthOK(day) { days.append(day) }
                }
                return (weekStart, days)
            case .monthly:
                let total = sy * 12 + (sm - 1) + step
                let (year, month) = (total / 12, total % 12 + 1)
                guard year <= 9999, let first = Day(year: year, month: month, day: 1) else { return nil }
                if !rule.byMonth.isEmpty && !rule.byMonth.contains(month) { return (first, []) }
                return (first, ICalendarReader.monthDays(rule, year: year, month: month, defaultDay: sd))
            case .yearly:
                let year = sy + step
                guard year <= 9999, let first = Day(year: year, month: 1, day: 1) else { return nil }
                let months =
                    !rule.byMonth.isEmpty
                    ? rule.byMonth.sorted()
                    : (rule.byMonthDay.isEmpty && rule.byDay.isEmpty ? [sm] : Array(1...12))
                return (
                    first, months.flatMap { ICalendarReader.monthDays(rule, year: year, month: $0, defaultDay: sd) }
                )
            }
        }
    }

    /// The days of one month that a monthly (or yearly, per month) rule selects, sorted.
    static func monthDays(_ rule: Rule, year: Int, month: Int, defaultDay: Int) -> [Day] {
        let n = daysIn(month: month, year: year)
        guard let first = Day(year: year, month: month, day: 1) else { return [] }
        var fromMonthDay: Set<Int>?
        if !rule.byMonthDay.isEmpty {
            fromMonthDay = Set(rule.byMonthDay.map { $0 > 0 ? $0 : n + 1 + $0 }.filter { (1...n).contains($0) })
        }
        var fromWeekday: Set<Int>?
        if !rule.byDay.isEmpty {
            var set = Set<Int>()
            for (ordinal, weekday) in rule.byDay {
                let firstMatch = 1 + (weekday - first.isoWeekday + 7) % 7
                let matches = Array(stride(from: firstMatch, through: n, by: 7))
                if ordinal == 0 {
                    set.formUnion(matches)
                } else if ordinal > 0, ordinal <= matches.count {
                    set.insert(matches[ordinal - 1])
                } else if ordinal < 0, -ordinal <= matches.count {
                    set.insert(matches[matches.count + ordinal])
                }
            }
            fromWeekday = set
        }
        var days: Set<Int>
        switch (fromMonthDay, fromWeekday) {
        case let (a?, b?): days = a.intersection(b)
        case let (a?, nil): days = a
        case let (nil, b?): days = b
        case (nil, nil): days = defaultDay <= n ? [defaultDay] : []
        }
        return days.sorted().map { first + ($0 - 1) }
    }

    /// The candidates at the 1-based `positions` (negative counts from the end), in order.
    static func select(_ candidates: [Day], positions: [Int]) -> [Day] {
        var picked = Set<Int>()
        for p in positions {
            let index = p > 0 ? p - 1 : candidates.count + p
            if index >= 0 && index < candidates.count { picked.insert(index) }
        }
        return picked.sorted().map { candidates[$0] }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static let weekdayCodes = ["MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6, "SU": 7]

    /// Parses an `RRULE` value.
    static func parseRule(_ text: String, frame: CalendarTime.Frame) -> RuleOutcome {
        var parts: [(String, String)] = []
        for piece in text.split(separator: ";") where !piece.isEmpty {
            guard let eq = piece.firstIndex(of: "=") else {
                return .invalid(
                    found: String(piece),
                    expected: "NAME=value parts separated by semicolons, such as FREQ=WEEKLY;BYDAY=MO")
            }
            parts.append(
                (
                    piece[..<eq].uppercased().trimmingASCIISpaces(),
                    String(piece[piece.index(after: eq)...]).trimmingASCIISpaces()
                ))
        }
        guard let freqText = parts.first(where: { $0.0 == "FREQ" })?.1.uppercased() else {
            return .invalid(found: text, expected: "a rule with FREQ (DAILY, WEEKLY, MONTHLY or YEARLY)")
        }
        guard let frequency = Rule.Frequency(rawValue: freqText) else {
            if ["HOURLY", "MINUTELY", "SECONDLY"].contains(freqText) { return .unsupported("FREQ=\(freqText)") }
            return .invalid(found: "FREQ=" + freqText, expected: "FREQ=DAILY, WEEKLY, MONTHLY or YEARLY")
        }
        var rule = Rule(frequency: frequency)
        func integers(_ value: String, _ range: ClosedRange<Int>, allowNegative: Bool) -> [Int]? {
            var out: [Int] = []
            for item in value.split(separator: ",") {
                guard let n = Int(item.trimmingASCIISpaces()), n != 0, range.contains(abs(n)), allowNegative || n > 0
                else { return nil }
                out.append(n)
            }
            return out.isEmpty ? nil : out
        }
        for (name, value) in parts {
            switch name {
            case "FREQ": break
            case "INTERVAL":
                guard let n = Int(value), (1...10_000).contains(n) else {
                    return .invalid(found: "INTERVAL=" + value, expected: "INTERVAL as a whole number from 1 to 10000")
                }
                rule.interval = n
            case "COUNT":
                guard let n = Int(value), n >= 1 else {
                    return .invalid(found: "COUNT=" + value, expected: "COUNT as a whole number of at least 1")
                }
                rule.count = n
            case "UNTIL":
                let untilFrame: CalendarTime.Frame = value.hasSuffix("Z") || value.hasSuffix("z") ? .utc : frame
                guard let until = parseTime(value, frame: untilFrame, dateOnly: value.count == 8) else {
                    return .invalid(
                        found: "UNTIL=" + value, expected: "UNTIL as a date 20240601 or a date-time 20240601T000000Z")
                }
                rule.until = until
            case "BYDAY":
                for item in value.uppercased().split(separator: ",") {
                    let code = String(item.suffix(2))
                    let ordinalText = item.dropLast(2)
                    guard let weekday = weekdayCodes[code],
                        ordinalText.isEmpty || (Int(ordinalText).map { $0 != 0 && abs($0) <= 53 } ?? false)
                    else {
                        return .invalid(
                            found: "BYDAY=" + value,
                            expected:
                                "BYDAY as weekdays MO, TU, WE, TH, FR, SA, SU, optionally with an ordinal such as 2TU or -1FR"
                        )
                    }
                    let ordinal = Int(ordinalText) ?? 0
                    if ordinal != 0 && frequency == .yearly && !parts.contains(where: { $0.0 == "BYMONTH" }) {
                        return .unsupported("BYDAY with an ordinal in a yearly rule without BYMONTH")
                    }
                    rule.byDay.append((frequency == .daily || frequency == .weekly ? 0 : ordinal, weekday))
                }
            case "BYMONTHDAY":
                guard let days = integers(value, 1...31, allowNegative: true) else {
                    return .invalid(
                        found: "BYMONTHDAY=" + value,
                        expected: "BYMONTHDAY as days 1 to 31 (or -1 to -31 from the month's end)")
                }
                rule.byMonthDay = days
            case "BYMONTH":
                guard let months = integers(value, 1...12, allowNegative: false) else {
                    return .invalid(found: "BYMONTH=" + value, expected: "BYMONTH as months 1 to 12")
                }
                rule.byMonth = months
            case "BYSETPOS":
                guard let positions = integers(value, 1...366, allowNegative: true) else {
                    return .invalid(
                        found: "BYSETPOS=" + value,
                        expected: "BYSETPOS as positions 1 to 366 (or negative from the end)")
                }
                rule.bySetPos = positions
            case "WKST":
                guard let weekday = weekdayCodes[value.uppercased()] else {
                    return .invalid(found: "WKST=" + value, expected: "WKST as a weekday MO, TU, WE, TH, FR, SA or SU")
                }
                rule.weekStart = weekday
            case "BYHOUR", "BYMINUTE", "BYSECOND", "BYWEEKNO", "BYYEARDAY":
                return .unsupported(name)
            default:
                if name.hasPrefix("X-") { continue }
                return .invalid(
                    found: name + "=" + value,
                    expected:
                        "a rule part RFC 5545 defines (FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, WKST...)"
                )
            }
        }
        return .rule(rule)
    }

    /// `20240312T140000Z` (UTC), `20240312T140000` (in `frame`), or `20240312` (a date); nil otherwise.
    static func parseTime(_ text: String, frame: CalendarTime.Frame, dateOnly: Bool) -> CalendarTime? {
        let b = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= b.count else { return nil }
            var n = 0
            for i in range {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        guard b.count >= 8, let y = digits(0..<4), let m = digits(4..<6), let d = digits(6..<8),
            let day = Day(year: y, month: m, day: d)
        else { return nil }
        if b.count == 8 { return CalendarTime(local: LocalTime(day: day, second: 0), frame: .date) }
        guard !dateOnly, b.count == 15 || (b.count == 16 && (b[15] == 0x5A || b[15] == 0x7A)),
            b[8] == 0x54 || b[8] == 0x74,
            let hh = digits(9..<11), let mm = digits(11..<13), let ss = digits(13..<15),
            hh < 24, mm < 60, ss <= 60
        else { return nil }
        let local = LocalTime(day: day, second: hh * 3600 + mm * 60 + min(ss, 59))
        return CalendarTime(local: local, frame: b.count == 16 ? .utc : frame)
    }

    /// An RFC 5545 duration (`P1W`, `P1DT2H`, `PT30M`, `-PT15M`) in seconds; nil when malformed.
    static func parseDuration(_ text: String) -> Int64? {
        var chars = Substring(text.uppercased())
        var sign: Int64 = 1
        if chars.first == "+" || chars.first == "-" {
            if chars.first == "-" { sign = -1 }
            chars = chars.dropFirst()
        }
        guard chars.first == "P" else { return nil }
        chars = chars.dropFirst()
        var total: Int64 = 0
        var number: Int64?
        var inTime = false
        var any = false
        for ch in chars {
            if let digit = ch.wholeNumberValue, ch.isASCII {
                number = (number ?? 0) &* 10 &+ Int64(digit)
                guard number! < 1_000_000_000 else { return nil }
                continue
            }
            if ch == "T" {
                guard number == nil, !inTime else { return nil }
                inTime = true
                continue
            }
            guard let n = number else { return nil }
            switch (ch, inTime) {
            case ("W", false): total += n * 604_800
            case ("D", false): total += n * 86_400
            case ("H", true): total += n * 3600
            case ("M", true): total += n * 60
            case ("S", true): total += n
            default: return nil
            }
            number = nil
            any = true
        }
        guard any, number == nil else { return nil }
        return sign * total
    }
}
