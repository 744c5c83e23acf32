import Foundation
import GRDB
import TiesCore

/// What one merge of two people did: who was kept, who was merged into them, and what moved.
///
/// Returned by ``Store/merge(keep:drop:context:at:)`` and ``Store/unmerge(_:context:)``, and listed by
/// ``Store/merges()``.
public struct MergeSummary: Sendable, Equatable {
    /// The merge log's id.
    public typealias ID = Int64

    /// The entry's id in the merge log.
    public var id: ID
    /// When the merge was made.
    public var mergedAt: Date
    /// The person who was kept.
    public var keptID: Person.ID
    /// The kept person's name at the time of the merge.
    public var keptName: String
    /// The person merged into the kept one (deleted by the merge, restored by an unmerge).
    public var droppedID: Person.ID
    /// The dropped person's name.
    public var droppedName: String
    /// Interactions moved to the kept person.
    public var interactions: Int
    /// Commitments moved to the kept person.
    public var commitments: Int
    /// Disclosures moved to the kept person.
    public var disclosures: Int
    /// Contact points moved to the kept person.
    public var contactPointsMoved: Int
    /// Contact points the kept person already had (the same email in any case, the same phone in any format,
    /// else the same value); the kept person's spelling stays, with the later verification date.
    public var contactPointsShared: Int
    /// Ties moved to the kept person.
    public var tiesMoved: Int
    /// Ties to someone the kept person was tied to already, combined into one with the larger weight.
    public var tiesCombined: Int
    /// Whether the two were tied to each other (that tie is removed: nobody is tied to themselves).
    public var selfTieRemoved: Bool
    /// Roles the kept person gained, in the canonical order.
    public var rolesAdded: [Role]
    /// Tags the kept person gained, sorted.
    public var tagsAdded: [String]
    /// The kept person's empty fields filled from the dropped one: `organisation`, `title`, `closeness`,
    /// `recruiter kind`.
    public var filled: [String]
}

extension Store {
    // MARK: - Merging two people

