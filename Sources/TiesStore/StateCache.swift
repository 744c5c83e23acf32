import Foundation
import GRDB
internal import GRDBSQLite
import TiesCore

/// The stored relationship states: a cache, in `relationship_state`, of what each person's interaction
/// history gives under a scoring context, so that scoring reads one row a person instead of every
/// interaction. This type is the whole of it; nothing else writes `relationship_state` or the fingerprint.
///
/// **What the fingerprint covers.** ``ScoringContext/fingerprint`` names everything a stored state depends
/// on besides the history: the time zone that decides day boundaries, the activity half-life, the default
/// and per-role strength half-lives, and the nine interaction weights. It is stored with the states under
/// the `setting` key ``fingerprintKey``. A person's roles are part of their history for this purpose: a
/// change of roles rebuilds that person's state.
///
/// **When states are rebuilt.**
/// - A write that changes one person's history (a logged interaction, an edit of the person, a merge or
///   its undo, a small import) updates that person's state in the same transaction: ``absorb(_:context:_:)``
///   extends it in O(1) when the interaction is not older than its last episode, else ``rebuild(_:context:_:)``
///   recomputes it from the history. Before that, ``refresh(_:_:)`` rebuilds every state when the stored
///   fingerprint differs from the context's, so a state is never extended under the wrong constants.
/// - A large import computes the states of everyone it touched from their earlier interactions and the
///   new ones it holds in memory (``rebuild(_:upTo:adding:context:_:)``); when it cannot tell the earlier
///   rows by id, or the stored states were built for another context, it rebuilds every state by one
///   ordered scan (``rebuildAll(context:_:)``).
/// - A read never writes. Under a context whose fingerprint differs (``Store/statesAreCurrent(_:)`` is
///   false), ``Store/states(asOf:context:)`` and ``Store/scoringInputs(asOf:context:role:)`` compute every
///   state from the history for the answer and store nothing; the next write rebuilds the stored states.
/// - A state that already holds episodes after the day asked for is recomputed from the history up to that
///   day for the answer (``complete(_:stale:asOf:context:_:)``) and not stored.
enum StateCache {
    /// The `setting` key under which the fingerprint of the stored states is kept.
    static let fingerprintKey = "state.fingerprint"

