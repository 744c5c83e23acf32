import TiesCore

/// A folder of weekly reports, one file per ISO week (`2026-W48.html`), and the index page linking them
/// (`index.html`), which `ties report --archive DIR` keeps.
public enum ReportArchive {
    /// The name of the index page.
    public static let indexName = "index.html"

    /// The file of `week` (`2026-W48`) for a report file extension (`html`, `md`, `json`, `txt`).
    public static func fileName(week: String, fileExtension: String) -> String { "\(week).\(fileExtension)" }

    /// The ISO week a file of the archive holds, or nil when the name is not `YYYY-Www.ext`.
    public static func week(ofFileName name: String) -> String? {
        let parts = name.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, ["html", "md", "json", "txt"].contains(parts[1]),
            parts[0].count == 8, parts[0].dropFirst(4).hasPrefix("-W"),
            WeeklyReport.lastDay(ofWeek: String(parts[0])) != nil
        else { return nil }
        return String(parts[0])
    }

    /// The index page: every report file among `fileNames`, newest week first (then by name), each a link
    /// with its week's Sunday. Other names are ignored. Self-contained HTML, no scripts.
    public static func index(fileNames: [String]) -> String {
        let reports = fileNames.compactMap { name in week(ofFileName: name).map { (week: $0, name: name) } }
            .sorted { $0.week != $1.week ? $0.week > $1.week : $0.name < $1.name }
        let h = WeeklyReport.htmlEscaped
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Network health — weekly reports</title>
            <style>
            body { font: 15px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1d2330; }
            li { margin: .2rem 0; } .muted { color: #667085; }
            </style>
            </head>
            <body>
            <h1>Network health — weekly reports</h1>

            """
        if reports.isEmpty { out += "<p>No reports yet.</p>\n" }
        out += "<ul>\n"
        for report in reports {
            let sunday = WeeklyReport.lastDay(ofWeek: report.week).map { " <span class=\"muted\">(to \($0))</span>" }
            out += "<li><a href=\"\(h(report.name))\">Week \(h(report.week))</a>\(sunday ?? "")</li>\n"
        }
        out += "</ul>\n<p class=\"muted\">\(reports.count) report\(reports.count == 1 ? "" : "s"). Made by Ties.</p>\n"
        return out + "</body>\n</html>\n"
    }
}
