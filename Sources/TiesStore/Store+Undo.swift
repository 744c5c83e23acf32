import Foundation
import GRDB
import TiesCore

/// One row a change touched: its table and key.
struct RowKey: Hashable {
    var table: String
    var key: DatabaseValue
}

/// The rows a change touched: single keys, and the id ranges of bulk inserts.
struct TouchedRows {
    var keys = Set<RowKey>()
    var ranges: [String: [ClosedRange<Int64>]] = [:]

    init(_ rows: [Row]) {
        for row in rows { add(table: row["tbl"], op: row["op"], key: row["key"]) }
    }

    mutating func add(table: String, op: String, key: DatabaseValue) {
        if op.hasSuffix("_range") {
            if let range = Self.range(key) { ranges[table, default: []].append(range) }
        } else {
            keys.insert(RowKey(table: table, key: key))
        }
    }

    /// `[first, last, rows]` as the range of ids.
    static func range(_ key: DatabaseValue) -> ClosedRange<Int64>? {
        guard let text = String.fromDatabaseValue(key) else { return nil }
        let bounds = text.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")).split(separator: ",")
            .compactMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
        guard bounds.count >= 2, bounds[0] <= bounds[1] else { return nil }
        return bounds[0]...bounds[1]
    }

    /// Whether a row another change recorded (`op` on `key` of `table`) is one of these.
    func contains(table: String, op: String, key: DatabaseValue) -> Bool {
        let mine = ranges[table] ?? []
        if op.hasSuffix("_range") {
            guard let other = Self.range(key) else { return false }
            if mine.contains(where: { $0.overlaps(other) }) { return true }
            return keys.contains { $0.table == table && Int64.fromDatabaseValue($0.key).map(other.contains) == true }
        }
        if keys.contains(RowKey(table: table, key: key)) { return true }
        guard let id = Int64.fromDatabaseValue(key) else { return false }
        return mine.contains { $0.contains(id) }
    }
}

