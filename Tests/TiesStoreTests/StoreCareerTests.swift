import Foundation
import GRDB
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesStore

@Suite("Store: commitments, my details, disclosures, journal")
struct StoreCareerTests {
    let dir = TemporaryDirectory()

    func seeded() throws -> (Store, Stored<Person>) {
        let store = try Fixtures.store(in: dir)
        let dana = try store.addPerson(Person(name: "Dana Reyes", roles: [.recruiter]), at: Fixtures.now)
        return (store, dana)
    }

    @Test("a commitment round-trips, and completing it sets its done instant once")
    func commitments() throws {
        let (store, dana) = try seeded()
        let offer = Commitment(
            personID: dana.id, text: "Intro to the CFO", owner: .me, createdAt: Fixtures.noon("2026-03-01"),
            due: Fixtures.day("2026-03-10"))
        let theirs = Commitment(
            personID: dana.id, text: "Send the JD", owner: .them, createdAt: Fixtures.noon("2026-03-02"))
        let a = try store.addCommitment(offer)
        let b = try store.addCommitment(theirs)
        var expectedA = offer
        expectedA.id = a.id
        var expectedB = theirs
        expectedB.id = b.id
        #expect(try store.commitments() == [Stored(id: a.id, expectedA), Stored(id: b.id, expectedB)])

        let done = try store.completeCommitment(a.id, at: Fixtures.noon("2026-03-05"))
        #expect(done.doneAt == Fixtures.noon("2026-03-05"))
        #expect(try store.commitments()[0].doneAt == Fixtures.noon("2026-03-05"))
        #expect(throws: StoreError.self) { try store.completeCommitment(a.id, at: Fixtures.noon("2026-03-06")) }
        #expect(throws: StoreError.self) { try store.completeCommitment(b.id, at: Fixtures.noon("2026-03-01")) }
        #expect(throws: StoreError.self) { try store.completeCommitment(99, at: Fixtures.noon("2026-03-06")) }
        #expect(try store.commitments()[1].doneAt == nil)
    }

    @Test("a commitment for a person who does not exist is refused and nothing is written")
    func unknownPerson() throws {
        let (store, _) = try seeded()
        #expect(throws: StoreError.unknownPerson("#42")) {
            try store.addCommitment(Commitment(personID: 42, text: "x", createdAt: Fixtures.now))
        }
        #expect(try store.commitments().isEmpty)
    }

    @Test("my details are versioned: a new value is a new row, never an overwrite")
    func myDetails() throws {
        let (store, _) = try seeded()
        let old = try store.addMyDetail(
            MyDetail(kind: .email, value: "alex@old.example", since: Fixtures.day("2020-01-01")))
        let new = try store.addMyDetail(
            MyDetail(kind: .email, value: "alex@new.example", since: Fixtures.day("2026-03-01")))
        let address = try store.addMyDetail(
            MyDetail(kind: .address, value: "12 Elm St\nSpringfield", since: Fixtures.day("2026-03-01")))
        #expect(try store.myDetails() == [old, new, address])
        #expect(
            MyDetail.current(of: .email, in: try store.myDetails().records(), asOf: Fixtures.day("2026-06-01"))
                == new.record)
    }

    @Test("a contact disclosure links the detail current on its day; a resume keeps its version")
    func disclosures() throws {
        let (store, dana) = try seeded()
        let old = try store.addMyDetail(
            MyDetail(kind: .email, value: "alex@old.example", since: Fixtures.day("2020-01-01")))
        let new = try store.addMyDetail(
            MyDetail(kind: .email, value: "alex@new.example", since: Fixtures.day("2026-03-01")))
        let before = try store.addDisclosure(personID: dana.id, kind: .email, on: Fixtures.day("2026-02-28"))
        let after = try store.addDisclosure(
            personID: dana.id, kind: .email, version: "ignored", on: Fixtures.day("2026-03-01"))
        let resume = try store.addDisclosure(
            personID: dana.id, kind: .resume, version: "v3", on: Fixtures.day("2026-03-02"))
        #expect(before.myDetailID == old.id && after.myDetailID == new.id && after.version == nil)
        #expect(resume.myDetailID == nil && resume.version == "v3")
        #expect(try store.disclosures() == [before, after, resume].records())
    }

    @Test("a contact disclosure with no detail in effect on its day is refused and nothing is written")
    func disclosureWithoutDetail() throws {
        let (store, dana) = try seeded()
        try store.addMyDetail(MyDetail(kind: .email, value: "alex@new.example", since: Fixtures.day("2026-03-01")))
        #expect(throws: StoreError.missingDetail(kind: "email", day: "2026-02-01")) {
            try store.addDisclosure(personID: dana.id, kind: .email, on: Fixtures.day("2026-02-01"))
        }
        #expect(throws: StoreError.unknownPerson("#77")) {
            try store.addDisclosure(personID: 77, kind: .resume, version: "v1", on: Fixtures.day("2026-03-02"))
        }
        #expect(try store.disclosures().isEmpty)
    }

    @Test("journal entries round-trip with tags, ordered by day then id")
    func journal() throws {
        let (store, _) = try seeded()
        let job = JournalEntry(
            kind: .employment, text: "Runs three hospitals", day: Fixtures.day("2024-01-08"),
            endDay: Fixtures.day("2026-01-31"), organisation: "Mercy Health", title: "COO", tags: ["ops", "exec"])
        let win = JournalEntry(
            kind: .accomplishment, text: "Cut readmissions by 18%", day: Fixtures.day("2025-05-20"), amount: 18.5)
        let early = JournalEntry(kind: .note, text: "First note", day: Fixtures.day("2020-01-01"))
        let stored = try [job, win, early].map { try store.addJournalEntry($0) }
        #expect(try store.journalEntries() == [stored[2], stored[0], stored[1]])
        #expect(try store.journalEntries()[1].tags == ["ops", "exec"])
    }

    @Test("rows written by a newer Ties with unknown kinds are skipped, not misread")
    func unknownKinds() throws {
        let (store, dana) = try seeded()
        try store.queue.write { db in
            try db.execute(sql: "INSERT INTO my_detail (kind, value, since_day) VALUES ('fax', '123', '2026-01-01')")
            try db.execute(
                sql: "INSERT INTO disclosure (person_id, kind, disclosed_day) VALUES (?, 'fax', '2026-01-01')",
                arguments: [dana.id])
            try db.execute(sql: "INSERT INTO journal_entry (kind, text, day) VALUES ('patent', 'x', '2026-01-01')")
        }
        #expect(try store.myDetails().isEmpty)
        #expect(try store.disclosures().isEmpty)
        #expect(try store.journalEntries().isEmpty)
    }
}
