import GRDB
import TiesCore

extension Store {
    /// Which of `ids` are bridges: people with a tie that is a local bridge among the people who are not
    /// archived (its two ends share no acquaintance in the network).
    ///
    /// This is the same flag ``NetworkAnalysis`` computes for everyone (``PersonPosition/isBridge``), found
    /// here from the ties around the given people only, so that a listing of 20 people does not analyse a
    /// graph of 100,000.
    /// - Complexity: one indexed query per person asked about and per neighbour of theirs.
    public func bridges(among ids: [Person.ID]) throws(StoreError) -> Set<Person.ID> {
        try read { db in
            let statement = try db.makeStatement(
                sql: """
                    SELECT t.other FROM (
                        SELECT person_b AS other FROM tie WHERE person_a = ?1
                        UNION ALL SELECT person_a AS other FROM tie WHERE person_b = ?1
                    ) t JOIN person p ON p.id = t.other WHERE p.archived = 0
                    """)
            var cache: [Person.ID: Set<Person.ID>] = [:]
            func neighbours(_ id: Person.ID) throws -> Set<Person.ID> {
                if let known = cache[id] { return known }
                let found = Set(try Int64.fetchAll(statement, arguments: [id]))
                cache[id] = found
                return found
            }
            var result = Set<Person.ID>()
            for id in ids {
                let mine = try neighbours(id)
                for other in mine where try neighbours(other).isDisjoint(with: mine) {
                    result.insert(id)
                    break
                }
            }
            return result
        }
    }
}
