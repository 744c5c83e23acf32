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
        let code = i.kind.rawValue.withCString { kind in
            i.direction.rawValue.withCString { direction in
                i.source.withCString { source in
                    withOptionalCString(i.note) { note in
                        withOptionalCString(i.sourceID) { sourceID in
                            insert(
                                with: statement, id: i.id, person: person,
                                seconds: Int64(i.occurredAt.timeIntervalSince1970.rounded(.down)), kind: kind,
                                direction: direction, answered: i.answered, groupSize: i.groupSize, note: note,
                                source: source, sourceID: sourceID, dateOnly: i.dateOnly, sourceKey: sourceKey)
                        }
                    }
                }
            }
        }
        try check(code, statement)
    }

    /// Runs `statement` (the insert of ``insert(_:_:)``) with these columns, the texts C strings lent for the
    /// call (bound without a copy, `SQLITE_STATIC`, and cleared before it returns); returns SQLite's result.
    static func insert(
        with statement: Statement, id: Int64?, person: Int64, seconds: Int64, kind: UnsafePointer<CChar>,
        direction: UnsafePointer<CChar>, answered: Bool, groupSize: Int, note: UnsafePointer<CChar>?,
        source: UnsafePointer<CChar>, sourceID: UnsafePointer<CChar>?, dateOnly: Bool, sourceKey: Int64?
    ) -> Int32 {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        bindRow(
            handle, at: 0, id: id, person: person, seconds: seconds, kind: kind, direction: direction,
            answered: answered, groupSize: groupSize, note: note, source: source, sourceID: sourceID,
            dateOnly: dateOnly, sourceKey: sourceKey)
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        return code
    }

    /// Binds one row of an insert of the interaction columns in the order of ``insert(_:_:)`` to parameters
    /// `offset + 1` to `offset + 12` of `handle` (a statement may insert several rows); texts without a copy
    /// (`SQLITE_STATIC`): they must stay where they are until the statement is stepped and its bindings cleared.
    static func bindRow(
        _ handle: OpaquePointer?, at offset: Int32, id: Int64?, person: Int64, seconds: Int64,
        kind: UnsafePointer<CChar>, direction: UnsafePointer<CChar>, answered: Bool, groupSize: Int,
        note: UnsafePointer<CChar>?, source: UnsafePointer<CChar>, sourceID: UnsafePointer<CChar>?, dateOnly: Bool,
        sourceKey: Int64?
    ) {
        func bind(_ index: Int32, _ value: Int64?) {
            if let value {
                sqlite3_bind_int64(handle, offset + index, value)
            } else {
                sqlite3_bind_null(handle, offset + index)
            }
        }
        func bind(_ index: Int32, _ text: UnsafePointer<CChar>?) {
            if let text {
                sqlite3_bind_text(handle, offset + index, text, -1, nil)
            } else {
                sqlite3_bind_null(handle, offset + index)
            }
        }
        bind(1, id)
        bind(2, person)
        bind(3, seconds)
        bind(4, kind)
        bind(5, direction)
        bind(6, answered ? 1 : 0)
        bind(7, Int64(groupSize))
        bind(8, note)
        bind(9, source)
        bind(10, sourceID)
        bind(11, dateOnly ? 1 : 0)
        bind(12, sourceKey)
    }

    /// Throws SQLite's error unless `code`, of a step of `statement`, says it is done.
    static func check(_ code: Int32, _ statement: Statement) throws {
        guard code != SQLITE_DONE else { return }
        throw DatabaseError(
            resultCode: ResultCode(rawValue: code),
            message: String(cString: sqlite3_errmsg(sqlite3_db_handle(statement.sqliteStatement))))
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
