import Foundation
import Testing
import TiesStore
import TiesTestSupport

/// Issue 12 item 7, on the built binary: birthdays and work anniversaries given on the command line or
/// imported from vCard give `ties next` a reason within `yearlyDateLeadDays`, and `ties export ics --dates`
/// writes them as a yearly calendar through the output-file routine.
@Suite("Dates that matter, end to end")
struct YearlyDatesEndToEndTests {
    let store = StoreUnderTest()

    func start() throws {
        try store.ok("init")
        try store.ok("person", "add", "Dana Reyes", "--role", "colleague")
        for day in ["2026-09-01", "2026-10-01", "2026-11-01"] { try store.ok("log", "Dana", "call", "--at", day) }
    }

    @Test("a birthday within the lead days is a reason in `ties next`, worded with its weekday; undone like any edit")
    func nextGivesAReason() throws {
        try start()
        try store.ok("person", "edit", "Dana", "--birthday", "12-03")
        #expect(try store.ok("person", "show", "Dana").contains("birthday:     3 December"))
        // 2026-11-29 is a Sunday; 2026-12-03 a Thursday, 4 days later.
        let next = try store.ok("next", "--as-of", "2026-11-29")
        #expect(next.contains("birthday on Thursday (2026-12-03): a natural reason to get in touch"), "\(next)")
        #expect(next.contains("Wish Dana a happy birthday on Thursday"))
        #expect(try store.ok("next", "--as-of", "2026-12-03").contains("birthday today"))
        // Eight days ahead is beyond the default seven.
        #expect(!(try store.ok("next", "--as-of", "2026-11-25")).contains("birthday"))
        try store.ok("config", "set", "yearlyDateLeadDays", "3")
        #expect(!(try store.ok("next", "--as-of", "2026-11-29")).contains("birthday"))
        #expect(try store.ok("next", "--as-of", "2026-11-30").contains("birthday on Thursday (2026-12-03)"))
        try store.ok("undo")  // the setting
        try store.ok("undo")  // the birthday
        #expect(!(try store.ok("person", "show", "Dana")).contains("birthday"))
        #expect(!(try store.ok("next", "--as-of", "2026-11-29")).contains("birthday"))
    }

    @Test(
        "a birthday or anniversary that is no date exits 64, says what is accepted, and changes nothing",
        arguments: [
            ["person", "edit", "Dana", "--birthday", "02-30"], ["person", "edit", "Dana", "--anniversary", "13-01"],
            ["person", "edit", "Dana", "--birthday", "15/04/1985"],
            ["person", "add", "Sam", "--birthday", "1985-02-29"],
        ])
    func refused(arguments: [String]) throws {
        try start()
        let refused = try TiesBinary.runRefused(arguments, store: store.db)
        #expect(refused.result.status == 64 && refused.unchanged, "\(refused.result.stderr)")
        #expect(refused.result.stderr.contains("MM-DD or YYYY-MM-DD"), "\(refused.result.stderr)")
    }

    @Test("imported vCard birthdays and anniversaries are kept, and never overwrite what the user gave")
    func vCardImport() throws {
        try start()
        try store.ok("person", "edit", "Dana", "--birthday", "1985-04-16")
        // RFC 6350 §6.2.5–6.2.6 forms; made-up people.
        let file = store.dir.file("contacts.vcf")
        try Data(
            """
            BEGIN:VCARD\r
            VERSION:4.0\r
            FN:Dana Reyes\r
            BDAY:--0415\r
            ANNIVERSARY:2019-09-02\r
            END:VCARD\r
            BEGIN:VCARD\r
            VERSION:4.0\r
            FN:Sam Okafor\r
            BDAY:19800229\r
            END:VCARD\r

            """.utf8
        ).write(to: file)
        try store.ok("import", "vcard", file.path)
        let dana = try store.ok("person", "show", "Dana")
        #expect(dana.contains("birthday:     16 April 1985") && dana.contains("anniversary:  2 September 2019"))
        #expect(try store.ok("person", "show", "Sam").contains("birthday:     29 February 1980"))
        // 2027 is not a leap year: the 29th comes on the 28th, a Sunday; 2027-02-25 is a Thursday.
        try store.ok("log", "Sam", "call", "--at", "2026-11-01")
        #expect(try store.ok("next", "--as-of", "2027-02-25").contains("birthday on Sunday (2027-02-28)"))
    }

    @Test("a merge fills the kept person's empty birthday, anniversary and known since from the dropped one")
    func mergeCarriesDates() throws {
        try start()
        try store.ok("person", "edit", "Dana", "--birthday", "04-15")
        try store.ok(
            "person", "add", "Dana M. Reyes", "--birthday", "1985-04-16", "--anniversary", "2019-09-02",
            "--known-since", "2012-05-01")
        try store.ok("person", "merge", "Dana Reyes", "Dana M. Reyes")
        let dana = try store.ok("person", "show", "Dana Reyes")
        #expect(dana.contains("birthday:     15 April\n"), "\(dana)")
        #expect(
            dana.contains("anniversary:  2 September 2019") && dana.contains("known since:  2012-05-01 (as you said)"))
    }

    @Test("export ics --dates writes the calendar through the output-file routine: 0600, refused, then --force")
    func exportCalendar() throws {
        try start()
        try store.ok("person", "edit", "Dana", "--birthday=--0415", "--anniversary", "2019-09-02")
        let out = store.dir.file("dates.ics")
        try store.ok("export", "ics", "--dates", "--out", out.path)
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.contains("DTSTART;VALUE=DATE:20000415\r\nDTEND;VALUE=DATE:20000416\r\nRRULE:FREQ=YEARLY\r\n"))
        #expect(text.contains("SUMMARY:Dana Reyes: work anniversary (since 2019)"))
        let mode = try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try store.ties("export", "ics", "--dates", "--out", out.path).status == 73)
        try store.ok("export", "ics", "--dates", "--out", out.path, "--force")
        #expect(try store.ok("export", "ics", "--dates") == text)
        // The vCard export carries them too (RFC 6350 basic form), and reads back.
        let vcard = try store.ok("export", "vcard")
        #expect(vcard.contains("BDAY:--0415\r\nANNIVERSARY:20190902\r\n"), "\(vcard)")
        let without = try store.ties("export", "ics")
        #expect(without.status == 64 && without.stderr.contains("give --dates"))
    }
}
