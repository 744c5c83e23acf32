import ArgumentParser
import Foundation
import TiesCore
import TiesInterchange
import TiesStore

struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Your career journal: jobs, reviews, raises, results, conversations.",
        discussion: """
            A journal rebuilds a lost resume and sharpens the story you tell an employer. Record jobs with \
            their dates, performance reviews, salary changes, accomplishments (with a number where there is \
            one), notes from counselling with a boss or mentor; export it as Markdown or a JSON Resume.

            Example:
              ties journal add employment "Run operations for three hospitals" \\
                  --at 2024-01-08 --org "Mercy Health" --title "Chief Operating Officer"
              ties journal export --format markdown --out career.md
            """,
        subcommands: [Add.self, List.self, JournalEditCommand.self, Export.self, JournalRemoveCommand.self])
}

extension JournalCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a journal entry.",
            discussion: """
                KIND is employment, review, salary, accomplishment, counselling or note. An employment needs \
                --org, and takes --end for its last day. --amount is a number: the salary, the raise, the size \
                of a result.

                Example:
                  ties journal add accomplishment "Cut readmissions by 18% in a year" \\
                      --amount 18 --org "Mercy Health" --at 2026-05-20 --tag quality
                  ties journal add salary "Raise after the annual review" --amount 185000 \\
                      --at 2026-03-01
                """)

        @Argument(help: "What kind: \(JournalKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind:
            JournalKind
        @Argument(help: "What happened, in your words.") var text: String
        @Option(
            help: ArgumentHelp("When (for a job, its first day): YYYY-MM-DD. Default: today.", valueName: "date"),
            transform: DateInput.option("--at"))
        var at: DateInput?
        @Option(
            help: ArgumentHelp("For employment: the last day.", valueName: "date"),
            transform: DateInput.option("--end"))
        var end: DateInput?
        @Option(help: "The organisation.") var org: String?
        @Option(help: "A job title, or a short title for the entry.") var title: String?
        @Option(help: "A number that goes with it (salary, raise, size of a result).") var amount: Double?
        @Option(help: "A tag; repeat for several.") var tag: [String] = []
        @OptionGroup var store: StoreOptions

        func validate() throws {
            _ = try CareerCLI.text(
                text, field: "TEXT", example: "\"Cut readmissions by 18% in a year\"", multiline: true)
            if let org { _ = try CareerCLI.text(org, field: "--org", example: "\"Mercy Health\"") }
            if let title { _ = try CareerCLI.text(title, field: "--title", example: "\"Chief Operating Officer\"") }
            for t in tag { _ = try CareerCLI.text(t, field: "--tag", example: "quality") }
            if kind == .employment && org == nil {
                throw ValidationError(
                    "--org: missing; an employment entry needs the organisation, e.g. --org \"Mercy Health\"")
            }
            if end != nil && kind != .employment {
                throw ValidationError(
                    "--end: is for employment entries (a job's last day); this entry is \(kind.rawValue)")
            }
            if let amount, !amount.isFinite {
                throw ValidationError(
                    "--amount: '\(amount)' is not accepted; expected a finite number such as 185000 or 18.5")
            }
        }

        func run() throws {
            let now = Date()
            let day = at.map(CareerCLI.day) ?? CareerCLI.today(now)
            try CareerCLI.requirePast(day, field: "--at", now: now, what: "record it once it has happened")
            let endDay = end.map(CareerCLI.day)
            if let endDay, endDay < day {
                throw CLIError(.usage, "--end: \(endDay) is before the start (\(day)); expected \(day) or later")
            }
            let entry = JournalEntry(
                kind: kind, text: try CareerCLI.text(text, field: "TEXT", example: "", multiline: true), day: day,
                endDay: endDay, organisation: try org.map { try CareerCLI.text($0, field: "--org", example: "") },
                title: try title.map { try CareerCLI.text($0, field: "--title", example: "") }, amount: amount,
                tags: Set(try tag.map { try CareerCLI.text($0, field: "--tag", example: "") }))
            let stored = try store.open().addJournalEntry(entry)
            write("Added \(kind.rawValue) #\(stored.id) on \(day).\n")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List journal entries, newest first.",
            discussion: """
                Example:
                  ties journal list --kind accomplishment --since 2025-01-01
                  ties journal list --format csv > journal.csv
                """)

        @Option(help: "Only entries of this kind.") var kind: JournalKind?
        @Option(
            help: ArgumentHelp("Only entries on or after this day (a job counts while it lasts).", valueName: "date"),
            transform: DateInput.option("--since"))
        var since: DateInput?
        @Option(help: "Only entries with this tag.") var tag: String?
        @OptionGroup var format: FormatOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            let from = since.map(CareerCLI.day)
            func inRange(_ e: JournalEntry) -> Bool {
                guard let from else { return true }
                return e.day >= from || (e.kind == .employment && (e.endDay.map { $0 >= from } ?? true))
            }
            let entries = try store.open(readOnly: true).journalEntries().filter { e in
                (kind == nil || e.kind == kind) && inRange(e.record)
                    && (tag.map { t in e.tags.contains { $0.caseInsensitiveCompare(t) == .orderedSame } } ?? true)
            }.sorted { JournalEntry.newestFirst($0.record, $1.record) }
            format.emit(
                Self.table(entries), empty: "No journal entries match. Add one with `ties journal add KIND TEXT`.")
        }

        /// The listing's rows, also what `ties export journal` writes.
        static func table(_ entries: [Stored<JournalEntry>]) -> Table {
            Table(
                columns: ["id", "day", "end", "kind", "organisation", "title", "amount", "tags", "text"],
                rows: entries.map { e in
                    [
                        .integer(Int(e.id)), .day(e.day), e.endDay.map(Table.Value.day) ?? .null,
                        .text(e.kind.rawValue),
                        e.organisation.map(Table.Value.text) ?? .null, e.title.map(Table.Value.text) ?? .null,
                        e.amount.map { .number($0, digits: $0 == $0.rounded() ? 0 : 2) } ?? .null,
                        .text(e.tags.sorted().joined(separator: ";")), .text(e.text),
                    ]
                })
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the journal as Markdown or as a JSON Resume.",
            discussion: """
                markdown: a career record grouped by year, newest first, every entry. json-resume: a JSON \
                Resume (schema v1.0.0) with your current details (`ties me`) as basics, jobs as work with their \
                accomplishments as highlights, reviews and other accomplishments as awards; salary, counselling \
                and notes stay out. An existing --out file is not replaced without --force.

                Example:
                  ties journal export --format markdown --out career.md
                  ties journal export --format json-resume > resume.json
                """)

        enum Format: String, CaseIterable, ExpressibleByArgument {
            case markdown
            case jsonResume = "json-resume"
        }

        @Option(help: "markdown or json-resume.") var format: Format
        @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var out:
            String?
        @Flag(help: "With --out: replace the file if it exists.") var force = false
        @OptionGroup var asOf: AsOfOptions
        @OptionGroup var store: StoreOptions

        func validate() throws {
            try validateOutput(out, force: force, example: "career.md")
        }

        func run() throws {
            let store = try store.open(readOnly: true)
            let day = asOf.day
            let entries = try store.journalEntries().filter { $0.day <= day }.records()
            let text: String
            switch format {
            case .markdown:
                text = JournalExport.markdown(entries)
            case .jsonResume:
                let details = try store.myDetails().records()
                let card = ContactCard(details: details, asOf: day)
                let hasCard = card.hasDetails || MyDetail.current(of: .name, in: details, asOf: day) != nil
                text = JournalExport.jsonResume(entries, card: hasCard ? card : nil)
            }
            guard let out else {
                write(text)
                return
            }
            try OutputFile(path: out).write(Data(text.utf8), force: force)
            write("Wrote \(entries.count) entr\(entries.count == 1 ? "y" : "ies") to \(out).\n")
        }
    }
}
