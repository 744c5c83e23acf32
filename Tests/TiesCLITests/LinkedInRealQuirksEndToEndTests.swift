import Foundation
import Testing
import TiesTestSupport

/// `ties import linkedin` on quirks of real exports found after the first ones (fixtures with made-up people;
/// see Fixtures/exports/README.md for the real file each imitates).
@Suite("ties import linkedin: quirks of real exports")
struct LinkedInRealQuirksEndToEndTests {
    let store = StoreUnderTest()

    func fixture(_ name: String) -> String { LinkedInExportEndToEndTests.fixture(name) }

    /// Imports the Connections of fixture `name` into a new store, expecting `rows` rows all read, then again,
    /// expecting every person already up to date.
    func connectionsTwice(_ name: String, rows: Int) throws {
        try store.ok("init")
        let out = try store.ok("import", "linkedin", fixture(name))
        #expect(out.contains("connections, \(rows) rows = \(rows) read + 0 left out on purpose"), "\(out)")
        let again = try store.ok("import", "linkedin", fixture(name))
        #expect(again.contains("people: 0 added, 0 updated, \(rows) already up to date"), "\(again)")
    }

    @Test("two messages a sender wrote within one second are two interactions; importing again adds nothing")
    func sameSecond() throws {
        try store.ok("init")
        let out = try store.ok("import", "linkedin", fixture("linkedin-same-second"), "--create-people")
        #expect(out.contains("messages, 6 rows = 6 read + 0 left out on purpose"), "\(out)")
        #expect(out.contains("interactions: 6 added, 0 already present"), "\(out)")
        let nadia = try store.ok("person", "show", "Nadia Brook")
        #expect(nadia.components(separatedBy: "2021-03-02").count >= 3, "\(nadia)")
        let again = try store.ok("import", "linkedin", fixture("linkedin-same-second"), "--create-people")
        #expect(again.contains("interactions: 0 added, 6 already present"), "\(again)")
    }

    @Test("a day-first re-save of Connections and Invitations (`25/01/2024`, `24-01-2024 09:40`) is read day first")
    func dayFirstResave() throws {
        try store.ok("init")
        let out = try store.ok("import", "linkedin", fixture("linkedin-resaved-dayfirst"))
        #expect(out.contains("connections, 4 rows = 4 read + 0 left out on purpose"), "\(out)")
        #expect(out.contains("invitations, 3 rows = 3 read + 0 left out on purpose"), "\(out)")
        #expect(out.contains("interactions: 7 added, 0 already present"), "\(out)")
        // `03/04/2024` is 3 April (the file's `25/01/2024` says day first), not 4 March.
        #expect(try store.ok("person", "show", "Imogen Hartley").contains("known since:  2024-04-03"))
        #expect(try store.ok("person", "show", "Callum Reid").contains("known since:  2024-01-24"))
        #expect(try store.ok("person", "show", "Niamh Doyle").contains("2023-11-07  #3  connected mutual"))
        let again = try store.ok("import", "linkedin", fixture("linkedin-resaved-dayfirst"))
        #expect(again.contains("interactions: 0 added, 7 already present"), "\(again)")
    }

    @Test("a re-save whose dates are all 12 or under and in no order is refused, saying what to do")
    func undecidedResave() throws {
        try store.ok("init")
        let file = store.dir.file("Connections.csv")
        let rows = ["Ada,Quist,,,,,03-04-2022", "Bo,Lind,,,,,05-02-2022", "Cy,Moe,,,,,04-06-2022"]
        try Data(
            ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" + rows.joined(separator: "\n"))
                .utf8
        )
        .write(to: file)
        let result = try store.ties(["import", "linkedin", file.path])
        #expect(result.status == 65)
        #expect(
            result.stderr.contains("found \"03-04-2022\"")
                && result.stderr.contains("may be day first or month first, and nothing in the column decides"))
        #expect(result.stderr.contains("write the column's dates year first"), "\(result.stderr)")
    }

    @Test("LinkedIn Learning's coach files are listed as conversations with an AI, not read as messages")
    func coachConversations() throws {
        try store.ok("init")
        let out = try store.ok("import", "linkedin", fixture("linkedin-2026-coach"), "--create-people")
        let coach = "conversations with LinkedIn's AI coach or assistant"
        #expect(out.contains("learning_coach_messages.csv: \(coach), 4 rows (not with people: not read)"), "\(out)")
        #expect(out.contains("learning_role_play_messages.csv: \(coach), 0 rows"), "\(out)")
        // `No conversations found`, without a header: the same file, empty.
        #expect(out.contains("LearningCoachMessages.csv: \(coach), 0 rows") && !out.contains("Not read"), "\(out)")
        // Neither the coach's answers (no FROM) nor the user's questions (no TO) are rows left out, nor a
        // reason to take the user for someone.
        #expect(!out.contains("left out on purpose:") && !out.contains("learning_coach_messages.csv: took"), "\(out)")
        #expect(out.contains("messages.csv: messages, 3 rows = 3 read + 0 left out on purpose"), "\(out)")
        #expect(out.contains("interactions: 3 added, 0 already present"), "\(out)")
    }

    @Test(
        "rows a `;` spreadsheet wrote whole between quotes (`\"Renata,…,\"\"Instrutora, …\"\",22 Mar 2020\"`) are read")
    func wholeLineRows() throws {
        try connectionsTwice("linkedin-resaved-pt", rows: 6)
        let renata = try store.ok("person", "show", "Renata Quintela")
        #expect(renata.contains("Instrutora, Piloto Tandem e Coach at Voa Alto Paraquedismo"), "\(renata)")
        #expect(renata.contains("known since:  2020-03-22"), "\(renata)")
    }

    @Test("two exports of one member imported in one command: each connection found by its day, as one after the other")
    func twoExportsAtOnce() throws {
        try store.ok("init")
        let old = fixture("linkedin-two-exports/2020")
        let new = fixture("linkedin-two-exports/2025")
        let out = try store.ok("import", "linkedin", old, new)
        #expect(!out.contains("are named Rafael Lima"), "\(out)")
        #expect(out.contains("people: 8 added, 3 updated, 0 already up to date"), "\(out)")
        // The 2025 rows of the three connections of 2020 are the same connections: their `connected` is not
        // added twice.
        #expect(out.contains("interactions: 8 added, 3 already present"), "\(out)")
        let again = try store.ok("import", "linkedin", old, new)
        #expect(again.contains("people: 0 added, 0 updated, 11 already up to date"), "\(again)")
        #expect(again.contains("interactions: 0 added, 11 already present"), "\(again)")
        let apart = StoreUnderTest()
        try apart.ok("init")
        try apart.ok("import", "linkedin", old)
        try apart.ok("import", "linkedin", new)
        #expect(try store.ok("export", "people") == apart.ok("export", "people"))
    }

    @Test("Connections whose owner wrote its column names without spaces (`FirstName,…,ConnectedOn`) are read")
    func columnsWithoutSpaces() throws {
        try connectionsTwice("linkedin-renamed-columns", rows: 4)
        let idris = try store.ok("person", "show", "Idris Okafor, PhD")
        #expect(idris.contains("Applied Research Scientist at Confidential"), "\(idris)")
        #expect(idris.contains("known since:  2022-05-04"), "\(idris)")
        #expect(try store.ok("person", "show", "Chloé Marchand").contains("chloe.marchand@mail.example"))
    }
}
