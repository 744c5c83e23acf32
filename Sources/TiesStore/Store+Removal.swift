import Foundation
import GRDB
import TiesCore

/// A kind of record that is known by its id and can be removed by it.
public enum RecordKind: String, Sendable, CaseIterable {
    case commitment, journalEntry, myDetail, disclosure

    var table: String {
        switch self {
        case .commitment: "commitment"
        case .journalEntry: "journal_entry"
        case .myDetail: "my_detail"
        case .disclosure: "disclosure"
        }
    }

    /// What the user calls one, and the command that lists them with their ids.
    var noun: (name: String, listing: String) {
        switch self {
        case .commitment: ("promise", "ties commitments")
        case .journalEntry: ("journal entry", "ties journal list")
        case .myDetail: ("detail of yours", "ties me show")
        case .disclosure: ("disclosure", "ties disclose list")
        }
    }
}

extension Store {
    /// Removes records of one kind by id, all or none.
    /// - Throws: ``StoreError/refused(_:)`` naming the first id that is not a record of that kind, or a
    ///   detail of yours that disclosures still point at.
    public func remove(_ kind: RecordKind, ids: [Int64]) throws(StoreError) {
        try write { db in
            let table = kind.table
            for id in ids {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM \(table) WHERE id = ?", arguments: [id]) != nil else {
                    throw StoreError.refused(
                        "there is no \(kind.noun.name) #\(id); `\(kind.noun.listing)` shows them with their ids; nothing changed"
                    )
                }
                if kind == .myDetail {
                    let users =
                        try Int.fetchOne(
                            db, sql: "SELECT count(*) FROM disclosure WHERE my_detail_id = ?", arguments: [id]) ?? 0
                    if users > 0 {
                        throw StoreError.refused(
                            "\(users) disclosure(s) record that someone holds detail #\(id); remove them first (`ties disclose list`) or record a newer value with `ties me set`; nothing changed"
                        )
                    }
                }
                try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [id])
            }
        }
    }

    /// Removes the tie between two people.
    /// - Throws: ``StoreError/refused(_:)`` when they are not tied.
    public func removeTie(_ a: Person.ID, _ b: Person.ID) throws(StoreError) {
        let (low, high) = a < b ? (a, b) : (b, a)
        try write { db in
            try db.execute(sql: "DELETE FROM tie WHERE person_a = ? AND person_b = ?", arguments: [low, high])
            guard db.changesCount == 1 else {
                throw StoreError.refused("#\(low) and #\(high) are not tied; `ties tie list` shows the ties")
            }
        }
    }

    /// Corrects a promise: its text, its owner or its due day; `clearDue` removes the due day.
    /// - Throws: ``StoreError/refused(_:)`` for an unknown id or an empty text.
    public func editCommitment(
        _ id: Commitment.ID, text: String?, owner: Commitment.Owner?, due: Day?, clearDue: Bool = false
    ) throws(StoreError) {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM commitment WHERE id = ?", arguments: [id]) != nil else {
                throw StoreError.refused(
                    "there is no promise #\(id); `ties commitments` shows them with their ids; nothing changed")
            }
            if let text {
                guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    throw StoreError.refused("a promise needs a text; nothing changed")
                }
                try db.execute(sql: "UPDATE commitment SET text = ? WHERE id = ?", arguments: [text, id])
            }
            if let owner {
                try db.execute(sql: "UPDATE commitment SET owner = ? WHERE id = ?", arguments: [owner.rawValue, id])
            }
            if let due {
                try db.execute(sql: "UPDATE commitment SET due_day = ? WHERE id = ?", arguments: [due.description, id])
            } else if clearDue {
                try db.execute(sql: "UPDATE commitment SET due_day = NULL WHERE id = ?", arguments: [id])
            }
        }
    }
}
