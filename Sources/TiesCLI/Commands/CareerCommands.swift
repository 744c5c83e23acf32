import ArgumentParser
import Foundation
import TiesCore
import TiesStore

extension Commitment.Owner: ExpressibleByArgument {}
extension MyDetailKind: ExpressibleByArgument {}
extension DisclosureKind: ExpressibleByArgument {}
extension JournalKind: ExpressibleByArgument {}

/// Input checks and conversions shared by the career commands (commitments, details, journal).
enum CareerCLI {
    /// Free text the user typed: trimmed, not empty, no control characters (line breaks only if `multiline`).
    static func text(_ raw: String, field: String, example: String, multiline: Bool = false) throws -> String {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw ValidationError("\(field): '\(raw)' is empty; expected some text, e.g. \(example)")
        }
        let bad = text.unicodeScalars.contains { scalar in
            scalar.properties.generalCategory == .control && !(multiline && (scalar == "\n" || scalar == "\r"))
        }
        guard !bad else {
            throw ValidationError(
                "\(field): '\(raw.debugDescription.dropFirst().dropLast())' contains control characters; expected plain text\(multiline ? " (line breaks allowed)" : "")"
            )
        }
        return text
    }

    /// The day a date input stands for in the user's time zone.
    static func day(_ input: DateInput) -> Day {
        switch input {
        case .day(let day): return day
        case .instant(let date):
            var mapper = DayMapper(timeZone: .current)
            return mapper.day(for: date)
        }
    }

    /// Today in the user's time zone.
    static func today(_ now: Date) -> Day {
        var mapper = DayMapper(timeZone: .current)
        return mapper.day(for: now)
    }

    /// Refuses a date after now (a minute of slack for clocks): these commands record what has happened.
    static func requirePast(_ date: Date, field: String, now: Date, what: String) throws {
        if date > now.addingTimeInterval(60) {
            throw CLIError(.usage, "\(field): \(today(date)) is in the future; \(what)")
        }
    }

    /// Refuses a day after today.
    static func requirePast(_ day: Day, field: String, now: Date, what: String) throws {
        if day > today(now) { throw CLIError(.usage, "\(field): \(day) is in the future; \(what)") }
    }

    /// The help text of every date option.
    static let dateHelp = "YYYY-MM-DD, or an ISO 8601 date-time"
}

// MARK: - ties offer

struct OfferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record help you offered, or a promise someone made to you (the default of `ties offer`).",
        discussion: """
            Recruiters remember the people who offer to help and then follow up. A promise stays open until \
            you mark it with `ties done ID`; logging a contact with the person does not close it. With --due, \
            it is overdue from the day after. Use --by them for a promise made to you.

            Example:
              ties offer "Dana Reyes" "Intro to the CFO" --at 2026-06-01 --due 2026-06-30
              ties offer Dana "Send the COO job description" --by them
            """)

    @Argument(help: "Who: an id, a name, or the start of a name.") var person: String
    @Argument(help: "What was promised.") var text: String
    @Option(
        help: ArgumentHelp("The last day it is on time: \(CareerCLI.dateHelp).", valueName: "date"),
        transform: DateInput.option("--due"))
    var due: DateInput?
    @Option(help: "Who promised it: me (you, the default) or them.") var by: Commitment.Owner = .me
    @Option(
        help: ArgumentHelp("When it was promised: \(CareerCLI.dateHelp). Default: now.", valueName: "date"),
        transform: DateInput.option("--at"))
    var at: DateInput?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        _ = try CareerCLI.text(text, field: "TEXT", example: "\"Intro to the CFO at Mercy\"")
    }

    func run() throws {
        let now = Date()
        let made = at?.startInstant(timeZone: .current) ?? now
        try CareerCLI.requirePast(made, field: "--at", now: now, what: "record promises when they are made")
        let dueDay = due.map(CareerCLI.day)
        if let dueDay, dueDay < CareerCLI.today(made) {
            throw CLIError(
                .usage,
                "--due: \(dueDay) is before the promise was made (\(CareerCLI.today(made))); expected that day or later"
            )
        }
        let store = try store.open()
        let person = try store.person(self.person)
        let stored = try store.addCommitment(
            Commitment(
                personID: person.id, text: try CareerCLI.text(text, field: "TEXT", example: ""), owner: by,
                createdAt: made, due: dueDay))
        let what = by == .me ? "you offered \(person.name)" : "\(person.name) promised you"
        write("Recorded #\(stored.id): \(what) \"\(stored.text)\"\(dueDay.map { ", due \($0)" } ?? "").\n")
    }
}

// MARK: - ties commitments

