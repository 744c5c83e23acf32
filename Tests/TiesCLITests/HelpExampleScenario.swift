import ArgumentParser
import Foundation
import TiesTestSupport

@testable import TiesCLI

/// The store and files every help example of `ties` refers to (issue 13: every example must run): the people
/// and ids the examples name, and the files they read, all made up. Built by commands, once per run.
///
/// - People (imported from CSV in one change): 1 Dana Reyes (an executive-search title, so `person classify`
///   infers her role), 2 Sam Okafor (talent acquisition: inferred too), 3 Sam K. Okafor, 4 Michael Chen,
///   5 Old Contact, 6 Morgan Diaz, 7–53 filler people (42 a recruiter by title; 48–53 merged in pairs, so
///   three merges can be undone).
/// - 46 contacts (ids 1–46, 44 an unanswered inbound email), ties Dana–Sam and Sam–Morgan, seven promises,
///   twelve notes, Dana and #47 marked distinct, Sam's inferred role rejected; Dana tagged chicago and board,
///   Michael tagged chicago, Dana snoozed for three weeks.
/// - Files, each placed in a command's folder only when the example reads it: `people.csv`, `contacts.vcf`,
///   `thunderbird-contacts.csv`, `calendar.ics`, `All mail.mbox`, the LinkedIn export as a zip and as a folder, `my-weekly.md`, and the
///   backup `~/Backups/ties-2026-11-29.sqlite`.
struct HelpExampleScenario {
    let store = StoreUnderTest()
    let files = TemporaryDirectory()

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    init() throws {
        try store.ok("init")
        var people = "name,title,organisation\n"
        people +=
            "Dana Reyes,Executive Search Partner,Hale & Partners\nSam Okafor,Talent Acquisition Lead,Mercy Health\n"
        people +=
            "Sam K. Okafor,,\nMichael Chen,Chief Financial Officer,Mercy Health\nOld Contact,,\nMorgan Diaz,COO,St. Anne\n"
        for id in 7...53 { people += "Filler Person\(id),\(id == 42 ? "Recruiter" : "Analyst"),Org \(id % 5)\n" }
        try people.write(to: files.file("people-in.csv"), atomically: true, encoding: .utf8)
        try store.ok("import", "csv", files.file("people-in.csv").path)
        try store.ok("person", "classify")
        try store.ok("person", "roles", "--reject", "Sam Okafor")
        for (keep, drop) in [(48, 49), (50, 51), (52, 53)] { try store.ok("person", "merge", "\(keep)", "\(drop)") }
        try store.ok("person", "distinct", "Dana Reyes", "47")
        try store.ok("tie", "add", "Michael Chen", "Morgan Diaz", "--kind", "colleague")
        try store.ok("tie", "add", "Sam Okafor", "Morgan Diaz", "--kind", "colleague")
        try store.ok("person", "alias", "Michael Chen", "Mickey")
        // The tags the `--tag` examples name, and Dana snoozed (for `snooze rm Dana`).
        try store.ok("person", "tag", "Dana", "chicago", "board")
        try store.ok("person", "tag", "Michael Chen", "chicago")
        try store.ok("snooze", "Dana", "--for", "3w")
        var contacts = "person_id,occurred_at,kind,direction,answered\n"
        for id in 1...46 {
            let day = String(format: "2026-%02d-%02d", 1 + id % 11, 1 + id % 27)
            contacts +=
                id == 44 ? "2,\(day)T09:00:00Z,email,in,no\n" : "\(1 + id % 6),\(day)T09:00:00Z,call,mutual,yes\n"
        }
        try contacts.write(to: files.file("contacts-in.csv"), atomically: true, encoding: .utf8)
        try store.ok("import", "csv", files.file("contacts-in.csv").path)
        for i in 1...7 {
            try store.ok("offer", "Dana Reyes", "Promise \(i)", "--at", "2026-05-01", "--due", "2026-06-\(10 + i)")
        }
        for i in 1...12 { try store.ok("person", "note", "Dana", "Note \(i)", "--at", "2026-05-\(10 + i)") }
        try store.ok("me", "set", "email", "alex@old.example", "--since", "2025-01-01")
        try store.ok("disclose", "Dana Reyes", "email", "--at", "2025-02-01")
        // Change #42 (`ties undo 42`) is the last change: a journal entry nothing later touches.
        var entry = 0
        while Int(
            try store.ok("history", "--limit", "1", "--format", "csv").split(whereSeparator: \.isNewline)
                .dropFirst().first?.prefix { $0 != "," } ?? "") ?? 0 < 42
        {
            entry += 1
            try store.ok("journal", "add", "accomplishment", "Result \(entry)", "--at", "2025-0\(1 + entry % 9)-10")
        }
        try store.ok("export", "people", "--out", files.file("people.csv").path)
        try store.ok("backup", files.file("backup.sqlite").path)
    }

