import ArgumentParser
import Foundation
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesCLI

/// Runs the built `ties` binary through commitments, details and disclosures, notify and the journal.
@Suite("Career commands, end to end")
struct CareerEndToEndTests {
    let store = StoreUnderTest()

    func seed() throws {
        try store.ok("init")
        try store.ok(
            "person", "add", "Dana Reyes", "--role", "recruiter", "--org", "Hale & Partners", "--email",
            "dana@hale.example")
        try store.ok("person", "add", "Sam Okafor", "--role", "colleague", "--email", "sam@mercy.example")
        try store.ok("person", "add", "Zoë Ärlig", "--role", "recruiter")
        try store.ok("person", "add", "Ann Archived", "--role", "recruiter")
    }

    /// My details, disclosures, then a new email: Dana and Zoë hold the old one, Dana an old resume.
    func seedDisclosures() throws {
        try seed()
        try store.ok("me", "set", "name", "Alex Kim", "--since", "2020-01-01")
        try store.ok("me", "set", "email", "alex@old.example", "--since", "2020-01-01")
        try store.ok("me", "set", "phone", "+1 312 555 0100", "--since", "2020-01-01")
        try store.ok("disclose", "Dana", "email", "--at", "2026-01-10")
        try store.ok("disclose", "Dana", "resume", "--version", "v1", "--at", "2026-01-10")
        try store.ok("disclose", "Zoë", "email", "--at", "2026-01-11")
        try store.ok("disclose", "Sam", "phone", "--at", "2026-01-12")
        try store.ok("disclose", "Sam", "resume", "--version", "v2", "--at", "2026-02-01")
        try store.ok("disclose", "Ann", "email", "--at", "2026-01-12")
        try store.ok("person", "archive", "Ann")
        let set = try store.ok("me", "set", "email", "alex@new.example", "--since", "2026-03-01")
        #expect(
            set
                == "Your email is alex@new.example from 2026-03-01 (#4).\n3 people hold an older one: `ties notify` lists them and drafts the emails.\n"
        )
    }

    // MARK: - Commitments

    @Test("offer, list, done: promises stay open until marked done, and logging a contact does not close them")
    func commitments() throws {
        try seed()
        #expect(
            try store.ok(
                "offer", "Dana", "Intro to the CFO at Mercy", "--due", "2026-03-10", "--at", "2026-03-01T10:00")
                == "Recorded #1: you offered Dana Reyes \"Intro to the CFO at Mercy\", due 2026-03-10.\n")
        #expect(
            try store.ok("offer", "Sam", "Send the COO job description", "--by", "them", "--at", "2026-03-02")
                == "Recorded #2: Sam Okafor promised you \"Send the COO job description\".\n")
        try store.ok("offer", "Dana", "Coffee in April", "--due", "2026-04-30", "--at", "2026-03-03")
        try store.ok("log", "Dana", "call", "--at", "2026-03-12T09:00")
        #expect(
            try store.ok("commitments", "--as-of", "2026-03-15", "--format", "csv") == """
                id,person_id,person,by,text,made,due,done,status\r
                1,1,Dana Reyes,me,Intro to the CFO at Mercy,2026-03-01,2026-03-10,,overdue\r
                3,1,Dana Reyes,me,Coffee in April,2026-03-03,2026-04-30,,open\r
                2,2,Sam Okafor,them,Send the COO job description,2026-03-02,,,open\r

                """)
        #expect(
            try store.ok("commitments", "--overdue", "--as-of", "2026-03-15", "--format", "csv").components(
                separatedBy: "\r\n"
            ).count == 3)
        #expect(
            try store.ok("done", "#1", "--at", "2026-03-16")
                == "Marked #1 done on 2026-03-16: you offered Dana Reyes \"Intro to the CFO at Mercy\".\n")
        // As of before it was done, it was overdue; after, it is done.
        #expect(
            try store.ok("commitments", "--overdue", "--as-of", "2026-03-15", "--format", "csv").contains(
                "1,1,Dana Reyes"))
        #expect(
            try store.ok("commitments", "--open", "--as-of", "2026-03-20", "--format", "csv") == """
                id,person_id,person,by,text,made,due,done,status\r
                3,1,Dana Reyes,me,Coffee in April,2026-03-03,2026-04-30,,open\r
                2,2,Sam Okafor,them,Send the COO job description,2026-03-02,,,open\r

                """)
        #expect(
            try store.ok("commitments", "--person", "Sam", "--as-of", "2026-03-20", "--format", "json") == """
                [
                  {"id": 2, "person_id": 2, "person": "Sam Okafor", "by": "them", "text": "Send the COO job description", "made": "2026-03-02", "due": null, "done": null, "status": "open"}
                ]

                """)
        // Done on the day it was made (a day without a time): right after it was made.
        try store.ok("offer", "Sam", "Same-day favour", "--at", "2026-03-05T15:00")
        #expect(try store.ok("done", "4", "--at", "2026-03-05").hasPrefix("Marked #4 done on 2026-03-05"))
        #expect(try store.ok("commitments", "--as-of", "2026-03-01T09:00").hasPrefix("No promises recorded"))
    }

    // MARK: - Details and disclosures

    @Test("me show lists current details, --history every version")
    func meShow() throws {
        try seedDisclosures()
        #expect(
            try store.ok("me", "show", "--as-of", "2026-06-15", "--format", "csv") == """
                id,kind,value,since,current\r
                1,name,Alex Kim,2020-01-01,yes\r
                4,email,alex@new.example,2026-03-01,yes\r
                3,phone,'+1 312 555 0100,2020-01-01,yes\r

                """)
        #expect(
            try store.ok("me", "show", "--history", "--as-of", "2026-06-15", "--format", "csv").contains(
                "2,email,alex@old.example,2020-01-01,no\r\n"))
        #expect(
            try store.ok("me", "show", "--as-of", "2026-02-01", "--format", "csv").contains(
                "2,email,alex@old.example,2020-01-01,yes\r\n"))
        #expect(
            try store.ok("me", "set", "email", "alex@new.example")
                == "Your email is already alex@new.example (since 2026-03-01); nothing recorded.\n")
    }

    @Test("notify lists stale holders, recruiters first; disclosing again clears them")
    func notifyListing() throws {
        try seedDisclosures()
        #expect(
            try store.ok("notify", "--as-of", "2026-06-15", "--format", "csv") == """
                id,name,recruiter,kind,held,current,since,email\r
                1,Dana Reyes,yes,resume,v1,v2,2026-02-01,dana@hale.example\r
                1,Dana Reyes,yes,email,alex@old.example,alex@new.example,2026-03-01,dana@hale.example\r
                3,Zoë Ärlig,yes,email,alex@old.example,alex@new.example,2026-03-01,\r

                """)
        #expect(
            try store.ok("notify", "--as-of", "2026-02-28").hasPrefix("id  name"),
            "before the change only the resume is stale")
        #expect(
            try store.ok("disclose", "Dana", "email", "--at", "2026-06-16")
                == "Recorded that Dana Reyes holds your email alex@new.example (given 2026-06-16, #7).\n")
        try store.ok("disclose", "Dana", "resume", "--version", "v2", "--at", "2026-06-16")
        #expect(
            try store.ok("notify", "--as-of", "2026-06-16", "--format", "csv") == """
                id,name,recruiter,kind,held,current,since,email\r
                3,Zoë Ärlig,yes,email,alex@old.example,alex@new.example,2026-03-01,\r

                """)
        try store.ok("disclose", "Zoë", "email", "--at", "2026-06-16")
        #expect(try store.ok("notify", "--as-of", "2026-06-16") == "No one holds out-of-date details of yours.\n")
    }

    @Test("notify --out writes one reproducible draft per person, with the vCard attached")
    func notifyDrafts() throws {
        try seedDisclosures()
        let out = store.dir.file("drafts")
        let result = try store.ok("notify", "--out", out.path, "--as-of", "2026-06-15")
        #expect(
            result == """
                Wrote 2 drafts to \(out.path):
                  1-dana-reyes.eml
                  3-zoe-arlig.eml  (no email on file for Zoë Ärlig: add the recipient yourself)
                Send each one, then record it with `ties disclose NAME KIND` so they are up to date.

                """)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == ["1-dana-reyes.eml", "3-zoe-arlig.eml"])
        let dana = String(
            decoding: try #require(contents(of: out.appendingPathComponent("1-dana-reyes.eml"))), as: UTF8.self)
        #expect(
            dana.hasPrefix(
                "Date: Mon, 15 Jun 2026 23:59:59 +0000\r\nFrom: Alex Kim <alex@new.example>\r\nTo: Dana Reyes <dana@hale.example>\r\nSubject: My new contact details\r\n"
            ))
        #expect(dana.contains("- email: alex@old.example → alex@new.example\r\n- resume: version v1 → v2"))
        #expect(dana.contains("BEGIN:VCARD\r\nVERSION:4.0\r\n"))
        #expect(
            dana.contains("FN:Alex Kim\r\nEMAIL:alex@new.example\r\nTEL;VALUE=text:+1 312 555 0100\r\nEND:VCARD\r\n"))
        let zoe = String(
            decoding: try #require(contents(of: out.appendingPathComponent("3-zoe-arlig.eml"))), as: UTF8.self)
        #expect(!zoe.contains("\r\nTo:"))
        let mode =
            try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("1-dana-reyes.eml").path)[
                .posixPermissions] as? Int
        #expect(mode == 0o600)

        // A second run refuses to overwrite, and changes nothing.
        try Data("edited by hand".utf8).write(to: out.appendingPathComponent("1-dana-reyes.eml"))
        let again = try store.ties("notify", "--out", out.path, "--as-of", "2026-06-15")
        #expect(again.status == 73)
        #expect(
            again.stderr.contains("already has 1-dana-reyes.eml, 3-zoe-arlig.eml") && again.stderr.contains("--force"))
        #expect(contents(of: out.appendingPathComponent("1-dana-reyes.eml")) == Data("edited by hand".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == names)
        // --force replaces them with the same bytes as the first run.
        try store.ok("notify", "--out", out.path, "--as-of", "2026-06-15", "--force")
        #expect(
            String(decoding: try #require(contents(of: out.appendingPathComponent("1-dana-reyes.eml"))), as: UTF8.self)
                == dana)
    }

    @Test("notify --out without an email of mine fails with 65 and creates nothing")
    func notifyWithoutSender() throws {
        try seed()
        try store.ok("me", "set", "phone", "+1 312 555 0100", "--since", "2020-01-01")
        try store.ok("disclose", "Dana", "phone", "--at", "2026-01-10")
        try store.ok("me", "set", "phone", "+1 312 555 0199", "--since", "2026-03-01")
        let out = store.dir.file("nested/drafts")
        let before = store.snapshot()
        let result = try store.ties("notify", "--out", out.path, "--as-of", "2026-06-15")
        #expect(result.status == 65)
        #expect(result.stderr.contains("no email on record as of 2026-06-15"))
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: store.dir.file("nested").path))
        #expect(store.snapshot() == before)
    }

    @Test("notify --out into a path that is a file fails and writes nothing")
    func notifyIntoFile() throws {
        try seedDisclosures()
        let file = store.dir.file("not-a-folder")
        try Data("x".utf8).write(to: file)
        let result = try store.ties("notify", "--out", file.path, "--as-of", "2026-06-15")
        #expect(result.status == 73)
        #expect(result.stderr.contains("is not a folder"))
        #expect(contents(of: file) == Data("x".utf8))
    }

    // MARK: - Journal

    @Test("journal add, list and export to Markdown and JSON Resume")
    func journal() throws {
        try seed()
        try store.ok("me", "set", "name", "Alex Kim", "--since", "2020-01-01")
        #expect(
            try store.ok(
                "journal", "add", "employment", "Ran operations", "--at", "2020-01-06", "--end", "2023-12-31",
                "--org", "St. Anne", "--title", "Director of Operations") == "Added employment #1 on 2020-01-06.\n")
        try store.ok(
            "journal", "add", "employment", "Runs three hospitals", "--at", "2024-01-08", "--org", "Mercy Health",
            "--title", "COO")
        try store.ok(
            "journal", "add", "accomplishment", "Cut readmissions by 18%", "--amount", "18", "--org", "Mercy Health",
            "--at", "2025-05-20", "--tag", "quality", "--tag", "ops")
        try store.ok(
            "journal", "add", "salary", "Raise after the annual review", "--amount", "185000", "--at", "2026-01-01")
        try store.ok("journal", "add", "review", "Exceeds expectations", "--at", "2025-12-15", "--org", "Mercy Health")
        #expect(
            try store.ok("journal", "list", "--since", "2025-01-01", "--format", "csv") == """
                id,day,end,kind,organisation,title,amount,tags,text\r
                4,2026-01-01,,salary,,,185000,,Raise after the annual review\r
                5,2025-12-15,,review,Mercy Health,,,,Exceeds expectations\r
                3,2025-05-20,,accomplishment,Mercy Health,,18,ops;quality,Cut readmissions by 18%\r
                2,2024-01-08,,employment,Mercy Health,COO,,,Runs three hospitals\r

                """)
        #expect(
            try store.ok("journal", "list", "--kind", "employment", "--format", "csv").components(separatedBy: "\r\n")
                .count
                == 4)
        let markdown = try store.ok("journal", "export", "--format", "markdown", "--as-of", "2026-06-15")
        #expect(
            markdown.hasPrefix(
                "# Career journal\n\n5 entries, 2020-01-06 to 2026-01-01.\n\n## 2026\n\n- **2026-01-01** · Salary · 185000 — Raise after the annual review\n"
            ))
        let file = store.dir.file("resume.json")
        #expect(
            try store.ok("journal", "export", "--format", "json-resume", "--out", file.path, "--as-of", "2026-06-15")
                == "Wrote 5 entries to \(file.path).\n")
        let written = try #require(contents(of: file))
        let json = try #require(try JSONSerialization.jsonObject(with: written) as? [String: Any])
        #expect((json["basics"] as? [String: Any])?["name"] as? String == "Alex Kim")
        let work = try #require(json["work"] as? [[String: Any]])
        #expect(work.map { $0["name"] as? String } == ["Mercy Health", "St. Anne"])
        #expect(work[0]["highlights"] as? [String] == ["Cut readmissions by 18%"])
        #expect((json["meta"] as? [String: Any])?["version"] as? String == "v1.0.0")
        // Refuses to overwrite without --force.
        let again = try store.ties("journal", "export", "--format", "markdown", "--out", file.path)
        #expect(again.status == 73)
        #expect(contents(of: file) == written)
        try store.ok(
            "journal", "export", "--format", "markdown", "--out", file.path, "--force", "--as-of", "2026-06-15")
        #expect(contents(of: file) == Data(markdown.utf8))
    }

    // MARK: - Bad input

    @Test(
        "bad input exits with its sysexits code, names what is accepted, and leaves the store byte-identical",
        arguments: [
            (["offer", "Nobody", "Intro"], 65, "no person matches 'Nobody'"),
            (["offer", "Dana", "   "], 64, "TEXT: '   ' is empty"),
            (["offer", "Dana", "Intro", "--due", "2026-02-30"], 64, "YYYY-MM-DD"),
            (["offer", "Dana", "Intro", "--due", "soon"], 64, "YYYY-MM-DD"),
            (["offer", "Dana", "Intro", "--by", "us"], 64, "'me' and 'them'"),
            (["offer", "Dana", "Intro", "--at", "2999-01-01"], 64, "future"),
            (
                ["offer", "Dana", "Intro", "--at", "2026-03-05", "--due", "2026-03-01"], 64,
                "before the promise was made"
            ),
            (["done", "99"], 65, "no commitment #99"),
            (["done", "1"], 65, "already marked done"),
            (["done", "abc"], 64, "ID: 'abc' is not a promise id"),
            (["done", "2", "--at", "2026-01-01"], 65, "cannot be done before"),
            (["done", "2", "--at", "2026-13-01"], 64, "YYYY-MM-DD"),
            (["me", "set", "fax", "123"], 64, "  - linkedin\n  - field\n  - headline"),
            (["me", "set", "email", "not-an-email"], 64, "VALUE: 'not-an-email' is not an email address"),
            (["me", "set", "phone", "call me"], 64, "is not a phone number"),
            (["me", "set", "email", "a@b.example", "--since", "yesterday"], 64, "YYYY-MM-DD"),
            (["disclose", "Dana", "fax"], 64, "'resume', 'email', 'phone' or 'address'"),
            (["disclose", "Nobody", "resume", "--version", "v1"], 65, "no person matches"),
            (["disclose", "Dana", "resume"], 64, "--version: missing"),
            (["disclose", "Dana", "email", "--version", "v1"], 64, "for a resume only"),
            (["disclose", "Dana", "address"], 65, "no address on record"),
            (["disclose", "Dana", "email", "--at", "2999-01-01"], 64, "future"),
            (["notify", "--force"], 64, "goes with --out"),
            (["journal", "add", "patent", "x"], 64, "- counselling"),
            (["journal", "add", "employment", "A job"], 64, "--org: missing"),
            (["journal", "add", "note", "x", "--end", "2026-01-01"], 64, "--end: is for employment"),
            (
                ["journal", "add", "employment", "Job", "--org", "X", "--at", "2026-02-01", "--end", "2026-01-01"], 64,
                "before the start"
            ),
            (["journal", "add", "salary", "Raise", "--amount", "nan"], 64, "finite number"),
            (["journal", "add", "note", ""], 64, "TEXT: '' is empty"),
            (["journal", "list", "--since", "2026-02-30"], 64, "YYYY-MM-DD"),
            (["journal", "export", "--format", "pdf"], 64, "'markdown' and 'json-resume'"),
        ] as [([String], Int32, String)])
    func badInput(arguments: [String], status: Int32, message: String) throws {
        try seed()
        try store.ok("me", "set", "email", "alex@old.example", "--since", "2020-01-01")
        try store.ok("offer", "Dana", "Done already", "--at", "2026-03-01")
        try store.ok("done", "1", "--at", "2026-03-02")
        try store.ok("offer", "Sam", "Still open", "--at", "2026-03-01")
        let (result, unchanged) = try TiesBinary.runRefused(arguments, store: store.db)
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(unchanged, "\(arguments) changed the store")
    }

    @Test("every career command has help with an example")
    func help() throws {
        for command in [
            ["offer"], ["commitments"], ["done"], ["me"], ["me", "show"], ["me", "set"], ["disclose"], ["notify"],
            ["journal"], ["journal", "add"], ["journal", "list"], ["journal", "export"],
        ] {
            let result = try TiesBinary.run(command + ["--help"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("Example:"), "\(command) help has no example")
        }
    }
}

