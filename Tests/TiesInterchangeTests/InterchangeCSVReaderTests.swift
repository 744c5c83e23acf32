import Foundation
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesInterchange

@Suite("Interchange: CSV reader")
struct InterchangeCSVReaderTests {
    func read(_ text: String) throws -> [CSVRecord] { try CSVReader.records(in: text) }

    @Test("plain records with their starting lines")
    func plain() throws {
        let records = try read("a,b,c\r\n1,2,3\r\n")
        #expect(
            records == [CSVRecord(line: 1, fields: ["a", "b", "c"]), CSVRecord(line: 2, fields: ["1", "2", "3"])])
    }

    @Test("a UTF-8 byte-order mark is skipped, and only at the start")
    func bom() throws {
        let records = try CSVReader.records(in: InterchangeFixtures.withBOM("name\r\nDana\r\n"))
        #expect(records.map(\.fields) == [["name"], ["Dana"]])
        #expect(try read("x\n\u{FEFF}y\n").map(\.fields) == [["x"], ["\u{FEFF}y"]])
    }

    @Test("CRLF, LF and lone CR all end records, and each counts as one line")
    func lineEnds() throws {
        let records = try read("a\r\nb\nc\rd")
        #expect(
            records == [
                CSVRecord(line: 1, fields: ["a"]), CSVRecord(line: 2, fields: ["b"]),
                CSVRecord(line: 3, fields: ["c"]), CSVRecord(line: 4, fields: ["d"]),
            ])
    }

    @Test("quoted fields hold commas, doubled quotes and line breaks; the next record's line accounts for them")
    func quoted() throws {
        let text = "id,note\r\n1,\"said \"\"hi\"\", then left\"\r\n2,\"line one\r\nline two\nline three\"\r\n3,\"\"\r\n"
        let records = try read(text)
        #expect(
            records.map(\.fields) == [
                ["id", "note"], ["1", "said \"hi\", then left"], ["2", "line one\r\nline two\nline three"], ["3", ""],
            ])
        #expect(records.map(\.line) == [1, 2, 3, 6])
    }

    @Test("empty fields, a trailing comma, and a last record without a line break")
    func emptyFields() throws {
        #expect(try read(",a,,\r\nx,").map(\.fields) == [["", "a", "", ""], ["x", ""]])
        #expect(try read("only").map(\.fields) == [["only"]])
        #expect(try read("").isEmpty)
    }

    @Test("blank lines are not records but still count as lines")
    func blankLines() throws {
        let records = try read("a\r\n\r\n\nb\r\n")
        #expect(records == [CSVRecord(line: 1, fields: ["a"]), CSVRecord(line: 4, fields: ["b"])])
    }

    @Test("a quote that never closes is an error at the line and column where the field starts")
    func unterminated() throws {
        let text = "h1,h2\r\nok,fine\r\nx,\"starts here\r\nand runs\r\nto the end"
        #expect {
            try CSVReader.records(in: text)
        } throws: { error in
            guard let error = error as? ParseError else { return false }
            return error.line == 3 && error.column == 3 && error.record == 3
                && error.description.contains("line 3, column 3") && error.description.contains("closing quote")
        }
    }

    @Test("leniencies as in Python's csv: a stray quote inside a field, text after a closing quote")
    func leniency() throws {
        #expect(
            try read("a\"b,c\r\n\"ab\"cd,e\r\n\"x\"\"y\"z\r\n").map(\.fields) == [
                ["a\"b", "c"], ["abcd", "e"], ["x\"yz"],
            ])
    }

    @Test("UTF-8 text is decoded; invalid bytes become U+FFFD")
    func utf8() throws {
        #expect(try read("Jürgen,Müller ✓\r\n").map(\.fields) == [["Jürgen", "Müller ✓"]])
        let records = try CSVReader.records(in: [0x61, 0xFF, 0x2C, 0x62] as [UInt8])
        #expect(records.map(\.fields) == [["a\u{FFFD}", "b"]])
    }

    @Test("Data and [UInt8] read the same; streaming can stop early")
    func dataAndStreaming() throws {
        let bytes = Array("a,b\r\n1,2\r\n3,4\r\n".utf8)
        #expect(try CSVReader.records(in: Data(bytes)) == CSVReader.records(in: bytes))
        var seen: [[String]] = []
        try CSVReader.forEachRecord(in: bytes) { record in
            seen.append(record.fields)
            return seen.count < 2
        }
        #expect(seen == [["a", "b"], ["1", "2"]])
    }

    @Test("reading from an offset keeps the caller's line numbering")
    func offset() throws {
        let bytes = Array("skip me\r\nx,y\r\n".utf8)
        var records: [CSVRecord] = []
        try CSVReader.forEachRecord(in: bytes, from: 9, line: 2) {
            records.append($0)
            return true
        }
        #expect(records == [CSVRecord(line: 2, fields: ["x", "y"])])
    }

    @Test("anything CSVWriter writes reads back unchanged (seeded random fields)")
    func roundTrip() throws {
        var rng = SplitMix64(seed: 4180)
        let alphabet: [String] = ["a", "Z", "1", " ", ",", "\"", "\r", "\n", "\r\n", "é", "✓", "=", ";", "\t"]
        var rows: [[String]] = []
        for _ in 0..<2_000 {
            let width = 3
            rows.append(
                (0..<width).map { _ in
                    let length = Int(rng.next() % 8)
                    return (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
                })
        }
        // Three fields per row, so no row is written as a blank line (which the reader skips).
        let text = rows.map { CSVWriter.record($0.map(CSVWriter.field)) }.joined()
        let records = try CSVReader.records(in: text)
        #expect(records.map(\.fields) == rows)
    }

    @Test("a table reports ragged rows with their lines; trailing empty fields are not ragged")
    func ragged() throws {
        let table = try CSVTable(
            bytes: Array(
                "Name,Email\r\nDana,d@example.org\r\nSam\r\nPriya,p@example.org,,\r\nMateo,m@example.org,extra\r\n".utf8
            ))
        #expect(table.header == ["Name", "Email"])
        #expect(table.rows.count == 4)
        #expect(table.raggedRows.map(\.line) == [3, 5])
        #expect(table.raggedRows.map(\.record) == [2, 4])
        #expect(table.raggedRows[0].description.contains("2 fields as in the header on line 1"))
        #expect(table.column(" email ") == 1)
        #expect(table.column("Phone") == nil)
        #expect(CSVTable.value(table.rows[1], 1) == nil)
    }

    @Test("an empty file has no header")
    func emptyTable() {
        #expect(throws: ParseError.self) { try CSVTable(bytes: []) }
    }

    @Test("locate finds a header by content after a preamble whose quotes do not balance")
    func locate() throws {
        let text = "Notes:\r\n\"An unbalanced remark, with a comma\r\n\r\nFirst Name,Last Name\r\nDana,Reyes\r\n"
        let table = try CSVTable.locate(in: Array(text.utf8), hint: "first name") { fields in
            fields.contains("First Name") && fields.contains("Last Name")
        }
        #expect(table?.headerLine == 4)
        #expect(table?.rows == [CSVRecord(line: 5, fields: ["Dana", "Reyes"])])
        #expect(try CSVTable.locate(in: Array(text.utf8), hint: "email") { _ in true } == nil)
    }
}
