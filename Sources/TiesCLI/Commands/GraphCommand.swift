import ArgumentParser
import Foundation
import TiesCore
import TiesReports
import TiesStore

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "The shape of your network: brokers, bridges, clusters, introduction paths.",
        discussion: """
            The graph is you, the people you know (tied to you by relationship strength) and the ties between \
            them (`ties tie add`). Brokers have low constraint (Burt): their contacts do not all know each other. \
            Bridges are ties between people who share no acquaintance in your network. Clusters come from \
            Louvain modularity on the ties between people.
            """,
        subcommands: [Brokers.self, Bridges.self, Clusters.self, Path.self])
}

extension GraphCommand {
    struct Brokers: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "People ranked as brokers: lowest constraint first.",
            discussion: """
                Example:
                  ties graph brokers --limit 10
                """)
        @Option(help: "Show at most this many rows.") var limit: Int = 20
        @OptionGroup var asOf: AsOfOptions
        @OptionGroup var format: FormatOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            let analysis = try NetworkLoader(store: store.open(), contactDetails: false).analysis(
                asOf.day, detail: .clusters)
            let rows = analysis.positions.filter { $0.value.ties > 0 && $0.value.constraint != nil }
                .sorted { a, b in
                    let (ca, cb) = (a.value.constraint!, b.value.constraint!)
                    if ca != cb { return ca < cb }
                    let (na, nb) = (analysis.people[a.key]?.name ?? "", analysis.people[b.key]?.name ?? "")
                    return na != nb ? na < nb : a.key < b.key
                }
                .prefix(limit)
            format.emit(
                Table(
                    columns: [
                        "id", "name", "organisation", "constraint", "effective_size", "ties", "cluster", "bridge",
                    ],
                    rows: rows.map { id, p in
                        [
                            .integer(Int(id)), .text(analysis.people[id]?.name ?? ""),
                            analysis.people[id]?.organisation.map(Table.Value.text) ?? .null,
                            .number(p.constraint ?? 0, digits: 3), .number(p.effectiveSize ?? 0, digits: 2),
                            .integer(p.ties),
                            p.cluster.map(Table.Value.integer) ?? .null, .bool(p.isBridge),
                        ]
                    }), empty: "No ties between people yet. Record who knows whom with `ties tie add A B`.")
        }
    }

    struct Bridges: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ties between people who share no acquaintance in your network.",
            discussion: """
                span is how many steps apart the two would be without this tie (empty: they would not be \
                connected at all).

                Example:
                  ties graph bridges --format csv
                """)
        @OptionGroup var asOf: AsOfOptions
        @OptionGroup var format: FormatOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            let analysis = try NetworkLoader(store: store.open(), contactDetails: false).analysis(
                asOf.day, detail: .all)
            let name = { (id: Person.ID) in analysis.people[id]?.name ?? "#\(id)" }
            format.emit(
                Table(
                    columns: ["a_id", "a", "b_id", "b", "span", "a_cluster", "b_cluster"],
                    rows: analysis.bridges.map { b in
                        [
                            .integer(Int(b.a)), .text(name(b.a)), .integer(Int(b.b)), .text(name(b.b)),
                            b.span.map(Table.Value.integer) ?? .null,
                            analysis.positions[b.a]?.cluster.map(Table.Value.integer) ?? .null,
                            analysis.positions[b.b]?.cluster.map(Table.Value.integer) ?? .null,
                        ]
                    }), empty: "No bridges: every tie between people is inside a triangle.")
        }
    }

    struct Clusters: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Groups of people who know each other (Louvain modularity).",
            discussion: """
                Example:
                  ties graph clusters
                """)
        @OptionGroup var asOf: AsOfOptions
        @OptionGroup var format: FormatOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            let analysis = try NetworkLoader(store: store.open(), contactDetails: false).analysis(
                asOf.day, detail: .clusters)
            var members: [Int: [PersonScore]] = [:]
            for s in analysis.score.scores {  // strength order
                if let c = analysis.positions[s.personID]?.cluster { members[c, default: []].append(s) }
            }
            let rows = members.keys.sorted().map { c -> [Table.Value] in
                let people = members[c]!
                var orgs: [String: Int] = [:]
                for p in people { if let o = analysis.people[p.personID]?.organisation { orgs[o, default: 0] += 1 } }
                let top = orgs.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first
                return [
                    .integer(c), .integer(people.count),
                    .number(people.map(\.strength).reduce(0, +) / Double(people.count), digits: 1),
                    top.map { .text($0.key) } ?? .null,
                    .text(people.prefix(5).map(\.name).joined(separator: "; ")),
                ]
            }
            format.emit(
                Table(columns: ["cluster", "people", "mean_strength", "main_organisation", "strongest"], rows: rows),
                empty: "No clusters: record who knows whom with `ties tie add A B`.")
        }
    }

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The best introduction path to someone: the chain whose weakest link is strongest.",
            discussion: """
                Each hop shows the strength of that link (your relationship strength / 100 for the first hop, \
                the tie's weight after that). If you know the person directly, the best path through others is \
                shown too: those are the people who could vouch for you.

                Example:
                  ties graph path "Morgan Diaz"
                """)
        @Argument(help: "Who: an id, a name, or the start of a name.") var person: String
        @OptionGroup var asOf: AsOfOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            let network = try NetworkLoader(store: store.open(), contactDetails: false)
            let target = try network.store.person(person)
            let analysis = try network.analysis(asOf.day)
            guard analysis.people[target.id] != nil else {
                throw CLIError(
                    .data,
                    "\(target.name) is archived; restore them with `ties person archive \"\(target.name)\" --undo`")
            }
            func describe(_ path: IntroductionPath) -> String {
                var text = "you"
                for hop in path.hops {
                    text +=
                        " —(\(Table.format(hop.strength, digits: 2)))→ \(TextTable.sanitised(analysis.people[hop.personID]?.name ?? "?"))"
                }
                return text
                    + "\n  weakest link \(Table.format(path.bottleneck, digits: 2)), \(path.hops.count) hop\(path.hops.count == 1 ? "" : "s")\n"
            }
            var out = ""
            if let direct = IntroductionPath.widest(in: analysis, to: target.id, excludingDirect: false),
                direct.hops.count == 1
            {
                out +=
                    "You know \(TextTable.sanitised(target.name)) directly (link \(Table.format(direct.bottleneck, digits: 2))).\n"
                if let through = IntroductionPath.widest(in: analysis, to: target.id, excludingDirect: true) {
                    out += "Best path through others:\n  " + describe(through)
                } else {
                    out += "Nobody else in your network is tied to them.\n"
                }
            } else if let path = IntroductionPath.widest(in: analysis, to: target.id, excludingDirect: false) {
                out += "Best introduction path to \(TextTable.sanitised(target.name)):\n  " + describe(path)
            } else {
                out +=
                    "No path to \(TextTable.sanitised(target.name)): nobody you are in touch with is tied to them. Record who knows them with `ties tie add`.\n"
            }
            write(out)
        }
    }
}
