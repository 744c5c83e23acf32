import Foundation
import GRDB

/// What a read-only look at a file says about it: whether it is a Ties store this version understands.
///
/// A Ties store has ``Store/applicationID`` in its header. A store made before application ids were set has
/// none (0), and is recognised by its schema instead: the `v1` migration recorded by GRDB *and* Ties's own
/// tables with their own columns — another GRDB application's first migration may be called `v1` too.
/// Nothing is written: the probe connection is read-only and waits for writers like every other.
struct StoreIdentity {
    /// Every known migration has been applied.
    var upToDate: Bool
    /// The migrations recorded in the file.
    var applied: [String]
    /// The file has Ties's application id (false: a store from before application ids).
    var stamped: Bool

    /// Tables and columns of the `v1` schema that together tell a Ties store from another GRDB file.
    static let signature: [String: Set<String>] = [
        "person": ["id", "name", "organisation_id", "recruiter_kind", "closeness", "archived", "created_at"],
        "interaction": ["person_id", "occurred_at", "kind", "direction", "answered", "group_size", "source_id"],
        "relationship_state": ["person_id", "first_day", "last_day", "episodes", "strength_sum", "activity_sum"],
        "tie": ["person_a", "person_b", "kind", "weight"],
        "setting": ["key", "value"],
    ]

    /// Checks `url`, read-only.
    ///
    /// Only a write that was interrupted is undone first: a store in rollback-journal mode (a large
    /// import's, ``Store/switchToRollbackJournal(_:)``) whose process ended during a transaction has a hot
    /// journal, which SQLite must roll back before anyone reads the file, and a read-only connection cannot
    /// (``rollBackInterruptedWrite(_:)``).
    /// - Throws: ``StoreError`` saying exactly what is wrong.
    static func check(_ url: URL, rolledBack: Bool = false) throws(StoreError) -> StoreIdentity {
        let path = url.path
        try checkFile(path)
        let facts: (id: Int32, version: Int, applied: [String], signatureHolds: Bool)
        do {
            let probe = try DatabaseQueue(path: path, configuration: Store.configuration(readOnly: true))
            defer { try? probe.close() }
            facts = try probe.read { db in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                guard id == Store.applicationID || id == 0 else { return (id, version, [], false) }
                let applied =
                    try db.tableExists("grdb_migrations")
                    ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") : []
                return (id, version, applied, try signatureHolds(db))
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_READONLY_ROLLBACK && !rolledBack {
            try rollBackInterruptedWrite(path)
            return try check(url, rolledBack: true)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw .notAStore(path: path, reason: "it is not a SQLite database")
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_CANTOPEN && !StoreError.folderIsReadOnly(path)
        {
            throw .unreadable(path: path, reason: error.message ?? "cannot open")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_PERM || error.resultCode == .SQLITE_AUTH {
            throw .unreadable(path: path, reason: error.message ?? "permission denied")
        } catch {
            throw StoreError.wrap(error, path: path)
        }
        return try identity(path: path, facts)
    }

    /// Rolls back the hot journal of the store at `path` (its `-journal` file), as SQLite does when a
    /// writable connection first reads the file: the store is then as its last committed transaction left it.
    private static func rollBackInterruptedWrite(_ path: String) throws(StoreError) {
        do {
            let connection = try DatabaseQueue(path: path, configuration: Store.configuration(readOnly: false))
            defer { try? connection.close() }
            _ = try connection.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_schema") }
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN
        {
            throw .unreadable(
                path: path,
                reason:
                    "a write to it was interrupted, and its journal (\(path)-journal) must be rolled back before it can be read, which needs the file and its folder writable"
            )
        } catch {
            throw StoreError.wrap(error, path: path)
        }
    }

    /// The checks that need no SQLite: the file exists, is a file, is readable and is not empty.
    private static func checkFile(_ path: String) throws(StoreError) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missing(path: path) }
        if isDirectory.boolValue { throw .notAStore(path: path, reason: "it is a folder") }
        guard fileManager.isReadableFile(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied")
        }
        let size = (try? fileManager.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size == 0 { throw .notAStore(path: path, reason: "the file is empty") }
    }

    private static func identity(
        path: String, _ facts: (id: Int32, version: Int, applied: [String], signatureHolds: Bool)
    ) throws(StoreError) -> StoreIdentity {
        if facts.id != Store.applicationID && facts.id != 0 {
            let hex = String(UInt32(bitPattern: facts.id), radix: 16)
            throw .notAStore(path: path, reason: "it belongs to another application (application id 0x\(hex))")
        }
        guard facts.applied.contains("v1"), facts.signatureHolds else {
            throw .notAStore(path: path, reason: "it is a SQLite database without Ties tables")
        }
        let known = Schema.migrator.migrations
        if let unknown = facts.applied.first(where: { !known.contains($0) }) {
            throw .newerSchema(
                path: path, migration: unknown, version: max(facts.version, facts.applied.count), known: known.count)
        }
        if facts.version > known.count {
            throw .newerSchema(path: path, migration: "(unnamed)", version: facts.version, known: known.count)
        }
        return StoreIdentity(
            upToDate: Set(facts.applied) == Set(known), applied: facts.applied, stamped: facts.id != 0)
    }

    /// Whether every table of ``signature`` exists with at least its columns.
    private static func signatureHolds(_ db: Database) throws -> Bool {
        for (table, columns) in signature {
            guard try db.tableExists(table) else { return false }
            let present = Set(try db.columns(in: table).map(\.name))
            guard columns.isSubset(of: present) else { return false }
        }
        return true
    }
}