@Suite("Career commands, parsed in process")
struct CareerParsingTests {
    @Test("offer reads the owner and dates")
    func offer() throws {
        let offer = try #require(
            try TiesCommand.parseAsRoot(["offer", "Dana", "Intro", "--due", "2026-06-30", "--by", "them"])
                as? OfferCommand)
        #expect(offer.by == .them && offer.text == "Intro")
        #expect(offer.due == .day(Day(year: 2026, month: 6, day: 30)!))
    }

    @Test("commitments takes one of --all, --open, --overdue")
    func commitmentsFlags() throws {
        let open = try #require(try TiesCommand.parseAsRoot(["commitments", "--open"]) as? CommitmentsCommand)
        #expect(open.show == .open)
        #expect(throws: (any Error).self) { try TiesCommand.parseAsRoot(["commitments", "--open", "--overdue"]) }
    }

    @Test("journal add collects repeated tags and typed values")
    func journalAdd() throws {
        let add = try #require(
            try TiesCommand.parseAsRoot([
                "journal", "add", "accomplishment", "Cut costs", "--amount", "2.5", "--tag", "a", "--tag", "b",
            ]) as? JournalCommand.Add)
        #expect(add.kind == .accomplishment && add.amount == 2.5 && add.tag == ["a", "b"])
    }

    @Test(
        "disclose and me set read their kinds",
        arguments: [
            ["disclose", "Dana", "resume", "--version", "v3"], ["me", "set", "linkedin", "alexkim"],
        ])
    func kinds(arguments: [String]) throws {
        _ = try TiesCommand.parseAsRoot(arguments)
    }
}
