import Foundation
import Testing
import TiesCore

@testable import TiesInterchange

/// Rows a spreadsheet whose list separator is `;` wrote whole between quotes are read as the rows they hold
/// (``CSVTable/unwrappingWholeLineRows()``; real: ClaytonRafael/binderaula's Connections.csv, 2021).
@Suite("Interchange: rows written whole between quotes")
struct InterchangeCSVWrappedRowsTests {
    @Test("an Invitations row written whole between quotes is the invitation it holds, not one without Direction")
    func wholeLineInvitation() throws {
        let text =
            "From,To,Sent At,Message,Direction\r\n"
            + "\"Ada Quist,Robin Vale,\"\"3/5/24, 9:12 AM\"\",\"\"Hi Robin, we met in Leeds\"\",INCOMING\"\r\n"
            + "Robin Vale,Bo Lind,\"3/4/24, 8:00 PM\",,OUTGOING\r\n"
        let read = try LinkedInInvitations.read(Array(text.utf8))
        #expect(read.skipped.isEmpty && read.problems.isEmpty)
        #expect(read.records.map(\.other.name) == ["Ada Quist", "Bo Lind"])
        // A row of one field that holds no such row stays as it was.
        let table = try CSVTable(bytes: Array("a,b\n\"x,y,z\"\n".utf8)).unwrappingWholeLineRows()
        #expect(table.rows[0].fields == ["x,y,z"] && table.raggedRows.count == 1)
    }
}
