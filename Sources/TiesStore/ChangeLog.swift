import GRDB

/// The change log's tables and the triggers that fill it.
///
/// Every write the store makes runs inside a *change*: a row of `change` (when, the command line, a summary)
/// opened in the same transaction as the write (see ``Store/recordingChange(_:_:_:)``). While a change is open
/// its id sits in the one-row table `change_open`, and a trigger on every record table copies what each
/// statement did into `change_row`:
///
/// - an insert: the new row's key only (undoing it deletes that key; a million-row import pays for one small
///   row each, not for a copy of every row);
/// - an update or a delete: the key and the row as it was, as a JSON object of every column;
/// - an update that changes the key: a delete of the old key and an insert of the new one.
///
/// A bulk write (an import) names its table in `change_open.bulk`: the triggers then record nothing for
/// that table, and the writer records the rows it added as ranges of ids (`insert_range`, key
/// `[first, last, rows]`), which undoing deletes whole (`delete_range`, which cannot be undone in turn: the rows
/// were not copied; importing the file again puts them back). A million-row import would otherwise pay for
/// a million trigger-made rows (measured: 3–4 × the import's time).
///
/// Nothing is recorded when no change is open (a write made with the `sqlite3` shell, say). Derived tables —
/// relationship states, score and network snapshots, the search index — are not recorded: they are caches,
/// rebuilt from the records after an undo.
///
/// The triggers name every column of their table, so they are made again, from the schema as it then is,
/// whenever migrations run (``install(_:)``): a later migration that adds a column is covered without
/// having to remember it.
enum ChangeLog {
    /// Tables whose rows are not records: the change log itself, GRDB's migrations and the derived caches.
    static let unrecorded: Set<String> = [
        "change", "change_row", "change_open", "grdb_migrations", "relationship_state", "score_snapshot",
        "network_snapshot",
    ]

    /// Settings that are caches (the fingerprint of the stored states), not the user's settings.
    static let unrecordedSettingPrefix = "state."

    /// Drops and makes again the recording triggers of every record table, from the current schema.
    static func install(_ db: Database) throws {
        guard try db.tableExists("change_open") else { return }
        let existing = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'change\\_%' ESCAPE '\\'")
        for name in existing { try db.execute(sql: "DROP TRIGGER \(name.quotedDatabaseIdentifier)") }
        for table in try recordedTables(db) {
            for sql in try triggers(for: table, db) { try db.execute(sql: sql) }
        }
    }

    /// Every table whose rows are records (not virtual, not shadow tables of the search index).
    static func recordedTables(_ db: Database) throws -> [String] {
        let names = try String.fetchAll(
            db,
            sql: """
                SELECT name FROM sqlite_master
                WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL%'
                ORDER BY name
                """)
        let virtual = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'")
        return names.filter { name in
            !unrecorded.contains(name) && !virtual.contains { name.hasPrefix($0 + "_") }
        }
    }

    /// A table's columns and its key, as the triggers and the undo need them.
    struct Shape {
        var table: String
        /// Every column, in table order, with whether it holds floating-point numbers.
        var columns: [(name: String, real: Bool)]
        /// The primary key's columns (`rowid` for a table without a declared key).
        var key: [String]

        init(_ table: String, _ db: Database) throws {
            self.table = table
            let rows = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))")
            columns = rows.map { ($0["name"], ($0["type"] as String).uppercased().contains("REAL")) }
            let keyed = rows.filter { ($0["pk"] as Int) > 0 }.sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }
            key = keyed.isEmpty ? ["rowid"] : keyed.map { $0["name"] }
        }

        /// The SQL value of the key of the row `prefix` (`NEW` or `OLD`) names: the value itself for a
        /// one-column key, a JSON array otherwise.
        func keyExpression(_ prefix: String) -> String {
            let parts = key.map { "\(prefix).\($0.quotedDatabaseIdentifier)" }
            return parts.count == 1 ? parts[0] : "json_array(\(parts.joined(separator: ", ")))"
        }

        /// The key, as ``keyExpression(_:)`` stores it, of a row read back from the table itself.
        var keySelect: String {
            let parts = key.map(\.quotedDatabaseIdentifier)
            return parts.count == 1 ? parts[0] : "json_array(\(parts.joined(separator: ", ")))"
        }

        /// A JSON object of the whole row. Floating-point values are written with 17 digits (as text, which
        /// the column's REAL affinity turns back into the same number), because JSON's 15 would not give back
        /// the same value.
        func image(_ prefix: String) -> String {
            let pairs = columns.map { column in
                let value = "\(prefix).\(column.name.quotedDatabaseIdentifier)"
                let json =
                    column.real ? "CASE WHEN \(value) IS NULL THEN NULL ELSE printf('%!.17g', \(value)) END" : value
                return "'\(column.name)', \(json)"
            }
            return "json_object(\(pairs.joined(separator: ", ")))"
        }
    }

    /// The three recording triggers of one table.
    static func triggers(for table: String, _ db: Database) throws -> [String] {
        let shape = try Shape(table, db)
        let name = table.quotedDatabaseIdentifier
        let literal = "'\(table.replacingOccurrences(of: "'", with: "''"))'"
        func rowInsert(_ op: String, key: String, old: String) -> String {
            "INSERT INTO change_row (change_id, tbl, op, key, old) SELECT id, \(literal), '\(op)', \(key), \(old) FROM change_open WHERE bulk IS NOT \(literal);"
        }
        func when(_ prefix: String) -> String {
            table == "setting" ? " WHEN \(prefix).key NOT LIKE '\(unrecordedSettingPrefix)%'" : ""
        }
        let sameKey = shape.key.map { "OLD.\($0.quotedDatabaseIdentifier) IS NEW.\($0.quotedDatabaseIdentifier)" }
            .joined(separator: " AND ")
        let settingGuard = table == "setting" ? " AND NEW.key NOT LIKE '\(unrecordedSettingPrefix)%'" : ""
        return [
            """
            CREATE TRIGGER "change_\(table)_insert" AFTER INSERT ON \(name)\(when("NEW")) BEGIN
                \(rowInsert("insert", key: shape.keyExpression("NEW"), old: "NULL"))
            END
            """,
            """
            CREATE TRIGGER "change_\(table)_update" AFTER UPDATE ON \(name) WHEN \(sameKey)\(settingGuard) BEGIN
                \(rowInsert("update", key: shape.keyExpression("OLD"), old: shape.image("OLD")))
            END
            """,
            """
            CREATE TRIGGER "change_\(table)_rekey" AFTER UPDATE ON \(name) WHEN NOT (\(sameKey))\(settingGuard) BEGIN
                \(rowInsert("delete", key: shape.keyExpression("OLD"), old: shape.image("OLD")))
                \(rowInsert("insert", key: shape.keyExpression("NEW"), old: "NULL"))
            END
            """,
            """
            CREATE TRIGGER "change_\(table)_delete" AFTER DELETE ON \(name)\(when("OLD")) BEGIN
                \(rowInsert("delete", key: shape.keyExpression("OLD"), old: shape.image("OLD")))
            END
            """,
        ]
    }
}
