import ArgumentParser
import Foundation
import TiesCore
import TiesStore

/// `ties disclose ...`: record what someone holds of yours (the default), list it, or remove a record.
struct DiscloseGroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disclose",
        abstract: "Record that someone holds your resume, email, phone or address; list who holds what.",
        discussion: """
            `ties disclose PERSON KIND` records it (the same as `ties disclose add PERSON KIND`); \
            `ties disclose list` answers "who holds which of my details, which version, since when, and is \
            it current?"; `ties disclose rm ID` removes a record made by mistake.

            Example:
              ties disclose "Dana Reyes" resume --version 2026-spring
              ties disclose list --kind resume --stale
            """,
        subcommands: [DiscloseCommand.self, DiscloseListCommand.self, DiscloseRemoveCommand.self],
        defaultSubcommand: DiscloseCommand.self)
}

/// `ties disclose list`.
struct DiscloseListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Who holds which of your details: which value or version, since when, current or stale.",
        discussion: """
            One row per person and kind: what they were last given. A copy is stale when your detail has \
            changed since (or a newer resume version has been given to anyone); `ties notify` drafts the \
            update. --all adds the earlier records, marked superseded.

            Examples:
              ties disclose list
              ties disclose list --kind resume --stale
              ties disclose list Dana
              ties disclose list --tag board --stale
            """,
        aliases: ["ls"])

    @Argument(help: "Only this person: an id, a name, or the start of a name.") var person: String?
    @Option(help: "Only this kind: resume, email, phone or address.") var kind: DisclosureKind?
    @Flag(help: "Only copies that are out of date.") var stale = false
    @Flag(help: "Every record, not only the latest per person and kind.") var all = false
    @OptionGroup var tag: TagOptions
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var format: FormatOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let store = try store.open(readOnly: true)
        let day = asOf.day
        let personID = try person.map { try store.person($0).id }
        let tagged = try tag.selection(store)
        let disclosures = try store.disclosures().filter { $0.day <= day }
        let details = try store.myDetails().records()
        let names = Dictionary(
            uniqueKeysWithValues: try store.people(PersonFilter(includeArchived: true), withContactDetails: false)
                .map { ($0.id, $0.name) })
        var staleness: [String: StaleDisclosure] = [:]
        for s in Disclosures.stale(disclosures: disclosures, details: details, asOf: day) {
            staleness["\(s.personID)/\(s.kind.rawValue)"] = s
        }
        var latest: [String: Disclosure] = [:]
        for d in disclosures {
            let key = "\(d.personID)/\(d.kind.rawValue)"
            if let seen = latest[key], (seen.day, seen.id ?? 0) > (d.day, d.id ?? 0) { continue }
            latest[key] = d
        }
        let values = Dictionary(uniqueKeysWithValues: details.compactMap { d in d.id.map { ($0, d.value) } })
        var rows: [[Table.Value]] = []
        for d in disclosures.sorted(by: {
            (names[$0.personID] ?? "", $0.day, $0.id ?? 0) < (names[$1.personID] ?? "", $1.day, $1.id ?? 0)
        }) {
            if let personID, d.personID != personID { continue }
            if let tagged, !tagged.contains(d.personID) { continue }
            if let kind, d.kind != kind { continue }
            let key = "\(d.personID)/\(d.kind.rawValue)"
            let isLatest = latest[key] == d
            if !all && !isLatest { continue }
            let gap = isLatest ? staleness[key] : nil
            if stale && gap == nil { continue }
            let held =
                d.kind == .resume
                ? (d.version ?? Disclosures.unversioned) : (d.myDetailID.flatMap { values[$0] } ?? "?")
            let status = !isLatest ? "superseded" : gap == nil ? "current" : "stale"
            rows.append([
                .integer(Int(d.id ?? 0)), .text(names[d.personID] ?? "#\(d.personID)"), .text(d.kind.rawValue),
                .text(held), .day(d.day), .text(status), .text(gap?.current ?? ""),
            ])
        }
        format.emit(
            Table(columns: ["id", "person", "kind", "holds", "since", "status", "current"], rows: rows),
            empty: "No one holds anything of yours that matches.")
    }
}
