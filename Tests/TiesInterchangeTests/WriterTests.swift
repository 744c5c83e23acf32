import Foundation
import Testing
import TiesCore

@testable import TiesInterchange

@Suite("CSV and JSON writers")
struct WriterTests {
    @Test("CSV is RFC 4180: CRLF records, a header, quoting only where needed, doubled quotes")
    func rfc4180() {
        let table = Table(
            columns: ["id", "name", "note"],
            rows: [
                [.integer(1), .text("Dana Reyes"), .text("said \"call me\", then left")],
                [.integer(2), .text("Sam"), .text("line one\nline two")],
                [.integer(3), .null, .number(-2.5, digits: 1)],
            ])
        #expect(
            CSVWriter.write(table)
                == "id,name,note\r\n1,Dana Reyes,\"said \"\"call me\"\", then left\"\r\n2,Sam,\"line one\nline two\"\r\n3,,-2.5\r\n"
        )
    }

    @Test(
        "text a spreadsheet would run as a formula is neutralised; numbers are not",
        arguments: [
            ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("+1 312 555 0100", "'+1 312 555 0100"),
            ("-cmd", "'-cmd"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "\"'\rx\""), ("plain", "plain"),
        ])
    func formulaInjection(text: String, expected: String) {
        #expect(CSVWriter.cell(.text(text)) == expected)
        #expect(CSVWriter.cell(.integer(-3)) == "-3")
    }

    @Test("--excel adds a UTF-8 byte-order mark")
    func excelBOM() {
        let csv = CSVWriter.write(Table(columns: ["a"]), excel: true)
        #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test("JSON escapes control characters and keeps column order and number formatting")
    func json() throws {
        let table = Table(
            columns: ["z", "a", "n"], rows: [[.text("<b>\"\u{1B}[31m\n"), .null, .number(2.345, digits: 2)]])
        let text = JSONWriter.write(table)
        // `<` is escaped too, so the JSON can be embedded in HTML.
        #expect(text == "[\n  {\"z\": \"\\u003cb>\\\"\\u001b[31m\\n\", \"a\": null, \"n\": 2.35}\n]\n")
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
        #expect(parsed?.first?["z"] as? String == "<b>\"\u{1B}[31m\n")
    }

    @Test(
        "numbers are formatted without locale or negative zero",
        arguments: [
            (0.0, 2, "0.00"), (-0.0001, 2, "0.00"), (1.005, 1, "1.0"), (-12.345, 2, "-12.35"), (7, 0, "7"),
            (0.05, 3, "0.050"),
        ])
    func numbers(x: Double, digits: Int, expected: String) {
        #expect(Table.format(x, digits: digits) == expected)
    }
}

@Suite("CSV on a terminal")
struct CSVTerminalTests {
    @Test("on a terminal, escapes and other controls in fields are shown, never sent raw; files keep them")
    func terminalSafe() {
        let table = Table(
            columns: ["name", "note"],
            rows: [[.text("Ann\u{1B}[2JLee"), .text("line one\nline\ttwo\r\u{7}\u{202E}")]])
        let shown = CSVWriter.write(table, forTerminal: true)
        #expect(!shown.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" || $0 == "\u{202E}" })
        #expect(shown == "name,note\r\nAnn\\u{1b}[2JLee,\"line one\nline\ttwo\\u{d}\\u{7}\\u{202e}\"\r\n")
        #expect(CSVWriter.write(table).contains("Ann\u{1B}[2JLee"))
    }
}
