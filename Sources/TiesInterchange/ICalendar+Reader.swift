import Foundation
import TiesCore

/// Reads iCalendar files (`.ics`, RFC 5545) into meetings.
///
/// - Events (`VEVENT`) only: to-dos and journal entries (in a calendar or alone in a file) are listed in
///   ``ImportResult/skipped``; alarms inside events and free/busy blocks are ignored.
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
///   after the as-of instant. Attendees with `CUTYPE` ROOM, RESOURCE or GROUP (or a Google resource address,
///   `@resource.calendar.google.com`, or the `…@virtual` "Contacts" of Google's birthdays calendar) are not
///   people, and one with `ROLE=NON-PARTICIPANT` is copied for information only: they are left out of
///   ``CalendarMeeting/attendees`` (``CalendarAttendee/takesPart``).
/// - Invitations saved as they came (iTIP, several calendars in one file): of one `UID` (and `RECURRENCE-ID`)
///   the version with the highest `SEQUENCE` counts (a moved meeting, once, at its last time), a
///   `METHOD:CANCEL` cancels the versions up to its own, and replies and counter-proposals are no meetings.
/// - Problems (with the line and property): an event without `DTSTART`, a date that cannot be read, a
///   `TZID` neither a table nor an earlier `VTIMEZONE` defines, a malformed `RRULE`, an event without
///   `END:VEVENT`.
///
/// Meetings come out sorted by start, then source id.
public enum ICalendarReader {
    /// The `source` recorded on what this importer brings in.
    public static let source = "ics"

    /// Reads the meetings in `bytes`.
    /// - Throws: ``ParseError`` when the bytes hold no `BEGIN:VCALENDAR` and no `BEGIN:VEVENT`.
    public static func read(_ bytes: [UInt8], options: CalendarImportOptions) throws(ParseError) -> ImportResult<
        CalendarMeeting
    > {
        try read(files: [(name: "", bytes: bytes)], options: options)[0]
    }