struct CommitmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commitments",
        abstract: "List promises: yours and those made to you.",
        discussion: """
            status is overdue (past its due day and not done), open, or done, as of --as-of. Rows are \
            ordered overdue first, then open, then done; within each, by due day (none last), then id. \
            Promises made after --as-of are left out, so past listings can be reproduced.

            Example:
              ties commitments --open
              ties commitments --overdue --as-of 2026-07-01 --format csv
              ties commitments --open --tag chicago
            """)

    enum Show: String, EnumerableFlag {
        case all, open, overdue

        static func help(for value: Show) -> ArgumentHelp? {
            switch value {
            case .all: return "Every promise."
            case .open: return "Only promises not yet done (overdue ones included)."
            case .overdue: return "Only promises past their due day and not done."
            }
        }
    }

    @Flag var show: Show = .all
    @Option(help: "Only promises to or from this person.") var person: String?
    @OptionGroup var tag: TagOptions
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var format: FormatOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let store = try store.open(readOnly: true)
        let only = try person.map { try store.person($0).id }
        var table = try Self.table(store: store, show: show, only: only, asOf: asOf.instant)
        if let tagged = try tag.selection(store) {
            table = TagOptions.rows(of: table, in: ["person_id"], about: tagged)
        }
        format.emit(
            table,
            empty: show == .all
                ? "No promises recorded. Add one with `ties offer NAME TEXT`." : "No \(show.rawValue) promises.")
    }

    /// The listing's rows as of `instant`, also what `ties export commitments` writes.
    static func table(store: Store, show: Show, only: Person.ID?, asOf instant: Date) throws -> Table {
        let people = Dictionary(
            uniqueKeysWithValues: try store.people(PersonFilter(includeArchived: true)).map { ($0.id, $0) })
        var mapper = DayMapper(timeZone: .current)
        func status(_ c: Commitment) -> (rank: Int, name: String) {
            if !c.isOpen(asOf: instant) { return (2, "done") }
            return c.isOverdue(asOf: instant, timeZone: .current) ? (0, "overdue") : (1, "open")
        }
        let rows = try store.commitments()
            .filter { $0.createdAt <= instant && (only == nil || $0.personID == only) }
            .filter { c in
                switch show {
                case .all: return true
                case .open: return c.record.isOpen(asOf: instant)
                case .overdue: return c.record.isOverdue(asOf: instant, timeZone: .current)
                }
            }
            .sorted { a, b in
                let (sa, sb) = (status(a.record).rank, status(b.record).rank)
                if sa != sb { return sa < sb }
                switch (a.due, b.due) {
                case let (x?, y?) where x != y: return x < y
                case (.some, nil): return true
                case (nil, .some): return false
                default: return a.id < b.id
                }
            }
        return Table(
            columns: ["id", "person_id", "person", "by", "text", "made", "due", "done", "status"],
            rows: rows.map { c in
                let done = c.doneAt.flatMap { $0 <= instant ? mapper.day(for: $0) : nil }
                return [
                    .integer(Int(c.id)), .integer(Int(c.personID)),
                    .text(people[c.personID]?.name ?? "#\(c.personID)"),
                    .text(c.owner.rawValue), .text(c.text), .day(mapper.day(for: c.createdAt)),
                    c.due.map(Table.Value.day) ?? .null, done.map(Table.Value.day) ?? .null,
                    .text(status(c.record).name),
                ]
            })
    }
}

// MARK: - ties done

struct DoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done",
        abstract: "Mark a promise as kept.",
        discussion: """
            ID is the number `ties commitments` shows. A date (without a time) means that day; on the day the \
            promise was made, it counts as kept right after it was made.

            Example:
              ties done 3
              ties done 3 --at 2026-06-20
            """)

    @Argument(help: "The promise's id, e.g. 3 or #3.") var id: String
    @Option(
        help: ArgumentHelp("When it was kept: \(CareerCLI.dateHelp). Default: now.", valueName: "date"),
        transform: DateInput.option("--at"))
    var at: DateInput?
    @OptionGroup var store: StoreOptions

    /// The id as a number.
    static func parse(_ text: String) throws -> Commitment.ID {
        let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let id = Int64(digits), id > 0 else {
            throw ValidationError(
                "ID: '\(text)' is not a promise id; expected a number such as 3 (`ties commitments` lists them)")
        }
        return id
    }

    func validate() throws { _ = try Self.parse(id) }

    func run() throws {
        let id = try Self.parse(self.id)
        let now = Date()
        var when = at?.startInstant(timeZone: .current) ?? now
        try CareerCLI.requirePast(when, field: "--at", now: now, what: "mark promises done once they are kept")
        let store = try store.open()
        if case .day(let day)? = at, let made = try store.commitments().first(where: { $0.id == id })?.createdAt,
            CareerCLI.today(made) == day, when < made
        {
            when = made
        }
        let done = try store.completeCommitment(id, at: when)
        let person = try store.person("#\(done.personID)")
        let what = done.owner == .me ? "you offered \(person.name)" : "\(person.name) promised you"
        write("Marked #\(id) done on \(CareerCLI.today(when)): \(what) \"\(done.text)\".\n")
    }
}