    /// The files the examples read, by the name they use, with where each comes from and the command that
    /// reads it (nil: any command that names it, except as its `--out`).
    var inputs: [(name: String, source: URL, readBy: String?)] {
        [
            ("people.csv", files.file("people.csv"), "import"),
            ("contacts.vcf", Self.fixtures.appendingPathComponent("contacts.vcf"), "import"),
            ("thunderbird-contacts.csv", Self.fixtures.appendingPathComponent("exports/thunderbird.csv"), "import"),
            ("calendar.ics", Self.fixtures.appendingPathComponent("calendar.ics"), "import"),
            ("All mail.mbox", Self.fixtures.appendingPathComponent("mail/takeout.mbox"), "import"),
            (
                "Basic_LinkedInDataExport_07-11-2023.zip",
                Self.fixtures.appendingPathComponent("exports/linkedin-2024.zip"), "import"
            ),
            (
                "~/Downloads/LinkedInDataExport/", Self.fixtures.appendingPathComponent("exports/linkedin-2024"),
                "import"
            ),
            ("my-weekly.md", Self.repository.appendingPathComponent("Reports/templates/weekly-report.md"), "report"),
            ("~/Backups/ties-2026-11-29.sqlite", files.file("backup.sqlite"), "restore"),
        ]
    }
}

extension HelpExampleScenario {
    /// Runs one example as a user would in a shell, on its own copy of the store, in a folder of its own with
    /// its own HOME: `~/` is that HOME, `> FILE` and `# comment` are what the shell would take away, and the
    /// files it reads are put where it reads them. `sendmail`, `crontab` and `systemctl` are stand-ins in that
    /// folder (nothing is mailed or scheduled on the machine running the tests).
    /// - Returns: nil when it succeeded, else what failed.
    func failure(of example: String) throws -> String? {
        let dir = TemporaryDirectory()
        let home = dir.file("home")
        let bin = dir.file("bin")
        for folder in [home, bin] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let stubs = [
            "sendmail": "cat > /dev/null",
            "crontab":
                #"if [ "$1" = "-l" ]; then cat "$HOME/crontab" 2>/dev/null || { echo "no crontab for you" >&2; exit 1; }; else cat > "$HOME/crontab"; fi"#,
            "systemctl": "exit 0",
        ]
        for (name, body) in stubs {
            try ("#!/bin/sh\n" + body + "\n").write(
                to: bin.appendingPathComponent(name), atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes(
                [.posixPermissions: 0o755], ofItemAtPath: bin.appendingPathComponent(name).path)
        }
        var words = Array(SuggestedCommandsTests.words(example).dropFirst())
        if let comment = words.firstIndex(where: { $0.hasPrefix("#") }) { words.removeSubrange(comment...) }
        if let redirect = words.firstIndex(of: ">") { words.removeSubrange(redirect...(redirect + 1)) }
        for (name, source, readBy) in inputs where readBy == nil || words.first == readBy {
            guard let index = words.firstIndex(of: name), index == 0 || words[index - 1] != "--out" else { continue }
            let target = name.hasPrefix("~/") ? home.appendingPathComponent(String(name.dropFirst(2))) : dir.file(name)
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: target)
        }
        // The user's own folders (~/Dropbox, ~/reports) exist.
        words = try words.map { word in
            guard word.hasPrefix("~/") else { return word }
            let url = home.appendingPathComponent(String(word.dropFirst(2)))
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            return url.path
        }
        let copy = dir.file("copy.sqlite")
        try FileManager.default.copyItem(atPath: store.db, toPath: copy.path)
        // The store is given to every command that takes one (not `schedule show`, say).
        if !words.contains("--help") && !words.contains("--db")
            && (try? TiesCommand.parseAsRoot(words + ["--db", copy.path])) != nil
        {
            words += ["--db", copy.path]
        }
        let result = try TiesBinary.run(
            words,
            environment: [
                "HOME": home.path, "XDG_CONFIG_HOME": home.path + "/.config", "PATH": bin.path + ":/usr/bin:/bin",
                "SENDMAIL": bin.appendingPathComponent("sendmail").path, "TIES_PASSPHRASE": "correct horse battery",
            ], directory: dir.url)
        return result.status == 0 ? nil : "\(example) → exit \(result.status): \(result.stderr)"
    }
}
