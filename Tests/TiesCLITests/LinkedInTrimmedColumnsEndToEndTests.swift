import Foundation
import Testing
import TiesTestSupport

/// `ties import linkedin` on files of real exports whose owners deleted columns before publishing them
/// (fixtures with made-up people; see Fixtures/exports/README.md for the real file each imitates).
@Suite("ties import linkedin: files whose owner removed columns")
struct LinkedInTrimmedColumnsEndToEndTests {
    let store = StoreUnderTest()

    func fixture(_ name: String) -> String { LinkedInExportEndToEndTests.fixture(name) }

    /// Imports fixture `name` into a new store, expecting `listed` in its listing and `added` of its people, then
    /// each of `shown` (a person, and what `person show` says of them), then again, expecting `known` people
    /// already up to date.
    func importTwice(_ name: String, listed: String, added: String, known: Int, shown: [(String, String)]) throws {
        try store.ok("init")
        let out = try store.ok("import", "linkedin", fixture(name))
        #expect(out.contains(listed), "\(out)")
        #expect(out.contains("people: \(added)"), "\(out)")
        for (person, said) in shown {
            let show = try store.ok("person", "show", person)
            #expect(show.contains(said), "\(show)")
        }
        let again = try store.ok("import", "linkedin", fixture(name))
        #expect(again.contains("people: 0 added, 0 updated, \(known) already up to date"), "\(again)")
    }

    @Test("Connections without the Last Name column are read by the first names; importing again adds nothing")
    func firstNamesOnly() throws {
        try importTwice(
            "linkedin-first-names-only", listed: "connections, 5 rows = 5 read + 0 left out on purpose",
            added: "5 added",
            known: 5,
            shown: [("Elvira (Ferrol Datos)", "known since:  2020-06-18"), ("Teodoro", "known since:  2016-12-01")])
    }

    @Test("Connections whose owner renamed First Name `De-Identified First Name` are read by the names it keeps")
    func deidentifiedFirstNames() throws {
        try importTwice(
            "linkedin-deidentified", listed: "connections, 5 rows = 4 read + 1 left out on purpose", added: "4 added",
            known: 4,
            shown: [("Odw (Quillmark Labs)", "known since:  2020-09-19")])
    }

    @Test("Connections whose owner joined the names into `Full Name` are read, the same people as the export's")
    func fullName() throws {
        try importTwice(
            "linkedin-full-name",
            listed: "linkedin_connections_categorized.csv: connections, 3 rows = 2 read + 1 left out on purpose",
            added: "2 added, 0 updated, 2 already up to date", known: 4,
            shown: [("Vikram Pillay", "Assistant System Engineer at Tarang Consultancy Services")])
    }

    @Test("files without the columns their rows are read by are refused, each saying which columns are missing")
    func namesRemoved() throws {
        try store.ok("init")
        let (result, unchanged) = try TiesBinary.runRefused(
            ["import", "linkedin", fixture("linkedin-names-removed")], store: store.db)
        #expect(result.status == 65, "\(result)")
        #expect(unchanged)
        let said = result.stderr
        #expect(!said.contains("nothing here is a file of a LinkedIn export"), "\(said)")
        #expect(
            said.contains(
                "Connections.csv: LinkedIn's connections with the columns First Name and Last Name removed (its header, line 4, is `Company,Position,Connected On`); a row is read by its name (First Name, Last Name)"
            ), "\(said)")
        #expect(said.contains("Invitations.csv: LinkedIn's invitations with the column To removed"), "\(said)")
        #expect(
            said.contains("messages.csv: LinkedIn's messages with the columns CONVERSATION ID and TO removed"),
            "\(said)")
    }

    @Test("a Connections file without names beside a whole one is listed as not read, with the columns missing")
    func redactedBesideWhole() throws {
        try store.ok("init")
        let out = try store.ok("import", "linkedin", fixture("linkedin-redacted"))
        #expect(out.contains("connections, 2 rows = 2 read + 0 left out on purpose"), "\(out)")
        #expect(
            out.contains(
                "redacted_connections.csv: LinkedIn's connections with the columns First Name and Last Name removed"),
            "\(out)")
    }
}

