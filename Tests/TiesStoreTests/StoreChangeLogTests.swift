import Foundation
import GRDB
import Testing
import TiesCore
import TiesNumerics
import TiesTestSupport

@testable import TiesStore

@Suite("Store: change log, undo and record corrections")
struct StoreChangeLogTests {
    /// Every record table, each row as text, in a fixed order: what an undo must give back exactly.
    static func records(_ store: Store) throws -> [String: [String]] {
        try store.read { db in
            var dump: [String: [String]] = [:]
            for table in try ChangeLog.recordedTables(db) {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)")
                var lines = rows.map { row in row.map { "\($0.0)=\($0.1)" }.joined(separator: "|") }
                if table == "setting" { lines.removeAll { $0.hasPrefix("key=\"state.") } }
                dump[table] = lines.sorted()
            }
            return dump
        }
    }

    /// The stored relationship states, and the states a full recomputation gives (computed in a
    /// transaction that is rolled back).
    static func storedAndRecomputed(_ store: Store) throws -> (stored: [Int64: [Double]], full: [Int64: [Double]]) {
        func read(_ db: Database) throws -> [Int64: [Double]] {
            var states: [Int64: [Double]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM relationship_state") {
                states[row["person_id"]] = [
                    row["first_day"], row["last_day"], row["episodes"], row["last_weight"], row["strength_sum"],
                    row["activity_sum"], row["outbound"], row["inbound"], row["strength_half_life"],
                ].map { (value: DatabaseValue) in Double.fromDatabaseValue(value) ?? .nan }
            }
            return states
        }
        // What `states(asOf:context:)` would read: first brought up to the stored configuration.
        var current = Fixtures.context
        current.configuration = try store.configuration()
        try store.write { db in try StateCache.refresh(current, db) }
        let stored = try store.read(read)
        var full: [Int64: [Double]] = [:]
        try store.queue.writeWithoutTransaction { db in
            try db.inTransaction {
                var context = Fixtures.context
                context.configuration = try Store.fetchConfiguration(db)
                try StateCache.rebuildAll(context: context, db)
                full = try read(db)
                return .rollback
            }
        }
        return (stored, full)
    }

    static func expectSameStates(_ store: Store, _ note: String) throws {
        let (stored, full) = try storedAndRecomputed(store)
        #expect(stored.keys.sorted() == full.keys.sorted(), "\(note)")
        for (id, b) in full {
            guard let a = stored[id] else { continue }
            for (x, y) in zip(a, b) { #expect(abs(x - y) <= 1e-9 * max(1, abs(y)), "\(note): person \(id)") }
        }
    }

    @Test("an edit, a removal and their undos: states equal a full recomputation, records come back exactly")
    func undoRestores() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        store.recordChanges(as: "test")
        let dana = try store.addPerson(Person(name: "Dana Reyes", roles: [.recruiter]), at: Fixtures.now).id
        let sam = try store.addPerson(Person(name: "Sam Okafor"), at: Fixtures.now).id
        let logged = try store.log(
            Interaction(personID: dana, occurredAt: Fixtures.noon("2026-05-01"), kind: .call), context: Fixtures.context
        )
        let id = logged.id
        let beforeEdit = try Self.records(store)
        try store.editInteraction(
            id, InteractionEdit(occurredAt: Fixtures.noon("2026-05-03"), personID: sam), now: Fixtures.now,
            context: Fixtures.context)
        try Self.expectSameStates(store, "after edit")
        #expect(try store.interaction(id).personID == sam)
        let undone = try store.undo(context: Fixtures.context)
        #expect(undone.undone.summary == "changed 1 contact")
        #expect(try Self.records(store) == beforeEdit)
        try Self.expectSameStates(store, "after undoing the edit")

        try store.removeInteractions([id], context: Fixtures.context)
        #expect(throws: StoreError.self) { try store.interaction(id) }
        try store.undo(context: Fixtures.context)
        #expect(try Self.records(store) == beforeEdit)
        try Self.expectSameStates(store, "after undoing the removal")
        let history = try store.changes()
        #expect(history.first?.summary == "undo of #\(history[1].id): added 1 contact")
    }

    @Test("a change a later one depends on is not undone, and the message names the later change")
    func dependentChange() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let dana = try store.addPerson(Person(name: "Dana Reyes"), at: Fixtures.now).id
        let added = try #require(try store.changes().first)
        try store.log(
            Interaction(personID: dana, occurredAt: Fixtures.noon("2026-05-01"), kind: .call), context: Fixtures.context
        )
        let logged = try #require(try store.changes().first)
        let before = try Self.records(store)
        let bytes = try Data(contentsOf: store.url)
        #expect {
            try store.undo(added.id, context: Fixtures.context)
        } throws: { error in
            "\(error)".contains("#\(logged.id)")
        }
        #expect(try Self.records(store) == before)
        #expect(try Data(contentsOf: store.url) == bytes)
        #expect(throws: StoreError.self) { try store.undo(999, context: Fixtures.context) }
    }

    @Test("a setting change is undone, and the states follow the restored configuration")
    func settingUndo() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let dana = try store.addPerson(Person(name: "Dana Reyes"), at: Fixtures.now).id
        try store.log(
            Interaction(personID: dana, occurredAt: Fixtures.noon("2026-05-01"), kind: .call), context: Fixtures.context
        )
        var configuration = ScoringConfiguration()
        configuration.activityHalfLifeDays *= 2
        try store.setConfiguration(configuration)
        try store.setConfiguration(ScoringConfiguration())
        try store.undo(context: Fixtures.context)
        #expect(try store.configuration() == configuration)
        try Self.expectSameStates(store, "after undoing a setting")
    }

    @Test("random writes and undos: states always equal a full recomputation", arguments: [11, 12, 13] as [UInt64])
    func randomWritesAndUndos(seed: UInt64) throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let rng = SeededGenerator(seed: seed)
        var before: [Int64: [String: [String]]] = [:]
        var people: [Int64] = []
        var (undone, refused) = (0, 0)
        let start = Fixtures.day("2025-01-01")
        func instant() -> Date {
            Date(
                timeIntervalSince1970: TimeInterval(
                    (start + rng.index(below: 500)).ordinal * 86_400 + rng.index(below: 86_400)))
        }
        for step in 0..<60 {
            let snapshot = try Self.records(store)
            let lastChange = try store.changes(limit: 1).first?.id
            let choice = people.count < 2 ? 0 : rng.index(below: 8)
            let contacts = try store.interactions().compactMap(\.id)
            do {
                switch choice {
                case 0:
                    let roles: Set<Role> = rng.bernoulli(0.5) ? [.recruiter] : [.mentor]
                    people.append(
                        try store.addPerson(Person(name: "P\(step)", roles: roles), at: Fixtures.now).id)
                case 1, 2:
                    let direction = rng.element(of: Direction.allCases)
                    try store.log(
                        Interaction(
                            personID: rng.element(of: people), occurredAt: instant(),
                            kind: rng.element(of: InteractionKind.allCases), direction: direction,
                            answered: direction != .inbound || rng.bernoulli(0.5)),
                        context: Fixtures.context)
                case 3 where !contacts.isEmpty:
                    try store.editInteraction(
                        rng.element(of: contacts),
                        InteractionEdit(
                            occurredAt: rng.bernoulli(0.5) ? instant() : nil,
                            personID: rng.bernoulli(0.5) ? rng.element(of: people) : nil,
                            kind: rng.bernoulli(0.5) ? rng.element(of: InteractionKind.allCases) : nil),
                        now: Fixtures.now, context: Fixtures.context)
                case 4 where !contacts.isEmpty:
                    try store.removeInteractions([rng.element(of: contacts)], context: Fixtures.context)
                case 5:
                    var configuration = try store.configuration()
                    configuration.activityHalfLifeDays = Double(30 + rng.index(below: 300))
                    try store.setConfiguration(configuration)
                case 6:
                    let change = try store.undo(context: Fixtures.context)
                    undone += 1
                    if let expected = before[change.undone.id] {
                        #expect(
                            try Self.records(store) == expected,
                            "seed \(seed) step \(step): undo of #\(change.undone.id)")
                    }
                default:
                    // Undo a random earlier change: it either works or changes nothing.
                    let ids = try store.changes(limit: 100).map(\.id)
                    if !ids.isEmpty {
                        let id = ids[rng.index(below: ids.count)]
                        do {
                            try store.undo(id, context: Fixtures.context)
                            // Undoing an earlier change out of order: the records before later changes
                            // no longer say what undoing those gives back.
                            before.removeAll()
                            undone += 1
                        } catch {
                            refused += 1
                            #expect(try Self.records(store) == snapshot, "seed \(seed) step \(step): refused undo")
                        }
                    }
                }
            } catch let error as StoreError {
                #expect(try Self.records(store) == snapshot, "seed \(seed) step \(step): \(error)")
            }
            if let latest = try store.changes(limit: 1).first?.id, latest != lastChange, choice != 6, choice != 7 {
                before[latest] = snapshot
            }
            try Self.expectSameStates(store, "seed \(seed) step \(step) choice \(choice)")
        }
        // The sequence must have exercised both outcomes for the property to mean something.
        #expect(undone >= 3 && refused >= 1, "seed \(seed): \(undone) undone, \(refused) refused")
    }

    @Test("new rows given as runs of ids make the ranges that reading every id of the table makes", arguments: 0..<40)
    func rangesFromRuns(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        // Ids 1...60, each old, new or free; some old ones deleted since (read before, not after).
        var old: [Int64] = []
        var now: [Int64] = []
        var new: [Int64] = []
        for id in Int64(1)...60 {
            switch random.next() % 5 {
            case 0: old.append(id)
            case 1:
                old.append(id)
                now.append(id)
            case 2, 3:
                new.append(id)
                now.append(id)
            default: break
            }
        }
        var scanned = NewRowRanges(old: old)
        for id in now { scanned.add(id...id) }
        // The runs of consecutive new ids, taken in a shuffled order and sorted as the change log sorts them.
        var runs: [ClosedRange<Int64>] = []
        for id in new {
            if let last = runs.last, last.upperBound + 1 == id {
                runs[runs.count - 1] = last.lowerBound...id
            } else {
                runs.append(id...id)
            }
        }
        runs.shuffle(using: &random)
        var fromRuns = NewRowRanges(old: old)
        for run in runs.sorted(by: { $0.lowerBound < $1.lowerBound }) { fromRuns.add(run) }
        #expect(
            fromRuns.ranges.map { [$0.ids.lowerBound, $0.ids.upperBound, Int64($0.rows)] }
                == scanned.ranges.map { [$0.ids.lowerBound, $0.ids.upperBound, Int64($0.rows)] })
        #expect(scanned.ranges.reduce(0) { $0 + $1.rows } == new.count)
    }

    @Test("runs of new ids that do not account for every new row are not taken: the ids are read instead")
    func runsThatMissRows() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let dana = try store.addPerson(Person(name: "Dana Reyes"), at: Fixtures.now).id
        func interaction(_ id: Int64) -> Interaction {
            Interaction(id: id, personID: dana, occurredAt: Fixtures.noon("2026-02-01"), kind: .email)
        }
        _ = try store.write { db in try Store.insert(interaction(3), db) }
        // Rows 1, 2, 5 and 6 go in; the runs given leave some out (rows another writer of the import added), or
        // name one more.
        for given in [[], [1...2], [5...6], [1...2, 5...7]] as [[ClosedRange<Int64>]] {
            let ranges = try store.write { db -> [String] in
                try Store.recordingChange("test", db) {
                    try Store.recordingBulkInserts(into: "interaction", db, newRows: { given }) {
                        for id: Int64 in [1, 2, 5, 6] { _ = try Store.insert(interaction(id), db) }
                    }
                }
                let ranges = try String.fetchAll(
                    db,
                    sql: """
                        SELECT key FROM change_row WHERE op = 'insert_range'
                        AND change_id = (SELECT max(id) FROM change) ORDER BY seq
                        """)
                try db.execute(sql: "DELETE FROM interaction WHERE id != 3")
                return ranges
            }
            #expect(ranges == ["[1,2,2]", "[5,6,2]"], "runs given: \(given)")
        }
    }

    @Test("an import is recorded as ranges of ids and undone whole; a later change to its rows blocks the undo")
    func importUndo() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let dana = try store.addPerson(Person(name: "Dana Reyes"), at: Fixtures.now).id
        let logged = try store.log(
            Interaction(personID: dana, occurredAt: Fixtures.noon("2026-01-01"), kind: .call), context: Fixtures.context
        )
        let before = try Self.records(store)
        // Ids 5...7 and 9 are new; the store holds 1; 8 is left free.
        let records = [5, 6, 7, 9].map { id in
            InteractionRecord(
                interaction: Interaction(
                    id: Int64(id), personID: dana, occurredAt: Fixtures.noon("2026-02-0\(id)"), kind: .email,
                    source: "test", sourceID: "m\(id)"),
                keys: [.id(dana)], file: "t.csv", line: id)
        }
        _ = try store.importBatch(
            people: [], interactions: records, createPeople: false, dryRun: false, context: Fixtures.context,
            now: Fixtures.now)
        let ranges = try store.read { db in
            try String.fetchAll(db, sql: "SELECT key FROM change_row WHERE op = 'insert_range' ORDER BY seq")
        }
        #expect(ranges == ["[5,9,4]"])
        let imported = try #require(try store.changes().first)
        #expect(imported.summary == "added 4 contacts")
        try Self.expectSameStates(store, "after the import")

        // A later edit of an imported row blocks the undo, and names the edit.
        try store.editInteraction(6, InteractionEdit(kind: .call), now: Fixtures.now, context: Fixtures.context)
        let edit = try #require(try store.changes().first)
        #expect {
            try store.undo(imported.id, context: Fixtures.context)
        } throws: { error in
            "\(error)".contains("#\(edit.id)")
        }
        try store.undo(context: Fixtures.context)
        let undoImport = try store.undo(imported.id, context: Fixtures.context).by
        #expect(try Self.records(store) == before)
        #expect(try store.interaction(logged.id).kind == .call)
        try Self.expectSameStates(store, "after undoing the import")
        // The undo of an import copied nothing, so it cannot itself be undone.
        #expect(throws: StoreError.self) { try store.undo(undoImport.id, context: Fixtures.context) }
        #expect(try Self.records(store) == before)
    }
}
