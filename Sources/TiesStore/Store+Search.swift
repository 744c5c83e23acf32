import Foundation
import GRDB
import TiesCore

/// One record that matches a search.
public struct SearchHit: Sendable, Equatable {
    /// What kind of record matched.
    public enum Kind: Int, Sendable, CaseIterable {
        case person = 1
        case alias, note, contact, journalEntry, promise, organisation

        /// What the user calls it.
        public var name: String {
            switch self {
            case .person: "person"
            case .alias: "alias"
            case .note: "note"
            case .contact: "contact"
            case .journalEntry: "journal"
            case .promise: "promise"
            case .organisation: "organisation"
            }
        }
    }

    public var kind: Kind
    /// The record's id in its own table (a contact's id is what `ties log edit` takes).
    public var id: Int64
    /// The person the record belongs to, when it belongs to one.
    public var personID: Person.ID?
    /// The matching text with the matched words in [brackets], cut to about a dozen words.
    public var snippet: String

    public init(kind: Kind, id: Int64, personID: Person.ID?, snippet: String) {
        self.kind = kind
        self.id = id
        self.personID = personID
        self.snippet = snippet
    }
}

extension Store {
    /// Records whose text matches every word of `text` (each as the start of a word), best match first.
    ///
    /// Matching ignores case and diacritics ("jose" finds "José"): SQLite FTS5 with the `unicode61`
    /// tokenizer; ranked by BM25, ties broken by kind and id. The index is kept current by triggers, so it
    /// always agrees with the records.
    /// - Throws: ``StoreError/nothingToSearch(_:)`` when `text` has no word to look for.
    /// - Complexity: the index lookup of each word, then `limit` rows.
    public func search(_ text: String, limit: Int = 20) throws(StoreError) -> [SearchHit] {
        let words = text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard !words.isEmpty else {
            throw .nothingToSearch(text)
        }
        let query = words.map { "\"\($0)\"*" }.joined(separator: " ")
        return try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT rowid, snippet(search_index, 0, '[', ']', '…', 12) AS snippet FROM search_index
                    WHERE search_index MATCH ? ORDER BY rank, rowid LIMIT ?
                    """, arguments: [query, limit])
            return try rows.compactMap { row -> SearchHit? in
                let rowid: Int64 = row["rowid"]
                guard let kind = SearchHit.Kind(rawValue: Int(rowid % 8)) else { return nil }
                let id = rowid / 8
                return SearchHit(
                    kind: kind, id: id, personID: try Self.owner(of: kind, id, db), snippet: row["snippet"])
            }
        }
    }

    /// The person a matched record belongs to.
    private static func owner(of kind: SearchHit.Kind, _ id: Int64, _ db: Database) throws -> Int64? {
        let table: String
        switch kind {
        case .person: return id
        case .journalEntry, .organisation: return nil
        case .alias: table = "person_alias"
        case .note: table = "person_note"
        case .contact: table = "interaction"
        case .promise: table = "commitment"
        }
        return try Int64.fetchOne(db, sql: "SELECT person_id FROM \(table) WHERE id = ?", arguments: [id])
    }
}
