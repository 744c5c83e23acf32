import Foundation
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesStore

/// `Store.importMail`: matching by address, people created only from the user's own mail, answered marks
/// by thread and by the window, across imports.
@Suite("Store: mail import")
struct StoreMailImportTests {
    let dir = TemporaryDirectory()

    func mail(
        _ digest: String, thread: String, _ day: String, fromMe: Bool, _ address: String, name: String? = nil
    ) -> MailRecord {
        MailRecord(
            digest: String(repeating: digest, count: 32 / digest.count), thread: thread,
            occurredAt: Fixtures.noon(day), fromMe: fromMe,
            counterparts: [MailRecord.Counterpart(address: address, name: name)], groupSize: 1, file: "m.mbox",
            offset: 0)
    }

    func run(_ store: Store, _ records: [MailRecord], createPeople: Bool = false, window: Double = 14)
        throws -> MailImportSummary
    {
        try store.importMail(
            MailImportOptions(createPeople: createPeople, dryRun: false, answerWindow: window * 86400),
            context: Fixtures.context, now: Fixtures.now
        ) { staging in
            for record in records { try staging.add(record) }
            return true
        }
    }

    func answered(_ store: Store) throws -> [String: Bool] {
        var out: [String: Bool] = [:]
        for i in try store.interactions() where i.direction == .inbound {
            out[String(i.sourceID?.prefix(1) ?? "")] = i.answered
        }
        return out
    }

    @Test("answered by a later email to the sender within the window, not after it; not by an earlier one")
    func window() throws {
        let store = try Fixtures.store(in: dir)
        try store.addPerson(
            Person(name: "Rita", contactPoints: [ContactPoint(kind: .email, value: "Rita@Talent.example")]),
            at: Fixtures.now)
        let summary = try run(
            store,
            [
                mail("a", thread: "t1", "2026-03-02", fromMe: false, "rita@talent.example"),
                mail("b", thread: "t2", "2026-03-10", fromMe: true, "rita@talent.example"),  // 8 days later
                mail("c", thread: "t3", "2026-03-20", fromMe: false, "rita@talent.example"),
                mail("d", thread: "t4", "2026-04-20", fromMe: true, "rita@talent.example"),  // 31 days later
            ])
        #expect(summary.messagesImported == 4 && summary.markedAnswered == 1)
        #expect(try answered(store) == ["a": true, "c": false])
    }

    @Test("a reply in a later import marks the earlier inbound email of its thread answered")
    func threadAcrossImports() throws {
        let store = try Fixtures.store(in: dir)
        try store.addPerson(
            Person(name: "Omar", contactPoints: [ContactPoint(kind: .email, value: "omar@works.example")]),
            at: Fixtures.now)
        _ = try run(store, [mail("e", thread: "t9", "2026-03-02", fromMe: false, "omar@works.example")], window: 0)
        #expect(try answered(store) == ["e": false])
        // The reply goes to another address of no one, but in the same thread.
        let later = try run(store, [mail("f", thread: "t9", "2026-05-02", fromMe: true, "x@else.example")], window: 0)
        #expect(later.markedAnswered == 1 && later.messagesWithNoOne == 1)
        #expect(try answered(store) == ["e": true])
    }

    @Test("people are created only from the user's own mail, named as it names them; senders are not")
    func creation() throws {
        let store = try Fixtures.store(in: dir)
        let summary = try run(
            store,
            [
                mail("g", thread: "t5", "2026-03-02", fromMe: false, "news@list.example", name: "Newsletter"),
                mail("h", thread: "t6", "2026-03-03", fromMe: true, "priya@lab.example", name: "Priya N."),
                mail("i", thread: "t6", "2026-03-04", fromMe: false, "priya@lab.example", name: "P. Nair"),
            ], createPeople: true)
        #expect(summary.interactions.peopleAdded == 1 && summary.messagesWithNoOne == 1)
        #expect(try store.people().map(\.name) == ["Priya N."])
        #expect(try answered(store) == ["i": false])
    }
}
