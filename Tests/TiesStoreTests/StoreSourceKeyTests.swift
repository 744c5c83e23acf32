import Foundation
import GRDB
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesStore

/// `interaction.source_key`: the unique index is on the integer key of (source, source_id), and a pair whose
/// key another pair holds is stored without one (``SourceKeys``). Collisions are forced with
/// ``SourceKeys/forcedKey``: every source id starting `clash-` gets the key 42.
@Suite("Store: interactions are unique by an integer source key")
struct StoreSourceKeyTests {
    static let clashing: @Sendable (String, String) -> Int64 = { source, sourceID in
        sourceID.hasPrefix("clash-") ? 42 : SourceKey.folded(SourceKey.digest(source: source, sourceID: sourceID))
    }

    /// Every interaction's id, texts and key, in id order.
    static func keys(_ store: Store) throws -> [String] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT id, source, source_id, source_key FROM interaction ORDER BY id").map {
                row in row.databaseValues.map(\.description).joined(separator: " ")
            }
        }
    }

    static func record(_ sourceID: String?, id: Int64? = nil, day: Int = 1, keys: [PersonKey] = [.name("Dana")])
        -> InteractionRecord
    {
        InteractionRecord(
            interaction: Interaction(
                id: id, personID: 0, occurredAt: Fixtures.noon("2026-03-\(day < 10 ? "0" : "")\(day)"), kind: .call,
                source: "csv", sourceID: sourceID),
            keys: keys, file: "f.csv", line: day)
    }

    static func importing(_ store: Store, _ records: [InteractionRecord], large: Bool = false) throws -> ImportSummary {
        try store.importing(
            createPeople: false, dryRun: false, context: Fixtures.context, now: Fixtures.now, large: large
        ) { (importer: inout StoreImporter) throws(StoreError) in
            try importer.add(records)
            return true
        }
    }

    /// Every interaction, each column as text, in id order.
    static func rows(_ db: Database) throws -> [[String]] {
        try Row.fetchAll(db, sql: "SELECT * FROM interaction ORDER BY id").map {
            Array($0.databaseValues.map(\.description))
        }
    }

    /// An old store (schema up to `v-speed-unique-index`, keys not yet there) holding `rows`, then opened.
    static func migrated(_ dir: TemporaryDirectory, rows: String) throws -> (Store, before: [[String]]) {
        let url = dir.file("ties.sqlite")
        let old = try DatabaseQueue(path: url.path)
        try old.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try Schema.migrator.migrate(old, upTo: "v-speed-unique-index")
        try old.write { db in
            try ChangeLog.install(db)
            try Store.stamp(db)
            try db.execute(sql: "INSERT INTO person (id, name, created_at) VALUES (1, 'Dana', 0), (2, 'Ben', 0)")
            try db.execute(sql: rows)
        }
        let before = try old.read(Self.rows)
        try old.close()
        return (try Store.open(at: url), before)
    }

    @Test("the migration keeps every row and gives each with a source id its key; the index is on the key")
    func migration() throws {
        let dir = TemporaryDirectory()
        let (store, before) = try Self.migrated(
            dir,
            rows: """
                INSERT INTO interaction (id, person_id, occurred_at, kind, direction, note, source, source_id) VALUES
                    (3, 1, 100, 'call', 'mutual', 'about the board seat', 'csv', 'r-1'),
                    (7, 2, 200, 'message', 'in', NULL, 'linkedin-messages', 'abc'),
                    (9, 1, 300, 'meeting', 'mutual', NULL, 'manual', NULL),
                    (12, 2, 400, 'email', 'out', NULL, 'mail', 'd/ben@x.example');
                """)
        let after = try store.read(Self.rows)
        #expect(after.map { Array($0.dropLast()) } == before)  // every row, as it was, the key added
        let keys = try Self.keys(store)
        #expect(
            keys == [
                "3 \"csv\" \"r-1\" 320122472074886589",
                "7 \"linkedin-messages\" \"abc\" \(SourceKey.of(source: "linkedin-messages", sourceID: "abc")!)",
                "9 \"manual\" NULL NULL",
                "12 \"mail\" \"d/ben@x.example\" \(SourceKey.of(source: "mail", sourceID: "d/ben@x.example")!)",
            ])
        let indexed = try store.read { db in
            (
                try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info('interaction_source')"),
                try Int.fetchOne(
                    db, sql: "SELECT \"unique\" FROM pragma_index_list('interaction') WHERE name = 'interaction_source'"
                )
            )
        }
        #expect(indexed.0 == ["source_key"] && indexed.1 == 1)
        // The keys only: the old rows were put in by SQL, without relationship states.
        #expect(try store.read(Store.sourceKeyProblems) == [])
        // Importing the same records again finds them all by their keys.
        let again = try Self.importing(
            store, [Self.record("r-1", keys: [.id(1)]), Self.record("r-2", keys: [.id(1)])])
        #expect(again.interactionsAdded == 1 && again.interactionsExisting == 1)
    }

    @Test("the migration gives the later of two rows that share a key none; both stay, and neither comes twice")
    func migrationCollision() throws {
        let dir = TemporaryDirectory()
        try SourceKeys.$forcedKey.withValue(Self.clashing) {
            let (store, before) = try Self.migrated(
                dir,
                rows: """
                    INSERT INTO interaction (id, person_id, occurred_at, kind, direction, source, source_id) VALUES
                        (4, 1, 100, 'call', 'mutual', 'csv', 'clash-b'),
                        (2, 1, 200, 'call', 'mutual', 'csv', 'clash-a'),
                        (6, 1, 300, 'call', 'mutual', 'csv', 'r-6');
                    """)
            #expect(try store.interactions().count == before.count)
            #expect(
                try Self.keys(store) == [
                    "2 \"csv\" \"clash-a\" 42", "4 \"csv\" \"clash-b\" NULL",
                    "6 \"csv\" \"r-6\" \(Self.clashing("csv", "r-6"))",
                ])
            // The keys only: the old rows were put in by SQL, without relationship states.
            #expect(try store.read(Store.sourceKeyProblems) == [])
            let again = try Self.importing(
                store, ["clash-a", "clash-b", "r-6"].map { Self.record($0, keys: [.id(1)]) })
            #expect(again.interactionsAdded == 0 && again.interactionsExisting == 3)
            #expect(try store.interactions().count == 3)
        }
    }

    @Test("re-importing the same records adds nothing: into an empty table, into one with rows, and large")
    func reimport() throws {
        for large in [false, true] {
            let dir = TemporaryDirectory()
            let store = try Fixtures.store(in: dir)
            try store.addPerson(Person(name: "Dana"), at: Fixtures.now)
            let records = (1...6).map { Self.record("r-\($0)", day: $0) }
            let first = try Self.importing(store, records, large: large)  // a first import
            #expect(first.interactionsAdded == 6)
            let keys = try Self.keys(store)
            #expect(keys.allSatisfy { !$0.hasSuffix("NULL") })
            let again = try Self.importing(store, records + [Self.record("r-7", day: 7)], large: large)
            #expect(again.interactionsAdded == 1 && again.interactionsExisting == 6, "large: \(large)")
            #expect(try Self.keys(store).prefix(6) == keys.prefix(6))
            // A record that matches no one is "already present" when its source id is stored, not unmatched.
            let stranger = try Self.importing(store, [Self.record("r-3", keys: [.name("Nobody Known")])])
            #expect(stranger.interactionsExisting == 1 && stranger.unmatched.isEmpty)
            #expect(try store.check(context: Fixtures.context).problems == [])
        }
    }

    @Test("a forced collision stores both rows, the second without a key; importing either again adds nothing")
    func collision() throws {
        try SourceKeys.$forcedKey.withValue(Self.clashing) {
            // A first import (the unique index dropped while it loads, built at the end), a large first import
            // (the index kept), and imports into a table with rows.
            for (large, seeded) in [(false, false), (true, false), (false, true), (true, true)] {
                let note = "large: \(large), seeded: \(seeded)"
                let dir = TemporaryDirectory()
                let store = try Fixtures.store(in: dir)
                try store.addPerson(Person(name: "Dana"), at: Fixtures.now)
                if seeded { _ = try Self.importing(store, [Self.record("r-0", day: 9)], large: large) }
                let both = [Self.record("clash-a", day: 1), Self.record("clash-b", day: 2)]
                let summary = try Self.importing(store, both, large: large)
                #expect(summary.interactionsAdded == 2, "\(note)")
                let keys = try Self.keys(store).filter { $0.contains("clash") }
                #expect(keys.count == 2 && keys[0].hasSuffix("\"clash-a\" 42") && keys[1].hasSuffix("\"clash-b\" NULL"))
                for records in [both, [both[1]], [both[0]], both.reversed()] {
                    let again = try Self.importing(store, records, large: large)
                    #expect(again.interactionsAdded == 0 && again.interactionsExisting == records.count, "\(note)")
                }
                let strangers = try Self.importing(
                    store, ["clash-a", "clash-b", "clash-c"].map { Self.record($0, keys: [.name("Nobody Known")]) })
                #expect(strangers.interactionsExisting == 2 && strangers.unmatched.count == 1, "\(note)")
                let third = try Self.importing(store, [Self.record("clash-c", day: 3)], large: large)
                #expect(third.interactionsAdded == 1 && third.interactionsExisting == 0, "\(note)")
                #expect(try store.interactions().count == (seeded ? 4 : 3), "\(note)")
                #expect(try store.check(context: Fixtures.context).problems == [], "\(note)")
            }
        }
    }

    @Test("a contact logged or loaded with a taken key is stored without one; a second of one source id fails")
    func loggedAndLoaded() throws {
        try SourceKeys.$forcedKey.withValue(Self.clashing) {
            let dir = TemporaryDirectory()
            let store = try Fixtures.store(in: dir)
            let dana = try store.addPerson(Person(name: "Dana"), at: Fixtures.now).id
            func contact(_ sourceID: String?) -> Interaction {
                Interaction(
                    personID: dana, occurredAt: Fixtures.noon("2026-03-01"), kind: .call, source: "csv",
                    sourceID: sourceID)
            }
            let a = try store.log(contact("clash-a"), context: Fixtures.context).id
            let b = try store.log(contact("clash-b"), context: Fixtures.context).id
            let manual = try store.log(contact(nil), context: Fixtures.context).id
            #expect(
                try Self.keys(store) == [
                    "\(a) \"csv\" \"clash-a\" 42", "\(b) \"csv\" \"clash-b\" NULL", "\(manual) \"csv\" NULL NULL",
                ])
            for sourceID in ["clash-a", "clash-b"] {
                #expect(throws: StoreError.self) { try store.log(contact(sourceID), context: Fixtures.context) }
            }
            #expect(try store.interactions().count == 3)

            let loaded = try Fixtures.store(in: dir, name: "loaded.sqlite")
            let people = [Person(id: 1, name: "Dana")]
            let interactions = ["clash-a", "r-1", "clash-b"].map { id in
                Interaction(
                    personID: 1, occurredAt: Fixtures.noon("2026-03-01"), kind: .call, source: "csv", sourceID: id)
            }
            try loaded.load(
                organisations: [], people: people, ties: [], interactions: interactions, context: Fixtures.context,
                createdAt: Fixtures.now)
            #expect(
                try Self.keys(loaded) == [
                    "1 \"csv\" \"clash-a\" 42", "2 \"csv\" \"r-1\" \(Self.clashing("csv", "r-1"))",
                    "3 \"csv\" \"clash-b\" NULL",
                ])
            let twice = try Fixtures.store(in: dir, name: "twice.sqlite")
            #expect(throws: StoreError.self) {
                try twice.load(
                    organisations: [], people: people, ties: [], interactions: [interactions[0], interactions[0]],
                    context: Fixtures.context, createdAt: Fixtures.now)
            }
        }
    }

    @Test("the index refuses a second row with the key of a stored one")
    func uniqueKey() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let dana = try store.addPerson(Person(name: "Dana"), at: Fixtures.now).id
        try store.log(
            Interaction(
                personID: dana, occurredAt: Fixtures.noon("2026-03-01"), kind: .call, source: "csv", sourceID: "r-1"),
            context: Fixtures.context)
        try store.queue.write { db in
            _ = #expect(throws: DatabaseError.self) {
                try db.execute(
                    sql: """
                        INSERT INTO interaction (person_id, occurred_at, kind, direction, source, source_id, source_key)
                        VALUES (?, 400, 'call', 'out', 'csv', 'r-1', ?)
                        """, arguments: [dana, SourceKey.of(source: "csv", sourceID: "r-1")])
            }
        }
    }
}