/// Greetings of people whose names begin with the title of their profession.
@Suite("ties next --warm-up: a title before the first name")
struct NamePrefixGreetingEndToEndTests {
    let store = StoreUnderTest()

    @Test("`Lic. Marisol`, `CA Devika`, `Er. Kunal` are greeted by their first names; `Eng Hock` stays `Eng`")
    func greetedByFirstName() throws {
        try store.ok("init")
        _ = try store.ok("import", "linkedin", LinkedInExportEndToEndTests.fixture("linkedin-name-prefixes"))
        let out = try store.ok("next", "--warm-up", "--limit", "10")
        for hello in ["Hello Marisol,", "Hello Devika,", "Hello Kunal,", "Hello Eng,"] {
            #expect(out.contains(hello), "\(hello) in \(out)")
        }
        for wrong in ["Hello Lic.", "Hello CA,", "Hello Er."] { #expect(!out.contains(wrong), "\(out)") }
    }

    @Test("a firm named `Inc.` ends the sentence with its own stop; `Confidential` is not named back")
    func firmNames() throws {
        try store.ok("init")
        _ = try store.ok("import", "linkedin", LinkedInExportEndToEndTests.fixture("linkedin-name-prefixes"))
        let out = try store.ok("next", "--warm-up").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "  +", with: " ", options: .regularExpression)
        #expect(out.contains("your searches at Tenth Lantern, Inc. If I can help"), "\(out)")
        #expect(!out.contains("Inc.."), "\(out)")
        #expect(!out.contains("searches at Confidential"), "\(out)")
        #expect(out.contains("Hello Priyanka,"), "\(out)")
    }
}

/// The files of an export that the import does not read say what they are.
@Suite("ties import linkedin: the export's other files")
struct LinkedInOtherFilesEndToEndTests {
    let store = StoreUnderTest()

    func fixture(_ name: String) -> String { LinkedInExportEndToEndTests.fixture(name) }

    @Test(
        "Rich_Media, Company Follows, Ad_Targeting, Saved Jobs, Education, Skills, Contacts are listed with what each is"
    )
    func listedWithReasons() throws {
        try store.ok("init")
        let out = try store.ok("import", "linkedin", fixture("linkedin-other-files"))
        #expect(out.contains("connections, 1 row = 1 read + 0 left out on purpose"), "\(out)")
        #expect(out.contains("Not read (8 files this import does not use):"), "\(out)")
        for (file, what) in [
            ("Rich_Media.csv", "the images and videos you posted"), ("Company Follows.csv", "the companies you follow"),
            ("Ad_Targeting.csv", "what advertisers reach you by"), ("Saved Jobs.csv", "the jobs you saved"),
            ("Education.csv", "your education"), ("Skills.csv", "your skills"),
        ] {
            #expect(
                out.contains("\(file): LinkedIn's list of \(what), which names no one to import"), "\(file) in \(out)")
        }
        #expect(out.contains("Member_Follows.csv: LinkedIn's list of the members you follow, by name alone"), "\(out)")
        #expect(
            out.contains("Contacts.csv: LinkedIn's copy of the address-book contacts you once let it read"), "\(out)")
    }

    @Test("a file that lists no one, given alone, is refused saying what it is, the store unchanged")
    func aloneRefused() throws {
        try store.ok("init")
        let (result, unchanged) = try TiesBinary.runRefused(
            ["import", "linkedin", fixture("linkedin-other-files") + "/Rich_Media.csv"], store: store.db)
        #expect(result.status == 65 && unchanged, "\(result)")
        #expect(
            result.stderr.contains("Rich_Media.csv: LinkedIn's list of the images and videos you posted"), "\(result)")
        #expect(!result.stderr.contains("nothing here is a file of a LinkedIn export"), "\(result)")
    }
}
