import Foundation
import Testing
import TiesTestSupport

/// Issue 14, findings 1, 3 and 7: waiting instead of failing, another application's file left alone, and
/// each failure of the store file diagnosed as what it is.
@Suite("The store's failures, each with its own exit code and words, end to end")
struct StoreDiagnosisTests {
    let store = StoreUnderTest()

    @Test("another GRDB application's file whose first migration is v1 is refused (65) and left byte-identical")
    func otherApplication() throws {
        try StoreSQL.makeOtherGRDBApplication(at: store.db)
        let before = contents(of: URL(fileURLWithPath: store.db))
        for command in [["score"], ["person", "add", "Dana Reyes"], ["init"], ["report"]] {
            let result = try store.ties(command)
            #expect(result.status == 65, "\(command)")
            #expect(result.stderr.contains("is not a Ties store"), "\(command)")
            #expect(contents(of: URL(fileURLWithPath: store.db)) == before, "\(command)")
        }
        #expect(try StoreSQL.value(store.db, "SELECT count(*) FROM grdb_migrations") == "1")
    }

    @Test("a store held by another writer beyond the busy timeout is 75, 'busy', and the store is unchanged")
    func busy() throws {
        try store.ok("init")
        try store.ok("person", "add", "Dana Reyes")
        let before = try store.dump()
        let result = try StoreSQL.whileLocked(store.db) { try store.ties("log", "Dana Reyes", "call") }
        #expect(result.status == 75, "\(result.stderr)")
        #expect(result.stderr.contains("is busy"))
        #expect(!result.stderr.contains("not a Ties store"))
        #expect(try store.dump() == before)
    }

    @Test("concurrent writers and a report wait for each other: no failure, no lost write")
    func concurrentWriters() async throws {
        try store.ok("init")
        for p in 1...4 { try store.ok("person", "add", "Person \(p)") }
        let db = store.db
        let failures = try await withThrowingTaskGroup(of: [String].self) { group in
            for p in 1...4 {
                group.addTask {
                    var failed: [String] = []
                    for i in 1...15 {
                        let r = try TiesBinary.run([
                            "log", "Person \(p)", "message", "--note", "w\(p)-\(i)", "--db", db,
                        ])
                        if r.status != 0 { failed.append("log \(p)/\(i): \(r.status) \(r.stderr)") }
                    }
                    return failed
                }
            }
            group.addTask {
                var failed: [String] = []
                for _ in 1...5 {
                    let r = try TiesBinary.run(["report", "--as-of", "2026-06-30", "--format", "json", "--db", db])
                    if r.status != 0 { failed.append("report: \(r.status) \(r.stderr)") }
                }
                return failed
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(failures == [])
        #expect(try StoreSQL.value(store.db, "SELECT count(*) FROM interaction") == "60")
    }

    @Test("a store from a newer Ties is 65 and names its schema version")
    func newerStore() throws {
        try store.ok("init")
        try StoreSQL.execute(store.db, "PRAGMA user_version = 99")
        let result = try store.ties("person", "list")
        #expect(result.status == 65)
        #expect(result.stderr.contains("newer version of Ties"))
        #expect(result.stderr.contains("schema version 99"))
    }

    @Test(
        "a store on a read-only file system is 74 and says read-only; a full disk is 74 and says so",
        .enabled(if: SmallDisk.available, "needs root and mount -t tmpfs"))
    func readOnlyAndFull() throws {
        // Room for a new store and its write-ahead log while `init` migrates (~2.5 MB; a new store is about
        // 850 KB).
        let disk = try #require(SmallDisk.make(kilobytes: 3072))
        let db = disk.url.appendingPathComponent("ties.sqlite").path
        #expect(try TiesBinary.run(["init", "--db", db]).status == 0)
        let before = try StoreDump.of(db)
        #expect(disk.fill(leaving: 8), "the filler must fill the disk for this test to mean anything")
        let people = disk.url.deletingLastPathComponent().appendingPathComponent("people-\(UUID()).csv")
        defer { try? FileManager.default.removeItem(at: people) }
        let rows = (1...3000).map { "Person \($0) with a name long enough to fill pages,colleague" }
        try Data(("name,roles\n" + rows.joined(separator: "\n") + "\n").utf8).write(to: people)
        let full = try TiesBinary.run(["import", "csv", people.path, "--db", db])
        #expect(full.status == 74, "\(full.stderr)")
        #expect(full.stderr.contains("no space left"))
        try FileManager.default.removeItem(at: disk.url.appendingPathComponent("filler"))
        #expect(try StoreDump.of(db) == before)
        #expect(disk.makeReadOnly())
        let readOnly = try TiesBinary.run(["person", "add", "Dana Reyes", "--db", db])
        #expect(readOnly.status == 74, "\(readOnly.stderr)")
        #expect(readOnly.stderr.contains("read-only"))
        #expect(!readOnly.stderr.contains("not a Ties store"))
    }

    @Test(
        "a read-only folder and a read-only store file are each 74, and the message says which",
        .enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/sbin/runuser"), "needs root"))
    func readOnlyFolderOrFile() throws {
        // Root may write anything, so the command runs as `nobody` (through runuser) on a copy of the binary.
        let folder = store.dir.file("ro")
        let db = folder.appendingPathComponent("ties.sqlite").path
        #expect(try TiesBinary.run(["init", "--db", db]).status == 0)
        let binary = store.dir.file("ties").path
        try FileManager.default.copyItem(atPath: TiesBinary.url.path, toPath: binary)
        func asNobody() throws -> (status: Int32, stderr: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/sbin/runuser")
            process.arguments =
                ["-u", "nobody", "--", "/usr/bin/env", "TZ=UTC", "HOME=/tmp", binary]
                + ["person", "add", "Dana Reyes", "--db", db]
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
        let fm = FileManager.default
        try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: store.dir.url.path)
        try fm.setAttributes([.posixPermissions: 0o666], ofItemAtPath: db)
        try fm.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        let inFolder = try asNobody()
        #expect(inFolder.status == 74, "\(inFolder.stderr)")
        #expect(inFolder.stderr.contains("the folder of \(db) is read-only"))
        try fm.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
        try fm.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        let onFile = try asNobody()
        #expect(onFile.status == 74, "\(onFile.stderr)")
        #expect(onFile.stderr.contains("\(db) is read-only"))
        #expect(!onFile.stderr.contains("folder"))
        #expect(try StoreSQL.value(db, "SELECT count(*) FROM person") == "0")
    }

    @Test("TZ that names no time zone is refused (64) instead of silently meaning GMT")
    func invalidTimeZone() throws {
        try store.ok("init")
        let bad = try TiesBinary.run(["person", "list", "--db", store.db], environment: ["TZ": "invalid"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("TZ='invalid' is not a time zone"))
        for zone in ["UTC", "Europe/Berlin", ":America/New_York", "/usr/share/zoneinfo/Asia/Tokyo"] {
            let good = try TiesBinary.run(["person", "list", "--db", store.db], environment: ["TZ": zone])
            #expect(good.status == 0, "\(zone): \(good.stderr)")
        }
    }
}
