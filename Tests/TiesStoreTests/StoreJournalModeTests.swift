import Foundation
import GRDB
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesStore

/// A large import writes with a rollback journal when it has the store to itself
/// (``Store/switchToRollbackJournal(_:)``); these tests hold what that must not change: the store is in WAL
/// mode after, another connection keeps the log in use, a failed import leaves the records as they were, and
/// a process that ends in the middle leaves a journal that the next open rolls back.
@Suite("Store: the journal of a large import")
struct StoreJournalModeTests {
    /// `count` messages with Dana, an hour apart.
    func messages(_ count: Int, from first: Int = 1) -> [InteractionRecord] {
        (first..<first + count).map { n in
            InteractionRecord(
                interaction: Interaction(
                    personID: 0, occurredAt: Fixtures.now.addingTimeInterval(Double(-n) * 3600), kind: .message,
                    source: "linkedin-messages", sourceID: "m\(n)"),
                keys: [.name("Dana")], file: "messages.csv", line: n)
        }
    }

    func importLarge(
        _ store: Store, dryRun: Bool = false, _ body: (inout StoreImporter) throws(StoreError) -> Bool
    ) throws -> ImportSummary {
        try store.importing(
            createPeople: false, dryRun: dryRun, context: Fixtures.context, now: Fixtures.now, large: true, body)
    }

    /// The journal mode and `synchronous` of the connection `db`.
    func journal(_ db: Database) -> (mode: String, synchronous: Int) {
        (
            (try? String.fetchOne(db, sql: "PRAGMA journal_mode")) ?? "?",
            (try? Int.fetchOne(db, sql: "PRAGMA synchronous")) ?? -1
        )
    }

    /// Every interaction of the store, in id order, as text.
    func rows(_ store: Store) throws -> [String] {
        try store.read { db in
            try String.fetchAll(
                db,
                sql:
                    "SELECT id || '|' || person_id || '|' || occurred_at || '|' || source_id FROM interaction ORDER BY id"
            )
        }
    }

    /// A new store in `dir` that knows Dana, and its file.
    func storeWithDana(in dir: TemporaryDirectory) throws -> (Store, URL) {
        let url = dir.file("ties.sqlite")
        let store = try Store.create(at: url)
        try store.addPerson(Person(name: "Dana"), at: Fixtures.now)
        return (store, url)
    }

    func exists(_ url: URL, _ suffix: String) -> Bool {
        FileManager.default.fileExists(atPath: url.path + suffix)
    }

    @Test("a large import writes with a rollback journal, and the store is in WAL mode again after")
    func largeImportUsesTheJournal() throws {
        let dir = TemporaryDirectory()
        let (store, url) = try storeWithDana(in: dir)
        var during: (mode: String, synchronous: Int)?
        let summary = try importLarge(store) { (importer: inout StoreImporter) throws(StoreError) in
            try importer.add(messages(200))
            during = journal(importer.db)
            return true
        }
        #expect(summary.interactionsAdded == 200)
        #expect(during?.mode == "delete" && during?.synchronous == 2, "rollback journal, synchronous FULL")
        let after = try store.read { db in journal(db) }
        #expect(after.mode == "wal" && after.synchronous == 1)
        #expect(!exists(url, "-journal"))
        #expect(try store.check(context: Fixtures.context).problems == [])
        // A dry run writes nothing, so it keeps the log.
        var dryRunMode: String?
        let dry = try importLarge(store, dryRun: true) { (importer: inout StoreImporter) throws(StoreError) in
            try importer.add(messages(5, from: 201))
            dryRunMode = journal(importer.db).mode
            return true
        }
        #expect(dry.interactionsAdded == 5 && dryRunMode == "wal")
        #expect(try rows(store).count == 200)
    }

    @Test("with another connection open, a large import keeps the write-ahead log, and the other reads on")
    func anotherConnectionKeepsTheLog() throws {
        let dir = TemporaryDirectory()
        let (store, url) = try storeWithDana(in: dir)
        let other = try Store.open(at: url, readOnly: true)
        #expect(try other.people().count == 1)
        var during: String?
        let summary = try importLarge(store) { (importer: inout StoreImporter) throws(StoreError) in
            during = journal(importer.db).mode
            try importer.add(messages(50))
            return true
        }
        #expect(during == "wal" && summary.interactionsAdded == 50)
        #expect(try other.interactions().count == 50)
    }

