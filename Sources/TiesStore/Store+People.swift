import Foundation
import GRDB
import TiesCore

/// Which people a listing shows.
public struct PersonFilter: Sendable, Equatable {
    public var role: Role?
    /// Organisation name, case-insensitive, exact.
    public var organisation: String?
    public var tag: String?
    public var includeArchived = false

    public init(role: Role? = nil, organisation: String? = nil, tag: String? = nil, includeArchived: Bool = false) {
        self.role = role
        self.organisation = organisation
        self.tag = tag
        self.includeArchived = includeArchived
    }
}

extension Store {
    // MARK: - Writing people

    /// Adds a person, creating their organisation on first use.
    /// - Returns: the person with its new id.
    /// - Throws: ``StoreError/duplicateName(_:)`` when the name is taken (case-insensitively).
    @discardableResult
    public func addPerson(_ person: Person, at now: Date) throws(StoreError) -> Stored<Person> {
        try write { db in try Self.insert(person, at: now, db) }
    }

    /// Replaces a person's record (name, roles, organisation, title, closeness, tags, contact points, archived).
    /// Their relationship state is rebuilt in the same transaction, since the half-life depends on their roles.
    public func updatePerson(_ person: Person, context: ScoringContext) throws(StoreError) {
        guard let id = person.id else { throw .unknownPerson(person.name) }
        try write { db in
            if try Bool.fetchOne(
                db, sql: "SELECT 1 FROM person WHERE name = ? COLLATE NOCASE AND id <> ?", arguments: [person.name, id])
                != nil
            {
                throw StoreError.duplicateName(person.name)
            }
            let organisationID = try Self.organisationID(named: person.organisation, db)
            try db.execute(
                sql: """
                    UPDATE person SET name = ?, organisation_id = ?, title = ?, recruiter_kind = ?, closeness = ?, archived = ?,
                    known_since = ?, birthday = ?, work_anniversary = ?
                    WHERE id = ?
                    """,
                arguments: [
                    person.name, organisationID, person.title, person.recruiterKind?.rawValue,
                    person.closeness, person.archived, person.knownSince?.description, person.birthday?.description,
                    person.workAnniversary?.description, id,
                ])
            try Self.replaceDetails(of: person, db)
            try StateCache.refresh(context, db)
            try StateCache.rebuild(id, context: context, db)
        }
    }

    /// Replaces a person's roles, tags and contact points, and their organisation, title, recruiter kind
    /// and closeness (not their name).
    static func replaceDetails(of person: Person, _ db: Database) throws {
        guard let id = person.id else { return }
        try db.execute(
            sql: """
                UPDATE person SET organisation_id = ?, title = ?, recruiter_kind = ?, closeness = ?, birthday = ?,
                work_anniversary = ? WHERE id = ?
                """,
            arguments: [
                try organisationID(named: person.organisation, db), person.title, person.recruiterKind?.rawValue,
                person.closeness, person.birthday?.description, person.workAnniversary?.description, id,
            ])
        try db.execute(sql: "DELETE FROM person_role WHERE person_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM person_tag WHERE person_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM contact_point WHERE person_id = ?", arguments: [id])
        try insertDetails(of: person, id: id, db)
    }