    /// Reads the meetings in several files as one calendar — invitations saved one to a file, the later version
    /// of a meeting (a higher `SEQUENCE`) or its `METHOD:CANCEL` in another file than the first — and returns
    /// what each file gave, in the order given. Time zones a file defines hold in that file only.
    /// - Throws: ``ParseError`` naming the file when one holds no `BEGIN:VCALENDAR` and no `BEGIN:VEVENT`.
    public static func read(files: [(name: String, bytes: [UInt8])], options: CalendarImportOptions)
        throws(ParseError) -> [ImportResult<CalendarMeeting>]
    {
        var reader = Reader(options: options, names: files.map(\.name))
        for (index, file) in files.enumerated() {
            reader.file = index
            do throws(ParseError) { try reader.collect(file.bytes) } catch {
                throw file.name.isEmpty ? error : error.in(file.name)
            }
        }
        reader.expandAll()
        for index in reader.results.indices {
            reader.results[index].records.sort { a, b in
                a.start != b.start ? a.start < b.start : a.sourceID < b.sourceID
            }
        }
        return reader.results
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

extension ICalendarReader {
    /// The properties of a `VEVENT` as read so far.
    struct EventProperties {
        var line: Int
        var index: Int
        /// The file it is in (an index into the files read together).
        var file: Int
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
        /// `SEQUENCE`: a re-sent invitation (rescheduled, cancelled) has a higher one than the version it replaces.
        var sequence = 0
        var invalid = false
    }

    /// A `VEVENT` read whole, before expansion: its properties and the `DTSTART` every event has.
    @dynamicMemberLookup
    struct Event {
        let properties: EventProperties
        let start: CalendarTime

        /// The event, or nil when it has no `DTSTART`.
        init?(_ properties: EventProperties) {
            guard let start = properties.start else { return nil }
            self.properties = properties
            self.start = start
        }

        subscript<Value>(dynamicMember keyPath: KeyPath<EventProperties, Value>) -> Value {
            properties[keyPath: keyPath]
        }
    }

    /// Reads one file: collects its events (this file), then expands them (`ICalendar+Expansion.swift`).
    struct Reader {
        typealias Event = ICalendarReader.Event
        typealias Rule = ICalendarReader.Rule

        let options: CalendarImportOptions
        let me: Set<String>
        /// The files' names (for notes that point into another file) and what each gave.
        let names: [String]
        var results: [ImportResult<CalendarMeeting>]
        /// The file being read, or whose event is being expanded.
        var file = 0
        var events: [Event] = []
        /// The `METHOD` of the calendar being read (iTIP: `REQUEST`, `REPLY`, `CANCEL`…), upper-cased.
        var method: String?
        /// The UIDs a `METHOD:CANCEL` without `DTSTART` cancels whole, with its `SEQUENCE`, line and file.
        var cancelledUIDs: [String: (sequence: Int, line: Int, file: Int)] = [:]
        var tzHints: [String: String] = [:]
        var zones: [String: TimeZone?] = [:]
        /// The file's `VTIMEZONE`s, by `TZID`, for names no table knows.
        var customZones: [String: ZoneRules] = [:]
        var clocks: [String: ZoneClock] = [:]
        var emittedSourceIDs = Set<String>()
        let asOf: Int64

        init(options: CalendarImportOptions, names: [String] = [""]) {
            self.options = options
            self.names = names
            results = names.map { _ in ImportResult() }
            me = Set(options.myEmails.compactMap(MatchKey.email))
            asOf = Int64(options.asOf.timeIntervalSince1970.rounded(.down))
        }

        // MARK: Collecting components

        mutating func collect(_ bytes: [UInt8]) throws(ParseError) {
            (method, tzHints, zones, customZones) = (nil, [:], [:], [:])
            var stack: [(name: String, line: Int)] = []
            var current: EventProperties?
            var timezone = TimeZoneComponent()
            var observance = ObservanceComponent()
            var sawCalendar = false
            var eventCount = 0
            for (line, raw) in UnfoldedLines(bytes, quotedPrintableSoftBreaks: false) {
                if raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                guard let property = ContentLine.parse(raw, line: line) else {
                    if current != nil, stack.last?.name == "VEVENT" {
                        results[file].skipped.append(.notAProperty(raw, line: line))
                    }
                    continue
                }
                if property.name == "BEGIN" {
                    let name = String(decoding: property.value, as: UTF8.self).trimmingASCIISpaces().uppercased()
                    stack.append((name, line))
                    switch name {
                    case "VCALENDAR":
                        sawCalendar = true
                        method = nil
                    case "VEVENT":
                        eventCount += 1
                        if let open = current { finish(open, endedProperly: false) }
                        current = EventProperties(line: line, index: eventCount, file: file)
                    case "VTIMEZONE": timezone = TimeZoneComponent()
                    case "STANDARD", "DAYLIGHT": observance = ObservanceComponent()
                    // A to-do or journal entry, in a calendar or alone in its file (Evolution's `task-1.ics`).
                    case "VTODO", "VJOURNAL":
                        sawCalendar = true
                        let what = name == "VTODO" ? "a to-do (VTODO)" : "a journal entry (VJOURNAL)"
                        results[file].skipped.append(SkippedRecord(line: line, reason: what + ", not a meeting"))
                    default: break
                    }
                    continue
                }
                if property.name == "END" {
                    let name = String(decoding: property.value, as: UTF8.self).trimmingASCIISpaces().uppercased()
                    guard let index = stack.lastIndex(where: { $0.name == name }) else {
                        results[file].skipped.append(
                            SkippedRecord(line: line, reason: "END:\(name) has no matching BEGIN; ignored"))
                        continue
                    }
                    stack.removeSubrange(index...)
                    if name == "VEVENT", let done = current {
                        current = nil
                        finish(done, endedProperly: true)
                    } else if name == "VTIMEZONE" {
                        define(timezone)
                    } else if name == "STANDARD" || name == "DAYLIGHT", let read = observance.observance {
                        timezone.observances.append(read)
                    }
                    continue
                }
                switch stack.last?.name {
                case "VEVENT":
                    if current != nil { add(property, to: &current!) }
                case "VTIMEZONE": timezone.read(property)
                case "STANDARD", "DAYLIGHT": observance.read(property)
                case "VCALENDAR" where property.name == "METHOD":
                    method = String(decoding: property.value, as: UTF8.self).trimmingASCIISpaces().uppercased()
                default: break
                }
            }
            if let open = current { finish(open, endedProperly: false) }
            if !sawCalendar && eventCount == 0 {
                throw ParseError(
                    line: 1, found: "<no BEGIN:VCALENDAR and no BEGIN:VEVENT>",
                    expected: "an iCalendar file (.ics) starting with BEGIN:VCALENDAR")
            }
        }

        /// Keeps what a `VTIMEZONE` with a `TZID` says: its location as a hint for the name tables, and its
        /// rules for a name no table knows.
        mutating func define(_ timezone: TimeZoneComponent) {
            guard let id = timezone.id else { return }
            if let location = timezone.location { tzHints[id] = location }
            if !timezone.observances.isEmpty { customZones[id] = ZoneRules(observances: timezone.observances) }
        }

        mutating func finish(_ event: EventProperties, endedProperly: Bool) {
            guard endedProperly else {
                results[file].problems.append(
                    ParseError(
                        line: event.line, record: event.index, field: "END",
                        found: "<the end of the event's lines without END:VEVENT>",
                        expected: "END:VEVENT closing each event"))
                return
            }
            guard !event.invalid else { return }
            // A counter-proposal is an attendee's wish for another time, not a meeting.
            if let method, method == "COUNTER" || method == "DECLINECOUNTER" {
                results[file].skipped.append(
                    SkippedRecord(line: event.line, reason: "a counter-proposal to an invitation (METHOD:\(method))"))
                return
            }
            var event = event
            // iTIP (RFC 5546 §3.2): a reply is an attendee's answer, with or without the meeting's time, and a
            // cancellation cancels what it names whatever its STATUS says (Evolution's `invite-4.ics`: no STATUS).
            if let method, ["REPLY", "REFRESH", "CANCEL"].contains(method) {
                if method == "CANCEL", let original = event.recurrenceID {
                    // One occurrence cancelled: an override that cancels it, at its original time.
                    event.status = "CANCELLED"
                    if event.start == nil { event.start = original }
                } else {
                    if method == "CANCEL", let uid = event.uid,
                        (cancelledUIDs[uid]?.sequence ?? Int.min) <= event.sequence
                    {
                        cancelledUIDs[uid] = (event.sequence, event.line, event.file)
                    }
                    results[file].skipped.append(
                        SkippedRecord(
                            line: event.line, reason: "a reply to or cancellation of an invitation (METHOD:\(method))"))
                    return
                }
            }
            guard let complete = Event(event) else {
                results[file].problems.append(
                    ParseError(
                        line: event.line, record: event.index, field: "DTSTART",
                        found: "<an event with no DTSTART>", expected: "a DTSTART property giving when the event starts"
                    ))
                return
            }
            events.append(complete)
        }

        mutating func problem(_ property: ContentLine, _ event: inout EventProperties, found: String, expected: String)
        {
            results[file].problems.append(
                ParseError(
                    line: property.line, record: event.index, field: property.name, found: found, expected: expected))
            event.invalid = true
        }

        mutating func add(_ property: ContentLine, to event: inout EventProperties) {
            let text = { String(decoding: property.value, as: UTF8.self) }
            switch property.name {
            case "UID": event.uid = ImportSupport.nonEmpty(ContentText.unescaped(text()))
            case "SUMMARY": event.summary = ImportSupport.nonEmpty(ContentText.unescaped(text()))
            case "STATUS": event.status = text().trimmingASCIISpaces().uppercased()
            case "SEQUENCE": event.sequence = Int(text().trimmingASCIISpaces()) ?? 0
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
            // An empty RDATE or EXDATE (written by some generators; python-icalendar's issue 1081) adds or
            // removes nothing: not a reason to leave the event out.
            case "RDATE":
                if property.parameter("VALUE")?.text.uppercased() == "PERIOD" || text().trimmingASCIISpaces().isEmpty {
                    return
                }
                event.rdates += times(property, &event)
            case "EXDATE":
                if text().trimmingASCIISpaces().isEmpty { return }
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
                email = MatchKey.email(value)
            }
            // Apple's and other CalDAV servers' attendees are `urn:uuid:` or principal paths, with the address
            // in the EMAIL parameter (RFC 7986).
            if email == nil, let parameter = property.parameter("EMAIL") {
                email = MatchKey.email(parameter.text)
            }
            return CalendarAttendee(
                email: email, name: property.parameter("CN").flatMap { ImportSupport.nonEmpty($0.text) },
                participation: property.parameter("PARTSTAT")?.text.uppercased(),
                kind: property.parameter("CUTYPE")?.text.uppercased() ?? "INDIVIDUAL",
                role: property.parameter("ROLE")?.text.uppercased())
        }

        /// The property's single date or date-time, or nil after recording a problem.
        mutating func time(_ property: ContentLine, _ event: inout EventProperties) -> CalendarTime? {
            let list = times(property, &event)
            return list.first
        }

        /// The property's comma-separated dates or date-times (EXDATE and RDATE may list several).
        mutating func times(_ property: ContentLine, _ event: inout EventProperties) -> [CalendarTime] {
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
    }
}
