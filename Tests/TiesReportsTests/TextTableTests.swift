import Testing
import TiesCore

@testable import TiesReports

@Suite("Text tables")
struct TextTableTests {
    @Test("columns are aligned, numbers to the right")
    func alignment() {
        let table = Table(
            columns: ["id", "name"], rows: [[.integer(7), .text("Dana")], [.integer(12), .text("Sam Okafor")]])
        #expect(TextTable.render(table) == "id  name\n--  ----------\n 7  Dana\n12  Sam Okafor\n")
    }

    @Test("an empty table prints the given sentence")
    func empty() {
        #expect(TextTable.render(Table(columns: ["a"]), empty: "Nobody yet.") == "Nobody yet.\n")
    }

    @Test("hostile text is made inert: ANSI escapes, newlines, bidirectional overrides")
    func hostile() {
        let text = TextTable.sanitised("Eve\u{1B}[2J\nX\u{202E}gnp.exe")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202E}" })
        #expect(text == "Eve\\u{1b}[2J X\\u{202e}gnp.exe")
    }
}
