import Foundation
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesStore

@Suite("Store: facts")
struct StoreFactsTests {
    /// Logs an inbound contact marked unanswered, at noon of `day`.
    func logUnanswered(_ store: Store, _ person: Int64, _ day: String, _ kind: InteractionKind) throws {
        try store.log(
            Interaction(
                personID: person, occurredAt: Fixtures.noon(day), kind: kind, direction: .inbound, answered: false),
            context: Fixtures.context)
    }

    @Test("an inbound contact is unanswered until something outbound, mutual or answered follows it")
    func unanswered() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let dana = try store.addPerson(Person(name: "Dana", roles: [.recruiter]), at: Fixtures.now).id
        let sam = try store.addPerson(Person(name: "Sam"), at: Fixtures.now).id
        try logUnanswered(store, dana, "2026-03-01", .call)
        try logUnanswered(store, sam, "2026-03-01", .email)
        try store.log(
            Interaction(personID: sam, occurredAt: Fixtures.noon("2026-03-03"), kind: .email, direction: .outbound),
            context: Fixtures.context)
        let facts = try store.facts(asOf: Fixtures.day("2026-03-10"), timeZone: Fixtures.utc)
        #expect(facts.unanswered == [dana: UnansweredContact(day: Fixtures.day("2026-03-01"), kind: .call)])
        // As of before Sam's reply, Sam's email was still open.
        let earlier = try store.facts(asOf: Fixtures.day("2026-03-02"), timeZone: Fixtures.utc)
        #expect(Set(earlier.unanswered.keys) == [dana, sam])
        try store.log(
            Interaction(personID: dana, occurredAt: Fixtures.noon("2026-03-05"), kind: .call, direction: .mutual),
            context: Fixtures.context)
        #expect(try store.facts(asOf: Fixtures.day("2026-03-10"), timeZone: Fixtures.utc).unanswered.isEmpty)
    }

    @Test("of two unanswered contacts at the same second, the first stored is the one reported")
    func sameSecond() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let dana = try store.addPerson(Person(name: "Dana"), at: Fixtures.now).id
        for kind in [InteractionKind.meeting, .call, .email] { try logUnanswered(store, dana, "2026-03-01", kind) }
        // An earlier one: the last unanswered only as of a day before the three.
        try logUnanswered(store, dana, "2026-02-20", .event)
        let facts = try store.facts(asOf: Fixtures.day("2026-03-10"), timeZone: Fixtures.utc)
        #expect(facts.unanswered == [dana: UnansweredContact(day: Fixtures.day("2026-03-01"), kind: .meeting)])
        let before = try store.facts(asOf: Fixtures.day("2026-02-25"), timeZone: Fixtures.utc)
        #expect(before.unanswered == [dana: UnansweredContact(day: Fixtures.day("2026-02-20"), kind: .event)])
    }
}
