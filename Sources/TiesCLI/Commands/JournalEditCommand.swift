import ArgumentParser
import Foundation
import TiesCore
import TiesStore

/// `ties journal edit ID`: correct a journal entry, checked by the rules of `ties journal add`.
struct JournalEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Correct a journal entry: its day, kind, text, end, organisation, title, amount or tags.",
        discussion: """
            The corrected entry must be one `ties journal add` would accept: an employment needs an \
            organisation, only an employment has an end, which is not before its first day, and nothing is \
            dated after today. `ties undo` reverts the correction.

            Examples:
              ties journal edit 5 --at 2024-01-15
              ties journal edit 5 --kind accomplishment --amount 18
              ties journal edit 5 --kind employment --org "Mercy Health" --end 2026-06-30
              ties journal edit 5 --tag leadership --no-amount
            """)

    @Argument(help: "The entry's id, from `ties journal list`.") var id: Int64
    @Option(
        name: [.customLong("at"), .customLong("date")],
        help: ArgumentHelp("The entry's day (for a job, its first day): YYYY-MM-DD.", valueName: "date"),
        transform: DateInput.option("--at"))
    var at: DateInput?
    @Option(help: "What kind: \(JournalKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: JournalKind?
    @Option(help: "What happened, in your words.") var text: String?
    @Option(
        help: ArgumentHelp("For employment: the last day.", valueName: "date"), transform: DateInput.option("--end"))
    var end: DateInput?
    @Flag(help: "Remove the end day (the job goes on).") var noEnd = false
    @Option(help: "The organisation.") var org: String?
    @Flag(help: "Remove the organisation.") var noOrg = false
    @Option(help: "A job title, or a short title for the entry.") var title: String?
    @Flag(help: "Remove the title.") var noTitle = false
    @Option(help: "A number that goes with it (salary, raise, size of a result).") var amount: Double?
    @Flag(help: "Remove the amount.") var noAmount = false
    @Option(help: "Add a tag; repeat for several.") var tag: [String] = []
    @Option(help: "Remove a tag; repeat for several.") var untag: [String] = []
    @OptionGroup var store: StoreOptions

    func validate() throws {
        for (value, flag, name) in [
            (end != nil, noEnd, "--end"), (org != nil, noOrg, "--org"), (title != nil, noTitle, "--title"),
            (amount != nil, noAmount, "--amount"),
        ] where value && flag {
            throw ValidationError("\(name) and --no-\(name.dropFirst(2)) cannot go together")
        }
        let changes: [Bool] = [
            at != nil, kind != nil, text != nil, end != nil, noEnd, org != nil, noOrg, title != nil, noTitle,
            amount != nil, noAmount, !tag.isEmpty, !untag.isEmpty,
        ]
        guard changes.contains(true) else {
            throw ValidationError(
                "nothing to change; give --at, --kind, --text, --end, --org, --title, --amount, --tag or --untag (or a --no- option)"
            )
        }
        if let text {
            _ = try CareerCLI.text(
                text, field: "--text", example: "\"Cut readmissions by 18% in a year\"", multiline: true)
        }
        if let org { _ = try CareerCLI.text(org, field: "--org", example: "\"Mercy Health\"") }
        if let title { _ = try CareerCLI.text(title, field: "--title", example: "\"Chief Operating Officer\"") }
        for t in tag { _ = try CareerCLI.text(t, field: "--tag", example: "quality") }
        if let amount, !amount.isFinite {
            throw ValidationError(
                "--amount: '\(amount)' is not accepted; expected a finite number such as 185000 or 18.5")
        }
    }

    func run() throws {
        let store = try store.open()
        let old = try store.journalEntry(id)
        let entry = try edited(old.record)
        try Self.check(entry, now: Date())
        try store.replaceJournalEntry(id, with: entry)
        write("Corrected journal entry #\(id) (\(entry.kind.rawValue) on \(entry.day)).\n")
    }

    /// The entry with this command's changes.
    func edited(_ old: JournalEntry) throws -> JournalEntry {
        var entry = old
        if let at { entry.day = CareerCLI.day(at) }
        if let kind { entry.kind = kind }
        if let text { entry.text = try CareerCLI.text(text, field: "--text", example: "", multiline: true) }
        if let end { entry.endDay = CareerCLI.day(end) } else if noEnd { entry.endDay = nil }
        if let org {
            entry.organisation = try CareerCLI.text(org, field: "--org", example: "")
        } else if noOrg {
            entry.organisation = nil
        }
        if let title {
            entry.title = try CareerCLI.text(title, field: "--title", example: "")
        } else if noTitle {
            entry.title = nil
        }
        if let amount { entry.amount = amount } else if noAmount { entry.amount = nil }
        for t in untag {
            guard let held = entry.tags.first(where: { $0.caseInsensitiveCompare(t) == .orderedSame }) else {
                throw CLIError(.usage, "--untag: entry #\(id) has no tag '\(t)'; nothing changed")
            }
            entry.tags.remove(held)
        }
        for t in tag where !entry.tags.contains(where: { $0.caseInsensitiveCompare(t) == .orderedSame }) {
            entry.tags.insert(try CareerCLI.text(t, field: "--tag", example: ""))
        }
        return entry
    }

    /// The rules of `ties journal add`, on the corrected entry.
    static func check(_ entry: JournalEntry, now: Date) throws {
        try CareerCLI.requirePast(entry.day, field: "--at", now: now, what: "record it once it has happened")
        if entry.kind == .employment && entry.organisation == nil {
            throw CLIError(
                .usage,
                "--org: an employment entry needs the organisation, e.g. --org \"Mercy Health\"; nothing changed")
        }
        if let end = entry.endDay {
            guard entry.kind == .employment else {
                throw CLIError(
                    .usage,
                    "--end: is for employment entries (a job's last day); this entry is \(entry.kind.rawValue) (--no-end removes it)"
                )
            }
            if end < entry.day {
                throw CLIError(
                    .usage, "--end: \(end) is before the start (\(entry.day)); expected \(entry.day) or later")
            }
        }
    }
}
