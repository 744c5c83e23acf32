import ArgumentParser
import Foundation
import TiesCore
import TiesStore

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show or change the constants of the scoring model.",
        discussion:
            "Every weight, half-life and threshold of the scoring model is a setting; the README explains each.",
        subcommands: [Show.self, Set.self, Reset.self],
        defaultSubcommand: Show.self)
}

extension ConfigCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show every setting.")
        @OptionGroup var format: FormatOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            let settings = try store.open(readOnly: true).configuration().settings
            format.emit(Table(columns: ["key", "value"], rows: settings.map { [.text($0.key), .text($0.value)] }))
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change one setting.",
            discussion: """
                Examples:
                  ties config set activityHalfLifeDays 14
                  ties config set strengthHalfLifeDays.mentor 240
                  ties config set closenessMultipliers 0.5,0.75,1,1.25,1.5
                """)
        @Argument(help: "The setting's key, as `ties config show` prints it.") var key: String
        // Collects unrecognised words too, so that a negative number is read as the value, not as an option.
        @Argument(parsing: .allUnrecognized, help: "The new value.") var value: [String]

        func validate() throws {
            guard value.count == 1 else {
                throw ValidationError(
                    "give exactly one value after the key (a list is comma-separated, e.g. 0.5,0.75,1,1.25,1.5)")
            }
        }
        @OptionGroup var store: StoreOptions

        func run() throws {
            let store = try store.open()
            let updated = try store.configuration().setting(key, to: value[0])
            try store.setConfiguration(updated)
            write("Set \(key) = \(updated.settings.first { $0.key == key }!.value).\n")
        }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Put every setting back to its default.")
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.open().setConfiguration(ScoringConfiguration())
            write("Scoring settings reset to their defaults.\n")
        }
    }
}
