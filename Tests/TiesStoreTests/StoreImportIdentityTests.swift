import Foundation
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesStore

/// A profile URL or an email identifies a person; a name alone only when one person bears it.
@Suite("Store: identity in imports")
struct StoreImportIdentityTests {
    func connection(_ name: String, _ url: String, org: String, line: Int) -> PersonRecord {
        PersonRecord(
            person: Person(
                name: name, organisation: org, contactPoints: [ContactPoint(kind: .linkedin, value: url)]),
            file: "Connections.csv", line: line)
    }

    func message(_ keys: [PersonKey], line: Int) -> InteractionRecord {
        InteractionRecord(
            interaction: Interaction(
                personID: 0, occurredAt: Fixtures.noon("2026-03-0\(line)"), kind: .message, source: "m",
                sourceID: "m\(line)"),
            keys: keys, file: "messages.csv", line: line)
    }

    func run(_ store: Store, people: [PersonRecord] = [], interactions: [InteractionRecord] = []) throws
        -> ImportSummary
    {
        try store.importBatch(
            people: people, interactions: interactions, createPeople: false, dryRun: false,
            context: Fixtures.context, now: Fixtures.now)
    }

    @Test("two connections with one name and different profiles are two people; each profile finds its own")
    func homonyms() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let a = "https://www.linkedin.com/in/ada-quill-1"
        let b = "https://www.linkedin.com/in/ada-quill-2"
        let summary = try run(
            store,
            people: [
                connection("Ada Quill", a, org: "Brightwater", line: 2),
                connection("Ada Quill", b, org: "Copperleaf", line: 3),
            ])
        #expect(summary.peopleAdded == 2)
        let names = try store.people().map(\.name).sorted()
        #expect(names == ["Ada Quill", "Ada Quill (Copperleaf)"])
        // By URL (written another way) each message finds its person; by the bare name, none is guessed.
        let messages = try run(
            store,
            interactions: [
                message([.url("http://linkedin.com/in/ADA-QUILL-2/"), .name("Ada Quill")], line: 1),
                message([.name("Ada Quill")], line: 2),
            ])
        #expect(messages.interactionsAdded == 1)
        #expect(messages.unmatched.map(\.line) == [2])
        #expect(messages.unmatched.first?.reason.contains("2 people are named Ada Quill") == true)
        let second = try store.person("Ada Quill (Copperleaf)")
        #expect(try store.interactions().filter { $0.personID == second.id }.count == 1)
        // Importing the same connections again changes nothing.
        let again = try run(
            store,
            people: [
                connection("Ada Quill", a, org: "Brightwater", line: 2),
                connection("Ada Quill", b, org: "Copperleaf", line: 3),
            ])
        #expect(again.peopleAdded == 0 && again.peopleUnchanged == 2)
    }

    @Test("a name matches when one person bears it and no LinkedIn profile conflicts; an email wins over a name")
    func uniqueName() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        try store.addPerson(
            Person(name: "Bram Lind", contactPoints: [ContactPoint(kind: .email, value: "bram@example.org")]),
            at: Fixtures.now)
        let summary = try run(
            store,
            interactions: [
                message([.name("bram lind")], line: 1),
                message([.email("BRAM@example.org"), .name("Someone Else")], line: 2),
            ])
        #expect(summary.interactionsAdded == 2 && summary.unmatched.isEmpty)
        // A LinkedIn connection named Bram Lind whose person has no profile yet is the same person...
        let same = try run(
            store, people: [connection("Bram Lind", "https://www.linkedin.com/in/bram", org: "X", line: 4)])
        #expect(same.peopleUpdated == 1 && same.peopleAdded == 0)
        // ...but one with another profile is someone else.
        let other = try run(
            store, people: [connection("Bram Lind", "https://www.linkedin.com/in/bram-2", org: "Y", line: 5)])
        #expect(other.peopleAdded == 1)
    }

    @Test("two contacts with one name and different Google profiles are two people; the three forms are one")
    func googleProfiles() throws {
        // Google Contacts' vCards carry `URL;TYPE=profile:` with google.com/profiles/ID, and some
        // plus.google.com/ID as well (chetnachaudhari/contacts-parser's contacts.vcf: two "Deepak Dalai" cards
        // with two profiles were made one person). Made-up people.
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        func card(_ urls: [String], line: Int) -> PersonRecord {
            PersonRecord(
                person: Person(name: "Dev Dalal", contactPoints: urls.map { ContactPoint(kind: .url, value: $0) }),
                file: "contacts.vcf", line: line)
        }
        let first = try run(
            store,
            people: [
                card(["http://www.google.com/profiles/101", "https://plus.google.com/101"], line: 1),
                card(["http://www.google.com/profiles/202"], line: 9),
            ])
        #expect(first.peopleAdded == 2)
        #expect(try store.people().map(\.name).sorted() == ["Dev Dalal", "Dev Dalal (202)"])
        // Another form of the first profile finds its person.
        let again = try run(store, people: [card(["https://profiles.google.com/101"], line: 1)])
        #expect(again.peopleAdded == 0 && again.peopleUnchanged + again.peopleUpdated == 1)
        #expect(try store.people().count == 2)
        // A Google profile is no conflict with a LinkedIn one: a connection named as the one contact with a
        // Google profile and no namesake is that contact.
        let other = try Fixtures.store(in: dir, name: "other.sqlite")
        _ = try run(other, people: [card(["http://www.google.com/profiles/303"], line: 1)])
        let linked = try run(
            other, people: [connection("Dev Dalal", "https://www.linkedin.com/in/dev-dalal", org: "Acme", line: 2)])
        #expect(linked.peopleUpdated == 1 && linked.peopleAdded == 0)
    }

    @Test("a placeholder that is no email (NA) never makes two people one")
    func placeholderEmail() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        try store.addPerson(
            Person(name: "Kavya Rao", contactPoints: [ContactPoint(kind: .email, value: "NA")]), at: Fixtures.now)
        let summary = try run(store, interactions: [message([.email("na"), .name("Omar Haddad")], line: 1)])
        #expect(summary.interactionsAdded == 0 && summary.unmatched.count == 1)
    }
}
