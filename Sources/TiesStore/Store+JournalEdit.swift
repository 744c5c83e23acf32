import GRDB
import TiesCore

extension Store {
    /// One journal entry with its tags.
    /// - Throws: ``StoreError/unknownRecord(_:_:)`` when there is no entry with that id.
    public func journalEntry(_ id: JournalEntry.ID) throws(StoreError) -> Stored<JournalEntry> {
        guard let entry = try journalEntries().first(where: { $0.id == id }) else {
            throw .unknownRecord(.journalEntry, id)
        }
        return entry
    }

    /// Replaces a journal entry's fields and tags with `entry`'s (its id is ignored): only the columns and
    /// tags that differ are written, so the change log records just what changed and `ties undo` reverts it.
    /// The caller checks that the entry is valid (``JournalEntry`` has the rules the CLI applies).
    /// - Throws: ``StoreError/unknownRecord(_:_:)`` when there is no entry with that id.
    public func replaceJournalEntry(_ id: JournalEntry.ID, with entry: JournalEntry) throws(StoreError) {
        let old = try journalEntry(id).record
        try write { db in
            if old.kind != entry.kind || old.text != entry.text || old.day != entry.day || old.endDay != entry.endDay
                || old.organisation != entry.organisation || old.title != entry.title || old.amount != entry.amount
            {
                try db.execute(
                    sql: """
                        UPDATE journal_entry SET kind = ?, text = ?, day = ?, end_day = ?, organisation = ?, title = ?,
                            amount = ?
                        WHERE id = ?
                        """,
                    arguments: [
                        entry.kind.rawValue, entry.text, entry.day.description, entry.endDay?.description,
                        entry.organisation, entry.title, entry.amount, id,
                    ])
                guard db.changesCount == 1 else {
                    throw StoreError.unknownRecord(.journalEntry, id)
                }
            }
            for tag in old.tags.subtracting(entry.tags).sorted() {
                try db.execute(sql: "DELETE FROM journal_tag WHERE entry_id = ? AND tag = ?", arguments: [id, tag])
            }
            for tag in entry.tags.subtracting(old.tags).sorted() {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO journal_tag (entry_id, tag) VALUES (?, ?)", arguments: [id, tag])
            }
        }
    }
}
