import Testing
import TiesCore

@testable import TiesReports

@Suite("Terminal width and wrapping")
struct TerminalTextTests {
    @Test("visible width: escapes 0, East Asian wide 2, combining marks 0")
    func widths() {
        #expect(TerminalText.width("Dana") == 4)
        #expect(TerminalText.width("張偉") == 4)
        #expect(TerminalText.width("김민준") == 6)
        #expect(TerminalText.width("ｱｲｳ") == 3)  // half-width katakana are narrow
        #expect(TerminalText.width("Ｆｕｌｌ") == 8)  // full-width Latin is wide
        #expect(TerminalText.width("Jose\u{301}") == 4)  // e + combining acute
        #expect(TerminalText.width("\u{1B}[1;33m[must]\u{1B}[0m") == 6)
        #expect(TerminalText.width("\u{1B}]8;;https://x.example\u{07}link\u{1B}]8;;\u{07}") == 4)
        #expect(TerminalText.width("👍") == 2)
        #expect(TerminalText.width("a\u{200B}b") == 2)  // zero-width space
    }

    @Test(
        "no wrapped line is wider than the width, at 80, 100 and 120 columns, with CJK and colour",
        arguments: [80, 100, 120])
    func neverWider(width: Int) {
        let text =
            "Call \u{1B}[33m張偉\u{1B}[0m back this week: 鈴木さんの件について話し合い、次の面談の日程を決めてください。 "
            + String(repeating: "Reconnect with Zoë Brontë-Łukasiewicz about the board seat ", count: 4)
            + "averyveryverylongwordwithoutanyspacesthatcannotfitonasinglelineatallbecauseitgoesonandonandonandon"
        for prefix in ["", "  1. ", "     · "] {
            let lines = TerminalText.wrap(text, width: width, prefix: prefix)
            #expect(lines.count > 1)
            for line in lines { #expect(TerminalText.width(line) <= width, "\(TerminalText.width(line)): \(line)") }
            // Continuation lines start under the text: indented by the prefix's width.
            for line in lines.dropFirst() {
                #expect(line.hasPrefix(String(repeating: " ", count: prefix.count)))
                #expect(!line.dropFirst(prefix.count).hasPrefix(" "))
            }
            // Nothing is lost: the words come back in order.
            let words = lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
            #expect(
                words.replacingOccurrences(of: " ", with: "") == (prefix + text).replacingOccurrences(of: " ", with: "")
            )
        }
    }

    @Test("a command in backticks is not broken when it fits on a line")
    func codeSpans() {
        let lines = TerminalText.wrap(
            "Run `ties notify --out drafts` and send each draft, then `ties disclose`.", width: 30, prefix: "→ ")
        #expect(lines.contains { $0.contains("`ties notify --out drafts`") })
        #expect(lines.allSatisfy { TerminalText.width($0) <= 30 })
    }

    @Test("label: value lines wrap under the value; short lines stay as they are")
    func labelledLines() {
        let text = """
            Dana (#1)
              rhythm:       typically every 41 days; a silence this long happens 72% of the time → active
                2026-11-10  call in (unanswered)  — Left a message about a search; asked for a call back.

            """
        let wrapped = TerminalText.wrappingLines(text, width: 60)
        #expect(
            wrapped == """
                Dana (#1)
                  rhythm:       typically every 41 days; a silence this long
                                happens 72% of the time → active
                    2026-11-10  call in (unanswered)  — Left a message about
                                a search; asked for a call back.

                """)
    }

    @Test("escape sequences are never cut")
    func escapesWhole() {
        let coloured = String(repeating: "\u{1B}[31mX\u{1B}[0m", count: 50)
        let lines = TerminalText.wrap(coloured, width: 20)
        #expect(lines.count == 3)
        for line in lines {
            #expect(TerminalText.width(line) <= 20)
            #expect(line.components(separatedBy: "\u{1B}[31m").count == line.components(separatedBy: "\u{1B}[0m").count)
        }
    }
}

@Suite("Text tables at a terminal width")
struct TextTableWidthTests {
    let table = Table(
        columns: ["severity", "code", "title", "people", "action"],
        rows: [
            [
                .text("high"), .text("unanswered-inbound"), .text("Recruiters waiting for your answer: 張偉, 鈴木花子"),
                .text("張偉; 鈴木花子"),
                .text("Return the call this week, even if you are not looking: recruiters remember who called back."),
            ],
            [.text("low"), .text("journal-stale"), .text("Nothing in your journal"), .null, .text("Write one")],
        ])

    @Test("a wide listing is stacked below 100 columns, and no line is wider", arguments: [60, 80, 99])
    func stacked(width: Int) {
        let text = TextTable.render(table, width: width)
        #expect(text.hasPrefix("severity  high\ncode      unanswered-inbound\n"))
        #expect(!text.contains("------"))
        #expect(text.contains("\n\nseverity  low\n"))
        #expect(!text.contains("people    \n"))  // empty cells are left out
        for line in text.split(separator: "\n") { #expect(TerminalText.width(line) <= width, "\(line)") }
        // Continuation lines of a value start under the value.
        let action = text.split(separator: "\n").drop { !$0.hasPrefix("action") }.dropFirst().first
        #expect(action?.hasPrefix("          ") == true && action?.hasPrefix("           ") == false)
    }

    @Test(
        "at 100 columns and more a wide listing stays a table, long cells wrapped within their column",
        arguments: [100, 120])
    func narrowedTable(width: Int) {
        let text = TextTable.render(table, width: width)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("severity  code                "))
        #expect(lines[1].hasPrefix("--------  ------------------  "))
        for line in lines { #expect(TerminalText.width(line) <= width, "\(line)") }
        // The action column starts at the same place on every line of a wrapped row.
        let column =
            lines[0].range(of: "action").map { lines[0].distance(from: lines[0].startIndex, to: $0.lowerBound) } ?? 0
        let continuation = lines.dropFirst(3).first { $0.hasPrefix("                              ") && !$0.isEmpty }
        #expect(continuation != nil)
        #expect(text.contains("Return the call"))
        #expect(column > 0)
        // Multi-line rows are separated by a blank line.
        #expect(text.contains("\n\nlow       journal-stale"))
    }

    @Test("a listing that fits stays a table, wide characters aligned")
    func fits() {
        let narrow = Table(
            columns: ["id", "name"], rows: [[.integer(1), .text("張偉")], [.integer(22), .text("Sam")]])
        #expect(TextTable.render(narrow, width: 80) == "id  name\n--  ----\n 1  張偉\n22  Sam\n")
    }
}
