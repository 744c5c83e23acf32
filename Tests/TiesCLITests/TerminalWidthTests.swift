import ArgumentParser
import Foundation
import Testing
import TiesCore
import TiesReports
import TiesTestSupport

@testable import TiesCLI

@Suite("Terminal width: help, listings and reports at 80 columns")
struct TerminalWidthTests {
    /// Every command and subcommand of `ties`, with its path.
    static func commands(_ root: any ParsableCommand.Type = TiesCommand.self, path: [String] = []) -> [(
        [String], any ParsableCommand.Type
    )] {
        root.configuration.subcommands.flatMap { sub in
            let name = sub.configuration.commandName ?? String(describing: sub).lowercased()
            return [(path + [name], sub)] + commands(sub, path: path + [name])
        }
    }

    @Test("the width is the terminal's, else COLUMNS, else 100")
    func resolution() {
        #expect(TerminalWidth.resolve(reported: 132, environment: ["COLUMNS": "80"]) == 132)
        #expect(TerminalWidth.resolve(reported: nil, environment: ["COLUMNS": "80"]) == 80)
        #expect(TerminalWidth.resolve(reported: nil, environment: ["COLUMNS": "wide"]) == 100)
        #expect(TerminalWidth.resolve(reported: nil, environment: ["COLUMNS": "0"]) == 100)
        #expect(TerminalWidth.resolve(reported: 0, environment: [:]) == 100)
    }

    @Test("every help example stays whole on its line at 80 columns, and no help line is wider")
    func helpExamples() {
        let all = Self.commands()
        #expect(all.count > 30)
        for (path, command) in all {
            let help = TiesCommand.helpMessage(for: command, columns: 80)
            let lines = help.split(separator: "\n").map(String.init)
            // argument-parser writes the USAGE synopsis on one line whatever the width; everything else wraps.
            for line in lines where !line.hasPrefix("USAGE:") {
                #expect(TerminalText.width(line) <= 80, "ties \(path.joined(separator: " ")): \(line)")
            }
            let examples = command.configuration.discussion.split(separator: "\n")
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { $0.hasPrefix("ties ") || $0.hasPrefix("--") }
            for example in examples {
                #expect(
                    lines.contains { $0.trimmingCharacters(in: .whitespaces) == example },
                    "ties \(path.joined(separator: " ")) --help breaks the example: \(example)")
            }
        }
    }

    @Test(
        "on a terminal, the terminal's width wins over COLUMNS (a pseudo-terminal 72 columns wide)",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func terminalReported() throws {
        let store = StoreUnderTest()
        try store.ok("demo", "--people", "20", "--years", "1", "--as-of", "2026-06-30")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = [
            "-qec", "stty cols 72 rows 40; '\(TiesBinary.url.path)' next --as-of 2026-06-30 --db '\(store.db)'",
            "/dev/null",
        ]
        process.environment = [
            "PATH": "/usr/bin:/bin", "TZ": "UTC", "HOME": store.dir.url.path, "NO_COLOR": "1", "COLUMNS": "200",
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r", with: "")
        #expect(process.terminationStatus == 0)
        #expect(text.contains("Who to contact next"))
        let widths = text.split(separator: "\n").map { TerminalText.width($0) }
        #expect(widths.allSatisfy { $0 <= 72 }, "\(widths.max() ?? 0)")
        #expect(widths.contains { $0 > 60 })  // wrapped near 72, not at some smaller width
    }

    @Test("`ties gaps --help` lists each code with its meaning under it, nothing wrapped to the margin")
    func gapCodesHelp() {
        let help = TiesCommand.helpMessage(for: GapsCommand.self, columns: 80)
        for code in GapCode.allCases {
            #expect(help.contains("\n  \(code.rawValue)\n      \(code.meaning)\n"), "\(code.rawValue)")
        }
    }

    @Test("`ties report --help` through the binary at COLUMNS=80 keeps its examples whole")
    func helpBinary() throws {
        let result = try TiesBinary.run(["report", "--help"], environment: ["COLUMNS": "80"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\n  ties report --week 2026-W48 --format html --out week48.html\n"))
        for line in result.stdout.split(separator: "\n") where !line.hasPrefix("USAGE:") {
            #expect(TerminalText.width(line) <= 80, "\(line)")
        }
    }

    @Test("gaps, person list, next and report fit 80, 100 and 120 columns; gaps stacks below 100")
    func listings() throws {
        let store = StoreUnderTest()
        try store.ok("demo", "--people", "40", "--years", "1", "--as-of", "2026-06-30")
        try store.ok("person", "add", "張偉", "--role", "recruiter", "--org", "北京协和医院")
        try store.ok("person", "add", "Nguyễn Thị Minh Khai", "--role", "mentor", "--title", "Giám đốc điều hành")
        for columns in [80, 100, 120] {
            for command in [
                ["gaps", "--as-of", "2026-06-30"], ["person", "list"], ["next", "--as-of", "2026-06-30"],
                ["report", "--as-of", "2026-06-30"], ["person", "show", "張偉"],
            ] {
                let result = try TiesBinary.run(command + ["--db", store.db], environment: ["COLUMNS": "\(columns)"])
                #expect(result.status == 0, "\(result.stderr)")
                for line in result.stdout.split(separator: "\n") {
                    #expect(TerminalText.width(line) <= columns, "\(command[0]) at \(columns): \(line)")
                }
                if command[0] == "gaps" && columns < 100 {
                    #expect(result.stdout.hasPrefix("severity  "), "gaps is not stacked at \(columns)")
                }
                if command[0] == "person" {
                    #expect(result.stdout.contains("張偉"))
                }
            }
        }
    }
}
