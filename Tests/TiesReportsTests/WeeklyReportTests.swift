import Foundation
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesReports

@Suite("Weekly report rendering")
struct WeeklyReportTests {
    @Test(
        "every format matches its golden file",
        arguments: ["terminal.txt", "terminal-colour.txt", "report.md", "report.html", "report.json"])
    func golden(name: String) {
        let report = Fixtures.weeklyReport()
        let text: String
        switch name {
        case "terminal.txt": text = report.terminal(colour: false)
        case "terminal-colour.txt": text = report.terminal(colour: true)
        case "report.md": text = report.markdown()
        case "report.html": text = report.html()
        default: text = report.json()
        }
        #expect(snapshotMismatch(text, named: name) == nil, "\(snapshotMismatch(text, named: name) ?? "")")
    }

    @Test("the terminal form fits 100 columns and has no escape codes without colour")
    func terminalWidth() {
        for hostile in [false, true] {
            let text = Fixtures.weeklyReport(hostile: hostile).terminal(colour: false)
            for line in text.split(separator: "\n") { #expect(line.count <= 100, "too wide: \(line)") }
            #expect(!text.contains("\u{1B}"))
        }
    }

    @Test("hostile names and notes render inert in every format")
    func hostileText() throws {
        let report = Fixtures.weeklyReport(hostile: true)
        let html = report.html()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;") || html.contains("&lt;img"))
        #expect(!html.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
        #expect(!html.contains("http://evil") || !html.contains("href="))
        let markdown = report.markdown()
        // Every `<` is backslash-escaped, which CommonMark renders as a literal character, never as HTML.
        let chars = Array(markdown)
        #expect(chars.indices.allSatisfy { chars[$0] != "<" || ($0 > 0 && chars[$0 - 1] == "\\") })
        #expect(!markdown.contains("](http"))
        #expect(!markdown.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
        let terminal = report.terminal(colour: true)
        #expect(!terminal.contains("\u{1B}[2J"))
        #expect(!terminal.unicodeScalars.contains { $0.value == 0x202E })
        // JSON keeps the text exactly, escaped, and parses.
        let json = report.json()
        #expect(!json.contains("<"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let actionNames = (object["actions"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        #expect(actionNames.contains { Fixtures.hostileNames.contains($0) })
    }

    @Test("JSON carries the schema and version, and numbers as numbers")
    func jsonSchema() throws {
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(Fixtures.weeklyReport().json().utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "ties.weekly-report")
        #expect(object["schemaVersion"] as? Int == WeeklyReport.schemaVersion)
        #expect((object["health"] as? [String: Any])?["value"] is Double)
        #expect((object["trend"] as? [Any])?.count == 12)
    }
}

@Suite("Weekly report at a terminal width")
struct WeeklyReportWidthTests {
    @Test("no line is wider than the terminal, with colour, CJK and hostile names", arguments: [80, 100, 120])
    func width(columns: Int) {
        for report in [Fixtures.weeklyReport(), Fixtures.weeklyReport(hostile: true), Fixtures.weeklyReport(cjk: true)]
        {
            for colour in [false, true] {
                let text = report.terminal(colour: colour, width: columns)
                for line in text.split(separator: "\n") {
                    #expect(TerminalText.width(line) <= columns, "\(TerminalText.width(line)) > \(columns): \(line)")
                }
            }
        }
    }

    @Test("continuation lines are indented under their text")
    func hanging() {
        let text = Fixtures.weeklyReport(cjk: true).terminal(colour: true, width: 80)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Each numbered action's continuation lines start at the column of the text after "  N. ".
        for (i, line) in lines.enumerated() where line.hasPrefix("  1. ") || line.hasPrefix("  2. ") {
            let next = lines[i + 1]
            #expect(next.hasPrefix("     "), "\(next)")
        }
        #expect(text.contains("張"))
    }
}

@Suite("Weekly report as HTML and Markdown")
struct WeeklyReportPageTests {
    let html = Fixtures.weeklyReport().html()

    /// The `fill` of every element of `tag` with `marker` in it.
    func fills(_ tag: String, _ marker: String = "") -> [String] {
        html.components(separatedBy: "<\(tag) ").dropFirst().filter { $0.contains(marker) }.compactMap { element in
            element.components(separatedBy: "fill=\"").dropFirst().first?.components(separatedBy: "\"").first
        }
    }

