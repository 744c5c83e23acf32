import Foundation
import GRDB
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesStore

@Suite("Store: files, schema and errors")
struct StoreFileTests {
    @Test("a new store is created with mode 0600 and every table")
    func createsFile() throws {
        let dir = TemporaryDirectory()
        let url = dir.file("nested/folder/ties.sqlite")
        let store = try Store.create(at: url)
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let tables = try store.queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        for table in [
            "commitment", "contact_point", "disclosure", "interaction", "journal_entry", "my_detail",
            "organisation", "person", "person_role", "person_tag", "relationship_state", "score_snapshot",
            "setting", "tie",
        ] {
            #expect(tables.contains(table), "missing table \(table)")
        }
        let journal = try store.queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
        let foreignKeys = try store.queue.read { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") }
        #expect(foreignKeys == true)
        let pageSize = try store.queue.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") }
        #expect(pageSize == 16_384)
    }

    @Test("a store made with SQLite's 4 KiB pages keeps them, and takes a large import and its undo")
    func olderPageSize() throws {
        let dir = TemporaryDirectory()
        let url = dir.file("ties.sqlite")
        try Store.create(at: url).addPerson(Person(name: "Dana Reyes"), at: Fixtures.now)
        let plain = try DatabaseQueue(path: url.path)
        try plain.writeWithoutTransaction { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
            try db.execute(sql: "PRAGMA page_size = 4096")
            try db.execute(sql: "VACUUM")
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        }
        try plain.close()
        let store = try Store.open(at: url)
        store.recordChanges(as: "test")
        let records = (1...300).map { n in
            InteractionRecord(
                interaction: Interaction(
                    personID: 0, occurredAt: Fixtures.now.addingTimeInterval(Double(-n) * 3600), kind: .message,
                    source: "linkedin-messages", sourceID: "m\(n)"),
                keys: [.name("Dana Reyes")], file: "messages.csv", line: n)
        }
        let summary = try store.importing(
            createPeople: false, dryRun: false, context: Fixtures.context, now: Fixtures.now, large: true
        ) { (importer: inout StoreImporter) throws(StoreError) in
            try importer.add(records)
            return true
        }
        #expect(summary.interactionsAdded == 300)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } == 4096)
        #expect(try store.check(context: Fixtures.context).problems == [])
        try store.undo(context: Fixtures.context)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM interaction") } == 0)
    }

    @Test("creating over an existing store keeps its data")
    func createIsIdempotent() throws {
        let dir = TemporaryDirectory()
        let url = dir.file("ties.sqlite")
        try Store.create(at: url).addPerson(Person(name: "Dana Reyes"), at: Fixtures.now)
        let again = try Store.create(at: url)
        #expect(try again.people().map(\.name) == ["Dana Reyes"])
    }

    @Test("opening a missing file says so and creates nothing")
    func missing() throws {
        let dir = TemporaryDirectory()
        let url = dir.file("absent.sqlite")
        #expect(throws: StoreError.missing(path: url.path)) { try Store.open(at: url) }
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test(
        "a file that is not a Ties store is refused and left byte-identical",
        arguments: [
            Data("hello, this is a text file\n".utf8), Data(), Data(repeating: 0xAB, count: 8192),
        ])
    func notAStore(bytes: Data) throws {
        let dir = TemporaryDirectory()
        let url = dir.file("other.sqlite")
        try bytes.write(to: url)
        #expect {
            try Store.open(at: url)
        } throws: { error in
            if case .notAStore = error as? StoreError { return true }
            return false
        }
        #expect(contents(of: url) == bytes)
        #expect(!FileManager.default.fileExists(atPath: url.path + "-wal"))
    }

    @Test("a SQLite database of another program is refused and not converted to WAL")
    func foreignSQLite() throws {
        let dir = TemporaryDirectory()
        let url = dir.file("foreign.sqlite")
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
        try queue.close()
        let before = contents(of: url)
        #expect {
            try Store.open(at: url)
        } throws: { error in
            if case .notAStore(_, let reason) = error as? StoreError { return reason.contains("without Ties tables") }
            return false
        }
        #expect(contents(of: url) == before)
    }

    @Test("a store written by a newer Ties is refused")
    func newerSchema() throws {
        let dir = TemporaryDirectory()
        let url = dir.file("ties.sqlite")
        let store = try Store.create(at: url)
        try store.queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }
        try store.queue.close()
        #expect(
            throws: StoreError.newerSchema(
                path: url.path, migration: "v99-future", version: Store.schemaVersion + 1, known: Store.schemaVersion)
        ) { try Store.open(at: url) }
    }

    @Test("the store location follows --db, then TIES_DB, then XDG_DATA_HOME, then HOME")
    func location() {
        let env = ["HOME": "/home/u", "TIES_DB": "/data/t.sqlite", "XDG_DATA_HOME": "/xdg"]
        #expect(Store.location(flag: "/flag.sqlite", environment: env).path == "/flag.sqlite")
        #expect(Store.location(flag: "~/x.sqlite", environment: env).path == "/home/u/x.sqlite")
        #expect(Store.location(flag: nil, environment: env).path == "/data/t.sqlite")
        #expect(
            Store.location(flag: nil, environment: ["HOME": "/home/u", "XDG_DATA_HOME": "/xdg"]).path
                == "/xdg/ties/ties.sqlite")
        #expect(
            Store.location(flag: nil, environment: ["HOME": "/home/u", "XDG_DATA_HOME": "relative"]).path
                == "/home/u/.local/share/ties/ties.sqlite")
        #expect(
            Store.location(flag: nil, environment: ["HOME": "/home/u"]).path == "/home/u/.local/share/ties/ties.sqlite")
    }
}

