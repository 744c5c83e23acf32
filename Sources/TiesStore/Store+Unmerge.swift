import Foundation
import GRDB
import TiesCore

extension Store {
    // MARK: - Undoing a merge

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
        try planContactPoints(snapshot, keptName: name, &plan, db)
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
        let fingerprint = try StateCache.storedFingerprint(db)
        let state = try MergeRows.row(db, "SELECT * FROM relationship_state WHERE person_id = ?", [keep])
        plan.restoreStatesVerbatim = fingerprint == snapshot.stateFingerprint && state == snapshot.keptStateAfter
        return plan
    }

    /// The contact points that go back to the dropped person: the kept person's copies to remove, or a
    /// problem for each one gone, and for each recorded id now used by another row.
    static func planContactPoints(
        _ snapshot: MergeSnapshot, keptName name: String, _ plan: inout UnmergePlan, _ db: Database
    ) throws {
        let keep = snapshot.kept.integer("id")
        let droppedName = snapshot.dropped.text("name")
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
    }

    /// Writes an unmerge whose plan has no problems.
    static func apply(_ plan: UnmergePlan, _ snapshot: MergeSnapshot, context: ScoringContext, _ db: Database) throws {
        let keep = snapshot.kept.integer("id")
        let drop = snapshot.dropped.integer("id")
        try MergeRows.insert(snapshot.dropped, into: "person", db)
        for (table, column, added) in [
            ("person_role", "role", snapshot.rolesAdded), ("person_tag", "tag", snapshot.tagsAdded),
            ("person_alias", "alias", snapshot.aliasesAdded ?? []),
        ] {
            for value in added {
                try db.execute(
                    sql: "DELETE FROM \(table) WHERE person_id = ? AND \(column) = ?", arguments: [keep, value])
            }
        }
        for row in snapshot.roles { try MergeRows.insert(row, into: "person_role", db) }
        for row in snapshot.roleInferences ?? [] { try MergeRows.insert(row, into: "role_inference", db) }
        for row in snapshot.distinctPairs ?? [] { try MergeRows.insert(row, into: "person_distinct", db) }
        for row in snapshot.tags { try MergeRows.insert(row, into: "person_tag", db) }
        for row in snapshot.aliases ?? [] { try MergeRows.insert(row, into: "person_alias", db) }
        for row in snapshot.snoozes ?? [] { try MergeRows.insert(row, into: "snooze", db) }
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
            try StateCache.refreshIfBuilt(context, db)
            try StateCache.rebuild(keep, context: context, db)
            try StateCache.rebuild(drop, context: context, db)
        }
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
