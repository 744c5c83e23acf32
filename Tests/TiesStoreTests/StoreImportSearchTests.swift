import Foundation
import GRDB
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesStore

/// An import drops the search index's trigger on new interactions while it runs and indexes the new notes
/// itself (a measured third of `ties import csv`): the index must end as the trigger would have left it.
@Suite("Store: imports keep the search index current")
struct StoreImportSearchTests {
    static func record(_ id: Int, note: String?, person: Int64) -> InteractionRecord {
        InteractionRecord(
            interaction: Interaction(
                id: Int64(id), personID: person, occurredAt: Fixtures.noon("2026-02-0\(id)"), kind: .email,
                note: note, source: "test", sourceID: "n\(id)"),
            keys: [.id(person)], file: "t.csv", line: id)
    }

    static func trigger(_ store: Store) throws -> String? {
        try store.read { db in
            try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'search_interaction_insert'")
        }
    }

    @Test("notes of imported interactions are found, the trigger is back, and undo and dry runs leave no trace")
    func importedNotes() throws {
        for first in [true, false] {  // into a store without interactions (the first-import path), and with one
            let dir = TemporaryDirectory()
            let store = try Fixtures.store(in: dir)
            let dana = try store.addPerson(Person(name: "Dana Reyes"), at: Fixtures.now).id
            if !first {
                _ = try store.log(
                    Interaction(personID: dana, occurredAt: Fixtures.noon("2026-01-01"), kind: .call, note: "lunch"),
                    context: Fixtures.context)
            }
            let trigger = try #require(try Self.trigger(store))
            let records = [
                Self.record(5, note: "Zürich offsite agenda", person: dana), Self.record(6, note: nil, person: dana),
                Self.record(7, note: "", person: dana), Self.record(8, note: "quarterly zurich review", person: dana),
            ]
            _ = try store.importBatch(
                people: [], interactions: records, createPeople: false, dryRun: true, context: Fixtures.context,
                now: Fixtures.now)
            #expect(try store.search("zurich").isEmpty, "a dry run indexes nothing")
            #expect(try Self.trigger(store) == trigger)
            _ = try store.importBatch(
                people: [], interactions: records, createPeople: false, dryRun: false, context: Fixtures.context,
                now: Fixtures.now)
            #expect(try store.search("zurich").count == 2)
            #expect(
                try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM search_index") }
                    == (first ? 3 : 4))
            #expect(try Self.trigger(store) == trigger, "the trigger is created again as it was")
            // The trigger works again for interactions added later.
            _ = try store.log(
                Interaction(personID: dana, occurredAt: Fixtures.noon("2026-03-01"), kind: .call, note: "Zurich call"),
                context: Fixtures.context)
            #expect(try store.search("zurich").count == 3)
            // Undoing the import takes its notes out of the index.
            let imported = try #require(try store.changes().dropFirst().first)
            try store.undo(context: Fixtures.context)
            try store.undo(imported.id, context: Fixtures.context)
            #expect(try store.search("zurich").isEmpty)
        }
    }
}