    /// Merges the person `drop` into the person `keep`, in one transaction, and records how to undo it.
    ///
    /// Everything of `drop`'s moves to `keep`: interactions, commitments and disclosures (re-pointed, ids
    /// kept); contact points (one `keep` already has — the same email in any case, the same phone number in
    /// any format — is not repeated: `keep`'s spelling stays, with the later of the two verification dates);
    /// roles and tags (union); ties (re-pointed to `keep`; a tie to someone `keep` is tied to already is
    /// combined into `keep`'s with the larger weight and `keep`'s kind; a tie between the two is removed).
    /// `keep`'s empty organisation, title, closeness and recruiter kind are filled from `drop`'s; `keep`'s name, archived flag and creation date stay. Then `drop` is deleted
    /// (with their stored score snapshots and relationship state), and `keep`'s relationship state is
    /// rebuilt from the combined history.
    ///
    /// The merge log (`merge_log`) keeps the dropped person's row and every row the merge changed, moved or
    /// deleted, as JSON, so that ``unmerge(_:context:)`` can restore the store exactly.
    ///
    /// ```swift
    /// let summary = try store.merge(keep: dana.id, drop: danaAgain.id, context: context, at: now)
    /// print("moved \(summary.interactions) interactions; undo with merge #\(summary.id)")
    /// ```
    /// - Returns: what moved, with the new merge log id.
    /// - Throws: ``StoreError/samePerson(_:)`` when `keep == drop`; ``StoreError/unknownReferences(name:id:count:table:)`` when a table this version does not
    ///   know refers to `drop` (merging would delete its rows); ``StoreError/unknownPerson(_:)``.
    /// - Complexity: O(rows of `drop` + history of `keep`).
    @discardableResult
    public func merge(keep: Person.ID, drop: Person.ID, context: ScoringContext, at now: Date) throws(StoreError)
        -> MergeSummary
    {
        guard keep != drop else {
            throw .samePerson(keep)
        }
        return try write { db in
            guard let kept = try MergeRows.row(db, "SELECT * FROM person WHERE id = ?", [keep]) else {
                throw StoreError.unknownPerson("#\(keep)")
            }
            guard let dropped = try MergeRows.row(db, "SELECT * FROM person WHERE id = ?", [drop]) else {
                throw StoreError.unknownPerson("#\(drop)")
            }
            try Self.refuseUnknownReferences(to: drop, name: dropped.text("name"), db)
            try Self.refreshStatesIfStale(context, db)
            var snapshot = MergeSnapshot(kept: kept, dropped: dropped)
            snapshot.keptStateBefore = try MergeRows.row(
                db, "SELECT * FROM relationship_state WHERE person_id = ?", [keep])
            snapshot.droppedState = try MergeRows.row(
                db, "SELECT * FROM relationship_state WHERE person_id = ?", [drop])
            snapshot.scoreSnapshots = try MergeRows.rows(
                db, "SELECT * FROM score_snapshot WHERE person_id = ? ORDER BY day", [drop])

            // Roles and tags: a union. Rows `keep` lacks are re-pointed; the rest go with `drop`.
            snapshot.roles = try MergeRows.rows(
                db, "SELECT * FROM person_role WHERE person_id = ? ORDER BY role", [drop])
            snapshot.rolesAdded = try String.fetchAll(
                db,
                sql: """
                    SELECT role FROM person_role WHERE person_id = ?1
                    AND role NOT IN (SELECT role FROM person_role WHERE person_id = ?2) ORDER BY role
                    """, arguments: [drop, keep])
            try db.execute(
                sql: """
                    UPDATE person_role SET person_id = ?2 WHERE person_id = ?1
                    AND role NOT IN (SELECT role FROM person_role WHERE person_id = ?2)
                    """, arguments: [drop, keep])
            snapshot.tags = try MergeRows.rows(db, "SELECT * FROM person_tag WHERE person_id = ? ORDER BY tag", [drop])
            snapshot.tagsAdded = try String.fetchAll(
                db,
                sql: """
                    SELECT tag FROM person_tag WHERE person_id = ?1
                    AND tag NOT IN (SELECT tag FROM person_tag WHERE person_id = ?2) ORDER BY tag
                    """, arguments: [drop, keep])
            try db.execute(
                sql: """
                    UPDATE person_tag SET person_id = ?2 WHERE person_id = ?1
                    AND tag NOT IN (SELECT tag FROM person_tag WHERE person_id = ?2)
                    """, arguments: [drop, keep])

            // Contact points: a union, comparing emails and phones as duplicate detection does.
            var keptPoints = try MergeRows.rows(
                db, "SELECT * FROM contact_point WHERE person_id = ? ORDER BY id", [keep])
            for point in try MergeRows.rows(db, "SELECT * FROM contact_point WHERE person_id = ? ORDER BY id", [drop]) {
                var move = ContactPointMove(row: point)
                let key = MergeRows.matchKey(point)
                if let i = keptPoints.firstIndex(where: {
                    $0.text("kind") == point.text("kind") && MergeRows.matchKey($0) == key
                }) {
                    let before = keptPoints[i]["verified_at"] ?? .null
                    let later = MergeRows.later(before, point["verified_at"] ?? .null)
                    if later != before {
                        try db.execute(
                            sql: "UPDATE contact_point SET verified_at = ? WHERE id = ?",
                            arguments: [later.databaseValue, keptPoints[i].integer("id")])
                        keptPoints[i]["verified_at"] = later
                    }
                    move.sharedValue = keptPoints[i].text("value")
                    move.sharedVerifiedBefore = before
                    move.sharedVerifiedAfter = later
                } else {
                    try db.execute(
                        sql: "UPDATE contact_point SET person_id = ? WHERE id = ?",
                        arguments: [keep, point.integer("id")])
                    keptPoints.append(point)
                }
                snapshot.contactPoints.append(move)
            }

            // Interactions, commitments and disclosures: re-pointed, ids kept.
            for table in MergeRows.movedTables {
                let ids = try Int64.fetchAll(
                    db, sql: "SELECT id FROM \(table) WHERE person_id = ? ORDER BY id", arguments: [drop])
                try db.execute(sql: "UPDATE \(table) SET person_id = ? WHERE person_id = ?", arguments: [keep, drop])
                snapshot.moved[table] = ids
            }

            // Ties: re-pointed, combined, or (between the two) removed.
            let ties = try MergeRows.rows(
                db, "SELECT * FROM tie WHERE person_a = ?1 OR person_b = ?1 ORDER BY person_a, person_b", [drop])
            for tie in ties {
                let other = tie.integer("person_a") == drop ? tie.integer("person_b") : tie.integer("person_a")
                var move = TieMove(row: tie, other: other, outcome: .removed)
                if other != keep {
                    let pair: [Int64] = [min(keep, other), max(keep, other)]
                    if let existing = try MergeRows.row(
                        db, "SELECT * FROM tie WHERE person_a = ? AND person_b = ?", pair)
                    {
                        let weight = max(existing.real("weight"), tie.real("weight"))
                        if weight != existing.real("weight") {
                            try db.execute(
                                sql: "UPDATE tie SET weight = ? WHERE person_a = ? AND person_b = ?",
                                arguments: [weight, pair[0], pair[1]])
                        }
                        move.outcome = .combined
                        move.keptBefore = existing
                        move.keptAfter = try MergeRows.row(
                            db, "SELECT * FROM tie WHERE person_a = ? AND person_b = ?", pair)
                    } else {
                        var moved = tie
                        moved["person_a"] = .integer(pair[0])
                        moved["person_b"] = .integer(pair[1])
                        try MergeRows.insert(moved, into: "tie", db)
                        move.outcome = .moved
                        move.keptAfter = moved
                    }
                }
                snapshot.ties.append(move)
            }

            // The kept person's empty fields.
            let isRecruiter =
                try Bool.fetchOne(
                    db, sql: "SELECT 1 FROM person_role WHERE person_id = ? AND role = 'recruiter'", arguments: [keep])
                ?? false
            for column in MergeRows.fillableColumns where column != "recruiter_kind" || isRecruiter {
                let value = dropped[column] ?? .null
                guard (kept[column] ?? .null) == .null, value != .null else { continue }
                try db.execute(
                    sql: "UPDATE person SET \(column) = ? WHERE id = ?", arguments: [value.databaseValue, keep])
                snapshot.keptChanges[column] = value
            }

            try db.execute(sql: "DELETE FROM person WHERE id = ?", arguments: [drop])
            try Self.rebuildState(keep, context: context, db)
            snapshot.stateFingerprint = try String.fetchOne(
                db, sql: "SELECT value FROM setting WHERE key = 'state.fingerprint'")
            snapshot.keptStateAfter = try MergeRows.row(
                db, "SELECT * FROM relationship_state WHERE person_id = ?", [keep])

            let mergedAt = Int64(now.timeIntervalSince1970.rounded(.down))
            try db.execute(
                sql: "INSERT INTO merge_log (kept_id, dropped_id, merged_at, snapshot) VALUES (?, ?, ?, ?)",
                arguments: [keep, drop, mergedAt, try snapshot.json()])
            return snapshot.summary(id: db.lastInsertedRowID, mergedAt: mergedAt)
        }
    }

