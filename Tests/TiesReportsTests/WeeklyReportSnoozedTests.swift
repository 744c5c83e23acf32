import Foundation
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesReports

@Suite("Weekly report: who is snoozed")
struct WeeklyReportSnoozedTests {
    func report() throws -> WeeklyReport {
        var report = Fixtures.weeklyReport()
        report.snoozed = [
            .init(personID: 7, name: "Dana <b>Reyes</b>", until: try #require(Day(year: 2026, month: 12, day: 18))),
            .init(personID: 9, name: "Sam Okafor", until: try #require(Day(year: 2027, month: 1, day: 10))),
        ]
        return report
    }

    @Test("every format lists the snoozed people with the day each is back, user text escaped")
    func listed() throws {
        let report = try report()
        let terminal = report.terminal(colour: false)
        #expect(terminal.contains("Snoozed (left out of the actions and the gaps until the day they are back)\n"))
        #expect(terminal.contains("  Dana <b>Reyes</b> — back on 2026-12-18\n  Sam Okafor — back on 2027-01-10\n"))
        let markdown = report.markdown()
        #expect(markdown.contains("## Snoozed\n"))
        #expect(markdown.contains("- **Dana \\<b\\>Reyes\\</b\\>** — back on 2026-12-18\n"))
        // The section sits between the gaps and the counts.
        let gaps = try #require(markdown.range(of: "## Gaps"))
        let snoozed = try #require(markdown.range(of: "## Snoozed"))
        let counts = try #require(markdown.range(of: "## Who is where"))
        #expect(gaps.lowerBound < snoozed.lowerBound && snoozed.lowerBound < counts.lowerBound)
        let html = report.html()
        #expect(
            html.contains("<li><strong>Dana &lt;b&gt;Reyes&lt;/b&gt;</strong> — back on <time datetime=\"2026-12-18\">")
        )
        #expect(!html.contains("<b>Reyes"))
        let json = try #require(
            JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        let people = try #require(json["snoozed"] as? [[String: Any]])
        #expect(people.map { $0["id"] as? Int } == [7, 9])
        #expect(people.map { $0["until"] as? String } == ["2026-12-18", "2027-01-10"])
        #expect(people.first?["name"] as? String == "Dana <b>Reyes</b>")
    }

    @Test("with no one snoozed, no format says anything about snoozes")
    func absent() {
        let report = Fixtures.weeklyReport()
        #expect(report.snoozed.isEmpty)
        for text in [report.terminal(colour: false), report.markdown(), report.html(), report.json()] {
            #expect(!text.lowercased().contains("snooze"))
        }
    }

    @Test("with no action, the report claims no rhythm it cannot vouch for when someone is snoozed or left out")
    func noActions() throws {
        var report = try report()
        report.actions = []
        #expect(report.terminal(colour: false).contains("  Nothing pressing (apart from who is snoozed).\n"))
        #expect(!report.markdown().contains("every relationship is in rhythm"))
        report.focusTags = ["chicago"]
        #expect(
            report.html().contains(
                "<p>Nothing pressing among the people this report is limited to (apart from who is snoozed).</p>"))
        report.snoozed = []
        report.focusTags = []
        #expect(report.terminal(colour: false).contains("every relationship is in rhythm") || report.withHistory == 0)
    }

    @Test("a template can place the section, or leave it out")
    func template() throws {
        let report = try report()
        let text = try report.render(template: "{{snoozed}}", format: .markdown)
        #expect(text.hasPrefix("## Snoozed\n") && text.contains("Sam Okafor"))
        #expect(try report.render(template: "{{week}}", format: .html) == report.week)
    }
}
