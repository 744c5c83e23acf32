import Foundation
import GRDB
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesStore

/// The source key through `ties undo` (rows put back from the change log's copies) and `ties check`.
@Suite("Store: source keys through undo and check")
struct StoreSourceKeyUndoCheckTests {
    static func contact(_ person: Int64, _ sourceID: String?, day: String = "2026-03-01") -> Interaction {
        Interaction(personID: person, occurredAt: Fixtures.noon(day), kind: .call, source: "csv", sourceID: sourceID)
    }

    @Test("undoing an import removes its rows; importing again gives them back with their keys")
    func importUndo() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let dana = try store.addPerson(Person(name: "Dana"), at: Fixtures.now).id
        try store.log(Self.contact(dana, "r-0"), context: Fixtures.context)
        let records = (1...3).map { n in
            InteractionRecord(
                interaction: Self.contact(dana, "r-\(n)", day: "2026-03-0\(n)"), keys: [.id(dana)], file: "f.csv",
                line: n)
        }
        func add() throws -> ImportSummary {
            try store.importBatch(
                people: [], interactions: records, createPeople: false, dryRun: false, context: Fixtures.context,
                now: Fixtures.now)
        }
        #expect(try add().interactionsAdded == 3)
        let imported = try StoreSourceKeyTests.keys(store)
        try store.undo(context: Fixtures.context)
        #expect(try StoreSourceKeyTests.keys(store) == Array(imported.prefix(1)))
        #expect(try add().interactionsAdded == 3)
        let again = try StoreSourceKeyTests.keys(store)
        #expect(
            again.map { $0.split(separator: " ").dropFirst() } == imported.map { $0.split(separator: " ").dropFirst() })
        #expect(try store.check(context: Fixtures.context).problems == [])
    }

    @Test("a logged and a removed contact, undone and redone: the row comes back with its key each time")
    func roundTrip() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let dana = try store.addPerson(Person(name: "Dana"), at: Fixtures.now).id
        let kept = try store.log(Self.contact(dana, "r-1"), context: Fixtures.context).id
        let logged = try store.log(Self.contact(dana, "r-2"), context: Fixtures.context).id
        let both = try StoreSourceKeyTests.keys(store)
        #expect(both == ["\(kept) \"csv\" \"r-1\" 320122472074886589", "\(logged) \"csv\" \"r-2\" 320122472024554092"])
        let undo = try store.undo(context: Fixtures.context).by  // the log of r-2
        #expect(try StoreSourceKeyTests.keys(store) == Array(both.prefix(1)))
        try store.undo(undo.id, context: Fixtures.context)  // ... undone: r-2 back from the change log's copy
        #expect(try StoreSourceKeyTests.keys(store) == both)
        _ = try store.removeInteractions([kept], context: Fixtures.context)
        try store.undo(context: Fixtures.context)
        #expect(try StoreSourceKeyTests.keys(store) == both)
        #expect(try store.check(context: Fixtures.context).problems == [])
    }

    @Test("a copy made before keys existed is put back with its key")
    func copyWithoutKey() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let dana = try store.addPerson(Person(name: "Dana"), at: Fixtures.now).id
        let id = try store.log(Self.contact(dana, "r-1"), context: Fixtures.context).id
        let before = try StoreSourceKeyTests.keys(store)
        _ = try store.removeInteractions([id], context: Fixtures.context)
        try store.queue.write { db in
            try db.execute(
                sql: "UPDATE change_row SET old = json_remove(old, '$.source_key') WHERE tbl = 'interaction'")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM change_row WHERE old LIKE '%source_key%'") == 0)
        }
        try store.undo(context: Fixtures.context)
        #expect(try StoreSourceKeyTests.keys(store) == before)
        #expect(before[0].hasSuffix(" 320122472074886589"))
    }

    @Test("a collided row and the row holding its key, removed and put back: each gets what it had")
    func collidedUndo() throws {
        try SourceKeys.$forcedKey.withValue(StoreSourceKeyTests.clashing) {
            let dir = TemporaryDirectory()
            let store = try Fixtures.store(in: dir)
            let dana = try store.addPerson(Person(name: "Dana"), at: Fixtures.now).id
            let a = try store.log(Self.contact(dana, "clash-a"), context: Fixtures.context).id
            let b = try store.log(Self.contact(dana, "clash-b"), context: Fixtures.context).id
            let both = try StoreSourceKeyTests.keys(store)
            #expect(both == ["\(a) \"csv\" \"clash-a\" 42", "\(b) \"csv\" \"clash-b\" NULL"])
            for id in [b, a] {
                _ = try store.removeInteractions([id], context: Fixtures.context)
                try store.undo(context: Fixtures.context)
                #expect(try StoreSourceKeyTests.keys(store) == both)
            }
            // The holder removed, its copy without a key: put back, it takes its key again.
            _ = try store.removeInteractions([a], context: Fixtures.context)
            try store.queue.write { db in
                try db.execute(
                    sql: "UPDATE change_row SET old = json_remove(old, '$.source_key') WHERE tbl = 'interaction'")
            }
            try store.undo(context: Fixtures.context)
            #expect(try StoreSourceKeyTests.keys(store) == both)
            #expect(try store.check(context: Fixtures.context).problems == [])
        }
    }

    @Test("a collided row whose key was freed is found by its texts, and the next import gives it the key")
    func freedKey() throws {
        try SourceKeys.$forcedKey.withValue(StoreSourceKeyTests.clashing) {
            let dir = TemporaryDirectory()
            let store = try Fixtures.store(in: dir)
            let dana = try store.addPerson(Person(name: "Dana"), at: Fixtures.now).id
            let a = try store.log(Self.contact(dana, "clash-a"), context: Fixtures.context).id
            let b = try store.log(Self.contact(dana, "clash-b"), context: Fixtures.context).id
            _ = try store.removeInteractions([a], context: Fixtures.context)
            #expect(
                try store.check(context: Fixtures.context).problems == [
                    "interaction #\(b): no source key, but its key 42 is free"
                ])
            let again = try store.importBatch(
                people: [],
                interactions: [
                    InteractionRecord(
                        interaction: Self.contact(dana, "clash-b"), keys: [.id(dana)], file: "f.csv", line: 1)
                ],
                createPeople: false, dryRun: false, context: Fixtures.context, now: Fixtures.now)
            #expect(again.interactionsAdded == 0 && again.interactionsExisting == 1)
            #expect(try StoreSourceKeyTests.keys(store) == ["\(b) \"csv\" \"clash-b\" 42"])
            #expect(try store.check(context: Fixtures.context).problems == [])
        }
    }

    @Test("check names every row whose source key is not the one its texts give")
    func check() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let dana = try store.addPerson(Person(name: "Dana"), at: Fixtures.now).id
        let ids = try ["r-1", "r-2", "r-3", nil, "r-5"].map { sourceID in
            try store.log(Self.contact(dana, sourceID), context: Fixtures.context).id
        }
        #expect(try store.check(context: Fixtures.context).problems == [])
        let r1 = SourceKey.of(source: "csv", sourceID: "r-1")!
        try store.queue.write { db in
            try db.execute(sql: "UPDATE interaction SET source_key = 7 WHERE id = ?", arguments: [ids[0]])
            try db.execute(sql: "UPDATE interaction SET source_key = NULL WHERE id = ?", arguments: [ids[1]])
            try db.execute(sql: "UPDATE interaction SET source_key = 8 WHERE id = ?", arguments: [ids[3]])
            // A second row of r-5, without a key, beside the first.
            try db.execute(
                sql: """
                    INSERT INTO interaction (id, person_id, occurred_at, kind, direction, source, source_id)
                    VALUES (99, ?, 0, 'call', 'out', 'csv', 'r-5')
                    """, arguments: [dana])
        }
        // The row added by SQL also leaves Dana's stored state behind her history: that is the check's too.
        let problems = try store.check(context: Fixtures.context).problems.filter { $0.hasPrefix("interaction") }
        let r2 = SourceKey.of(source: "csv", sourceID: "r-2")!
        #expect(
            problems == [
                "interaction #\(ids[0]): source key 7, but its source and source id give \(r1)",
                "interaction #\(ids[1]): no source key, but its key \(r2) is free",
                "interaction #\(ids[3]): source key 8, but no source id",
                "interaction #99: no source key, and #\(ids[4]) has the same source and source id",
            ])
    }
}
