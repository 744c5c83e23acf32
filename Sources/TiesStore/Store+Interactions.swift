import Foundation
import GRDB
internal import GRDBSQLite
import TiesCore

extension Store {
    /// Records an interaction and updates the person's relationship state in the same transaction.
    ///
    /// When the interaction is dated on or after the person's last episode, the state absorbs it in O(1);
    /// an older one makes the person's state be rebuilt from their history.
    /// - Returns: the interaction with its id.
    @discardableResult
    public func log(_ interaction: Interaction, context: ScoringContext) throws(StoreError) -> Stored<Interaction> {
        try write { db in
            try StateCache.refresh(context, db)
            let stored = Stored(id: try Self.insert(interaction, db), interaction)
            try StateCache.absorb(interaction, context: context, db)
            return stored
        }
    }

    /// Inserts `i` with the key of its source and source id (``SourceKeys``). A source and source id stored
    /// already fail on the unique index, as they always did; a key that a row with other texts holds is left
    /// out (a collided row).
    static func insert(_ i: Interaction, _ db: Database) throws -> Int64 {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO interaction (id, person_id, occurred_at, kind, direction, answered, group_size, note, source, source_id,
                    date_only, source_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        var sourceKey: Int64?
        if let sourceID = i.sourceID {
            let keys = try SourceKeys(db)
            switch try keys.placement(
                source: i.source, sourceID: sourceID, key: keys.key(source: i.source, sourceID: sourceID))
            {
            case .key(let key): sourceKey = key
            case .collided: sourceKey = nil
            case .stored(let id): throw SourceKeys.sameTexts(as: id)
            }
        }
        try bind(i, person: i.personID, sourceKey: sourceKey, to: statement)
        return db.lastInsertedRowID
    }

    /// Runs `statement` — an insert of the eleven interaction columns and `source_key`, in the order of
    /// ``insert(_:_:)`` — for `i`, with `person` as its person and `sourceKey` as its key.
    ///
    /// Bound through SQLite's C API, texts without a copy (`SQLITE_STATIC`, valid while the closures that
    /// lend their bytes run, and cleared before they end): imports insert a million rows, and GRDB's argument
    /// boxing, then SQLite's copy of every text, cost more than the insert itself (measured).
    static func bind(_ i: Interaction, person: Int64, sourceKey: Int64?, to statement: Statement) throws {
        let handle = statement.sqliteStatement
        let code = i.kind.rawValue.withCString { kind in
            i.direction.rawValue.withCString { direction in
                i.source.withCString { source in
                    withOptionalCString(i.note) { note in
                        withOptionalCString(i.sourceID) { sourceID in
                            sqlite3_reset(handle)
                            if let id = i.id { sqlite3_bind_int64(handle, 1, id) } else { sqlite3_bind_null(handle, 1) }
                            sqlite3_bind_int64(handle, 2, person)
                            sqlite3_bind_int64(handle, 3, Int64(i.occurredAt.timeIntervalSince1970.rounded(.down)))
                            sqlite3_bind_text(handle, 4, kind, -1, nil)
                            sqlite3_bind_text(handle, 5, direction, -1, nil)
                            sqlite3_bind_int64(handle, 6, i.answered ? 1 : 0)
                            sqlite3_bind_int64(handle, 7, Int64(i.groupSize))
                            if let note {
                                sqlite3_bind_text(handle, 8, note, -1, nil)
                            } else {
                                sqlite3_bind_null(handle, 8)
                            }
                            sqlite3_bind_text(handle, 9, source, -1, nil)
                            if let sourceID {
                                sqlite3_bind_text(handle, 10, sourceID, -1, nil)
                            } else {
                                sqlite3_bind_null(handle, 10)
                            }
                            sqlite3_bind_int64(handle, 11, i.dateOnly ? 1 : 0)
                            if let sourceKey {
                                sqlite3_bind_int64(handle, 12, sourceKey)
                            } else {
                                sqlite3_bind_null(handle, 12)
                            }
                            let code = sqlite3_step(handle)
                            sqlite3_reset(handle)
                            sqlite3_clear_bindings(handle)
                            return code
                        }
                    }
                }
            }
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code),
                message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
        }
    }

