import Foundation
import Testing
import TiesCore

@testable import TiesInterchange

/// The interactions table `ties export` writes, read back: the streaming reader `ties import csv` uses
/// must give exactly what the whole-table reader gives.
@Suite("Interchange: the ties CSV tables")
struct InterchangeTiesCSVTests {
    static let utc = TimeZone(identifier: "UTC")!

    /// An interactions table of `rows` rows in the export's columns; every 997th row has a bad date, every
    /// 1,009th is ragged and every 1,013th names an unknown kind.
    static func table(rows: Int) -> [UInt8] {
        var text = "id,person_id,person,occurred_at,kind,direction,answered,group_size,note,source,source_id\r\n"
        for k in 1...rows {
            let day = 1 + k % 28
            let date = k % 997 == 0 ? "2026-02-30T10:00:00Z" : "2026-02-\(day < 10 ? "0" : "")\(day)T10:00:00Z"
            let kind = k % 1013 == 0 ? "telegram" : ["call", "email", "Meeting"][k % 3]
            let note = k % 5 == 0 ? "\"a note, with a comma\r\nand a line\"" : ""
            text +=
                k % 1009 == 0
                ? "\(k),\(k % 40 + 1)\r\n" : "\(k),\(k % 40 + 1),,\(date),\(kind),out,yes,1,\(note),csv,s\(k)\r\n"
        }
        return Array(text.utf8)
    }

    func describe(_ r: InteractionRecord) -> String {
        Self.describe(r)
    }

    /// Reads `bytes` with both readers, expects the same records and problems from each, and returns the
    /// streamed records and problems.
    func readBothWays(_ bytes: [UInt8]) throws -> (records: [InteractionRecord], problems: [ParseError]) {
        let whole = TiesCSVImport.interactions(try CSVTable(bytes: bytes), file: "i.csv", timeZone: Self.utc)
        var streamed: [InteractionRecord] = []
        let problems = try TiesCSVImport.forEachInteraction(in: bytes, file: "i.csv", timeZone: Self.utc) {
            streamed.append($0)
            return true
        }
        #expect(streamed.map(describe) == whole.records.map(describe))
        #expect(problems.map(\.description) == whole.problems.sorted { $0.line < $1.line }.map(\.description))
        return (streamed, problems)
    }

    /// Every field of a record, to compare the two readers.
    static func describe(_ r: InteractionRecord) -> String {
        let i = r.interaction
        return
            "\(r.line) \(i.id ?? 0) \(r.keys) \(i.occurredAt.timeIntervalSince1970) \(i.dateOnly) \(i.kind) \(i.direction) \(i.answered) \(i.groupSize) \(i.note ?? "-") \(i.source) \(i.sourceID ?? "-")"
    }

    /// The streaming reader reads numbers, kinds, directions and yes/no from bytes when they are written
    /// plainly and from text otherwise; either way it must give what the whole-table reader gives, for every
    /// spelling either path accepts or refuses.
    @Test("values read from bytes and from text agree: case, guards, signs, spaces, quotes, long numbers")
    func bytesAndTextAgree() throws {
        let ids = [
            "1", "007", "+5", "-3", "0", " 4", "4 ", "'=5", "'7", "999999999999999999", "9223372036854775807",
            "9223372036854775808", "1e3", "٣", "\"8\"", "\"1\"\"2\"", "",
        ]
        let kinds = ["call", "Call", "CALL", "'=call", "\"email\"", "e-mail", "", "meeting "]
        let directions = ["in", "IN", "Out", "mutual", "'-in", "sideways", ""]
        let answers = ["yes", "YES", "y", "N", "0", "1", "true", "False", "maybe", "'+yes", ""]
        let sizes = ["1", "2", "0", "-1", "+2", "02", "'-2", "x", ""]
        var text = "id,person_id,person,occurred_at,kind,direction,answered,group_size,note,source,source_id\n"
        for k in 0..<400 {
            let row = [
                ids[k % ids.count], ids[(k / 3) % ids.count], k % 7 == 0 ? "" : "Ana \(k % 5)",
                "2026-03-0\(1 + k % 9)T10:00:00Z", kinds[k % kinds.count], directions[(k / 2) % directions.count],
                answers[(k / 5) % answers.count], sizes[(k / 7) % sizes.count], k % 11 == 0 ? "\"a, note\"" : "", "csv",
                k % 13 == 0 ? "" : "s\(k)",
            ]
            // A trailing empty field (a spreadsheet's extra comma) is no extra column; a filled one is.
            text += row.joined(separator: ",") + (k % 17 == 0 ? "," : k % 19 == 0 ? ",x" : "") + "\n"
        }
        let (streamed, problems) = try readBothWays(Array(text.utf8))
        #expect(streamed.contains { $0.line % 17 == 2 } && problems.contains { $0.line == 21 })
        // Both kinds of value occur: records read from plain bytes, and spellings only the text path reads.
        #expect(streamed.contains { $0.interaction.kind == .call && $0.interaction.id == 7 })
        #expect(streamed.contains { $0.interaction.direction == .inbound && !$0.interaction.answered })
        #expect(problems.contains { $0.field == "group_size" } && problems.contains { $0.field == "id" })
    }