    /// Every merge in the log, oldest first (by id).
    /// - Throws: ``StoreError/unreadableMergeRecord(_:reason:newerFormat:)`` when an entry cannot be read.
    public func merges() throws(StoreError) -> [MergeSummary] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, merged_at, snapshot FROM merge_log ORDER BY id").map { row in
                let id: Int64 = row[0]
                return try MergeSnapshot.decode(row[2], id: id).summary(id: id, mergedAt: row[1])
            }
        }
    }

    /// Undoes a merge exactly: the dropped person comes back with their id and every field, exactly the rows
    /// that came from them move back, and the kept person's fields, ties and contact points are as before.
    ///
    /// Checks come first, and any that fails refuses the whole undo, naming what changed: the kept person
    /// is gone (merged into someone else since: undo that merge first), the dropped person's id or name has
    /// been taken, a field the merge filled has been edited since, a moved interaction, commitment,
    /// disclosure, contact point or tie is gone or belongs to someone else. Changes that an undo can carry
    /// (a moved commitment marked done, interactions logged with the kept person since) are kept.
    ///
    /// Both people's relationship states are restored as they were when the kept person's state has not
    /// changed since the merge and the scoring settings are the same; otherwise both are rebuilt from their
    /// histories. The log entry is removed.
    ///
    /// - Parameter id: the merge log id; nil for the latest merge.
    /// - Returns: the summary of the merge that was undone.
    /// - Throws: ``StoreError/unknownMerge(_:)`` when there is no such merge; ``StoreError/unmergeBlocked(_:problems:hint:)`` when it cannot be undone exactly.
    @discardableResult
    public func unmerge(_ id: MergeSummary.ID? = nil, context: ScoringContext) throws(StoreError) -> MergeSummary {
        try write { db in
            let entry: Row?
            if let id {
                entry = try Row.fetchOne(
                    db, sql: "SELECT id, merged_at, snapshot FROM merge_log WHERE id = ?", arguments: [id])
            } else {
                entry = try Row.fetchOne(
                    db, sql: "SELECT id, merged_at, snapshot FROM merge_log ORDER BY id DESC LIMIT 1")
            }
            guard let entry else {
                throw StoreError.unknownMerge(id)
            }
            let mergeID: Int64 = entry[0]
            let snapshot = try MergeSnapshot.decode(entry[2], id: mergeID)
            let summary = snapshot.summary(id: mergeID, mergedAt: entry[1])
            let plan = try Self.planUnmerge(snapshot, id: mergeID, db)
            if !plan.problems.isEmpty {
                let hint = try Self.laterMergesHint(after: mergeID, snapshot, db)
                throw StoreError.unmergeBlocked(mergeID, problems: plan.problems, hint: hint)
            }
            try Self.apply(plan, snapshot, context: context, db)
            try db.execute(sql: "DELETE FROM merge_log WHERE id = ?", arguments: [mergeID])
            return summary
        }
    }

    // MARK: - Merge internals

    /// Refuses a merge when a table this version does not know (added by a later migration) holds rows that
    /// refer to `id`: deleting the person would delete or orphan them.
    static func refuseUnknownReferences(to id: Int64, name: String, _ db: Database) throws {
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        for table in tables where !MergeRows.knownReferences.contains(table) {
            for foreignKey in try db.foreignKeys(on: table) where foreignKey.destinationTable.lowercased() == "person" {
                for column in foreignKey.originColumns {
                    let count =
                        try Int.fetchOne(
                            db,
                            sql:
                                "SELECT count(*) FROM \(table.quotedDatabaseIdentifier) WHERE \(column.quotedDatabaseIdentifier) = ?",
                            arguments: [id]) ?? 0
                    if count > 0 {
                        throw StoreError.unknownReferences(name: name, id: id, count: count, table: table)
                    }
                }
            }
        }
    }

    /// What an unmerge will do, found by reading only; `problems` lists what makes an exact undo impossible.
    struct UnmergePlan {
        var problems: [String] = []
        /// Current ids of the kept person's contact points that go back to the dropped person.
        var contactPointsToMoveBack: [Int64] = []
        /// Whether the stored states can be restored as they were (else both are rebuilt).
        var restoreStatesVerbatim = false
    }

    static func planUnmerge(_ snapshot: MergeSnapshot, id mergeID: Int64, _ db: Database) throws -> UnmergePlan {
        var plan = UnmergePlan()
        let keep = snapshot.kept.integer("id")
        let drop = snapshot.dropped.integer("id")
        let keptName = snapshot.kept.text("name")
        let droppedName = snapshot.dropped.text("name")
        guard let current = try MergeRows.row(db, "SELECT * FROM person WHERE id = ?", [keep]) else {
            plan.problems.append("\(keptName) (#\(keep)) no longer exists")
            return plan
        }
        let name = current.text("name")
        if let taken = try Row.fetchOne(db, sql: "SELECT id, name FROM person WHERE id = ?", arguments: [drop]) {
            plan.problems.append("id #\(drop) is now used by \(taken[1] as String)")
        }
        if let taken = try Row.fetchOne(
            db, sql: "SELECT id, name FROM person WHERE name = ? COLLATE NOCASE", arguments: [droppedName])
        {
            plan.problems.append(
                "the name '\(droppedName)' is now used by \(taken[1] as String) (#\(taken[0] as Int64))")
        }
        if case .integer(let organisation)? = snapshot.dropped["organisation_id"],
            try Bool.fetchOne(db, sql: "SELECT 1 FROM organisation WHERE id = ?", arguments: [organisation]) == nil
        {
            plan.problems.append("\(droppedName)'s organisation (#\(organisation)) no longer exists")
        }
        for (column, value) in snapshot.keptChanges.sorted(by: { $0.key < $1.key })
        where (current[column] ?? .null) != value {
            let now = try MergeRows.describe(column, current[column] ?? .null, db)
            let set = try MergeRows.describe(column, value, db)
            plan.problems.append(
                "\(name)'s \(MergeRows.label(column)) was changed since the merge (now \(now), the merge set \(set))")
        }
        for table in MergeRows.movedTables {
            let held = Set(
                try Int64.fetchAll(db, sql: "SELECT id FROM \(table) WHERE person_id = ?", arguments: [keep]))
            let gone = (snapshot.moved[table] ?? []).filter { !held.contains($0) }
            if !gone.isEmpty {
                let ids = gone.prefix(5).map { "#\($0)" }.joined(separator: ", ") + (gone.count > 5 ? ", ..." : "")
                plan.problems.append(
                    "\(MergeRows.noun(table, gone.count)) \(ids) moved to \(name) \(gone.count == 1 ? "is" : "are") gone or no longer \(name)'s"
                )
            }
        }
        var recordedIDs: [Int64] = []
        for move in snapshot.contactPoints {
            recordedIDs.append(move.row.integer("id"))
            guard move.sharedValue == nil else { continue }
            let kind = move.row.text("kind")
            let value = move.row.text("value")
            if let held = try Int64.fetchOne(
                db, sql: "SELECT id FROM contact_point WHERE person_id = ? AND kind = ? AND value = ?",
                arguments: [keep, kind, value])
            {
                plan.contactPointsToMoveBack.append(held)
            } else {
                plan.problems.append("\(name) no longer has the \(kind) \(value) that came from \(droppedName)")
            }
        }
        let moving = Set(plan.contactPointsToMoveBack)
        for recorded in recordedIDs {
            if let holder = try Int64.fetchOne(
                db, sql: "SELECT person_id FROM contact_point WHERE id = ?", arguments: [recorded]),
                !moving.contains(recorded)
            {
                plan.problems.append("contact point #\(recorded) is now used by another record (of person #\(holder))")
            }
        }
        for move in snapshot.ties where move.outcome != .removed {
            let pair = [min(keep, move.other), max(keep, move.other)]
            let tie = try MergeRows.row(db, "SELECT * FROM tie WHERE person_a = ? AND person_b = ?", pair)
            let otherName =
                try String.fetchOne(db, sql: "SELECT name FROM person WHERE id = ?", arguments: [move.other])
                ?? "#\(move.other)"
            if tie == nil {
                plan.problems.append("\(name) and \(otherName) are no longer tied")
            } else if tie != move.keptAfter {
                plan.problems.append("the tie between \(name) and \(otherName) changed since the merge")
            }
        }
        let fingerprint = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'state.fingerprint'")
        let state = try MergeRows.row(db, "SELECT * FROM relationship_state WHERE person_id = ?", [keep])
        plan.restoreStatesVerbatim = fingerprint == snapshot.stateFingerprint && state == snapshot.keptStateAfter
        return plan
    }

    /// Writes an unmerge whose plan has no problems.
    static func apply(_ plan: UnmergePlan, _ snapshot: MergeSnapshot, context: ScoringContext, _ db: Database) throws {
        let keep = snapshot.kept.integer("id")
        let drop = snapshot.dropped.integer("id")
        try MergeRows.insert(snapshot.dropped, into: "person", db)
        for (table, column, added) in [
            ("person_role", "role", snapshot.rolesAdded), ("person_tag", "tag", snapshot.tagsAdded),
        ] {
            for value in added {
                try db.execute(
                    sql: "DELETE FROM \(table) WHERE person_id = ? AND \(column) = ?", arguments: [keep, value])
            }
        }
        for row in snapshot.roles { try MergeRows.insert(row, into: "person_role", db) }
        for row in snapshot.tags { try MergeRows.insert(row, into: "person_tag", db) }
        for table in MergeRows.movedTables {
            let ids = snapshot.moved[table] ?? []
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = ids[start..<min(ids.count, start + 500)]
                try db.execute(
                    sql:
                        "UPDATE \(table) SET person_id = ? WHERE id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
                    arguments: StatementArguments([drop] + Array(chunk)))
            }
        }
        // Contact points: the kept person's copies of the moved ones go first, so their original ids are free.
        for id in plan.contactPointsToMoveBack {
            try db.execute(sql: "DELETE FROM contact_point WHERE id = ?", arguments: [id])
        }
        for move in snapshot.contactPoints {
            try MergeRows.insert(move.row, into: "contact_point", db)
            if let value = move.sharedValue, let before = move.sharedVerifiedBefore,
                let after = move.sharedVerifiedAfter,
                before != after
            {
                // Put back the kept copy's verification date, unless it has been verified again since.
                try db.execute(
                    sql:
                        "UPDATE contact_point SET verified_at = ? WHERE person_id = ? AND kind = ? AND value = ? AND verified_at IS ?",
                    arguments: [before.databaseValue, keep, move.row.text("kind"), value, after.databaseValue])
            }
        }
        for move in snapshot.ties {
            let pair = [min(keep, move.other), max(keep, move.other)]
            switch move.outcome {
            case .moved:
                try db.execute(
                    sql: "DELETE FROM tie WHERE person_a = ? AND person_b = ?", arguments: StatementArguments(pair))
            case .combined:
                try db.execute(
                    sql: "DELETE FROM tie WHERE person_a = ? AND person_b = ?", arguments: StatementArguments(pair))
                if let before = move.keptBefore { try MergeRows.insert(before, into: "tie", db) }
            case .removed:
                break
            }
            try MergeRows.insert(move.row, into: "tie", db)
        }
        for row in snapshot.scoreSnapshots { try MergeRows.insert(row, into: "score_snapshot", db) }
        for column in snapshot.keptChanges.keys.sorted() {
            try db.execute(
                sql: "UPDATE person SET \(column) = ? WHERE id = ?",
                arguments: [(snapshot.kept[column] ?? .null).databaseValue, keep])
        }
        if plan.restoreStatesVerbatim {
            try db.execute(sql: "DELETE FROM relationship_state WHERE person_id IN (?, ?)", arguments: [keep, drop])
            for state in [snapshot.keptStateBefore, snapshot.droppedState].compactMap({ $0 }) {
                try MergeRows.insert(state, into: "relationship_state", db)
            }
        } else {
            try refreshStatesIfStale(context, db)
            try rebuildState(keep, context: context, db)
            try rebuildState(drop, context: context, db)
        }
    }

    /// Rebuilds every stored state when they were built for another context, as logging does; a store
    /// that has never built states (no fingerprint) is left as it is, so that a merge and its undo leave
    /// no trace in it. Either way the states read next are consistent: a missing or different fingerprint
    /// makes ``states(asOf:context:)`` rebuild them all.
    static func refreshStatesIfStale(_ context: ScoringContext, _ db: Database) throws {
        let stored = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'state.fingerprint'")
        if let stored, stored != context.fingerprint { try ensureFreshStates(context, db) }
    }

    /// A hint naming later merges that involve the same people, which explain most refusals.
    static func laterMergesHint(after id: Int64, _ snapshot: MergeSnapshot, _ db: Database) throws -> String {
        let people = Set([snapshot.kept.integer("id"), snapshot.dropped.integer("id")] + snapshot.ties.map(\.other))
        let later = try Row.fetchAll(
            db, sql: "SELECT id, kept_id, dropped_id FROM merge_log WHERE id > ? ORDER BY id DESC", arguments: [id]
        )
        .filter { people.contains($0[1]) || people.contains($0[2]) }
        .map { "#\($0[0] as Int64)" }
        guard !later.isEmpty else { return "" }
        return
            "; later merge\(later.count == 1 ? "" : "s") \(later.joined(separator: ", ")) involve\(later.count == 1 ? "s" : "") these people: undo \(later.count == 1 ? "it" : "them") first"
    }
}

