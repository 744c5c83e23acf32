import ArgumentParser
import Foundation
import TiesCore
import TiesStore

// Listing, correcting and removing the records other than contacts: ties, promises, details of yours,
// disclosures and journal entries. Every removal is one change, reverted by `ties undo`.

/// `ties tie rm A B`.
struct TieRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm", abstract: "Remove the tie between two people.", aliases: ["remove", "delete"])
    @Argument(help: "One person.") var first: String
    @Argument(help: "The other person.") var second: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        let store = try store.open()
        let a = try store.person(first)
        let b = try store.person(second)
        try store.removeTie(a.id, b.id)
        write("Removed the tie between \(a.name) and \(b.name).\n")
    }
}

/// `ties offer ...`: record a promise (the default), or correct or remove one.
struct OfferGroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offer",
        abstract: "Record help you offered or a promise made to you; correct or remove one.",
        discussion: """
            `ties offer PERSON TEXT` records a promise (the same as `ties offer add PERSON TEXT`); \
            `ties offer edit ID` corrects one and `ties offer rm ID...` removes some (`ties commitments` \
            lists them with their ids).

            Example:
              ties offer "Dana Reyes" "Intro to the CFO" --at 2026-06-01 --due 2026-06-30
              ties offer edit 7 --due 2026-07-15
              ties offer rm 7
            """,
        subcommands: [OfferCommand.self, OfferEditCommand.self, OfferRemoveCommand.self],
        defaultSubcommand: OfferCommand.self)
}

/// `ties offer edit ID`.
struct OfferEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Correct a promise: its text, who made it, or its due day.",
        discussion: """
            Example:
              ties offer edit 7 --due 2026-07-15
              ties offer edit 7 --text "Intro to the CFO" --no-due
            """)
    @Argument(help: "The promise's id, from `ties commitments`.") var id: Int64
    @Option(help: "What was promised.") var text: String?
    @Option(help: "Who promised it: me or them.") var by: Commitment.Owner?
    @Option(
        help: ArgumentHelp("The last day it is on time: \(CareerCLI.dateHelp).", valueName: "date"),
        transform: { try DateInput.parse($0, field: "--due", timeZone: .current) })
    var due: DateInput?
    @Flag(help: "Remove the due day.") var noDue = false
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if due != nil && noDue { throw ValidationError("--due and --no-due cannot go together") }
        if text == nil && by == nil && due == nil && !noDue {
            throw ValidationError("nothing to change; give --text, --by, --due or --no-due")
        }
        if let text { _ = try CareerCLI.text(text, field: "--text", example: "\"Intro to the CFO at Mercy\"") }
    }

    func run() throws {
        let store = try store.open()
        try store.editCommitment(id, text: text, owner: by, due: due.map(CareerCLI.day), clearDue: noDue)
        write("Corrected promise #\(id).\n")
    }
}

/// `ties offer rm ID...`.
struct OfferRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm", abstract: "Remove promises (all of them or none).", aliases: ["remove", "delete"])
    @Argument(help: "The promises' ids, from `ties commitments`.") var ids: [Int64]
    @OptionGroup var store: StoreOptions

    func run() throws {
        try RemoveRecords.run(.commitment, ids: ids, store: store, noun: "promise")
    }
}

/// `ties me rm ID...`.
struct MeRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Remove a detail of yours recorded by mistake (`ties me show --history` lists ids).",
        discussion: "A detail someone was given cannot be removed; record a newer value with `ties me set`.",
        aliases: ["remove", "delete"])
    @Argument(help: "The details' ids.") var ids: [Int64]
    @OptionGroup var store: StoreOptions

    func run() throws {
        try RemoveRecords.run(.myDetail, ids: ids, store: store, noun: "detail")
    }
}

/// `ties journal rm ID...`.
struct JournalRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm", abstract: "Remove journal entries (all of them or none).", aliases: ["remove", "delete"])
    @Argument(help: "The entries' ids, from `ties journal list`.") var ids: [Int64]
    @OptionGroup var store: StoreOptions

    func run() throws {
        try RemoveRecords.run(.journalEntry, ids: ids, store: store, noun: "journal entry")
    }
}

/// `ties disclose rm ID...`.
struct DiscloseRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm", abstract: "Remove disclosures recorded by mistake.", aliases: ["remove", "delete"])
    @Argument(help: "The disclosures' ids, from `ties disclose list --all`.") var ids: [Int64]
    @OptionGroup var store: StoreOptions

    func run() throws {
        try RemoveRecords.run(.disclosure, ids: ids, store: store, noun: "disclosure")
    }
}

/// The shared body of the `rm` commands.
enum RemoveRecords {
    static func run(_ kind: RecordKind, ids: [Int64], store options: StoreOptions, noun: String) throws {
        guard !ids.isEmpty else { throw CLIError(.usage, "give the id of at least one \(noun)") }
        try options.open().remove(kind, ids: ids)
        let list = ids.map { "#\($0)" }.joined(separator: ", ")
        write(
            "Removed \(ids.count == 1 ? noun : "\(ids.count) records"): \(list). `ties undo` puts \(ids.count == 1 ? "it" : "them") back.\n"
        )
    }
}
