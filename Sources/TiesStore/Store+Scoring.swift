import Foundation
import GRDB
internal import GRDBSQLite
import TiesCore

/// What scoring depends on besides the data: the constants and the time zone that decides day boundaries.
public struct ScoringContext: Sendable, Equatable {
    public var configuration: ScoringConfiguration
    public var timeZone: TimeZone

    public init(configuration: ScoringConfiguration, timeZone: TimeZone) {
        self.configuration = configuration
        self.timeZone = timeZone
    }

    /// Stored relationship states are valid only for the weights, half-lives and time zone they were built
    /// with; this text names those, and a change of any of them rebuilds every state.
    var fingerprint: String {
        let c = configuration
        let w = c.weights
        let halfLives = Role.allCases.map {
            "\($0.rawValue)=\(c.strengthHalfLifeDays[$0] ?? c.defaultStrengthHalfLifeDays)"
        }
        return
            ([
                timeZone.identifier, "\(c.activityHalfLifeDays)", "\(c.defaultStrengthHalfLifeDays)",
                "\(w.meeting),\(w.introReferralFavour),\(w.callVideo),\(w.twoWay),\(w.oneWayOutbound),\(w.unansweredInbound),\(w.event),\(w.reaction),\(w.connected)",
            ]
            + halfLives).joined(separator: ";")
    }
}

extension Store {
    // MARK: - Configuration

    /// The scoring configuration stored in the `setting` table, or the defaults.
    public func configuration() throws(StoreError) -> ScoringConfiguration {
        try read { db in try Self.fetchConfiguration(db) }
    }

