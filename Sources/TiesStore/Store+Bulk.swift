import Foundation
import GRDB
import TiesCore

extension Store {
    /// Loads a whole network into an empty store in one transaction: organisations, people (with their ids),
    /// ties, interactions, and every relationship state, computed in memory by ``ScoringKernel`` rather than by a second scan.
    ///
    /// Used by `ties demo`; it is the bulk path, with one prepared statement per table.
    /// - Throws: ``StoreError/notEmpty(path:what:)`` when the store already holds people.
    /// - Complexity: O(i log i) for i interactions (a sort when they are not already grouped by person and day).
    public func load(
        organisations: [Organisation], people: [Person], ties: [Tie], interactions: [Interaction],
        context: ScoringContext, createdAt: Date
    ) throws(StoreError) {
        try write { db in
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0 > 0 {
                throw StoreError.notEmpty(path: url.path, what: "people")
            }
            var organisationIDs: [String: Int64] = [:]
            let insertOrganisation = try db.makeStatement(sql: "INSERT INTO organisation (name, kind) VALUES (?, ?)")
            for organisation in organisations {
                try insertOrganisation.execute(arguments: [organisation.name, organisation.kind.rawValue])
                organisationIDs[organisation.name.lowercased()] = db.lastInsertedRowID
            }
            let insertPerson = try db.makeStatement(
                sql: """
                    INSERT INTO person (id, name, organisation_id, title, recruiter_kind, closeness, archived, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let insertRole = try db.makeStatement(sql: "INSERT INTO person_role (person_id, role) VALUES (?, ?)")
            let insertTag = try db.makeStatement(sql: "INSERT INTO person_tag (person_id, tag) VALUES (?, ?)")
            let insertPoint = try db.makeStatement(
                sql: "INSERT OR IGNORE INTO contact_point (person_id, kind, value, verified_at) VALUES (?, ?, ?, ?)")
            let created = Int64(createdAt.timeIntervalSince1970)
            for person in people {
                let organisationID: Int64?
                if let name = person.organisation {
                    if let id = organisationIDs[name.lowercased()] {
                        organisationID = id
                    } else {
                        organisationID = try Self.organisationID(named: name, db)
                        organisationIDs[name.lowercased()] = organisationID
                    }
                } else {
                    organisationID = nil
                }
                try insertPerson.execute(arguments: [
                    person.id, person.name, organisationID, person.title, person.recruiterKind?.rawValue,
                    person.closeness, person.archived, created,
                ])
                let id = person.id ?? db.lastInsertedRowID
                for role in person.sortedRoles { try insertRole.execute(arguments: [id, role.rawValue]) }
                for tag in person.tags.sorted() { try insertTag.execute(arguments: [id, tag]) }
                for point in person.contactPoints {
                    try insertPoint.execute(arguments: [
                        id, point.kind.rawValue, point.value, point.verifiedAt.map { Int64($0.timeIntervalSince1970) },
                    ])
                }
            }
            let insertTie = try db.makeStatement(
                sql: "INSERT INTO tie (person_a, person_b, kind, weight) VALUES (?, ?, ?, ?)")
            for tie in ties { try insertTie.execute(arguments: [tie.a, tie.b, tie.kind.rawValue, tie.weight]) }

            try Self.insertInteractions(interactions, db)

            var mapper = DayMapper(timeZone: context.timeZone)
            var columns = InteractionColumns()
            columns.reserve(interactions.count)
            for i in interactions {
                columns.append(
                    person: i.personID, day: mapper.day(of: i),
                    weight: context.configuration.weight(of: i), direction: i.direction, isContact: i.kind.isContact)
            }
            try StateCache.saveAll(
                of: columns.isSortedByPersonAndDay ? columns : columns.sortedByPersonAndDay(), context: context, db)
        }
    }

    /// Inserts `interactions` with one prepared statement, each with the key of its source and source id; recorded
    /// in the change log as ranges of ids, like an import's (ChangeLog). The unique index stays: a key already
    /// held is met only as its insert fails, and then ``SourceKeys`` says whether the row is a collided one
    /// (stored without the key) or a second row of one source and source id (the error stands, as it did).
    private static func insertInteractions(_ interactions: [Interaction], _ db: Database) throws {
        let sql = """
            INSERT INTO interaction (person_id, occurred_at, kind, direction, answered, group_size, note, source, source_id,
                date_only, source_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        var insert = try db.makeStatement(sql: sql)
        var keys = try SourceKeys(db)
        try recordingBulkInserts(into: "interaction", db) {
            for i in interactions {
                func arguments(_ key: Int64?) -> StatementArguments {
                    [
                        i.personID, Int64(i.occurredAt.timeIntervalSince1970.rounded(.down)), i.kind.rawValue,
                        i.direction.rawValue, i.answered, i.groupSize, i.note, i.source, i.sourceID, i.dateOnly, key,
                    ]
                }
                let key = i.sourceID.map { keys.key(source: i.source, sourceID: $0) }
                do {
                    try insert.execute(arguments: arguments(key))
                } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                    insert = try db.makeStatement(sql: sql)  // a statement that failed cannot be reset (GRDB)
                    guard let sourceID = i.sourceID, let key,
                        try keys.placement(source: i.source, sourceID: sourceID, key: key) == .collided
                    else { throw error }
                    try insert.execute(arguments: arguments(nil))
                    keys.noteCollided(db.lastInsertedRowID, source: i.source, sourceID: sourceID)
                }
            }
        }
    }
}
