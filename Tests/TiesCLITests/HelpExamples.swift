import ArgumentParser
import Foundation

@testable import TiesCLI

/// The `Example:` / `Examples:` lines of every command's help (its discussion), collected from the command
/// tree in process, so that a new command's examples are covered without being listed here.
enum HelpExamples {
    /// Every example command, with the command path whose help shows it; a line ending with a backslash
    /// continues on the next.
    static func all() -> [(path: String, command: String)] {
        var found: [(path: String, command: String)] = []
        func walk(_ type: any ParsableCommand.Type, path: [String]) {
            let configuration = type.configuration
            found += examples(in: configuration.discussion).map { (path.joined(separator: " "), $0) }
            for sub in configuration.subcommands {
                walk(sub, path: path + [sub.configuration.commandName ?? "\(sub)"])
            }
        }
        walk(TiesCommand.self, path: ["ties"])
        return found
    }

    /// The example commands of one discussion: the lines starting with `ties ` after an `Example:` or
    /// `Examples:` line, up to the next blank line.
    static func examples(in discussion: String) -> [String] {
        var commands: [String] = []
        var inExamples = false
        var pending: String?
        for raw in discussion.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if let start = pending {
                let joined = start + " " + line
                if joined.hasSuffix("\\") {
                    pending = String(joined.dropLast()).trimmingCharacters(in: .whitespaces)
                } else {
                    commands.append(joined)
                    pending = nil
                }
                continue
            }
            if line == "Example:" || line == "Examples:" {
                inExamples = true
            } else if line.isEmpty {
                inExamples = false
            } else if inExamples && line.hasPrefix("ties ") {
                if line.hasSuffix("\\") {
                    pending = String(line.dropLast()).trimmingCharacters(in: .whitespaces)
                } else {
                    commands.append(line)
                }
            }
        }
        return commands
    }
}