    static func fetchConfiguration(_ db: Database) throws -> ScoringConfiguration {
        guard let json = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'scoring'") else {
            return ScoringConfiguration()
        }
        do {
            return try JSONDecoder().decode(ScoringConfiguration.self, from: Data(json.utf8))
        } catch {
            throw StoreError.unreadableConfiguration("\(error)")
        }
    }

    /// Stores a scoring configuration (after checking it).
    public func setConfiguration(_ configuration: ScoringConfiguration) throws(StoreError) {
        do { try configuration.validate() } catch { throw .invalidConfiguration(error.description) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: (try? encoder.encode(configuration)) ?? Data(), as: UTF8.self)
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('scoring', ?)", arguments: [json])
        }
    }

    // MARK: - Relationship states

    /// Every person's relationship state as of the end of `day`.
    ///
    /// Stored states are used when they end on or before `day`; a person whose state includes later
    /// episodes is rebuilt from their history up to `day`. When the context (weights, half-lives, time zone)
    /// differs from the one the stored states were built with, every state is computed from the history
    /// instead, and nothing is stored: a read never writes (the next write rebuilds the stored states).
    /// - Complexity: O(people) when the states are current; O(interactions) after a change of context.
    public func states(asOf day: Day, context: ScoringContext) throws(StoreError) -> [Person.ID: RelationshipState] {
        if try !statesAreCurrent(context) { return try states(asOf: [day], context: context)[day] ?? [:] }
        return try read { db in
            var states: [Person.ID: RelationshipState] = [:]
            var stale: [Person.ID] = []
            let cursor1 = try Row.fetchCursor(db, sql: "SELECT \(Self.stateColumns) FROM relationship_state")
            while let row = try cursor1.next() {
                let (id, state) = Self.state(from: row)
                if state.lastDay > day { stale.append(id) } else { states[id] = state }
            }
            if !stale.isEmpty {
                var mapper = DayMapper(timeZone: context.timeZone)
                let limit = Int64(mapper.end(of: day).timeIntervalSince1970)
                for id in stale {
                    states[id] = try Self.computeState(id, until: limit, context: context, db)
                }
            }
            return states
        }
    }

    /// Whether the stored states were built for `context` (else a read computes them from the history).
    func statesAreCurrent(_ context: ScoringContext) throws(StoreError) -> Bool {
        try read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'state.fingerprint'")
                == context.fingerprint
        }
    }

    /// Rebuilds every stored state when the context changed since they were built.
    static func ensureFreshStates(_ context: ScoringContext, _ db: Database) throws {
        let stored = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'state.fingerprint'")
        guard stored != context.fingerprint else { return }
        try rebuildAllStates(context: context, db)
    }

    /// Recomputes every person's state from the interaction table: one ordered scan into columns, then
    /// ``ScoringKernel``.
    static func rebuildAllStates(context: ScoringContext, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM relationship_state")
        let columns = try readColumns(upTo: nil, context: context, db)
        try saveStates(of: columns, context: context, db)
    }

    /// Every interaction up to `limit` (epoch seconds; nil for all) as columns ordered by person and day, with
    /// each one's weight under `context`.
    ///
    /// Read through SQLite's C API: on a million interactions GRDB's row decoding cost more than the scan.
    static func readColumns(upTo limit: Int64?, context: ScoringContext, _ db: Database) throws -> InteractionColumns {
        var mapper = DayMapper(timeZone: context.timeZone)
        let configuration = context.configuration
        // Ordered by person and time, so the days come out ordered by person and day.
        let statement = try db.makeStatement(
            sql: """
                SELECT person_id, occurred_at, kind, direction, answered, group_size FROM interaction
                WHERE occurred_at <= ? ORDER BY person_id, occurred_at
                """)
        try statement.setArguments([limit ?? Int64.max])
        let handle = statement.sqliteStatement
        var columns = InteractionColumns()
        columns.reserve(try Int.fetchOne(db, sql: "SELECT count(*) FROM interaction") ?? 0)
        sqlite3_reset(handle)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw StoreError.database(String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            let kind =
                sqlite3_column_text(handle, 2).flatMap { InteractionKind(rawValue: String(cString: $0)) } ?? .message
            let direction =
                sqlite3_column_text(handle, 3).flatMap { Direction(rawValue: String(cString: $0)) } ?? .mutual
            columns.append(
                person: sqlite3_column_int64(handle, 0),
                day: mapper.day(forEpochSeconds: sqlite3_column_int64(handle, 1)),
                weight: configuration.weight(
                    kind: kind, direction: direction, answered: sqlite3_column_int64(handle, 4) != 0,
                    groupSize: Int(sqlite3_column_int64(handle, 5))),
                direction: direction)
        }
        return columns
    }

    /// Computes every state from `columns` (ordered by person, then day) with the kernel and stores them,
    /// with the fingerprint of `context`.
    static func saveStates(of columns: InteractionColumns, context: ScoringContext, _ db: Database) throws {
        var roles: [Int64: Set<Role>] = [:]
        let roleRows = try Row.fetchCursor(db, sql: "SELECT person_id, role FROM person_role")
        while let row = try roleRows.next() {
            if let role = Role(rawValue: row[1]) { roles[row[0], default: []].insert(role) }
        }
        let configuration = context.configuration
        let states = ScoringKernel.states(
            of: columns, halfLife: { configuration.strengthHalfLife(for: roles[$0] ?? []) },
            activityHalfLife: configuration.activityHalfLifeDays)
        for (id, state) in states { try save(state, for: id, db) }
        try db.execute(
            sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('state.fingerprint', ?)",
            arguments: [context.fingerprint])
    }

    /// Rebuilds and stores one person's state from all their history.
    static func rebuildState(_ id: Int64, context: ScoringContext, _ db: Database) throws {
        if let state = try computeState(id, until: Int64.max, context: context, db) {
            try save(state, for: id, db)
        } else {
            try db.execute(sql: "DELETE FROM relationship_state WHERE person_id = ?", arguments: [id])
        }
    }

    /// One person's state from their interactions up to `limit` (epoch seconds), or nil with no history.
    static func computeState(_ id: Int64, until limit: Int64, context: ScoringContext, _ db: Database) throws
        -> RelationshipState?
    {
        let roles = try Set(
            String.fetchAll(db, sql: "SELECT role FROM person_role WHERE person_id = ?", arguments: [id])
                .compactMap(Role.init))
        var mapper = DayMapper(timeZone: context.timeZone)
        let history = try Row.fetchAll(
            db,
            sql: """
                SELECT occurred_at, kind, direction, answered, group_size FROM interaction
                WHERE person_id = ? AND occurred_at <= ? ORDER BY occurred_at
                """, arguments: [id, limit]
        ).map { row -> (day: Day, weight: Double, direction: Direction) in
            let direction = Direction(rawValue: row[2]) ?? .mutual
            return (
                mapper.day(forEpochSeconds: row[0]),
                context.configuration.weight(
                    kind: InteractionKind(rawValue: row[1]) ?? .message,
                    direction: direction, answered: row[3], groupSize: row[4]),
                direction
            )
        }
        return RelationshipState(
            history: history, halfLife: context.configuration.strengthHalfLife(for: roles),
            activityHalfLife: context.configuration.activityHalfLifeDays)
    }

    static func fetchState(_ id: Int64, _ db: Database) throws -> RelationshipState? {
        try Row.fetchOne(db, sql: "SELECT \(stateColumns) FROM relationship_state WHERE person_id = ?", arguments: [id])
            .map { state(from: $0).1 }
    }

    /// The columns of `relationship_state`, in the order ``state(from:)`` reads them by index.
    static let stateColumns = """
        person_id, first_day, last_day, episodes, last_weight, strength_sum, activity_sum, outbound, inbound,
        strength_half_life, activity_half_life
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
        return (row[0], state)
    }

    static func save(_ state: RelationshipState, for id: Int64, _ db: Database) throws {
        // Cached: a rebuild saves one state per person, and compiling the SQL each time cost 0.3 s for
        // 20,000 people (measured).
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO relationship_state
                (person_id, first_day, last_day, episodes, last_weight, strength_sum, activity_sum, outbound, inbound,
                 strength_half_life, activity_half_life) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                id, state.firstDay.ordinal, state.lastDay.ordinal, state.episodes, state.lastWeight,
                state.strengthSum, state.activitySum, state.outbound, state.inbound,
                state.strengthHalfLife, state.activityHalfLife,
            ])
    }
}
