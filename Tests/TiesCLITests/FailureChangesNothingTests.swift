import Foundation
import Testing
import TiesTestSupport

/// Issue 14, finding 2: a command that fails after reading the store changes nothing in it, derived data
/// (weekly health snapshots, relationship states) included. Each test dumps the store before and after.
@Suite("A failed command changes nothing, end to end")
struct FailureChangesNothingTests {
    let store = StoreUnderTest()

    /// A small demo network with a few journal entries and out-of-date details (the demo makes them).
    func seed() throws {
        try store.ok("demo", "--people", "30", "--years", "2", "--as-of", "2026-06-30")
    }

    func snapshots() throws -> Int {
        Int(try StoreSQL.value(store.db, "SELECT count(*) FROM network_snapshot") ?? "") ?? -1
    }

    @Test("a report with a bad template (65) stores no weekly snapshots; a good one stores twelve")
    func reportTemplate() throws {
        try seed()
        let template = store.dir.file("bad.html")
        try Data("<p>{{no_such_placeholder}}</p>".utf8).write(to: template)
        let before = try store.dump()
        let result = try store.ties(
            "report", "--as-of", "2026-06-30", "--format", "html", "--template", template.path)
        #expect(result.status == 65)
        #expect(try store.dump() == before)
        #expect(try snapshots() == 0)
        try store.ok("report", "--as-of", "2026-06-30", "--format", "json")
        #expect(try snapshots() == 12)
    }

    @Test("a report whose --out cannot be written (73) stores nothing")
    func reportOutUnwritable() throws {
        try seed()
        let before = try store.dump()
        let result = try store.ties(
            "report", "--as-of", "2026-06-30", "--format", "html", "--out", store.dir.file("no/such/dir/r.html").path)
        #expect(result.status == 73)
        #expect(try store.dump() == before)
    }

    @Test(
        "a report written to a full disk fails and stores nothing (a 256 kB tmpfs)",
        .enabled(if: SmallDisk.available, "needs root and mount -t tmpfs"))
    func reportDiskFull() throws {
        try seed()
        let disk = try #require(SmallDisk.make(kilobytes: 256))
        #expect(disk.fill(leaving: 0), "the filler must fill the disk for this test to mean anything")
        let before = try store.dump()
        let result = try store.ties(
            "report", "--as-of", "2026-06-30", "--format", "html", "--out",
            disk.url.appendingPathComponent("r.html").path)
        #expect(result.status != 0)
        #expect(try store.dump() == before)
        #expect(try snapshots() == 0)
    }

    @Test("export, journal export and notify that cannot write their output change nothing")
    func otherOutputs() throws {
        try seed()
        let blocked = store.dir.file("a-file")
        try Data("x".utf8).write(to: blocked)
        let before = try store.dump()
        let commands: [[String]] = [
            ["export", "scores", "--as-of", "2026-06-30", "--out", blocked.path + "/scores.csv"],
            ["journal", "export", "--format", "markdown", "--as-of", "2026-06-30", "--out", blocked.path + "/j.md"],
            ["notify", "--as-of", "2026-06-30", "--out", blocked.path + "/drafts"],
        ]
        for command in commands {
            let result = try store.ties(command)
            #expect(result.status != 0, "\(command) \(result.stderr)")
            #expect(try store.dump() == before, "\(command)")
        }
    }

    @Test("an import refused for a bad record writes nothing")
    func importRefused() throws {
        try seed()
        let file = store.dir.file("interactions.csv")
        try Data("occurred_at,person,kind\n2026-01-01T10:00:00Z,#1,call\nnot a date,#2,call\n".utf8).write(to: file)
        let before = try store.dump()
        let result = try store.ties("import", "csv", file.path)
        #expect(result.status == 65)
        #expect(try store.dump() == before)
    }

    @Test("a read in another time zone computes the states it needs and stores none of them")
    func readNeverWrites() throws {
        try seed()
        let before = try store.dump()
        let newYork = ["TZ": "America/New_York"]
        let score = try TiesBinary.run(
            ["score", "--as-of", "2026-06-30", "--format", "csv", "--db", store.db], environment: newYork)
        #expect(score.status == 0, "\(score.stderr)")
        #expect(try store.dump() == before)
        // The same scores as from states rebuilt and stored for New York by a write.
        let copy = store.dir.file("copy.sqlite").path
        try FileManager.default.copyItem(atPath: store.db, toPath: copy)
        #expect(
            try TiesBinary.run(["person", "add", "Zed Nobody", "--db", copy], environment: newYork).status == 0)
        let rebuilt = try TiesBinary.run(
            ["score", "--as-of", "2026-06-30", "--format", "csv", "--db", copy], environment: newYork)
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        let lines = { (text: String) in text.components(separatedBy: "\r\n").filter { !$0.isEmpty } }
        #expect(lines(score.stdout).count > 10)
        #expect(lines(rebuilt.stdout).filter { !$0.contains("Zed Nobody") } == lines(score.stdout))
    }

    @Test(
        "a demo that fails on a full disk (74) leaves no store, -wal, -shm or temporary file behind",
        .enabled(if: SmallDisk.available, "needs root and mount -t tmpfs"))
    func demoDiskFull() throws {
        let disk = try #require(SmallDisk.make(kilobytes: 768))
        let db = disk.url.appendingPathComponent("ties.sqlite").path
        let result = try TiesBinary.run([
            "demo", "--people", "3000", "--years", "5", "--as-of", "2026-06-30", "--db", db,
        ])
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("no space left"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.url.path) == [])
    }

    @Test(
        "a demo into an existing empty store that fails on a full disk leaves that store as it was",
        .enabled(if: SmallDisk.available, "needs root and mount -t tmpfs"))
    func demoIntoEmptyStoreDiskFull() throws {
        // Room for a new store and one change (init needs ~2.5 MB for the store and its write-ahead log while
        // it migrates, 16 KiB pages), not for a demo.
        let disk = try #require(SmallDisk.make(kilobytes: 3072))
        let db = disk.url.appendingPathComponent("ties.sqlite").path
        #expect(try TiesBinary.run(["init", "--db", db]).status == 0)
        #expect(try TiesBinary.run(["me", "set", "email", "me@example.org", "--db", db]).status == 0)
        let before = try StoreDump.of(db)
        let files = try FileManager.default.contentsOfDirectory(atPath: disk.url.path).sorted()
        let result = try TiesBinary.run([
            "demo", "--people", "3000", "--years", "5", "--as-of", "2026-06-30", "--db", db,
        ])
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("no space left on the disk that holds \(db)"))
        #expect(try StoreDump.of(db) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.url.path).sorted() == files)
    }
}
