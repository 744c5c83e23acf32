import Foundation
import GRDB
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesStore

/// A large import holds its new rows and inserts them a run at a time, in order of person and time
/// (``HeldRows``); what it stores and counts is what an import row by row stores and counts.
@Suite("Store: a large import inserts its rows in runs ordered by person and time")
struct StoreHeldRowsTests {
    static func record(_ sourceID: String, _ name: String, day: Int) -> InteractionRecord {
        InteractionRecord(
            interaction: Interaction(
                personID: 0, occurredAt: Fixtures.noon("2026-03-0\(day)"), kind: .message, source: "linkedin-messages",
                sourceID: sourceID),
            keys: [.name(name)], file: "messages.csv", line: day)
    }

    /// Imports `records` into a new store of Dana and Eli; returns the summary and the rows, in id order, as
    /// `source_id person_id day`. With `attempt`, the records are first added in an attempt taken back
    /// (``StoreImporter/tentatively(_:)``), as a one-pass reading that finds it needs two is.
    static func imported(_ records: [InteractionRecord], large: Bool, attempt: Bool = false) throws -> (
        ImportSummary, [String]
    ) {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        for name in ["Dana", "Eli"] { try store.addPerson(Person(name: name), at: Fixtures.now) }
        let summary = try store.importing(
            createPeople: false, dryRun: false, context: Fixtures.context, now: Fixtures.now, large: large
        ) { (importer: inout StoreImporter) throws(StoreError) in
            if attempt {
                _ = try importer.tentatively { (importer: inout StoreImporter) throws(StoreError) -> Bool in
                    try importer.add(records)
                    return false
                }
            }
            try importer.add(records)
            return true
        }
        let rows = try store.read { db in
            try Row.fetchAll(
                db, sql: "SELECT source_id, person_id, date(occurred_at, 'unixepoch') FROM interaction ORDER BY id"
            ).map { row in row.databaseValues.map(\.description).joined(separator: " ") }
        }
        #expect(try store.check(context: Fixtures.context).problems == [])
        return (summary, rows)
    }