// MARK: - The merge log's record

/// One stored value of any column, written to JSON without losing its type or precision.
///
/// `null`, integers and text are plain JSON; a real is `{"real": "<shortest round-trip decimal>"}` and a blob
/// `{"blob": "<base64>"}`, so that an integer column is never read back as a real or the other way round.
enum SQLValue: Codable, Equatable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let n): self = .integer(n)
        case .double(let x): self = .real(x)
        case .string(let s): self = .text(s)
        case .blob(let data): self = .blob(data)
        }
    }

    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let n): return n.databaseValue
        case .real(let x): return x.databaseValue
        case .text(let s): return s.databaseValue
        case .blob(let data): return data.databaseValue
        }
    }

    private enum Key: String, CodingKey { case real, blob }

    init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer() {
            if single.decodeNil() {
                self = .null
                return
            }
            if let n = try? single.decode(Int64.self) {
                self = .integer(n)
                return
            }
            if let s = try? single.decode(String.self) {
                self = .text(s)
                return
            }
        }
        let keyed = try decoder.container(keyedBy: Key.self)
        if let text = try keyed.decodeIfPresent(String.self, forKey: .real) {
            guard let x = Double(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .real, in: keyed, debugDescription: "not a number: \(text)")
            }
            self = .real(x)
        } else {
            guard let data = Data(base64Encoded: try keyed.decode(String.self, forKey: .blob)) else {
                throw DecodingError.dataCorruptedError(forKey: .blob, in: keyed, debugDescription: "not base64")
            }
            self = .blob(data)
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .integer(let n):
            var single = encoder.singleValueContainer()
            try single.encode(n)
        case .text(let s):
            var single = encoder.singleValueContainer()
            try single.encode(s)
        case .real(let x):
            var keyed = encoder.container(keyedBy: Key.self)
            try keyed.encode("\(x)", forKey: .real)
        case .blob(let data):
            var keyed = encoder.container(keyedBy: Key.self)
            try keyed.encode(data.base64EncodedString(), forKey: .blob)
        }
    }
}

