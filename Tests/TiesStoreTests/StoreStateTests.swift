import Foundation
import Testing
import TiesCore
import TiesNumerics
import TiesTestSupport

@testable import TiesStore

@Suite("Store: interactions and relationship state")
struct StoreStateTests {
    /// Logs random interactions in random order (seeded), then checks that the incrementally kept states
    /// equal states rebuilt from scratch.
    @Test("incremental state equals full recomputation, whatever the logging order", arguments: [1, 2, 3] as [UInt64])
    func incrementalEqualsFull(seed: UInt64) throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let rng = SeededGenerator(seed: seed)
        var ids: [Int64] = []
        for n in 0..<5 {
            let roles: Set<Role> = [[.recruiter], [.mentor], [.friend], [], [.formerColleague]][n]
            ids.append(try store.addPerson(Person(name: "P\(n)", roles: roles), at: Fixtures.now).id)
        }
        let start = Fixtures.day("2024-01-01")
        for _ in 0..<120 {
            let day = start + rng.index(below: 700)
            let seconds = day.ordinal * 86_400 + rng.index(below: 86_400)
            let interaction = Interaction(
                personID: rng.element(of: ids), occurredAt: Date(timeIntervalSince1970: TimeInterval(seconds)),
                kind: rng.element(of: InteractionKind.allCases), direction: rng.element(of: Direction.allCases),
                answered: rng.bernoulli(0.7))
            try store.log(interaction, context: Fixtures.context)
        }
        let asOf = Fixtures.day("2026-01-01")
        let incremental = try store.states(asOf: asOf, context: Fixtures.context)
        try store.write { db in try StateCache.rebuildAll(context: Fixtures.context, db) }
        let full = try store.states(asOf: asOf, context: Fixtures.context)
        #expect(incremental.keys.sorted() == full.keys.sorted())
        for id in full.keys {
            let a = incremental[id]!
            let b = full[id]!
            #expect(a.firstDay == b.firstDay && a.lastDay == b.lastDay && a.episodes == b.episodes)
            #expect(a.outbound == b.outbound && a.inbound == b.inbound)
            #expect(abs(a.strengthSum - b.strengthSum) < 1e-9 * max(1, b.strengthSum))
            #expect(abs(a.activitySum - b.activitySum) < 1e-9 * max(1, b.activitySum))
        }
    }

    @Test("states as of a past day leave out later interactions")
    func pastAsOf() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let id = try store.addPerson(Person(name: "Dana"), at: Fixtures.now).id
        try store.log(
            Interaction(personID: id, occurredAt: Fixtures.noon("2026-01-10"), kind: .meeting),
            context: Fixtures.context)
        try store.log(
            Interaction(personID: id, occurredAt: Fixtures.noon("2026-03-10"), kind: .call), context: Fixtures.context)
        let then = try store.states(asOf: Fixtures.day("2026-02-01"), context: Fixtures.context)[id]!
        #expect(then.episodes == 1 && then.lastDay == Fixtures.day("2026-01-10") && then.strengthSum == 3)
        let later = try store.states(asOf: Fixtures.day("2026-04-01"), context: Fixtures.context)[id]!
        #expect(later.episodes == 2)
    }

    @Test("a change of half-life or time zone rebuilds every state")
    func contextChange() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let id = try store.addPerson(Person(name: "Dana"), at: Fixtures.now).id
        // 23:30 UTC on Jan 10 is Jan 11 in Tokyo.
        let late = Date(timeIntervalSince1970: TimeInterval(Fixtures.day("2026-01-10").ordinal * 86_400 + 84_600))
        try store.log(Interaction(personID: id, occurredAt: late, kind: .meeting), context: Fixtures.context)
        #expect(
            try store.states(asOf: Fixtures.day("2026-02-01"), context: Fixtures.context)[id]!.lastDay
                == Fixtures.day("2026-01-10"))
        let tokyo = ScoringContext(configuration: ScoringConfiguration(), timeZone: TimeZone(identifier: "Asia/Tokyo")!)
        #expect(
            try store.states(asOf: Fixtures.day("2026-02-01"), context: tokyo)[id]!.lastDay
                == Fixtures.day("2026-01-11"))
        var slow = ScoringConfiguration()
        slow.activityHalfLifeDays = 7
        let state = try store.states(
            asOf: Fixtures.day("2026-02-01"), context: ScoringContext(configuration: slow, timeZone: Fixtures.utc))[id]!
        #expect(state.activityHalfLife == 7)
    }

    @Test("ties are stored once per pair; a self-tie and a repeated tie are refused")
    func ties() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let a = try store.addPerson(Person(name: "A"), at: Fixtures.now).id
        let b = try store.addPerson(Person(name: "B"), at: Fixtures.now).id
        try store.addTie(Tie(b, a, kind: .colleague, weight: 0.5))
        #expect(try store.ties() == [Tie(a, b, kind: .colleague, weight: 0.5)])
        #expect(throws: StoreError.self) { try store.addTie(Tie(a, b)) }
        #expect(throws: StoreError.self) { try store.addTie(Tie(a, a)) }
        #expect(try store.ties().count == 1)
    }

    @Test("the scoring configuration round-trips and is validated")
    func configuration() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        #expect(try store.configuration() == ScoringConfiguration())
        var changed = ScoringConfiguration()
        changed.activityHalfLifeDays = 12
        try store.setConfiguration(changed)
        #expect(try store.configuration() == changed)
        changed.coldSurvival = 0.5
        #expect(throws: StoreError.self) { try store.setConfiguration(changed) }
        #expect(try store.configuration().coldSurvival == 0.02)
    }
}

@Suite("Store: editing a person keeps their history")
struct StoreEditStateTests {
    /// Regression: editing a person used to delete their stored state, so they scored zero and their next
    /// contact restarted their history.
    @Test("after an edit the state is rebuilt with the new roles' half-life, and the next contact adds to it")
    func editKeepsState() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let stored = try store.addPerson(Person(name: "Dana", roles: [.recruiter]), at: Fixtures.now)
        var dana = stored.record
        for day in ["2026-01-05", "2026-02-05", "2026-03-05"] {
            try store.log(
                Interaction(personID: stored.id, occurredAt: Fixtures.noon(day), kind: .meeting),
                context: Fixtures.context)
        }
        dana.roles = [.mentor]
        try store.updatePerson(dana, context: Fixtures.context)
        let state = try #require(
            try store.states(asOf: Fixtures.day("2026-04-01"), context: Fixtures.context)[stored.id])
        #expect(state.episodes == 3 && state.strengthHalfLife == 180)
        try store.log(
            Interaction(personID: stored.id, occurredAt: Fixtures.noon("2026-03-20"), kind: .call),
            context: Fixtures.context)
        let after = try #require(
            try store.states(asOf: Fixtures.day("2026-04-01"), context: Fixtures.context)[stored.id])
        #expect(after.episodes == 4 && after.firstDay == Fixtures.day("2026-01-05"))
    }
}
