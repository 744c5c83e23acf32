import Foundation
import GRDB
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesStore

/// Stores written before `v-speed-unique-index` hold the interaction table with its `UNIQUE (source,
/// source_id)` constraint; the migration makes the table again with the index `interaction_source` in its
/// place (which a first import can drop while it loads), keeping rows, ids, indexes and triggers.
@Suite("Store: the unique constraint on interactions becomes an index")
struct StoreUniqueIndexMigrationTests {
    /// The interaction table's rows, indexes (name, unique, origin) and triggers.
    func shape(_ db: Database) throws -> (rows: [[String]], indexes: [String], triggers: [String]) {
        let rows: [[String]] = try Row.fetchAll(db, sql: "SELECT * FROM interaction ORDER BY id").map { row in
            row.databaseValues.map(\.description)
        }
        let indexes: [String] = try Row.fetchAll(db, sql: "PRAGMA index_list(interaction)").map { row in
            let name: String = row["name"]
            let unique: Int = row["unique"]
            let origin: String = row["origin"]
            return "\(name) unique=\(unique) origin=\(origin)"
        }.sorted()
        let triggers = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'interaction' ORDER BY name")
        return (rows, indexes, triggers)
    }

    @Test("rows, ids, indexes and triggers are kept; (source, source id) stays unique; search still indexes notes")
    func migrated() throws {
        let dir = TemporaryDirectory()
        let url = dir.file("ties.sqlite")
        let old = try DatabaseQueue(path: url.path)
        try old.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try Schema.migrator.migrate(old, upTo: "v-speed-message-digests")
        try old.write { db in
            try ChangeLog.install(db)
            try Store.stamp(db)
            try db.execute(
                sql: """
                    INSERT INTO person (id, name, created_at) VALUES (1, 'Ana', 0), (2, 'Ben', 0);
                    INSERT INTO interaction (id, person_id, occurred_at, kind, direction, answered, note, source,
                        source_id, date_only) VALUES
                        (3, 1, 100, 'call', 'mutual', 1, 'talked about the board seat', 'csv', 'r-1', 0),
                        (7, 2, 200, 'message', 'in', 0, NULL, 'linkedin-messages', 'abc', 0),
                        (9, 1, 300, 'meeting', 'mutual', 1, NULL, 'manual', NULL, 1);
                    """)
        }
        let before = try old.read { db in try shape(db) }
        #expect(before.indexes.contains("sqlite_autoindex_interaction_1 unique=1 origin=u"))
        try old.close()

        // This migration alone, and the change log's triggers made again after it as after every run: the
        // next one, `v-speed-source-key`, moves the uniqueness to an integer key and adds its column
        // (StoreSourceKeyTests).
        let migrated = try DatabaseQueue(path: url.path)
        try Schema.migrator.migrate(migrated, upTo: "v-speed-unique-index")
        try migrated.write { db in try ChangeLog.install(db) }
        let after = try migrated.read { db in try shape(db) }
        #expect(after.rows == before.rows)
        #expect(after.triggers == before.triggers)
        let expected = [
            "interaction_person_time unique=0 origin=c", "interaction_source unique=1 origin=c",
            "interaction_unanswered unique=0 origin=c",
        ]
        #expect(after.indexes == expected)
        try migrated.write { db in
            #expect(throws: DatabaseError.self) {
                try db.execute(
                    sql: """
                        INSERT INTO interaction (person_id, occurred_at, kind, direction, source, source_id)
                        VALUES (2, 400, 'call', 'out', 'csv', 'r-1')
                        """)
            }
            try db.execute(
                sql: """
                    INSERT INTO interaction (person_id, occurred_at, kind, direction, note, source)
                    VALUES (2, 500, 'call', 'out', 'a referral to the cardiology chief', 'manual')
                    """)
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
        let found = try migrated.read { db in
            try Int64.fetchAll(
                db, sql: "SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid",
                arguments: ["cardiology OR board"])
        }
        let rowIDs: [Int64] = [3 * 8 + 4, 10 * 8 + 4]  // the search index's rowids of interactions 3 and 10
        #expect(found == rowIDs)
    }
}