/// A whole table row, column name to value.
typealias SQLRow = [String: SQLValue]

extension Dictionary where Key == String, Value == SQLValue {
    func integer(_ column: String) -> Int64 {
        if case .integer(let n)? = self[column] { return n }
        return 0
    }

    func real(_ column: String) -> Double {
        switch self[column] {
        case .real(let x)?: return x
        case .integer(let n)?: return Double(n)
        default: return 0
        }
    }

    func text(_ column: String) -> String {
        if case .text(let s)? = self[column] { return s }
        return ""
    }
}

/// A contact point of the dropped person's, and what the merge did with it.
struct ContactPointMove: Codable, Equatable {
    /// The row as it was.
    var row: SQLRow
    /// When the kept person had the same point (the same email in any case, the same phone number in any
    /// format, else the same value): the kept row's value, which stays ...
    var sharedValue: String?
    /// ... that row's `verified_at` before the merge ...
    var sharedVerifiedBefore: SQLValue?
    /// ... and after it (the later of the two). Nil when the row itself moved.
    var sharedVerifiedAfter: SQLValue?
}

/// A tie of the dropped person's, and what the merge did with it.
struct TieMove: Codable, Equatable {
    enum Outcome: String, Codable { case moved, combined, removed }
    /// The tie as it was.
    var row: SQLRow
    /// The person at its other end.
    var other: Int64
    var outcome: Outcome
    /// For `combined`: the kept person's tie with `other` before the merge.
    var keptBefore: SQLRow?
    /// For `moved` and `combined`: the kept person's tie with `other` as the merge left it.
    var keptAfter: SQLRow?
}

