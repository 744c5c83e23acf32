import Foundation
import Testing
import TiesReports
import TiesTestSupport

@testable import TiesCLI

@Suite("ties schedule and report delivery, in process")
struct ScheduleTests {
    let schedule = Schedule(
        day: .mon, hour: 8, minute: 5,
        arguments: [
            "report", "--format", "html", "--archive", "/home/dana/My Reports", "--db", "/home/dana/100%.sqlite",
        ],
        executable: "/usr/local/bin/ties")

    @Test("the timer runs on the day and time given, and is caught up after the machine was off")
    func timer() {
        #expect(schedule.timer.contains("\nOnCalendar=Mon *-*-* 08:05:00\n"))
        #expect(schedule.timer.contains("\nPersistent=true\n"))
        #expect(schedule.timer.contains("\nWantedBy=timers.target\n"))
        let friday = Schedule(day: .fri, hour: 17, minute: 30, arguments: ["report"], executable: "/x/ties")
        #expect(friday.timer.contains("OnCalendar=Fri *-*-* 17:30:00"))
        #expect(friday.crontabLine == "30 17 * * 5 /x/ties report # ties-report")
    }

    @Test("the command line is quoted for systemd, the shell and cron")
    func quoting() {
        #expect(
            schedule.service.contains(
                "\nExecStart=/usr/local/bin/ties report --format html --archive \"/home/dana/My Reports\" --db /home/dana/100%%.sqlite\n"
            ))
        #expect(
            schedule.shellCommand
                == "/usr/local/bin/ties report --format html --archive '/home/dana/My Reports' --db '/home/dana/100%.sqlite'"
        )
        #expect(schedule.crontabLine.hasPrefix("5 8 * * 1 /usr/local/bin/ties report"))
        #expect(schedule.crontabLine.contains("'/home/dana/100\\%.sqlite'"))
        #expect(schedule.crontabLine.hasSuffix(" # ties-report"))
        #expect(Schedule.shellQuoted("it's") == "'it'\\''s'")
    }

    @Test("times are HH:MM, 00:00 to 23:59")
    func times() {
        #expect(Schedule.time("08:00")! == (8, 0))
        #expect(Schedule.time("23:59")! == (23, 59))
        for bad in ["8:00", "24:00", "12:60", "noon", "12:5", "12:05:00", ""] { #expect(Schedule.time(bad) == nil) }
    }

    @Test("a sendmail that is not there is not found")
    func sendmailMissing() {
        #expect(
            ExternalCommand.find(["/nonexistent/sendmail", "no-such-sendmail"], environment: ["PATH": "/nonexistent"])
                == nil)
        #expect(ExternalCommand.find(["sh"], environment: ["PATH": "/usr/bin:/bin"]) != nil)
    }
}

@Suite("ties report --archive, --mail-to and ties schedule, end to end")
struct DeliveryEndToEndTests {
    let store = StoreUnderTest()

