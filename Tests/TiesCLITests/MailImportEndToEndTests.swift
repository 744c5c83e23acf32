import Foundation
import Testing
import TiesTestSupport

/// `ties import mail` run as a user would, on the committed fixtures in `Fixtures/mail` (see its README).
@Suite("ties import mail, end to end")
struct MailImportEndToEndTests {
    let store = StoreUnderTest()

    func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/mail/" + name, withExtension: nil)!.path
    }

    /// A store with the user's address, a recruiter and a colleague.
    func start() throws {
        try store.ok("init")
        try store.ok("me", "set", "email", "jordan.ellis@newmail.example")
        try store.ok("person", "add", "Rita Alvarez", "--email", "rita.alvarez@talent.example", "--role", "recruiter")
        try store.ok("person", "add", "Omar Haddad", "--email", "omar@works.example")
    }

    /// The summary of importing fixture `name` into a new store, as `me`, with --create-people.
    func importedIntoNewStore(_ name: String, me: String) throws -> String {
        try store.ok("init")
        return try ok(["import", "mail", fixture(name), "--me", me, "--create-people"])
    }

    /// The summary of importing fixture `name` as `me` into a new store that holds one person, `known`.
    func imported(_ name: String, me: String, known: (name: String, email: String), _ more: [String] = []) throws
        -> String
    {
        try store.ok("init")
        try store.ok("person", "add", known.name, "--email", known.email)
        return try ok(["import", "mail", fixture(name), "--me", me] + more)
    }

    /// Runs a command that must succeed, given as an array.
    @discardableResult
    func ok(_ arguments: [String]) throws -> String {
        let result = try store.ties(arguments)
        #expect(result.status == 0, "ties \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    var allFixtures: [String] {
        [
            "import", "mail", fixture("takeout.mbox"), fixture("maildir"), fixture("outlook.eml"),
            fixture("truncated.mbox"),
        ]
    }

    @Test("Takeout mbox, Maildir, .eml: counts reconcile, a thread the user answered is answered, the rest waits")
    func importsAndAnswers() throws {
        try start()
        let out = try ok(allFixtures + ["--create-people"])
        #expect(out.contains("messages: 18 read = 6 imported + 10 left out + 2 listed"), "\(out)")
        #expect(out.contains("people: 3 added"))
        #expect(out.contains("interactions: 8 added, 0 already present"))
        #expect(out.contains("2 in Spam or Trash") && out.contains("1 the same message again"))
        #expect(out.contains("1 from a no-reply") && out.contains("1 to yourself only"))
        #expect(out.contains("4 with no one in Ties"))
        #expect(out.contains("takeout.mbox at byte 4106: no From address"))
        #expect(out.contains("truncated.mbox at byte 271: the file ends inside this message's header"))
        #expect(out.contains("1 malformed header line skipped") && out.contains("takeout.mbox at byte 3375"))
        #expect(out.contains("read them as Windows-1252"))
        let interactions = try store.ok("export", "interactions")
        let lines = interactions.split(separator: "\n")
        // Omar's lunch email is answered by the user's reply in the thread; his later one is not.
        #expect(lines.contains { $0.contains("Omar Haddad,2026-03-03T08:00:00Z,email,in,yes,1,,mail,") })
        #expect(lines.contains { $0.contains("Omar Haddad,2026-03-08T11:40:37Z,email,in,no,1,,mail,") })
        #expect(lines.contains { $0.contains("Omar Haddad,2026-03-03T09:30:00Z,email,out,yes,1,,mail,") })
        #expect(lines.contains { $0.contains("Rita Alvarez,2026-03-02T09:15:00Z,email,in,no,1,,mail,") })
        // People created only from the user's own mail, named as it names them; the stranger is not.
        let people = try store.ok("export", "people")
        #expect(people.contains("Priya Náir") && people.contains("\"Lee, Ana\"") && !people.contains("stranger"))
        #expect(!interactions.contains("Lunch") && !interactions.contains("A role you may like"))  // no subjects
        let gaps = try store.ok("gaps", "--as-of", "2026-03-20", "--format", "csv")
        #expect(gaps.contains("Recruiter waiting for your answer: Rita Alvarez"))
        let report = try store.ok("report", "--as-of", "2026-03-20")
        #expect(report.contains("Recruiter Rita Alvarez wrote on 2026-03-02"))
        // Again: nothing changes.
        let again = try ok(allFixtures + ["--create-people"])
        #expect(again.contains("interactions: 0 added, 8 already present") && again.contains("people: 0 added"))
        #expect(try store.ok("export", "interactions") == interactions)
        #expect(try store.ok("export", "people") == people)
    }

    @Test("a mailing list is no one: the user's posts to it create no person, a post to someone and a list counts")
    func mailingLists() throws {
        try start()
        let out = try ok(["import", "mail", fixture("lists.mbox"), "--create-people"])
        #expect(out.contains("messages: 5 read = 1 imported + 4 left out + 0 listed"), "\(out)")
        #expect(out.contains("2 with a mailing list only"), "\(out)")
        #expect(out.contains("1 bulk or automated") && out.contains("1 the same message again"), "\(out)")
        #expect(out.contains("people: 1 added"), "\(out)")
        let people = try store.ok("export", "people")
        #expect(people.contains("Mina Park"), "\(people)")
        #expect(!people.contains("healthexec.example") && !people.contains("googlegroups"), "\(people)")
        let interactions = try store.ok("export", "interactions")
        #expect(interactions.contains("Mina Park,2026-04-08T08:15:00Z,email,out,yes,3,,mail,"), "\(interactions)")
        // Read again: the same, nothing added.
        let again = try ok(["import", "mail", fixture("lists.mbox"), "--create-people"])
        #expect(again.contains("people: 0 added") && again.contains("interactions: 0 added, 1 already present"))
    }

    @Test("the user's reply in a later import answers an inbound email from an earlier one")
    func laterReply() throws {
        try start()
        // Omar's email alone first (the Maildir holds no reply): unanswered.
        try store.ok("import", "mail", fixture("truncated.mbox"))
        #expect(try store.ok("export", "interactions").contains("2026-03-08T11:40:37Z,email,in,no"))
        let mbox = store.dir.file("reply.mbox")
        try Data(
            """
            From x@xxx Mon Mar  9 10:00:00 2026
            From: jordan.ellis@newmail.example
            To: omar@works.example
            Date: Mon, 9 Mar 2026 10:00:00 +0000
            Message-ID: <later@newmail.example>
            References: <omar-2@works.example>

            Thanks!

            """.utf8
        ).write(to: mbox)
        let out = try store.ok("import", "mail", mbox.path)
        #expect(out.contains("answered: 1 inbound emails marked answered"), "\(out)")
        #expect(try store.ok("export", "interactions").contains("2026-03-08T11:40:37Z,email,in,yes"))
    }

    @Test("a dry run and a file that is not mail leave the store byte-identical")
    func refusalsChangeNothing() throws {
        try start()
        let before = store.snapshot()
        let dry = try ok(allFixtures + ["--create-people", "--dry-run"])
        #expect(dry.contains("Dry run — nothing written") && dry.contains("interactions: 8 added"))
        #expect(store.snapshot() == before)
        let wrong = try store.ties(["import", "mail", fixture("takeout.mbox"), fixture("message.msg")])
        #expect(wrong.status == 65)
        #expect(wrong.stderr.contains("message.msg: not mail: it is an Outlook message (.msg)"), "\(wrong.stderr)")
        #expect(store.snapshot() == before)
        // A Word document is an OLE compound file too; its directory tells it from a message.
        let word = try store.ties(["import", "mail", fixture("report.doc")])
        #expect(word.status == 65)
        #expect(word.stderr.contains("report.doc: not mail: it is a Word document (.doc);"), "\(word.stderr)")
        #expect(store.snapshot() == before)
        let csv = store.dir.file("people.csv")
        try Data("name,email\nAnn,ann@x.example\n".utf8).write(to: csv)
        let notMail = try store.ties(["import", "mail", csv.path])
        #expect(
            notMail.status == 65
                && notMail.stderr.contains(
                    "it looks like a CSV file with the header \"name,email\", which `ties import csv` reads"),
            "\(notMail.stderr)")
        #expect(store.snapshot() == before)
        // A folder that holds no mail is refused as such a file is: an empty one, and one of a CSV file only.
        let empty = store.dir.file("empty-folder")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let none = try store.ties(["import", "mail", empty.path])
        #expect(none.status == 65 && none.stderr.contains("empty-folder: holds no mail (no file in it)"), "\(none)")
        let folder = store.dir.file("contacts-folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: csv, to: folder.appendingPathComponent("people.csv"))
        try Data("Notes, in prose.\n".utf8).write(to: folder.appendingPathComponent("zz-notes.txt"))
        let onlyCSV = try store.ties(["import", "mail", folder.path])
        #expect(
            onlyCSV.status == 65 && onlyCSV.stderr.contains("contacts-folder: holds no mail: ")
                && onlyCSV.stderr.contains("people.csv: it looks like a CSV file")
                && onlyCSV.stderr.contains("(and 1 more file, none of them mail)"), "\(onlyCSV)")
        #expect(store.snapshot() == before)
    }

    @Test("an address that matches no one but gives one person's name is named, with the command that links it")
    func namedLikeSomeone() throws {
        try start()
        // A LinkedIn connection (no address), and a name two people bear.
        try store.ok("person", "add", "Dana Reyes", "--org", "Korn Lane")
        try store.ok("person", "add", "Sam Lee")
        try store.ok("person", "add", "Sam Lee (Acme)")
        let mbox = store.dir.file("names.mbox")
        var text = ""
        for (n, (name, address)) in [("Dana Reyes", "dana@kornlane.example"), ("Sam Lee", "sam@lee.example")]
            .enumerated()
        {
            text += """
                From \(address) Mon Mar 02 09:1\(n):00 2026
                From: \(name) <\(address)>
                To: Jordan Ellis <jordan.ellis@newmail.example>
                Date: Mon, 02 Mar 2026 09:1\(n):00 +0000
                Subject: A search
                Message-ID: <m\(n)@names.example>

                Hello.


                """
        }
        try Data(text.utf8).write(to: mbox)
        let first = try ok(["import", "mail", mbox.path])
        #expect(
            first.contains(
                "  1 address matching no one gives the name of someone in Ties:\n    dana@kornlane.example — Dana Reyes\n"
            ),
            "\(first)")
        #expect(
            first.contains("`ties person edit 'Dana Reyes' --email dana@kornlane.example`") && !first.contains("sam@"))
        #expect(first.contains("interactions: 0 added"))
        // The command runs; the next import finds Dana by her address.
        try store.ok("person", "edit", "Dana Reyes", "--email", "dana@kornlane.example")
        let again = try ok(["import", "mail", mbox.path])
        #expect(again.contains("interactions: 1 added") && !again.contains("matching no one"), "\(again)")
    }

    @Test("without any address of the user's the import refuses (64); --keep-subjects keeps subjects; --since filters")
    func optionsAndUsage() throws {
        try store.ok("init")
        let none = try store.ties(["import", "mail", fixture("takeout.mbox")])
        #expect(none.status == 64 && none.stderr.contains("--me"))
        try store.ok("person", "add", "Rita Alvarez", "--email", "rita.alvarez@talent.example")
        let out = try store.ok(
            "import", "mail", fixture("takeout.mbox"), "--me", "Jordan.Ellis@NewMail.example", "--keep-subjects",
            "--since", "2026-03-02")
        #expect(out.contains("interactions: 1 added"))
        #expect(try store.ok("export", "interactions").contains("A role you may like"))
        let later = try store.ok(
            "import", "mail", fixture("takeout.mbox"), "--me", "jordan.ellis@newmail.example", "--since", "2026-03-03",
            "--dry-run")
        #expect(later.contains("before --since"))
    }

    @Test("two people the user wrote to under one name are both created, the second with the address")
    func sameName() throws {
        try store.ok("init")
        try store.ok("person", "add", "Sam Lee", "--email", "sam.lee@old.example")
        let mbox = store.dir.file("names.mbox")
        try Data(
            """
            From x@xxx Mon Mar  9 10:00:00 2026
            From: me@x.example
            To: Alex Chen <alex@one.example>, "Alex Chen" <alex@two.example>, Sam Lee <sam@new.example>
            Date: Mon, 9 Mar 2026 10:00:00 +0000
            Message-ID: <names@x.example>

            """.utf8
        ).write(to: mbox)
        let out = try ok(["import", "mail", mbox.path, "--me", "me@x.example", "--create-people"])
        #expect(out.contains("people: 3 added"), "\(out)")
        let people = try store.ok("export", "people")
        #expect(people.contains("Alex Chen,") && people.contains("Alex Chen (alex@two.example)"))
        #expect(people.contains("Sam Lee (sam@new.example)"))
    }

    @Test("someone the user wrote to without a name takes the name their own mail gives, else the address")
    func senderNames() throws {
        try store.ok("init")
        let mbox = store.dir.file("names.mbox")
        try Data(
            """
            From x@xxx Mon Mar  9 10:00:00 2026
            From: me@x.example
            To: rita@talent.example, omar@works.example
            Date: Mon, 9 Mar 2026 10:00:00 +0000
            Message-ID: <out@x.example>

            From y@xxx Tue Mar 10 10:00:00 2026
            From: "Rita Alvarez" <Rita@Talent.example>
            To: me@x.example
            Date: Tue, 10 Mar 2026 10:00:00 +0000
            Message-ID: <in@talent.example>

            """.utf8
        ).write(to: mbox)
        let out = try ok(["import", "mail", mbox.path, "--me", "me@x.example", "--create-people"])
        #expect(out.contains("people: 2 added"), "\(out)")
        let people = try store.ok("export", "people")
        #expect(people.contains("Rita Alvarez,,,,,,,rita@talent.example"), "\(people)")
        #expect(people.contains("omar@works.example,,,,,,,omar@works.example"), "\(people)")
    }

    @Test("undated From lines separate messages: Netscape's and Thunderbird's `From - `, a Gmail-style `From <id>@xxx`")
    func undatedSeparators() throws {
        try store.ok("init")
        let out = try ok([
            "import", "mail", fixture("netscape.mbox"), fixture("gmail-undated.mbox"), "--me", "dara@juniper.example",
            "--create-people",
        ])
        // 4 + 2 messages, not one message per file; the body's `From Lisbon with love` and `From -` stay body.
        #expect(out.contains("messages: 6 read = 4 imported + 2 left out + 0 listed"), "\(out)")
        #expect(out.contains("people: 2 added"))
        let interactions = try store.ok("export", "interactions")
        #expect(interactions.contains("Hollis Quarry,1996-07-21T23:57:38Z,email,in,"), "\(interactions)")
        #expect(interactions.contains("Wren Osei,1996-06-14T08:02:11Z,email,in,"))
        #expect(
            try ok(["import", "mail", fixture("netscape.mbox"), "--me", "dara@juniper.example"]).contains(
                "interactions: 0 added, 4 already present"))
    }

    @Test("a mailbox whose messages carry a vCard or an invitation is mail: vcard and ics refuse it (65), unchanged")
    func attachmentsAreNotAddressBooks() throws {
        try store.ok("init")
        let before = store.snapshot()
        let card = try store.ties(["import", "vcard", fixture("netscape.mbox")])
        #expect(card.status == 65, "\(card.stdout)")
        #expect(
            card.stderr.contains("it looks like a mailbox or email message, which `ties import mail` reads"),
            "\(card.stderr)")
        let invitation = store.dir.file("invite.eml")
        try Data(
            "Received: from x\nFrom: A <a@x.example>\nDate: Mon, 9 Mar 2026 10:00:00 +0000\n\nBEGIN:VCALENDAR\nEND:VCALENDAR\n"
                .utf8
        ).write(to: invitation)
        let calendar = try store.ties(["import", "ics", invitation.path])
        #expect(
            calendar.status == 65 && calendar.stderr.contains("which `ties import mail` reads"), "\(calendar.stderr)")
        #expect(store.snapshot() == before)
    }

    @Test("Thunderbird's Local Folders: a folder deleted into Trash.sbd/ is in the Trash, the .msf indexes are skipped")
    func thunderbirdTrashFolders() throws {
        let out = try imported("thunderbird", me: "thanh@lotus.example", known: ("Minh Pham", "minh@lotus.example"))
        #expect(out.contains("messages: 4 read = 1 imported + 3 left out + 0 listed"), "\(out)")
        #expect(out.contains("3 in Spam or Trash") && !out.contains("skipped"), "\(out)")
        let interactions = try store.ok("export", "interactions")
        #expect(interactions.contains("Minh Pham,2014-02-10T02:12:40Z,email,in,no,"), "\(interactions)")
        #expect(!interactions.contains("2014-01-15"))
    }

    @Test("a service's own no-reply senders (`googlecommunityteam-noreply`, `drive-shares-dm-noreply`) are automated")
    func serviceNoReplySenders() throws {
        let out = try imported(
            "takeout-notices.mbox", me: "sam.okafor@gmail.example", known: ("Lena Brandt", "lena.brandt@mail.example"))
        #expect(out.contains("messages: 4 read = 1 imported + 3 left out + 0 listed"), "\(out)")
        #expect(out.contains("3 from a no-reply or notification address") && !out.contains("no one in Ties"), "\(out)")
    }

    @Test("a CRLF .eml whose first fields are a provider's own (X-YMAIL-UMID, Received-SPF) is mail")
    func crlfMessageFile() throws {
        let out = try imported(
            "yahoo-crlf.eml", me: "dara.venn@yahoo.example", known: ("Hollis Quarry", "hollis@kestrel.example"))
        #expect(out.contains("messages: 1 read = 1 imported + 0 left out + 0 listed"), "\(out)")
        #expect(try store.ok("export", "interactions").contains("Hollis Quarry,2010-12-11T03:20:10Z,email,in,no,"))
    }

    @Test("Apple Mail's own store: .emlx and .partial.emlx in Messages/ are read, Attachments/ is not looked at")
    func appleMailStore() throws {
        try store.ok("init")
        let out = try ok(["import", "mail", fixture("apple"), "--me", "dara@juniper.example", "--create-people"])
        #expect(out.contains("messages: 2 read = 2 imported + 0 left out + 0 listed"), "\(out)")
        #expect(!out.contains("skipped"), "\(out)")
        let interactions = try store.ok("export", "interactions")
        #expect(interactions.contains("Hollis Quarry,2018-01-26T16:44:31Z,email,out,yes,"), "\(interactions)")
        #expect(interactions.contains("Hollis Quarry,2018-01-26T17:02:10Z,email,in,no,"))
    }

    @Test("a Thunderbird profile: Templates and Unsent Messages were never sent; its own files are one note")
    func thunderbirdProfile() throws {
        let out = try importedIntoNewStore("thunderbird-profile", me: "noor.saleh@harbour.example")
        #expect(out.contains("messages: 4 read = 2 imported + 2 left out + 0 listed"), "\(out)")
        #expect(out.contains("2 drafts, templates and unsent mail") && !out.contains("not mail"), "\(out)")
        #expect(
            out.contains(
                "note: 9 files not read, as they hold no mail (the mail client's own, or empty) — folder indexes (.msf): 5; empty files: 1; filter logs (filterlog.html): 1; filter rules (msgFilterRules.dat): 1; POP state (popstate.dat): 1"
            ), "\(out)")
        let people = try store.ok("person", "list", "--format", "csv")
        #expect(people.contains("Ilse Varga") && !people.contains("Paavo Lind"), "\(people)")
    }

    @Test("a Majordomo list (no List-Id; Sender owner-LIST@, Precedence: bulk) and its command address are lists")
    func majordomoList() throws {
        let out = try importedIntoNewStore("majordomo.mbox", me: "karel@atelier.example")
        #expect(out.contains("messages: 4 read = 1 imported + 3 left out + 0 listed"), "\(out)")
        #expect(out.contains("2 with a mailing list only"), "\(out)")
        let people = try store.ok("person", "list", "--format", "csv")
        #expect(
            people.contains("Wendell Pike") && !people.contains("gimpdev")
                && !people.lowercased().contains("majordomo"), "\(people)")
        #expect(try store.ok("export", "interactions").contains("Wendell Pike,2000-02-10T08:12:00Z,email,out,"))
    }

    @Test("a Mailman archive month (`From: ann at host (Ann)`): copies in a list's archive, left out and counted")
    func pipermailArchive() throws {
        let out = try imported(
            "pipermail-2015-November.txt", me: "noor.saleh@harbour.example",
            known: ("Rowan Hale", "rowan.hale@quay.example"), ["--create-people"])
        #expect(out.contains("messages: 3 read = 0 imported + 3 left out + 0 listed"), "\(out)")
        #expect(out.contains("3 copies in a mailing list's archive"), "\(out)")
        #expect(try store.ok("export", "interactions").split(whereSeparator: \.isNewline).count == 1)
    }
}
