import Foundation
import GRDB
import TiesCore

extension Store {
    /// The stored health of each of `days` that is current, with the basis it would be stored under now.
    /// Weeks stored under another basis (the records or the scoring context changed since) are left out: the
    /// caller computes them from the records. Reads only. See ``HealthCache``.
    public func healthSnapshots(_ days: [Day], context: ScoringContext) throws(StoreError) -> (
        basis: String, health: [Day: Double]
    ) {
        try read { db in
            let basis = try HealthCache.basis(context: context, db)
            return (basis, try HealthCache.fetch(days, basis: basis, db))
        }
    }

    /// Stores the health of several days, computed under `basis` (from ``healthSnapshots(_:context:)``), in one
    /// transaction: all or none, and none when the records changed since that basis was read.
    /// - Returns: whether they were stored.
    @discardableResult
    public func saveHealthSnapshots(_ snapshots: [Day: HealthIndex], basis: String, context: ScoringContext)
        throws(StoreError) -> Bool
    {
        guard !snapshots.isEmpty else { return false }
        return try write { db in try HealthCache.save(snapshots, basis: basis, context: context, db) }
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
