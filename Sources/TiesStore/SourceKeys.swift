import Foundation
import GRDB
internal import GRDBSQLite
import TiesCore

/// `interaction.source_key`: the one place that decides the key a row is stored with, and that finds a stored
/// row by its source and source id.
///
/// The key is ``SourceKey/of(source:sourceID:)`` of the row's texts, made unique by the index
/// `interaction_source`; it is derived data, a cache of the texts, never a second truth. A row without a
/// source id has none. Two different pairs may share a key (about 3 × 10^-8 among a million rows): the
/// pair stored second is stored with no key — a *collided* row; NULLs never conflict in a unique index —
/// and is found by its texts. So a pair is stored when a row holds its key with the same texts, or when a
/// row without a key has the same texts. Rows without a key but with a source id are practically never
/// there: they are read once, when this is made, and kept in memory (finding them by SQL would scan every
/// row logged by hand, as no index holds the texts).
///
/// A value type: an importer's attempt that is rolled back (``StoreImporter/tentatively(_:)``) takes back
/// the collided rows it noted with the rest of its state.
struct SourceKeys {
    /// A source and source id.
    struct Pair: Hashable {
        var source: String
        var sourceID: String
    }

    /// Who holds a key: no row, a row with the same texts, or a row with other texts (a collision).
    enum Holder: Equatable {
        case none
        case same(Int64)
        case other(Int64)
    }

    /// What a new row with a source id is stored with: its key; no key, because a row with other texts holds
    /// it; or nothing, because a row with the same texts is stored already (its id).
    enum Placement: Equatable {
        case key(Int64)
        case collided
        case stored(Int64)
    }

    /// For tests only: a key function used instead of ``SourceKey/of(source:sourceID:)``, to force
    /// collisions. Read when a ``SourceKeys`` is made (and by ``assignAll(_:)``).
    @TaskLocal static var forcedKey: (@Sendable (_ source: String, _ sourceID: String) -> Int64)?

    private let forced: (@Sendable (String, String) -> Int64)?
    private let byKey: Statement
    /// The rows with a source id and no key, by their texts.
    private(set) var collided: [Pair: Int64] = [:]

    init(_ db: Database) throws {
        forced = Self.forcedKey
        byKey = try db.makeStatement(sql: "SELECT id, source, source_id FROM interaction WHERE source_key = ?")
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, source, source_id FROM interaction WHERE source_key IS NULL AND source_id IS NOT NULL")
        while let row = try rows.next() { collided[Pair(source: row[1], sourceID: row[2])] = row[0] }
    }

    /// The key of `source` and `sourceID`.
    func key(source: String, sourceID: String) -> Int64 { Self.key(forced, source: source, sourceID: sourceID) }

    private static func key(
        _ forced: (@Sendable (String, String) -> Int64)?, source: String, sourceID: String
    ) -> Int64 {
        if let forced { return forced(source, sourceID) }
        return SourceKey.folded(SourceKey.digest(source: source, sourceID: sourceID))
    }

    /// The key of `source` and `sourceID` from their digest (``SourceKey/digest(source:sourceID:)``), when the
    /// caller has it already.
    func key(of digest: FNV1a128, source: String, sourceID: String) -> Int64 {
        if let forced { return forced(source, sourceID) }
        return SourceKey.folded(digest)
    }