    @Test("--archive keeps one file per week and an index linking them, and prints nothing")
    func archive() throws {
        try store.ok("demo", "--people", "30", "--years", "1", "--as-of", "2026-11-27")
        let folder = store.dir.file("archive")
        for week in ["2026-W47", "2026-W48"] {
            let output = try store.ok("report", "--week", week, "--format", "html", "--archive", folder.path)
            #expect(output.isEmpty)
        }
        try store.ok("report", "--week", "2026-W48", "--format", "html", "--archive", folder.path)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["2026-W47.html", "2026-W48.html", "index.html"])
        let index = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<a href=\"2026-W48.html\">") && index.contains("<a href=\"2026-W47.html\">"))
        let week48 = try String(contentsOf: folder.appendingPathComponent("2026-W48.html"), encoding: .utf8)
        #expect(week48.contains("Network health — week 2026-W48"))
        // The archived week is the report --out would write.
        let out = store.dir.file("out.html")
        try store.ok("report", "--week", "2026-W48", "--format", "html", "--out", out.path)
        #expect(try String(contentsOf: out, encoding: .utf8) == week48)
    }

    @Test("--mail-to pipes one MIME message to sendmail -t, the report attached")
    func mail() throws {
        try store.ok("demo", "--people", "30", "--years", "1", "--as-of", "2026-11-27")
        let sendmail = store.dir.file("sendmail")
        try "#!/bin/sh\necho \"$@\" > \"$0.args\"\ncat > \"$0.eml\"\n".write(
            to: sendmail, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sendmail.path)
        let result = try TiesBinary.run(
            ["report", "--week", "2026-W48", "--format", "markdown", "--mail-to", "me@example.org", "--db", store.db],
            environment: ["SENDMAIL": sendmail.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let args = try String(contentsOfFile: sendmail.path + ".args", encoding: .utf8)
        #expect(args == "-t -oi\n")
        let message = try String(contentsOfFile: sendmail.path + ".eml", encoding: .utf8)
        #expect(message.contains("\r\nTo: <me@example.org>\r\n"))
        #expect(message.contains("Content-Disposition: attachment; filename=\"2026-W48.md\""))
        #expect(message.contains("Content-Type: text/markdown; charset=utf-8"))
        // A sendmail that fails is an I/O error with its message.
        try "#!/bin/sh\ncat >/dev/null\necho 'relay refused' >&2\nexit 1\n".write(
            to: sendmail, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sendmail.path)
        let failed = try TiesBinary.run(
            ["report", "--mail-to", "me@example.org", "--db", store.db], environment: ["SENDMAIL": sendmail.path])
        #expect(failed.status == 74 && failed.stderr.contains("relay refused"))
        let bad = try TiesBinary.run(["report", "--mail-to", "not an address", "--db", store.db])
        #expect(bad.status == 64)
    }

    @Test("schedule install --dry-run prints the timer or the crontab line and writes nothing")
    func dryRun() throws {
        try store.ok("init")
        let config = store.dir.file("config")
        let env = ["XDG_CONFIG_HOME": config.path]
        let systemd = try TiesBinary.run(
            [
                "schedule", "install", "--day", "tue", "--time", "07:30", "--mail-to", "me@example.org", "--scheduler",
                "systemd",
                "--dry-run", "--db", store.db,
            ], environment: env)
        #expect(systemd.status == 0, "\(systemd.stderr)")
        #expect(systemd.stdout.hasPrefix("Runs: /"))
        #expect(systemd.stdout.contains(" report --format html --mail-to me@example.org --db \(store.db)\n"))
        #expect(systemd.stdout.contains("OnCalendar=Tue *-*-* 07:30:00"))
        #expect(systemd.stdout.contains(config.path + "/systemd/user/ties-report.timer"))
        #expect(!FileManager.default.fileExists(atPath: config.path))
        let cron = try TiesBinary.run(
            ["schedule", "install", "--archive", "reports", "--scheduler", "cron", "--dry-run", "--db", store.db])
        #expect(cron.stdout.contains("\n0 8 * * 1 /"))
        #expect(cron.stdout.contains("--archive /"))  // made absolute
        let bad = try TiesBinary.run(["schedule", "install", "--time", "25:00", "--dry-run", "--db", store.db])
        #expect(bad.status == 64 && bad.stderr.contains("HH:MM"))
    }

    @Test("schedule install writes the systemd units, show prints them, remove deletes them")
    func installShowRemove() throws {
        try store.ok("init")
        let env = ["XDG_CONFIG_HOME": store.dir.file("config").path]
        let install = try TiesBinary.run(
            ["schedule", "install", "--archive", store.dir.file("a").path, "--scheduler", "systemd", "--db", store.db],
            environment: env)
        #expect(install.status == 0, "\(install.stderr)")
        let timer = store.dir.file("config/systemd/user/ties-report.timer")
        let service = store.dir.file("config/systemd/user/ties-report.service")
        #expect(
            FileManager.default.fileExists(atPath: timer.path) && FileManager.default.fileExists(atPath: service.path))
        let show = try TiesBinary.run(["schedule", "show"], environment: env)
        #expect(show.stdout.contains("OnCalendar=Mon *-*-* 08:00:00") && show.stdout.contains("ExecStart=/"))
        let remove = try TiesBinary.run(["schedule", "remove"], environment: env)
        #expect(remove.status == 0 && remove.stdout.hasPrefix("Removed "))
        #expect(!FileManager.default.fileExists(atPath: timer.path))
        let none = try TiesBinary.run(["schedule", "show"], environment: env)
        #expect(none.stdout.hasPrefix("No schedule installed."))
    }
}
