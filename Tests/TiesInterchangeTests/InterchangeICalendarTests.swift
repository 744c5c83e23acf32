import Foundation
import Testing
import TiesCore

@testable import TiesInterchange

@Suite("Interchange: iCalendar")
struct InterchangeICalendarTests {
    static let chicago = TimeZone(identifier: "America/Chicago")!

    /// An instant from `YYYY-MM-DDTHH:MM:SSZ`.
    static func utc(_ text: String) -> Date {
        guard
            case .instant(let date) = try! DateInput.parse(text, field: "test", timeZone: TimeZone(identifier: "UTC")!)
        else {
            fatalError(text)
        }
        return date
    }

    static func options(asOf: String = "2024-04-30T00:00:00Z", max: Int = 10_000) -> CalendarImportOptions {
        CalendarImportOptions(
            myEmails: [InterchangeFixtures.me], timeZone: chicago, asOf: utc(asOf), maxOccurrencesPerEvent: max)
    }

    func read(_ text: String, asOf: String = "2024-04-30T00:00:00Z", max: Int = 10_000) throws -> ImportResult<
        CalendarMeeting
    > {
        try ICalendarReader.read(text, options: Self.options(asOf: asOf, max: max))
    }

    /// A calendar of one event with these properties (a UID is added unless given).
    func one(_ lines: [String], asOf: String = "2024-12-31T00:00:00Z", max: Int = 10_000) throws -> ImportResult<
        CalendarMeeting
    > {
        let withUID = lines.contains { $0.hasPrefix("UID") } ? lines : ["UID:e1"] + lines
        return try read(InterchangeFixtures.calendar([InterchangeFixtures.event(withUID)]), asOf: asOf, max: max)
    }

    func starts(_ result: ImportResult<CalendarMeeting>) -> [Date] { result.records.map(\.start) }

