import Foundation
import GRDB
import TiesCore

/// Which logged contacts `ties log list` shows.
public struct InteractionFilter: Sendable, Equatable {
    public var personID: Person.ID?
    /// From this instant on (inclusive).
    public var since: Date?
    /// Before this instant (exclusive).
    public var until: Date?
    public var kind: InteractionKind?
    public var source: String?
    /// Only inbound contacts still waiting for an answer: marked unanswered, with no reply (outbound,
    /// mutual or answered) with the same person at the same time or later.
    public var unansweredOnly = false

    public init(
        personID: Person.ID? = nil, since: Date? = nil, until: Date? = nil, kind: InteractionKind? = nil,
        source: String? = nil, unansweredOnly: Bool = false
    ) {
        self.personID = personID
        self.since = since
        self.until = until
        self.kind = kind
        self.source = source
        self.unansweredOnly = unansweredOnly
    }
}

/// A correction to a logged contact: every field left nil stays as it is.
public struct InteractionEdit: Sendable, Equatable {
    public var occurredAt: Date?
    public var personID: Person.ID?
    public var kind: InteractionKind?
    public var direction: Direction?
    public var answered: Bool?
    /// A new note; an empty one removes the note.
    public var note: String?
    public var groupSize: Int?

    public init(
        occurredAt: Date? = nil, personID: Person.ID? = nil, kind: InteractionKind? = nil,
        direction: Direction? = nil, answered: Bool? = nil, note: String? = nil, groupSize: Int? = nil
    ) {
        self.occurredAt = occurredAt
        self.personID = personID
        self.kind = kind
        self.direction = direction
        self.answered = answered
        self.note = note
        self.groupSize = groupSize
    }

    /// Whether the edit changes anything at all.
    public var isEmpty: Bool { self == InteractionEdit() }
}

