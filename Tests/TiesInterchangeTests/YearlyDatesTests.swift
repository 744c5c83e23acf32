import Foundation
import Testing
import TiesCore

@testable import TiesInterchange

/// Issue 12 item 7: birthdays and work anniversaries read from vCard and address-book CSV, and written as
/// a yearly calendar that the project's own iCalendar reader expands back to the right days.
@Suite("Interchange: dates that matter")
struct YearlyDatesTests {
    @Test(
        "a yearly date is read with or without a year, in every form vCard and the command line use",
        arguments: [
            ("--0415", "--04-15"), ("--04-15", "--04-15"), ("04-15", "--04-15"), ("1985-04-15", "1985-04-15"),
            ("19850415", "1985-04-15"), ("1985-04-15T00:00:00Z", "1985-04-15"), ("--0229", "--02-29"),
            ("1984-02-29", "1984-02-29"),
        ])
    func parses(text: String, expected: String) {
        #expect(YearlyDate.parse(text)?.description == expected)
    }

    @Test(
        "what is not a date is refused",
        arguments: ["", "15/04", "--1304", "02-30", "1985-02-29", "1985-4-15", "--04-15-", "circa 1800", "0415"])
    func refuses(text: String) {
        #expect(YearlyDate.parse(text) == nil)
    }

    @Test("February 29 comes on February 28 in a year that is not leap; a date passed comes next year")
    func nextOccurrence() throws {
        let leap = try #require(YearlyDate.parse("--02-29"))
        #expect(leap.next(onOrAfter: Day(year: 2027, month: 1, day: 1)!) == Day(year: 2027, month: 2, day: 28))
        #expect(leap.next(onOrAfter: Day(year: 2028, month: 1, day: 1)!) == Day(year: 2028, month: 2, day: 29))
        let april = try #require(YearlyDate.parse("1985-04-15"))
        #expect(april.next(onOrAfter: Day(year: 2026, month: 4, day: 15)!) == Day(year: 2026, month: 4, day: 15))
        #expect(april.next(onOrAfter: Day(year: 2026, month: 4, day: 16)!) == Day(year: 2027, month: 4, day: 15))
    }

    /// Made-up people; the forms are those of RFC 6350 §6.2.5–6.2.6 (`BDAY`, `ANNIVERSARY`, truncated
    /// `--MMDD`), vCard 3 as Apple Contacts writes it (`BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-15`,
    /// `X-ANNIVERSARY`, a labelled `item2.X-ABDATE` whose `X-ABLabel` says Anniversary), and a text birthday (`VALUE=text`), which is noted and left out.
    static let cards = """
        BEGIN:VCARD\r
        VERSION:4.0\r
        FN:Dana Reyes\r
        BDAY:--0415\r
        ANNIVERSARY:20190902\r
        END:VCARD\r
        BEGIN:VCARD\r
        VERSION:3.0\r
        FN:Sam Okafor\r
        BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29\r
        X-ANNIVERSARY:2015-06-01\r
        END:VCARD\r
        BEGIN:VCARD\r
        VERSION:4.0\r
        FN:Lee Park\r
        BDAY;VALUE=text:circa 1980\r
        END:VCARD\r
        BEGIN:VCARD\r
        VERSION:3.0\r
        FN:Ana Silva\r
        item1.X-ABDATE;type=pref:2012-10-22\r
        item1.X-ABLabel:_$!<Other>!$_\r
        item2.X-ABDATE;X-APPLE-OMIT-YEAR=1604:1604-04-12\r
        item2.X-ABLabel:_$!<Anniversary>!$_\r
        END:VCARD\r

        """

    @Test("vCard BDAY and ANNIVERSARY become the person's birthday and work anniversary")
    func vCard() throws {
        let read = VCardReader.read(Self.cards)
        #expect(read.problems.isEmpty)
        let people = read.records.map(\.person)
        #expect(people.map { $0.birthday?.description } == ["--04-15", "--02-29", nil, nil])
        #expect(people.map { $0.workAnniversary?.description } == ["2019-09-02", "2015-06-01", nil, "--04-12"])
        #expect(read.skipped.contains { $0.reason.contains("BDAY \"circa 1980\" is not a date") })
    }

