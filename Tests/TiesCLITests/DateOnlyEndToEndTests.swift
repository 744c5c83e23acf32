import Foundation
import Testing
import TiesStore
import TiesTestSupport

/// Issue 12 item 8, on the built binary: a contact given a date only is that day in every time zone the user
/// later reads it in — in `log list` and its date filters, `person show`, the interactions export and the
/// stored relationship states — while a contact given a time keeps its instant and moves with the zone.
@Suite("A date stays a date, end to end")
struct DateOnlyEndToEndTests {
    let store = StoreUnderTest()
    /// West and east of UTC, and two zones more than 12 hours from it (where noon UTC is another date).
    static let zones = ["UTC", "America/Chicago", "Asia/Tokyo", "Pacific/Kiritimati", "Pacific/Pago_Pago"]

    @discardableResult
    func ties(_ arguments: [String], tz: String) throws -> String {
        let result = try TiesBinary.run(arguments + ["--db", store.db], environment: ["TZ": tz])
        #expect(result.status == 0, "TZ=\(tz) ties \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    @Test("a contact logged with a date is that day under every TZ; a timed one moves")
    func loggedDateStaysADate() throws {
        try store.ok("init")
        try store.ok("person", "add", "Dana Reyes", "--role", "recruiter")
        try store.ok("person", "add", "Sam Okafor", "--role", "colleague")
        #expect(
            try ties(["log", "Dana", "call", "--at", "2026-03-18"], tz: "Asia/Tokyo")
                == "Logged call with Dana Reyes on 2026-03-18 (#1).\n")
        // 08:00 in Tokyo is the evening before in Chicago: a time given keeps its instant.
        try ties(["log", "Sam", "meeting", "--at", "2026-03-18T08:00"], tz: "Asia/Tokyo")
        for tz in Self.zones {
            let list = try ties(["log", "list", "--format", "csv"], tz: tz)
            #expect(list.contains("\r\n1,2026-03-18,Dana Reyes,call,"), "\(tz): \(list)")
            let samDay = ["America/Chicago", "Pacific/Pago_Pago", "UTC"].contains(tz) ? "2026-03-17" : "2026-03-18"
            #expect(list.contains("\r\n2,\(samDay) "), "\(tz): \(list)")
            #expect(try ties(["person", "show", "Dana"], tz: tz).contains("2026-03-18  #1  call"), "\(tz)")
            let export = try ties(["export", "interactions", "--format", "csv"], tz: tz)
            #expect(export.contains("\r\n1,1,Dana Reyes,2026-03-18,call,"), "\(tz): \(export)")
            let onTheDay = try ties(
                ["log", "list", "Dana", "--since", "2026-03-18", "--until", "2026-03-18", "--format", "csv"], tz: tz)
            #expect(onTheDay.contains("\r\n1,2026-03-18,"), "\(tz): \(onTheDay)")
            for (since, until) in [("2026-03-17", "2026-03-17"), ("2026-03-19", "2026-03-19")] {
                let off = try ties(
                    ["log", "list", "Dana", "--since", since, "--until", until, "--format", "csv"], tz: tz)
                #expect(!off.contains("2026-03-18"), "\(tz) \(since): \(off)")
            }
        }
    }