    /// The fingerprint the stored states were built with; nil when none were ever built.
    static func storedFingerprint(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [fingerprintKey])
    }

    /// Whether the stored states were built for `context`.
    static func isCurrent(for context: ScoringContext, _ db: Database) throws -> Bool {
        try storedFingerprint(db) == context.fingerprint
    }

    /// Rebuilds every stored state when they were built for another context (or never).
    static func refresh(_ context: ScoringContext, _ db: Database) throws {
        guard try !isCurrent(for: context, db) else { return }
        try rebuildAll(context: context, db)
    }

    /// Rebuilds every stored state when they were built for another context; a store that has never built
    /// states (no fingerprint) is left as it is, so that a merge and its undo leave no trace in it. Either
    /// way the states read next are consistent: a missing or different fingerprint makes a read rebuild them.
    static func refreshIfBuilt(_ context: ScoringContext, _ db: Database) throws {
        if let stored = try storedFingerprint(db), stored != context.fingerprint {
            try rebuildAll(context: context, db)
        }
    }

    // MARK: - Rebuilding

    /// Recomputes every person's state from the interaction table: one ordered scan into columns, then
    /// ``ScoringKernel``.
    static func rebuildAll(context: ScoringContext, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM relationship_state")
        let columns = try readColumns(upTo: nil, context: context, db)
        try saveAll(of: columns, context: context, db)
    }

    /// What the states of `people` are computed from: their interactions with ids up to `lastOld`, read here,
    /// and `added`, the interactions stored after it (all of them the people's), as columns — an import into a
    /// store that already holds a history reads back only the rows that were there before. Computed by
    /// ``states(of:roles:context:)``, saved by ``save(_:replacing:_:)``: the computing needs no store, and an
    /// import runs it while the store builds an index.
    static func gather(
        _ people: Set<Int64>, upTo lastOld: Int64, adding added: consuming InteractionColumns,
        context: ScoringContext, _ db: Database
    ) throws -> InteractionColumns {
        let statement = try db.makeStatement(
            sql: "SELECT \(columnsRead) FROM interaction WHERE id <= ? ORDER BY id")
        try statement.setArguments([lastOld])
        var columns = added
        try append(statement, to: &columns, context: context, db) { people.contains($0) }
        return columns
    }

    /// Saves `states`, and removes the stored state of each of `people` that has none there.
    static func save(_ states: [(Int64, RelationshipState)], replacing people: Set<Int64>, _ db: Database) throws {
        var saved = Set<Int64>()
        for (id, state) in states {
            try save(state, for: id, db)
            saved.insert(id)
        }
        for id in people.subtracting(saved).sorted() {
            try db.execute(sql: "DELETE FROM relationship_state WHERE person_id = ?", arguments: [id])
        }
    }

    /// Every interaction up to `limit` (epoch seconds; nil for all) as columns ordered by person and day, with
    /// each one's weight under `context`.
    ///
    /// A date-only interaction (``DateOnly``) counts by its date: it is in when its date is not after the day
    /// on which `limit` falls, and is bucketed into that date.
    static func readColumns(upTo limit: Int64?, context: ScoringContext, _ db: Database) throws -> InteractionColumns {
        var mapper = DayMapper(timeZone: context.timeZone)
        // Read in the table's order and ordered by person and day here (counting the rows of each person,
        // ``InteractionColumns/sortedByPersonAndDay()``): within a day the order does not change a state (see
        // ``rebuild(_:upTo:adding:context:_:)``). Read through the index on person and time instead, every row
        // was a look-up in the table: a million messages took 0.55 s in the `sqlite3` shell against 0.15 s for
        // the scan, and this is the first report's read after an import.
        let statement = try db.makeStatement(
            sql: """
                SELECT \(columnsRead) FROM interaction
                WHERE occurred_at <= CASE WHEN date_only THEN ?2 ELSE ?1 END ORDER BY id
                """)
        try statement.setArguments(limits(limit, &mapper))
        var columns = InteractionColumns()
        columns.reserve(try Int.fetchOne(db, sql: "SELECT count(*) FROM interaction") ?? 0)
        try append(statement, to: &columns, context: context, db) { _ in true }
        return columns.isSortedByPersonAndDay ? columns : columns.sortedByPersonAndDay()
    }

    /// The interaction columns ``append(_:to:context:_:where:)`` reads, in its order.
    private static let columnsRead = "person_id, occurred_at, kind, direction, answered, group_size, date_only"

    /// Appends the rows of `statement` (selecting ``columnsRead``) whose person `keep` accepts, with each
    /// one's day and weight under `context`.
    ///
    /// Read through SQLite's C API: on a million interactions GRDB's row decoding cost more than the scan.
    private static func append(
        _ statement: Statement, to columns: inout InteractionColumns, context: ScoringContext, _ db: Database,
        where keep: (Int64) -> Bool
    ) throws {
        var mapper = DayMapper(timeZone: context.timeZone)
        let configuration = context.configuration
        try statement.forEachStep(db) { row in
            let person = sqlite3_column_int64(row, 0)
            guard keep(person) else { return }
            let kind =
                sqlite3_column_text(row, 2).flatMap { InteractionKind(rawValue: String(cString: $0)) } ?? .message
            let direction = sqlite3_column_text(row, 3).flatMap { Direction(rawValue: String(cString: $0)) } ?? .mutual
            columns.append(
                person: person,
                day: mapper.day(
                    forEpochSeconds: sqlite3_column_int64(row, 1), dateOnly: sqlite3_column_int64(row, 6) != 0),
                weight: configuration.weight(
                    kind: kind, direction: direction, answered: sqlite3_column_int64(row, 4) != 0,
                    groupSize: Int(sqlite3_column_int64(row, 5))),
                direction: direction, isContact: kind.isContact)
        }
    }

    /// The arguments of a cut at `limit` (epoch seconds; nil for none): the instant for timed interactions,
    /// and for date-only ones the stored seconds of the day on which `limit` falls.
    static func limits(_ limit: Int64?, _ mapper: inout DayMapper) -> StatementArguments {
        guard let limit, limit != Int64.max else { return [Int64.max, Int64.max] }
        return [limit, DateOnly.seconds(of: mapper.day(forEpochSeconds: limit))]
    }

    /// Computes every state from `columns` (ordered by person, then day) with the kernel and stores them,
    /// with the fingerprint of `context`.
    static func saveAll(of columns: InteractionColumns, context: ScoringContext, _ db: Database) throws {
        try saveAll(try computeAll(of: columns, context: context, db), context: context, db)
    }

    /// Stores every state, computed under `context`, with its fingerprint.
    static func saveAll(_ states: [(Int64, RelationshipState)], context: ScoringContext, _ db: Database) throws {
        for (id, state) in states { try save(state, for: id, db) }
        try db.execute(
            sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
            arguments: [fingerprintKey, context.fingerprint])
    }

    /// Rebuilds and stores one person's state from all their history (removes it when they have none).
    static func rebuild(_ id: Int64, context: ScoringContext, _ db: Database) throws {
        if let state = try compute(id, until: Int64.max, context: context, db) {
            try save(state, for: id, db)
        } else {
            try db.execute(sql: "DELETE FROM relationship_state WHERE person_id = ?", arguments: [id])
        }
    }

    /// Folds one new interaction into the stored state of its person.
    static func absorb(_ i: Interaction, context: ScoringContext, _ db: Database) throws {
        var mapper = DayMapper(timeZone: context.timeZone)
        let day = mapper.day(of: i)
        let weight = context.configuration.weight(of: i)
        if var state = try fetch(i.personID, db) {
            if state.absorb(day: day, weight: weight, direction: i.direction, isContact: i.kind.isContact) {
                try save(state, for: i.personID, db)
            } else {
                try rebuild(i.personID, context: context, db)
            }
        } else {
            let state = RelationshipState(
                day: day, weight: weight, direction: i.direction,
                halfLife: context.configuration.strengthHalfLife(for: try roles(of: i.personID, db)),
                activityHalfLife: context.configuration.activityHalfLifeDays, isContact: i.kind.isContact)
            try save(state, for: i.personID, db)
        }
    }

    // MARK: - Computing without storing

    /// One person's state from their interactions up to `limit` (epoch seconds), or nil with no history.
    static func compute(_ id: Int64, until limit: Int64, context: ScoringContext, _ db: Database) throws
        -> RelationshipState?
    {
        let roles = try roles(of: id, db)
        var mapper = DayMapper(timeZone: context.timeZone)
        let history = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT occurred_at, kind, direction, answered, group_size, date_only FROM interaction
                    WHERE person_id = ? AND occurred_at <= CASE WHEN date_only THEN ?3 ELSE ?2 END
                    ORDER BY occurred_at
                    """), arguments: [id] + limits(limit, &mapper)
        ).map { row -> (day: Day, weight: Double, direction: Direction, isContact: Bool) in
            let direction = Direction(rawValue: row[2]) ?? .mutual
            let kind = InteractionKind(rawValue: row[1]) ?? .message
            return (
                mapper.day(forEpochSeconds: row[0], dateOnly: row[5]),
                context.configuration.weight(
                    kind: kind, direction: direction, answered: row[3], groupSize: row[4]),
                direction, kind.isContact
            )
        }
        return RelationshipState(
            // By day, keeping the order within a day: a date-only contact can sort out of day order by its
            // stored instant in zones more than 12 hours from UTC.
            contactHistory: history.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }
                .map(\.element), halfLife: context.configuration.strengthHalfLife(for: roles),
            activityHalfLife: context.configuration.activityHalfLifeDays)
    }

    /// Every state from `columns` (ordered by person, then day), with each person's roles' half-life, by the
    /// kernel; in person order. Stores nothing.
    static func computeAll(of columns: InteractionColumns, context: ScoringContext, _ db: Database) throws
        -> [(Int64, RelationshipState)]
    {
        states(of: columns, roles: try roles(db), context: context)
    }

    /// Everyone's roles, which set the half-life of their strength.
    static func roles(_ db: Database) throws -> [Int64: Set<Role>] {
        var roles: [Int64: Set<Role>] = [:]
        let roleRows = try Row.fetchCursor(db, sql: "SELECT person_id, role FROM person_role")
        while let row = try roleRows.next() {
            if let role = Role(rawValue: row[1]) { roles[row[0], default: []].insert(role) }
        }
        return roles
    }

    /// The states of the people in `columns` (ordered by person and day here when they are not), with their
    /// `roles`: no store needed.
    static func states(of columns: InteractionColumns, roles: [Int64: Set<Role>], context: ScoringContext)
        -> [(Int64, RelationshipState)]
    {
        let configuration = context.configuration
        return ScoringKernel.states(
            of: columns.isSortedByPersonAndDay ? columns : columns.sortedByPersonAndDay(),
            halfLife: { configuration.strengthHalfLife(for: roles[$0] ?? []) },
            activityHalfLife: configuration.activityHalfLifeDays)
    }

    /// Fills in `states` the people in `stale`, whose stored states hold episodes after `day`, computed from
    /// their history up to the end of `day` (not stored).
    static func complete(
        _ states: inout [Person.ID: RelationshipState], stale: [Person.ID], asOf day: Day, context: ScoringContext,
        _ db: Database
    ) throws {
        guard !stale.isEmpty else { return }
        var mapper = DayMapper(timeZone: context.timeZone)
        let limit = Int64(mapper.end(of: day).timeIntervalSince1970)
        for id in stale { states[id] = try compute(id, until: limit, context: context, db) }
    }

    static func roles(of id: Int64, _ db: Database) throws -> Set<Role> {
        try Set(
            String.fetchAll(
                db.cachedStatement(sql: "SELECT role FROM person_role WHERE person_id = ?"), arguments: [id]
            )
            .compactMap(Role.init))
    }

    // MARK: - Rows

    /// One person's stored state, if any.
    static func fetch(_ id: Int64, _ db: Database) throws -> RelationshipState? {
        // Cached: imports and role inference fetch states person by person.
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT \(columns) FROM relationship_state WHERE person_id = ?"), arguments: [id]
        )
        .map { state(from: $0).1 }
    }

    /// The columns of `relationship_state`, in the order ``state(from:)`` reads them by index.
    static let columns = """
        person_id, first_day, last_day, episodes, last_weight, strength_sum, activity_sum, outbound, inbound,
        strength_half_life, activity_half_life, last_contact_day, first_contact_day, contact_episodes
        """

    static func state(from row: Row) -> (Int64, RelationshipState) {
        // By index, not by name: this runs once per person on every scoring command.
        var state = RelationshipState(
            day: Day(ordinal: row[1]), weight: 0, direction: .mutual,
            halfLife: row[9], activityHalfLife: row[10])
        state.lastDay = Day(ordinal: row[2])
        state.episodes = row[3]
        state.lastWeight = row[4]
        state.strengthSum = row[5]
        state.activitySum = row[6]
        state.outbound = row[7]
        state.inbound = row[8]
        state.lastContactDay = (row[11] as Int?).map { Day(ordinal: $0) }
        state.firstContactDay = (row[12] as Int?).map { Day(ordinal: $0) }
        state.contactEpisodes = row[13]
        return (row[0], state)
    }

    static func save(_ state: RelationshipState, for id: Int64, _ db: Database) throws {
        // Cached: a rebuild saves one state per person, and compiling the SQL each time cost 0.3 s for
        // 20,000 people (measured).
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO relationship_state
                (person_id, first_day, last_day, episodes, last_weight, strength_sum, activity_sum, outbound, inbound,
                 strength_half_life, activity_half_life, last_contact_day, first_contact_day, contact_episodes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                id, state.firstDay.ordinal, state.lastDay.ordinal, state.episodes, state.lastWeight,
                state.strengthSum, state.activitySum, state.outbound, state.inbound,
                state.strengthHalfLife, state.activityHalfLife, state.lastContactDay?.ordinal,
                state.firstContactDay?.ordinal, state.contactEpisodes,
            ])
    }
}

extension Store {
    /// Whether the stored states were built for `context` (else a read computes them from the history).
    /// See ``StateCache``.
    func statesAreCurrent(_ context: ScoringContext) throws(StoreError) -> Bool {
        try read { db in try StateCache.isCurrent(for: context, db) }
    }
}