extension Store {
    /// Logged contacts matching `filter`, oldest first (ties broken by id).
    public func interactions(matching filter: InteractionFilter) throws(StoreError) -> [Interaction] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let id = filter.personID {
            conditions.append("i.person_id = ?")
            arguments.append(id)
        }
        if let since = filter.since {
            conditions.append("i.occurred_at >= ?")
            arguments.append(CareerRows.seconds(since))
        }
        if let until = filter.until {
            conditions.append("i.occurred_at < ?")
            arguments.append(CareerRows.seconds(until))
        }
        if let kind = filter.kind {
            conditions.append("i.kind = ?")
            arguments.append(kind.rawValue)
        }
        if let source = filter.source {
            conditions.append("i.source = ?")
            arguments.append(source)
        }
        if filter.unansweredOnly { conditions.append(Self.waitingCondition) }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            try Row.fetchAll(
                db, sql: "SELECT i.* FROM interaction i \(whereClause) ORDER BY i.occurred_at, i.id",
                arguments: StatementArguments(arguments)
            ).map(Self.interaction(from:))
        }
    }

    /// One logged contact.
    /// - Throws: ``StoreError/unknownRecord(_:_:)`` when there is no contact with that id.
    public func interaction(_ id: Interaction.ID) throws(StoreError) -> Interaction {
        try read { db in try Self.fetchInteraction(id, db) }
    }

    static func fetchInteraction(_ id: Int64, _ db: Database) throws -> Interaction {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM interaction WHERE id = ?", arguments: [id]) else {
            throw StoreError.unknownRecord(.contact, id)
        }
        return interaction(from: row)
    }

    /// Corrects a logged contact and rebuilds the relationship states of the people it concerns.
    /// - Parameter now: a contact cannot be moved after this instant (plus a minute of clock slack).
    /// - Returns: the contact as now stored.
    /// - Throws: ``StoreError/unknownRecord(_:_:)`` for an unknown id; ``StoreError/invalidRecord(_:)`` for an edit that leaves the contact invalid
    ///   (in the future, a group of fewer than one, unanswered but not inbound);
    ///   ``StoreError/unknownPerson(_:)`` for an unknown person.
    @discardableResult
    public func editInteraction(
        _ id: Interaction.ID, _ edit: InteractionEdit, now: Date, context: ScoringContext
    ) throws(StoreError) -> Interaction {
        try write { db in
            try StateCache.refresh(context, db)
            let old = try Self.fetchInteraction(id, db)
            var new = old
            if let at = edit.occurredAt { new.occurredAt = at }
            if let person = edit.personID {
                _ = try Self.fetchPerson(person, db)
                new.personID = person
            }
            if let kind = edit.kind { new.kind = kind }
            if let direction = edit.direction {
                new.direction = direction
                if direction != .inbound { new.answered = true }
            }
            if let answered = edit.answered { new.answered = answered }
            if let note = edit.note { new.note = note.isEmpty ? nil : note }
            if let size = edit.groupSize { new.groupSize = size }
            try Self.validate(new, now: now)
            try db.execute(
                sql: """
                    UPDATE interaction SET person_id = ?, occurred_at = ?, kind = ?, direction = ?, answered = ?,
                    group_size = ?, note = ? WHERE id = ?
                    """,
                arguments: [
                    new.personID, CareerRows.seconds(new.occurredAt), new.kind.rawValue, new.direction.rawValue,
                    new.answered, new.groupSize, new.note, id,
                ])
            for person in Set([old.personID, new.personID]).sorted() {
                try StateCache.rebuild(person, context: context, db)
            }
            return new
        }
    }

    /// Refuses a contact that cannot be: in the future, a group of fewer than one, unanswered but not inbound.
    static func validate(_ i: Interaction, now: Date) throws {
        if i.occurredAt > now.addingTimeInterval(60) {
            throw StoreError.invalidRecord(
                .contactInFuture(i.id ?? 0, at: CareerRows.stamp(CareerRows.seconds(i.occurredAt))))
        }
        if i.groupSize < 1 {
            throw StoreError.invalidRecord(.groupSize(i.groupSize))
        }
        if !i.answered && i.direction != .inbound {
            throw StoreError.invalidRecord(.unansweredNotInbound(direction: i.direction.rawValue))
        }
    }

    /// Removes logged contacts, all or none, and rebuilds the states of the people they concerned.
    /// - Returns: the contacts removed.
    /// - Throws: ``StoreError/unknownRecord(_:_:)`` naming the first id that is not a contact.
    @discardableResult
    public func removeInteractions(_ ids: [Interaction.ID], context: ScoringContext) throws(StoreError)
        -> [Interaction]
    {
        try write { db in
            try StateCache.refresh(context, db)
            let removed = try ids.map { try Self.fetchInteraction($0, db) }
            for id in ids { try db.execute(sql: "DELETE FROM interaction WHERE id = ?", arguments: [id]) }
            for person in Set(removed.map(\.personID)).sorted() {
                try StateCache.rebuild(person, context: context, db)
            }
            return removed
        }
    }

    /// The SQL condition, on a contact `i`, of "still waiting for an answer": inbound, marked unanswered, and
    /// nothing outbound, mutual or answered with the same person at the same time or later — the rule of
    /// ``facts(asOf:timeZone:)``, so a reply, logged or imported, answers what was waiting in every view.
    static let waitingCondition = """
        i.direction = 'in' AND i.answered = 0 AND NOT EXISTS (
            SELECT 1 FROM interaction r WHERE r.person_id = i.person_id AND r.occurred_at >= i.occurred_at
            AND r.id <> i.id AND NOT (r.direction = 'in' AND r.answered = 0))
        """

    /// The ids of the contacts still waiting for an answer (see ``InteractionFilter/unansweredOnly``).
    /// - Complexity: one look-up per inbound contact marked unanswered (an index holds exactly those).
    public func waitingForReply() throws(StoreError) -> Set<Interaction.ID> {
        try read { db in
            Set(try Int64.fetchAll(db, sql: "SELECT i.id FROM interaction i WHERE \(Self.waitingCondition)"))
        }
    }
}