/// Everything needed to undo one merge exactly: the `snapshot` column of `merge_log`, as JSON.
struct MergeSnapshot: Codable, Equatable {
    /// The layout of this record; a later version that changes it reads older ones by this number.
    var format = 1
    /// The kept person's row before the merge.
    var kept: SQLRow
    /// The kept person's columns the merge filled, with the values it set.
    var keptChanges: [String: SQLValue] = [:]
    /// The dropped person's row.
    var dropped: SQLRow
    /// The dropped person's `person_role` rows, and the roles the kept person gained.
    var roles: [SQLRow] = []
    var rolesAdded: [String] = []
    /// The dropped person's `person_tag` rows, and the tags the kept person gained.
    var tags: [SQLRow] = []
    var tagsAdded: [String] = []
    var contactPoints: [ContactPointMove] = []
    /// Ids of the rows re-pointed to the kept person, by table (`interaction`, `commitment`, `disclosure`).
    var moved: [String: [Int64]] = [:]
    var ties: [TieMove] = []
    /// The dropped person's `score_snapshot` rows.
    var scoreSnapshots: [SQLRow] = []
    /// The scoring fingerprint the states below were built with.
    var stateFingerprint: String?
    var keptStateBefore: SQLRow?
    var droppedState: SQLRow?
    /// The kept person's state as the merge rebuilt it.
    var keptStateAfter: SQLRow?

