import Foundation
import Testing
import TiesTestSupport

/// A LinkedIn-only store: connections are not relationships, and `next`, `gaps` and the report speak of
/// dormant recruiters to warm up rather than of strangers as active contacts.
@Suite("Dormant recruiters, end to end")
struct RecruiterWarmUpEndToEndTests {
    let store = StoreUnderTest()
    let asOf = "2026-06-30"

    func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/recruiters/" + name, withExtension: nil)!.path
    }

    func start() throws {
        try store.ok("init")
        try store.ok("me", "set", "name", "Jordan Ellis")
        try store.ok("me", "set", "field", "healthcare", "--since", "2020-01-01")
        let imported = try store.ok("import", "linkedin", fixture("Connections.csv"), fixture("messages.csv"))
        #expect(imported.contains("12 added"), "\(imported)")
        #expect(imported.contains("roles: 7 recruiters inferred from titles"), "\(imported)")
    }

    @Test("the import infers recruiters with their kind and evidence, and leaves hard negatives alone")
    func inferredRoles() throws {
        try start()
        let roles = try store.ok("person", "roles", "--review", "--format", "csv")
        for line in [
            "Priya Natarajan,recruiter,agency,inferred,Senior Physician Recruiter,CompHealth,recruiter; organisation: staffing agency (comphealth)",
            "Elena Petrova,recruiter,search-firm,inferred,Executive Search Consultant,WittKieffer,executive search",
            "Marcus Bell,recruiter,in-house,inferred,Talent Acquisition Partner,Mercy Health,talent acquisition",
            "Aisha Bello,recruiter,,inferred,Recruiter,,recruiter",
        ] {
            #expect(roles.contains(line), "\(line)\n\(roles)")
        }
        for name in ["Omar Haddad", "Lucia Gomez", "Ben Carter", "Ravi Shah", "Sam Okafor"] {
            #expect(!roles.contains(name), "\(name) is not a recruiter")
        }
        // Importing again changes nothing and infers nothing new.
        let again = try store.ok("import", "linkedin", fixture("Connections.csv"), fixture("messages.csv"))
        #expect(again.contains("0 added") && !again.contains("roles:"), "\(again)")
    }

    @Test("next proposes the best-placed dormant recruiters with a first message, never strangers as active contacts")
    func next() throws {
        try start()
        let output = try store.ok("next", "--as-of", asOf)
        let rows = output.split(separator: "\n").filter { $0.first?.isNumber ?? false }
        // The text is wrapped to the terminal's width: read it with its line breaks folded back into spaces.
        let next = output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // One active recruiter (Dana) of the three aimed for: two warm-ups, in the field and at firms with no
        // active contact, connected longest first, ahead of the scored rows.
        #expect(rows.first?.hasPrefix("1. Priya Natarajan  [warm up]") ?? false, "\(next)")
        #expect(rows.dropFirst().first?.hasPrefix("2. Elena Petrova  [warm up]") ?? false, "\(next)")
        #expect(
            next.contains(
                "Hello Priya, we have been connected since 2017 and I have never said hello. I work in healthcare"))
        #expect(next.contains("`ties log \"Priya Natarajan\" message --direction out`"))
        // Tom (2015, technology) is older but out of the field; Marcus is at Mercy Health, where Sam is active.
        #expect(!next.contains("Tom Hughes") && !next.contains("Marcus Bell"))
        // Connections never spoken with are no one's "only active contact", and never a row of their own.
        for stranger in ["Ravi Shah", "Tetra Tech", "Omar Haddad", "Lucia Gomez", "Ben Carter"] {
            #expect(!next.contains(stranger), "\(stranger) in\n\(next)")
        }
        // Sam, in touch, is the only active contact at Mercy Health: Marcus and Omar there are dormant.
        #expect(next.contains("your only active contact at Mercy Health"))
        // The suggested command runs, and ends Priya's dormancy: one active recruiter more, one warm-up less.
        try store.ok("log", "Priya Natarajan", "message", "--direction", "out", "--at", "2026-06-29")
        let after = try store.ok("next", "--as-of", asOf)
        #expect(
            after.split(separator: "\n").first { $0.hasPrefix("1.") }?.hasPrefix("1. Elena Petrova  [warm up]")
                ?? false, "\(after)")
        #expect(!after.contains("Priya Natarajan  [warm up]"))
    }

    @Test(
        "with no field set, the field is read from the headline or the industry of the export's Profile.csv",
        arguments: [
            (
                "\"Director of Operations, Mercy Hospital\",,Hospitals and Health Care",
                "Director of Operations, Mercy Hospital"
            ),
            // A profile without a headline: the industry LinkedIn records for the member says the field.
            (",,Hospitals and Health Care", "Hospitals and Health Care"),
        ])
    func fieldFromTheExportsProfile(columns: String, shown: String) throws {
        try store.ok("init")
        // LinkedIn's Profile.csv (2023-2025 layout); the name in it also tells who the user is in messages.csv.
        let profile = store.dir.file("Profile.csv")
        try Data(
            """
            First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers
            Jordan,Ellis,,,Mar 7,\(columns),,,,,

            """.utf8
        ).write(to: profile)
        // An export made before `asOf`: the headline holds from the day of the export (its files' latest date).
        var files = [profile]
        for name in ["Connections.csv", "messages.csv"] {
            files.append(store.dir.file(name))
            try FileManager.default.copyItem(at: URL(fileURLWithPath: fixture(name)), to: files[files.count - 1])
        }
        let exported = try #require(ISO8601DateFormatter().date(from: "2026-06-01T12:00:00Z"))
        for file in files {
            try FileManager.default.setAttributes([.modificationDate: exported], ofItemAtPath: file.path)
        }
        let imported = try store.ties(["import", "linkedin"] + files.map(\.path))
        #expect(imported.status == 0 && imported.stdout.contains("Profile.csv: your profile, 1 row"), "\(imported)")
        let me = try store.ok("me", "show")
        #expect(me.contains(shown), "\(me)")
        let output = try store.ok("next", "--as-of", asOf)
        let rows = output.split(separator: "\n").filter { $0.first?.isNumber ?? false }
        let next = output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // As with `ties me set field healthcare` (`next()`): the field's recruiters first, Tom (technology) not.
        #expect(rows.first?.hasPrefix("1. Priya Natarajan  [warm up]") ?? false, "\(next)")
        #expect(next.contains("I work in healthcare") && !next.contains("Tom Hughes"), "\(next)")
    }

    @Test("with enough active recruiters, the gap's command `ties next --warm-up` still names the dormant ones")
    func warmUpList() throws {
        try start()
        // Two more recruiters in touch: three active, as aimed for. Plain `next` then places the warm-ups after
        // every scored row, which in a real network is far beyond its first five.
        for name in ["Priya Natarajan", "Elena Petrova"] {
            try store.ok("log", name, "message", "--direction", "out", "--at", "2026-06-29")
        }
        let gaps = try store.ok("gaps", "--as-of", asOf, "--format", "csv")
        #expect(
            gaps.contains(
                "low,dormant-recruiters,3 active recruiters; 4 recruiters among your connections you have never spoken with,Grace Lin; Marcus Bell; Tom Hughes,\"Build relationships before you need them: `ties next --warm-up` names the best-placed recruiters to write to first"
            ), "\(gaps)")
        // What the gap says is true: the command names them, best placed first, and says how to see them all.
        func entries(_ text: String) -> [Substring] {
            text.split(separator: "\n").filter { $0.range(of: #"^[0-9]+\. "#, options: .regularExpression) != nil }
        }
        let some = try store.ok("next", "--warm-up", "--limit", "2", "--as-of", asOf)
        #expect(entries(some).count == 2 && entries(some)[0].hasPrefix("1. Grace Lin  [warm up]"), "\(some)")
        #expect(some.contains("2 of 4 shown; `ties next --warm-up --limit 4` lists every one."), "\(some)")
        let all = try store.ok("next", "--warm-up", "--limit", "4", "--as-of", asOf)
        #expect(entries(all).count == 4 && !all.contains(" shown;"), "\(all)")
        #expect(!all.contains("Priya Natarajan") && !all.contains("Dana Reyes") && !all.contains("Ravi Shah"))
        // A snoozed recruiter is left out, and said to be; with none left the list says so.
        try store.ok("snooze", "Grace Lin", "--until", "2026-12-31", "--as-of", asOf)
        let snoozed = try store.ok("next", "--warm-up", "--as-of", asOf)
        #expect(!snoozed.contains("Grace Lin") && snoozed.contains("1 person is snoozed and left out"), "\(snoozed)")
        let csv = try store.ok("next", "--warm-up", "--as-of", asOf, "--format", "csv")
        #expect(csv.split(whereSeparator: \.isNewline).count == 4 && csv.contains("dormant-recruiter"), "\(csv)")
    }

    @Test("gaps and the report count dormant recruiters apart from active ones")
    func gapsAndReport() throws {
        try start()
        let gaps = try store.ok("gaps", "--as-of", asOf, "--format", "csv")
        #expect(
            gaps.contains(
                "medium,dormant-recruiters,1 active recruiter; 6 recruiters among your connections you have never spoken with,Priya Natarajan; Elena Petrova; Grace Lin,"
            ), "\(gaps)")
        #expect(
            gaps.contains("medium,recruiter-coverage,Only 1 active recruiter (aim for 3): Dana Reyes,Dana Reyes,"),
            "\(gaps)")
        let report = try store.ok("report", "--as-of", asOf)
        #expect(
            report.contains(
                "12 people, 2 with a history; 10 known only as connections, never spoken with (6 of them recruiters)"),
            "\(report)")
        #expect(report.contains("1 active recruiter at 1 firm"))
        let json = try store.ok("report", "--as-of", asOf, "--format", "json")
        #expect(json.contains("\"withHistory\": 2,\n  \"dormant\": 10,\n  \"dormantRecruiters\": 6,"))
    }

    @Test("a rejected role stays rejected; a confirmed one stays; classify changes neither")
    func review() throws {
        try start()
        try store.ok("person", "roles", "--reject", "Aisha Bello", "--confirm", "Priya Natarajan")
        let classified = try store.ok("person", "classify")
        #expect(
            classified.contains("0 recruiters inferred") && classified.contains("1 role you rejected"), "\(classified)")
        let roles = try store.ok("person", "roles", "--format", "csv")
        #expect(
            roles.contains("Aisha Bello,recruiter,,rejected,")
                && roles.contains("Priya Natarajan,recruiter,agency,confirmed,"))
        #expect(!(try store.ok("person", "roles", "--review")).contains("Aisha Bello"))
        // One answer that cannot be given changes nothing, not even the others.
        let before = store.snapshot()
        let unknown = try store.ties(["person", "roles", "--undo", "Aisha Bello", "--confirm", "Ravi Shah"])
        #expect(unknown.status == 65 && unknown.stderr.contains("no recruiter role was inferred"), "\(unknown.stderr)")
        #expect(store.snapshot() == before)
    }
}
