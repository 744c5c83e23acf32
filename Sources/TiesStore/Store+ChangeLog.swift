import Foundation
import GRDB

/// One recorded change: a command that wrote to the store, and what it did.
public struct RecordedChange: Sendable, Equatable, Identifiable {
    public var id: Int64
    /// When the command ran (wall-clock time, whole seconds).
    public var at: Date
    /// The command line, as the caller described it (``Store/recordChanges(as:)``).
    public var command: String
    /// What it did, counted by kind of record: "added 1 contact; changed 1 person".
    public var summary: String
    /// The change this one undid, if it was an undo.
    public var undoes: Int64?
    /// The change that undid this one, if any.
    public var undoneBy: Int64?

    public init(
        id: Int64, at: Date, command: String, summary: String, undoes: Int64? = nil, undoneBy: Int64? = nil
    ) {
        self.id = id
        self.at = at
        self.command = command
        self.summary = summary
        self.undoes = undoes
        self.undoneBy = undoneBy
    }
}

/// The description every change is recorded under, set once by whoever opened the store.
final class ChangeLabel: @unchecked Sendable {
    private let lock = NSLock()
    private var text = "ties"

    var command: String {
        get { lock.withLock { text } }
        set { lock.withLock { text = newValue } }
    }
}

extension Store {
    /// Names the changes this store object makes from now on in `ties history`: usually the command line.
    ///
    /// The store records every write whatever this says; it only labels them.
    public func recordChanges(as command: String) {
        changeLabel.command = command
    }

    /// The most recent changes, newest first.
    public func changes(limit: Int = 20) throws(StoreError) -> [RecordedChange] {
        try read { db in
            guard try db.tableExists("change") else { return [] }
            return try Row.fetchAll(
                db, sql: "SELECT * FROM change ORDER BY id DESC LIMIT ?", arguments: [limit]
            ).map(Self.change(from:))
        }
    }

    static func change(from row: Row) -> RecordedChange {
        RecordedChange(
            id: row["id"], at: Date(timeIntervalSince1970: TimeInterval(row["at"] as Int64)),
            command: row["command"], summary: row["summary"], undoes: row["undoes"], undoneBy: row["undone_by"])
    }

    /// Runs `body` as one recorded change labelled `command`, inside the caller's transaction.
    ///
    /// A change that wrote no record (only caches, or nothing) leaves no trace in the log.
    static func recordingChange<T>(_ command: String, _ db: Database, _ body: () throws -> T) throws -> T {
        guard try db.tableExists("change_open") else { return try body() }
        let first = (try Int64.fetchOne(db, sql: "SELECT max(seq) FROM change_row") ?? 0) + 1
        try db.execute(sql: "DELETE FROM change_open")
        try db.execute(
            sql: "INSERT INTO change (at, command, first_row, last_row) VALUES (?, ?, ?, ?)",
            arguments: [Int64(Date().timeIntervalSince1970.rounded(.down)), command, first, first - 1])
        let id = db.lastInsertedRowID
        try db.execute(sql: "INSERT INTO change_open (id) VALUES (?)", arguments: [id])
        let result = try body()
        try db.execute(sql: "DELETE FROM change_open")
        let last = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM change_row") ?? 0
        if last < first {
            try db.execute(sql: "DELETE FROM change WHERE id = ?", arguments: [id])
            return result
        }
        let prefix = try String.fetchOne(db, sql: "SELECT summary FROM change WHERE id = ?", arguments: [id]) ?? ""
        let summary = try summarise(first...last, db)
        try db.execute(
            sql: "UPDATE change SET summary = ?, last_row = ? WHERE id = ?",
            arguments: [prefix.isEmpty ? summary : prefix + ": " + summary, last, id])
        return result
    }

    /// Runs `body`, a bulk insert into `table`, with that table's triggers silent, then records the rows it
    /// added as ranges of ids (see ``ChangeLog``): one row per run of new ids instead of one per record.
    ///
    /// `newRows`, asked after `body`, may say which rows `body` added, as runs of consecutive ids of rows it
    /// inserted and kept (an import deletes none); when the table then holds as many rows as before and those,
    /// no other row was added, and the table's ids are not read again (a million messages: 0.10 s). Else, or
    /// when nil, the new rows are found by reading them.
    /// - Complexity: one or two ordered scans of the table's ids.
    static func recordingBulkInserts<T>(
        into table: String, _ db: Database, newRows: () -> [ClosedRange<Int64>]? = { nil }, _ body: () throws -> T
    ) throws -> T {
        guard try openChange(db) != nil else { return try body() }
        let name = table.quotedDatabaseIdentifier
        let before = try Int64.fetchAll(db, sql: "SELECT rowid FROM \(name) ORDER BY rowid")
        try db.execute(sql: "UPDATE change_open SET bulk = ?", arguments: [table])
        // The table's insert trigger records nothing while `bulk` names the table; dropped meanwhile, it also
        // spares every insert a statement journal (measured on `ties import csv`). Back before the end, in
        // the same transaction.
        let insertTrigger = try String.fetchOne(
            db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
            arguments: ["change_\(table)_insert"])
        if insertTrigger != nil {
            try db.execute(sql: "DROP TRIGGER \("change_\(table)_insert".quotedDatabaseIdentifier)")
        }
        let result = try body()
        if let insertTrigger { try db.execute(sql: insertTrigger) }
        try db.execute(sql: "UPDATE change_open SET bulk = NULL")
        var ranges = NewRowRanges(old: before)
        if let runs = newRows(),
            try Int.fetchOne(db, sql: "SELECT count(*) FROM \(name)") == before.count
                + runs.reduce(0, { $0 + $1.count })
        {
            for run in runs.sorted(by: { $0.lowerBound < $1.lowerBound }) { ranges.add(run) }
        } else {
            let cursor = try Int64.fetchCursor(db, sql: "SELECT rowid FROM \(name) ORDER BY rowid")
            while let id = try cursor.next() { ranges.add(id...id) }
        }
        for range in ranges.ranges {
            try db.execute(
                sql: """
                    INSERT INTO change_row (change_id, tbl, op, key)
                    SELECT id, ?, 'insert_range', json_array(?, ?, ?) FROM change_open
                    """, arguments: [table, range.ids.lowerBound, range.ids.upperBound, range.rows])
        }
        return result
    }

