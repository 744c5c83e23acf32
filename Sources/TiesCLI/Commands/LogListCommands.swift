import ArgumentParser
import Foundation
import TiesCore
import TiesStore

/// `ties log`: record a contact (the default), or list, correct and remove the contacts recorded.
struct LogGroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Record a contact with someone; list, correct and remove recorded contacts.",
        discussion: """
            `ties log PERSON KIND` records a contact (the same as `ties log add PERSON KIND`). \
            `ties log list` shows the contacts with their ids, `ties log edit ID` corrects one, \
            `ties log rm ID...` removes some; `ties undo` reverts any of these.

            Examples:
              ties log Dana call --note "Talked about the COO search"
              ties log list Dana --since 2026-01-01
              ties log edit 43 --at 2026-11-17 --person "Sam Okafor"
              ties log rm 43
            """,
        subcommands: [LogCommand.self, LogListCommand.self, LogEditCommand.self, LogRemoveCommand.self],
        defaultSubcommand: LogCommand.self)
}

/// `ties log list`.
struct LogListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List recorded contacts with their ids, oldest first.",
        discussion: """
            Examples:
              ties log list
              ties log list Dana --kind call --since 2026-01-01 --until 2026-03-31
              ties log list --unanswered
              ties log list --tag chicago
            """,
        aliases: ["ls"])

    @Argument(help: "Only contacts with this person: an id, a name, or the start of a name.") var person: String?
    @Option(
        help: ArgumentHelp("Only contacts on or after this date: \(DateInput.accepted).", valueName: "date"),
        transform: { try DateInput.parse($0, field: "--since", timeZone: .current) })
    var since: DateInput?
    @Option(
        help: ArgumentHelp("Only contacts up to and including this date.", valueName: "date"),
        transform: { try DateInput.parse($0, field: "--until", timeZone: .current) })
    var until: DateInput?
    @Option(help: "Only this kind: \(InteractionKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: InteractionKind?
    @Option(help: "Only contacts from this source: manual, or an importer's name (linkedin, vcard, ics, csv...).")
    var source: String?
    @Flag(help: "Only contacts they started that are still waiting for your answer.") var unanswered = false
    @OptionGroup var tag: TagOptions
    @OptionGroup var format: FormatOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let store = try store.open(readOnly: true)
        var filter = InteractionFilter(kind: kind, source: source, unansweredOnly: unanswered)
        if let person { filter.personID = try store.person(person).id }
        filter.timeZone = .current
        filter.since = since?.startInstant(timeZone: .current)
        filter.until = until.map { $0.endInstant(timeZone: .current).addingTimeInterval(1) }
        let tagged = try tag.selection(store)
        let contacts = try store.interactions(matching: filter).filter { tagged?.contains($0.personID) ?? true }
        let names = try Dictionary(
            uniqueKeysWithValues: store.people(PersonFilter(includeArchived: true), withContactDetails: false)
                .map { ($0.id, $0.name) })
        format.emit(
            Self.table(contacts, names: names, waiting: try store.waitingForReply()), empty: "No contacts match.")
    }

    static func table(_ contacts: [Interaction], names: [Person.ID: String], waiting: Set<Interaction.ID>) -> Table {
        Table(
            columns: ["id", "at", "person", "kind", "direction", "status", "group", "source", "note"],
            rows: contacts.map { contact in
                [
                    .integer(Int(contact.id ?? 0)), .text(when(contact)),
                    .text(names[contact.personID] ?? "#\(contact.personID)"), .text(contact.kind.rawValue),
                    .text(contact.direction.rawValue), .text(status(of: contact, waiting: waiting)),
                    .integer(contact.groupSize),
                    .text(contact.source), .text(contact.note ?? ""),
                ]
            })
    }

    /// When a contact happened: its date alone when only a date was given (``DateOnly``), else the
    /// local date and time.
    static func when(_ contact: Interaction) -> String {
        contact.dateOnly ? DateOnly.day(of: contact.occurredAt).description : HistoryCommand.stamp(contact.occurredAt)
    }

    /// "unanswered" for an inbound contact still waiting, "answered" for one that was answered (marked so,
    /// or replied to since), else empty.
    static func status(of contact: Interaction, waiting: Set<Interaction.ID>) -> String {
        guard contact.direction == .inbound else { return "" }
        return contact.id.map(waiting.contains) == true ? "unanswered" : "answered"
    }
}

/// `ties log edit ID`.
struct LogEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Correct a recorded contact.",
        discussion: """
            Only the fields given change. The relationship states of the people concerned are rebuilt.

            Examples:
              ties log edit 43 --at 2026-11-17
              ties log edit 43 --person "Sam Okafor" --kind meeting
              ties log edit 44 --answered
            """)

    @Argument(help: "The contact's id, from `ties log list`.") var id: Int64
    @Option(
        help: ArgumentHelp("When it happened: \(DateInput.accepted).", valueName: "date"),
        transform: { try DateInput.parse($0, field: "--at", timeZone: .current) })
    var at: DateInput?
    @Option(help: "Who it was with: an id, a name, or the start of a name.") var person: String?
    @Option(help: "What kind: \(InteractionKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: InteractionKind?
    @Option(help: "in (they reached out), out (you did) or mutual.") var direction: Direction?
    @Flag(help: "Mark it answered, or still waiting for your answer (inbound contacts only).")
    var answer: AnswerFlag?
    @Option(help: "A new note; \"\" removes the note.") var note: String?
    @Option(help: "How many people took part.") var groupSize: Int?
    @OptionGroup var store: StoreOptions

    enum AnswerFlag: EnumerableFlag {
        case answered, unanswered
    }

    func validate() throws {
        if let groupSize, groupSize < 1 {
            throw ValidationError("--group-size must be 1 or more; got \(groupSize)")
        }
    }

    func run() throws {
        let store = try store.open()
        var edit = InteractionEdit(
            occurredAt: at?.recorded.at, kind: kind, direction: direction,
            answered: answer.map { $0 == .answered }, note: note, groupSize: groupSize)
        edit.dateOnly = at?.recorded.dateOnly ?? false
        if let person { edit.personID = try store.person(person).id }
        guard !edit.isEmpty else {
            throw CLIError(
                .usage,
                "nothing to change; give --at, --person, --kind, --direction, --answered, --note or --group-size")
        }
        let contact = try store.editInteraction(id, edit, now: Date(), context: scoringContext(store))
        let name = try store.person("#\(contact.personID)").name
        write(
            "Contact #\(id) is now: \(contact.kind.rawValue) with \(name) at \(LogListCommand.when(contact)).\n"
        )
    }
}

/// `ties log rm ID...`.
struct LogRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Remove recorded contacts (all of them or none).",
        discussion: """
            Examples:
              ties log rm 43
              ties log rm 43 44 45
            `ties undo` puts them back.
            """,
        aliases: ["remove", "delete"])

    @Argument(help: "The contacts' ids, from `ties log list`.") var ids: [Int64]
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard !ids.isEmpty else { throw ValidationError("give the id of at least one contact (`ties log list`)") }
    }

    func run() throws {
        let store = try store.open()
        let removed = try store.removeInteractions(ids, context: scoringContext(store))
        write(
            "Removed \(removed.count) contact\(removed.count == 1 ? "" : "s"): \(ids.map { "#\($0)" }.joined(separator: ", ")).\n"
        )
    }
}