    @Test("Google's Birthday and anniversary event, Outlook's Birthday and Anniversary columns")
    func addressBooks() throws {
        // Google Contacts' 2021– export header (Event N - Type/Value), Outlook's "Anniversary"; made-up people.
        let google = """
            First Name,Last Name,Birthday,Event 1 - Type,Event 1 - Value,E-mail 1 - Value\r
            Dana,Reyes, --04-15,Anniversary,2019-09-02,dana@example.org\r
            Sam,Okafor,1985-02-28,Other,2020-01-01,sam@example.org\r

            """
        let g = try AddressBookCSV.read(Array(google.utf8))
        #expect(g.records.map { $0.person.birthday?.description } == ["--04-15", "1985-02-28"])
        #expect(g.records.map { $0.person.workAnniversary?.description } == ["2019-09-02", nil])
        let outlook = """
            First Name,Last Name,Job Title,Birthday,Anniversary,E-mail Address\r
            Dana,Reyes,Partner,4/15/1985,9/2/2019,dana@example.org\r
            Sam,Okafor,,0/0/00,0/0/00,sam@example.org\r

            """
        let o = try AddressBookCSV.read(Array(outlook.utf8))
        #expect(o.records.map { $0.person.birthday?.description } == ["1985-04-15", nil])
        #expect(o.records.map { $0.person.workAnniversary?.description } == ["2019-09-02", nil])
    }

    @Test("the calendar is valid iCalendar: the project's reader expands each date to the right day every year")
    func calendarReadsBack() throws {
        let entries = [
            YearlyDatesCalendar.Entry(
                personID: 1, name: "Dana Reyes, MD", isBirthday: true, date: try #require(YearlyDate.parse("--12-03"))),
            YearlyDatesCalendar.Entry(
                personID: 2, name: "Sam Okafor", isBirthday: false, date: try #require(YearlyDate.parse("2020-02-29"))),
        ]
        let text = YearlyDatesCalendar.write(entries)
        #expect(text.hasSuffix("END:VCALENDAR\r\n") && !text.contains("\n\n"))
        #expect(text.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        let utc = try #require(TimeZone(identifier: "UTC"))
        guard case .instant(let asOf) = try DateInput.parse("2028-12-31T00:00:00Z", field: "t", timeZone: utc) else {
            Issue.record("as-of")
            return
        }
        let read = try ICalendarReader.read(
            text, options: CalendarImportOptions(myEmails: [], timeZone: utc, asOf: asOf))
        #expect(read.problems.isEmpty)
        let byPerson = Dictionary(grouping: read.records, by: { $0.summary ?? "" })
        let birthdays = try #require(byPerson["Dana Reyes, MD: birthday"]).compactMap(\.allDayDate)
        #expect(birthdays.count == 29)  // 2000 to 2028
        #expect(birthdays.allSatisfy { $0.civil.month == 12 && $0.civil.day == 3 })
        let leap = Set(try #require(byPerson["Sam Okafor: work anniversary (since 2020)"]).compactMap(\.allDayDate))
        for (y, d) in [(2020, 29), (2021, 28), (2024, 29), (2027, 28), (2028, 29)] {
            #expect(leap.contains(Day(year: y, month: 2, day: d)!), "\(y)")
        }
        #expect(leap.count == 9)
        #expect(YearlyDatesCalendar.write(entries) == text)
    }

    @Test("a CSV row with a date only is read as that date, and keeps the id it had before dates stayed dates")
    func csvDateOnlyRow() throws {
        // The columns of `ties export interactions` (this project's own CSV); a made-up person.
        let bytes = Array("person,occurred_at,kind\r\nDana Reyes,2026-03-18,email\r\n".utf8)
        let chicago = try #require(TimeZone(identifier: "America/Chicago"))
        let read = TiesCSVImport.interactions(try CSVTable(bytes: bytes), file: "i.csv", timeZone: chicago)
        let i = try #require(read.records.first?.interaction)
        #expect(i.dateOnly && DateOnly.day(of: i.occurredAt) == Day(year: 2026, month: 3, day: 18))
        // Before, the row was stored at its first second in the import's zone, and its id hashed that.
        let march18 = try #require(Day(year: 2026, month: 3, day: 18))
        let midnight = Int64(
            DateInput.day(march18).startInstant(timeZone: chicago)
                .timeIntervalSince1970)
        let before =
            "row-"
            + FNV1a64.hex(
                ["dana reyes", String(midnight), "email", "mutual", "1", "1", ""].joined(separator: "\u{1F}"))
        #expect(i.sourceID == before)
    }
}
