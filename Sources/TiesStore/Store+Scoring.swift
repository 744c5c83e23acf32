import Foundation
import GRDB
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
    /// with; this text names those, and a change of any of them rebuilds every state (see ``StateCache``).
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
                // The version of what a state holds: "contact2" added the first and last days of real contact.
                "contact2",
                // "dateonly1": a date-only contact is bucketed by its date, not by its stored instant (DateOnly).
                "dateonly1",
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
            let cursor = try Row.fetchCursor(db, sql: "SELECT \(StateCache.columns) FROM relationship_state")
            while let row = try cursor.next() {
                let (id, state) = StateCache.state(from: row)
                if state.lastDay > day { stale.append(id) } else { states[id] = state }
            }
            try StateCache.complete(&states, stale: stale, asOf: day, context: context, db)
            return states
        }
    }
}
