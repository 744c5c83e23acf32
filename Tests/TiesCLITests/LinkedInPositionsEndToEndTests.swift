import Foundation
import Testing
import TiesTestSupport

/// The user's positions from a LinkedIn export's `Positions.csv` start the career journal: the report's
/// "journal is empty" gap and `ties next`'s field both read them. Made-up jobs in the layout of every export
/// seen (see InterchangeLinkedInPositionsTests).
@Suite("ties import linkedin: your positions into the career journal")
struct LinkedInPositionsEndToEndTests {
    let store = StoreUnderTest()

    @Test("positions become employment entries once, are listed, and the import can be undone")
    func positions() throws {
        try store.ok("init")
        let positions = store.dir.file("Positions.csv")
        try Data(
            """
            Company Name,Title,Description,Location,Started On,Finished On
            Mercy Hospital,Director of Operations,"Ran ED flow, cut waits 18%","St. Louis, Missouri",Jan 2024,
            Hale & Partners,Analyst,,,Feb 2020,Dec 2023
            ,,,,Mar 2018,

            """.utf8
        ).write(to: positions)
        let first = try store.ok("import", "linkedin", positions.path)
        #expect(first.contains("Positions.csv: your positions, 3 rows = 2 read + 1 left out on purpose"), "\(first)")
        #expect(first.contains("your positions: 2 added to your career journal, 0 already there"), "\(first)")
        let journal = try store.ok("journal", "list", "--format", "csv")
        #expect(
            journal.contains(
                "2024-01-01,,employment,Mercy Hospital,Director of Operations,,linkedin,\"Ran ED flow, cut waits 18%\""),
            "\(journal)")
        #expect(journal.contains("2020-02-01,2023-12-31,employment,Hale & Partners,Analyst,,linkedin,Analyst"))
        let again = try store.ok("import", "linkedin", positions.path)
        #expect(again.contains("your positions: 0 added to your career journal, 2 already there"), "\(again)")
        // The journal is not empty any more for the gaps (nor for the field `ties next` reads from it).
        let gaps = try store.ok("gaps", "--as-of", "2024-02-01", "--format", "csv")
        #expect(!gaps.contains("journal is empty"), "\(gaps)")
        try store.ok("undo")  // the second import changed nothing and recorded no change: the first goes
        #expect(try store.ok("journal", "list", "--format", "csv").split(separator: "\n").count == 1)
    }

    @Test("a later export of a job that has ended since gives the entry its end; an end already there is kept")
    func endedSince() throws {
        try store.ok("init")
        let positions = store.dir.file("Positions.csv")
        func export(_ rows: String) throws {
            try Data(("Company Name,Title,Description,Location,Started On,Finished On\n" + rows).utf8).write(
                to: positions)
        }
        try export("Mercy Hospital,Director of Operations,,,Jan 2024,\nHale & Partners,Analyst,,,Feb 2020,Dec 2023\n")
        try store.ok("import", "linkedin", positions.path)
        // A year later: the job at Mercy ended in March 2025; Hale's end is given otherwise (kept as stored).
        try export(
            "Mercy Hospital,Director of Operations,,,Jan 2024,Mar 2025\nHale & Partners,Analyst,,,Feb 2020,Jan 2024\n")
        let later = try store.ok("import", "linkedin", positions.path)
        #expect(
            later.contains(
                "your positions: 0 added to your career journal, 1 given the end the export shows, 1 already there"),
            "\(later)")
        let journal = try store.ok("journal", "list", "--format", "csv")
        #expect(journal.contains("2024-01-01,2025-03-31,employment,Mercy Hospital"), "\(journal)")
        #expect(journal.contains("2020-02-01,2023-12-31,employment,Hale & Partners"), "\(journal)")
        let again = try store.ok("import", "linkedin", positions.path)
        #expect(again.contains("your positions: 0 added to your career journal, 2 already there"), "\(again)")
    }
}