    /// Who holds `key`, compared with `source` and `sourceID`. One look-up in the unique index; through
    /// SQLite's C API, as it runs for every row a re-import finds already there.
    func holder(of key: Int64, source: String, sourceID: String) throws -> Holder {
        let handle = byKey.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_bind_int64(handle, 1, key)
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_ROW else {
            guard code == SQLITE_DONE else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code),
                    message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
            }
            return .none
        }
        let id = sqlite3_column_int64(handle, 0)
        return Self.column(handle, 1, is: source) && Self.column(handle, 2, is: sourceID) ? .same(id) : .other(id)
    }

    /// Whether column `index` of the current row is `text`, byte for byte.
    private static func column(_ handle: OpaquePointer?, _ index: Int32, is text: String) -> Bool {
        guard let bytes = sqlite3_column_text(handle, index) else { return false }
        let count = Int(sqlite3_column_bytes(handle, index))
        var text = text
        return text.withUTF8 { utf8 in
            guard utf8.count == count, let start = utf8.baseAddress else { return utf8.count == count }
            return memcmp(start, bytes, count) == 0
        }
    }

    /// The collided row with these texts, if any: no hashing of the texts while there are none, as nearly
    /// always (this runs for every row a re-import finds already there).
    func collidedID(source: String, sourceID: String) -> Int64? {
        collided.isEmpty ? nil : collided[Pair(source: source, sourceID: sourceID)]
    }

    /// The id of the row stored with `source` and `sourceID`, if there is one.
    func storedID(source: String, sourceID: String) throws -> Int64? {
        if let id = collidedID(source: source, sourceID: sourceID) { return id }
        if case .same(let id) = try holder(
            of: key(source: source, sourceID: sourceID), source: source, sourceID: sourceID)
        {
            return id
        }
        return nil
    }

    /// What a new row with these texts and their `key` is stored with.
    func placement(source: String, sourceID: String, key: Int64) throws -> Placement {
        if let id = collidedID(source: source, sourceID: sourceID) { return .stored(id) }
        switch try holder(of: key, source: source, sourceID: sourceID) {
        case .none: return .key(key)
        case .same(let id): return .stored(id)
        case .other: return .collided
        }
    }

    /// The error of a second row with the source and source id of row `id`: the unique index's own, as the
    /// index on the texts raised it (a collided row has no key for the index to refuse).
    static func sameTexts(as id: Int64) -> DatabaseError {
        DatabaseError(
            resultCode: .SQLITE_CONSTRAINT,
            message: "UNIQUE constraint failed: interaction.source, interaction.source_id (as #\(id))")
    }

    /// Notes a row just stored without a key, so that it is found from now on.
    mutating func noteCollided(_ id: Int64, source: String, sourceID: String) {
        collided[Pair(source: source, sourceID: sourceID)] = id
    }

    /// Gives back their key to collided rows whose key no row holds any more (the row that held it was
    /// removed): each then is what it would be if stored now. Practically never any rows; not recorded in the
    /// change log, as derived data is not.
    /// - Returns: how many rows took their key.
    @discardableResult
    mutating func reclaimFreeKeys(_ db: Database) throws -> Int {
        var reclaimed = 0
        for (pair, id) in collided.sorted(by: { $0.value < $1.value }) {
            let key = key(source: pair.source, sourceID: pair.sourceID)
            guard try holder(of: key, source: pair.source, sourceID: pair.sourceID) == .none else { continue }
            try db.execute(sql: "UPDATE interaction SET source_key = ? WHERE id = ?", arguments: [key, id])
            collided[pair] = nil
            reclaimed += 1
        }
        return reclaimed
    }

    /// The key that a row of the change log's copy `image` (a JSON object of every column) is put back with
    /// as row `id` by `ties undo`: its key, unless a row with other texts holds it; then none (a collided row
    /// again). Copies made before keys existed have none; this gives them theirs. A row with the same texts
    /// elsewhere stops the undo, as the unique index on the texts did before: with the key kept, the index
    /// refuses it; a collided twin has no key to conflict with, so this throws the same constraint error.
    mutating func keyForRestoring(_ image: String, id: Int64, _ db: Database) throws -> Int64? {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT json_extract(?1, '$.source'), json_extract(?1, '$.source_id')", arguments: [image]),
            let source = row[0] as String?, let sourceID = row[1] as String?
        else { return nil }
        if let twin = collidedID(source: source, sourceID: sourceID), twin != id { throw Self.sameTexts(as: twin) }
        let key = key(source: source, sourceID: sourceID)
        guard case .other(let holder) = try holder(of: key, source: source, sourceID: sourceID), holder != id else {
            return key
        }
        noteCollided(id, source: source, sourceID: sourceID)
        return nil
    }

    /// Gives every row with a source id its key, in id order: a row whose key an earlier row holds already
    /// gets none (the later id of two is the collided one). Writes only the rows whose key changes, and
    /// returns how many. The migration that made the keys fills them so; a first import, which loads without
    /// the unique index, repairs so the rare pair that shared a key when the index would not build.
    /// - Complexity: O(rows) reads, with every key in memory (about 32 MB a million rows).
    @discardableResult
    static func assignAll(_ db: Database) throws -> Int {
        let forced = forcedKey
        var held = Set<Int64>()
        var keyed: [(id: Int64, key: Int64)] = []
        var cleared: [Int64] = []
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, source, source_id, source_key FROM interaction WHERE source_id IS NOT NULL ORDER BY id"
        )
        while let row = try rows.next() {
            let key = Self.key(forced, source: row[1], sourceID: row[2])
            let assigned: Int64? = held.insert(key).inserted ? key : nil
            guard row[3] as Int64? != assigned else { continue }
            if let assigned { keyed.append((row[0], assigned)) } else { cleared.append(row[0]) }
        }
        // Keys taken away first, so that no key is given while another row still holds it.
        let clear = try db.makeStatement(sql: "UPDATE interaction SET source_key = NULL WHERE id = ?")
        for id in cleared { try clear.execute(arguments: [id]) }
        let update = try db.makeStatement(sql: "UPDATE interaction SET source_key = ? WHERE id = ?")
        for change in keyed { try update.execute(arguments: [change.key, change.id]) }
        return keyed.count + cleared.count
    }
}
