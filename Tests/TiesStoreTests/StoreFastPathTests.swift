import Foundation
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesStore

@Suite("Store: the fast scoring path agrees with the general one")
struct StoreFastPathTests {
    /// A generated network with some people archived.
    func demoStore(_ dir: TemporaryDirectory) throws -> (Store, Day) {
        let store = try Fixtures.store(in: dir)
        let end = Day(year: 2026, month: 6, day: 30)!
        let network = DemoGenerator.generate(
            DemoOptions(seed: 3, people: 300, years: 3, endDay: end, timeZone: Fixtures.utc))
        try store.load(
            organisations: network.organisations, people: network.people, ties: network.ties,
            interactions: network.interactions, context: Fixtures.context, createdAt: Fixtures.now)
        for id in [5, 17, 42] as [Int64] { try store.archivePerson(id) }
        return (store, end)
    }

    @Test("scoringInputs gives the same people and states as people() and states()")
    func sameInputs() throws {
        let dir = TemporaryDirectory()
        let (store, end) = try demoStore(dir)
        for asOf in [end, end - 200] {
            let fast = try store.scoringInputs(asOf: asOf, context: Fixtures.context)
            let people = try store.people(withContactDetails: false).sorted { $0.id < $1.id }
            #expect(fast.people.map(\.id) == people.map(\.record.id))
            #expect(fast.people.map(\.name) == people.map(\.name))
            #expect(fast.people.map(\.closeness) == people.map(\.closeness))
            let states = try store.states(asOf: asOf, context: Fixtures.context)
            for person in people {
                #expect(fast.states[person.id] == states[person.id])
            }
        }
        let recruiters = try store.scoringInputs(asOf: end, context: Fixtures.context, role: .recruiter).people.map(
            \.id)
        #expect(recruiters == (try store.people(PersonFilter(role: .recruiter)).map(\.record.id).sorted { $0! < $1! }))
    }

    @Test("bridges(among:) flags exactly the people the full analysis calls bridges")
    func sameBridges() throws {
        let dir = TemporaryDirectory()
        let (store, end) = try demoStore(dir)
        let people = try store.people()
        let analysis = NetworkAnalysis.analyse(
            people: people.records(), states: try store.states(asOf: end, context: Fixtures.context),
            ties: try store.ties(),
            asOf: end, configuration: ScoringConfiguration(), detail: [])
        let expected = Set(analysis.positions.filter { $0.value.isBridge }.map(\.key))
        #expect(!expected.isEmpty)
        #expect(try store.bridges(among: people.map(\.id)) == expected)
    }
}
