import Foundation
import GRDB
import TiesCore

/// What the user has said of an inferred role.
public enum RoleReview: String, Sendable, CaseIterable {
    /// Read from the title; not yet confirmed or rejected.
    case inferred
    /// The user said yes: classification never changes it again.
    case confirmed
    /// The user said no: the role is removed and never inferred again for this person.
    case rejected
}

/// One stored inference: who, which role, why, and what the user said.
public struct StoredRoleInference: Sendable, Equatable {
    public var personID: Person.ID
    public var name: String
    public var title: String?
    public var organisation: String?
    public var inference: RoleInference
    public var review: RoleReview
}

/// What one `ties person classify` changed.
public struct ClassificationSummary: Sendable, Equatable {
    /// People whose title and organisation were read.
    public var examined = 0
    /// New inferred roles, by recruiter kind (nil: kind unknown).
    public var added: [RecruiterKind?: Int] = [:]
    /// Inferred roles whose kind or evidence changed with the title.
    public var updated = 0
    /// Inferred roles withdrawn because the title no longer says so.
    public var withdrawn = 0
    /// People whose recruiter role the user gave or confirmed: left as they are.
    public var keptUserRoles = 0
    /// People the user rejected the role for: not inferred again.
    public var keptRejections = 0
    /// Inferred roles awaiting review after the run.
    public var awaitingReview = 0

    public init() {}

    /// All new inferred roles.
    public var addedCount: Int { added.values.reduce(0, +) }
}

extension Store {
    /// Infers roles from every person's title and organisation (``RoleClassifier``) and stores them as
    /// inferred, with their evidence, in one transaction.
    ///
    /// A role the user gave (in `person_role` with no inference behind it) or confirmed is never touched;
    /// a rejected one is never inferred again; an inferred role whose title no longer supports it is
    /// withdrawn; one the user removed by hand (`person edit`) counts as rejected. Archived people are
    /// classified too, so that un-archiving shows the right role. People whose half-life changes with their
    /// roles have their state rebuilt.
    /// - Complexity: O(people), one pass.
    @discardableResult
    public func classifyRoles(context: ScoringContext, at now: Date) throws(StoreError) -> ClassificationSummary {
        try write { db in try Self.classifyRoles(context: context, at: now, db) }
    }

