import ArgumentParser
import Foundation

struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Make the weekly report arrive by itself: a systemd user timer, or a crontab line.",
        discussion: """
            `schedule install` writes a systemd user timer (~/.config/systemd/user/ties-report.timer and its \
            service) where systemd runs, else a line in your crontab. It runs `ties report` with the options \
            given, against this store; --archive keeps one file per week, --mail-to sends each report through \
            the machine's sendmail.

            Examples:
              ties schedule install --day mon --time 08:00 --archive ~/reports
              ties schedule install --mail-to me@example.org --dry-run
              ties schedule show
              ties schedule remove
            """,
        subcommands: [Install.self, Show.self, Remove.self])
}

extension ScheduleCommand {
    /// The folder of the systemd user units.
    static var unitFolder: URL {
        let environment = ProcessInfo.processInfo.environment
        let config =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return URL(fileURLWithPath: config).appendingPathComponent("systemd/user")
    }

    static var serviceFile: URL { unitFolder.appendingPathComponent(Schedule.name + ".service") }
    static var timerFile: URL { unitFolder.appendingPathComponent(Schedule.name + ".timer") }

    /// systemd where it runs the machine (`/run/systemd/system` exists), else cron.
    static var detectedScheduler: Schedule.Scheduler {
        FileManager.default.fileExists(atPath: "/run/systemd/system") ? .systemd : .cron
    }

    /// `systemctl --user ARGUMENTS`, reporting on standard error when it cannot run (no user session).
    static func systemctl(_ arguments: [String]) {
        guard let systemctl = ExternalCommand.find(["systemctl"]) else { return }
        let result = try? systemctl.run(["--user"] + arguments)
        if result?.status != 0 {
            FileHandle.standardError.write(
                Data(
                    "Note: `systemctl --user \(arguments.joined(separator: " "))` failed (\(result?.error.trimmingCharacters(in: .whitespacesAndNewlines) ?? "not run")); run it in your login session.\n"
                        .utf8))
        }
    }

    /// The crontab's lines, or nil when `crontab` is not installed.
    static func crontabLines() throws -> [String]? {
        guard let crontab = ExternalCommand.find(["crontab"]) else { return nil }
        let result = try crontab.run(["-l"])
        // `crontab -l` fails with "no crontab for USER" when there is none yet.
        return result.status == 0 ? result.output.split(separator: "\n").map(String.init) : []
    }

    /// Replaces the crontab with `lines`.
    static func writeCrontab(_ lines: [String]) throws {
        guard let crontab = ExternalCommand.find(["crontab"]) else {
            throw CLIError(.unavailable, "crontab is not installed; install cron, or use a systemd timer")
        }
        let result = try crontab.run(["-"], input: lines.map { $0 + "\n" }.joined())
        guard result.status == 0 else { throw CLIError(.ioError, "crontab refused the new table: \(result.error)") }
    }

    static func isOurs(_ line: String) -> Bool { line.hasSuffix("# \(Schedule.name)") }
}