    @Test("runs of three: ids by person then time; a row held or stored twice, and a stranger's copy, are present")
    func runs() throws {
        let records = [
            Self.record("a", "Eli", day: 5), Self.record("b", "Dana", day: 3), Self.record("c", "Eli", day: 1),
            // The next run: a row, a copy of it naming no one (held, so already present rather than unmatched),
            // and a copy of a row of the first run (stored by then).
            Self.record("d", "Dana", day: 2), Self.record("d", "Nobody Known", day: 2),
            Self.record("b", "Dana", day: 3),
        ]
        let (held, rows) = try HeldRows.$testRunLength.withValue(3) { try Self.imported(records, large: true) }
        #expect(held.interactionsAdded == 4 && held.interactionsExisting == 2 && held.unmatched.isEmpty, "\(held)")
        #expect(
            rows == [
                "\"b\" 1 \"2026-03-03\"", "\"c\" 2 \"2026-03-01\"", "\"a\" 2 \"2026-03-05\"",
                "\"d\" 1 \"2026-03-02\"",
            ], "\(rows)")
        // An attempt taken back, with a run inserted and rows held, leaves nothing behind.
        let (again, againRows) = try HeldRows.$testRunLength.withValue(3) {
            try Self.imported(records, large: true, attempt: true)
        }
        #expect(again.interactionsAdded == 4 && again.interactionsExisting == 2 && againRows == rows, "\(again)")
        // Row by row, the same rows are stored and counted, in file order.
        let (plain, plainRows) = try Self.imported(records, large: false)
        #expect(plain.interactionsAdded == 4 && plain.interactionsExisting == 2 && plain.unmatched.isEmpty)
        #expect(plainRows.sorted() == rows.sorted())
    }

    @Test("held rows keep their texts byte for byte: notes (searchable), an empty note, no source id, non-ASCII")
    func texts() throws {
        func row(_ note: String?, _ sourceID: String?, source: String = "csv", day: Int) -> InteractionRecord {
            InteractionRecord(
                interaction: Interaction(
                    personID: 0, occurredAt: Fixtures.noon("2026-03-0\(day)"), kind: .call, direction: .inbound,
                    answered: false, groupSize: 3, note: note, source: source, sourceID: sourceID),
                keys: [.name(day % 2 == 0 ? "Dana" : "Eli")], file: "f.csv", line: day)
        }
        let records = [
            row("Café with Zoë about the Lyon role", "é-1", day: 1), row("", "", day: 2), row(nil, nil, day: 3),
            row("second run", "x", source: "", day: 4), row("🙂 thanks", "y", source: "linkedin-messages", day: 5),
        ]
        func dump(large: Bool) throws -> [String] {
            let dir = TemporaryDirectory()
            let store = try Fixtures.store(in: dir)
            for name in ["Dana", "Eli"] { try store.addPerson(Person(name: name), at: Fixtures.now) }
            _ = try store.importing(
                createPeople: false, dryRun: false, context: Fixtures.context, now: Fixtures.now, large: large
            ) { (importer: inout StoreImporter) throws(StoreError) in
                try importer.add(records)
                return true
            }
            #expect(try store.search("Lyon").count == 1)
            #expect(try store.check(context: Fixtures.context).problems == [])
            return try store.read { db in
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT person_id || ' ' || occurred_at || ' ' || kind || ' ' || direction || ' ' || answered || ' '
                            || group_size || ' ' || quote(note) || ' ' || quote(source) || ' ' || quote(source_id) || ' '
                            || date_only || ' ' || quote(source_key)
                        FROM interaction ORDER BY occurred_at
                        """)
            }
        }
        let held = try HeldRows.$testRunLength.withValue(3) { try dump(large: true) }
        #expect(held.count == 5)
        #expect(held == (try dump(large: false)), "\(held)")
        #expect(held.contains { $0.contains("'Café with Zoë about the Lyon role' 'csv' 'é-1'") }, "\(held)")
        #expect(held.contains { $0.contains(" '' 'csv' '' ") } && held.contains { $0.contains(" NULL 'csv' NULL ") })
    }

    @Test("a row held with its own id is present for a copy of it that names no one")
    func heldByID() throws {
        func row(_ name: String) -> InteractionRecord {
            InteractionRecord(
                interaction: Interaction(id: 900, personID: 0, occurredAt: Fixtures.noon("2026-03-01"), kind: .call),
                keys: [.name(name)], file: "f.csv", line: 1)
        }
        let (summary, rows) = try Self.imported([row("Dana"), row("Nobody Known")], large: true)
        #expect(summary.interactionsAdded == 1 && summary.interactionsExisting == 1 && summary.unmatched.isEmpty)
        #expect(rows == ["NULL 1 \"2026-03-01\""], "\(rows)")
    }

    /// Rows of every sort a chunk can hold: copies of a row (turned away), ids imported
    /// before (turned away), rows without a source id, a row with an id of its own (its chunk goes row by row),
    /// notes (indexed for search), two people, several days.
    static func mixed() -> (before: [InteractionRecord], all: [InteractionRecord]) {
        var all: [InteractionRecord] = []
        for n in 0..<150 {
            if n % 7 == 6, var copy = all.last {
                copy.line = n + 1
                all.append(copy)
                continue
            }
            let sourceID: String? = n % 11 == 0 ? nil : "m\(n)"
            all.append(
                InteractionRecord(
                    interaction: Interaction(
                        id: n == 77 ? 5_000 : nil, personID: 0,
                        occurredAt: Fixtures.noon("2026-03-0\(1 + n % 9)").addingTimeInterval(Double(n % 5) * 60),
                        kind: n % 3 == 0 ? .call : .message, direction: n % 2 == 0 ? .inbound : .outbound,
                        answered: n % 4 != 0, note: n % 13 == 0 ? "Lyon note \(n)" : nil, source: "linkedin-messages",
                        sourceID: sourceID),
                    keys: [.name(n % 3 == 0 ? "Dana" : "Eli")], file: "messages.csv", line: n + 1))
        }
        return (stride(from: 0, to: all.count, by: 10).map { all[$0] }, all)
    }

    /// `records` imported into a new store of Dana and Eli that holds `before` already; the summary, and
    /// every row in id order (`id person day kind direction answered note source_id source_key`).
    static func dump(_ before: [InteractionRecord], then records: [InteractionRecord], large: Bool) throws -> (
        ImportSummary, [String]
    ) {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        for name in ["Dana", "Eli"] { try store.addPerson(Person(name: name), at: Fixtures.now) }
        var summary = ImportSummary()
        for (batch, isLarge) in [(before, false), (records, large)] {
            summary = try store.importing(
                createPeople: false, dryRun: false, context: Fixtures.context, now: Fixtures.now, large: isLarge
            ) { (importer: inout StoreImporter) throws(StoreError) in
                try importer.add(batch)
                return true
            }
        }
        let noted = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM interaction WHERE note LIKE 'Lyon%'")
        }
        #expect(try store.search("Lyon").count == noted && noted ?? 0 > 0, "every note is found")
        #expect(try store.check(context: Fixtures.context).problems == [])
        let rows = try store.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, person_id, occurred_at, kind, direction, answered, note, source_id, source_key
                    FROM interaction ORDER BY id
                    """
            ).map { row in row.databaseValues.map(\.description).joined(separator: " ") }
        }
        return (summary, rows)
    }

    @Test("rows inserted 32 (or 4) to a statement get the ids, rows and counts they get one by one")
    func chunks() throws {
        let (before, all) = Self.mixed()
        func run(chunk: Int) throws -> [String] {
            try HeldRows.$testRunLength.withValue(64) {
                try HeldRows.$testChunkLength.withValue(chunk) {
                    let (summary, rows) = try Self.dump(before, then: all, large: true)
                    return rows + ["added \(summary.interactionsAdded) existing \(summary.interactionsExisting)"]
                }
            }
        }
        let one = try run(chunk: 1)
        #expect(try run(chunk: 4) == one)
        #expect(try run(chunk: 32) == one)
        // Row by row in file order: the same rows and counts, other ids.
        let (summary, plain) = try Self.dump(before, then: all, large: false)
        #expect(one.last == "added \(summary.interactionsAdded) existing \(summary.interactionsExisting)")
        #expect(summary.interactionsExisting > 15 && summary.interactionsAdded > 100, "\(summary)")
        func withoutID(_ rows: [String]) -> [String] { rows.map { String($0.drop { $0 != " " }) }.sorted() }
        #expect(withoutID(plain) == withoutID(Array(one.dropLast())))
    }

    @Test("a row whose key another row of its chunk took goes in without it, as it does one by one")
    func collidedInChunk() throws {
        try SourceKeys.$forcedKey.withValue(StoreSourceKeyTests.clashing) {
            let (_, all) = Self.mixed()
            var records = Array(all.prefix(40))
            for (n, id) in ["clash-a", "clash-b", "clash-a"].enumerated() {
                records[3 + n].interaction.sourceID = id
            }
            let (chunked, rows) = try HeldRows.$testRunLength.withValue(64) {
                try Self.dump([], then: records, large: true)
            }
            let (plain, plainRows) = try Self.dump([], then: records, large: false)
            #expect(chunked.interactionsAdded == plain.interactionsAdded)
            #expect(chunked.interactionsExisting == plain.interactionsExisting && plain.interactionsExisting >= 1)
            func withoutID(_ rows: [String]) -> [String] { rows.map { String($0.drop { $0 != " " }) }.sorted() }
            #expect(withoutID(rows) == withoutID(plainRows))
            #expect(rows.filter { $0.contains("clash-") }.count == 2)
            #expect(rows.contains { $0.hasSuffix("\"clash-b\" NULL") }, "\(rows)")
        }
    }
}
