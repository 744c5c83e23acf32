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
            `ties tie list`); people have id, name, roles, recruiter_kind, organisation, title, closeness, \
            tags, emails, phones, archived, urls (web and LinkedIn addresses), birthday and work_anniversary \
            (YYYY-MM-DD, or --MM-DD without a year) and known_since, all read back by `ties import csv`; \
            interactions have id, person_id, person, occurred_at, kind, direction, answered, \
            group_size, note, source, source_id (occurred_at is a date alone, YYYY-MM-DD, for a contact given a \
            date only).

            Examples:
              ties export people --out people.csv --excel
              ties export interactions --format json > interactions.json
              ties export vcard --out contacts.vcf
              ties export ics --dates --out dates.ics
              ties export scores --tag chicago

            `ics --dates` writes birthdays and work anniversaries as yearly all-day events (RRULE:FREQ=YEARLY; \
            February 29 falls on February 28 in other years), for a calendar application to import or \
            subscribe to.

            With --tag (repeat for any of several), only the rows about people carrying the tag: people, \
            their contacts, scores (computed over the whole network), promises, ties with a tagged person \
            at either end, vCards, birthdays, and the gaps about them (the gaps about the whole network are \
            left out). The journal is yours, not a person's: `ties journal list --tag` selects entries by \
            their own tags.
            """)

    enum What: String, CaseIterable, ExpressibleByArgument {
        case people, interactions, scores, gaps, commitments, journal, ties, vcard, ics
    }

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case csv, json
    }

    @Argument(help: "What to export: \(What.allCases.map(\.rawValue).joined(separator: ", ")).") var what: What
    @Option(help: "csv or json (ignored for vcard).") var format: Format = .csv
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @Flag(help: "With --out: replace the file if it exists.") var force = false
    @Flag(help: "Start CSV with a UTF-8 byte-order mark, for Excel.") var excel = false
    @Flag(help: "With ics: write birthdays and work anniversaries as a yearly calendar.") var dates = false
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var tag: TagOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        try validateOutput(out, force: force, example: "people.csv")
        if what == .ics && !dates {
            throw ValidationError(
                "export ics writes the dates that matter as a calendar: give --dates (ties export ics --dates --out dates.ics)"
            )
        }
        if dates && what != .ics { throw ValidationError("--dates goes with ics: ties export ics --dates") }
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
        } else if what == .ics {
            let people = try store.people(PersonFilter(), withContactDetails: false).records()
                .filter { person in tagged.map { ids in person.id.map(ids.contains) ?? false } ?? true }
            text = YearlyDatesCalendar.write(
                YearlyDatesCalendar.entries(of: people.sorted { ($0.id ?? 0) < ($1.id ?? 0) }))
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
        case .vcard, .ics: preconditionFailure("\(what.rawValue) is not a table")
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
                    .text(i.dateOnly ? DateOnly.day(of: i.occurredAt).description : DateInput.iso8601(i.occurredAt)),
                    .text(i.kind.rawValue), .text(i.direction.rawValue),
                    .bool(i.answered),
                    .integer(i.groupSize), i.note.map(Table.Value.text) ?? .null, .text(i.source),
                    i.sourceID.map(Table.Value.text) ?? .null,
                ]
            })
    }
}