    init(kept: SQLRow, dropped: SQLRow) {
        self.kept = kept
        self.dropped = dropped
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    static func decode(_ json: String, id: Int64) throws -> MergeSnapshot {
        let snapshot: MergeSnapshot
        do {
            snapshot = try JSONDecoder().decode(MergeSnapshot.self, from: Data(json.utf8))
        } catch {
            throw StoreError.unreadableMergeRecord(id, reason: "\(error)")
        }
        guard snapshot.format == 1 else {
            throw StoreError.unreadableMergeRecord(id, reason: "newer format", newerFormat: snapshot.format)
        }
        return snapshot
    }

    func summary(id: Int64, mergedAt: Int64) -> MergeSummary {
        let labels = [
            "organisation_id": "organisation", "title": "title", "closeness": "closeness",
            "recruiter_kind": "recruiter kind",
        ]
        return MergeSummary(
            id: id, mergedAt: Date(timeIntervalSince1970: TimeInterval(mergedAt)),
            keptID: kept.integer("id"), keptName: kept.text("name"),
            droppedID: dropped.integer("id"), droppedName: dropped.text("name"),
            interactions: moved["interaction"]?.count ?? 0, commitments: moved["commitment"]?.count ?? 0,
            disclosures: moved["disclosure"]?.count ?? 0,
            contactPointsMoved: contactPoints.filter { $0.sharedValue == nil }.count,
            contactPointsShared: contactPoints.filter { $0.sharedValue != nil }.count,
            tiesMoved: ties.filter { $0.outcome == .moved }.count,
            tiesCombined: ties.filter { $0.outcome == .combined }.count,
            selfTieRemoved: ties.contains { $0.outcome == .removed },
            rolesAdded: rolesAdded.compactMap(Role.init).sorted(), tagsAdded: tagsAdded.sorted(),
            filled: MergeRows.fillableColumns.filter { keptChanges[$0] != nil }.map { labels[$0]! })
    }
}

/// Row access and constants shared by merge and unmerge.
enum MergeRows {
    /// The tables that refer to `person` and that merge moves (or knowingly lets go with the dropped person).
    static let knownReferences: Set<String> = [
        "person_role", "person_tag", "contact_point", "interaction", "tie", "commitment", "disclosure",
        "score_snapshot", "relationship_state",
    ]
    /// Tables whose rows are re-pointed with their ids.
    static let movedTables = ["interaction", "commitment", "disclosure"]
    /// The kept person's columns filled from the dropped person's when empty, in this order.
    static let fillableColumns = ["organisation_id", "title", "closeness", "recruiter_kind"]

