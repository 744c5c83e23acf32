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
            """)

    @Option(help: "Only people with this role.") var role: Role?
    @Option(help: "Show at most this many rows.") var limit: Int?
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var format: FormatOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more; got \(limit)") }
    }

    func run() throws {
        format.emit(
            try Self.table(store: store.open(), asOf: asOf.day, role: role, limit: limit),
            empty: "No people to score. Add some with `ties person add`, or try `ties demo`.")
    }

    /// The listing's rows, also what `ties export scores` writes.
    static func table(store: Store, asOf day: Day, role: Role?, limit: Int?) throws -> Table {
        // Scores need every person's state (normalisation and layers are network-wide), but roles and the
        // bridge column only for the rows shown, so neither is loaded for everyone nor is the graph analysed.
        let context = try scoringContext(store)
        // Everyone is scored — strength is normalised and layers ranked within the whole network — and
        // only then are the rows filtered by role.
        let (people, states) = try store.scoringInputs(asOf: day, context: context)
        var rows = NetworkScoring.score(people: people, states: states, asOf: day, configuration: context.configuration)
            .scores
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

struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Who should I contact next, and why?",
        discussion: """
            Ranks people by strength × how overdue the silence is, with a bonus for bridges and for roles or \
            organisations you have too few of, on a scale of 0 to 100 (`ties explain PERSON` shows how). Rows \
            marked [must] come first: a recruiter waiting for an answer, a promise due, a recruiter holding \
            your old details, a bridge gone cold, a strong tie gone quiet; a last line counts any left out.

            Example:
              ties next
              ties next --limit 10 --format csv
            """)

    @Option(help: "Show this many rows, rows marked [must] first; a last line counts the must-do rows left out.")
    var limit: Int = 5
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var format: FormatOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be 1 or more; got \(limit)") }
    }

    func run() throws {
        // The same analysis and facts as the weekly report, so both name the same people for the same reasons.
        let loader = try NetworkLoader(store: store.open())
        let (analysis, facts) = try loader.analyse(asOf.day)
        let rows = WhoNext.rank(analysis, facts: facts, configuration: loader.context.configuration)
        if format.format == .table {
            let withHistory = analysis.score.scores.filter { $0.status != .none }.count
            write(NextReport.render(rows, limit: limit, withHistory: withHistory, asOf: asOf.day))
        } else {
            format.emit(NextReport.table(Array(rows.prefix(limit))))
        }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how one person's scores were computed.",
        discussion: """
            Lists the day-episodes with their weights and what each still contributes after decay, then the \
            reciprocity, tenure and closeness factors, the normalisation, the cadence fit, and how the \
            person's priority in `ties next` is made.

            Example:
              ties explain "Dana Reyes" --as-of 2026-06-30
            """)

    @Argument(help: "Who: an id, a name, or the start of a name.") var person: String
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let network = try NetworkLoader(store: store.open(), contactDetails: false)
        let person = try network.store.person(self.person)
        let (analysis, facts) = try network.analyse(asOf.day)
        let configuration = network.context.configuration
        let explanation = Explanation.explain(
            person: person.record, interactions: try network.store.interactions(with: person.id),
            network: analysis.score, configuration: configuration, timeZone: .current)
        let row = WhoNext.rank(analysis, facts: facts, configuration: configuration).first { $0.personID == person.id }
        write(
            ExplainReport.render(
                explanation, name: person.name, row: row, bridgeBonus: configuration.bridgeBonus,
                underrepresentedBonus: configuration.underrepresentedBonus))
    }
}