extension Store {
    /// Reverts a recorded change, itself as a new change, and rebuilds the relationship states.
    ///
    /// Without an id, the most recent change still in effect is undone. Undoing an undo does the change again.
    /// A change cannot be undone while a later change still in effect touched any of the same rows, removed a
    /// row it would restore a reference to, or added rows that refer to a row it would remove: the error names
    /// that later change, and nothing is written.
    /// - Returns: the change undone and the new change that undid it.
    /// - Throws: ``StoreError/undoRefused(_:)`` for an unknown id, a change undone already, or a later change in
    ///   the way.
    /// - Complexity: O(rows the change touched + rows of the later changes) statements and lookups, then a
    ///   rebuild of every relationship state.
    @discardableResult
    public func undo(_ id: Int64? = nil, context: ScoringContext) throws(StoreError) -> (
        undone: RecordedChange, by: RecordedChange
    ) {
        let ids = try write { db -> (Int64, Int64) in
            guard let current = try Self.openChange(db) else {
                throw StoreError.undoRefused(.noChangeLog)
            }
            let log = try ChangeHistory(db, excluding: current)
            let target = try log.target(id)
            try db.execute(
                sql: "UPDATE change SET summary = ? WHERE id = ?", arguments: ["undo of #\(target.id)", current])
            try Self.revert(target, current: current, log: log, db)
            try db.execute(sql: "UPDATE change SET undone_by = ? WHERE id = ?", arguments: [current, target.id])
            try db.execute(sql: "UPDATE change SET undoes = ? WHERE id = ?", arguments: [target.id, current])
            // The undo may have put back another scoring configuration: rebuild under the one now stored.
            var rebuilt = context
            rebuilt.configuration = try Self.fetchConfiguration(db)
            try StateCache.rebuildAll(context: rebuilt, db)
            return (target.id, current)
        }
        let changes = try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM change WHERE id IN (?, ?) ORDER BY id", arguments: [ids.0, ids.1])
                .map(Self.change(from:))
        }
        guard changes.count == 2 else { throw .database("the change log lost change #\(ids.0) or #\(ids.1)") }
        return (changes[0], changes[1])
    }

    /// Applies the inverse of every row of `target`, newest first, then checks that the result stands alone.
    private static func revert(_ target: ChangeHistory.Entry, current: Int64, log: ChangeHistory, _ db: Database)
        throws
    {
        let rows = try Row.fetchAll(
            db, sql: "SELECT tbl, op, key, old FROM change_row WHERE seq BETWEEN ? AND ? ORDER BY seq DESC",
            arguments: [target.firstRow, target.lastRow])
        let keys = TouchedRows(rows)
        if let later = try log.latestTouching(keys, after: target.id, db) {
            throw StoreError.undoRefused(.laterChange(target.id, LaterChange(id: later.id, command: later.command)))
        }
        let start = (try Int64.fetchOne(db, sql: "SELECT max(seq) FROM change_row") ?? 0) + 1
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        var shapes: [String: ChangeLog.Shape] = [:]
        var sourceKeys: SourceKeys?
        for row in rows {
            let table: String = row["tbl"]
            if shapes[table] == nil { shapes[table] = try ChangeLog.Shape(table, db) }
            guard let shape = shapes[table] else { continue }
            do {
                var old: String? = row["old"]
                if table == "interaction", let image = old, let id = Int64.fromDatabaseValue(row["key"]) {
                    var keys = try sourceKeys ?? SourceKeys(db)
                    old = try Self.withSourceKey(image, id: id, &keys, db)
                    sourceKeys = keys
                }
                try apply(inverseOf: row["op"], key: row["key"], old: old, shape, db)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                let later = try log.latest(after: target.id, inTable: table, db)
                throw StoreError.undoRefused(
                    .conflict(
                        target.id, reason: error.message ?? "a record conflicts",
                        later: later.map { LaterChange(id: $0.id, command: $0.command) }))
            }
        }
        try checkCascades(of: keys, since: start, target: target, log: log, db)
        try checkReferences(Set(shapes.keys), target: target, log: log, db)
    }

    /// The change log's copy of an interaction row with the source key it is put back with: the copy's own is
    /// derived data, and copies made before keys existed have none (``SourceKeys/keyForRestoring(_:id:_:)``).
    private static func withSourceKey(_ image: String, id: Int64, _ keys: inout SourceKeys, _ db: Database) throws
        -> String
    {
        let key = try keys.keyForRestoring(image, id: id, db)
        return try String.fetchOne(db, sql: "SELECT json_set(?, '$.source_key', ?)", arguments: [image, key]) ?? image
    }

    /// The statement that undoes one recorded row.
    private static func apply(
        inverseOf op: String, key: DatabaseValue, old: String?, _ shape: ChangeLog.Shape, _ db: Database
    ) throws {
        let table = shape.table.quotedDatabaseIdentifier
        let keyCondition =
            shape.key.count == 1
            ? "\(shape.key[0].quotedDatabaseIdentifier) = ?2"
            : shape.key.enumerated().map { "\($1.quotedDatabaseIdentifier) = json_extract(?2, '$[\($0)]')" }
                .joined(separator: " AND ")
        func value(_ column: String) -> String {
            "json_extract(?1, '$.\"\(column.replacingOccurrences(of: "\"", with: "\"\""))\"')"
        }
        switch op {
        case "insert":
            try db.execute(sql: "DELETE FROM \(table) WHERE \(keyCondition)", arguments: [nil as String?, key])
        case "insert_range":
            // Deleted whole, as it was recorded: the rows are not copied, so this undo records a range too.
            let literal = shape.table
            try db.execute(sql: "UPDATE change_open SET bulk = ?", arguments: [literal])
            try db.execute(
                sql: "DELETE FROM \(table) WHERE rowid BETWEEN json_extract(?1, '$[0]') AND json_extract(?1, '$[1]')",
                arguments: [key])
            try db.execute(sql: "UPDATE change_open SET bulk = NULL")
            try db.execute(
                sql:
                    "INSERT INTO change_row (change_id, tbl, op, key) SELECT id, ?, 'delete_range', ? FROM change_open",
                arguments: [literal, key])
        case "delete_range":
            throw StoreError.undoRefused(.importedRowsNotCopied)
        case "delete":
            let names = shape.columns.map(\.name)
            try db.execute(
                sql: """
                    INSERT INTO \(table) (\(names.map(\.quotedDatabaseIdentifier).joined(separator: ", ")))
                    SELECT \(names.map(value).joined(separator: ", "))
                    """, arguments: [old])
        default:
            let assignments = shape.columns.map { "\($0.name.quotedDatabaseIdentifier) = \(value($0.name))" }
            try db.execute(
                sql: "UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE \(keyCondition)",
                arguments: [old, key])
        }
    }

    /// Fails when reverting removed, through a cascade, rows the change itself never touched (rows a later
    /// change added that refer to a row the change added).
    private static func checkCascades(
        of keys: TouchedRows, since start: Int64, target: ChangeHistory.Entry, log: ChangeHistory, _ db: Database
    ) throws {
        let touched = try Row.fetchAll(
            db, sql: "SELECT tbl, op, key FROM change_row WHERE seq >= ? AND op NOT LIKE '%\\_range' ESCAPE '\\'",
            arguments: [start])
        let extraRows = touched.filter { !keys.contains(table: $0["tbl"], op: $0["op"], key: $0["key"]) }
        guard !extraRows.isEmpty else { return }
        let extra = TouchedRows(extraRows)
        let count = extra.keys.count
        let later = try log.latestTouching(extra, after: target.id, db)
        throw StoreError.undoRefused(
            .wouldRemove(target.id, count: count, addedBy: later.map { LaterChange(id: $0.id, command: $0.command) }))
    }

    /// Fails when a restored row refers to a row that a later change removed.
    private static func checkReferences(
        _ tables: Set<String>, target: ChangeHistory.Entry, log: ChangeHistory, _ db: Database
    ) throws {
        for table in tables.sorted() {
            let broken = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check(\(table.quotedDatabaseIdentifier))")
            guard let parent = broken.first?["parent"] as String? else { continue }
            let later = try log.latest(after: target.id, inTable: parent, db)
            throw StoreError.undoRefused(
                .refersToRemoved(
                    target.id, noun: noun(for: parent, count: 1),
                    removedBy: later.map { LaterChange(id: $0.id, command: $0.command) }))
        }
    }
}