    @Test("a large import that fails leaves every record as it was, and the store in WAL mode")
    func failedLargeImport() throws {
        let dir = TemporaryDirectory()
        let (store, url) = try storeWithDana(in: dir)
        _ = try importLarge(store) { (importer: inout StoreImporter) throws(StoreError) in
            try importer.add(messages(30))
            return true
        }
        let before = try rows(store)
        // Refused (a file found invalid after its first rows went in), then failing with an error.
        _ = try importLarge(store) { (importer: inout StoreImporter) throws(StoreError) in
            try importer.add(messages(40, from: 31))
            return false
        }
        #expect(throws: StoreError.self) {
            try importLarge(store) { (importer: inout StoreImporter) throws(StoreError) in
                try importer.add(messages(40, from: 31))
                throw StoreError.diskFull(path: "")
            }
        }
        #expect(try rows(store) == before)
        #expect(try store.read { db in journal(db).mode } == "wal")
        #expect(!exists(url, "-journal"))
    }

    /// A store of 30 messages with Dana, and `cut`: its files as a process killed in the middle of the next
    /// large import leaves them, copied while that import's transaction has written pages into the store
    /// (runs of 64 rows inserted as they come, a small cache spilling them) and the old content of those
    /// pages into the journal. Returns the store's rows, which `cut` holds once rolled back.
    func cutOffImport(in dir: TemporaryDirectory, to cut: URL) throws -> [String] {
        let (store, url) = try storeWithDana(in: dir)
        _ = try importLarge(store) { (importer: inout StoreImporter) throws(StoreError) in
            try importer.add(messages(30))
            return true
        }
        let committed = try #require(contents(of: url))
        _ = try HeldRows.$testRunLength.withValue(64) {
            try importLarge(store) { (importer: inout StoreImporter) throws(StoreError) in
                do { try importer.db.execute(sql: "PRAGMA cache_size = 2") } catch { throw StoreError.wrap(error) }
                try importer.add(messages(2_000, from: 31))
                try? FileManager.default.copyItem(at: url, to: cut)
                try? FileManager.default.copyItem(atPath: url.path + "-journal", toPath: cut.path + "-journal")
                return false
            }
        }
        #expect(contents(of: cut) != committed, "the store's file holds pages of the transaction")
        // A journal SQLite must roll back (a hot one), which a read-only connection cannot.
        #expect(
            contents(of: URL(fileURLWithPath: cut.path + "-journal")).map { $0.prefix(8).contains { $0 != 0 } } == true)
        #expect(throws: DatabaseError.self) {
            try DatabaseQueue(path: cut.path, configuration: Store.configuration(readOnly: true)).read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM interaction")
            }
        }
        return try rows(store)
    }

    @Test("a store whose large import was cut off is rolled back by the next open, read-only too, then WAL again")
    func interruptedLargeImport() throws {
        let dir = TemporaryDirectory()
        let cut = dir.file("cut.sqlite")
        let before = try cutOffImport(in: dir, to: cut)
        let reader = try Store.open(at: cut, readOnly: true)
        #expect(try rows(reader) == before)
        #expect(!exists(cut, "-journal"))
        #expect(try reader.read { db in journal(db).mode } == "delete")
        let writer = try Store.open(at: cut)
        #expect(try writer.read { db in journal(db).mode } == "wal")
        #expect(try writer.check(context: Fixtures.context).problems == [])
    }

    @Test(
        "a cut-off store on a read-only disk is refused, saying why, and left as it was",
        .enabled(if: SmallDisk.available, "needs root to mount a tmpfs"))
    func interruptedLargeImportReadOnly() throws {
        let dir = TemporaryDirectory()
        let disk = try #require(SmallDisk.make(kilobytes: 4096))
        let cut = disk.url.appendingPathComponent("cut.sqlite")
        _ = try cutOffImport(in: dir, to: cut)
        let files = [contents(of: cut), contents(of: URL(fileURLWithPath: cut.path + "-journal"))]
        #expect(disk.makeReadOnly())
        #expect {
            try Store.open(at: cut, readOnly: true)
        } throws: { error in
            guard case .unreadable(_, let reason)? = error as? StoreError else { return false }
            return reason.contains("interrupted") && reason.contains("cut.sqlite-journal")
        }
        #expect([contents(of: cut), contents(of: URL(fileURLWithPath: cut.path + "-journal"))] == files)
    }
}
