import Foundation
import GRDB
import TiesCore

extension Store {
    // MARK: - Merging two people

    /// Merges the person `drop` into the person `keep`, in one transaction, and records how to undo it.
    ///
    /// Everything of `drop`'s moves to `keep`: interactions, commitments, disclosures and notes (re-pointed,
    /// ids kept); aliases (union); a snooze of `drop`'s goes with them; contact points (one `keep` already has — the same email in any case, the same phone number in
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
            try StateCache.refreshIfBuilt(context, db)
            var snapshot = MergeSnapshot(kept: kept, dropped: dropped)
            snapshot.keptStateBefore = try MergeRows.row(
                db, "SELECT * FROM relationship_state WHERE person_id = ?", [keep])
            snapshot.droppedState = try MergeRows.row(
                db, "SELECT * FROM relationship_state WHERE person_id = ?", [drop])
            snapshot.scoreSnapshots = try MergeRows.rows(
                db, "SELECT * FROM score_snapshot WHERE person_id = ? ORDER BY day", [drop])
            // Inferred roles and "different people" records of the dropped person go with them (the kept
            // person's roles gain theirs as plain roles); kept here so that unmerge restores them.
            snapshot.roleInferences = try MergeRows.rows(
                db, "SELECT * FROM role_inference WHERE person_id = ? ORDER BY role", [drop])
            snapshot.distinctPairs = try MergeRows.rows(
                db, "SELECT * FROM person_distinct WHERE ? IN (person_a, person_b) ORDER BY person_a, person_b", [drop])

            try Self.mergeRolesAndTags(of: drop, into: keep, &snapshot, db)
            try Self.mergeContactPoints(of: drop, into: keep, &snapshot, db)
            try Self.moveRows(of: drop, to: keep, &snapshot, db)
            try Self.mergeTies(of: drop, into: keep, &snapshot, db)
            try Self.fillEmptyFields(of: keep, from: dropped, kept: kept, &snapshot, db)

            try db.execute(sql: "DELETE FROM person WHERE id = ?", arguments: [drop])
            try StateCache.rebuild(keep, context: context, db)
            snapshot.stateFingerprint = try StateCache.storedFingerprint(db)
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

    // MARK: - The steps of a merge, in order

    /// Roles and tags: a union. Rows `keep` lacks are re-pointed; the rest go with `drop`.
    static func mergeRolesAndTags(
        of drop: Int64, into keep: Int64, _ snapshot: inout MergeSnapshot, _ db: Database
    ) throws {
        (snapshot.roles, snapshot.rolesAdded) = try union("person_role", "role", of: drop, into: keep, db)
        (snapshot.tags, snapshot.tagsAdded) = try union("person_tag", "tag", of: drop, into: keep, db)
        let (aliases, aliasesAdded) = try union("person_alias", "alias", of: drop, into: keep, db)
        (snapshot.aliases, snapshot.aliasesAdded) = (aliases, aliasesAdded)
        // A snooze is the dropped person's own: it goes with them (kept here so that unmerge restores it).
        snapshot.snoozes = try MergeRows.rows(db, "SELECT * FROM snooze WHERE person_id = ?", [drop])
    }

    /// A union of one person-keyed value table: the dropped person's rows (as they were) and the values the
    /// kept person lacked, which are re-pointed to them; the rest go with the dropped person.
    static func union(_ table: String, _ column: String, of drop: Int64, into keep: Int64, _ db: Database) throws
        -> (rows: [SQLRow], added: [String])
    {
        let rows = try MergeRows.rows(db, "SELECT * FROM \(table) WHERE person_id = ? ORDER BY \(column)", [drop])
        let lacking = "\(column) NOT IN (SELECT \(column) FROM \(table) WHERE person_id = ?2)"
        let added = try String.fetchAll(
            db, sql: "SELECT \(column) FROM \(table) WHERE person_id = ?1 AND \(lacking) ORDER BY \(column)",
            arguments: [drop, keep])
        try db.execute(
            sql: "UPDATE \(table) SET person_id = ?2 WHERE person_id = ?1 AND \(lacking)", arguments: [drop, keep])
        return (rows, added)
    }

    /// Contact points: a union, comparing emails and phones as duplicate detection does.
    static func mergeContactPoints(
        of drop: Int64, into keep: Int64, _ snapshot: inout MergeSnapshot, _ db: Database
    ) throws {
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
    }

    /// Interactions, commitments, disclosures and notes: re-pointed, ids kept.
    static func moveRows(of drop: Int64, to keep: Int64, _ snapshot: inout MergeSnapshot, _ db: Database) throws {
        for table in MergeRows.movedTables {
            let ids = try Int64.fetchAll(
                db, sql: "SELECT id FROM \(table) WHERE person_id = ? ORDER BY id", arguments: [drop])
            try db.execute(sql: "UPDATE \(table) SET person_id = ? WHERE person_id = ?", arguments: [keep, drop])
            snapshot.moved[table] = ids
        }
    }

    /// Ties: re-pointed, combined, or (between the two) removed.
    static func mergeTies(of drop: Int64, into keep: Int64, _ snapshot: inout MergeSnapshot, _ db: Database) throws {
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
    }

    /// The kept person's empty fields, filled from the dropped person's.
    static func fillEmptyFields(
        of keep: Int64, from dropped: SQLRow, kept: SQLRow, _ snapshot: inout MergeSnapshot, _ db: Database
    ) throws {
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
}
