import Foundation
import GRDB
import TiesCore

extension StoreImporter {
    /// Records a version of one of the user's own details (from an export's profile), unless a version of
    /// that kind with the same value is already stored: importing the same export again changes nothing.
    /// A phone number is the same number however it is written (``MatchKey/phone(_:)``): a real export gives
    /// `+1 206-555-0188` in PhoneNumbers.csv and `12065550188` in Whatsapp Phone Numbers.csv, and the second
    /// as a new version made the first look like an old number that people still hold.
    /// - Returns: whether it was added.
    @discardableResult
    public mutating func addMyDetail(_ detail: MyDetail) throws(StoreError) -> Bool {
        do {
            let known = try Bool.fetchOne(
                db, sql: "SELECT 1 FROM my_detail WHERE kind = ? AND lower(value) = lower(?)",
                arguments: [detail.kind.rawValue, detail.value])
            guard known == nil else { return false }
            if detail.kind == .phone, let number = MatchKey.phone(detail.value) {
                let phones = try String.fetchAll(
                    db, sql: "SELECT value FROM my_detail WHERE kind = ?", arguments: [detail.kind.rawValue])
                if phones.contains(where: { MatchKey.phone($0) == number }) { return false }
            }
            try db.execute(
                sql: "INSERT INTO my_detail (kind, value, since_day) VALUES (?, ?, ?)",
                arguments: [detail.kind.rawValue, detail.value, detail.since.description])
            return true
        } catch {
            throw StoreError.wrap(error)
        }
    }

    /// What ``addJournalEntry(_:)`` did with an entry.
    public enum JournalEntryOutcome: Sendable, Equatable {
        case added
        /// The entry was there without an end, and the record gives one: the job has ended since.
        case ended
        case alreadyThere
    }

    /// Adds an entry to the career journal (the user's positions from an export), unless an entry of its kind
    /// from the same day, with the same organisation and title, is already there: importing the same export
    /// again changes nothing, and a position typed in by hand from that day is not doubled. A later export of
    /// a job that has ended since gives the entry there its end, when it has none (an end already recorded,
    /// perhaps by the user, is kept).
    @discardableResult
    public mutating func addJournalEntry(_ entry: JournalEntry) throws(StoreError) -> JournalEntryOutcome {
        do {
            let stored = try Row.fetchOne(
                db,
                sql: """
                    SELECT id, end_day FROM journal_entry WHERE kind = ? AND day = ?
                        AND lower(coalesce(organisation, '')) = lower(?) AND lower(coalesce(title, '')) = lower(?)
                    ORDER BY id LIMIT 1
                    """,
                arguments: [entry.kind.rawValue, entry.day.description, entry.organisation ?? "", entry.title ?? ""])
            guard let stored else {
                _ = try Store.insert(entry, db)
                return .added
            }
            guard let end = entry.endDay, (stored["end_day"] as String?) == nil else { return .alreadyThere }
            try db.execute(
                sql: "UPDATE journal_entry SET end_day = ? WHERE id = ?",
                arguments: [end.description, stored["id"] as Int64])
            return .ended
        } catch {
            throw StoreError.wrap(error)
        }
    }
}
