import Testing
import TiesCore

@testable import TiesReports

@Suite("Report archive index")
struct ReportArchiveTests {
    @Test("the index links every week's file, newest first, and ignores other files")
    func index() {
        let page = ReportArchive.index(fileNames: [
            "2026-W47.html", "index.html", "notes.txt", "2026-W48.html", "2025-W52.md", "2026-W99.html", "x<y>.html",
        ])
        let links = page.components(separatedBy: "<a href=\"").dropFirst().compactMap {
            $0.components(separatedBy: "\"").first
        }
        #expect(links == ["2026-W48.html", "2026-W47.html", "2025-W52.md"])
        #expect(page.contains("Week 2026-W48</a> <span class=\"muted\">(to 2026-11-29)</span>"))
        #expect(page.contains("3 reports."))
        #expect(!page.contains("<script"))
        #expect(ReportArchive.index(fileNames: []).contains("No reports yet."))
    }

    @Test("file names: one per week and format")
    func names() {
        #expect(ReportArchive.fileName(week: "2026-W48", fileExtension: "html") == "2026-W48.html")
        #expect(ReportArchive.week(ofFileName: "2026-W48.html") == "2026-W48")
        #expect(ReportArchive.week(ofFileName: "2026-W48.pdf") == nil)
        #expect(ReportArchive.week(ofFileName: "2026-w48.html") == nil)
        #expect(ReportArchive.week(ofFileName: "2026-W53.html") == "2026-W53")  // 2026 has 53 ISO weeks
        #expect(ReportArchive.week(ofFileName: "2025-W53.html") == nil)
    }
}