    /// Interactions with one person, newest first.
    public func interactions(with personID: Person.ID, limit: Int? = nil) throws(StoreError) -> [Interaction] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM interaction WHERE person_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?",
                arguments: [personID, limit ?? -1]
            ).map(Self.interaction(from:))
        }
    }

    static func interaction(from row: Row) -> Interaction {
        Interaction(
            id: row["id"], personID: row["person_id"],
            occurredAt: Date(timeIntervalSince1970: TimeInterval(row["occurred_at"] as Int64)),
            kind: InteractionKind(rawValue: row["kind"]) ?? .message,
            direction: Direction(rawValue: row["direction"]) ?? .mutual,
            answered: row["answered"], groupSize: row["group_size"], note: row["note"],
            source: row["source"], sourceID: row["source_id"], dateOnly: row["date_only"])
    }

    // MARK: - Ties between people

    /// Records that two people know each other.
    /// - Throws: ``StoreError/samePerson(_:)`` or ``StoreError/alreadyTied(_:)``.
    public func addTie(_ tie: Tie) throws(StoreError) {
        guard tie.a != tie.b else {
            throw .samePerson(tie.a)
        }
        try write { db in
            if try Bool.fetchOne(
                db, sql: "SELECT 1 FROM tie WHERE person_a = ? AND person_b = ?", arguments: [tie.a, tie.b]) != nil
            {
                let names = try String.fetchAll(
                    db, sql: "SELECT name FROM person WHERE id IN (?, ?) ORDER BY id", arguments: [tie.a, tie.b])
                throw StoreError.alreadyTied(names)
            }
            try db.execute(
                sql: "INSERT INTO tie (person_a, person_b, kind, weight) VALUES (?, ?, ?, ?)",
                arguments: [tie.a, tie.b, tie.kind.rawValue, tie.weight])
        }
    }

    /// Every tie between two people, ordered by the two ids.
    ///
    /// Read through SQLite's C API: every report reads all ties, and GRDB's row decoding of 85,000 ties cost
    /// 0.08 s (measured on the 20,000-person demo).
    public func ties() throws(StoreError) -> [Tie] {
        try read { db in
            let statement = try db.makeStatement(
                sql: "SELECT person_a, person_b, kind, weight FROM tie ORDER BY person_a, person_b")
            var ties: [Tie] = []
            try statement.forEachStep(db) { handle in
                let kind = sqlite3_column_text(handle, 2).flatMap { Tie.Kind(rawValue: String(cString: $0)) } ?? .knows
                ties.append(
                    Tie(
                        sqlite3_column_int64(handle, 0), sqlite3_column_int64(handle, 1), kind: kind,
                        weight: sqlite3_column_double(handle, 3)))
            }
            return ties
        }
    }
}

extension Store {
    /// Every interaction, archived people's included, in id order: what `ties export interactions` writes.
    public func interactions() throws(StoreError) -> [Interaction] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM interaction ORDER BY id").map(Self.interaction(from:))
        }
    }

    /// Whether any interaction came from `source` (an importer's: `linkedin-connections`, `mail`, …).
    public func hasInteractions(from source: String) throws(StoreError) -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM interaction WHERE source = ? LIMIT 1", arguments: [source])
                ?? false
        }
    }

    /// Every interaction with a person who is not archived, oldest first (ties broken by id).
    public func allInteractions() throws(StoreError) -> [Interaction] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT i.* FROM interaction i JOIN person p ON p.id = i.person_id
                    WHERE p.archived = 0 ORDER BY i.occurred_at, i.id
                    """
            ).map(Self.interaction(from:))
        }
    }
}

/// Calls `body` with a C string of `text`, or with nil when there is no text.
private func withOptionalCString<R>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
    guard let text else { return body(nil) }
    return text.withCString(body)
}
