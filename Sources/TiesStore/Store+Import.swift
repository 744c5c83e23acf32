import Foundation
import GRDB
import TiesCore

extension Store {
    /// Imports people and interactions in one transaction; see ``StoreImporter`` for how records are matched.
    ///
    /// - Parameter dryRun: do everything, report it, then roll the transaction back.
    /// - Complexity: O(p + i) statements for p people and i interactions.
    public func importBatch(
        people: [PersonRecord], interactions: [InteractionRecord], createPeople: Bool, dryRun: Bool,
        context: ScoringContext, now: Date
    ) throws(StoreError) -> ImportSummary {
        try importing(createPeople: createPeople, dryRun: dryRun, context: context, now: now) {
            (importer: inout StoreImporter) throws(StoreError) in
            for record in people { try importer.add(record) }
            try importer.add(interactions)
            return true
        }
    }

    /// Runs `body` with an importer inside one transaction, so that records can be imported as a file is
    /// read instead of all held in memory first.
    ///
    /// The transaction commits when `body` returns true and `dryRun` is false; it is rolled back when `body`
    /// returns false (say, because the file turned out to hold invalid records), when it throws, or for a
    /// dry run. Relationship states of everyone touched are rebuilt before the end, in the same transaction.
    ///
    /// - Parameters:
    ///   - cacheMiB: the most memory SQLite's page cache may take during the import (it only grows as pages
    ///     are used).
    ///   - large: the caller expects many interactions (a file of hundreds of thousands of rows): the
    ///     interaction table's index on (person, time) is dropped at the first new row and built again at the
    ///     end (on a first import too); its unique and partial indexes are kept up to date. Unless `dryRun`,
    ///     the transaction writes with a rollback journal when no other connection has the store open
    ///     (``switchToRollbackJournal(_:)``).
    public func importing(
        createPeople: Bool, dryRun: Bool, context: ScoringContext, now: Date, cacheMiB: Int = 256,
        large: Bool = false, _ body: (inout StoreImporter) throws(StoreError) -> Bool
    ) throws(StoreError) -> ImportSummary {
        var summary = ImportSummary()
        let command = changeLabel.command
        do {
            try queue.writeWithoutTransaction { db in
                // Rows that are not in id and person order touch pages all over the table and its indexes;
                // with SQLite's default 2 MB page cache each insert then evicts and re-reads pages (a shuffled
                // million-row file took 11.3 s, 6.7 s with this cache). The cache only grows as pages are used.
                let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                try db.execute(sql: "PRAGMA cache_size = -\(max(2, cacheMiB) * 1024)")
                defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
                // The change log's triggers make every INSERT OR IGNORE keep a statement journal (the pages it
                // changes, to undo that one statement), a temporary file by default: 7 writes to it per
                // interaction, 1.4 million system calls for 200,000 messages (strace). In memory it costs none.
                let tempStore = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                defer { try? db.execute(sql: "PRAGMA temp_store = \(tempStore)") }
                // A large import's index builds sort on threads of their own (``StoreImporter/finish()``).
                let threads = try Int.fetchOne(db, sql: "PRAGMA threads") ?? 0
                defer { try? db.execute(sql: "PRAGMA threads = \(threads)") }
                // Every person id an import writes comes from the importer's own index of the person table (or
                // from the person it just inserted), so SQLite's check of each new row's parent is a second
                // b-tree lookup per interaction that cannot fail: 0.2 s of a million-row `import csv` (the same
                // INSERT in the sqlite3 shell: 0.96 s without the check, 1.16 s with it). The import deletes no
                // parent row, so no cascade is skipped. Only settable outside a transaction; restored after.
                let foreignKeys = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? true
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = \(foreignKeys ? "ON" : "OFF")") }
                let rollbackJournal = large && !dryRun && Self.switchToRollbackJournal(db)
                defer { if rollbackJournal { Self.switchBackToWriteAheadLog(db) } }
                try db.inTransaction {
                    try Store.stamp(db)
                    let keep = try Self.recordingChange(command, db) {
                        // Interactions come by the million: recorded as ranges of ids, not row by row.
                        var inserted: [ClosedRange<Int64>]?
                        let keep = try Self.recordingBulkInserts(into: "interaction", db, newRows: { inserted }) {
                            var importer = try StoreImporter(
                                db, createPeople: createPeople, large: large, context: context, now: now)
                            let keep = try body(&importer)
                            try importer.finish()
                            summary = importer.summary
                            inserted = importer.insertedRuns
                            return keep
                        }
                        // Every people import ends here: the roles their titles imply are inferred in the same
                        // transaction and change (and rolled back with a dry run).
                        if summary.peopleAdded + summary.peopleUpdated > 0 {
                            summary.rolesInferred = try Store.classifyRoles(context: context, at: now, db).addedCount
                        }
                        return keep
                    }
                    return keep && !dryRun ? .commit : .rollback
                }
            }
        } catch {
            throw StoreError.wrap(error, path: url.path)
        }
        return summary
    }

    /// Puts the store in rollback-journal mode for a large import's transaction, when it can: true if it did.
    ///
    /// With the write-ahead log every page a transaction writes is written twice: into the log, then, at the
    /// commit's checkpoint, into the file. A large import writes mostly new pages (a million LinkedIn messages:
    /// 145 MB), and a rollback journal keeps only the old content of pages that held some, so the new ones
    /// are written once. The million into a store of their 10,000 connections, in the `sqlite3` shell
    /// (`Benchmarks/journal-modes.sh`, 5 rounds): the commit took 0.27-0.30 s with the log, 0.05-0.09 s with
    /// the journal; `ties` ended 0.27-0.46 s sooner after its reading, in three pairs under `perf`
    /// (Benchmarks/README.md).
    ///
    /// SQLite changes the mode only when no other connection has the file open, and says so at once (busy,
    /// without waiting): then the import keeps the log. While the journal is in use other processes wait
    /// for the import instead of reading beside it. `synchronous` is FULL meanwhile: with NORMAL, a power
    /// cut at the wrong moment may corrupt a file in this mode (SQLite's documentation); the commit took as
    /// long in the shell. ``switchBackToWriteAheadLog(_:)`` undoes both after the transaction; a store
    /// left in this mode (a crash, or another process that opened it meanwhile) is put back by the next
    /// writable open (``open(at:readOnly:)``).
    static func switchToRollbackJournal(_ db: Database) -> Bool {
        guard (try? String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")) == "delete" else { return false }
        do {
            try db.execute(sql: "PRAGMA synchronous = FULL")
        } catch {
            switchBackToWriteAheadLog(db)  // never without FULL
            return false
        }
        return true
    }

    /// Puts the store back in write-ahead-log mode after ``switchToRollbackJournal(_:)``, with the
    /// `synchronous` setting of every connection (``configuration(readOnly:)``). When another process holds
    /// the file meanwhile, the store stays in rollback-journal mode until the next writable open.
    static func switchBackToWriteAheadLog(_ db: Database) {
        _ = try? String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        try? db.execute(sql: "PRAGMA synchronous = NORMAL")
    }
}
