import Foundation
import GRDB
import TiesCore

extension Store {
    /// Facts beyond the scores as of the end of `day`: for now, the inbound contacts with no reply after them.
    ///
    /// A contact is unanswered when it is inbound and marked unanswered, and nothing outbound, mutual or
    /// answered follows it (up to `day`).
    ///
    /// Each person's last unanswered contact is found in the partial index of unanswered contacts, which
    /// holds its person and time; only that one row is then read for its kind and whether it is date-only
    /// (of two at the same second, the first stored, as SQLite's `MAX` with bare columns chose). Reading
    /// those two columns for every unanswered row instead took 0.13 s of CPU a report on a million messages
    /// (the `sqlite3` shell, `.timer`: 0.05 s now), and the first report after an import asks once a week
    /// for 13 weeks.
    public func facts(asOf day: Day, timeZone: TimeZone) throws(StoreError) -> NetworkFacts {
        var mapper = DayMapper(timeZone: timeZone)
        let limit = Int64(mapper.end(of: day).timeIntervalSince1970)
        return try read { db in
            var unanswered: [Person.ID: UnansweredContact] = [:]
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT u.person_id, u.kind, u.at, u.date_only FROM (
                        SELECT m.person_id, i.kind, m.at, i.date_only FROM (
                            SELECT person_id, MAX(occurred_at) AS at FROM interaction
                            WHERE direction = 'in' AND answered = 0 AND occurred_at <= ?1 GROUP BY person_id
                        ) m JOIN interaction i ON i.id = (
                            SELECT x.id FROM interaction x
                            WHERE x.person_id = m.person_id AND x.occurred_at = m.at AND x.direction = 'in'
                                AND x.answered = 0
                            ORDER BY x.id LIMIT 1)
                    ) u
                    WHERE NOT EXISTS (
                        SELECT 1 FROM interaction r
                        WHERE r.person_id = u.person_id AND r.occurred_at >= u.at - 86400 AND r.occurred_at <= ?1
                          AND \(Self.repliedAfter("r", "u.at", "u.date_only"))
                          AND NOT (r.direction = 'in' AND r.answered = 0)
                    )
                    """, arguments: [limit])
            for row in rows {
                unanswered[row[0]] = UnansweredContact(
                    day: mapper.day(forEpochSeconds: row[2], dateOnly: row[3]),
                    kind: InteractionKind(rawValue: row[1]) ?? .message)
            }
            return NetworkFacts(unanswered: unanswered)
        }
    }
}