    /// ``classifyRoles(context:at:)`` inside a caller's transaction (an import calls it before it commits).
    static func classifyRoles(context: ScoringContext, at now: Date, _ db: Database) throws -> ClassificationSummary {
        var summary = ClassificationSummary()
        var roles: [Int64: Set<Role>] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT person_id, role FROM person_role") {
            if let role = Role(rawValue: row[1]) { roles[row[0], default: []].insert(role) }
        }
        var stored: [Int64: (review: RoleReview, kind: String?, evidence: String)] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT person_id, status, recruiter_kind, evidence FROM role_inference WHERE role = 'recruiter'")
        {
            stored[row[0]] = (RoleReview(rawValue: row[1]) ?? .inferred, row[2], row[3])
        }
        let people = try Row.fetchAll(
            db,
            sql: """
                SELECT p.id, p.title, o.name, p.recruiter_kind FROM person p
                LEFT JOIN organisation o ON o.id = p.organisation_id ORDER BY p.id
                """)
        let stamp = Int64(now.timeIntervalSince1970)
        var changed: [Int64] = []
        for row in people {
            let id: Int64 = row[0]
            let title: String? = row[1]
            let organisation: String? = row[2]
            summary.examined += 1
            let hasRole = roles[id]?.contains(.recruiter) ?? false
            let inference = RoleClassifier.classify(title: title, organisation: organisation)
            switch stored[id]?.review {
            case .confirmed?:
                summary.keptUserRoles += 1
            case .rejected?:
                summary.keptRejections += 1
            case .inferred?:
                guard hasRole else {
                    // Removed by hand since it was inferred: the user's word wins, and is remembered.
                    try db.execute(
                        sql:
                            "UPDATE role_inference SET status = 'rejected', decided_at = ? WHERE person_id = ? AND role = 'recruiter'",
                        arguments: [stamp, id])
                    summary.keptRejections += 1
                    continue
                }
                guard let inference else {
                    try withdraw(id, db)
                    summary.withdrawn += 1
                    changed.append(id)
                    continue
                }
                if stored[id]?.kind != inference.recruiterKind?.rawValue
                    || stored[id]?.evidence != inference.evidenceText
                {
                    try save(inference, for: id, title: title, organisation: organisation, db)
                    summary.updated += 1
                }
            case nil:
                if hasRole {
                    if inference != nil { summary.keptUserRoles += 1 }
                    continue
                }
                guard let inference else { continue }
                try save(inference, for: id, title: title, organisation: organisation, db)
                try db.cachedStatement(
                    sql: "INSERT OR IGNORE INTO person_role (person_id, role) VALUES (?, 'recruiter')"
                )
                .execute(arguments: [id])
                summary.added[inference.recruiterKind, default: 0] += 1
                changed.append(id)
            }
        }
        summary.awaitingReview =
            try Int.fetchOne(db, sql: "SELECT count(*) FROM role_inference WHERE status = 'inferred'") ?? 0
        try rebuildIfHalfLifeChanged(changed, context: context, db)
        return summary
    }

    /// Stores an inference (status inferred) and sets the person's recruiter kind from it.
    private static func save(
        _ inference: RoleInference, for id: Int64, title: String?, organisation: String?, _ db: Database
    ) throws {
        // Cached statements: a first import infers roles for thousands of people in a row.
        try db.cachedStatement(
            sql: """
                INSERT INTO role_inference (person_id, role, recruiter_kind, evidence, title, organisation, status)
                VALUES (?, ?, ?, ?, ?, ?, 'inferred')
                ON CONFLICT (person_id, role) DO UPDATE SET
                    recruiter_kind = excluded.recruiter_kind, evidence = excluded.evidence,
                    title = excluded.title, organisation = excluded.organisation
                """
        ).execute(
            arguments: [
                id, inference.role.rawValue, inference.recruiterKind?.rawValue, inference.evidenceText, title,
                organisation,
            ])
        try db.cachedStatement(sql: "UPDATE person SET recruiter_kind = ? WHERE id = ?").execute(
            arguments: [inference.recruiterKind?.rawValue, id])
    }

    /// Removes an inferred recruiter role and the inference.
    private static func withdraw(_ id: Int64, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM role_inference WHERE person_id = ? AND role = 'recruiter'", arguments: [id])
        try db.execute(sql: "DELETE FROM person_role WHERE person_id = ? AND role = 'recruiter'", arguments: [id])
        try db.execute(sql: "UPDATE person SET recruiter_kind = NULL WHERE id = ?", arguments: [id])
    }

    /// Rebuilds the states of `ids` whose half-life differs from the one their state was built with.
    private static func rebuildIfHalfLifeChanged(_ ids: [Int64], context: ScoringContext, _ db: Database) throws {
        guard !ids.isEmpty else { return }
        for id in ids {
            guard let state = try StateCache.fetch(id, db) else { continue }
            if context.configuration.strengthHalfLife(for: try StateCache.roles(of: id, db)) != state.strengthHalfLife {
                try StateCache.rebuild(id, context: context, db)
            }
        }
    }

    /// The stored inferences, optionally only those with `review`, by name then id.
    public func roleInferences(_ review: RoleReview? = nil) throws(StoreError) -> [StoredRoleInference] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT r.person_id, p.name, r.title, r.organisation, r.role, r.recruiter_kind, r.evidence, r.status
                    FROM role_inference r JOIN person p ON p.id = r.person_id
                    \(review == nil ? "" : "WHERE r.status = ?")
                    ORDER BY p.name COLLATE NOCASE, r.person_id, r.role
                    """, arguments: review.map { [$0.rawValue] } ?? []
            ).map { row in
                StoredRoleInference(
                    personID: row[0], name: row[1], title: row[2], organisation: row[3],
                    inference: RoleInference(
                        role: Role(rawValue: row[4]) ?? .other,
                        recruiterKind: (row[5] as String?).flatMap(RecruiterKind.init),
                        evidence: (row[6] as String).components(separatedBy: "; ")),
                    review: RoleReview(rawValue: row[7]) ?? .inferred)
            }
        }
    }

    /// Records the user's answer on a person's inferred role: confirmed keeps it for good; rejected removes
    /// the role (and the recruiter kind) and keeps it from being inferred again. Inferring again is
    /// possible after `reviewRole(_:role:.inferred)` (undo), which restores the role as inferred.
    /// - Throws: ``StoreError/noInferredRole(_:role:)`` when no role was inferred for the person.
    public func reviewRole(
        _ personID: Person.ID, role: Role = .recruiter, as review: RoleReview, context: ScoringContext, at now: Date
    ) throws(StoreError) {
        try write { db in
            guard
                let kind = try Row.fetchOne(
                    db, sql: "SELECT recruiter_kind FROM role_inference WHERE person_id = ? AND role = ?",
                    arguments: [personID, role.rawValue])
            else {
                throw StoreError.noInferredRole(personID, role: role.rawValue)
            }
            try db.execute(
                sql: "UPDATE role_inference SET status = ?, decided_at = ? WHERE person_id = ? AND role = ?",
                arguments: [
                    review.rawValue, review == .inferred ? nil : Int64(now.timeIntervalSince1970), personID,
                    role.rawValue,
                ])
            if review == .rejected {
                try db.execute(
                    sql: "DELETE FROM person_role WHERE person_id = ? AND role = ?",
                    arguments: [personID, role.rawValue])
                if role == .recruiter {
                    try db.execute(sql: "UPDATE person SET recruiter_kind = NULL WHERE id = ?", arguments: [personID])
                }
            } else {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO person_role (person_id, role) VALUES (?, ?)",
                    arguments: [personID, role.rawValue])
                if role == .recruiter {
                    try db.execute(
                        sql: "UPDATE person SET recruiter_kind = ? WHERE id = ?",
                        arguments: [kind[0] as String?, personID])
                }
            }
            try Self.rebuildIfHalfLifeChanged([personID], context: context, db)
        }
    }
}