    @Test("streaming gives the whole-table reader's records and problems, in file order, across many batches")
    func streamingMatchesTable() throws {
        let (streamed, problems) = try readBothWays(Self.table(rows: 10_000))
        #expect(problems.count == 10 + 9 + 9)  // bad dates, ragged rows, unknown kinds (none coincide)
        #expect(streamed.count == 10_000 - problems.count)
    }

    @Test("a ragged row is a problem and not a record, in both readers")
    func raggedRowsAreSkipped() throws {
        let bytes = Array("occurred_at,kind,person\r\n2026-01-02,call,Ana\r\n2026-01-03,call\r\n".utf8)
        let whole = TiesCSVImport.interactions(try CSVTable(bytes: bytes), file: "i.csv", timeZone: Self.utc)
        #expect(whole.records.map(\.line) == [2] && whole.problems.map(\.line) == [3])
        let people = TiesCSVImport.people(
            try CSVTable(bytes: Array("name,title\r\nAna,CFO\r\nBen\r\n".utf8)), file: "p.csv")
        #expect(people.records.map(\.person.name) == ["Ana"] && people.problems.map(\.line) == [3])
    }

    @Test("the body can stop the reading; nothing after is given")
    func stopsEarly() throws {
        let bytes = Self.table(rows: 20_000)
        var seen = 0
        _ = try TiesCSVImport.forEachInteraction(in: bytes, file: "i.csv", timeZone: Self.utc) { _ in
            seen += 1
            return seen < 5_000
        }
        #expect(seen == 5_000)
    }

    @Test("a quote that never closes: the records before it are given, then the error with its line")
    func unclosedQuote() {
        let bytes =
            Self.table(rows: 9_000) + Array("9001,1,,2026-02-01T10:00:00Z,call,out,yes,1,\"never closed\r\n".utf8)
        var seen = 0
        #expect {
            _ = try TiesCSVImport.forEachInteraction(in: bytes, file: "i.csv", timeZone: Self.utc) { _ in
                seen += 1
                return true
            }
        } throws: { error in
            (error as? ParseError)?.line == Self.lineCount(bytes) - 1
        }
        #expect(seen > 8_900)
        #expect(throws: ParseError.self) {
            _ = try TiesCSVImport.forEachInteraction(in: [], file: "i.csv", timeZone: Self.utc) { _ in true }
        }
    }

    static func lineCount(_ bytes: [UInt8]) -> Int { bytes.filter { $0 == 0x0A }.count + 1 }

    @Test("a spreadsheet's CSV that is not UTF-8 is read as Windows-1252; UTF-8 passes unchanged")
    func windows1252() {
        // "José,“Dana”,€5" as Excel's "CSV (Comma delimited)" writes it on Windows.
        let cp1252: [UInt8] = [0x4A, 0x6F, 0x73, 0xE9, 0x2C, 0x93, 0x44, 0x61, 0x6E, 0x61, 0x94, 0x2C, 0x80, 0x35]
        let read = SpreadsheetText.utf8(cp1252)
        #expect(read.transcoded && String(decoding: read.bytes, as: UTF8.self) == "José,“Dana”,€5")
        let utf8 = Array("José,“Dana”,€5".utf8)
        let same = SpreadsheetText.utf8(utf8)
        #expect(!same.transcoded && same.bytes == utf8)
    }

    @Test(
        "UTF-16 text, big- or little-endian, with or without a byte order mark, is read as UTF-8; other bytes are not")
    func utf16() {
        let text = "BEGIN:VCARD\r\nFN:Ingrid Ødegård 𝔸\r\nEND:VCARD\r\n"
        let bigEndian = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let littleEndian = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(UTF16Text.utf8(bigEndian) == Array(text.utf8))
        #expect(UTF16Text.utf8(littleEndian) == Array(text.utf8))
        #expect(UTF16Text.utf8([0xFE, 0xFF] + bigEndian) == Array(text.utf8))
        #expect(UTF16Text.utf8([0xFF, 0xFE] + littleEndian) == Array(text.utf8))
        #expect(UTF16Text.utf8(Array(text.utf8)) == nil)
        #expect(UTF16Text.utf8([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x1B, 0x5B]) == nil)
        #expect(UTF16Text.utf8([0x00, 0x41, 0x00, 0x00, 0x00, 0x42, 0x00, 0x43]) == nil)
    }
}
