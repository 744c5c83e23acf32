import Foundation
import GRDB
import TiesCore

/// A dated note on a person.
public struct PersonNote: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var personID: Person.ID
    public var day: Day
    public var text: String

    public init(id: Int64, personID: Person.ID, day: Day, text: String) {
        self.id = id
        self.personID = personID
        self.day = day
        self.text = text
    }
}

extension Store {
    // MARK: - Notes

    /// Adds a dated note to a person.
    /// - Throws: ``StoreError/unknownPerson(_:)``, or ``StoreError/invalidRecord(_:)`` for an empty text.
    @discardableResult
    public func addNote(_ text: String, to personID: Person.ID, on day: Day) throws(StoreError) -> PersonNote {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalidRecord(.emptyText(.note)) }
        return try write { db in
            _ = try Self.fetchPerson(personID, db)
            try db.execute(
                sql: "INSERT INTO person_note (person_id, day, text) VALUES (?, ?, ?)",
                arguments: [personID, day.description, trimmed])
            return PersonNote(id: db.lastInsertedRowID, personID: personID, day: day, text: trimmed)
        }
    }

    /// A person's notes, oldest first.
    public func notes(of personID: Person.ID) throws(StoreError) -> [PersonNote] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM person_note WHERE person_id = ? ORDER BY day, id", arguments: [personID]
            ).map { row in
                PersonNote(
                    id: row["id"], personID: row["person_id"],
                    day: CareerRows.day(from: row["day"]) ?? Day(ordinal: 0), text: row["text"])
            }
        }
    }

    /// Removes a note.
    /// - Throws: ``StoreError/unknownRecord(_:_:)`` when there is no note with that id.
    public func removeNote(_ id: Int64) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM person_note WHERE id = ?", arguments: [id])
            guard db.changesCount == 1 else {
                throw StoreError.unknownRecord(.note, id)
            }
        }
    }

    // MARK: - Tags

    /// Adds tags to a person (those they have already are left alone).
    public func tag(_ personID: Person.ID, with tags: [String]) throws(StoreError) {
        try write { db in
            _ = try Self.fetchPerson(personID, db)
            for tag in tags {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO person_tag (person_id, tag) VALUES (?, ?)", arguments: [personID, tag])
            }
        }
    }

    /// Removes tags from a person.
    /// - Throws: ``StoreError/invalidRecord(_:)`` naming a tag the person does not have.
    public func untag(_ personID: Person.ID, removing tags: [String]) throws(StoreError) {
        try write { db in
            for tag in tags {
                try db.execute(
                    sql: "DELETE FROM person_tag WHERE person_id = ? AND tag = ?", arguments: [personID, tag])
                guard db.changesCount == 1 else {
                    throw StoreError.invalidRecord(.noTag(personID, tag))
                }
            }
        }
    }

    // MARK: - Aliases

    /// Gives a person another name they are known by; references then resolve it like the name.
    /// - Throws: ``StoreError/invalidRecord(_:)`` when another person's name is exactly that alias.
    public func addAlias(_ alias: String, to personID: Person.ID) throws(StoreError) {
        let trimmed = alias.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalidRecord(.emptyAlias) }
        try write { db in
            _ = try Self.fetchPerson(personID, db)
            if let other = try Row.fetchOne(
                db, sql: "SELECT id, name FROM person WHERE name = ? COLLATE NOCASE AND id <> ?",
                arguments: [trimmed, personID])
            {
                throw StoreError.invalidRecord(
                    .aliasIsAName(trimmed, name: other["name"] as String, id: other["id"] as Int64))
            }
            try db.execute(
                sql: "INSERT OR IGNORE INTO person_alias (person_id, alias) VALUES (?, ?)",
                arguments: [personID, trimmed])
        }
    }

    /// Removes an alias from a person.
    public func removeAlias(_ alias: String, from personID: Person.ID) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: "DELETE FROM person_alias WHERE person_id = ? AND alias = ?", arguments: [personID, alias])
            guard db.changesCount == 1 else {
                throw StoreError.invalidRecord(.noAlias(personID, alias))
            }
        }
    }

    /// A person's aliases, alphabetically.
    public func aliases(of personID: Person.ID) throws(StoreError) -> [String] {
        try read { db in
            try String.fetchAll(
                db, sql: "SELECT alias FROM person_alias WHERE person_id = ? ORDER BY alias, id", arguments: [personID])
        }
    }
}
