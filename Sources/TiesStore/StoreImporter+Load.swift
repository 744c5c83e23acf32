import Foundation
import GRDB
import TiesCore

/// A large import's new rows (a streamed messages file), held and inserted a run at a time in order of person
/// and time rather than as they are read.
///
/// The index on person and time is built once after a large import has loaded its rows
/// (``StoreImporter``), on the importing thread alone: SQLite sorts what it reads from the table, and rows
/// that come in runs already in the index's order sort for a fraction of the cost. A million LinkedIn
/// messages in the `sqlite3` shell (`Benchmarks/sqlite-index-costs.sh`, Benchmarks/README.md): the index
/// built in 0.99 s from the rows in file order, 0.46 s from runs of 16,384 rows each sorted by person and
/// time (0.39 s from runs of 65,536, for about 15 MB more at the peak), the insert itself no slower. The
/// rows' ids follow that order; within one person and time they keep the file's. Only a large import holds
/// rows: a small one keeps the file's order for its ids.
struct HeldRows {
    struct Row {
        var interaction: Interaction
        var person: Int64
        var key: Int64?
    }

    /// How many rows a run holds before it is inserted.
    static let runLength = 16_384
    /// For tests only: a shorter run, so that a few rows make several.
    @TaskLocal static var testRunLength: Int?

    let runLength = testRunLength ?? HeldRows.runLength
    private(set) var rows: [Row] = []
    /// Where each held key's row is, and the ids rows bring, so that a row held counts as stored
    /// (``holds(_:keys:)``).
    private var byKey: [Int64: Int] = [:]
    private var ids = Set<Int64>()

    var isFull: Bool { rows.count >= runLength }

    mutating func append(_ row: Row) {
        if let key = row.key, byKey[key] == nil { byKey[key] = rows.count }
        if let id = row.interaction.id { ids.insert(id) }
        rows.append(row)
    }

    /// Whether a row with the source and source id of `i`, or with its id, is held.
    func holds(_ i: Interaction, keys: SourceKeys) -> Bool {
        guard let sourceID = i.sourceID else { return i.id.map(ids.contains) ?? false }
        guard let k = byKey[keys.key(source: i.source, sourceID: sourceID)] else { return false }
        return rows[k].interaction.source == i.source && rows[k].interaction.sourceID == sourceID
    }

    /// The indices of the rows held, by person, then time, then the order they came in. Sorted as keys apart
    /// from the rows: comparing rows copied them, retaining and releasing their texts.
    func order() -> [Int] {
        var keys = rows.indices.map { (person: rows[$0].person, time: rows[$0].interaction.occurredAt, index: $0) }
        keys.sort { ($0.person, $0.time, $0.index) < ($1.person, $1.time, $1.index) }
        return keys.map(\.index)
    }

    mutating func removeAll() {
        rows.removeAll(keepingCapacity: true)
        byKey.removeAll(keepingCapacity: true)
        ids.removeAll()
    }
}

extension StoreImporter {
    /// Holds a new row of a large import; inserts the run when it is full.
    mutating func hold(_ i: Interaction, person: Int64, key: Int64?) throws {
        pending?.append(HeldRows.Row(interaction: i, person: person, key: key))
        if pending?.isFull == true { try insertHeld() }
    }

    /// Inserts the rows held, in order of person and time.
    mutating func insertHeld() throws {
        guard var held = pending, !held.rows.isEmpty else { return }
        pending = nil  // taken out while its rows are read: not copied by the inserts' changes to the importer
        for k in held.order() {
            let rowID = try insert(held.rows[k].interaction, person: held.rows[k].person, key: held.rows[k].key)
            try noteInserted(held.rows[k].interaction, person: held.rows[k].person, rowID: rowID)
        }
        held.removeAll()
        pending = held
    }

    /// Drops the interaction table's indexes (the unique one on the source key only when `unique`, the partial
    /// one of unanswered messages only when `partial`); returns their SQL.
    static func dropIndexes(_ db: Database, unique: Bool, partial: Bool) throws -> [String] {
        let indexes = try Row.fetchAll(
            db,
            sql: """
                SELECT name, sql FROM sqlite_master
                WHERE type = 'index' AND tbl_name = 'interaction' AND sql IS NOT NULL
                    AND (? OR name <> 'interaction_source') AND (? OR name <> 'interaction_unanswered')
                ORDER BY name
                """, arguments: [unique, partial])
        for index in indexes { try db.execute(sql: "DROP INDEX \((index[0] as String).quotedDatabaseIdentifier)") }
        return indexes.map { $0[1] }
    }
}
