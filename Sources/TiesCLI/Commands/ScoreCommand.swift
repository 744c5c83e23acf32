import ArgumentParser
import Foundation
import TiesCore
import TiesReports
import TiesStore

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score every relationship: strength, activity, layer, rhythm.",
        discussion: """
            strength (0–100) decays slowly and counts reciprocity and years known; activity decays fast \
            (half-life 30 days) and predicts the next contact; layer is the Dunbar circle (5, 15, 50, 150) by \
            strength rank; survival is how often a silence this long happens given the person's own rhythm \
            (cooling below 0.10, cold below 0.02). `ties explain NAME` shows how a row was computed.

            Example:
              ties score --role recruiter --limit 10
              ties score --as-of 2026-06-30 --format csv > scores.csv
              ties score --tag chicago --tag board

            With --tag, only people carrying the tag (any of several, repeated) are listed; strength and \
            layer are those of the whole network (rank is the row's place in the list, as with --role).
            """)

    @Option(help: "Only people with this role.") var role: Role?
    @Option(help: "Show at most this many rows.") var limit: Int?
    @OptionGroup var tag: TagOptions
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var format: FormatOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more; got \(limit)") }
    }

    func run() throws {
        let store = try store.open()
        format.emit(
            try Self.table(store: store, asOf: asOf.day, role: role, tagged: tag.selection(store), limit: limit),
            empty: "No people to score. Add some with `ties person add`, or try `ties demo`.")
    }

    /// The listing's rows, also what `ties export scores` writes.
    /// With `tagged`, only those people's rows (`--tag`); strength and layer stay those of the whole network.
    static func table(
        store: Store, asOf day: Day, role: Role?, tagged: Set<Person.ID>? = nil, limit: Int?
    ) throws -> Table {
        // Scores need every person's state (normalisation and layers are network-wide), but roles and the
        // bridge column only for the rows shown, so neither is loaded for everyone nor is the graph analysed.
        let context = try scoringContext(store)
        // Everyone is scored — strength is normalised and layers ranked within the whole network — and
        // only then are the rows filtered by role.
        let (people, states) = try store.scoringInputs(asOf: day, context: context)
        var rows = NetworkScoring.score(people: people, states: states, asOf: day, configuration: context.configuration)
            .scores
        if let tagged { rows = rows.filter { tagged.contains($0.personID) } }
        if let role {
            let holders = try store.ids(withRole: role)
            rows = rows.filter { holders.contains($0.personID) }
        }
        if let limit { rows = Array(rows.prefix(limit)) }
        let shown = rows.map(\.personID)
        let roles = try store.roles(of: shown)
        let bridges = try store.bridges(among: shown)
        let f = Table.Value.number
        return Table(
            columns: [
                "rank", "id", "name", "roles", "strength", "activity", "layer", "last_contact", "silence_days",
                "typical_gap_days", "survival", "status", "bridge",
            ],
            rows: rows.enumerated().map { i, s in
                [
                    .integer(i + 1), .integer(Int(s.personID)), .text(s.name),
                    .text((roles[s.personID] ?? []).sorted().map(\.rawValue).joined(separator: ";")),
                    f(s.strength, 1), f(s.activity, 3), s.layer.map(Table.Value.integer) ?? .null,
                    s.lastContact.map(Table.Value.day) ?? .null, s.silenceDays.map(Table.Value.integer) ?? .null,
                    s.typicalGapDays.map { f($0, 0) } ?? .null, s.survival.map { f($0, 3) } ?? .null,
                    .text(s.status.rawValue),
                    .bool(bridges.contains(s.personID)),
                ]
            })
    }
}