/// The change log's bookkeeping: which changes are still in effect.
struct ChangeHistory {
    struct Entry {
        var id: Int64
        var command: String
        var firstRow: Int64
        var lastRow: Int64
        var undoes: Int64?
        var undoneBy: Int64?
    }

    private var entries: [Int64: Entry] = [:]
    private let order: [Int64]

    init(_ db: Database, excluding current: Int64) throws {
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, command, first_row, last_row, undoes, undone_by FROM change WHERE id <> ? ORDER BY id",
            arguments: [current])
        for row in rows {
            entries[row["id"]] = Entry(
                id: row["id"], command: row["command"], firstRow: row["first_row"], lastRow: row["last_row"],
                undoes: row["undoes"], undoneBy: row["undone_by"])
        }
        order = rows.map { $0["id"] }
    }

    /// Whether a change's effect is in the store: it was never undone, or its undo was itself undone.
    func isInEffect(_ id: Int64) -> Bool {
        guard let by = entries[id]?.undoneBy else { return true }
        return !isInEffect(by)
    }

    /// A change whose own rows are its effect: in effect, and not an undo (an undo in effect only cancels;
    /// an undone undo puts back a change that is then in effect itself).
    func counts(_ id: Int64) -> Bool { entries[id]?.undoes == nil && isInEffect(id) }

    /// The change `id` names, or the latest one in effect.
    func target(_ id: Int64?) throws -> Entry {
        guard let id else {
            guard let latest = order.last(where: counts), let entry = entries[latest] else {
                throw StoreError.undoRefused(.nothingToUndo)
            }
            return entry
        }
        guard let entry = entries[id] else {
            throw StoreError.undoRefused(.unknownChange(id))
        }
        if !isInEffect(id), let by = entry.undoneBy {
            throw StoreError.undoRefused(.alreadyUndone(id, by: by))
        }
        return entry
    }

    /// The latest change after `id` that counts and touched any of `keys`.
    func latestTouching(_ keys: TouchedRows, after id: Int64, _ db: Database) throws -> Entry? {
        for later in order.reversed() where later > id && counts(later) {
            guard let entry = entries[later] else { continue }
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT tbl, op, key FROM change_row WHERE seq BETWEEN ? AND ?",
                arguments: [entry.firstRow, entry.lastRow])
            while let row = try cursor.next() {
                if keys.contains(table: row["tbl"], op: row["op"], key: row["key"]) { return entry }
            }
        }
        return nil
    }

    /// The latest change after `id` that counts and touched a row of `table`.
    func latest(after id: Int64, inTable table: String, _ db: Database) throws -> Entry? {
        for later in order.reversed() where later > id && counts(later) {
            guard let entry = entries[later] else { continue }
            if try Bool.fetchOne(
                db, sql: "SELECT 1 FROM change_row WHERE seq BETWEEN ? AND ? AND tbl = ? LIMIT 1",
                arguments: [entry.firstRow, entry.lastRow, table]) != nil
            {
                return entry
            }
        }
        return nil
    }
}
