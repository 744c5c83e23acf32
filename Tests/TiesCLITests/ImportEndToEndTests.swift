import Foundation
import Testing
import TiesTestSupport

@Suite("ties import, end to end")
struct ImportEndToEndTests {
    let store = StoreUnderTest()

    func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!.path
    }

    func start() throws {
        #expect(try store.ties(["init"]).status == 0)
        #expect(try store.ties(["me", "set", "name", "Jordan Ellis"]).status == 0)
        #expect(
            try store.ties(["me", "set", "email", "jordan.ellis@newmail.example", "--since", "2026-01-01"]).status == 0)
    }

    @Test("LinkedIn, vCard and calendar files come in; importing them again changes nothing")
    func importsAndIsIdempotent() throws {
        try start()
        let steps = [
            ["import", "linkedin", fixture("Connections.csv"), fixture("messages.csv")],
            ["import", "vcard", fixture("contacts.vcf")],
            ["import", "ics", fixture("calendar.ics"), "--create-people", "--as-of", "2026-06-30"],
        ]
        for step in steps {
            let result = try store.ties(step)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        let people = try store.ties(["export", "people"]).stdout
        let interactions = try store.ties(["export", "interactions"]).stdout
        // Dana and Sam from LinkedIn (Sam merged with the card that has his email), Ana from the cards,
        // Lee from the calendar under the name the attendee line gives; no room.
        #expect(people.contains("Dana Reyes,,,\"Hale & Partners, Inc.\",Partner"))
        #expect(
            people.contains("Sam Okafor,,,Mercy Health,\"Director, Operations\",,,sam@mercy.example,'+1 312 555 0142"))
        #expect(people.contains("Lee Park") && !people.contains("Room 4"))
        #expect(
            interactions.contains(
                "connected,mutual,yes,1,,linkedin-connections,https://www.linkedin.com/in/dana-reyes-0a1b2c"))
        #expect(
            interactions.contains(",message,in,yes,1,,linkedin-messages,") && interactions.contains(",message,out,"))
        #expect(interactions.components(separatedBy: "Weekly sync").count - 1 == 3)  // a weekly series, COUNT=3
        for step in steps {
            let again = try store.ties(step)
            #expect(again.status == 0)
            #expect(again.stdout.contains("0 added"), "\(again.stdout)")
        }
        #expect(try store.ties(["export", "people"]).stdout == people)
        #expect(try store.ties(["export", "interactions"]).stdout == interactions)
    }

    @Test("export, import into a new store, export again: the same files, web and LinkedIn addresses and dates too")
    func roundTrip() throws {
        #expect(try store.ties(["demo", "--people", "40", "--years", "1", "--as-of", "2026-06-30"]).status == 0)
        let card = store.dir.file("dana.vcf")
        try Data(
            """
            BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana Quill\r\nURL:https://www.linkedin.com/in/dana-quill\r
            URL:https://dana.example/blog\r\nBDAY:--0415\r\nEND:VCARD\r\n
            """.utf8
        ).write(to: card)
        #expect(try store.ties(["import", "vcard", card.path]).status == 0)
        let edited = try store.ties([
            "person", "edit", "Dana Quill", "--known-since", "2019-05-01", "--anniversary", "2015-09-01",
        ])
        #expect(edited.status == 0, "\(edited.stderr)")
        let people = store.dir.file("people.csv")
        let interactions = store.dir.file("interactions.csv")
        #expect(try store.ties(["export", "people", "--out", people.path]).status == 0)
        #expect(try store.ties(["export", "interactions", "--out", interactions.path]).status == 0)
        let other = store.dir.file("other.sqlite").path
        #expect(try TiesBinary.run(["init", "--db", other]).status == 0)
        let imported = try TiesBinary.run(["import", "csv", people.path, interactions.path, "--db", other])
        #expect(imported.status == 0, "\(imported.stderr)")
        let exported = String(decoding: contents(of: people)!, as: UTF8.self)
        #expect(
            exported.contains(
                ",https://www.linkedin.com/in/dana-quill;https://dana.example/blog,'--04-15,2015-09-01,2019-05-01\r\n"),
            "\(exported)")
        #expect(try TiesBinary.run(["export", "people", "--db", other]).stdout == exported)
        let shown = try TiesBinary.run(["person", "show", "Dana Quill", "--db", other]).stdout
        #expect(shown.contains("linkedin:     https://www.linkedin.com/in/dana-quill"), "\(shown)")
        #expect(
            try TiesBinary.run(["export", "interactions", "--db", other]).stdout
                == String(decoding: contents(of: interactions)!, as: UTF8.self))
    }

    @Test("a people CSV with a date that is none: exit 65, each named by line and column, the store unchanged")
    func badPersonDates() throws {
        #expect(try store.ties(["init"]).status == 0)
        let file = store.dir.file("people.csv")
        try Data("name,birthday,known_since\nAda Quill,13-45,2019-05-01\nBram Lind,04-15,last spring\n".utf8)
            .write(to: file)
        let (result, unchanged) = try TiesBinary.runRefused(["import", "csv", file.path], store: store.db)
        #expect(result.status == 65 && unchanged, "\(result.stderr)")
        #expect(result.stderr.contains("people.csv, line 2, field \"birthday\": found \"13-45\""), "\(result.stderr)")
        #expect(result.stderr.contains("line 3, field \"known_since\": found \"last spring\""), "\(result.stderr)")
    }

    @Test("a dry run reports what would change and writes nothing")
    func dryRun() throws {
        try start()
        let before = store.snapshot()
        let result = try store.ties(["import", "linkedin", fixture("Connections.csv"), "--dry-run"])
        #expect(result.status == 0 && result.stdout.contains("Dry run") && result.stdout.contains("2 added"))
        #expect(store.snapshot() == before)
    }

    @Test(
        "malformed records stop the import with file, line and field, and write nothing; --skip-invalid imports the rest"
    )
    func malformed() throws {
        try start()
        let file = store.dir.file("people.csv")
        try "name,closeness,roles\r\nGood Person,3,mentor\r\nBad Closeness,9,\r\nBad Role,,wizard\r\n".write(
            to: file, atomically: true, encoding: .utf8)
        let before = store.snapshot()
        let refused = try store.ties(["import", "csv", file.path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("people.csv, line 3, field \"closeness\": found \"9\""))
        #expect(refused.stderr.contains("people.csv, line 4, field \"roles\": found \"wizard\""))
        #expect(store.snapshot() == before)
        let skipped = try store.ties(["import", "csv", file.path, "--skip-invalid"])
        #expect(
            skipped.status == 0 && skipped.stdout.contains("1 added") && skipped.stdout.contains("2 records skipped"))
        #expect(try store.ties(["person", "list", "--format", "csv"]).stdout.contains("Good Person,mentor"))
    }

    @Test(
        "interactions CSV: a bad row refuses the whole command and writes nothing; people come first, whatever the file order"
    )
    func interactionsRefusedThenImported() throws {
        try start()
        let people = store.dir.file("people.csv")
        try "name,roles\r\nAna Silva,mentor\r\n".write(to: people, atomically: true, encoding: .utf8)
        let interactions = store.dir.file("interactions.csv")
        try """
        person,occurred_at,kind,source_id\r
        Ana Silva,2026-03-02T10:00:00Z,call,a1\r
        Ana Silva,2026-03-09,coffee,a2\r
        Ana Silva,2026-03-10\r
        Ana Silva,2026-03-16T09:30:00+01:00,meeting,a3\r

        """.write(to: interactions, atomically: true, encoding: .utf8)
        let before = store.snapshot()
        let refused = try store.ties(["import", "csv", interactions.path, people.path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("2 records cannot be read; nothing was imported"))
        #expect(refused.stderr.contains("interactions.csv, line 3, field \"kind\": found \"coffee\""))
        #expect(refused.stderr.contains("interactions.csv, line 4"))
        #expect(store.snapshot() == before)
        let skipped = try store.ties(["import", "csv", interactions.path, people.path, "--skip-invalid"])
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stdout.contains("people: 1 added") && skipped.stdout.contains("interactions: 2 added"))
        #expect(skipped.stdout.contains("2 records skipped"))
        let again = try store.ties(["import", "csv", interactions.path, people.path, "--skip-invalid"])
        #expect(again.stdout.contains("interactions: 0 added, 2 already present"))
        // A spreadsheet of one's own, without ids or source ids: importing it twice adds its rows once.
        let own = store.dir.file("own.csv")
        // Rows 2 and 3 repeat row 1 (the same instant written another way, the name in another case).
        try """
        person,occurred_at,kind,note\r
        Ana Silva,2026-04-01,meeting,\r
        Ana Silva,2026-04-01,meeting,\r
        ana silva,2026-04-01T00:00,meeting,\r
        Ana Silva,2026-04-08,meeting,follow-up\r

        """.write(to: own, atomically: true, encoding: .utf8)
        let ownFirst = try store.ties(["import", "csv", own.path])
        #expect(ownFirst.stdout.contains("interactions: 2 added, 2 already present"), "\(ownFirst.stdout)")
        // Saved by Excel as "CSV (Comma delimited)": Windows-1252, not UTF-8.
        let excel = store.dir.file("excel.csv")
        try Data([UInt8]("name,title\r\nJos".utf8) + [0xE9] + [UInt8](" Ortiz,Director\r\n".utf8)).write(to: excel)
        let excelImport = try store.ties(["import", "csv", excel.path])
        #expect(excelImport.status == 0 && excelImport.stdout.contains("read it as Windows-1252"))
        #expect(try store.ties(["person", "list", "--format", "csv"]).stdout.contains("José Ortiz"))
        let ownAgain = try store.ties(["import", "csv", own.path])
        #expect(ownAgain.stdout.contains("interactions: 0 added, 4 already present"), "\(ownAgain.stdout)")
        let exported = try store.ties(["export", "interactions"]).stdout
        #expect(exported.contains("2026-03-02T10:00:00Z") && exported.contains("2026-03-16T08:30:00Z"))
    }

    @Test("unreadable input: a missing file is 66, an unterminated quote 65 with its line, an unknown header 65")
    func unreadable() throws {
        try start()
        #expect(try store.ties(["import", "vcard", store.dir.file("absent.vcf").path]).status == 66)
        let quote = store.dir.file("quote.csv")
        try "name,title\r\nAna,\"Director\r\n".write(to: quote, atomically: true, encoding: .utf8)
        let unterminated = try store.ties(["import", "csv", quote.path])
        #expect(
            unterminated.status == 65 && unterminated.stderr.contains("quote.csv") && unterminated.stderr.contains("2"))
        // The same in an interactions file, found while its rows are already being inserted: rolled back.
        #expect(try store.ties(["person", "add", "Ana"]).status == 0)
        let rows = store.dir.file("rows.csv")
        try "person,occurred_at,kind,note\r\nAna,2026-03-02,call,fine\r\nAna,2026-03-03,call,\"never closed\r\n"
            .write(to: rows, atomically: true, encoding: .utf8)
        let before = store.snapshot()
        let unterminatedRows = try store.ties(["import", "csv", rows.path])
        #expect(unterminatedRows.status == 65 && unterminatedRows.stderr.contains("rows.csv, line 3"))
        #expect(store.snapshot() == before)
        let other = store.dir.file("other.csv")
        try "a,b\r\n1,2\r\n".write(to: other, atomically: true, encoding: .utf8)
        let unknown = try store.ties(["import", "csv", other.path])
        #expect(unknown.status == 65 && unknown.stderr.contains("--kind") && unknown.stderr.contains("vcard"))
        let linkedIn = try store.ties(["import", "csv", fixture("Connections.csv")])
        #expect(linkedIn.status == 65 && linkedIn.stderr.contains("ties import linkedin"))
    }

    @Test(
        "calendar attendees match by email, else by the exact name shown; one name with two addresses is one person; what is left out is said"
    )
    func calendarNames() throws {
        try start()
        #expect(try store.ties(["person", "add", "Ana Silva", "--role", "mentor"]).status == 0)
        func event(_ uid: String, _ start: String, _ attendee: String) -> String {
            "BEGIN:VEVENT\r\nUID:\(uid)\r\nDTSTART:\(start)\r\nSUMMARY:Catch-up\r\n"
                + "ORGANIZER;CN=Jordan Ellis:mailto:jordan.ellis@newmail.example\r\n\(attendee)\r\nEND:VEVENT\r\n"
        }
        let calendar = store.dir.file("names.ics")
        try
            ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
            + event("e1", "20260302T100000Z", "ATTENDEE;CN=Ana Silva;PARTSTAT=ACCEPTED:mailto:ana@hospital.example")
            + event("e2", "20260309T100000Z", "ATTENDEE;CN=Lee Park;PARTSTAT=ACCEPTED:mailto:lee@work.example")
            + event("e3", "20260316T100000Z", "ATTENDEE;CN=Lee Park;PARTSTAT=ACCEPTED:mailto:lee.park@home.example")
            + event("e4", "20260323T100000Z", "STATUS:CANCELLED")
            + "END:VCALENDAR\r\n").write(to: calendar, atomically: true, encoding: .utf8)
        let first = try store.ties(["import", "ics", calendar.path, "--as-of", "2026-06-30", "--create-people"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("people: 1 added") && first.stdout.contains("interactions: 3 added"))
        // What the reader left out is said, with where.
        #expect(first.stdout.contains("1 record left out on purpose:\n    \(calendar.path):25: the event is cancelled"))
        let people = try store.ties(["person", "list", "--format", "csv"]).stdout
        #expect(people.contains("Ana Silva") && people.contains("Lee Park"))
        #expect(people.split(whereSeparator: \.isNewline).count == 3)  // the header, Ana, Lee
        #expect(try store.ties(["person", "show", "Ana Silva"]).stdout.contains("2026-03-02"))
    }

    @Test("calendar attendees who match nobody are added only with --create-people")
    func createPeople() throws {
        try start()
        let without = try store.ties(["import", "ics", fixture("calendar.ics"), "--as-of", "2026-06-30"])
        #expect(without.status == 0 && without.stdout.contains("left out, their person unknown"))
        // The hint is the CLI's, once under the list (the store's reasons name no option).
        #expect(without.stdout.contains("`--create-people` adds the people named in them\n"))
        #expect(!without.stdout.contains("; --create-people"))
        #expect(!(try store.ties(["person", "list"]).stdout.contains("Lee Park")))
    }

    @Test("Thunderbird CardBook writes a birthday without a year as year 1604 (BDAY:16040101): no year is kept")
    func cardBookBirthdays() throws {
        #expect(try store.ties(["init"]).status == 0)
        let out = try store.ties(["import", "vcard", fixture("exports/cardbook.vcf")])
        #expect(out.status == 0 && out.stdout.contains("people: 3 added"), "\(out.stdout)\(out.stderr)")
        let people = try store.ties(["export", "people"]).stdout
        #expect(people.contains(",'--01-01,") && people.contains(",'--09-23,"), "\(people)")
        #expect(people.contains(",1981-03-14,") && !people.contains("1604"), "\(people)")
    }

    @Test("an Exchange series saved by Thunderbird: an EXDATE without a zone is a time of the series' zone")
    func floatingExceptionDate() throws {
        try start()
        let result = try store.ties([
            "import", "ics", fixture("exports/thunderbird-exchange-series.ics"), "--create-people", "--as-of",
            "2026-06-30",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let interactions = try store.ties(["export", "interactions"]).stdout
        let tomas = interactions.split(whereSeparator: \.isNewline).filter { $0.contains(",Tomas Weber,") }
        // Eight Fridays from 23 January to 13 March 2026 but 13 February; 30 January moved to 10:30.
        #expect(tomas.count == 7, "\(interactions)")
        #expect(
            !interactions.contains("2026-02-13") && interactions.contains("2026-01-30T09:30:00Z"), "\(interactions)")
    }

    @Test("Google's birthdays calendar (RDATE:20131210Z, a date with a Z) is read, and its virtual attendee is no one")
    func googleBirthdaysCalendar() throws {
        try start()
        let result = try store.ties([
            "import", "ics", fixture("exports/google-birthdays.ics"), fixture("calendar.ics"), "--create-people",
            "--as-of", "2026-06-30",
        ])
        #expect(result.status == 0 && result.stdout.contains("Imported:"), "\(result.stdout)\(result.stderr)")
        let people = try store.ties(["export", "people"]).stdout
        #expect(!people.contains("Contacts") && !people.contains("@virtual"), "\(people)")
        // Without an address of the user's, every attendee is someone else: the virtual one is still no one.
        let bare = StoreUnderTest()
        #expect(try bare.ties(["init"]).status == 0)
        let alone = try bare.ties([
            "import", "ics", fixture("exports/google-birthdays.ics"), "--create-people", "--as-of", "2026-06-30",
        ])
        #expect(alone.status == 0 && alone.stdout.contains("people: 0 added"), "\(alone.stdout)\(alone.stderr)")
    }

    @Test("Yahoo!'s contacts CSV (First,Middle,Last,Nickname,Email,Category,…): emails, phones but the fax, title")
    func yahooContacts() throws {
        #expect(try store.ties(["init"]).status == 0)
        let out = try store.ties(["import", "csv", fixture("exports/yahoo.csv")])
        #expect(out.status == 0 && out.stdout.contains("people: 3 added"), "\(out.stdout)\(out.stderr)")
        let people = try store.ties(["export", "people"]).stdout
        #expect(
            people.contains(
                "Ana Diaz,recruiter,search-firm,Kestrel Search,Partner,,Recruiters,ana.diaz@kestrel.example;ana@home.example,(312) 555-0142;(312) 555-0101,no,http://www.kestrel.example/,1985-04-15,"
            ), "\(people)")
        #expect(people.contains("Bo J. Lind") && people.contains(",leads@quay.example,") && !people.contains("0109"))
        #expect(
            try store.ties(["import", "csv", fixture("exports/yahoo.csv")]).stdout.contains("3 already up to date"))
    }

    @Test(
        "an invitation and its reply (METHOD:REPLY, no DTSTART) in one file: the meeting comes in, the reply is listed")
    func invitationReply() throws {
        try start()
        let result = try store.ties([
            "import", "ics", fixture("exports/invitation-replies.ics"), "--create-people", "--as-of", "2026-06-30",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("interactions: 2 added"), "\(result.stdout)")
        #expect(
            result.stdout.contains(
                "invitation-replies.ics:25: a reply to or cancellation of an invitation (METHOD:REPLY)"))
    }

    @Test("invitations saved one after another: the last version of a moved meeting counts, cancelled ones do not")
    func invitationUpdates() throws {
        try start()
        let result = try store.ties([
            "import", "ics", fixture("exports/invitation-updates.ics"), "--create-people", "--as-of", "2026-06-30",
        ])
        #expect(
            result.status == 0 && result.stdout.contains("interactions: 2 added"), "\(result.stdout)\(result.stderr)")
        let interactions = try store.ties(["export", "interactions"]).stdout
        #expect(interactions.contains("Tomas Weber,2026-04-02T15:00:00Z,meeting"), "\(interactions)")
        for day in ["2026-04-01", "2026-04-03", "2026-04-08", "2026-04-15"] { #expect(!interactions.contains(day)) }
        #expect(
            result.stdout.contains("an earlier version (SEQUENCE 0) of the invitation at line 22"), "\(result.stdout)")
        #expect(result.stdout.contains("the invitation was cancelled (METHOD:CANCEL, line 90)"), "\(result.stdout)")
        #expect(result.stdout.contains("a counter-proposal to an invitation (METHOD:COUNTER)"), "\(result.stdout)")
    }
}
