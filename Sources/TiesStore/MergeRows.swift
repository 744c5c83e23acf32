import Foundation
import GRDB
import TiesCore

/// Row access and constants shared by merge and unmerge.
enum MergeRows {
    /// The tables that refer to `person` and that merge moves (or knowingly lets go with the dropped person).
    static let knownReferences: Set<String> = [
        "person_role", "person_tag", "contact_point", "interaction", "tie", "commitment", "disclosure",
        "score_snapshot", "relationship_state", "role_inference", "person_distinct", "person_note", "person_alias",
        "snooze",
    ]
    /// Tables whose rows are re-pointed with their ids.
    static let movedTables = ["interaction", "commitment", "disclosure", "person_note"]
    /// The kept person's columns filled from the dropped person's when empty, in this order, each with the
    /// words that name it in summaries and messages: the one list both are read from.
    static let fillable: [(column: String, label: String)] = [
        ("organisation_id", "organisation"), ("title", "title"), ("closeness", "closeness"),
        ("recruiter_kind", "recruiter kind"), ("known_since", "known since"), ("birthday", "birthday"),
        ("work_anniversary", "work anniversary"),
    ]

    /// The columns of ``fillable``, in order.
    static let fillableColumns = fillable.map(\.column)

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

    /// The words for a column in messages: its ``fillable`` label, else its name.
    static func label(_ column: String) -> String {
        fillable.first { $0.column == column }?.label ?? column
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
