import Foundation
import Testing
import TiesTestSupport

@Suite("ties report and gaps, end to end")
struct ReportEndToEndTests {
    let dir = TemporaryDirectory()
    var db: String { dir.file("demo.sqlite").path }

    func demo() throws {
        let result = try TiesBinary.run(["demo", "--people", "80", "--years", "2", "--as-of", "2026-06-30", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("the same store and as-of give byte-identical reports in every format, before and after snapshots exist")
    func deterministic() throws {
        try demo()
        for format in ["terminal", "markdown", "html", "json"] {
            let args = ["report", "--as-of", "2026-06-30", "--format", format, "--db", db]
            let first = try TiesBinary.run(args)
            let second = try TiesBinary.run(args)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(!first.stdout.isEmpty)
            #expect(first.stdout == second.stdout, "\(format) differs between runs")
        }
        // --week gives the report of that week's Sunday.
        let week = try TiesBinary.run(["report", "--week", "2026-W26", "--format", "json", "--db", db])
        let sunday = try TiesBinary.run(["report", "--as-of", "2026-06-28", "--format", "json", "--db", db])
        #expect(week.stdout == sunday.stdout)
        #expect(week.stdout.contains("\"week\": \"2026-W26\""))
    }

    @Test("--out writes the file and nothing to standard output")
    func out() throws {
        try demo()
        let file = dir.file("week.html")
        let result = try TiesBinary.run([
            "report", "--as-of", "2026-06-30", "--format", "html", "--out", file.path, "--db", db,
        ])
        #expect(result.status == 0 && result.stdout.isEmpty)
        let html = String(decoding: contents(of: file) ?? Data(), as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<svg"))
        #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!html.contains("<script") && !html.contains("src=\"http"))
    }

    @Test(
        "bad input is a usage error and leaves the store byte-identical",
        arguments: [
            ["report", "--week", "2026-W60"], ["report", "--week", "last"], ["report", "--as-of", "2026-02-30"],
            ["report", "--week", "2026-W10", "--as-of", "2026-03-01"], ["report", "--format", "pdf"],
            ["gaps", "--as-of", "soon"],
        ])
    func badInput(arguments: [String]) throws {
        try demo()
        let before = contents(of: URL(fileURLWithPath: db))
        let result = try TiesBinary.run(arguments + ["--db", db])
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(contents(of: URL(fileURLWithPath: db)) == before)
    }

    @Test("gaps lists codes and severities, most severe first")
    func gaps() throws {
        try demo()
        let result = try TiesBinary.run(["gaps", "--as-of", "2026-06-30", "--format", "csv", "--db", db])
        #expect(result.status == 0)
        let severities = result.stdout.split(separator: "\r\n").dropFirst().map { String($0.prefix { $0 != "," }) }
        let rank = ["high": 0, "medium": 1, "low": 2]
        #expect(!severities.isEmpty)
        #expect(severities.map { rank[$0] ?? 9 } == severities.map { rank[$0] ?? 9 }.sorted())
        #expect(result.stdout.contains("journal-stale"))
        // The demo's own records: recruiters holding the email the user replaced, and a promise past due.
        #expect(result.stdout.contains("high,stale-disclosure,"))
        #expect(result.stdout.contains("high,commitment-overdue,"))
        let notify = try TiesBinary.run(["notify", "--as-of", "2026-06-30", "--db", db])
        #expect(
            notify.status == 0 && notify.stdout.contains("jordan.ellis@newmail.example"),
            "\(notify.stdout)\(notify.stderr)")
    }
}

@Suite("ties report --template and ties score --role, end to end")
struct TemplateAndRoleTests {
    let dir = TemporaryDirectory()
    var db: String { dir.file("demo.sqlite").path }

    @Test("a user template is filled with the escaped sections; an unknown placeholder names its line")
    func template() throws {
        #expect(
            try TiesBinary.run(["demo", "--people", "60", "--years", "2", "--as-of", "2026-06-30", "--db", db]).status
                == 0)
        let file = dir.file("mine.md")
        try "Week {{week}}: health {{ health }} — {{change}}\n\n{{gaps}}".write(
            to: file, atomically: true, encoding: .utf8)
        let result = try TiesBinary.run([
            "report", "--as-of", "2026-06-30", "--format", "markdown", "--template", file.path, "--db", db,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Week 2026-W27: health "))
        #expect(result.stdout.contains("(`journal-stale`)") || result.stdout.contains("**"))
        try "line one\n{{nonsense}}\n".write(to: file, atomically: true, encoding: .utf8)
        let bad = try TiesBinary.run([
            "report", "--as-of", "2026-06-30", "--format", "markdown", "--template", file.path, "--db", db,
        ])
        #expect(bad.status == 65 && bad.stderr.contains("line 2: unknown placeholder {{nonsense}}"))
        let wrongFormat = try TiesBinary.run(["report", "--format", "json", "--template", file.path, "--db", db])
        #expect(wrongFormat.status == 64)
    }

    @Test("the committed templates are the ones built in")
    func committedTemplates() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let markdown = try String(
            contentsOf: root.appendingPathComponent("Reports/templates/weekly-report.md"), encoding: .utf8)
        let html = try String(
            contentsOf: root.appendingPathComponent("Reports/templates/weekly-report.html"), encoding: .utf8)
        // Rendering with the committed files gives exactly the default output.
        #expect(
            try TiesBinary.run(["demo", "--people", "30", "--years", "1", "--as-of", "2026-06-30", "--db", db]).status
                == 0)
        for (format, text) in [("markdown", markdown), ("html", html)] {
            let file = dir.file("t." + format)
            try text.write(to: file, atomically: true, encoding: .utf8)
            let viaFile = try TiesBinary.run([
                "report", "--as-of", "2026-06-30", "--format", format, "--template", file.path, "--db", db,
            ])
            let builtIn = try TiesBinary.run(["report", "--as-of", "2026-06-30", "--format", format, "--db", db])
            #expect(
                viaFile.status == 0 && viaFile.stdout == builtIn.stdout,
                "\(format) template drifted from the built-in one")
        }
    }

    @Test("score --role shows the role's rows with network-wide strengths and layers")
    func roleFilter() throws {
        #expect(
            try TiesBinary.run(["demo", "--people", "80", "--years", "2", "--as-of", "2026-06-30", "--db", db]).status
                == 0)
        let all = try TiesBinary.run(["score", "--as-of", "2026-06-30", "--format", "csv", "--db", db]).stdout
        let recruiters = try TiesBinary.run([
            "score", "--role", "recruiter", "--as-of", "2026-06-30", "--format", "csv", "--db", db,
        ]).stdout
        let rows = recruiters.split(separator: "\r\n").dropFirst()
        #expect(!rows.isEmpty)
        for row in rows {
            // The same strength, activity, layer and status as in the full listing (rank differs).
            let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            let tail = fields.dropFirst(4).joined(separator: ",")
            #expect(all.contains("," + fields[1] + "," + fields[2] + "," + fields[3] + "," + tail), "\(row)")
        }
    }
}
