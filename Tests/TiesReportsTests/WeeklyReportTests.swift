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