    /// The id of the change open in this transaction, if any.
    static func openChange(_ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM change_open")
    }

    /// "added 2 contacts; removed 1 person", in the order the kinds of record were first touched.
    static func summarise(_ rows: ClosedRange<Int64>, _ db: Database) throws -> String {
        let counts = try Row.fetchAll(
            db,
            sql: """
                SELECT tbl, replace(op, '_range', '') AS op,
                    sum(CASE WHEN op LIKE '%\\_range' ESCAPE '\\'
                        THEN coalesce(json_extract(key, '$[2]'), json_extract(key, '$[1]') - json_extract(key, '$[0]') + 1)
                        ELSE 1 END) AS n
                FROM change_row WHERE seq BETWEEN ? AND ?
                GROUP BY tbl, replace(op, '_range', '') ORDER BY min(seq)
                """, arguments: [rows.lowerBound, rows.upperBound])
        return counts.map { row in
            let verb = ["insert": "added", "update": "changed", "delete": "removed"][row["op"] as String] ?? "touched"
            let n: Int = row["n"]
            return "\(verb) \(n) \(noun(for: row["tbl"], count: n))"
        }.joined(separator: "; ")
    }

    /// What a user calls a row of `table`.
    static func noun(for table: String, count: Int) -> String {
        let names: [String: (String, String)] = [
            "person": ("person", "people"), "interaction": ("contact", "contacts"),
            "contact_point": ("contact point", "contact points"), "person_tag": ("tag", "tags"),
            "person_role": ("role", "roles"), "commitment": ("promise", "promises"),
            "my_detail": ("detail of mine", "details of mine"), "journal_entry": ("journal entry", "journal entries"),
            "merge_log": ("merge", "merges"), "person_note": ("note", "notes"), "person_alias": ("alias", "aliases"),
        ]
        let (one, many) = names[table] ?? (table.replacingOccurrences(of: "_", with: " "), "")
        if count == 1 { return one }
        return many.isEmpty ? one + "s" : many
    }
}

extension Store {
    /// Every record — each row of each table the change log covers, as `column=value|...` — sorted: the
    /// text that two stores holding the same records share, whatever the change log or the caches say.
    /// For tests and checks; O(rows).
    public func recordsDump() throws(StoreError) -> String {
        try read { db in
            var lines: [String] = []
            for table in try ChangeLog.recordedTables(db) {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)")
                var text = rows.map { row in table + ": " + row.map { "\($0.0)=\($0.1)" }.joined(separator: "|") }
                if table == "setting" {
                    text.removeAll { $0.hasPrefix("setting: key=\"\(ChangeLog.unrecordedSettingPrefix)") }
                }
                lines += text.sorted()
            }
            return lines.joined(separator: "\n")
        }
    }
}

/// The ranges of ids that a bulk insert's new rows are recorded as: each holds new rows only, with no old row
/// between its ends (ids no row has may be).
struct NewRowRanges {
    /// The ids of the rows there before, in order.
    let old: [Int64]
    private var next = 0
    private var open = false
    /// The ranges, and how many new rows each holds.
    private(set) var ranges: [(ids: ClosedRange<Int64>, rows: Int)] = []

    init(old: [Int64]) {
        self.old = old
    }

    /// Takes the next ids of the table in order: an old row's, which ends the range, or a run of new rows'.
    mutating func add(_ ids: ClosedRange<Int64>) {
        var oldBefore = false
        while next < old.count && old[next] < ids.lowerBound {
            next += 1
            oldBefore = true
        }
        if next < old.count && old[next] == ids.lowerBound {
            next += 1
            open = false
            return
        }
        if open && !oldBefore, let last = ranges.last {
            ranges[ranges.count - 1] = (last.ids.lowerBound...ids.upperBound, last.rows + ids.count)
        } else {
            ranges.append((ids, ids.count))
        }
        open = true
    }
}
