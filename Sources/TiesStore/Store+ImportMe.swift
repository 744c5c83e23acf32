import Foundation
import GRDB
import TiesCore

extension StoreImporter {
    /// Records a version of one of the user's own details (from an export's profile), unless a version of
    /// that kind with the same value is already stored: importing the same export again changes nothing.
    /// - Returns: whether it was added.
    @discardableResult
    public mutating func addMyDetail(_ detail: MyDetail) throws(StoreError) -> Bool {
        do {
            let known = try Bool.fetchOne(
                db, sql: "SELECT 1 FROM my_detail WHERE kind = ? AND lower(value) = lower(?)",
                arguments: [detail.kind.rawValue, detail.value])
            guard known == nil else { return false }
            try db.execute(
                sql: "INSERT INTO my_detail (kind, value, since_day) VALUES (?, ?, ?)",
                arguments: [detail.kind.rawValue, detail.value, detail.since.description])
            return true
        } catch {
            throw StoreError.wrap(error)
        }
    }

    /// Adds an entry to the career journal (the user's positions from an export), unless an entry of its kind
    /// from the same day, with the same organisation and title, is already there: importing the same export
    /// again changes nothing, and a position typed in by hand from that day is not doubled.
    /// - Returns: whether it was added.
    @discardableResult
    public mutating func addJournalEntry(_ entry: JournalEntry) throws(StoreError) -> Bool {
        do {
            let known = try Bool.fetchOne(
                db,
                sql: """
                    SELECT 1 FROM journal_entry WHERE kind = ? AND day = ?
                        AND lower(coalesce(organisation, '')) = lower(?) AND lower(coalesce(title, '')) = lower(?)
                    """,
                arguments: [entry.kind.rawValue, entry.day.description, entry.organisation ?? "", entry.title ?? ""])
            guard known == nil else { return false }
            _ = try Store.insert(entry, db)
            return true
        } catch {
            throw StoreError.wrap(error)
        }
    }
}
