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
        /// Where the raw values of ``kind`` and ``direction`` are in ``texts`` (``names``).
        var kindText: Int
        var directionText: Int
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
    /// How many rows of a run one statement inserts. Each statement run has a cost of its own (its program
    /// set up and torn down, its cursors opened and closed): a million messages inserted in C with SQLite's API,
    /// one row per statement against 32 (`Benchmarks/multi-row-insert.c`), took 2.15-2.41 s against
    /// 1.57-1.69 s.
    static let chunkLength = 32
    /// For tests only: other chunks, to compare with rows inserted one by one.
    @TaskLocal static var testChunkLength: Int?
    /// For tests only: a shorter run, so that a few rows make several.
    @TaskLocal static var testRunLength: Int?

    let runLength = testRunLength ?? HeldRows.runLength
    let chunkLength = testChunkLength ?? HeldRows.chunkLength
    private(set) var rows: [Row] = []
    /// The UTF-8 of the rows' texts, one after another, each ended by a NUL, after the raw values of every
    /// kind and direction (``names``).
    private var texts: [UInt8] = []
    /// Where each kind's and direction's raw value is in ``texts``, and where those names end: a row's are
    /// bound from there, so that all the texts of a statement of several rows stay put while it runs.
    private var kindTexts: [(InteractionKind, Int)] = []
    private var directionTexts: [(Direction, Int)] = []
    private var names = 0
    /// Where each held key's row is (the first with it), and the ids rows bring, so that a row held counts as
    /// stored (``holds(_:keys:)``), for `rows[..<indexed]`: brought up to date when asked, since most runs
    /// never are (only a record whose person is unknown or ambiguous asks). Kept up on every append, the
    /// dictionary cost the importing thread of a million messages ~0.1 s (`perf`).
    private var byKey: [Int64: Int] = [:]
    private var ids = Set<Int64>()
    private var indexed = 0

    var isFull: Bool { rows.count >= runLength }

    init() {
        for kind in InteractionKind.allCases { kindTexts.append((kind, keep(kind.rawValue).start)) }
        for direction in Direction.allCases { directionTexts.append((direction, keep(direction.rawValue).start)) }
        names = texts.count
    }

    mutating func append(_ i: Interaction, person: Int64, key: Int64?) {
        rows.append(
            Row(
                person: person, time: i.occurredAt.timeIntervalSince1970, id: i.id, key: key, kind: i.kind,
                direction: i.direction, kindText: Self.place(of: i.kind, in: kindTexts),
                directionText: Self.place(of: i.direction, in: directionTexts),
                answered: i.answered, dateOnly: i.dateOnly, groupSize: i.groupSize, note: keep(i.note),
                source: keep(i.source), sourceID: keep(i.sourceID)))
    }

    /// Where `value`'s raw value is in ``texts``: the few cases looked through in turn, cheaper than hashing
    /// them (a dictionary's hashing was 45 samples of the importing thread of a million messages, `perf`).
    private static func place<Case: Equatable>(of value: Case, in table: [(Case, Int)]) -> Int {
        for (known, start) in table where known == value { return start }
        preconditionFailure("every case has its raw value in the texts")
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

    /// Runs `statement` (``StoreImporter``'s insert, of as many rows as `held` has) for the rows `held`, their
    /// texts bound from where they are held (``Store/bindRow(_:at:id:person:seconds:kind:direction:answered:groupSize:note:source:sourceID:dateOnly:sourceKey:)``);
    /// returns SQLite's result code. Each text ends with a NUL in `texts` (``keep(_:)``): bound so, SQLite
    /// copies nothing (with their lengths instead, the importing thread's `memmove` samples of a million
    /// messages were 281 instead of 168, `perf`).
    func insert(_ held: some Collection<Int>, with statement: Statement) -> Int32 {
        let handle = statement.sqliteStatement
        return texts.withUnsafeBufferPointer { texts in
            // A text held (a source always is), or nil.
            func text(_ start: Int, _ count: Int = 0) -> UnsafePointer<CChar>? {
                guard count >= 0, let base = texts.baseAddress else { return nil }
                return UnsafeRawPointer(base + start).assumingMemoryBound(to: CChar.self)
            }
            sqlite3_reset(handle)
            for (n, k) in held.enumerated() {
                let row = rows[k]
                Store.bindRow(
                    handle, at: Int32(n * 12), id: row.id, person: row.person,
                    seconds: Int64(row.time.rounded(.down)), kind: text(row.kindText)!,
                    direction: text(row.directionText)!, answered: row.answered, groupSize: row.groupSize,
                    note: text(row.note.start, row.note.count), source: text(row.source.start)!,
                    sourceID: text(row.sourceID.start, row.sourceID.count), dateOnly: row.dateOnly,
                    sourceKey: row.key)
            }
            let code = sqlite3_step(handle)
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            return code
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
        texts.removeSubrange(names...)
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

    /// Inserts the rows held, in order of person and time, ``HeldRows/chunkLength`` at a time where none of
    /// them brings an id of its own, else one by one. A row the insert turns away goes through
    /// ``insert(_:person:key:)`` again, which tells why (already present, or its key taken by other texts).
    mutating func insertHeld() throws {
        guard var held = pending, !held.rows.isEmpty else { return }
        pending = nil  // taken out while its rows are read: not copied by the inserts' changes to the importer
        let order = held.order()
        var last = try Int64.fetchOne(db, sql: "SELECT max(id) FROM interaction") ?? 0
        var start = 0
        while start < order.count {
            let chunk = order[start..<min(start + held.chunkLength, order.count)]
            start = chunk.endIndex
            var ids: [Int64?]
            if let chunkStatement, chunk.count == held.chunkLength, last < Int64.max - Int64(chunk.count),
                chunk.allSatisfy({ held.rows[$0].id == nil })
            {
                try Store.check(held.insert(chunk, with: chunkStatement), chunkStatement)
                ids = try insertedIDs(chunk, of: held, after: last)
            } else {
                ids = []
                for k in chunk {
                    try Store.check(held.insert(CollectionOfOne(k), with: insertStatement), insertStatement)
                    ids.append(
                        sqlite3_changes(db.sqliteConnection) > 0 ? sqlite3_last_insert_rowid(db.sqliteConnection) : nil)
                }
            }
            for (k, id) in zip(chunk, ids) {
                let rowID = try id ?? insert(held.interaction(k), person: held.rows[k].person, key: held.rows[k].key)
                if let rowID { last = max(last, rowID) }
                try noteInserted(held.scored(k), noted: held.hasNote(k), person: held.rows[k].person, rowID: rowID)
            }
        }
        held.removeAll()
        pending = held
    }

    /// The ids that the rows `chunk` of `held` got from the insert just run, nil for a row it turned away; the
    /// largest id was `last` before it. None of the rows brought an id, so those inserted got the next ones in
    /// turn: when all went in, `last + 1` on; else the new rows are read back, in id order, and matched to
    /// the rows of the chunk in order by their source keys (a row turned away has a key stored before it, so
    /// the next new row is a later one's).
    private func insertedIDs(_ chunk: ArraySlice<Int>, of held: HeldRows, after last: Int64) throws -> [Int64?] {
        let inserted = Int(sqlite3_changes(db.sqliteConnection))
        if inserted == chunk.count, sqlite3_last_insert_rowid(db.sqliteConnection) == last + Int64(inserted) {
            return (1...inserted).map { last + Int64($0) }
        }
        var new = try Row.fetchAll(
            db, sql: "SELECT id, source_key FROM interaction WHERE id > ? ORDER BY id", arguments: [last])[...]
        return chunk.map { k in
            guard let row = new.first, row[1] as Int64? == held.rows[k].key else { return nil }
            new.removeFirst()
            return row[0] as Int64
        }
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
