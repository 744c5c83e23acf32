import Foundation
import Testing
import TiesTestSupport

@testable import TiesCore
@testable import TiesStore

/// The stored weekly health is a cache of the records (``HealthCache``): served only under the basis it was
/// stored with, never stored under a basis that moved while it was computed.
@Suite("Store: the weekly health cache")
struct HealthCacheTests {
    static let week = Fixtures.day("2026-11-22")
    static func index(_ value: Double) -> HealthIndex { HealthIndex(value: value, components: []) }

    @Test("a stored week is served under its basis, and not once a record changes")
    func servedUnderItsBasis() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let dana = try store.addPerson(Person(name: "Dana Reyes"), at: Fixtures.now).id
        let read = try store.healthSnapshots([Self.week], context: Fixtures.context)
        #expect(read.health.isEmpty)
        #expect(
            try store.saveHealthSnapshots([Self.week: Self.index(42)], basis: read.basis, context: Fixtures.context))
        #expect(try store.healthSnapshots([Self.week], context: Fixtures.context).health == [Self.week: 42])
        try store.log(
            Interaction(personID: dana, occurredAt: Fixtures.now, kind: .call, direction: .mutual),
            context: Fixtures.context)
        let after = try store.healthSnapshots([Self.week], context: Fixtures.context)
        #expect(after.basis != read.basis)
        #expect(after.health.isEmpty)
    }

    @Test("weeks computed before a write are not stored after it")
    func staleBasisStoresNothing() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let read = try store.healthSnapshots([Self.week], context: Fixtures.context)
        _ = try store.addPerson(Person(name: "Sam Okafor"), at: Fixtures.now)
        #expect(
            try !store.saveHealthSnapshots([Self.week: Self.index(42)], basis: read.basis, context: Fixtures.context))
        #expect(try store.healthSnapshots([Self.week], context: Fixtures.context).health.isEmpty)
    }

    @Test("a different setting is a different basis")
    func settingsAreInTheBasis() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        var other = Fixtures.context
        other.configuration.overdueSurvival = 0.2
        let one = try store.healthSnapshots([], context: Fixtures.context).basis
        let two = try store.healthSnapshots([], context: other).basis
        #expect(one != two)
        #expect(try store.healthSnapshots([], context: Fixtures.context).basis == one)
    }
}
