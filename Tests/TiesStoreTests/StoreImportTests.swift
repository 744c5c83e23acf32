import Foundation
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesStore

@Suite("Store: imports")
struct StoreImportTests {
    func record(_ id: Int64?, source: String = "csv", sourceID: String?, line: Int) -> InteractionRecord {
        InteractionRecord(
            interaction: Interaction(
                id: id, personID: 0, occurredAt: Fixtures.noon("2026-03-0\(line)"), kind: .call,
                source: source, sourceID: sourceID),
            keys: [.name("Dana")], file: "f.csv", line: line)
    }

    @Test("a file that repeats a source id or an id imports the row once, on a first import and again")
    func duplicatesWithinABatch() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        try store.addPerson(Person(name: "Dana"), at: Fixtures.now)
        let batch = [
            record(nil, sourceID: "a", line: 1), record(nil, sourceID: "a", line: 2),  // same source id
            record(40, sourceID: nil, line: 3), record(40, sourceID: nil, line: 4),  // same id
            record(nil, source: "other", sourceID: "a", line: 5),  // same id, other source: a different row
        ]
        let first = try store.importBatch(
            people: [], interactions: batch, createPeople: false, dryRun: false,
            context: Fixtures.context, now: Fixtures.now)
        #expect(first.interactionsAdded == 3 && first.interactionsExisting == 2)
        let again = try store.importBatch(
            people: [], interactions: batch, createPeople: false, dryRun: false,
            context: Fixtures.context, now: Fixtures.now)
        #expect(again.interactionsAdded == 0 && again.interactionsExisting == 5)
        #expect(try store.interactions().count == 3)
        // The state was rebuilt from all three.
        let dana = try store.person("Dana").id!
        #expect(try store.states(asOf: Fixtures.day("2026-03-31"), context: Fixtures.context)[dana]?.episodes == 3)
    }
}
