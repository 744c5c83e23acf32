import Foundation
import GRDB
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesStore

@Suite("Store: a Ties store knows it is one, and says exactly what went wrong")
struct StoreIdentityTests {
    @Test("a new store carries Ties's application id and its schema version")
    func stamped() throws {
        let dir = TemporaryDirectory()
        let store = try Store.create(at: dir.file("ties.sqlite"))
        let (id, version) = try store.queue.read { db in
            (
                try Int32.fetchOne(db, sql: "PRAGMA application_id"),
                try Int.fetchOne(db, sql: "PRAGMA user_version")
            )
        }
        #expect(id == Store.applicationID)
        #expect(id == 0x5449_4553)
        #expect(version == Store.schemaVersion)
    }

    /// A file as another GRDB application makes it: its own first migration is also called `v1`.
    static func otherGRDBApp(at url: URL, applicationID: Int32 = 0) throws {
        let queue = try DatabaseQueue(path: url.path)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO note VALUES (1, 'x')")
            if applicationID != 0 { try db.execute(sql: "PRAGMA application_id = \(applicationID)") }
        }
        try migrator.migrate(queue)
        try queue.close()
    }

    @Test("another GRDB application's file whose first migration is v1 is refused and left byte-identical")
    func otherApplication() throws {
        let dir = TemporaryDirectory()
        let url = dir.file("other.sqlite")
        try Self.otherGRDBApp(at: url)
        let before = contents(of: url)
        #expect {
            try Store.open(at: url)
        } throws: { error in
            if case .notAStore = error as? StoreError { return true }
            return false
        }
        #expect(throws: StoreError.self) { try Store.create(at: url) }
        #expect(contents(of: url) == before)
        #expect(!FileManager.default.fileExists(atPath: url.path + "-wal"))
    }

    @Test("a file with another application's id is refused even when it has Ties's tables")
    func foreignApplicationID() throws {
        let dir = TemporaryDirectory()
        let url = dir.file("ties.sqlite")
        let store = try Store.create(at: url)
        try store.queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA application_id = 42") }
        try store.close()
        let before = contents(of: url)
        #expect {
            try Store.open(at: url)
        } throws: { error in
            if case .notAStore(_, let reason) = error as? StoreError { return reason.contains("another application") }
            return false
        }
        #expect(contents(of: url) == before)
    }

    @Test("a store made before application ids is recognised by its schema, left alone by reads, stamped by a write")
    func legacyStore() throws {
        let dir = TemporaryDirectory()
        let url = dir.file("ties.sqlite")
        let made = try Store.create(at: url)
        try made.addPerson(Person(name: "Dana Reyes"), at: Fixtures.now)
        try made.queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA application_id = 0; PRAGMA user_version = 0")
        }
        try made.close()
        let before = try StoreDump.of(url.path)
        #expect(before.contains("application_id 0"))
        let reader = try Store.open(at: url)
        #expect(try reader.people().map(\.name) == ["Dana Reyes"])
        try reader.close()
        #expect(try StoreDump.of(url.path) == before)
        let writer = try Store.open(at: url)
        try writer.addPerson(Person(name: "Sam Okafor"), at: Fixtures.now)
        let stamp = try writer.queue.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") }
        #expect(stamp == Store.applicationID)
    }

    @Test("a store whose schema version is above this Ties's is refused, naming both versions")
    func newerVersion() throws {
        let dir = TemporaryDirectory()
        let url = dir.file("ties.sqlite")
        let store = try Store.create(at: url)
        try store.queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = 99") }
        try store.close()
        let expected = StoreError.newerSchema(
            path: url.path, migration: "(unnamed)", version: 99, known: Store.schemaVersion)
        #expect(throws: expected) { try Store.open(at: url) }
        #expect(expected.description.contains("schema version 99"))
    }

    @Test("a write that finds the disk full is diskFull, and changes nothing (SQLite's max_page_count)")
    func diskFull() throws {
        let dir = TemporaryDirectory()
        let url = dir.file("ties.sqlite")
        let store = try Store.create(at: url)
        try store.addPerson(Person(name: "Dana Reyes"), at: Fixtures.now)
        let pages = try store.queue.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        try store.queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
        let many = (0..<2000).map { Person(name: "Person \($0) with a long enough name to need pages") }
        #expect(throws: StoreError.diskFull(path: url.path)) {
            try store.importBatch(
                people: many.map { PersonRecord(person: $0, file: "t", line: 1) }, interactions: [],
                createPeople: true, dryRun: false, context: Fixtures.context, now: Fixtures.now)
        }
        #expect(try store.people().map(\.name) == ["Dana Reyes"])
    }

    @Test("a write that waits beyond the busy timeout is busy, not 'not a Ties store'")
    func busy() throws {
        let dir = TemporaryDirectory()
        let url = dir.file("ties.sqlite")
        _ = try Store.create(at: url)
        let holder = try DatabaseQueue(path: url.path)
        let store = try Store.open(at: url)
        let started = Date()
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            #expect(throws: StoreError.busy(path: url.path, seconds: Store.busyTimeout)) {
                try store.addPerson(Person(name: "Dana Reyes"), at: Fixtures.now)
            }
            try db.execute(sql: "ROLLBACK")
        }
        #expect(Date().timeIntervalSince(started) >= Store.busyTimeout - 0.5)
        try store.addPerson(Person(name: "Dana Reyes"), at: Fixtures.now)
    }

    @Test("SQLite's codes map to the exact diagnoses")
    func mapping() {
        let path = "/nonexistent-folder-ties/ties.sqlite"
        #expect(StoreError.wrap(DatabaseError(resultCode: .SQLITE_BUSY), path: path) == .busy(path: path, seconds: 5))
        #expect(StoreError.wrap(DatabaseError(resultCode: .SQLITE_FULL), path: path) == .diskFull(path: path))
        #expect(
            StoreError.wrap(DatabaseError(resultCode: .SQLITE_READONLY), path: path)
                == .readOnly(path: path, folder: false))
        for error in [
            StoreError.busy(path: path, seconds: 5), .diskFull(path: path), .readOnly(path: path, folder: false),
            .readOnly(path: path, folder: true), .missing(path: path), .notAStore(path: path, reason: "r"),
        ] {
            #expect(!error.description.contains("--db"), "\(error)")
            #expect(!error.description.contains("`ties"), "\(error)")
        }
    }
}
