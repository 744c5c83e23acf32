import Foundation
import GRDB
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
        let dana = try store.person("Dana").id
        #expect(try store.states(asOf: Fixtures.day("2026-03-31"), context: Fixtures.context)[dana]?.episodes == 3)
    }

    @Test("on a first import, a row whose person matches no one but whose source id was just imported is present")
    func unmatchedDuplicateOnFirstImport() throws {
        // A first import drops the unique index and finds rows already present in memory; the rows that match
        // no one are looked up there too, not reported as unmatched.
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        try store.addPerson(Person(name: "Dana"), at: Fixtures.now)
        var stranger = record(nil, sourceID: "a", line: 2)
        stranger.keys = [.name("Nobody Known")]
        var fresh = record(nil, sourceID: "b", line: 3)
        fresh.keys = [.name("Nobody Known")]
        let summary = try store.importBatch(
            people: [], interactions: [record(nil, sourceID: "a", line: 1), stranger, fresh], createPeople: false,
            dryRun: false, context: Fixtures.context, now: Fixtures.now)
        #expect(summary.interactionsAdded == 1 && summary.interactionsExisting == 1)
        #expect(summary.unmatched.map(\.line) == [3])
    }

    @Test("on a first import, a row left out for its taken id does not hide a later row with its source id")
    func takenIDThenSourceID() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        try store.addPerson(Person(name: "Dana"), at: Fixtures.now)
        let batch = [
            record(40, sourceID: "x", line: 1), record(40, sourceID: "y", line: 2), record(41, sourceID: "y", line: 3),
        ]
        let summary = try store.importBatch(
            people: [], interactions: batch, createPeople: false, dryRun: false, context: Fixtures.context,
            now: Fixtures.now)
        #expect(summary.interactionsAdded == 2 && summary.interactionsExisting == 1)
        #expect(try store.interactions().map(\.sourceID) == ["x", "y"])
    }

    /// Every stored state, read straight from the table.
    func storedStates(_ store: Store) throws -> [[String]] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM relationship_state ORDER BY person_id").map { row in
                row.databaseValues.map(\.description)
            }
        }
    }

    @Test("a first import computes the states from the new interactions; they equal a rebuild from the table")
    func firstImportStates() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        var records: [InteractionRecord] = []
        for name in ["Ana", "Ben", "Cy"] { try store.addPerson(Person(name: name, roles: [.mentor]), at: Fixtures.now) }
        // Out of order in person and time, two on some days, in and out.
        for k in 0..<300 {
            let name = ["Ana", "Ben", "Cy"][k * 7 % 11 % 3]
            let when = Fixtures.noon("2025-01-01").addingTimeInterval(Double(k * 104_729 % (400 * 86_400)))
            records.append(
                InteractionRecord(
                    interaction: Interaction(
                        personID: 0, occurredAt: when, kind: k % 4 == 0 ? .meeting : .email,
                        direction: k % 3 == 0 ? .inbound : .outbound, sourceID: "r\(k)"),
                    keys: [.name(name)], file: "f.csv", line: k + 2))
        }
        func indexes() throws -> [String] {
            try store.read { db in
                try String.fetchAll(
                    db,
                    sql: "SELECT name || ': ' || ifnull(sql, '') FROM sqlite_master WHERE type = 'index' ORDER BY name")
            }
        }
        let before = try indexes()
        let summary = try store.importBatch(
            people: [], interactions: records, createPeople: false, dryRun: false, context: Fixtures.context,
            now: Fixtures.now)
        #expect(summary.interactionsAdded == 300)
        // The indexes dropped for the load are back, as they were.
        #expect(try indexes() == before && before.contains { $0.contains("interaction_unanswered") })
        let imported = try storedStates(store)
        #expect(imported.count == 3)
        try store.write { db in try StateCache.rebuildAll(context: Fixtures.context, db) }
        #expect(try storedStates(store) == imported)
    }

    @Test("an interaction already stored counts as present even when its person no longer matches its keys")
    func presentAfterRename() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        try store.addPerson(Person(name: "Dana"), at: Fixtures.now)
        let batch = [record(nil, sourceID: "a", line: 1)]
        _ = try store.importBatch(
            people: [], interactions: batch, createPeople: false, dryRun: false, context: Fixtures.context,
            now: Fixtures.now)
        var dana = try store.person("Dana").record
        dana.name = "Dana Reyes"
        try store.updatePerson(dana, context: Fixtures.context)
        let again = try store.importBatch(
            people: [], interactions: batch, createPeople: false, dryRun: false, context: Fixtures.context,
            now: Fixtures.now)
        #expect(again.interactionsExisting == 1 && again.interactionsAdded == 0 && again.unmatched.isEmpty)
        let fresh = [record(nil, sourceID: "b", line: 2)]
        let unmatched = try store.importBatch(
            people: [], interactions: fresh, createPeople: false, dryRun: false, context: Fixtures.context,
            now: Fixtures.now)
        #expect(unmatched.unmatched.map(\.line) == [2] && unmatched.interactionsExisting == 0)
    }

    /// A large import (``Store/importing(createPeople:dryRun:context:now:cacheMiB:large:_:)``) of what `body`
    /// adds, into `store`.
    func importLarge(_ store: Store, _ body: (inout StoreImporter) throws(StoreError) -> Void) throws -> ImportSummary {
        try store.importing(
            createPeople: false, dryRun: false, context: Fixtures.context, now: Fixtures.now, large: true
        ) { (importer: inout StoreImporter) throws(StoreError) in
            try body(&importer)
            return true
        }
    }

    /// The names of the indexes on the interaction table.
    func interactionIndexes(_ store: Store) throws -> Set<String> {
        Set(
            try store.read { db in
                try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'interaction'")
            })
    }

    @Test("a large import builds its indexes again and sets the connection's cache, temp store and threads back")
    func largeImportSetsTheConnectionBack() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        try store.addPerson(Person(name: "Dana"), at: Fixtures.now)
        func settings() throws -> [Int] {
            try store.read { db in
                try ["cache_size", "temp_store", "threads"].map { try Int.fetchOne(db, sql: "PRAGMA \($0)") ?? -1 }
            }
        }
        let before = try settings()
        var during: [Int] = []
        let summary = try importLarge(store) { (importer: inout StoreImporter) throws(StoreError) in
            during = ["temp_store", "threads"].map { (try? Int.fetchOne(importer.db, sql: "PRAGMA \($0)")) ?? -1 }
            try importer.add(
                (1...50).map { n in
                    InteractionRecord(
                        interaction: Interaction(
                            personID: 0, occurredAt: Fixtures.now.addingTimeInterval(Double(-n) * 3600),
                            kind: .message, source: "linkedin-messages", sourceID: "m\(n)"),
                        keys: [.name("Dana")], file: "messages.csv", line: n)
                })
        }
        #expect(summary.interactionsAdded == 50)
        #expect(during == [2, before[2]], "the load keeps its statement journals in memory")
        #expect(try settings() == before)
        #expect(
            try interactionIndexes(store) == [
                "interaction_person_time", "interaction_source", "interaction_unanswered",
            ])
        #expect(try store.check(context: Fixtures.context).problems == [])
    }

    @Test("a large import that opens a temporary table still builds its indexes (sorting them in memory)")
    func largeImportBesideATemporaryTable() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        try store.addPerson(Person(name: "Dana"), at: Fixtures.now)
        let summary = try importLarge(store) { (importer: inout StoreImporter) throws(StoreError) in
            // SQLite then refuses to change where temporary data goes until the transaction ends.
            do { try importer.db.execute(sql: "CREATE TEMP TABLE kept (x)") } catch { throw StoreError.wrap(error) }
            try importer.add(record(nil, sourceID: "x", line: 1))
        }
        #expect(summary.interactionsAdded == 1)
        #expect(try interactionIndexes(store).contains("interaction_person_time"))
        #expect(try store.check(context: Fixtures.context).problems == [])
    }

    @Test("an import runs without SQLite's per-row parent check, leaves no orphan, and foreign keys are back on")
    func foreignKeysAfterImport() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        try store.addPerson(Person(name: "Dana"), at: Fixtures.now)
        for dryRun in [true, false] {
            var during: Bool?
            let summary = try store.importing(
                createPeople: true, dryRun: dryRun, context: Fixtures.context, now: Fixtures.now
            ) { (importer: inout StoreImporter) throws(StoreError) in
                during = try? Bool.fetchOne(importer.db, sql: "PRAGMA foreign_keys")
                try importer.add(
                    PersonRecord(person: Person(name: "Eli", organisation: "Acme"), file: "f.csv", line: 1))
                try importer.add(record(nil, sourceID: "x", line: 2))
                return true
            }
            #expect(during == false)
            #expect(summary.peopleAdded == 1 && summary.interactionsAdded == 1)
        }
        let (enforced, orphans) = try store.read { db throws -> (Bool?, Int) in
            (
                try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"),
                try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
            )
        }
        #expect(enforced == true && orphans == 0)
        // Enforced again: an interaction of no one is refused, and removing a person removes their interactions.
        #expect(throws: (any Error).self) {
            try store.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO interaction (person_id, occurred_at, kind, direction) VALUES (999, 0, 'call', 'out')"
                )
            }
        }
        let dana = try store.person("Dana").id
        try store.write { db in try db.execute(sql: "DELETE FROM person WHERE id = ?", arguments: [dana]) }
        #expect(try store.interactions().isEmpty)
    }

    @Test(
        "an attempt that says no is taken back, rows and the importer's memory of them, in a first import or not, large or not",
        arguments: [(false, false), (false, true), (true, false), (true, true)])
    func attemptTakenBack(history: Bool, large: Bool) throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        try store.addPerson(Person(name: "Dana"), at: Fixtures.now)
        if history {
            _ = try store.importBatch(
                people: [], interactions: [record(nil, sourceID: "old", line: 1)], createPeople: false, dryRun: false,
                context: Fixtures.context, now: Fixtures.now)
        }
        let indexes = try store.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE tbl_name = 'interaction' ORDER BY name")
        }
        var kept = [true, true]
        let summary = try store.importing(
            createPeople: true, dryRun: false, context: Fixtures.context, now: Fixtures.now, large: large
        ) { (importer: inout StoreImporter) throws(StoreError) in
            kept[0] = try importer.tentatively { (importer: inout StoreImporter) throws(StoreError) -> Bool in
                try importer.add(PersonRecord(person: Person(name: "Eli"), file: "f.csv", line: 1))
                try importer.add([record(nil, sourceID: "a", line: 2), record(nil, sourceID: "b", line: 3)])
                return false
            }
            // The same rows again: new to the store and to the importer, as if the attempt had not been made.
            kept[1] = try importer.tentatively { (importer: inout StoreImporter) throws(StoreError) -> Bool in
                try importer.add([record(nil, sourceID: "a", line: 2), record(nil, sourceID: "c", line: 4)])
                return true
            }
            return true
        }
        #expect(kept == [false, true])
        #expect(summary.peopleAdded == 0 && summary.interactionsAdded == 2 && summary.interactionsExisting == 0)
        #expect(try store.people().map(\.name) == ["Dana"])
        let sources = try store.interactions().compactMap(\.sourceID).sorted()
        #expect(sources == (history ? ["a", "c", "old"] : ["a", "c"]))
        #expect(
            try store.read { db in
                try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE tbl_name = 'interaction' ORDER BY name")
            } == indexes)
        #expect(try store.check(context: Fixtures.context).problems == [])
    }

    @Test("an import whose body says no, or a dry run, leaves every table as it was")
    func rolledBack() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        try store.addPerson(Person(name: "Dana"), at: Fixtures.now)
        let before = try store.interactions().count
        for dryRun in [false, true] {
            let summary = try store.importing(
                createPeople: true, dryRun: dryRun, context: Fixtures.context, now: Fixtures.now
            ) { (importer: inout StoreImporter) throws(StoreError) in
                try importer.add(PersonRecord(person: Person(name: "Eli"), file: "f.csv", line: 1))
                try importer.add(record(nil, sourceID: "z", line: 2))
                return dryRun
            }
            #expect(summary.peopleAdded == 1 && summary.interactionsAdded == 1)
            #expect(try store.interactions().count == before)
            #expect(try store.people().map(\.name) == ["Dana"])
        }
    }
}
