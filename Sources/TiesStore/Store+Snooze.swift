import Foundation
import GRDB
import TiesCore

extension Store {
    // MARK: - Snoozes

    /// Snoozes a person: left out of "who next" and the gaps from `since` until `until` (back that day). A
    /// person snoozed already gets the new days in place of the old (one snooze per person). Recorded in the
    /// change log like every write, so `ties undo` reverts it.
    /// - Throws: ``StoreError/unknownPerson(_:)``; ``StoreError/invalidRecord(_:)`` when `until` is not
    ///   after `since`.
    @discardableResult
    public func snooze(_ personID: Person.ID, since: Day, until: Day) throws(StoreError) -> Snooze {
        guard since < until else {
            throw .invalidRecord(.snoozeEnd(since: since.description, until: until.description))
        }
        return try write { db in
            try CareerRows.requirePerson(personID, db)
            try db.execute(
                sql: """
                    INSERT INTO snooze (person_id, since_day, until_day) VALUES (?, ?, ?)
                    ON CONFLICT (person_id) DO UPDATE SET since_day = excluded.since_day, until_day = excluded.until_day
                    """, arguments: [personID, since.description, until.description])
            return Snooze(personID: personID, since: since, until: until)
        }
    }

    /// Ends a person's snooze.
    /// - Throws: ``StoreError/invalidRecord(_:)`` when the person is not snoozed.
    public func unsnooze(_ personID: Person.ID) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM snooze WHERE person_id = ?", arguments: [personID])
            guard db.changesCount == 1 else {
                throw StoreError.invalidRecord(.notSnoozed(personID))
            }
        }
    }

    /// Every snooze recorded, in effect or not, by person id. Empty for a store not yet migrated to have
    /// snoozes (opened read-only).
    public func snoozes() throws(StoreError) -> [Snooze] {
        try read { db in
            guard try db.tableExists("snooze") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT * FROM snooze ORDER BY person_id").compactMap { row in
                guard let since = CareerRows.day(from: row["since_day"]),
                    let until = CareerRows.day(from: row["until_day"])
                else { return nil }
                return Snooze(personID: row["person_id"], since: since, until: until)
            }
        }
    }
}