extension ScheduleCommand {
    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run `ties report` every week: a systemd user timer, or a crontab line.",
            discussion: """
                Replaces any schedule installed before. The report runs against this store (--db, or the \
                default store) with the options given.

                Examples:
                  ties schedule install --day mon --time 08:00 --archive ~/reports
                  ties schedule install --mail-to me@example.org --dry-run
                """)

        @Option(help: "The day: mon, tue, wed, thu, fri, sat or sun.") var day: Schedule.Weekday = .mon
        @Option(help: ArgumentHelp("The local time, HH:MM (24-hour).", valueName: "HH:MM")) var time = "08:00"
        @Option(help: "terminal, markdown, html or json.") var format: ReportFormat = .html
        @Option(help: ArgumentHelp("Keep one file per week in this folder, and an index.", valueName: "dir"))
        var archive: String?
        @Option(help: ArgumentHelp("Send each report to this address through sendmail.", valueName: "address"))
        var mailTo: String?
        @Option(help: "systemd or cron (default: systemd where it runs, else cron).")
        var scheduler: Schedule.Scheduler?
        @Flag(help: "Print what would be installed, and change nothing.") var dryRun = false
        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard Schedule.time(time) != nil else {
                throw ValidationError("--time: '\(time)' is not a time; expected HH:MM from 00:00 to 23:59, e.g. 08:00")
            }
            if let mailTo { _ = try validatedEmail(mailTo) }
            if archive == nil && mailTo == nil && format == .terminal {
                throw ValidationError(
                    "a scheduled terminal report goes nowhere; give --archive DIR, --mail-to ADDRESS or another --format"
                )
            }
        }

        /// The schedule these options describe.
        func schedule(executable: String) throws -> Schedule {
            let (hour, minute) = Schedule.time(time) ?? (8, 0)
            var arguments = ["report", "--format", format.rawValue]
            if let archive { arguments += ["--archive", URL(fileURLWithPath: archive).standardizedFileURL.path] }
            if let mailTo { arguments += ["--mail-to", try validatedEmail(mailTo)] }
            arguments += ["--db", store.url.standardizedFileURL.path]
            return Schedule(day: day, hour: hour, minute: minute, arguments: arguments, executable: executable)
        }

        func run() throws {
            let executable =
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
            let schedule = try schedule(executable: executable)
            let scheduler = self.scheduler ?? ScheduleCommand.detectedScheduler
            write("Runs: \(schedule.shellCommand)\n")
            switch (scheduler, dryRun) {
            case (.systemd, true):
                write("Would write \(ScheduleCommand.serviceFile.path):\n\(schedule.service)\n")
                write("Would write \(ScheduleCommand.timerFile.path):\n\(schedule.timer)\n")
                write("Then: systemctl --user daemon-reload && systemctl --user enable --now \(Schedule.name).timer\n")
            case (.cron, true):
                write("Would add to your crontab:\n\(schedule.crontabLine)\n")
            case (.systemd, false):
                try installSystemd(schedule)
            case (.cron, false):
                let lines = try ScheduleCommand.crontabLines() ?? []
                try ScheduleCommand.writeCrontab(lines.filter { !ScheduleCommand.isOurs($0) } + [schedule.crontabLine])
                write("Added to your crontab:\n\(schedule.crontabLine)\n")
            }
        }

        func installSystemd(_ schedule: Schedule) throws {
            do {
                try FileManager.default.createDirectory(
                    at: ScheduleCommand.unitFolder, withIntermediateDirectories: true)
                // Installing again replaces Ties's own units.
                try emitOutput(schedule.service, to: ScheduleCommand.serviceFile.path, force: true)
                try emitOutput(schedule.timer, to: ScheduleCommand.timerFile.path, force: true)
            } catch let error as CLIError {
                throw error
            } catch {
                throw CLIError(
                    .cantCreate, "cannot write \(ScheduleCommand.unitFolder.path): \(error.localizedDescription)")
            }
            write("Wrote \(ScheduleCommand.serviceFile.path) and \(ScheduleCommand.timerFile.path).\n")
            ScheduleCommand.systemctl(["daemon-reload"])
            ScheduleCommand.systemctl(["enable", "--now", Schedule.name + ".timer"])
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the installed weekly schedule.")

        func run() throws {
            var found = false
            for file in [ScheduleCommand.timerFile, ScheduleCommand.serviceFile] {
                if let data = FileManager.default.contents(atPath: file.path) {
                    write("\(file.path):\n\(String(decoding: data, as: UTF8.self))\n")
                    found = true
                }
            }
            for line in try ScheduleCommand.crontabLines() ?? [] where ScheduleCommand.isOurs(line) {
                write("crontab:\n\(line)\n")
                found = true
            }
            if !found { write("No schedule installed. Add one with `ties schedule install`.\n") }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove the weekly schedule.")

        func run() throws {
            var removed: [String] = []
            if FileManager.default.fileExists(atPath: ScheduleCommand.timerFile.path) {
                ScheduleCommand.systemctl(["disable", "--now", Schedule.name + ".timer"])
            }
            for file in [ScheduleCommand.timerFile, ScheduleCommand.serviceFile]
            where FileManager.default.fileExists(atPath: file.path) {
                do { try FileManager.default.removeItem(at: file) } catch {
                    throw CLIError(.ioError, "cannot remove \(file.path): \(error.localizedDescription)")
                }
                removed.append(file.path)
            }
            if !removed.isEmpty { ScheduleCommand.systemctl(["daemon-reload"]) }
            if let lines = try ScheduleCommand.crontabLines(), lines.contains(where: ScheduleCommand.isOurs) {
                try ScheduleCommand.writeCrontab(lines.filter { !ScheduleCommand.isOurs($0) })
                removed.append("the crontab line")
            }
            write(removed.isEmpty ? "No schedule was installed.\n" : "Removed \(removed.joined(separator: ", ")).\n")
        }
    }
}
