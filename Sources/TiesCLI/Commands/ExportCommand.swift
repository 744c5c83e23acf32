import ArgumentParser
import Foundation
import TiesCore
import TiesInterchange
import TiesStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Take your data out: CSV for spreadsheets, JSON for scripts, vCard for address books.",
        discussion: """
            CSV is RFC 4180: a header row, CRLF line ends, fields quoted when needed, UTF-8 (--excel adds the \
            byte-order mark Excel needs). Dates are ISO 8601 (YYYY-MM-DD; instants in UTC, e.g. \
            2026-03-02T10:00:00Z). Text a spreadsheet would run as a formula (starting with = + - @, a tab or a \
            carriage return) gets a leading ' so it stays text; numbers stay numbers. Lists inside one field \
            (roles, tags, emails) are separated by semicolons. The columns are those of the matching listing \
            (`ties person list`, `ties score`, `ties gaps`, `ties commitments`, `ties journal list`, \
            `ties tie list`); interactions have id, person_id, person, occurred_at, kind, direction, answered, \
            group_size, note, source, source_id.

            Examples:
              ties export people --out people.csv --excel
              ties export interactions --format json > interactions.json
              ties export vcard --out contacts.vcf
              ties export scores --tag chicago

            With --tag (repeat for any of several), only the rows about people carrying the tag: people, \
            their contacts, scores (computed over the whole network), promises, ties with a tagged person \
            at either end, vCards, and the gaps about them (the gaps about the whole network are left out). \
            The journal is yours, not a person's: `ties journal list --tag` selects entries by their tags.
            """)

    enum What: String, CaseIterable, ExpressibleByArgument {
        case people, interactions, scores, gaps, commitments, journal, ties, vcard
    }

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case csv, json
    }

    @Argument(help: "What to export: \(What.allCases.map(\.rawValue).joined(separator: ", ")).") var what: What
    @Option(help: "csv or json (ignored for vcard).") var format: Format = .csv
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @Flag(help: "With --out: replace the file if it exists.") var force = false
    @Flag(help: "Start CSV with a UTF-8 byte-order mark, for Excel.") var excel = false
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var tag: TagOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        try validateOutput(out, force: force, example: "people.csv")
        if what == .journal && !tag.tags.isEmpty {
            throw ValidationError(
                "--tag selects people, and the journal is yours: `ties journal list --tag TAG` lists entries by their own tags"
            )
        }
    }

    func run() throws {
        let store = try store.open(readOnly: true)
        let tagged = try tag.selection(store)
        let text: String
        if what == .vcard {
            text = try store.people(PersonFilter()).filter { tagged?.contains($0.id) ?? true }
                .map { VCardWriter.write(person: $0.record) }.joined()
        } else {
            var table = try Self.table(what, store: store, asOf: asOf, focus: tagged)
            if let tagged { table = Self.limited(table, what, to: tagged) }
            let forTerminal = out == nil && isatty(1) == 1
            text =
                format == .csv
                ? CSVWriter.write(table, excel: excel, forTerminal: forTerminal) : JSONWriter.write(table)
        }
        try emitOutput(text, to: out, force: force)
    }

    static func table(_ what: What, store: Store, asOf: AsOfOptions, focus: Set<Person.ID>? = nil) throws -> Table {
        switch what {
        case .people: return PersonCommand.List.table(try store.people(PersonFilter(includeArchived: true)))
        case .interactions: return try interactionsTable(store: store)
        case .scores: return try ScoreCommand.table(store: store, asOf: asOf.day, role: nil, limit: nil)
        case .gaps: return try GapsCommand.table(store: store, asOf: asOf.day, focus: focus)
        case .commitments: return try CommitmentsCommand.table(store: store, show: .all, only: nil, asOf: asOf.instant)
        case .journal:
            return JournalCommand.List.table(
                try store.journalEntries().sorted { JournalEntry.newestFirst($0.record, $1.record) })
        case .ties: return try TieCommand.List.table(store: store)
        case .vcard: preconditionFailure("vCard is not a table")
        }
    }

    static func interactionsTable(store: Store) throws -> Table {
        let names = Dictionary(
            uniqueKeysWithValues: try store.people(PersonFilter(includeArchived: true), withContactDetails: false).map {
                ($0.id, $0.name)
            })
        let interactions = try store.interactions()
        return Table(
            columns: [
                "id", "person_id", "person", "occurred_at", "kind", "direction", "answered", "group_size", "note",
                "source", "source_id",
            ],
            rows: interactions.map { i in
                [
                    .integer(Int(i.id ?? 0)), .integer(Int(i.personID)), .text(names[i.personID] ?? ""),
                    .text(DateInput.iso8601(i.occurredAt)), .text(i.kind.rawValue), .text(i.direction.rawValue),
                    .bool(i.answered),
                    .integer(i.groupSize), i.note.map(Table.Value.text) ?? .null, .text(i.source),
                    i.sourceID.map(Table.Value.text) ?? .null,
                ]
            })
    }
}
