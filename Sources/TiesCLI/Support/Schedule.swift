import ArgumentParser
import Foundation

/// A weekly `ties report` run: when, and the command line it runs. Pure text; ``ScheduleCommand`` installs it.
struct Schedule: Equatable {
    /// A day of the week, as `--day` takes it.
    enum Weekday: String, CaseIterable, ExpressibleByArgument {
        case mon, tue, wed, thu, fri, sat, sun

        /// systemd's name of the day.
        var systemd: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
        /// cron's number of the day (0 or 7 is Sunday).
        var cron: Int { (Weekday.allCases.firstIndex(of: self) ?? 0) + 1 }
    }

    /// Where the schedule is kept.
    enum Scheduler: String, CaseIterable, ExpressibleByArgument {
        case systemd, cron
    }

    /// The name of the systemd units and the tag of the crontab line.
    static let name = "ties-report"

    var day: Weekday
    var hour: Int
    var minute: Int
    /// The arguments after the executable: `report --format html ... --db PATH`.
    var arguments: [String]
    /// The absolute path of the `ties` executable.
    var executable: String

    /// `HH:MM` as hour and minute, or nil.
    static func time(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        return (hour, minute)
    }

    private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// The command line for a POSIX shell: every word single-quoted where it needs to be.
    var shellCommand: String { ([executable] + arguments).map(Self.shellQuoted).joined(separator: " ") }

    /// `word` as one shell word.
    static func shellQuoted(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=:@,+".contains($0)) }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The systemd service unit: runs the report once.
    var service: String {
        // systemd's own quoting: double quotes, backslash escapes, and % doubled (a specifier otherwise).
        let exec = ([executable] + arguments).map { word in
            let escaped = word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "%", with: "%%")
            return word.contains(where: { $0 == " " || $0 == "\"" || $0 == "\\" || $0 == "'" }) || word.isEmpty
                ? "\"\(escaped)\"" : escaped
        }.joined(separator: " ")
        return """
            [Unit]
            Description=Ties weekly network-health report

            [Service]
            Type=oneshot
            ExecStart=\(exec)

            """
    }

    /// The systemd timer unit: every `day` at `hour:minute` local time, caught up after the machine was off.
    var timer: String {
        """
        [Unit]
        Description=Ties weekly network-health report, every \(day.systemd) at \(two(hour)):\(two(minute))

        [Timer]
        OnCalendar=\(day.systemd) *-*-* \(two(hour)):\(two(minute)):00
        Persistent=true

        [Install]
        WantedBy=timers.target

        """
    }

    /// The crontab line, tagged so `schedule show` and `remove` find it. `%` is escaped (cron reads it as a
    /// line break).
    var crontabLine: String {
        "\(minute) \(hour) * * \(day.cron) \(shellCommand.replacingOccurrences(of: "%", with: "\\%")) # \(Self.name)"
    }
}
