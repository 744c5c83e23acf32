import Foundation
import GRDB
import TiesCore

extension Store {
    /// Reads `known_since`, `birthday` and `work_anniversary`, in that order from column `index`, into
    /// `person` (a value that does not read is left out).
    static func readDates(into person: inout Person, _ row: Row, from index: Int) {
        person.knownSince = (row[index] as String?).flatMap(CareerRows.day(from:))
        person.birthday = (row[index + 1] as String?).flatMap(YearlyDate.parse)
        person.workAnniversary = (row[index + 2] as String?).flatMap(YearlyDate.parse)
    }

    /// Gives people their birthdays and work anniversaries from an import where they have none yet (what
    /// the user entered is never overwritten), in the caller's transaction.
    static func fillYearlyDates(of id: Int64, birthday: YearlyDate?, anniversary: YearlyDate?, _ db: Database)
        throws
    {
        guard birthday != nil || anniversary != nil else { return }
        try db.execute(
            sql: """
                UPDATE person SET birthday = coalesce(birthday, ?), work_anniversary = coalesce(work_anniversary, ?)
                WHERE id = ? AND ((birthday IS NULL AND ? IS NOT NULL) OR (work_anniversary IS NULL AND ? IS NOT NULL))
                """,
            arguments: [
                birthday?.description, anniversary?.description, id, birthday?.description,
                anniversary?.description,
            ])
    }
}
