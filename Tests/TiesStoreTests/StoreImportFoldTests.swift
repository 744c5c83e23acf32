import Foundation
import GRDB
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesStore

/// A large import into a store that already holds a history computes the states of the people it touched
/// from their earlier interactions and the new ones held in memory (``StateCache/rebuild(_:upTo:adding:context:_:)``)
/// instead of reading every interaction back: the states must be exactly those a rebuild from the table gives.
@Suite("Store: a large import folds its interactions into the states")
struct StoreImportFoldTests {
    static let names = (0..<260).map { "P\($0)" }

    /// Interactions with people `people`, out of order in person and time, several on some days, in and out.
    func records(_ count: Int, people: Range<Int>, from day: String, salt: Int, ids: Int64? = nil)
        -> [InteractionRecord]
    {
        (0..<count).map { k in
            let who = people.lowerBound + (k * 7 + salt) % people.count
            let when = Fixtures.noon(day).addingTimeInterval(Double((k * 104_729 + salt) % (300 * 86_400)))
            return InteractionRecord(
                interaction: Interaction(
                    id: ids.map { $0 + Int64(k) }, personID: 0, occurredAt: when,
                    kind: [.meeting, .email, .message, .call][k % 4], direction: k % 3 == 0 ? .inbound : .outbound,
                    answered: k % 5 != 0, source: "fold", sourceID: "s\(salt)-\(k)", dateOnly: k % 9 == 0),
                keys: [.name(Self.names[who])], file: "f.csv", line: k + 2)
        }
    }

    func storedStates(_ store: Store) throws -> [[String]] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM relationship_state ORDER BY person_id").map { row in
                row.databaseValues.map(\.description)
            }
        }
    }

    /// A store with the 260 people (some with roles, so that half-lives differ) and a first history.
    func storeWithHistory(_ dir: TemporaryDirectory) throws -> Store {
        let store = try Fixtures.store(in: dir)
        for (k, name) in Self.names.enumerated() {
            let roles: Set<Role> = k % 5 == 0 ? [.recruiter] : k % 7 == 0 ? [.mentor] : []
            try store.addPerson(Person(name: name, roles: roles), at: Fixtures.now)
        }
        _ = try store.importBatch(
            people: [], interactions: records(900, people: 0..<260, from: "2024-01-01", salt: 1), createPeople: false,
            dryRun: false, context: Fixtures.context, now: Fixtures.now)
        return store
    }

    @Test("new interactions for 240 of 260 people, older and newer than the history: states equal a rebuild")
    func folded() throws {
        let dir = TemporaryDirectory()
        let store = try storeWithHistory(dir)
        let untouched = try storedStates(store).filter { Int($0[0]) ?? 0 > 240 }
        let summary = try store.importBatch(
            people: [], interactions: records(3000, people: 0..<240, from: "2023-06-01", salt: 2),
            createPeople: false, dryRun: false, context: Fixtures.context, now: Fixtures.now)
        #expect(summary.interactionsAdded == 3000)
        let imported = try storedStates(store)
        #expect(imported.count == 260)
        #expect(imported.filter { Int($0[0]) ?? 0 > 240 } == untouched)
        try store.write { db in try StateCache.rebuildAll(context: Fixtures.context, db) }
        #expect(try storedStates(store) == imported)
    }

    @Test("records that bring ids below the stored ones: every state is rebuilt from the table, the same result")
    func ownIDs() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        for name in Self.names { try store.addPerson(Person(name: name), at: Fixtures.now) }
        // A history with ids from 5,000 on, then an import whose rows bring ids 1–2,000.
        _ = try store.importBatch(
            people: [], interactions: records(500, people: 0..<260, from: "2024-01-01", salt: 3, ids: 5_000),
            createPeople: false, dryRun: false, context: Fixtures.context, now: Fixtures.now)
        _ = try store.importBatch(
            people: [], interactions: records(2000, people: 0..<250, from: "2024-03-01", salt: 4, ids: 1),
            createPeople: false, dryRun: false, context: Fixtures.context, now: Fixtures.now)
        let imported = try storedStates(store)
        try store.write { db in try StateCache.rebuildAll(context: Fixtures.context, db) }
        #expect(try storedStates(store) == imported)
        #expect(try store.interactions().count == 2500)
    }

    @Test("a first import drops the unique index of source ids too, unless it is large; both find repeated ids")
    func firstImportUniqueIndex() throws {
        // Each DROP INDEX and CREATE INDEX moves SQLite's schema version: a first import that is not large
        // drops and builds three indexes, a large one only the one on (person, time) (it keeps the unique one
        // and the partial one of unanswered messages up to date instead).
        var moves: [Bool: Int] = [:]
        for large in [false, true] {
            let dir = TemporaryDirectory()
            let store = try Fixtures.store(in: dir)
            for name in Self.names.prefix(10) { try store.addPerson(Person(name: name), at: Fixtures.now) }
            let version = { try store.read { db in try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0 } }
            let before = try version()
            let batch = records(300, people: 0..<10, from: "2025-02-01", salt: 3)
            let summary = try store.importing(
                createPeople: false, dryRun: false, context: Fixtures.context, now: Fixtures.now, large: large
            ) { (importer: inout StoreImporter) throws(StoreError) in
                for record in batch + batch.prefix(20) { try importer.add(record) }
                return true
            }
            #expect(summary.interactionsAdded == 300 && summary.interactionsExisting == 20)
            moves[large] = try version() - before
        }
        #expect(moves[false] == moves[true].map { $0 + 4 }, "schema version moved by \(moves)")
    }

    @Test(
        "a large import drops the index on (person, time) at its first new row and builds it again; none when nothing is new"
    )
    func largeImport() throws {
        let dir = TemporaryDirectory()
        let store = try storeWithHistory(dir)
        func indexes() throws -> [String] {
            try store.read { db in
                try String.fetchAll(
                    db,
                    sql:
                        "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
                )
            }
        }
        let before = try indexes()
        #expect(before.contains { $0.hasPrefix("interaction_person_time") })
        // Every DROP INDEX and CREATE INDEX moves SQLite's schema version.
        func schemaVersion() throws -> Int {
            try store.read { db in try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0 }
        }
        let batch = records(2000, people: 0..<230, from: "2025-02-01", salt: 6)
        var moves: [Int] = []
        for expected in [2000, 0] {
            let version = try schemaVersion()
            let summary = try store.importing(
                createPeople: false, dryRun: false, context: Fixtures.context, now: Fixtures.now, large: true
            ) { (importer: inout StoreImporter) throws(StoreError) in
                for record in batch { try importer.add(record) }
                return true
            }
            #expect(summary.interactionsAdded == expected)
            #expect(try indexes() == before)
            moves.append(try schemaVersion() - version)
        }
        // Both imports drop and re-create their triggers; only the one with new rows also drops and builds
        // the index on (person, time) (a drop and a creation); the unique one on the source key, which finds
        // the rows already present, and the partial one of unanswered messages are kept up to date.
        #expect(before.contains { $0.hasPrefix("interaction_source: CREATE UNIQUE INDEX") })
        #expect(before.contains { $0.hasPrefix("interaction_unanswered: CREATE INDEX") })
        #expect(moves[0] == moves[1] + 2, "schema version moved by \(moves)")
        let imported = try storedStates(store)
        try store.write { db in try StateCache.rebuildAll(context: Fixtures.context, db) }
        #expect(try storedStates(store) == imported)
    }
}