    @Test("every bar of the strength chart carries its count")
    func histogramNumbers() throws {
        let chart = try #require(
            html.components(separatedBy: "aria-label=\"Strength distribution\"").last?
                .components(separatedBy: "</svg>").first)
        let report = Fixtures.weeklyReport()
        for (i, count) in report.strengthHistogram.enumerated() where count > 0 {
            #expect(chart.contains("<title>strength \(i * 10)–\((i + 1) * 10): \(count)</title>"))
        }
        let labels = chart.components(separatedBy: "text-anchor=\"middle\">").dropFirst().compactMap {
            Int($0.prefix { $0.isNumber })
        }
        #expect(labels == report.strengthHistogram)
    }

    @Test("the role chart writes a number on every bar, and its legend uses the bars' colours")
    func roleChart() throws {
        let chart = try #require(
            html.components(separatedBy: "aria-label=\"People by role\"").last?
                .components(separatedBy: "</svg>").first)
        let report = Fixtures.weeklyReport()
        for row in report.byRole {
            // The total after each bar.
            #expect(chart.contains(">\(row.total)</text>") || chart.contains(">\(row.total) ("))
        }
        let barColours = Set(
            chart.components(separatedBy: "<rect ").dropFirst().filter { !$0.contains("class=\"legend\"") }
                .compactMap { $0.components(separatedBy: "fill=\"").dropFirst().first?.prefix(7) }.map(String.init))
        let legendColours = Set(
            chart.components(separatedBy: "<rect class=\"legend\"").dropFirst()
                .compactMap { $0.components(separatedBy: "fill=\"").dropFirst().first?.prefix(7) }.map(String.init))
        #expect(legendColours.count == 3)
        #expect(barColours.isSubset(of: legendColours))
        #expect(!barColours.isEmpty)
    }

    @Test("the health components are drawn, each bar with its score")
    func components() {
        let report = Fixtures.weeklyReport()
        let meters = html.components(separatedBy: "class=\"meter\"").count - 1
        #expect(meters == report.health.components.count)
        for c in report.health.components {
            let score = Table.format(c.value * 100, digits: 0)
            #expect(
                html.contains(
                    "aria-label=\"\(score) of 100\"><span style=\"width: \(score)%\"></span></div><div class=\"score\">\(score)</div>"
                ))
        }
    }

    @Test("commands show as code, with no literal backticks; dates stay on one line")
    func code() {
        let body = html.components(separatedBy: "<body>").last ?? ""
        #expect(!body.contains("`"))
        #expect(body.contains("<code>ties "))
        #expect(body.contains("<time datetime=\""))
    }

    @Test("Markdown escapes only what Markdown needs; commands are code spans")
    func markdown() {
        let markdown = Fixtures.weeklyReport().markdown()
        #expect(!markdown.contains("\\-"))
        #expect(!markdown.contains("\\."))
        #expect(markdown.contains("`ties "))
        #expect(
            WeeklyReport.markdownEscaped("due 2026-11-20, St. Brigid (Boston)") == "due 2026-11-20, St. Brigid (Boston)"
        )
        #expect(
            WeeklyReport.markdownEscaped("*a* _b_ [c](d) <e> `f` a|b")
                == "\\*a\\* \\_b\\_ \\[c\\](d) \\<e\\> \\`f\\` a\\|b")
        #expect(WeeklyReport.markdownEscaped("1. not a list") == "1\\. not a list")
        #expect(WeeklyReport.markdownEscaped("# not a heading") == "\\# not a heading")
        #expect(WeeklyReport.markdownEscaped("see http://x.example") == "see http\\://x.example")
    }

    @Test("with no role among the people with a history, every format says so instead of an empty table")
    func noRoles() {
        var report = Fixtures.weeklyReport()
        report.byRole = []
        let sentence = "No one with a history has a role yet"
        #expect(report.terminal(colour: false).contains("  \(sentence) (`ties person edit --help`"))
        #expect(!report.terminal(colour: false).contains("(none)"))
        #expect(report.markdown().contains(sentence) && !report.markdown().contains("| role | active"))
        #expect(report.html().contains(sentence) && !report.html().contains("<th>role</th>"))
        // With roles, the table as before.
        #expect(!Fixtures.weeklyReport().terminal(colour: false).contains(sentence))
    }
}
