import Foundation
import Testing
import TiesCore

@testable import TiesInterchange

/// Files a spreadsheet set to a European language re-saved: semicolons between the fields, dates day first
/// with dots. The quirks of PhilCPH/Python_Network_Visualization_LinkedIn `Connections.csv` (Excel, 2021:
/// `First Name;Last Name;Company;Position;Connected on`, `16.09.2021`, CRLF, a single-byte code page), with
/// made-up people.
@Suite("Interchange: semicolon-separated spreadsheet saves")
struct InterchangeSpreadsheetSemicolonTests {
    static func text(_ bytes: [UInt8]?) -> String? { bytes.map { String(decoding: $0, as: UTF8.self) } }

    @Test("semicolons become commas; a bare comma is quoted; a quoted field keeps its semicolon")
    func commaSeparated() {
        let file =
            "First Name;Last Name;Company\r\nPetra;Kälin;Kestrel, The People Group\r\nEmil;Brandt;\"Kaffe; Kage\"\r\n"
        #expect(
            Self.text(SpreadsheetText.commaSeparated(Array(file.utf8)))
                == "First Name,Last Name,Company\r\nPetra,Kälin,\"Kestrel, The People Group\"\r\nEmil,Brandt,\"Kaffe; Kage\"\r\n"
        )
        #expect(
            Self.text(SpreadsheetText.commaSeparated(Array("a;b\nsaid \"hi\";x".utf8))) == "a,b\n\"said \"\"hi\"\"\",x")
        // Comma-separated files, and a header with a semicolon only inside quotes, are left alone.
        #expect(SpreadsheetText.commaSeparated(Array("First Name,Last Name\nA;B,C\n".utf8)) == nil)
        #expect(SpreadsheetText.commaSeparated(Array("\"a;b\"\nc;d\n".utf8)) == nil)
        #expect(SpreadsheetText.commaSeparated(Array("BEGIN:VCARD\r\nN:Brandt;Emil;;;\r\n".utf8)) == nil)
    }

    @Test("utf8 reads a semicolon file in a single-byte code page as comma-separated UTF-8")
    func transcodedAndSplit() {
        let cp1252: [UInt8] = Array("Name;Company\r\nJonas S".utf8) + [0xF8] + Array("rby;Nordlys\r\n".utf8)
        let read = SpreadsheetText.utf8(cp1252)
        #expect(read.transcoded && Self.text(read.bytes) == "Name,Company\r\nJonas Sørby,Nordlys\r\n")
    }

    @Test("dates day first with dots: 16.09.2021, 16.09.21; 2021.09.16 year first")
    func dottedDates() {
        #expect(LinkedInDate.day("16.09.2021") == Day(year: 2021, month: 9, day: 16))
        #expect(LinkedInDate.day("16.09.21") == Day(year: 2021, month: 9, day: 16))
        #expect(LinkedInDate.day("2021.09.16") == Day(year: 2021, month: 9, day: 16))
        #expect(LinkedInDate.day("7.5.2020 14:05") == Day(year: 2020, month: 5, day: 7))
        #expect(LinkedInDate.day("09.16.2021") == nil)  // no 16th month: day first, never month first
        #expect(LinkedInDate.day("16 Sep 2021") == Day(year: 2021, month: 9, day: 16))
    }
}