    @Test("times in UTC, IANA zones, Windows zones, floating and all-day, sorted by start")
    func times() throws {
        let result = try read(InterchangeFixtures.mixedCalendar)
        #expect(
            result.records.map(\.uid) == [
                "iana-la", "floating", "all-day", "single-utc@example.com", "outlook-est", "outlook-weu", "outlook-gmt",
            ])
        #expect(
            starts(result) == [
                Self.utc("2024-01-10T16:30:00Z"),  // 08:30 Pacific standard time
                Self.utc("2024-01-18T18:00:00Z"),  // 12:00 floating, read in the user's zone (Chicago, -6)
                Self.utc("2024-02-05T06:00:00Z"),  // all day: Chicago midnight
                Self.utc("2024-03-12T14:00:00Z"),
                Self.utc("2024-03-15T13:00:00Z"),  // Eastern Standard Time, but daylight time since 10 March
                Self.utc("2024-03-20T09:00:00Z"),  // W. Europe Standard Time: still +1 until 31 March
                Self.utc("2024-04-02T09:00:00Z"),  // GMT Standard Time: British summer time
            ])
        let allDay = result.records[2]
        #expect(allDay.allDayDate == Day(year: 2024, month: 2, day: 5))
        #expect(allDay.end == Self.utc("2024-02-07T06:00:00Z"))
        #expect(result.records[5].end == Self.utc("2024-03-20T09:45:00Z"))  // DURATION:PT45M
        #expect(result.records.allSatisfy { !$0.isRecurring })
        #expect(result.records.map(\.sourceID) == result.records.map { $0.uid! })
    }

    @Test("organizer and attendees: the user, rooms and resources are not counted; alarms do not leak")
    func people() throws {
        let result = try read(InterchangeFixtures.mixedCalendar)
        let coffee = try #require(result.records.first { $0.uid == "single-utc@example.com" })
        #expect(coffee.summary == "Coffee with Dana")
        #expect(coffee.organizer == CalendarAttendee(email: "dana.reyes@northside.example", name: "Reyes, Dana"))
        #expect(coffee.attendees.map(\.email) == ["dana.reyes@northside.example", "alex.morgan@example.com"])
        #expect(coffee.others.map(\.displayName) == ["Reyes, Dana"])
        #expect(coffee.groupSize == 1)
        #expect(coffee.includesMe && !coffee.organizedByMe)
        #expect(coffee.end == Self.utc("2024-03-12T15:00:00Z"))
        let berlin = try #require(result.records.first { $0.uid == "outlook-weu" })
        #expect(berlin.organizedByMe && berlin.includesMe)
        #expect(berlin.others.map(\.displayName) == ["juergen@example.de"])
        let lunch = try #require(result.records.first { $0.uid == "floating" })
        #expect(!lunch.includesMe)
    }

    @Test("an attendee given as urn:uuid or a principal path is known by the EMAIL parameter (Apple, CalDAV)")
    func emailParameter() throws {
        let result = try one([
            "DTSTART:20240312T140000Z",
            "ORGANIZER;CN=Me;EMAIL=\(InterchangeFixtures.me):urn:uuid:6f1c0a3e-0000-4000-8000-000000000001",
            "ATTENDEE;CN=\"Kim, Lee\";CUTYPE=INDIVIDUAL;EMAIL=\"Lee.Kim@Mercy.example\";PARTSTAT=ACCEPTED:/12345/principal/",
            "ATTENDEE;CN=No Address;PARTSTAT=ACCEPTED:urn:uuid:6f1c0a3e-0000-4000-8000-000000000002",
        ])
        let meeting = try #require(result.records.first)
        #expect(meeting.includesMe && meeting.organizedByMe)
        #expect(meeting.others.map(\.email) == ["lee.kim@mercy.example", nil])
    }

    /// Outlook's definition of a zone it has no name for: US Eastern rules, from 1601.
    static let customizedZone = [
        "BEGIN:VTIMEZONE", "TZID:Customized Time Zone",
        "BEGIN:STANDARD", "DTSTART:16010101T020000", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500",
        "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11", "END:STANDARD",
        "BEGIN:DAYLIGHT", "DTSTART:16010101T020000", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400",
        "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3", "END:DAYLIGHT",
        "END:VTIMEZONE",
        "BEGIN:VTIMEZONE", "TZID:India (custom)",
        "BEGIN:STANDARD", "DTSTART:16010101T000000", "TZOFFSETFROM:+0530", "TZOFFSETTO:+0530", "END:STANDARD",
        "END:VTIMEZONE",
    ]

    @Test("a TZID no table knows is read by the calendar's own VTIMEZONE rules, across daylight saving")
    func customizedZone() throws {
        let organizer = "ORGANIZER:mailto:\(InterchangeFixtures.me)"
        let text = InterchangeFixtures.calendar(
            [
                InterchangeFixtures.event([
                    "UID:weekly", "DTSTART;TZID=\"Customized Time Zone\":20240305T100000", "RRULE:FREQ=WEEKLY;COUNT=2",
                    organizer, "ATTENDEE:mailto:dana@example.org",
                ]),
                InterchangeFixtures.event([
                    "UID:autumn", "DTSTART;TZID=Customized Time Zone:20241103T100000", organizer,
                    "ATTENDEE:mailto:dana@example.org",
                ]),
                InterchangeFixtures.event([
                    "UID:india", "DTSTART;TZID=India (custom):20240705T100000", organizer,
                    "ATTENDEE:mailto:dana@example.org",
                ]),
            ], extra: Self.customizedZone)
        let result = try read(text, asOf: "2024-12-31T00:00:00Z")
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(
            starts(result) == [
                Self.utc("2024-03-05T15:00:00Z"),  // EST, before the second Sunday of March
                Self.utc("2024-03-12T14:00:00Z"),  // EDT
                Self.utc("2024-07-05T04:30:00Z"),  // +05:30, no rule
                Self.utc("2024-11-03T15:00:00Z"),  // EST again from the first Sunday of November
            ])
    }

    @Test("VTIMEZONE rules: nth and last weekdays of a month, offsets with seconds")
    func zoneRuleDays() {
        func onset(_ month: Int, _ ordinal: Int, _ weekday: Int, _ year: Int) -> String? {
            let observance = ZoneRules.Observance(
                start: LocalTime(day: Day(year: 1601, month: 1, day: 1)!, second: 7200), offsetFrom: 0, offsetTo: 0,
                month: month, weekday: (ordinal, weekday))
            return observance.onsetDay(year: year)?.description
        }
        #expect(onset(3, 2, 7, 2024) == "2024-03-10")  // second Sunday of March
        #expect(onset(10, -1, 7, 2024) == "2024-10-27")  // last Sunday of October
        #expect(onset(11, 1, 7, 2024) == "2024-11-03")
        #expect(onset(2, 5, 4, 2024) == "2024-02-29" && onset(2, 5, 4, 2023) == nil)  // a fifth Thursday, or none
        #expect(ZoneRules.parseOffset("-0500") == -18_000 && ZoneRules.parseOffset("+053000") == 19_800)
        #expect(ZoneRules.parseOffset("0500") == nil && ZoneRules.parseOffset("+5") == nil)
    }

    @Test("declined, cancelled and future events are skipped with a reason; an unknown zone is a problem")
    func skippedAndProblems() throws {
        let text = InterchangeFixtures.mixedCalendar
        let result = try read(text)
        #expect(
            result.skipped.map(\.reason) == [
                "you declined the event", "the event is cancelled", "the event starts after the as-of time",
            ])
        let lines = text.components(separatedBy: "\r\n")
        let atlantis = try #require(lines.firstIndex { $0.contains("Atlantis") }) + 1
        #expect(result.problems.count == 1)
        let problem = result.problems[0]
        #expect(problem.line == atlantis && problem.field == "DTSTART" && problem.record == 11)
        #expect(problem.description.contains("found \"Atlantis Standard Time\"; expected a time zone"))
    }

    @Test("a weekly series across daylight saving, with EXDATE, a moved and a cancelled occurrence")
    func weekly() throws {
        let result = try read(InterchangeFixtures.weeklySeries)
        #expect(result.problems.isEmpty)
        #expect(
            starts(result) == [
                Self.utc("2024-03-04T14:00:00Z"),  // 09:00 EST
                Self.utc("2024-03-11T13:00:00Z"),  // 09:00 EDT: the wall clock stays at 09:00
                Self.utc("2024-03-14T14:00:00Z"),  // the 13 March occurrence, moved to 14 March 10:00
                Self.utc("2024-03-20T13:00:00Z"),
            ])
        #expect(
            result.records.map(\.sourceID) == [
                "weekly@example.com|20240304T140000Z", "weekly@example.com|20240311T130000Z",
                "weekly@example.com|20240313T130000Z", "weekly@example.com|20240320T130000Z",
            ])
        #expect(result.records[2].summary == "Mentoring (moved)")
        #expect(result.records[2].end == Self.utc("2024-03-14T14:30:00Z"))
        #expect(result.records[1].end == Self.utc("2024-03-11T13:30:00Z"))
        #expect(result.records.allSatisfy { $0.isRecurring && $0.others.map(\.displayName) == ["Dana Reyes"] })
        #expect(result.skipped.map(\.reason) == ["the occurrence 20240318T130000Z is cancelled"])
    }

    @Test("re-reading gives identical meetings and unique source ids")
    func idempotent() throws {
        let first = try read(InterchangeFixtures.weeklySeries + InterchangeFixtures.mixedCalendar)
        let second = try read(InterchangeFixtures.weeklySeries + InterchangeFixtures.mixedCalendar)
        #expect(first.records == second.records)
        #expect(Set(first.records.map(\.sourceID)).count == first.records.count)
    }

    @Test("a copy of the same event is read once")
    func duplicates() throws {
        let event = InterchangeFixtures.event(["UID:dup", "DTSTART:20240101T100000Z", "ATTENDEE:mailto:a@example.com"])
        let result = try read(InterchangeFixtures.calendar([event, event]))
        #expect(result.records.count == 1)
        #expect(result.skipped.count == 1)
        // Two versions of one invitation with one SEQUENCE and two times (ical4j's incoming.ics): the first read
        // counts, and the note does not say the starts are the same.
        let moved = InterchangeFixtures.event([
            "UID:dup", "SEQUENCE:2", "DTSTART:20240101T110000Z", "ATTENDEE:mailto:a@example.com",
        ])
        let first = InterchangeFixtures.event([
            "UID:dup", "SEQUENCE:2", "DTSTART:20240101T100000Z", "ATTENDEE:mailto:a@example.com",
        ])
        let versions = try read(InterchangeFixtures.calendar([first, moved]))
        #expect(versions.records.map(\.start) == [Self.utc("2024-01-01T10:00:00Z")])
        #expect(
            versions.skipped.map(\.reason) == [
                "an event with the same UID and SEQUENCE (dup) was read before; this copy is ignored"
            ])
    }

    @Test(
        "recurrence rules",
        arguments: [
            (
                "DTSTART:20240109T150000Z", "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20240430T235959Z",
                ["2024-01-09T15:00:00Z", "2024-02-13T15:00:00Z", "2024-03-12T15:00:00Z", "2024-04-09T15:00:00Z"]
            ),
            (
                "DTSTART:20240131T100000Z", "FREQ=MONTHLY;COUNT=4",
                ["2024-01-31T10:00:00Z", "2024-03-31T10:00:00Z", "2024-05-31T10:00:00Z", "2024-07-31T10:00:00Z"]
            ),
            (
                "DTSTART:20240131T170000Z", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3",
                ["2024-01-31T17:00:00Z", "2024-02-29T17:00:00Z", "2024-03-29T17:00:00Z"]
            ),
            (
                "DTSTART:20240102T090000Z", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=4",
                ["2024-01-02T09:00:00Z", "2024-01-04T09:00:00Z", "2024-01-16T09:00:00Z", "2024-01-18T09:00:00Z"]
            ),
            (
                "DTSTART:20221124T180000Z", "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;COUNT=3",
                ["2022-11-24T18:00:00Z", "2023-11-23T18:00:00Z", "2024-11-28T18:00:00Z"]
            ),
            (
                "DTSTART;TZID=America/New_York:20240309T090000", "FREQ=DAILY;COUNT=3",
                ["2024-03-09T14:00:00Z", "2024-03-10T13:00:00Z", "2024-03-11T13:00:00Z"]
            ),
            (
                "DTSTART:20241225T120000Z", "FREQ=DAILY;INTERVAL=2",
                ["2024-12-25T12:00:00Z", "2024-12-27T12:00:00Z", "2024-12-29T12:00:00Z"]
            ),
            (
                "DTSTART:20240701T120000Z", "FREQ=DAILY;BYDAY=SA,SU;BYMONTH=7;UNTIL=20240714",
                [
                    "2024-07-01T12:00:00Z", "2024-07-06T12:00:00Z", "2024-07-07T12:00:00Z", "2024-07-13T12:00:00Z",
                    "2024-07-14T12:00:00Z",
                ]
            ),
            (
                "DTSTART:20240105T080000", "FREQ=WEEKLY;UNTIL=20240119T080000",
                ["2024-01-05T14:00:00Z", "2024-01-12T14:00:00Z", "2024-01-19T14:00:00Z"]
            ),
        ])
    func rules(start: String, rule: String, expected: [String]) throws {
        let result = try one([start, "RRULE:" + rule], asOf: "2024-12-30T00:00:00Z")
        #expect(result.problems.isEmpty)
        #expect(starts(result) == expected.map(Self.utc))
    }

    @Test("all-day yearly rules skip 29 February in common years, and UNTIL may be a date")
    func allDayRules() throws {
        let leap = try one(["DTSTART;VALUE=DATE:20200229", "RRULE:FREQ=YEARLY"], asOf: "2029-01-01T00:00:00Z")
        #expect(
            leap.records.map(\.allDayDate) == [
                Day(year: 2020, month: 2, day: 29), Day(year: 2024, month: 2, day: 29),
                Day(year: 2028, month: 2, day: 29),
            ])
        #expect(leap.records.map(\.sourceID) == ["e1|20200229", "e1|20240229", "e1|20280229"])
        let daily = try one(["DTSTART;VALUE=DATE:20240101", "RRULE:FREQ=DAILY;UNTIL=20240103"])
        #expect(daily.records.count == 3)
    }

    @Test("RDATE adds occurrences; EXDATE as a date removes a timed occurrence that day")
    func rdateExdate() throws {
        let result = try one([
            "DTSTART:20240101T100000Z", "RRULE:FREQ=DAILY;COUNT=3",
            "RDATE:20240110T100000Z,20240111T100000Z", "EXDATE;VALUE=DATE:20240102",
        ])
        #expect(
            starts(result)
                == ["2024-01-01T10:00:00Z", "2024-01-03T10:00:00Z", "2024-01-10T10:00:00Z", "2024-01-11T10:00:00Z"].map(
                    Self.utc))
    }

    @Test("an empty RDATE or EXDATE adds or removes nothing (python-icalendar's issue 1081)")
    func emptyRdateExdate() throws {
        let result = try one(["DTSTART:20240101T100000Z", "RRULE:FREQ=DAILY;COUNT=2", "RDATE:", "EXDATE: "])
        #expect(result.problems.isEmpty)
        #expect(starts(result) == ["2024-01-01T10:00:00Z", "2024-01-02T10:00:00Z"].map(Self.utc))
    }

    @Test("expansion stops at the as-of time and at the occurrence limit")
    func limits() throws {
        let open = try one(["DTSTART:20240425T120000Z", "RRULE:FREQ=DAILY;INTERVAL=2"], asOf: "2024-04-30T00:00:00Z")
        #expect(starts(open) == ["2024-04-25T12:00:00Z", "2024-04-27T12:00:00Z", "2024-04-29T12:00:00Z"].map(Self.utc))
        let capped = try one(["DTSTART:20200101T000000Z", "RRULE:FREQ=DAILY"], max: 100)
        #expect(capped.records.count == 100)
        #expect(capped.skipped.count == 1 && capped.skipped[0].reason.contains("more than 100 occurrences"))
    }

    @Test("a rule with parts Ties does not expand keeps the first occurrence and says so")
    func unsupported() throws {
        let result = try one(["DTSTART:20240101T100000Z", "RRULE:FREQ=DAILY;BYHOUR=10,15"])
        #expect(result.records.count == 1)
        #expect(result.records[0].sourceID == "e1|20240101T100000Z")
        #expect(result.skipped.map(\.line) == [7])  // the RRULE line
        #expect(result.skipped[0].reason.contains("BYHOUR"))
    }

    @Test(
        "malformed rules and dates are problems with line and property",
        arguments: [
            ("RRULE:FREQ=FORTNIGHTLY", "RRULE"), ("RRULE:FREQ=WEEKLY;BYDAY=XX", "RRULE"),
            ("RRULE:FREQ=DAILY;COUNT=0", "RRULE"),
            ("RRULE:INTERVAL=2", "RRULE"), ("EXDATE:2024-01-02", "EXDATE"), ("DURATION:1 hour", "DURATION"),
        ])
    func malformed(line: String, field: String) throws {
        let result = try one(["DTSTART:20240101T100000Z", line])
        #expect(result.records.isEmpty)
        #expect(result.problems.count == 1)
        #expect(result.problems[0].line == 7 && result.problems[0].field == field && result.problems[0].record == 1)
    }

    @Test("an event without DTSTART or END:VEVENT is a problem; a file that is not a calendar is refused")
    func structure() throws {
        let result = try read(
            InterchangeFixtures.crlf([
                "BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:a", "SUMMARY:No start", "END:VEVENT",
                "BEGIN:VEVENT", "UID:b", "DTSTART:20240101T100000Z",
            ]))
        #expect(result.records.isEmpty)
        #expect(result.problems.map(\.line) == [2, 6])
        #expect(result.problems.map(\.field) == ["DTSTART", "END"])
        #expect {
            try ICalendarReader.read("BEGIN:VCARD\r\nFN:x\r\nEND:VCARD\r\n", options: Self.options())
        } throws: { error in
            (error as? ParseError)?.line == 1
        }
    }

    @Test("an occurrence override without its series stands alone; events without UID get a hash id")
    func orphansAndHashes() throws {
        let orphan = try one(["UID:lonely", "RECURRENCE-ID:20240105T100000Z", "DTSTART:20240105T110000Z"])
        #expect(orphan.records.map(\.sourceID) == ["lonely|20240105T100000Z"])
        let noUID = try read(
            InterchangeFixtures.calendar([
                InterchangeFixtures.event([
                    "SUMMARY:Drinks", "DTSTART:20240105T180000Z", "ORGANIZER:mailto:Olu@example.co.uk",
                ])
            ]))
        let expected = "fnv1a64:" + FNV1a64.hex("Drinks\n20240105T180000Z\nolu@example.co.uk")
        #expect(noUID.records.map(\.sourceID) == [expected])
    }

    @Test(
        "TZID forms: Outlook display names, vendor prefixes, VTIMEZONE X-LIC-LOCATION",
        arguments: [
            "(UTC-05:00) Eastern Time (US & Canada)", "/mozilla.org/20050126_1/America/New_York", "US-Eastern-Custom",
            // A global name with a slash and nothing before it (python-icalendar's issue 466, a real calendar).
            "/America/New_York",
        ])
    func tzidForms(tzid: String) throws {
        let text = InterchangeFixtures.calendar(
            [InterchangeFixtures.event(["UID:z", "DTSTART;TZID=\"\(tzid)\":20240115T090000"])],
            extra: ["BEGIN:VTIMEZONE", "TZID:US-Eastern-Custom", "X-LIC-LOCATION:America/New_York", "END:VTIMEZONE"])
        let result = try read(text)
        #expect(result.problems.isEmpty)
        #expect(starts(result) == [Self.utc("2024-01-15T14:00:00Z")])
    }

    @Test("every Windows and Outlook zone in the tables resolves on this system")
    func zoneTables() {
        let missing = (TimeZoneNames.windowsToIANA.keys.sorted() + TimeZoneNames.outlookDisplayNames.keys.sorted())
            .filter { TimeZoneNames.resolve($0) == nil }
        #expect(missing == [])
        #expect(TimeZoneNames.resolve("Eastern Standard Time")?.identifier == "America/New_York")
        #expect(TimeZoneNames.resolve("w. europe standard time")?.identifier == "Europe/Berlin")
        #expect(TimeZoneNames.resolve("EST") == nil)  // abbreviations are not guessed
    }

    @Test(
        "durations",
        arguments: [
            ("PT1H", 3600), ("PT30M", 1800), ("P1D", 86_400), ("P1W", 604_800), ("P1DT2H3M4S", 93_784),
            ("-PT15M", -900),
        ])
    func durations(text: String, seconds: Int) {
        #expect(ICalendarReader.parseDuration(text) == Int64(seconds))
    }

    @Test("thousands of events, recurring ones included, are all read")
    func large() throws {
        var events: [String] = []
        for k in 0..<5_000 {
            let day = 1 + k % 28
            let month = 1 + (k / 28) % 12
            var lines = [
                "UID:bulk-\(k)@example.com", "SUMMARY:Meeting \(k)",
                String(format: "DTSTART;TZID=America/New_York:2023%02d%02dT%02d0000", month, day, 8 + k % 9),
                "DTEND;TZID=America/New_York:20230101T000000",
                "ORGANIZER;CN=Person \(k % 300):mailto:p\(k % 300)@example.org",
                "ATTENDEE;CN=Alex Morgan;PARTSTAT=ACCEPTED:mailto:alex.morgan@example.com",
                "ATTENDEE;CN=Person \(k % 301);PARTSTAT=ACCEPTED:mailto:q\(k % 301)@example.org",
            ]
            if k % 50 == 0 { lines.append("RRULE:FREQ=WEEKLY;COUNT=10") }
            events.append(InterchangeFixtures.event(lines))
        }
        let result = try read(InterchangeFixtures.calendar(events), asOf: "2024-12-31T00:00:00Z")
        #expect(result.problems.isEmpty)
        #expect(result.records.count == 4_900 + 100 * 10)
    }
}
