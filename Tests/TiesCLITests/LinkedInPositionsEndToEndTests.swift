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
}
