import Foundation
import GRDB
import TiesCore

extension Store {
    /// The stored health of each of `days` that has a snapshot.
    public func healthSnapshots(_ days: [Day]) throws(StoreError) -> [Day: Double] {
        guard !days.isEmpty else { return [:] }
        return try read { db in
            var found: [Day: Double] = [:]
            let rows = try Row.fetchAll(
                db,
                sql:
                    "SELECT day, health FROM network_snapshot WHERE day IN (\(days.map { "'\($0)'" }.joined(separator: ",")))"
            )
            let byText = Dictionary(uniqueKeysWithValues: days.map { ($0.description, $0) })
            for row in rows { if let day = byText[row[0]] { found[day] = row[1] } }
            return found
        }
    }

    /// Stores (or replaces) the health snapshot of a day.
    public func saveHealthSnapshot(_ health: HealthIndex, on day: Day) throws(StoreError) {
        try saveHealthSnapshots([day: health])
    }

    /// Stores (or replaces) the health snapshots of several days, in one transaction: all or none.
    public func saveHealthSnapshots(_ snapshots: [Day: HealthIndex]) throws(StoreError) {
        guard !snapshots.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try write { db in
            for (day, health) in snapshots.sorted(by: { $0.key < $1.key }) {
                let json = String(
                    decoding: (try? encoder.encode(health.components)) ?? Data("[]".utf8), as: UTF8.self)
                try db.execute(
                    sql: "INSERT OR REPLACE INTO network_snapshot (day, health, components) VALUES (?, ?, ?)",
                    arguments: [day.description, health.value, json])
            }
        }
    }

    /// Every person's state as of the end of each of `days`, from one scan of the interactions.
    ///
    /// Used to rebuild past weeks: the interactions are read once into columns (through SQLite's C API),
    /// then ``ScoringKernel`` runs once per day on the rows up to that day.
    /// - Complexity: O(i + d·i) for i interactions and d days; the scan dominates.
    public func states(asOf days: [Day], context: ScoringContext) throws(StoreError) -> [Day: [Person.ID:
        RelationshipState]]
    {
        guard let latest = days.max() else { return [:] }
        var mapper = DayMapper(timeZone: context.timeZone)
        let limit = Int64(mapper.end(of: latest).timeIntervalSince1970)
        let configuration = context.configuration
        return try read { db in
            var roles: [Int64: Set<Role>] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT person_id, role FROM person_role") {
                if let role = Role(rawValue: row[1]) { roles[row[0], default: []].insert(role) }
            }
            let columns = try StateCache.readColumns(upTo: limit, context: context, db)
            var result: [Day: [Person.ID: RelationshipState]] = [:]
            for day in Set(days) {
                var upTo = InteractionColumns()
                upTo.reserve(columns.count)
                for i in 0..<columns.count where columns.day[i] <= Int32(day.ordinal) {
                    upTo.person.append(columns.person[i])
                    upTo.day.append(columns.day[i])
                    upTo.weight.append(columns.weight[i])
                    upTo.direction.append(columns.direction[i])
                    upTo.isContact.append(columns.isContact[i])
                }
                var states: [Person.ID: RelationshipState] = [:]
                for (id, state) in ScoringKernel.states(
                    of: upTo, halfLife: { configuration.strengthHalfLife(for: roles[$0] ?? []) },
                    activityHalfLife: configuration.activityHalfLifeDays)
                {
                    states[id] = state
                }
                result[day] = states
            }
            return result
        }
    }
}
