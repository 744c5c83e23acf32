// ties-bench: in-process benchmarks of Ties' kernels, run in release mode by Benchmarks/run.
// Each figure is the best of several runs on one core, after one warm-up run.
import Foundation
import TiesCore
import TiesInterchange

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func best(of runs: Int, _ body: () -> Void) -> Double {
    body()
    return (0..<runs).map { _ in seconds(body) }.min()!
}

let arguments = CommandLine.arguments.dropFirst()
let utc = TimeZone(identifier: "UTC")!

// `ties-bench csv FILE` and `ties-bench ics FILE` time the parsers on a file (best of 3, reading included);
// `ties-bench interactions FILE` reads an exported interactions table into records, as `ties import csv` does
// before it inserts them.
if ["csv", "ics", "interactions"].contains(arguments.first), let path = arguments.dropFirst().first {
    let url = URL(fileURLWithPath: path)
    var count = 0
    let time = best(of: 3) {
        let bytes = [UInt8](try! Data(contentsOf: url))
        if arguments.first == "interactions" {
            count = 0
            let problems = try! TiesCSVImport.forEachInteraction(in: bytes, file: path, timeZone: utc) { _ in
                count += 1
                return true
            }
            precondition(problems.isEmpty, "\(problems.count) problems, the first: \(problems[0])")
        } else if arguments.first == "csv" {
            count = 0
            try! CSVReader.forEachRecord(in: bytes) { _ in
                count += 1
                return true
            }
        } else {
            let options = CalendarImportOptions(
                myEmails: ["me@example.org"], timeZone: utc, asOf: Date(timeIntervalSince1970: 1_800_000_000))
            count = try! ICalendarReader.read(bytes, options: options).records.count
        }
    }
    print(String(format: "%@: %d records in %.3f s", arguments.first!, count, time))
    exit(0)
}

// `ties-bench messages FILE NAME` times the one-pass reading of a LinkedIn messages file whose user is NAME, as
// `ties import linkedin` reads a large one (on threads of its own, handing batches over), with each message's
// stored ids made and nothing stored: the reading alone, with the importing thread idle (best of 3).
if arguments.first == "messages", let path = arguments.dropFirst().first, let me = arguments.dropFirst(2).first {
    var count = 0
    let ids: @Sendable (LinkedInMessage, inout [String]) -> Void = { m, out in
        for k in m.counterparts.indices { out.append(LinkedInMessages.storedSourceID(of: m, counterpart: k)) }
    }
    let time = best(of: 3) {
        count = 0
        let read = try! LinkedInMessages.forEachBatch(
            in: CSVInput.file(path).requiringUTF8(), me: LinkedInIdentity(names: [me]), onePass: true, transform: ids
        ) { batch in
            count += batch.count
            return true
        }
        precondition(read != nil, "the file could not be read in one pass")
    }
    print(String(format: "messages: %d stored ids in %.3f s", count, time))
    exit(0)
}

let peopleCounts = arguments.isEmpty ? [20_000, 100_000] : arguments.compactMap(Int.init)
let configuration = ScoringConfiguration()

for people in peopleCounts {
    var network = DemoNetwork(organisations: [], people: [], ties: [], interactions: [])
    let generation = seconds {
        network = DemoGenerator.generate(
            DemoOptions(seed: 1, people: people, years: 5, endDay: Day(year: 2026, month: 11, day: 27)!, timeZone: utc))
    }
    print(
        "demo network: \(people) people, \(network.interactions.count) interactions, \(network.ties.count) ties; generated in \(String(format: "%.2f", generation)) s"
    )

    // (a) The scoring kernel over in-memory columns.
    var mapper = DayMapper(timeZone: utc)
    var columns = InteractionColumns()
    columns.reserve(network.interactions.count)
    for i in network.interactions {
        columns.append(
            person: i.personID, day: mapper.day(for: i.occurredAt), weight: configuration.weight(of: i),
            direction: i.direction)
    }
    columns = columns.sortedByPersonAndDay()
    var roles: [Int64: Set<Role>] = [:]
    for p in network.people { roles[p.id!] = p.roles }
    let halfLives = Dictionary(
        uniqueKeysWithValues: network.people.map { ($0.id!, configuration.strengthHalfLife(for: $0.roles)) })
    var checksum = 0.0
    let kernel = best(of: 5) {
        let states = ScoringKernel.states(of: columns, halfLife: { halfLives[$0]! }, activityHalfLife: 30)
        checksum = states.reduce(0) { $0 + $1.1.strengthSum }
    }
    print(
        String(
            format: "(a) scoring kernel: %.4f s for %d interactions = %.0f M interactions/s (checksum %.3f)",
            kernel, columns.count, Double(columns.count) / kernel / 1e6, checksum))

    // (c) Constraint and effective size for every node of the graph of the user and the ties.
    var states: [Person.ID: RelationshipState] = [:]
    for (id, state) in ScoringKernel.states(of: columns, halfLife: { halfLives[$0]! }, activityHalfLife: 30) {
        states[id] = state
    }
    let score = NetworkScoring.score(
        people: network.people, states: states, asOf: Day(year: 2026, month: 11, day: 27)!, configuration: configuration
    )
    var edges: [(Int, Int, Double)] = score.scores.filter { $0.strength > 0 }.map {
        (0, Int($0.personID), max($0.strength / 100, 1e-6))
    }
    edges += network.ties.map { (Int($0.a), Int($0.b), $0.weight) }
    let graph = try! WeightedGraph(nodeCount: network.people.count + 1, edges: edges)
    var egoConstraint = 0.0
    let holes = best(of: 5) { egoConstraint = StructuralHoles.analyse(graph).constraint[0] }
    print(
        String(
            format: "(c) constraint + effective size, every node: %.4f s (%d nodes, %d edges; ego constraint %.4f)",
            holes, graph.nodeCount, graph.edgeCount, egoConstraint))
    let analysis = best(of: 3) {
        _ = NetworkAnalysis.analyse(
            people: network.people, states: states, ties: network.ties,
            asOf: Day(year: 2026, month: 11, day: 27)!, configuration: configuration)
    }
    print(
        String(format: "    whole analysis (scores, constraint, Louvain, local bridges with spans): %.4f s", analysis))
}
