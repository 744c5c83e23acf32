import Foundation
import Testing
import TiesTestSupport

/// `ties backup`, `ties restore` and `ties check` (issue 14, "Backups").
@Suite("ties backup, restore and check, end to end")
struct BackupEndToEndTests {
    let store = StoreUnderTest()

    func seed() throws {
        try store.ok("demo", "--people", "40", "--years", "2", "--as-of", "2026-06-30")
    }

    func people(_ db: String) throws -> String {
        try TiesBinary.run(["person", "list", "--format", "csv", "--db", db]).stdout
    }

    @Test("a backup into a folder that does not exist says so (not 'read-only'), and writes nothing")
    func missingFolder() throws {
        try store.ok("init")
        let target = store.dir.file("no-such-folder/backup.sqlite").path
        let result = try store.ties("backup", target)
        #expect(result.status == 73)
        #expect(result.stderr.contains("no such folder") && !result.stderr.contains("read-only"))
        #expect(!FileManager.default.fileExists(atPath: store.dir.file("no-such-folder").path))
    }

    @Test("a backup taken during a stream of writes restores to a store that passes ties check")
    func backupDuringWrites() async throws {
        try seed()
        let db = store.db
        let backup = store.dir.file("backup.sqlite").path
        let writes = Task {
            for i in 1...25 {
                _ = try TiesBinary.run(["log", "#\(i)", "message", "--note", "during \(i)", "--db", db])
            }
        }
        try await Task.sleep(nanoseconds: 300_000_000)
        let taken = try store.ties("backup", backup)
        try await writes.value
        #expect(taken.status == 0, "\(taken.stderr)")
        let restoredDB = store.dir.file("restored.sqlite").path
        let restore = try TiesBinary.run(["restore", backup, "--db", restoredDB])
        #expect(restore.status == 0, "\(restore.stderr)")
        let check = try TiesBinary.run(["check", "--db", restoredDB])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("is sound"))
        let during = Int(
            try StoreSQL.value(restoredDB, "SELECT count(*) FROM interaction WHERE note LIKE 'during %'") ?? "")
        #expect((0...25).contains(during ?? -1))
        #expect(try StoreSQL.value(backup, "PRAGMA journal_mode") == "delete")
        #expect(!FileManager.default.fileExists(atPath: backup + "-wal"))
    }

    @Test("an encrypted backup cannot be read without its passphrase, and restores with it")
    func encrypted() throws {
        try seed()
        let backup = store.dir.file("backup.tiesbak")
        let secret = ["TIES_PASSPHRASE": "correct horse battery staple"]
        let taken = try TiesBinary.run(["backup", "--encrypt", backup.path, "--db", store.db], environment: secret)
        #expect(taken.status == 0, "\(taken.stderr)")
        let bytes = try #require(contents(of: backup))
        #expect(bytes.starts(with: Data("TIESBAK\0".utf8)))
        let name = try #require(try StoreSQL.value(store.db, "SELECT name FROM person ORDER BY id LIMIT 1"))
        #expect(bytes.range(of: Data(name.utf8)) == nil)
        #expect(bytes.range(of: Data("SQLite format 3".utf8)) == nil)
        let mode = try FileManager.default.attributesOfItem(atPath: backup.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let target = store.dir.file("restored.sqlite").path
        let without = try TiesBinary.run(["restore", backup.path, "--db", target])
        #expect(without.status == 64)
        let wrong = try TiesBinary.run(
            ["restore", backup.path, "--db", target], environment: ["TIES_PASSPHRASE": "wrong"])
        #expect(wrong.status == 65)
        #expect(wrong.stderr.contains("passphrase is wrong"))
        #expect(!FileManager.default.fileExists(atPath: target))
        let right = try TiesBinary.run(["restore", backup.path, "--db", target], environment: secret)
        #expect(right.status == 0, "\(right.stderr)")
        #expect(try people(target) == people(store.db))
    }

    @Test("restore keeps the store it replaces beside it, and refuses a damaged or foreign file untouched")
    func restoreChecksFirst() throws {
        try seed()
        let backup = store.dir.file("backup.sqlite")
        try store.ok("backup", backup.path)
        try store.ok("person", "add", "Added After The Backup")
        let after = try people(store.db)

        var damaged = try #require(contents(of: backup))
        // The header of the third page: where it starts follows from the page size (file bytes 16-17).
        let pageSize = Int(damaged[16]) << 8 | Int(damaged[17])
        damaged.replaceSubrange(2 * pageSize..<2 * pageSize + 8, with: Data(repeating: 0xFF, count: 8))
        let broken = store.dir.file("broken.sqlite")
        try damaged.write(to: broken)
        let foreign = store.dir.file("foreign.sqlite")
        try StoreSQL.makeOtherGRDBApplication(at: foreign.path)
        for bad in [broken, foreign] {
            let before = try store.dump()
            let result = try store.ties("restore", bad.path)
            #expect(result.status == 65, "\(bad.lastPathComponent): \(result.stderr)")
            #expect(try store.dump() == before)
        }

        let restored = try store.ties("restore", backup.path)
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(!(try people(store.db)).contains("Added After The Backup"))
        let kept = try FileManager.default.contentsOfDirectory(atPath: store.dir.url.path)
            .filter { $0.hasPrefix("ties.sqlite.replaced-") }
        #expect(kept.count == 1)
        let keptPath = store.dir.file(try #require(kept.first)).path
        #expect(try people(keptPath) == after)
    }

    @Test("backup refuses to overwrite a file without --force (73), and replaces it with --force")
    func backupForce() throws {
        try seed()
        let file = store.dir.file("exists.sqlite")
        try Data("keep me".utf8).write(to: file)
        let refused = try store.ties("backup", file.path)
        #expect(refused.status == 73)
        #expect(contents(of: file) == Data("keep me".utf8))
        try store.ok("backup", "--force", file.path)
        #expect(try StoreSQL.value(file.path, "PRAGMA application_id") == "1414088019")
    }

    @Test("ties check finds a stored relationship state that differs from the history (65)")
    func checkFindsDrift() throws {
        try seed()
        #expect(try store.ties("check").status == 0)
        let id = try #require(try StoreSQL.value(store.db, "SELECT person_id FROM relationship_state LIMIT 1"))
        try StoreSQL.execute(store.db, "UPDATE relationship_state SET episodes = episodes + 1 WHERE person_id = \(id)")
        let result = try store.ties("check")
        #expect(result.status == 65)
        #expect(result.stderr.contains("person #\(id)"))
        #expect(result.stderr.contains("episodes"))
    }

    @Test("ties check finds an interaction whose source key is not the one its source and source id give (65)")
    func checkFindsWrongSourceKey() throws {
        try seed()
        #expect(try store.ties("check").status == 0)
        let id = try #require(
            try StoreSQL.value(store.db, "SELECT id FROM interaction WHERE source_id IS NOT NULL LIMIT 1"))
        try StoreSQL.execute(store.db, "UPDATE interaction SET source_key = 7 WHERE id = \(id)")
        let result = try store.ties("check")
        #expect(result.status == 65)
        #expect(result.stderr.contains("interaction #\(id): source key 7, but its source and source id give "))
    }

    @Test(
        "a backup onto a full disk (74) says so and leaves no file or temporary file behind",
        .enabled(if: SmallDisk.available, "needs root and mount -t tmpfs"))
    func backupDiskFull() throws {
        try seed()
        let disk = try #require(SmallDisk.make(kilobytes: 128))
        let result = try store.ties("backup", disk.url.appendingPathComponent("b.sqlite").path)
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("no space left"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.url.path) == [])
    }

    @Test("a schema migration takes a backup of the store first")
    func migrationBacksUp() throws {
        try store.ok("init")
        try store.ok("person", "add", "Dana Reyes")
        try StoreSQL.execute(
            store.db,
            "DROP INDEX interaction_unanswered; DELETE FROM grdb_migrations WHERE identifier = 'v4-unanswered-index'")
        try store.ok("person", "add", "Sam Okafor")
        let backup = store.db + ".before-v4-unanswered-index.backup"
        #expect(FileManager.default.fileExists(atPath: backup))
        // One file, private, in rollback-journal mode (header bytes 18 and 19 are 1): nothing beside it.
        let header = try [UInt8](Data(contentsOf: URL(fileURLWithPath: backup)).prefix(20))
        #expect(header.count == 20 && header[18] == 1 && header[19] == 1)
        #expect(!FileManager.default.fileExists(atPath: backup + "-wal"))
        let mode = try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let folder = (store.db as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }.isEmpty)
        #expect(try StoreSQL.value(backup, "SELECT name FROM person") == "Dana Reyes")
        #expect(
            try StoreSQL.value(backup, "SELECT count(*) FROM grdb_migrations WHERE identifier = 'v4-unanswered-index'")
                == "0")
        #expect(
            try StoreSQL.value(
                store.db, "SELECT count(*) FROM grdb_migrations WHERE identifier = 'v4-unanswered-index'")
                == "1")
    }
}
