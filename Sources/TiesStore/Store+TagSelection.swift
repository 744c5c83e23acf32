import GRDB
import TiesCore

extension Store {
    // MARK: - Selecting people by tag

    /// Every tag someone carries, once each whatever its case (the spelling first in code-point order),
    /// sorted without regard to case.
    public func tagsInUse() throws(StoreError) -> [String] {
        try read { db in
            try String.fetchAll(
                db,
                sql: "SELECT min(tag) FROM person_tag GROUP BY tag COLLATE NOCASE ORDER BY 1 COLLATE NOCASE, 1")
        }
    }

    /// The people carrying any of `tags` (compared without regard to case), archived people included.
    /// - Complexity: O(people tagged).
    public func people(taggedWithAnyOf tags: [String]) throws(StoreError) -> Set<Person.ID> {
        guard !tags.isEmpty else { return [] }
        return try read { db in
            let marks = Array(repeating: "?", count: tags.count).joined(separator: ", ")
            return Set(
                try Int64.fetchAll(
                    db,
                    sql: "SELECT DISTINCT person_id FROM person_tag WHERE tag COLLATE NOCASE IN (\(marks))",
                    arguments: StatementArguments(tags)))
        }
    }
}
