import Foundation
import GRDB
internal import GRDBSQLite
import TiesCore

extension Store {
    /// Everyone who is not archived (optionally only those with `role`), with the id, name and closeness
    /// that scoring needs, and each one's relationship state as of the end of `day` — in one pass.
    ///
    /// This is the hot path of `ties score`: on 100,000 people, decoding rows through GRDB's `Row` cost more
    /// than the query itself (about 0.35 s against 0.1 s, measured), so the columns are read through
    /// SQLite's C API on GRDB's prepared statement. Roles, organisations and contact details are left out;
    /// see ``people(_:withContactDetails:)`` for those.
    /// When the stored states were built for another context, they are computed from the history instead and
    /// nothing is stored.
    /// - Returns: people in id order and their states (people with no history have none).
    public func scoringInputs(
        asOf day: Day, context: ScoringContext, role: Role? = nil
    ) throws(StoreError) -> (people: [Person], states: [Person.ID: RelationshipState]) {
        let current = try statesAreCurrent(context)
        var (people, states) = try read { db in
            let statement = try db.makeStatement(
                sql: """
                    SELECT p.id, p.name, p.closeness, s.first_day, s.last_day, s.episodes, s.last_weight, s.strength_sum,
                           s.activity_sum, s.outbound, s.inbound, s.strength_half_life, s.activity_half_life,
                           s.last_contact_day, s.first_contact_day, s.contact_episodes, p.known_since
                    FROM person p LEFT JOIN relationship_state s ON s.person_id = p.id
                    WHERE p.archived = 0 \(role == nil ? "" : "AND EXISTS (SELECT 1 FROM person_role r WHERE r.person_id = p.id AND r.role = ?)")
                    ORDER BY p.id
                    """)
            if let role { try statement.setArguments([role.rawValue]) }
            var people: [Person] = []
            var states: [Person.ID: RelationshipState] = [:]
            var stale: [Person.ID] = []
            try statement.forEachStep(db) { handle in
                let id = sqlite3_column_int64(handle, 0)
                let name = sqlite3_column_text(handle, 1).map { String(cString: $0) } ?? ""
                let closeness =
                    sqlite3_column_type(handle, 2) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(handle, 2))
                // Known since is the user's word on the person, applied at scoring time (tenure), not in the state.
                let knownSince = sqlite3_column_text(handle, 16).flatMap { CareerRows.day(from: String(cString: $0)) }
                people.append(Person(id: id, name: name, closeness: closeness, knownSince: knownSince))
                guard sqlite3_column_type(handle, 3) != SQLITE_NULL else { return }
                var state = RelationshipState(
                    day: Day(ordinal: Int(sqlite3_column_int64(handle, 3))), weight: 0, direction: .mutual,
                    halfLife: sqlite3_column_double(handle, 11), activityHalfLife: sqlite3_column_double(handle, 12))
                state.lastDay = Day(ordinal: Int(sqlite3_column_int64(handle, 4)))
                state.episodes = Int(sqlite3_column_int64(handle, 5))
                state.lastWeight = sqlite3_column_double(handle, 6)
                state.strengthSum = sqlite3_column_double(handle, 7)
                state.activitySum = sqlite3_column_double(handle, 8)
                state.outbound = Int(sqlite3_column_int64(handle, 9))
                state.inbound = Int(sqlite3_column_int64(handle, 10))
                state.lastContactDay =
                    sqlite3_column_type(handle, 13) == SQLITE_NULL
                    ? nil : Day(ordinal: Int(sqlite3_column_int64(handle, 13)))
                state.firstContactDay =
                    sqlite3_column_type(handle, 14) == SQLITE_NULL
                    ? nil : Day(ordinal: Int(sqlite3_column_int64(handle, 14)))
                state.contactEpisodes = Int(sqlite3_column_int64(handle, 15))
                if state.lastDay > day { stale.append(id) } else { states[id] = state }
            }
            try StateCache.complete(&states, stale: stale, asOf: day, context: context, db)
            return (people, states)
        }
        if !current {
            // Built for another context: computed from the history, not stored (a read never writes).
            let ids = Set(people.compactMap(\.id))
            states = (try self.states(asOf: [day], context: context)[day] ?? [:]).filter { ids.contains($0.key) }
        }
        return (people, states)
    }

    /// The ids of everyone who holds `role`.
    public func ids(withRole role: Role) throws(StoreError) -> Set<Person.ID> {
        try read { db in
            Set(
                try Int64.fetchAll(
                    db, sql: "SELECT person_id FROM person_role WHERE role = ?", arguments: [role.rawValue]))
        }
    }

    /// The roles of the given people.
    public func roles(of ids: [Person.ID]) throws(StoreError) -> [Person.ID: Set<Role>] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            var roles: [Person.ID: Set<Role>] = [:]
            let rows = try Row.fetchAll(
                db,
                sql:
                    "SELECT person_id, role FROM person_role WHERE person_id IN (\(ids.map { String($0) }.joined(separator: ",")))"
            )
            for row in rows { if let role = Role(rawValue: row[1]) { roles[row[0], default: []].insert(role) } }
            return roles
        }
    }
}