    ///
    /// Its statements are cached (compiled once per connection): an import inserts people by the ten
    /// thousand, and compiling each statement anew cost more than half of a 10,000-connection import.
    static func insert(_ person: Person, at now: Date, _ db: Database) throws -> Stored<Person> {
        let taken = try db.cachedStatement(sql: "SELECT 1 FROM person WHERE name = ? COLLATE NOCASE")
        if try Bool.fetchOne(taken, arguments: [person.name]) != nil {
            throw StoreError.duplicateName(person.name)
        }
        let organisationID = try organisationID(named: person.organisation, db)
        // A given id is kept (imports of exported files keep their ids); nil lets SQLite choose.
        try db.cachedStatement(
            sql: """
                INSERT INTO person (id, name, organisation_id, title, recruiter_kind, closeness, archived, created_at,
                    known_since, birthday, work_anniversary)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                person.id, person.name, organisationID, person.title, person.recruiterKind?.rawValue,
                person.closeness, person.archived, Int64(now.timeIntervalSince1970), person.knownSince?.description,
                person.birthday?.description, person.workAnniversary?.description,
            ])
        let stored = Stored(id: db.lastInsertedRowID, person)
        try insertDetails(of: stored.record, id: stored.id, db)
        return stored
    }

    private static func insertDetails(of person: Person, id: Int64, _ db: Database) throws {
        for role in person.sortedRoles {
            try db.cachedStatement(sql: "INSERT INTO person_role (person_id, role) VALUES (?, ?)").execute(
                arguments: [id, role.rawValue])
        }
        for tag in person.tags.sorted() {
            try db.cachedStatement(sql: "INSERT INTO person_tag (person_id, tag) VALUES (?, ?)").execute(
                arguments: [id, tag])
        }
        for point in person.contactPoints {
            try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO contact_point (person_id, kind, value, verified_at) VALUES (?, ?, ?, ?)"
            ).execute(
                arguments: [
                    id, point.kind.rawValue, point.value, point.verifiedAt.map { Int64($0.timeIntervalSince1970) },
                ])
        }
    }

    /// The id of the organisation called `name` (case-insensitive), created if new; nil for no name.
    static func organisationID(named name: String?, kind: OrganisationKind = .other, _ db: Database) throws -> Int64? {
        guard let name = name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return nil }
        let known = try db.cachedStatement(sql: "SELECT id FROM organisation WHERE name = ? COLLATE NOCASE")
        if let id = try Int64.fetchOne(known, arguments: [name]) {
            return id
        }
        try db.cachedStatement(sql: "INSERT INTO organisation (name, kind) VALUES (?, ?)").execute(
            arguments: [name, kind.rawValue])
        return db.lastInsertedRowID
    }

    // MARK: - Reading people

    /// People matching `filter`, ordered by name then id.
    ///
    /// - Parameter withContactDetails: false leaves out tags and contact points, which scoring does not need
    ///   and which cost most of the time on a large network.
    public func people(_ filter: PersonFilter = PersonFilter(), withContactDetails: Bool = true) throws(StoreError)
        -> [Stored<Person>]
    {
        try read { db in try Self.fetchPeople(filter, db, withContactDetails: withContactDetails) }
    }

    /// Everyone not archived, with what scoring needs (id, name, roles, organisation, closeness), in id order.
    ///
    /// One query, no sort by name: on 100,000 people it takes a fraction of ``people(_:withContactDetails:)``.
    public func peopleForScoring() throws(StoreError) -> [Person] {
        try read { db in
            var people: [Person] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT p.id, p.name, p.closeness, o.name,
                           (SELECT group_concat(role) FROM person_role r WHERE r.person_id = p.id),
                           p.known_since, p.birthday, p.work_anniversary
                    FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id
                    WHERE p.archived = 0 ORDER BY p.id
                    """)
            while let row = try rows.next() {
                let roles =
                    (row[4] as String?).map { Set($0.split(separator: ",").compactMap { Role(rawValue: String($0)) }) }
                    ?? []
                var person = Person(id: row[0], name: row[1], roles: roles, organisation: row[3], closeness: row[2])
                Self.readDates(into: &person, row, from: 5)
                people.append(person)
            }
            return people
        }
    }

    /// Every organisation, ordered by name.
    public func organisations() throws(StoreError) -> [Organisation] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, kind FROM organisation ORDER BY name COLLATE NOCASE, id").map {
                Organisation(id: $0["id"], name: $0["name"], kind: OrganisationKind(rawValue: $0["kind"]) ?? .other)
            }
        }
    }

    static func fetchPeople(
        _ filter: PersonFilter, _ db: Database, onlyID: Int64? = nil, withContactDetails: Bool = true
    ) throws -> [Stored<Person>] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let onlyID {
            conditions.append("p.id = ?")
            _ = arguments.append(contentsOf: [onlyID])
        }
        if !filter.includeArchived { conditions.append("p.archived = 0") }
        if let role = filter.role {
            conditions.append("EXISTS (SELECT 1 FROM person_role r WHERE r.person_id = p.id AND r.role = ?)")
            _ = arguments.append(contentsOf: [role.rawValue])
        }
        if let organisation = filter.organisation {
            conditions.append("o.name = ? COLLATE NOCASE")
            _ = arguments.append(contentsOf: [organisation])
        }
        if let tag = filter.tag {
            conditions.append(
                "EXISTS (SELECT 1 FROM person_tag t WHERE t.person_id = p.id AND t.tag = ? COLLATE NOCASE)")
            _ = arguments.append(contentsOf: [tag])
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        // Columns by index and a cursor: on 100,000 people, decoding by column name costs more than the query.
        var ids: [Person.ID] = []
        var people: [Person] = []
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT p.id, p.name, p.title, p.recruiter_kind, p.closeness, p.archived, o.name AS organisation,
                    p.known_since, p.birthday, p.work_anniversary
                FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id
                \(whereClause)
                ORDER BY p.name COLLATE NOCASE, p.id
                """, arguments: arguments)
        while let row = try rows.next() {
            ids.append(row[0])
            var person = Person(
                id: row[0], name: row[1], recruiterKind: (row[3] as String?).flatMap(RecruiterKind.init),
                organisation: row[6], title: row[2], closeness: row[4], archived: row[5])
            readDates(into: &person, row, from: 7)
            people.append(person)
        }
        guard !people.isEmpty else { return [] }
        var index: [Int64: Int] = [:]
        for (i, id) in ids.enumerated() { index[id] = i }
        // One query per detail table for the whole listing, rather than three per person.
        let all = people.count > 500
        let idList = all ? "" : " WHERE person_id IN (" + ids.map(String.init).joined(separator: ",") + ")"
        let cursor1 = try Row.fetchCursor(db, sql: "SELECT person_id, role FROM person_role" + idList)
        while let row = try cursor1.next() {
            if let i = index[row[0]], let role = Role(rawValue: row[1]) { people[i].roles.insert(role) }
        }
        guard withContactDetails else { return zip(ids, people).map(Stored.init) }
        let cursor2 = try Row.fetchCursor(db, sql: "SELECT person_id, tag FROM person_tag" + idList)
        while let row = try cursor2.next() {
            if let i = index[row[0]] { people[i].tags.insert(row[1]) }
        }
        let cursor3 = try Row.fetchCursor(
            db, sql: "SELECT person_id, kind, value, verified_at FROM contact_point\(idList) ORDER BY person_id, id")
        while let row = try cursor3.next() {
            guard let i = index[row[0]], let kind = ContactPoint.Kind(rawValue: row[1]) else { continue }
            let verified: Int64? = row[3]
            people[i].contactPoints.append(
                ContactPoint(
                    kind: kind, value: row[2],
                    verifiedAt: verified.map { Date(timeIntervalSince1970: TimeInterval($0)) }))
        }
        return zip(ids, people).map(Stored.init)
    }

    /// The person `reference` names: an id (`42` or `#42`), an exact name (case-insensitive), the start of a
    /// name, or the start of one word of a name — whichever matches first, and only if exactly one person matches.
    /// - Throws: ``StoreError/unknownPerson(_:)`` or ``StoreError/ambiguousPerson(_:candidates:)``.
    public func person(_ reference: String) throws(StoreError) -> Stored<Person> {
        try read { db in try Self.resolve(reference, db) }
    }

    static func resolve(_ reference: String, _ db: Database) throws -> Stored<Person> {
        let ref = reference.trimmingCharacters(in: .whitespaces)
        func load(_ id: Int64) throws -> Stored<Person> { try fetchPerson(id, db) }
        let digits = ref.hasPrefix("#") ? String(ref.dropFirst()) : ref
        if !digits.isEmpty, digits.allSatisfy(\.isASCII), let id = Int64(digits),
            try Bool.fetchOne(db, sql: "SELECT 1 FROM person WHERE id = ?", arguments: [id]) != nil
        {
            return try load(id)
        }
        guard !ref.isEmpty else { throw StoreError.unknownPerson(reference) }
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM person WHERE name = ? COLLATE NOCASE", arguments: [ref])
        {
            return try load(id)
        }
        let pattern = ref.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        // An alias said in full, then the start of any word of a name or an alias: one person or an error
        // that lists them all — a reference never picks one of several.
        let names =
            "SELECT id, name FROM person WHERE name LIKE ?1 || '%' ESCAPE '\\' OR name LIKE '% ' || ?1 || '%' ESCAPE '\\'"
        // A store opened read-only before its migrations ran has no aliases yet.
        let stages =
            try db.tableExists("person_alias")
            ? [
                "SELECT p.id, p.name FROM person p JOIN person_alias a ON a.person_id = p.id WHERE a.alias = ?1",
                """
                \(names) UNION SELECT p.id, p.name FROM person p JOIN person_alias a ON a.person_id = p.id
                WHERE a.alias LIKE ?1 || '%' ESCAPE '\\' OR a.alias LIKE '% ' || ?1 || '%' ESCAPE '\\'
                """,
            ] : ["SELECT NULL AS id, NULL AS name WHERE 0", names]
        for (index, stage) in stages.enumerated() {
            let rows = try Row.fetchAll(
                db, sql: "SELECT DISTINCT id, name FROM (\(stage)) ORDER BY name COLLATE NOCASE, id LIMIT 11",
                arguments: [index == 0 ? ref : pattern])
            if rows.count == 1 { return try load(rows[0]["id"]) }
            if rows.count > 1 {
                var candidates = rows.prefix(10).map { "\($0["name"] as String) (#\($0["id"] as Int64))" }
                if rows.count > 10 { candidates.append("...") }
                throw StoreError.ambiguousPerson(reference, candidates: candidates)
            }
        }
        throw StoreError.unknownPerson(reference)
    }

    static func fetchPerson(_ id: Int64, _ db: Database) throws -> Stored<Person> {
        guard let person = try fetchPeople(PersonFilter(includeArchived: true), db, onlyID: id).first else {
            throw StoreError.unknownPerson("#\(id)")
        }
        return person
    }

    /// Archives a person: they stay in the store with their history, but leave listings and scores.
    public func archivePerson(_ id: Person.ID, archived: Bool = true) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE person SET archived = ? WHERE id = ?", arguments: [archived, id])
        }
    }

    /// How many people, interactions and ties the store holds.
    public func counts() throws(StoreError) -> (people: Int, interactions: Int, ties: Int) {
        try read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM interaction") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM tie") ?? 0
            )
        }
    }
}
