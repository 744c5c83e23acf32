import Foundation
import GRDB
import TiesCore

/// An organisation and title a person had before a recorded change replaced them.
public struct FormerPosition: Sendable, Equatable {
    public var organisation: String?
    public var title: String?
    /// When the change that replaced them was recorded.
    public var until: Date

    public init(organisation: String?, title: String?, until: Date) {
        self.organisation = organisation
        self.title = title
        self.until = until
    }
}

extension Store {
    /// The organisations and titles a person had before, oldest first, read from the change log.
    ///
    /// Why the change log and not a table of positions: every write already keeps, in the same transaction,
    /// the `person` row as it was before an update (``ChangeLog``), with the time of the change — an edit,
    /// an import that brought a new title, a merge. A second table would have to be kept in step by every
    /// one of those writers, and could disagree with the log that `ties undo` trusts. Changes that were
    /// undone, and the undos themselves, are left out: an undone edit was a mistake, not a job. A store's
    /// history from before the change log existed is not known.
    /// - Complexity: one scan of the change log's rows.
    public func formerPositions(of personID: Person.ID) throws(StoreError) -> [FormerPosition] {
        try read { db in
            guard try db.tableExists("change_row") else { return [] }
            let current = try Row.fetchOne(
                db, sql: "SELECT organisation_id, title FROM person WHERE id = ?", arguments: [personID])
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.at, json_extract(r.old, '$.organisation_id') AS organisation_id,
                        json_extract(r.old, '$.title') AS title
                    FROM change_row r JOIN change c ON c.id = r.change_id
                    WHERE r.tbl = 'person' AND r.op = 'update' AND r.key = ? AND c.undoes IS NULL
                        AND c.undone_by IS NULL
                    ORDER BY r.seq
                    """, arguments: [personID])
            typealias Held = (organisation: Int64?, title: String?)
            let held: [Held] = rows.map { ($0["organisation_id"], $0["title"]) }
            let now: Held = (current?["organisation_id"], current?["title"])
            var out: [FormerPosition] = []
            for (i, row) in rows.enumerated() {
                let next = i + 1 < held.count ? held[i + 1] : now
                guard held[i].organisation != next.organisation || held[i].title != next.title else { continue }
                out.append(
                    FormerPosition(
                        organisation: try held[i].organisation.map { try Self.organisationName($0, db) },
                        title: held[i].title, until: Date(timeIntervalSince1970: TimeInterval(row["at"] as Int64))))
            }
            return out
        }
    }

    /// An organisation's name, from the table or, once it is gone, from the change log's copy of it.
    static func organisationName(_ id: Int64, _ db: Database) throws -> String {
        if let name = try String.fetchOne(db, sql: "SELECT name FROM organisation WHERE id = ?", arguments: [id]) {
            return name
        }
        return try String.fetchOne(
            db,
            sql: """
                SELECT json_extract(old, '$.name') FROM change_row
                WHERE tbl = 'organisation' AND op = 'delete' AND key = ? ORDER BY seq DESC LIMIT 1
                """, arguments: [id]) ?? "an organisation since removed (#\(id))"
    }

    /// One person's inferred roles, with their evidence and what the user said of them.
    public func roleInferences(of personID: Person.ID) throws(StoreError) -> [StoredRoleInference] {
        try roleInferences().filter { $0.personID == personID }
    }
}
