import Foundation
import GRDB
import TiesCore

/// A kind of record that is known by its id.
public enum RecordKind: String, Sendable, CaseIterable {
    case commitment, journalEntry, myDetail, disclosure, contact, note

    var table: String {
        switch self {
        case .commitment: "commitment"
        case .journalEntry: "journal_entry"
        case .myDetail: "my_detail"
        case .disclosure: "disclosure"
        case .contact: "interaction"
        case .note: "person_note"
        }
    }

    /// What the user calls one.
    public var noun: String {
        switch self {
        case .commitment: "promise"
        case .journalEntry: "journal entry"
        case .myDetail: "detail of yours"
        case .disclosure: "disclosure"
        case .contact: "contact"
        case .note: "note"
        }
    }
}

extension Store {
    /// Removes records of one kind by id, all or none.
    /// - Throws: ``StoreError/unknownRecord(_:_:)`` naming the first id that is not a record of that kind;
    ///   ``StoreError/detailDisclosed(_:disclosures:)`` for a detail of yours that disclosures still point at.
    public func remove(_ kind: RecordKind, ids: [Int64]) throws(StoreError) {
        try write { db in
            let table = kind.table
            for id in ids {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM \(table) WHERE id = ?", arguments: [id]) != nil else {
                    throw StoreError.unknownRecord(kind, id)
                }
                if kind == .myDetail {
                    let users =
                        try Int.fetchOne(
                            db, sql: "SELECT count(*) FROM disclosure WHERE my_detail_id = ?", arguments: [id]) ?? 0
                    if users > 0 { throw StoreError.detailDisclosed(id, disclosures: users) }
                }
                try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [id])
            }
        }
    }

    /// Removes the tie between two people.
    /// - Throws: ``StoreError/invalidRecord(_:)`` when they are not tied.
    public func removeTie(_ a: Person.ID, _ b: Person.ID) throws(StoreError) {
        let (low, high) = a < b ? (a, b) : (b, a)
        try write { db in
            try db.execute(sql: "DELETE FROM tie WHERE person_a = ? AND person_b = ?", arguments: [low, high])
            guard db.changesCount == 1 else {
                throw StoreError.invalidRecord(.notTied(low, high))
            }
        }
    }

    /// Corrects a promise: its text, its owner or its due day; `clearDue` removes the due day.
    /// - Throws: ``StoreError/unknownRecord(_:_:)`` for an unknown id; ``StoreError/invalidRecord(_:)`` for an empty text.
    public func editCommitment(
        _ id: Commitment.ID, text: String?, owner: Commitment.Owner?, due: Day?, clearDue: Bool = false
    ) throws(StoreError) {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM commitment WHERE id = ?", arguments: [id]) != nil else {
                throw StoreError.unknownRecord(.commitment, id)
            }
            if let text {
                guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    throw StoreError.invalidRecord(.emptyText(.commitment))
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
