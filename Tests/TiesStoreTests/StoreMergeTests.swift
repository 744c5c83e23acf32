import Foundation
import GRDB
import Testing
import TiesCore
import TiesNumerics
import TiesTestSupport

@testable import TiesStore

/// Merging two people and undoing it: what moves, what the log keeps, and exact restoration.
@Suite("Store: merge and unmerge")
struct StoreMergeTests {
    /// Every table's rows except the merge log's, as text, ordered: the store's whole content.
    static func dump(_ store: Store) throws -> [String: [String]] {
        try store.read { db in
            var tables: [String: [String]] = [:]
            // The change log is history that grows with every write (the merge and the unmerge are two
            // changes), and the search index's shadow tables are FTS5's own layout; the index's content is
            // compared through the `search_index` table itself.
            let names = try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'merge_log'
                    AND name NOT IN ('change', 'change_row', 'change_open') AND name NOT LIKE 'search\\_index\\_%' ESCAPE '\\'
                    ORDER BY name
                    """)
            for name in names {
                tables[name] = try Row.fetchAll(db, sql: "SELECT * FROM \(name.quotedDatabaseIdentifier)")
                    .map { row in row.map { "\($0.0)=\($0.1)" }.joined(separator: "|") }
                    .sorted()
            }
            return tables
        }
    }

    /// The first difference between two dumps, for failure messages.
    static func difference(_ a: [String: [String]], _ b: [String: [String]]) -> String {
        for table in Set(a.keys).union(b.keys).sorted() where a[table] != b[table] {
            let x = Set(a[table] ?? [])
            let y = Set(b[table] ?? [])
            return
                "\(table): only before \(x.subtracting(y).sorted().prefix(3)); only after \(y.subtracting(x).sorted().prefix(3))"
        }
        return "none"
    }

    /// Compares two states with a relative tolerance for the decayed sums.
    static func same(_ a: RelationshipState?, _ b: RelationshipState?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a.firstDay == b.firstDay && a.lastDay == b.lastDay && a.episodes == b.episodes
            && a.outbound == b.outbound && a.inbound == b.inbound && a.strengthHalfLife == b.strengthHalfLife
            && abs(a.strengthSum - b.strengthSum) <= 1e-9 * max(1, b.strengthSum)
            && abs(a.activitySum - b.activitySum) <= 1e-9 * max(1, b.activitySum)
    }

    /// Stored states equal a full recomputation from the interaction table (computed without writing, so
    /// the store's content is left as it is).
    static func expectStatesMatchRebuild(_ store: Store, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let asOf = Fixtures.day("2030-01-01")
        let stored = try store.states(asOf: asOf, context: Fixtures.context)
        let rebuilt = try store.states(asOf: [asOf], context: Fixtures.context)[asOf] ?? [:]
        #expect(stored.keys.sorted() == rebuilt.keys.sorted(), sourceLocation: sourceLocation)
        for id in rebuilt.keys {
            #expect(same(stored[id], rebuilt[id]), "state of #\(id)", sourceLocation: sourceLocation)
        }
    }

    /// Dana (1) and her second record Dana M. (2), with everything a merge has to move; Sam (3), Lee (4).
    static func seeded(_ dir: TemporaryDirectory) throws -> Store {
        let store = try Fixtures.store(in: dir)
        let verified = Fixtures.noon("2025-01-01")
        let later = Fixtures.noon("2026-02-01")
        try store.addPerson(
            Person(
                name: "Dana Reyes", roles: [.recruiter], recruiterKind: nil, organisation: "Hale & Partners",
                tags: ["search"],
                contactPoints: [ContactPoint(kind: .email, value: "dana@hale.example", verifiedAt: verified)]),
            at: Fixtures.now)
        try store.addPerson(
            Person(
                name: "Dana M. Reyes", roles: [.recruiter, .mentor], recruiterKind: .searchFirm,
                organisation: "Mercy Health",
                title: "Partner", closeness: 4, tags: ["search", "chicago"],
                contactPoints: [
                    ContactPoint(kind: .email, value: "dana@hale.example", verifiedAt: later),
                    ContactPoint(kind: .phone, value: "+1 312 555 0100", verifiedAt: later),
                ]), at: Fixtures.now)
        try store.addPerson(Person(name: "Sam Okafor", roles: [.colleague]), at: Fixtures.now)
        try store.addPerson(Person(name: "Lee Park", roles: [.peer]), at: Fixtures.now)
        for (id, day, kind) in [
            (1, "2026-01-05", InteractionKind.call), (2, "2026-01-20", .meeting), (2, "2026-03-02", .email),
            (1, "2026-04-10", .meeting), (3, "2026-02-02", .call), (2, "2025-11-11", .video),
        ] {
            try store.log(
                Interaction(personID: Int64(id), occurredAt: Fixtures.noon(day), kind: kind, direction: .outbound),
                context: Fixtures.context)
        }
        try store.addTie(Tie(1, 3, kind: .colleague, weight: 0.5))
        try store.addTie(Tie(2, 3, kind: .knows, weight: 0.8))  // combined with 1–3: weight 0.8
        try store.addTie(Tie(2, 4, kind: .introduced, weight: 0.3))  // moved to 1–4
        try store.addTie(Tie(1, 2, kind: .knows, weight: 1))  // removed
        try store.addCommitment(
            Commitment(
                personID: 2, text: "send the article", createdAt: Fixtures.noon("2026-03-02"),
                due: Fixtures.day("2026-03-20")))
        try store.addMyDetail(MyDetail(kind: .email, value: "me@old.example", since: Fixtures.day("2020-01-01")))
        try store.addDisclosure(personID: 2, kind: .email, on: Fixtures.day("2026-01-20"))
        try store.addDisclosure(personID: 2, kind: .resume, version: "v1", on: Fixtures.day("2026-01-20"))
        try store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO score_snapshot (day, person_id, strength, activity, survival, layer)
                    VALUES ('2026-03-01', 2, 41.5, 2.25, 0.5, 1), ('2026-03-01', 1, 12.0, 0.5, NULL, 2)
                    """)
        }
        return store
    }

    @Test("a merge moves everything to the person kept, and the log says what moved")
    func mergeMoves() throws {
        let dir = TemporaryDirectory()
        let store = try Self.seeded(dir)
        let summary = try store.merge(keep: 1, drop: 2, context: Fixtures.context, at: Fixtures.now)
        #expect(
            summary
                == MergeSummary(
                    id: 1, mergedAt: Fixtures.now, keptID: 1, keptName: "Dana Reyes", droppedID: 2,
                    droppedName: "Dana M. Reyes",
                    interactions: 3, commitments: 1, disclosures: 2, contactPointsMoved: 1, contactPointsShared: 1,
                    tiesMoved: 1, tiesCombined: 1, selfTieRemoved: true, rolesAdded: [.mentor], tagsAdded: ["chicago"],
                    filled: ["title", "closeness", "recruiter kind"]))
        #expect(try store.merges() == [summary])

        let dana = try store.person("#1")
        #expect(dana.name == "Dana Reyes" && dana.organisation == "Hale & Partners")  // KEEP's organisation stays
        #expect(dana.title == "Partner" && dana.closeness == 4 && dana.recruiterKind == .searchFirm)
        #expect(dana.roles == [.recruiter, .mentor] && dana.tags == ["search", "chicago"])
        #expect(dana.contactPoints.map(\.value) == ["dana@hale.example", "+1 312 555 0100"])
        #expect(dana.contactPoints[0].verifiedAt == Fixtures.noon("2026-02-01"))  // the later verification
        #expect(throws: StoreError.unknownPerson("#2")) { try store.person("#2") }
        #expect(try store.interactions(with: 1).count == 5)
        #expect(
            try store.ties().map { "\($0.a)-\($0.b) \($0.kind.rawValue) \($0.weight)" } == [
                "1-3 colleague 0.8", "1-4 introduced 0.3",
            ])
        #expect(try store.commitments().map(\.personID) == [1])
        #expect(try store.disclosures().map(\.personID) == [1, 1])
        let snapshots = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM score_snapshot WHERE person_id = 2")
        }
        #expect(snapshots == 0)
        try Self.expectStatesMatchRebuild(store)
    }

    @Test("merge then unmerge restores every table exactly, relationship states included")
    func roundTrip() throws {
        let dir = TemporaryDirectory()
        let store = try Self.seeded(dir)
        let before = try Self.dump(store)
        let merged = try store.merge(keep: 1, drop: 2, context: Fixtures.context, at: Fixtures.now)
        #expect(try Self.dump(store) != before)
        let undone = try store.unmerge(context: Fixtures.context)
        #expect(undone == merged)
        let after = try Self.dump(store)
        #expect(after == before, "\(Self.difference(before, after))")
        #expect(try store.merges().isEmpty)
    }

    @Test("on a store without any history, merge and unmerge leave no trace")
    func roundTripWithoutHistory() throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        try store.addPerson(Person(name: "Dana Reyes", organisation: "Hale"), at: Fixtures.now)
        try store.addPerson(Person(name: "Dana M. Reyes", title: "Partner", tags: ["x"]), at: Fixtures.now)
        let before = try Self.dump(store)
        try store.merge(keep: 1, drop: 2, context: Fixtures.context, at: Fixtures.now)
        #expect(try store.person("#1").title == "Partner")
        try store.unmerge(context: Fixtures.context)
        let after = try Self.dump(store)
        #expect(after == before, "\(Self.difference(before, after))")
    }

    @Test("notes, aliases and a snooze of the person dropped: moved or kept, and unmerge restores them exactly")
    func notesAliasesSnooze() throws {
        let dir = TemporaryDirectory()
        let store = try Self.seeded(dir)
        let march = try #require(Day(year: 2026, month: 3, day: 1))
        let april = try #require(Day(year: 2026, month: 4, day: 1))
        try store.addNote("Met at the HFMA dinner", to: 2, on: march + 3)
        try store.addAlias("Dee", to: 2)
        try store.addAlias("Shared", to: 2)
        try store.addAlias("Shared", to: 1)
        try store.snooze(2, since: march, until: april)
        let before = try Self.dump(store)
        try store.merge(keep: 1, drop: 2, context: Fixtures.context, at: Fixtures.now)
        let merged = try Self.dump(store)
        #expect(merged["person_note"]?.contains { $0.contains("person_id=1") && $0.contains("HFMA") } == true)
        #expect(merged["person_alias"]?.filter { $0.contains("person_id=1") }.count == 2)  // Dee, and one Shared
        #expect(merged["snooze"]?.isEmpty == true)
        try store.unmerge(context: Fixtures.context)
        let after = try Self.dump(store)
        #expect(after == before, "\(Self.difference(before, after))")
    }

    @Test("merging the other way round also round-trips")
    func roundTripReversed() throws {
        let dir = TemporaryDirectory()
        let store = try Self.seeded(dir)
        let before = try Self.dump(store)
        let summary = try store.merge(keep: 2, drop: 1, context: Fixtures.context, at: Fixtures.now)
        #expect(summary.filled.isEmpty && summary.tiesCombined == 1 && summary.tiesMoved == 0)
        try Self.expectStatesMatchRebuild(store)
        try store.unmerge(1, context: Fixtures.context)
        let after = try Self.dump(store)
        #expect(after == before, "\(Self.difference(before, after))")
    }

    @Test("a refused merge changes nothing")
    func refusedMerge() throws {
        let dir = TemporaryDirectory()
        let store = try Self.seeded(dir)
        let before = try Self.dump(store)
        #expect(throws: StoreError.self) {
            try store.merge(keep: 1, drop: 1, context: Fixtures.context, at: Fixtures.now)
        }
        #expect(throws: StoreError.unknownPerson("#99")) {
            try store.merge(keep: 1, drop: 99, context: Fixtures.context, at: Fixtures.now)
        }
        #expect(throws: StoreError.unknownPerson("#99")) {
            try store.merge(keep: 99, drop: 1, context: Fixtures.context, at: Fixtures.now)
        }
        #expect(try Self.dump(store) == before)
    }

    @Test("a table merge does not know, holding rows of the person dropped, stops the merge")
    func unknownTable() throws {
        let dir = TemporaryDirectory()
        let store = try Self.seeded(dir)
        try store.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE future_note (person_id INTEGER REFERENCES person(id) ON DELETE CASCADE, text TEXT);
                    INSERT INTO future_note VALUES (1, 'kept is fine');
                    """)
        }
        try store.merge(keep: 1, drop: 3, context: Fixtures.context, at: Fixtures.now)
        try store.write { db in try db.execute(sql: "INSERT INTO future_note VALUES (2, 'would be lost')") }
        let before = try Self.dump(store)
        do {
            try store.merge(keep: 1, drop: 2, context: Fixtures.context, at: Fixtures.now)
            Issue.record("the merge should have been refused")
        } catch {
            #expect("\(error)".contains("'future_note'"), "\(error)")
        }
        #expect(try Self.dump(store) == before)
    }

    @Test("unmerge refuses, naming what changed, and changes nothing")
    func refusedUnmerge() throws {
        let dir = TemporaryDirectory()
        let store = try Self.seeded(dir)
        #expect(throws: StoreError.self) { try store.unmerge(context: Fixtures.context) }  // nothing to undo
        try store.merge(keep: 1, drop: 2, context: Fixtures.context, at: Fixtures.now)
        #expect(throws: StoreError.self) { try store.unmerge(7, context: Fixtures.context) }

        // The dropped person's name taken, and a filled field edited.
        try store.addPerson(Person(name: "dana m. reyes"), at: Fixtures.now)
        var dana = try store.person("#1").record
        dana.title = "Managing Partner"
        try store.updatePerson(dana, context: Fixtures.context)
        let before = try Self.dump(store)
        do {
            try store.unmerge(context: Fixtures.context)
            Issue.record("the unmerge should have been refused")
        } catch {
            #expect("\(error)".contains("the name 'Dana M. Reyes' is now used by dana m. reyes (#5)"), "\(error)")
            #expect(
                "\(error)".contains(
                    "Dana Reyes's title was changed since the merge (now 'Managing Partner', the merge set 'Partner')"),
                "\(error)")
            #expect("\(error)".contains("nothing changed"))
        }
        #expect(try Self.dump(store) == before)
        #expect(try store.merges().count == 1)
    }

    @Test("a moved row that is gone stops the unmerge")
    func movedRowGone() throws {
        let dir = TemporaryDirectory()
        let store = try Self.seeded(dir)
        try store.merge(keep: 1, drop: 2, context: Fixtures.context, at: Fixtures.now)
        let moved = try store.interactions(with: 1).map(\.id!).sorted()
        try store.write { db in try db.execute(sql: "DELETE FROM interaction WHERE id = 2") }
        let before = try Self.dump(store)
        do {
            try store.unmerge(context: Fixtures.context)
            Issue.record("the unmerge should have been refused")
        } catch {
            #expect("\(error)".contains("interaction #2 moved to Dana Reyes is gone"), "\(error) \(moved)")
        }
        #expect(try Self.dump(store) == before)
    }

    @Test("merges undone in reverse order restore the store; out of order, the later merge is named")
    func chainedMerges() throws {
        let dir = TemporaryDirectory()
        let store = try Self.seeded(dir)
        let before = try Self.dump(store)
        try store.merge(keep: 1, drop: 2, context: Fixtures.context, at: Fixtures.now)
        let middle = try Self.dump(store)
        try store.merge(keep: 3, drop: 1, context: Fixtures.context, at: Fixtures.now)  // Dana into Sam
        do {
            try store.unmerge(1, context: Fixtures.context)
            Issue.record("undoing the first merge first should be refused")
        } catch {
            #expect("\(error)".contains("Dana Reyes (#1) no longer exists"), "\(error)")
            #expect("\(error)".contains("later merge #2"), "\(error)")
        }
        try store.unmerge(context: Fixtures.context)
        let restored = try Self.dump(store)
        #expect(restored == middle, "\(Self.difference(middle, restored))")
        try store.unmerge(context: Fixtures.context)
        let after = try Self.dump(store)
        #expect(after == before, "\(Self.difference(before, after))")
    }

    @Test("changes an undo can carry are kept: a contact logged since, details re-saved, a promise kept")
    func laterChangesCarried() throws {
        let dir = TemporaryDirectory()
        let store = try Self.seeded(dir)
        let pointsBefore = try store.person("#2").contactPoints
        let idsBefore = try store.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM contact_point WHERE person_id = 2 ORDER BY id")
        }
        try store.merge(keep: 1, drop: 2, context: Fixtures.context, at: Fixtures.now)
        let logged = try store.log(
            Interaction(personID: 1, occurredAt: Fixtures.noon("2026-05-01"), kind: .call), context: Fixtures.context)
        var dana = try store.person("#1").record
        dana.tags.insert("met-2026")
        try store.updatePerson(dana, context: Fixtures.context)  // re-saves every contact point of Dana's, with new ids
        try store.completeCommitment(1, at: Fixtures.noon("2026-03-15"))
        try store.unmerge(context: Fixtures.context)

        let back = try store.person("#2")
        #expect(back.name == "Dana M. Reyes" && back.title == "Partner" && back.tags == ["search", "chicago"])
        #expect(back.contactPoints == pointsBefore)
        #expect(
            try store.read { db in
                try Int64.fetchAll(db, sql: "SELECT id FROM contact_point WHERE person_id = 2 ORDER BY id")
            } == idsBefore)
        let kept = try store.person("#1")
        #expect(kept.title == nil && kept.closeness == nil && kept.tags == ["search", "met-2026"])
        #expect(kept.contactPoints.map(\.value) == ["dana@hale.example"])
        #expect(kept.contactPoints[0].verifiedAt == Fixtures.noon("2025-01-01"))
        #expect(try store.interactions(with: 1).map(\.id).contains(logged.id))
        #expect(try store.commitments().first?.personID == 2 && store.commitments().first?.doneAt != nil)
        try Self.expectStatesMatchRebuild(store)
    }

    @Test(
        "random merges, undone latest first, give back the store they started from", arguments: [1, 2, 3] as [UInt64])
    func randomRoundTrips(seed: UInt64) throws {
        let dir = TemporaryDirectory()
        let store = try Fixtures.store(in: dir)
        let rng = SeededGenerator(seed: seed)
        var ids: [Int64] = []
        for n in 0..<10 {
            let roles = Set((0..<rng.index(below: 3)).map { _ in rng.element(of: Role.allCases) })
            let points = (0..<rng.index(below: 3)).map { _ in
                ContactPoint(
                    kind: rng.bernoulli(0.5) ? .email : .phone, value: "v\(rng.index(below: 4))",
                    verifiedAt: rng.bernoulli(0.7) ? Fixtures.noon("2026-01-0\(1 + rng.index(below: 9))") : nil)
            }
            let person = Person(
                name: "P\(n)", roles: roles, recruiterKind: roles.contains(.recruiter) ? .inHouse : nil,
                organisation: rng.bernoulli(0.5) ? "Org\(rng.index(below: 3))" : nil,
                title: rng.bernoulli(0.5) ? "T\(n)" : nil,
                closeness: rng.bernoulli(0.5) ? 1 + rng.index(below: 5) : nil,
                tags: Set((0..<rng.index(below: 3)).map { _ in "t\(rng.index(below: 4))" }), contactPoints: points)
            ids.append(try store.addPerson(person, at: Fixtures.now).id)
        }
        for _ in 0..<80 {
            let day = Fixtures.day("2025-01-01") + rng.index(below: 500)
            try store.log(
                Interaction(
                    personID: rng.element(of: ids),
                    occurredAt: Date(
                        timeIntervalSince1970: TimeInterval(day.ordinal * 86_400 + rng.index(below: 86_400))),
                    kind: rng.element(of: InteractionKind.allCases), direction: rng.element(of: Direction.allCases),
                    answered: rng.bernoulli(0.7)), context: Fixtures.context)
        }
        for _ in 0..<18 {
            let a = rng.element(of: ids)
            let b = rng.element(of: ids)
            if a != b {
                try? store.addTie(
                    Tie(a, b, kind: rng.element(of: Tie.Kind.allCases), weight: Double(1 + rng.index(below: 10)) / 10))
            }
        }
        for _ in 0..<4 {
            try store.addCommitment(Commitment(personID: rng.element(of: ids), text: "c", createdAt: Fixtures.now))
        }
        let before = try Self.dump(store)
        var alive = ids
        var snapshots: [[String: [String]]] = []
        for _ in 0..<5 {
            snapshots.append(try Self.dump(store))
            let keep = rng.element(of: alive)
            let drop = rng.element(of: alive.filter { $0 != keep })
            try store.merge(keep: keep, drop: drop, context: Fixtures.context, at: Fixtures.now)
            alive.removeAll { $0 == drop }
            try Self.expectStatesMatchRebuild(store)
        }
        for expected in snapshots.reversed() {
            try store.unmerge(context: Fixtures.context)
            let now = try Self.dump(store)
            #expect(now == expected, "seed \(seed): \(Self.difference(expected, now))")
        }
        #expect(try Self.dump(store) == before)
    }
}
