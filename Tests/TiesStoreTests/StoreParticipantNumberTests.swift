import Foundation
import GRDB
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesStore

/// Records that share a participant number (``InteractionRecord/participant``) find their person by it once
/// their keys found them by a profile URL; a name alone is looked up every time, as people added later may
/// bear it too.
@Suite("Store: records of one participant find their person by its number")
struct StoreParticipantNumberTests {
    static func message(_ sourceID: String, keys: [PersonKey], number: Int32) -> InteractionRecord {
        var record = InteractionRecord(
            interaction: Interaction(
                personID: 0, occurredAt: Fixtures.noon("2026-03-02"), kind: .message, source: "linkedin-messages",
                sourceID: sourceID),
            keys: keys, file: "messages.csv", line: 2)
        record.participant = number
        return record
    }

    @Test("a name matched once is not remembered: a namesake added since makes the next record ambiguous")
    func nameIsLookedUpAgain() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let kim = Person(
            name: "Kim Rowe",
            contactPoints: [ContactPoint(kind: .linkedin, value: "https://www.linkedin.com/in/kim-rowe-1")])
        try store.addPerson(kim, at: Fixtures.now)
        let number = ParticipantNumber.next()
        let summary = try store.importing(
            createPeople: false, dryRun: false, context: Fixtures.context, now: Fixtures.now
        ) { (importer: inout StoreImporter) throws(StoreError) in
            try importer.add([Self.message("m1", keys: [.name("Kim Rowe")], number: number)])
            // Another connection named Kim Rowe, with another profile: a second person of that name.
            try importer.add(
                PersonRecord(
                    person: Person(
                        name: "Kim Rowe",
                        contactPoints: [ContactPoint(kind: .linkedin, value: "https://www.linkedin.com/in/kim-rowe-2")]),
                    file: "Connections.csv", line: 2, distinctInFile: true))
            try importer.add([Self.message("m2", keys: [.name("Kim Rowe")], number: number)])
            return true
        }
        #expect(summary.peopleAdded == 1 && summary.interactionsAdded == 1, "\(summary)")
        #expect(summary.unmatchedCount == 1, "\(summary)")
    }

    @Test("a profile URL matched once is remembered, and gives what looking it up gives")
    func urlIsRemembered() throws {
        func imported(numbered: Bool) throws -> [String] {
            let dir = TemporaryDirectory()
            let store = try Fixtures.store(in: dir)
            try store.addPerson(
                Person(
                    name: "Ada Moss",
                    contactPoints: [ContactPoint(kind: .linkedin, value: "https://linkedin.com/in/ada")]),
                at: Fixtures.now)
            let ada = ParticipantNumber.next()
            let newcomer = ParticipantNumber.next()
            let newcomerKeys: [PersonKey] = [.url("https://www.linkedin.com/in/noor-2"), .name("Noor Vale")]
            var records = [
                Self.message("a1", keys: [.url("https://www.linkedin.com/in/ada/"), .name("Ada M.")], number: ada),
                Self.message("n1", keys: newcomerKeys, number: newcomer),
                Self.message("a2", keys: [.url("https://www.linkedin.com/in/ada/"), .name("Ada M.")], number: ada),
                Self.message("n2", keys: newcomerKeys, number: newcomer),
            ]
            records[1].newPerson = Person(name: "Noor Vale")
            records[3].newPerson = Person(name: "Noor Vale")
            if !numbered { for k in records.indices { records[k].participant = -1 } }
            _ = try store.importing(
                createPeople: true, dryRun: false, context: Fixtures.context, now: Fixtures.now
            ) { (importer: inout StoreImporter) throws(StoreError) in
                try importer.add(records)
                return true
            }
            return try store.read { db in
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT i.source_id || ' ' || p.name FROM interaction i JOIN person p ON p.id = i.person_id
                        ORDER BY i.id
                        """)
            }
        }
        let rows = try imported(numbered: true)
        #expect(rows == ["a1 Ada Moss", "n1 Noor Vale", "a2 Ada Moss", "n2 Noor Vale"], "\(rows)")
        #expect(rows == (try imported(numbered: false)))
    }
}