@Suite("Store: people")
struct StorePeopleTests {
    @Test("a person round-trips with every field")
    func roundTrip() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let verified = Fixtures.noon("2025-01-02")
        let person = Person(
            name: "Dana Reyes", roles: [.recruiter, .mentor], recruiterKind: .searchFirm,
            organisation: "Hale & Partners",
            title: "Partner", closeness: 4, tags: ["cfo-search", "chicago"],
            contactPoints: [
                ContactPoint(kind: .email, value: "dana@hale.example", verifiedAt: verified),
                ContactPoint(kind: .phone, value: "+1 312 555 0100"),
            ])
        let stored = try store.addPerson(person, at: Fixtures.now)
        var expected = person
        expected.id = stored.id
        #expect(try store.person("Dana Reyes") == Stored(id: stored.id, expected))
        #expect(try store.organisations().map(\.name) == ["Hale & Partners"])
    }

    @Test("organisations are matched without regard to case")
    func organisationReuse() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        try store.addPerson(Person(name: "A", organisation: "Mercy Health"), at: Fixtures.now)
        try store.addPerson(Person(name: "B", organisation: "mercy health"), at: Fixtures.now)
        #expect(try store.organisations().count == 1)
        #expect(try store.people(PersonFilter(organisation: "MERCY HEALTH")).map(\.name) == ["A", "B"])
    }

    @Test("a duplicate name is refused, whatever its case, and nothing is written")
    func duplicateName() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        try store.addPerson(Person(name: "Dana Reyes"), at: Fixtures.now)
        #expect(throws: StoreError.duplicateName("DANA REYES")) {
            try store.addPerson(Person(name: "DANA REYES", organisation: "New Org"), at: Fixtures.now)
        }
        #expect(try store.organisations().isEmpty)
        #expect(try store.counts().people == 1)
    }

    @Test("references resolve by id, exact name, name prefix and word prefix")
    func references() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let dana = try store.addPerson(Person(name: "Dana Reyes"), at: Fixtures.now)
        try store.addPerson(Person(name: "Danielle Ng"), at: Fixtures.now)
        try store.addPerson(Person(name: "Sam Okafor"), at: Fixtures.now)
        try store.addPerson(Person(name: "Sam Okafor-Li"), at: Fixtures.now)
        #expect(try store.person("\(dana.id)").name == "Dana Reyes")
        #expect(try store.person("#\(dana.id)").name == "Dana Reyes")
        #expect(try store.person("dana reyes").name == "Dana Reyes")
        #expect(try store.person("Dana").name == "Dana Reyes")
        #expect(try store.person("reyes").name == "Dana Reyes")
        #expect(try store.person("Sam Okafor").name == "Sam Okafor")
        #expect(throws: StoreError.ambiguousPerson("Dan", candidates: ["Dana Reyes (#1)", "Danielle Ng (#2)"])) {
            try store.person("Dan")
        }
        #expect(throws: StoreError.unknownPerson("Zed")) { try store.person("Zed") }
        #expect(throws: StoreError.unknownPerson("%")) { try store.person("%") }
    }

    @Test("filters by role, organisation, tag; archived people are hidden unless asked for")
    func filters() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        try store.addPerson(
            Person(name: "R1", roles: [.recruiter], organisation: "Hale", tags: ["x"]), at: Fixtures.now)
        let r2 = try store.addPerson(
            Person(name: "R2", roles: [.recruiter, .mentor], organisation: "Lane"), at: Fixtures.now)
        try store.addPerson(Person(name: "M1", roles: [.mentor], organisation: "Hale"), at: Fixtures.now)
        #expect(try store.people(PersonFilter(role: .recruiter)).map(\.name) == ["R1", "R2"])
        #expect(try store.people(PersonFilter(role: .mentor, organisation: "hale")).map(\.name) == ["M1"])
        #expect(try store.people(PersonFilter(tag: "X")).map(\.name) == ["R1"])
        try store.archivePerson(r2.id)
        #expect(try store.people(PersonFilter(role: .recruiter)).map(\.name) == ["R1"])
        #expect(try store.people(PersonFilter(role: .recruiter, includeArchived: true)).map(\.name) == ["R1", "R2"])
    }

    @Test("editing a person replaces roles, tags and contact points, and refuses a taken name")
    func update() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        var dana = try store.addPerson(Person(name: "Dana", roles: [.recruiter], tags: ["a"]), at: Fixtures.now).record
        try store.addPerson(Person(name: "Sam"), at: Fixtures.now)
        dana.roles = [.mentor]
        dana.tags = ["b"]
        dana.organisation = "Mercy"
        dana.contactPoints = [ContactPoint(kind: .email, value: "d@m.example")]
        try store.updatePerson(dana, context: Fixtures.context)
        #expect(try store.person("Dana").record == dana)
        dana.name = "sam"
        #expect(throws: StoreError.duplicateName("sam")) { try store.updatePerson(dana, context: Fixtures.context) }
    }
}