    static func row(_ db: Database, _ sql: String, _ arguments: [Int64]) throws -> SQLRow? {
        try rows(db, sql, arguments.map { $0 as (any DatabaseValueConvertible)? }).first
    }

    static func row(_ db: Database, _ sql: String, _ arguments: [(any DatabaseValueConvertible)?]) throws -> SQLRow? {
        try rows(db, sql, arguments).first
    }

    static func rows(_ db: Database, _ sql: String, _ arguments: [Int64]) throws -> [SQLRow] {
        try rows(db, sql, arguments.map { $0 as (any DatabaseValueConvertible)? })
    }

    static func rows(_ db: Database, _ sql: String, _ arguments: [(any DatabaseValueConvertible)?]) throws -> [SQLRow] {
        try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
            var values: SQLRow = [:]
            for (column, value) in row { values[column] = SQLValue(value) }
            return values
        }
    }

    /// Inserts a recorded row as it was, columns in name order.
    static func insert(_ row: SQLRow, into table: String, _ db: Database) throws {
        let columns = row.keys.sorted()
        try db.execute(
            sql: """
                INSERT INTO \(table.quotedDatabaseIdentifier) (\(columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")))
                VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))
                """,
            arguments: StatementArguments(columns.map { row[$0]!.databaseValue }))
    }

    /// What two contact points of one kind are compared by: ``MatchKey/email(_:)`` for emails,
    /// ``MatchKey/phone(_:)`` for phones, else (or when those give nil) the value itself.
    static func matchKey(_ point: SQLRow) -> String {
        let value = point.text("value")
        switch point.text("kind") {
        case "email": return MatchKey.email(value) ?? value
        case "phone": return MatchKey.phone(value) ?? value
        default: return value
        }
    }

    /// The later of two `verified_at` values (null is never).
    static func later(_ x: SQLValue, _ y: SQLValue) -> SQLValue {
        switch (x, y) {
        case let (.integer(a), .integer(b)): return .integer(max(a, b))
        case (.null, _): return y
        default: return x
        }
    }

    static func label(_ column: String) -> String {
        switch column {
        case "organisation_id": return "organisation"
        case "recruiter_kind": return "recruiter kind"
        default: return column
        }
    }

    /// A value for a message: text quoted, an organisation by its name, null as "empty".
    static func describe(_ column: String, _ value: SQLValue, _ db: Database) throws -> String {
        switch value {
        case .null: return "empty"
        case .integer(let n) where column == "organisation_id":
            return
                "'\(try String.fetchOne(db, sql: "SELECT name FROM organisation WHERE id = ?", arguments: [n]) ?? "#\(n)")'"
        case .integer(let n): return String(n)
        case .real(let x): return "\(x)"
        case .text(let s): return "'\(s)'"
        case .blob: return "a blob"
        }
    }

    /// "interaction" or "interactions", and so on.
    static func noun(_ table: String, _ count: Int) -> String { count == 1 ? table : table + "s" }
}
