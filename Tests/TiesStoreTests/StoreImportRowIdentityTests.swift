import Foundation
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesStore

/// A file that lists each person once (LinkedIn's `Connections.csv`) keeps its rows apart even without profile
/// URLs, and each row's own interaction goes to the person the row became; brackets in a real name make no
/// homonym. The quirks are those of a real export of 5,351 connections without URLs (Femi10/
/// Linkedin-Data-Visualization, 2021): three rows named alike at three companies, and a name that is another's
/// followed by `(MBA, ACA)`. Made-up people.
@Suite("Store: each row of a connections file is its own person")
struct StoreImportRowIdentityTests {
    /// A connection row without a profile URL, connected on 2016-08-`day`.
    func row(_ name: String, org: String, day: Int, line: Int, file: String = "Connections.csv") -> PersonRecord {
        let connected = Interaction(
            personID: 0, occurredAt: Fixtures.noon("2016-08-\(10 + day)"), kind: .connected,
            source: "linkedin-connections", sourceID: "\(name)|2016-08-\(10 + day)", dateOnly: true)
        return PersonRecord(
            person: Person(name: name, organisation: org), file: file, line: line, distinctInFile: true,
            interactions: [connected])
    }

    func run(_ store: Store, people: [PersonRecord] = [], interactions: [InteractionRecord] = []) throws
        -> ImportSummary
    {
        try store.importBatch(
            people: people, interactions: interactions, createPeople: false, dryRun: false,
            context: Fixtures.context, now: Fixtures.now)
    }

    var rows: [PersonRecord] {
        [
            row("Kemi Ade", org: "Northwind", day: 1, line: 2),
            row("Kemi Ade", org: "Bluefield", day: 2, line: 3),
            row("Kemi Ade", org: "Harbour (A division of Tide Ltd)", day: 3, line: 4),
            row("Tunde Ola (MBA, ACA)", org: "Ironwood", day: 4, line: 5),
            row("Tunde Ola", org: "Greenway", day: 5, line: 6),
        ]
    }

    @Test("rows with one name are as many people, each with its own date; a re-import changes nothing")
    func rowsApart() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let first = try run(store, people: rows)
        #expect(first.peopleAdded == 5 && first.interactionsAdded == 5 && first.unmatched.isEmpty)
        let people = try store.people()
        #expect(
            people.map(\.name).sorted() == [
                "Kemi Ade", "Kemi Ade (Bluefield)", "Kemi Ade (Harbour (A division of Tide Ltd))", "Tunde Ola",
                "Tunde Ola (MBA, ACA)",
            ])
        let interactions = try store.interactions()
        for person in people {
            let own = interactions.filter { $0.personID == person.id }
            #expect(own.count == 1, "\(person.name)")
            #expect(own.first?.sourceID?.hasPrefix(person.name.hasPrefix("Kemi") ? "Kemi Ade|" : person.name) == true)
        }
        let again = try run(store, people: rows)
        #expect(again.peopleAdded == 0 && again.peopleUpdated == 0 && again.peopleUnchanged == 5)
        #expect(again.interactionsAdded == 0 && again.interactionsExisting == 5 && again.unmatched.isEmpty)
        #expect(try store.people().count == 5 && store.interactions().count == 5)
    }

    @Test("a bare name shared by rows is never guessed; a name whose brackets are its own is no homonym")
    func namesAfterwards() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        _ = try run(store, people: rows)
        func message(_ name: String, line: Int) -> InteractionRecord {
            InteractionRecord(
                interaction: Interaction(
                    personID: 0, occurredAt: Fixtures.noon("2026-03-0\(line)"), kind: .message, source: "m",
                    sourceID: "m\(line)"),
                keys: [.name(name)], file: "messages.csv", line: line)
        }
        var withProfile = message("Kemi Ade", line: 3)
        withProfile.keys.insert(.url("https://www.linkedin.com/in/kemi-ade-9"), at: 0)
        let summary = try run(
            store, interactions: [message("Kemi Ade", line: 1), message("Tunde Ola", line: 2), withProfile])
        // Three people bear Kemi Ade (two under the names the import gave them); one bears Tunde Ola. A
        // profile no one has, with that name, is said to be neither unknown nor any of the three.
        #expect(summary.unmatched.map(\.line) == [1, 3])
        #expect(summary.unmatched.first?.reason.contains("3 people are named Kemi Ade") == true)
        #expect(
            summary.unmatched.last?.reason
                == "no person matches https://www.linkedin.com/in/kemi-ade-9 / Kemi Ade (3 people are named Kemi Ade, none of them with these details; a name that several people bear is not guessed)"
        )
        #expect(summary.interactionsAdded == 1)
        let tunde = try store.person("Tunde Ola")
        #expect(try store.interactions().filter { $0.personID == tunde.id }.count == 2)
    }

    @Test("a row of another file, connected on another day than every row of its name, is someone else")
    func anotherFile() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        _ = try run(store, people: Array(rows.prefix(2)))
        let later = try run(store, people: [row("Kemi Ade", org: "Northwind", day: 9, line: 2, file: "Other.csv")])
        // Not merged into either Kemi Ade, and not left out: a third person, for `person duplicates` to show.
        #expect(later.peopleAdded == 1 && later.peopleUpdated == 0 && later.unmatched.isEmpty)
        #expect(try store.people().count == 3)
    }

    @Test("a row of another file (a later export) is the one of its name connected on its day; its event is held")
    func laterExport() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        _ = try run(store, people: Array(rows.prefix(2)))
        // The later export gives the second Kemi Ade's connection a profile URL, and so another source id.
        var later = row("Kemi Ade", org: "Bluefield", day: 2, line: 3, file: "Later.csv")
        later.person.contactPoints = [ContactPoint(kind: .linkedin, value: "https://www.linkedin.com/in/kemi-ade-b")]
        later.interactions[0].sourceID = "https://www.linkedin.com/in/kemi-ade-b"
        let summary = try run(store, people: [later])
        #expect(summary.peopleAdded == 0 && summary.peopleUpdated == 1 && summary.unmatched.isEmpty)
        #expect(summary.interactionsAdded == 0 && summary.interactionsExisting == 1)
        let bluefield = try store.person("Kemi Ade (Bluefield)")
        #expect(bluefield.contactPoints.map(\.value) == ["https://www.linkedin.com/in/kemi-ade-b"])
        #expect(try store.interactions().count == 2)
        let again = try run(store, people: [later])
        #expect(again.peopleUnchanged == 1 && again.interactionsAdded == 0)
    }
}
