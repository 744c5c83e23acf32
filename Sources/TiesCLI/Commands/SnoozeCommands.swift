import ArgumentParser
import Foundation
import TiesCore
import TiesStore

// `ties snooze PERSON --for 3w | --until DATE`, `ties snooze list`, `ties snooze rm PERSON`.

/// `ties snooze`: put someone aside until a day.
struct SnoozeGroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snooze",
        abstract: "Leave someone out of `ties next` and the gaps until a day; list and end snoozes.",
        discussion: """
            `ties snooze PERSON --for 3w` (the same as `ties snooze add PERSON --for 3w`) keeps a person out \
            of `ties next`, `ties gaps` and the weekly report's actions and gaps until the day they are back; \
            the report lists who is snoozed. Snoozing someone snoozed already replaces the old days. \
            `ties snooze list` shows the snoozes, `ties snooze rm PERSON` ends one sooner, `ties undo` \
            reverts any of these.

            Examples:
              ties snooze Dana --for 3w
              ties snooze "Sam Okafor" --until 2027-01-10 --as-of 2026-12-01
              ties snooze list
              ties snooze rm Dana
            """,
        subcommands: [SnoozeCommand.self, SnoozeListCommand.self, SnoozeRemoveCommand.self],
        defaultSubcommand: SnoozeCommand.self)
}

/// `ties snooze add`.
struct SnoozeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Snooze a person for a while (the default of `ties snooze`).",
        discussion: """
            The snooze starts on the --as-of day (default today) and ends on the day the person is back: \
            --for counts from the start (3d, 2w, 1m: days, weeks, calendar months; at most 24 months), \
            --until names the day. A day on or before the start is refused.

            Examples:
              ties snooze Dana --for 3w
              ties snooze Dana --until 2027-01-10 --as-of 2026-12-01
            """)

    @Argument(help: "Who: an id, a name, an alias, or the start of one.") var person: String
    @Option(
        name: .customLong("for"),
        help: ArgumentHelp("How long: \(SnoozeLength.accepted).", valueName: "length"),
        transform: { try SnoozeLength.parse($0, field: "--for") })
    var length: SnoozeLength?
    @Option(
        help: ArgumentHelp("The day the person is back: \(CareerCLI.dateHelp).", valueName: "date"),
        transform: DateInput.option("--until"))
    var until: DateInput?
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (length == nil) != (until == nil) else {
            throw ValidationError("give how long, --for 3w, or the day the person is back, --until 2027-01-10")
        }
    }

    func run() throws {
        let start = asOf.day
        let end = until.map(CareerCLI.day) ?? length.map { $0.end(from: start) } ?? start
        guard end > start else {
            throw CLIError(
                .usage,
                "--until: \(end) is not after \(start) (the --as-of day the snooze starts); give a later day")
        }
        let store = try store.open()
        let target = try store.person(person)
        try store.snooze(target.id, since: start, until: end)
        write(
            "Snoozed \(target.name) until \(end): left out of `ties next` and the gaps until then "
                + "(`ties snooze rm \(target.id)` ends it sooner).\n")
    }
}

/// `ties snooze list`.
struct SnoozeListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List snoozes: who, since when, the day they are back, and whether in effect.",
        discussion: """
            in_effect is as of --as-of (default today): the snooze has started and the person is not yet back.

            Examples:
              ties snooze list
              ties snooze list --format csv
            """,
        aliases: ["ls"])

    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var format: FormatOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let store = try store.open(readOnly: true)
        let snoozes = try store.snoozes()
        let names = Dictionary(
            uniqueKeysWithValues: try store.people(PersonFilter(includeArchived: true), withContactDetails: false).map {
                ($0.id, $0.name)
            })
        let day = asOf.day
        let rows = snoozes.sorted { a, b in
            if a.until != b.until { return a.until < b.until }
            return (names[a.personID] ?? "", a.personID) < (names[b.personID] ?? "", b.personID)
        }
        format.emit(
            Table(
                columns: ["person_id", "name", "since", "until", "in_effect"],
                rows: rows.map { s in
                    [
                        .integer(Int(s.personID)), .text(names[s.personID] ?? "#\(s.personID)"), .day(s.since),
                        .day(s.until), .bool(s.isInEffect(on: day)),
                    ]
                }),
            empty: "No one is snoozed (`ties snooze --help` shows how).")
    }
}

/// `ties snooze rm`.
struct SnoozeRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "End a person's snooze now: they are back in `ties next` and the gaps.",
        discussion: """
            Example:
              ties snooze rm Dana
            `ties undo` puts the snooze back.
            """,
        aliases: ["remove"])

    @Argument(help: "Who: an id, a name, an alias, or the start of one.") var person: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        let store = try store.open()
        let target = try store.person(person)
        do {
            try store.unsnooze(target.id)
        } catch .invalidRecord(.notSnoozed) {
            throw CLIError(.usage, "\(target.name) is not snoozed; `ties snooze list` shows who is")
        }
        write("\(target.name) is back in `ties next` and the gaps.\n")
    }
}
