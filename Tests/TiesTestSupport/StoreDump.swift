import Foundation
import GRDB

/// Everything a store holds, as text: its header fields, its schema and every row of every table (sorted),
/// read through a read-only connection. Two dumps are equal when a command changed nothing in the store,
/// whatever SQLite did with its pages and its write-ahead log.
public enum StoreDump {
    public static func of(_ path: String) throws -> String {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            var lines = [
                "application_id \(try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0)",
                "user_version \(try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0)",
            ]
            let tables = try Row.fetchAll(
                db, sql: "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name")
            for table in tables {
                let name: String = table[0]
                lines.append("schema \(name): \(table[1] as String)")
                guard try db.tableExists(name) else { continue }
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(name.quotedDatabaseIdentifier)")
                lines.append(contentsOf: rows.map { "\(name) \($0.description)" }.sorted())
            }
            return lines.joined(separator: "\n")
        }
    }
}

extension StoreUnderTest {
    /// ``StoreDump/of(_:)`` of this store.
    public func dump() throws -> String { try StoreDump.of(db) }
}

/// Raw SQL on a store file, for tests that must put a store into a state no command makes (a damaged
/// relationship state, an older schema, another application's file, a held lock).
public enum StoreSQL {
    /// Runs `sql` on the file at `path` outside any transaction.
    public static func execute(_ path: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
        try queue.close()
    }

    /// The first column of the first row of `sql`, as text.
    public static func value(_ path: String, _ sql: String) throws -> String? {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchOne(db, sql: sql) }
    }

    /// Makes the file another GRDB application would: its own first migration is also called `v1`.
    public static func makeOtherGRDBApplication(at path: String) throws {
        let queue = try DatabaseQueue(path: path)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO note VALUES (1, 'x')")
        }
        try migrator.migrate(queue)
        try queue.close()
    }

    /// Runs `body` while another connection holds the store's write lock (`BEGIN IMMEDIATE`).
    public static func whileLocked<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            return try body()
        }
    }
}