    @Test("the stored states bucket a date-only contact by its date, absorbed or rebuilt, in every zone")
    func statesUseTheDate() throws {
        try store.ok("init")
        let d17 = Fixtures.day("2026-03-17").ordinal
        let d18 = Fixtures.day("2026-03-18").ordinal
        func states(_ pattern: String) throws -> String {
            try StoreSQL.value(
                store.db,
                """
                SELECT group_concat(first_day || ',' || last_day || ',' || episodes, ' ') FROM (
                    SELECT s.* FROM relationship_state s JOIN person p ON p.id = s.person_id
                    WHERE p.name LIKE '\(pattern)' ORDER BY s.person_id)
                """) ?? ""
        }
        let done = "\(d17),\(d18),2"
        for (k, tz) in Self.zones.enumerated() {
            // Someone with dates only: the same states in every zone. The first write under `tz` rebuilds
            // every stored state for that zone in one scan (the fingerprint names the zone), then absorbs the
            // new contact; the older one makes the person's state be rebuilt from their history.
            try ties(["person", "add", "Dates \(k)"], tz: tz)
            try ties(["log", "Dates \(k)", "email", "--at", "2026-03-18"], tz: tz)
            let before = Array(repeating: done, count: k)
            #expect(try states("Dates %") == (before + ["\(d18),\(d18),1"]).joined(separator: " "), "\(tz)")
            try ties(["log", "Dates \(k)", "email", "--at", "2026-03-17"], tz: tz)
            #expect(try states("Dates %") == (before + [done]).joined(separator: " "), "\(tz)")
            // Someone with a timed contact too, on the same local day as a date-only one: one episode. Then a
            // date-only contact the day before, rebuilt from the history — where, east of UTC+12, it sorts
            // after the timed one by its stored instant.
            try ties(["person", "add", "Mixed \(k)"], tz: tz)
            try ties(["log", "Mixed \(k)", "email", "--at", "2026-03-18"], tz: tz)
            try ties(["log", "Mixed \(k)", "call", "--at", "2026-03-18T00:30"], tz: tz)
            #expect(try states("Mixed \(k)") == "\(d18),\(d18),1", "\(tz)")
            try ties(["log", "Mixed \(k)", "email", "--at", "2026-03-17"], tz: tz)
            #expect(try states("Mixed \(k)") == done, "\(tz)")
            // The states kept by absorbing and rebuilding equal a full recomputation (`ties check`).
            let check = try TiesBinary.run(["check", "--db", store.db], environment: ["TZ": tz])
            #expect(
                check.status == 0 && check.stdout.contains("\(2 * (k + 1)) relationship states match their history"),
                "\(tz): \(check.stdout) \(check.stderr)")
        }
    }

    @Test("a reply given a date only answers what came that day, whenever that day it came")
    func dateOnlyReplyAnswers() throws {
        try store.ok("init")
        try store.ok("person", "add", "Dana Reyes", "--role", "recruiter")
        // In the evening, UTC: after noon UTC, where a date-only contact is stored.
        try store.ok("log", "Dana", "email", "--unanswered", "--at", "2026-03-18T18:00")
        #expect(try store.ok("log", "list", "--unanswered", "--format", "csv").contains("unanswered"))
        #expect(try store.ok("next", "--as-of", "2026-03-19").contains("has no answer yet"))
        // A reply the day before answers nothing.
        try store.ok("log", "Dana", "call", "--direction", "out", "--at", "2026-03-17")
        #expect(try store.ok("log", "list", "--unanswered", "--format", "csv").contains("unanswered"))
        try store.ok("log", "Dana", "call", "--direction", "out", "--at", "2026-03-18")
        #expect(try store.ok("log", "list", "--unanswered") == "No contacts match.\n")
        #expect(!(try store.ok("next", "--as-of", "2026-03-19")).contains("has no answer yet"))
    }

    @Test("imports whose source has dates only keep them as dates: CSV, LinkedIn connections, all-day events")
    func importsKeepDates() throws {
        try store.ok("init")
        // The columns of `ties export interactions` (this project's own CSV).
        let csv = store.dir.file("contacts.csv")
        try Data(
            "person,occurred_at,kind\r\nDana Reyes,2026-03-18,email\r\nDana Reyes,2026-03-19T02:00:00Z,call\r\n".utf8
        ).write(to: csv)
        try store.ok("person", "add", "Dana Reyes")
        try ties(["import", "csv", csv.path], tz: "Asia/Tokyo")
        // An all-day event (RFC 5545 §3.3.4, DTSTART;VALUE=DATE), with an attendee.
        let ics = store.dir.file("allday.ics")
        try Data(
            """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//Ties tests//EN\r
            BEGIN:VEVENT\r
            UID:offsite-1@example.org\r
            DTSTAMP:20260301T000000Z\r
            DTSTART;VALUE=DATE:20260320\r
            DTEND;VALUE=DATE:20260321\r
            SUMMARY:Offsite\r
            ORGANIZER;CN=Lee Park:mailto:lee@example.org\r
            ATTENDEE;CN=Alex Doe:mailto:alex@example.org\r
            END:VEVENT\r
            END:VCALENDAR\r

            """.utf8
        ).write(to: ics)
        try ties(
            ["import", "ics", ics.path, "--create-people", "--me", "alex@example.org", "--as-of", "2026-06-30"],
            tz: "Asia/Tokyo")
        try ties(["import", "linkedin", fixturePath("Connections.csv")], tz: "Asia/Tokyo")
        let stored = try StoreSQL.value(
            store.db,
            "SELECT group_concat(source || ':' || date_only, ' ') FROM (SELECT * FROM interaction ORDER BY id)")
        #expect(stored == "csv:1 csv:0 ics:1 linkedin-connections:1 linkedin-connections:1", "\(stored ?? "")")
        for tz in ["America/Chicago", "Asia/Tokyo"] {
            let list = try ties(["log", "list", "--format", "csv"], tz: tz)
            for expected in ["2026-03-18,Dana Reyes,email", "2026-03-20,Lee Park,meeting", "2024-03-12,Dana Reyes"] {
                #expect(list.contains(expected), "\(tz): \(list)")
            }
        }
        // Importing the files again adds nothing.
        try ties(["import", "csv", csv.path], tz: "Asia/Tokyo")
        try ties(["import", "linkedin", fixturePath("Connections.csv")], tz: "America/Chicago")
        #expect(try StoreSQL.value(store.db, "SELECT count(*) FROM interaction") == "5")
    }

    func fixturePath(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }
}
