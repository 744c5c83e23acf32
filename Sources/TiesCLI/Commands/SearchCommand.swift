import ArgumentParser
import Foundation
import TiesCore
import TiesStore

/// `ties search TEXT`.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find people, aliases, organisations, notes, contacts, journal entries and promises by their words.",
        discussion: """
            Every word must match the start of a word of the record, whatever the case and accents \
            ("jose" finds "José"). Best matches first, with the matching words in [brackets].

            Examples:
              ties search chicago
              ties search "coo search" --format json
            """)

    @Argument(help: "The words to look for.") var text: String
    @Option(help: "How many results at most.") var limit = 20
    @OptionGroup var format: FormatOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be 1 or more; got \(limit)") }
    }

    func run() throws {
        let store = try store.open(readOnly: true)
        let hits = try store.search(text, limit: limit)
        var names: [Person.ID: String] = [:]
        for id in Set(hits.compactMap(\.personID)) { names[id] = try store.person("#\(id)").name }
        format.emit(
            Table(
                columns: ["kind", "id", "person", "match"],
                rows: hits.map { hit in
                    [
                        .text(hit.kind.name), .integer(Int(hit.id)),
                        .text(hit.personID.map { names[$0] ?? "#\($0)" } ?? ""), .text(hit.snippet),
                    ]
                }),
            empty: "Nothing matches '\(text)'.")
    }
}
