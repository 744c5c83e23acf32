import Foundation
import GRDB
internal import GRDBSQLite
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
    /// A held row, its texts apart (``texts``): copying or sorting it retains nothing. Held as `Interaction`s,
    /// the rows were copied out to be inserted, retaining and releasing texts the reading thread made: ~0.35 s
    /// of the importing thread of a million messages (`perf`), as much as SQLite's insert of them.
    struct Row {
        var person: Int64
        var time: Double
        var id: Int64?
        var key: Int64?
        var kind: InteractionKind
        var direction: Direction
        var answered: Bool
        var dateOnly: Bool
        var groupSize: Int
        var note: Span
        var source: Span
        var sourceID: Span
    }

    /// Where a text is in ``texts``; `count` -1 for none.
    struct Span {
        var start: Int
        var count: Int
        static let none = Span(start: 0, count: -1)
    }

    /// How many rows a run holds before it is inserted.
    static let runLength = 16_384
    /// For tests only: a shorter run, so that a few rows make several.
    @TaskLocal static var testRunLength: Int?

    let runLength = testRunLength ?? HeldRows.runLength
    private(set) var rows: [Row] = []
    /// The UTF-8 of the rows' texts, one after another.
    private var texts: [UInt8] = []
    /// Where each held key's row is (the first with it), and the ids rows bring, so that a row held counts as
    /// stored (``holds(_:keys:)``), for `rows[..<indexed]`: brought up to date when asked, since most runs
    /// never are (only a record whose person is unknown or ambiguous asks). Kept up on every append, the
    /// dictionary cost the importing thread of a million messages ~0.1 s (`perf`).
    private var byKey: [Int64: Int] = [:]
    private var ids = Set<Int64>()
    private var indexed = 0

    var isFull: Bool { rows.count >= runLength }

    mutating func append(_ i: Interaction, person: Int64, key: Int64?) {
        rows.append(
            Row(
                person: person, time: i.occurredAt.timeIntervalSince1970, id: i.id, key: key, kind: i.kind,
                direction: i.direction, answered: i.answered, dateOnly: i.dateOnly, groupSize: i.groupSize,
                note: keep(i.note), source: keep(i.source), sourceID: keep(i.sourceID)))
    }

    private mutating func keep(_ text: String?) -> Span {
        guard let text else { return .none }
        let start = texts.count
        texts.append(contentsOf: text.utf8)
        texts.append(0)  // bound as a C string: see ``insert(_:with:)``
        return Span(start: start, count: texts.count - 1 - start)
    }

    private func text(_ span: Span) -> String? {
        span.count < 0 ? nil : String(decoding: texts[span.start..<span.start + span.count], as: UTF8.self)
    }

    private func text(_ span: Span, is other: String?) -> Bool {
        guard let other else { return span.count < 0 }
        return span.count >= 0 && texts[span.start..<span.start + span.count].elementsEqual(other.utf8)
    }

    /// Row `k` as an interaction, with its texts.
    func interaction(_ k: Int) -> Interaction {
        Interaction(
            id: rows[k].id, personID: rows[k].person, occurredAt: Date(timeIntervalSince1970: rows[k].time),
            kind: rows[k].kind, direction: rows[k].direction, answered: rows[k].answered,
            groupSize: rows[k].groupSize, note: text(rows[k].note), source: text(rows[k].source) ?? "",
            sourceID: text(rows[k].sourceID), dateOnly: rows[k].dateOnly)
    }

    /// Row `k` as an interaction without its texts: what scoring reads of it.
    func scored(_ k: Int) -> Interaction {
        Interaction(
            personID: rows[k].person, occurredAt: Date(timeIntervalSince1970: rows[k].time), kind: rows[k].kind,
            direction: rows[k].direction, answered: rows[k].answered, groupSize: rows[k].groupSize,
            dateOnly: rows[k].dateOnly)
    }

    /// Whether row `k` has a note to index for search.
    func hasNote(_ k: Int) -> Bool { rows[k].note.count > 0 }

    /// Whether a row with the source and source id of `i`, or with its id, is held.
    mutating func holds(_ i: Interaction, keys: SourceKeys) -> Bool {
        while indexed < rows.count {
            if let key = rows[indexed].key, byKey[key] == nil { byKey[key] = indexed }
            if let id = rows[indexed].id { ids.insert(id) }
            indexed += 1
        }
        guard let sourceID = i.sourceID else { return i.id.map(ids.contains) ?? false }
        guard let k = byKey[keys.key(source: i.source, sourceID: sourceID)] else { return false }
        return text(rows[k].source, is: i.source) && text(rows[k].sourceID, is: sourceID)
    }

    /// Runs `statement` (``StoreImporter``'s insert) for row `k`, its texts bound from where they are held
    /// (``Store/insert(with:id:person:seconds:kind:direction:answered:groupSize:note:source:sourceID:dateOnly:sourceKey:)``);
    /// returns SQLite's result code. Each text ends with a NUL in `texts` (``keep(_:)``): bound so, SQLite
    /// copies nothing (with their lengths instead, the importing thread's `memmove` samples of a million
    /// messages were 281 instead of 168, `perf`).
    func insert(_ k: Int, with statement: Statement) -> Int32 {
        let row = rows[k]
        return texts.withUnsafeBufferPointer { texts in
            // A text held (a source always is), or nil.
            func text(_ span: Span) -> UnsafePointer<CChar>? {
                guard span.count >= 0, let base = texts.baseAddress else { return nil }
                return UnsafeRawPointer(base + span.start).assumingMemoryBound(to: CChar.self)
            }
            return row.kind.rawValue.withCString { kind in
                row.direction.rawValue.withCString { direction in
                    Store.insert(
                        with: statement, id: row.id, person: row.person, seconds: Int64(row.time.rounded(.down)),
                        kind: kind, direction: direction, answered: row.answered, groupSize: row.groupSize,
                        note: text(row.note), source: text(row.source)!, sourceID: text(row.sourceID),
                        dateOnly: row.dateOnly, sourceKey: row.key)
                }
            }
        }
    }

    /// The indices of the rows held, by person, then time, then the order they came in.
    func order() -> [Int] {
        var keys = rows.indices.map { (person: rows[$0].person, time: rows[$0].time, index: $0) }
        keys.sort { ($0.person, $0.time, $0.index) < ($1.person, $1.time, $1.index) }
        return keys.map(\.index)
    }

    mutating func removeAll() {
        rows.removeAll(keepingCapacity: true)
        texts.removeAll(keepingCapacity: true)
        byKey.removeAll(keepingCapacity: true)
        ids.removeAll()
        indexed = 0
    }
}

extension StoreImporter {
    /// Holds a new row of a large import; inserts the run when it is full.
    mutating func hold(_ i: Interaction, person: Int64, key: Int64?) throws {
        pending?.append(i, person: person, key: key)
        if pending?.isFull == true { try insertHeld() }
    }

    /// Inserts the rows held, in order of person and time. A row the insert turns away goes through
    /// ``insert(_:person:key:)`` again, which tells why (already present, or its key taken by other texts).
    mutating func insertHeld() throws {
        guard var held = pending, !held.rows.isEmpty else { return }
        pending = nil  // taken out while its rows are read: not copied by the inserts' changes to the importer
        for k in held.order() {
            try Store.check(held.insert(k, with: insertStatement), insertStatement)
            let rowID: Int64? =
                sqlite3_changes(db.sqliteConnection) > 0
                ? sqlite3_last_insert_rowid(db.sqliteConnection)
                : try insert(held.interaction(k), person: held.rows[k].person, key: held.rows[k].key)
            try noteInserted(held.scored(k), noted: held.hasNote(k), person: held.rows[k].person, rowID: rowID)
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
