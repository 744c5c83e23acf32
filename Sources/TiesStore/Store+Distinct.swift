import Foundation
import GRDB
import TiesCore

/// A recorded "these two are different people".
public struct DistinctRecord: Sendable, Equatable {
    public var pair: PersonPair
    public var firstName: String
    public var secondName: String
    public var recordedAt: Date
}

extension Store {
    /// Records that two people are different, so that `person duplicates` never proposes them again.
    /// - Returns: false when it was already recorded (nothing changes).
    /// - Throws: ``StoreError/samePerson(_:)`` for one person given twice.
    @discardableResult
    public func recordDistinct(_ x: Person.ID, _ y: Person.ID, at now: Date) throws(StoreError) -> Bool {
        guard x != y else { throw .samePerson(x) }
        let pair = PersonPair(x, y)
        return try write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO person_distinct (person_a, person_b, recorded_at) VALUES (?, ?, ?)",
                arguments: [pair.first, pair.second, Int64(now.timeIntervalSince1970)])
            return db.changesCount > 0
        }
    }

    /// Forgets that two people are different (`person distinct --undo`).
    /// - Returns: false when nothing was recorded for them.
    @discardableResult
    public func removeDistinct(_ x: Person.ID, _ y: Person.ID) throws(StoreError) -> Bool {
        let pair = PersonPair(x, y)
        return try write { db in
            try db.execute(
                sql: "DELETE FROM person_distinct WHERE person_a = ? AND person_b = ?",
                arguments: [pair.first, pair.second])
            return db.changesCount > 0
        }
    }

    /// Every pair recorded as different people.
    public func distinctPairs() throws(StoreError) -> Set<PersonPair> {
        try read { db in
            var pairs = Set<PersonPair>()
            let rows = try Row.fetchCursor(db, sql: "SELECT person_a, person_b FROM person_distinct")
            while let row = try rows.next() { pairs.insert(PersonPair(row[0], row[1])) }
            return pairs
        }
    }

    /// The recorded pairs with the two names, by first name, then the ids.
    public func distinctRecords() throws(StoreError) -> [DistinctRecord] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.person_a, d.person_b, a.name, b.name, d.recorded_at FROM person_distinct d
                    JOIN person a ON a.id = d.person_a JOIN person b ON b.id = d.person_b
                    ORDER BY a.name COLLATE NOCASE, d.person_a, d.person_b
                    """
            ).map { row in
                DistinctRecord(
                    pair: PersonPair(row[0], row[1]), firstName: row[2], secondName: row[3],
                    recordedAt: Date(timeIntervalSince1970: TimeInterval(row[4] as Int64)))
            }
        }
    }
}
