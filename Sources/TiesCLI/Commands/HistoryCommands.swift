import ArgumentParser
import Foundation
import TiesCore
import TiesStore

/// `ties history`: the recent changes to the store.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the recent changes to the store, newest first.",
        discussion: """
            Every command that writes — a logged contact, an edit, a removal, an import, a merge, a setting — is \
            recorded as one change with its command line and what it did. `ties undo` reverts one.

            Examples:
              ties history
              ties history --limit 50 --format csv
            """)

    @Option(help: "How many changes to show.") var limit = 20
    @OptionGroup var format: FormatOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be 1 or more; got \(limit)") }
    }

    func run() throws {
        let changes = try store.open(readOnly: true).changes(limit: limit)
        format.emit(Self.table(changes), empty: "No changes recorded yet.")
    }

    static func table(_ changes: [RecordedChange]) -> Table {
        Table(
            columns: ["id", "at", "command", "what", "state"],
            rows: changes.map { change in
                let state: String
                if let by = change.undoneBy {
                    state = "undone by #\(by)"
                } else if let undoes = change.undoes {
                    state = "undid #\(undoes)"
                } else {
                    state = ""
                }
                return [
                    .integer(Int(change.id)), .text(stamp(change.at)), .text(change.command), .text(change.summary),
                    .text(state),
                ]
            })
    }

    /// `2026-11-18 14:05` in the user's time zone.
    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .current
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}

/// `ties undo [ID]`: reverts a change.
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Revert the last change, or the change with the given id.",
        discussion: """
            The undo is itself a change: `ties undo ID` of an undo does the change again. A change that a later \
            change depends on (it touched the same records) is not undone: the message names that later change, \
            and nothing is written. Relationship states are rebuilt from the records afterwards.

            Examples:
              ties undo
              ties undo 42
            """)

    @Argument(help: "The change's id, from `ties history`. Default: the last change still in effect.")
    var id: Int64?
    @OptionGroup var store: StoreOptions

    func run() throws {
        let store = try store.open()
        let result = try store.undo(id, context: scoringContext(store))
        write(
            "Undid change #\(result.undone.id) (\(result.undone.command): \(result.undone.summary)) as change #\(result.by.id).\n"
        )
    }
}
