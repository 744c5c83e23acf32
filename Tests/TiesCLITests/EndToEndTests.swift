import Foundation
import Testing
import TiesTestSupport

/// Runs the built `ties` binary as a user would, and checks its whole output.
@Suite("ties, end to end")
struct EndToEndTests {
    let store = StoreUnderTest()

    func seed() throws {
        #expect(try store.ties("init").status == 0)
        #expect(
            try store.ties(
                "person", "add", "Dana Reyes", "--role", "recruiter", "--recruiter-kind", "search-firm",
                "--org", "Hale & Partners", "--email", "dana@hale.example"
            ).status == 0)
        #expect(try store.ties("person", "add", "Danielle Ng", "--role", "mentor", "--org", "Mercy Health").status == 0)
        #expect(
            try store.ties(
                "person", "add", "Sam Okafor", "--role", "colleague", "--org", "Mercy Health", "--closeness", "4"
            )
            .status == 0)
    }

    @Test("the first steps of a new user: init, add, log, list, show")
    func firstSteps() throws {
        try seed()
        let log = try store.ties("log", "Dana Reyes", "call", "--at", "2026-03-02T10:00:00Z", "--note", "COO search")
        #expect(log.status == 0)
        #expect(log.stdout == "Logged call with Dana Reyes on 2026-03-02 (#1).\n")
        let list = try store.ties("person", "list", "--format", "csv")
        #expect(list.status == 0)
        #expect(
            list.stdout == """
                id,name,roles,recruiter_kind,organisation,title,closeness,tags,emails,phones,archived,urls,birthday,work_anniversary,known_since\r
                1,Dana Reyes,recruiter,search-firm,Hale & Partners,,,,dana@hale.example,,no,,,,\r
                2,Danielle Ng,mentor,,Mercy Health,,,,,,no,,,,\r
                3,Sam Okafor,colleague,,Mercy Health,,4,,,,no,,,,\r

                """)
        let show = try store.ties("person", "show", "reyes", "--as-of", "2026-03-10")
        #expect(show.status == 0)
        #expect(show.stdout.contains("last contact: 2026-03-02 (8 days ago)"))
        #expect(show.stdout.contains("2026-03-02  #1  call mutual  — COO search"))
    }

    @Test("the database path can come from TIES_DB")
    func environmentPath() throws {
        #expect(try TiesBinary.run(["init"], environment: ["TIES_DB": store.db]).status == 0)
        #expect(try TiesBinary.run(["person", "add", "Env Person"], environment: ["TIES_DB": store.db]).status == 0)
        #expect(try store.ties("person", "list").stdout.contains("Env Person"))
    }

    @Test("a new store file is private to its owner")
    func fileMode() throws {
        try seed()
        let mode = try FileManager.default.attributesOfItem(atPath: store.db)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test(
        "bad input exits with its sysexits code, says what is accepted, and leaves the store byte-identical",
        arguments: [
            (["person", "add", "X", "--role", "wizard"], 64, "recruiter"),
            (["log", "Dana Reyes", "lunch"], 64, "meeting"),
            (["log", "Dana Reyes", "call", "--at", "2026-02-30"], 64, "YYYY-MM-DD"),
            (["log", "Dana Reyes", "call", "--at", "next tuesday"], 64, "YYYY-MM-DD"),
            (["log", "Dana Reyes", "call", "--at", "2999-01-01"], 64, "future"),
            (["log", "Nobody", "call"], 65, "no person matches 'Nobody'"),
            (["log", "Dan", "call"], 65, "Dana Reyes (#1); Danielle Ng (#2)"),
            (["person", "add", "dana reyes"], 65, "exists already"),
            (["person", "add", "X", "--closeness", "0"], 64, "1 to 5"),
            (["person", "edit", "Sam", "--name", "Dana Reyes"], 65, "exists already"),
            (["tie", "add", "Sam", "Sam"], 65, "themselves"),
            (["tie", "add", "Sam", "Dana", "--weight", "0"], 64, "more than 0"),
            (["config", "set", "activityHalfLifeDays", "-1"], 64, "positive number"),
            (["config", "set", "nonsense", "1"], 64, "activityHalfLifeDays"),
            (["import", "csv", "people.csv", "--kind", "contacts"], 64, "'people' and 'interactions'"),
            (
                ["next", "--as-of", "2026-02-30"], 64,
                "--as-of: '2026-02-30' is not accepted; expected a real calendar date"
            ),
        ] as [([String], Int32, String)])
    func badInput(arguments: [String], status: Int32, message: String) throws {
        try seed()
        let (result, unchanged) = try TiesBinary.runRefused(arguments, store: store.db)
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(unchanged, "\(arguments) changed the store")
    }

    @Test("a missing store is exit 66 with the command that creates one; nothing is created")
    func missingStore() throws {
        let result = try store.ties("person", "list")
        #expect(result.status == 66)
        #expect(result.stderr.contains("ties init"))
        #expect(!FileManager.default.fileExists(atPath: store.db))
    }

    @Test(
        "a file that is not a Ties store is exit 65 and left byte-identical",
        arguments: ["plain text\n", "", "SQLite format 3"])
    func notAStore(text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: store.db))
        let result = try store.ties("person", "list")
        #expect(result.status == 65)
        #expect(result.stderr.contains("is not a Ties store"))
        #expect(contents(of: URL(fileURLWithPath: store.db)) == Data(text.utf8))
        #expect(!FileManager.default.fileExists(atPath: store.db + "-wal"))
    }

    @Test("a folder given as the store is refused")
    func folder() throws {
        let result = try TiesBinary.run(["person", "list", "--db", store.dir.url.path])
        #expect(result.status == 65)
    }

    @Test("every command has help with an example")
    func help() throws {
        for command in [
            ["person", "add"], ["person", "list"], ["log"], ["tie", "add"], ["config", "set"], ["init"],
        ] {
            let result = try TiesBinary.run(command + ["--help"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("Example"), "\(command) help has no example")
        }
    }
}
