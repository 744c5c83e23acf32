import Foundation
import GRDB
import TiesCore

/// Commitments, the user's own versioned details, disclosures and the career journal.
///
/// Days are stored as `YYYY-MM-DD` text and instants as whole seconds since 1970, like the rest of the
/// store. Every writer is one transaction that checks what it refers to first, so a refused write leaves
/// the file untouched.
extension Store {
    // MARK: - Commitments

    /// Records a promise made to or by a person.
    /// - Returns: the commitment with its new id.
    /// - Throws: ``StoreError/unknownPerson(_:)`` when the person does not exist.
    @discardableResult
    public func addCommitment(_ commitment: Commitment) throws(StoreError) -> Stored<Commitment> {
        try write { db in
            try CareerRows.requirePerson(commitment.personID, db)
            try db.execute(
                sql:
                    "INSERT INTO commitment (person_id, text, owner, created_at, due_day, done_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    commitment.personID, commitment.text, commitment.owner.rawValue,
                    CareerRows.seconds(commitment.createdAt), commitment.due?.description,
                    commitment.doneAt.map(CareerRows.seconds),
                ])
            return Stored(id: db.lastInsertedRowID, commitment)
        }
    }

    /// Every commitment, open or done, ordered by id.
    public func commitments() throws(StoreError) -> [Stored<Commitment>] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM commitment ORDER BY id").map { row in
                let done: Int64? = row["done_at"]
                let commitment = Commitment(
                    personID: row["person_id"], text: row["text"],
                    owner: Commitment.Owner(rawValue: row["owner"]) ?? .me,
                    createdAt: Date(timeIntervalSince1970: TimeInterval(row["created_at"] as Int64)),
                    due: (row["due_day"] as String?).flatMap(CareerRows.day(from:)),
                    doneAt: done.map { Date(timeIntervalSince1970: TimeInterval($0)) })
                return Stored(id: row["id"], commitment)
            }
        }
    }

    /// Marks a commitment kept at `instant`.
    /// - Returns: the commitment as now stored.
    /// - Throws: ``StoreError/unknownCommitment(_:)`` when there is no commitment with that id, ``StoreError/commitmentDone(_:at:)`` when it is done
    ///   already, or when `instant` is before it was made.
    @discardableResult
    public func completeCommitment(_ id: Commitment.ID, at instant: Date) throws(StoreError) -> Stored<Commitment> {
        let seconds = CareerRows.seconds(instant)
        try write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT created_at, done_at FROM commitment WHERE id = ?", arguments: [id])
            else {
                throw StoreError.unknownCommitment(id)
            }
            if let done = row["done_at"] as Int64? {
                throw StoreError.commitmentDone(id, at: CareerRows.stamp(done))
            }
            let created: Int64 = row["created_at"]
            guard seconds >= created else {
                throw StoreError.commitmentBeforeCreation(
                    id, created: CareerRows.stamp(created), given: CareerRows.stamp(seconds))
            }
            try db.execute(sql: "UPDATE commitment SET done_at = ? WHERE id = ?", arguments: [seconds, id])
        }
        return try commitments().first { $0.id == id }!
    }

    // MARK: - The user's own details

    /// Records a new version of one of the user's details. Earlier versions are kept.
    /// - Returns: the detail with its new id.
    @discardableResult
    public func addMyDetail(_ detail: MyDetail) throws(StoreError) -> Stored<MyDetail> {
        try write { db in
            try db.execute(
                sql: "INSERT INTO my_detail (kind, value, since_day) VALUES (?, ?, ?)",
                arguments: [detail.kind.rawValue, detail.value, detail.since.description])
            return Stored(id: db.lastInsertedRowID, detail)
        }
    }

    /// Every version of every detail of the user's, ordered by id. Rows of unknown kinds are skipped.
    public func myDetails() throws(StoreError) -> [Stored<MyDetail>] {
        try read { db in try CareerRows.myDetails(db) }
    }

    // MARK: - Disclosures

    /// Records that a person was given something of the user's on `day`.
    ///
    /// For an email, phone or address, the disclosure is linked to the user's detail of that kind current on
    /// `day` (``MyDetail/current(of:in:asOf:)``); `version` must be nil. For a resume, `version` labels it.
    /// - Returns: the disclosure with its id and linked detail.
    /// - Throws: ``StoreError/unknownPerson(_:)``; ``StoreError/missingDetail(kind:day:)`` when the user has no detail of
    ///   that kind in effect on `day`.
    @discardableResult
    public func addDisclosure(
        personID: Person.ID, kind: DisclosureKind, version: String? = nil, on day: Day
    ) throws(StoreError) -> Stored<Disclosure> {
        try write { db in
            try CareerRows.requirePerson(personID, db)
            let details = try CareerRows.myDetails(db).records()
            var disclosure = Disclosure(personID: personID, kind: kind, version: version, day: day)
            if let detailKind = kind.detailKind {
                guard let current = MyDetail.current(of: detailKind, in: details, asOf: day) else {
                    throw StoreError.missingDetail(kind: detailKind.rawValue, day: day.description)
                }
                disclosure.myDetailID = current.id
                disclosure.version = nil
            }
            try db.execute(
                sql:
                    "INSERT INTO disclosure (person_id, kind, version, my_detail_id, disclosed_day) VALUES (?, ?, ?, ?, ?)",
                arguments: [personID, kind.rawValue, disclosure.version, disclosure.myDetailID, day.description])
            return Stored(id: db.lastInsertedRowID, disclosure)
        }
    }

    /// Every disclosure, ordered by id. Rows of unknown kinds are skipped.
    public func disclosures() throws(StoreError) -> [Disclosure] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM disclosure ORDER BY id").compactMap { row in
                guard let kind = DisclosureKind(rawValue: row["kind"]),
                    let day = CareerRows.day(from: row["disclosed_day"])
                else {
                    return nil
                }
                return Disclosure(
                    id: row["id"], personID: row["person_id"], kind: kind, version: row["version"],
                    myDetailID: row["my_detail_id"], day: day)
            }
        }
    }

    // MARK: - Career journal

    /// Adds a career-journal entry with its tags.
    /// - Returns: the entry with its new id.
    @discardableResult
    public func addJournalEntry(_ entry: JournalEntry) throws(StoreError) -> Stored<JournalEntry> {
        try write { db in Stored(id: try Self.insert(entry, db), entry) }
    }

    /// Inserts `entry` and its tags; returns its id.
    static func insert(_ entry: JournalEntry, _ db: Database) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO journal_entry (kind, text, day, end_day, organisation, title, amount)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                entry.kind.rawValue, entry.text, entry.day.description, entry.endDay?.description,
                entry.organisation, entry.title, entry.amount,
            ])
        let id = db.lastInsertedRowID
        for tag in entry.tags.sorted() {
            try db.execute(
                sql: "INSERT OR IGNORE INTO journal_tag (entry_id, tag) VALUES (?, ?)", arguments: [id, tag])
        }
        return id
    }

    /// Every journal entry, ordered by day then id. Rows of unknown kinds are skipped.
    public func journalEntries() throws(StoreError) -> [Stored<JournalEntry>] {
        try read { db in
            let entries = try Row.fetchAll(db, sql: "SELECT * FROM journal_entry ORDER BY day, id").compactMap {
                row -> Stored<JournalEntry>? in
                guard let kind = JournalKind(rawValue: row["kind"]), let day = CareerRows.day(from: row["day"]) else {
                    return nil
                }
                let entry = JournalEntry(
                    kind: kind, text: row["text"], day: day,
                    endDay: (row["end_day"] as String?).flatMap(CareerRows.day(from:)),
                    organisation: row["organisation"],
                    title: row["title"], amount: row["amount"])
                return Stored(id: row["id"], entry)
            }
            var tags: [JournalEntry.ID: Set<String>] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT entry_id, tag FROM journal_tag") {
                tags[row["entry_id"] as Int64, default: []].insert(row["tag"])
            }
            return entries.map { stored in
                var entry = stored.record
                entry.tags = tags[stored.id] ?? []
                return Stored(id: stored.id, entry)
            }
        }
    }
}

/// Row conversions shared by the career extension, kept private to this file.
enum CareerRows {
    static func requirePerson(_ id: Person.ID, _ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM person WHERE id = ?", arguments: [id]) != nil else {
            throw StoreError.unknownPerson("#\(id)")
        }
    }

    /// Whole seconds since 1970, rounded down, as every instant in the store.
    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }

    /// An instant for messages: ISO 8601 in UTC.
    static func stamp(_ seconds: Int64) -> String {
        DateInput.iso8601(Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// A stored `YYYY-MM-DD`.
    static func day(from text: String) -> Day? {
        guard case .day(let day)? = try? DateInput.parse(text, field: "day", timeZone: .utc) else { return nil }
        return day
    }

    static func myDetails(_ db: Database) throws -> [Stored<MyDetail>] {
        try Row.fetchAll(db, sql: "SELECT id, kind, value, since_day FROM my_detail ORDER BY id").compactMap { row in
            guard let kind = MyDetailKind(rawValue: row["kind"]), let since = day(from: row["since_day"]) else {
                return nil
            }
            return Stored(id: row["id"], MyDetail(kind: kind, value: row["value"], since: since))
        }
    }
}
