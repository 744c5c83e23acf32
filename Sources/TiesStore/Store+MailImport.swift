import Foundation
import GRDB
internal import GRDBSQLite
import TiesCore

/// What `ties import mail` did to the store (or, for a dry run, would do).
public struct MailImportSummary: Sendable, Equatable {
    /// People and interactions added, as for every import.
    public var interactions = ImportSummary()
    /// Messages given to someone in Ties (or to someone created).
    public var messagesImported = 0
    /// Messages none of whose correspondents is in Ties.
    public var messagesWithNoOne = 0
    /// Messages whose only correspondents are mailing lists.
    public var messagesToLists = 0
    /// Inbound emails (from this and earlier imports) found answered by a later message of the user's.
    public var markedAnswered = 0
    /// Correspondents left out, matching no one by address, whose mail gives the name of exactly one person
    /// in Ties (by address, most messages first): a LinkedIn connection who wrote by email, whom the user
    /// can link by adding the address. A name is not an identity, so they are named, never matched.
    public var namedLikeSomeone: [NamedLike] = []

    /// An address that matched no one, and the one person whose name its mail gives.
    public struct NamedLike: Sendable, Equatable {
        public var address: String
        public var person: String
    }

    public init() {}
}

/// Options of one mail import.
public struct MailImportOptions: Sendable {
    /// Create people the user wrote to who match no one (named as the user's own mail names them, else as
    /// their own mail does).
    public var createPeople: Bool
    public var dryRun: Bool
    /// An inbound email with no thread reply is answered by any email of the user's to its sender within
    /// this many seconds after it.
    public var answerWindow: TimeInterval

    public init(createPeople: Bool, dryRun: Bool, answerWindow: TimeInterval) {
        self.createPeople = createPeople
        self.dryRun = dryRun
        self.answerWindow = answerWindow
    }
}

extension Store {
    /// Imports emails in one transaction: `read` hands every ``MailRecord`` to the ``MailStaging`` it is
    /// given, as the mail is read; nothing is held in memory (records wait in a temporary table).
    ///
    /// Then, in order: the user's own messages become outbound emails with each recipient who matches a
    /// person by email (case-insensitively) — or, with `createPeople`, a new person named as the user's
    /// mail names them, else as their own mail names them, else by their address; received messages become
    /// inbound emails from senders who match someone (never a new person: a newsletter the user never wrote
    /// to stays out). An inbound email is answered when a
    /// later message of the user's is in its thread, or failing that was sent to that person within
    /// ``MailImportOptions/answerWindow`` — in this import or an earlier one. A mailing list's address
    /// (``MailStaging/mailingLists``) is no one's: mail with it counts for the people beside it, and mail
    /// with lists only is left out (``MailImportSummary/messagesToLists``). Interactions have source
    /// `mail` and source id `DIGEST/ADDRESS`, so a message seen twice (two labels, a re-import) counts once.
    ///
    /// The transaction is rolled back when `read` returns false or throws, or for a dry run; a killed
    /// process leaves the store as it was.
    /// - Throws: ``StoreError``, or what `read` throws.
    public func importMail(
        _ options: MailImportOptions, context: ScoringContext, now: Date, _ read: (inout MailStaging) throws -> Bool
    ) throws -> MailImportSummary {
        var summary = MailImportSummary()
        var failure: (any Error)?
        do {
            try queue.writeWithoutTransaction { db in
                let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                try db.execute(sql: "PRAGMA cache_size = -65536")
                defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
                try db.inTransaction {
                    try db.execute(
                        sql: """
                            CREATE TEMP TABLE mail_staged (
                                digest TEXT NOT NULL, counterpart TEXT NOT NULL, name TEXT, occurred_at INTEGER NOT NULL,
                                from_me INTEGER NOT NULL, group_size INTEGER NOT NULL, subject TEXT, file TEXT NOT NULL,
                                offset INTEGER NOT NULL);
                            CREATE TEMP TABLE mail_used (digest TEXT PRIMARY KEY) WITHOUT ROWID;
                            CREATE TEMP TABLE mail_list (address TEXT PRIMARY KEY) WITHOUT ROWID;
                            """)
                    var staging = try MailStaging(db)
                    let keep: Bool
                    do { keep = try read(&staging) } catch {
                        failure = error
                        return .rollback
                    }
                    summary = try Self.applyMail(options, lists: staging.mailingLists, context: context, now: now, db)
                    try db.execute(
                        sql: "DROP TABLE temp.mail_staged; DROP TABLE temp.mail_used; DROP TABLE temp.mail_list")
                    return keep && !options.dryRun ? .commit : .rollback
                }
            }
        } catch {
            throw StoreError.wrap(error)
        }
        if let failure { throw failure }
        return summary
    }

    /// Turns the staged records into interactions, marks answered ones and rebuilds the states touched.
    private static func applyMail(
        _ options: MailImportOptions, lists: Set<String>, context: ScoringContext, now: Date, _ db: Database
    ) throws -> MailImportSummary {
        var summary = MailImportSummary()
        let list = try db.makeStatement(sql: "INSERT INTO temp.mail_list (address) VALUES (?)")
        for address in lists.sorted() { try list.execute(arguments: [address]) }
        var known = Set(try String.fetchAll(db, sql: "SELECT lower(value) FROM contact_point WHERE kind = 'email'"))
        var names: [String: String] = [:]
        if options.createPeople {
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT counterpart, name FROM mail_staged
                    WHERE name IS NOT NULL
                        AND counterpart IN (SELECT counterpart FROM mail_staged WHERE from_me = 1)
                    GROUP BY counterpart, from_me, name
                    ORDER BY counterpart, from_me DESC, COUNT(*) DESC, MAX(occurred_at) DESC, name
                    """)
            while let row = try rows.next() {
                let address: String = row[0]
                if names[address] == nil { names[address] = row[1] }
            }
        }
        // Names are unique in the store: a second "Alex Chen" gets their address after the name.
        var takenNames = Set(try String.fetchAll(db, sql: "SELECT lower(name) FROM person"))
        var importer = try StoreImporter(db, createPeople: options.createPeople, context: context, now: now)
        let used = try db.makeStatement(sql: "INSERT OR IGNORE INTO temp.mail_used (digest) VALUES (?)")
        // The user's messages first, so that people created from them can receive the inbound ones.
        let staged = try Row.fetchCursor(
            db,
            sql: """
                SELECT digest, counterpart, occurred_at, from_me, group_size, subject, file, offset
                FROM mail_staged ORDER BY from_me DESC, counterpart, occurred_at, digest
                """)
        while let row = try staged.next() {
            let address: String = row[1]
            let fromMe: Bool = row[3]
            let creatable = fromMe && options.createPeople
            guard known.contains(address) || creatable, !lists.contains(address) else { continue }
            let digest: String = row[0]
            // Names and subjects pass the same checks as every other way into the store (ContactValidation):
            // a decoded header can hold control characters; what cannot be stored is left out, never cut.
            let subject: String? = row[5]
            let interaction = Interaction(
                personID: 0, occurredAt: Date(timeIntervalSince1970: TimeInterval(row[2] as Int64)), kind: .email,
                direction: fromMe ? .outbound : .inbound, answered: fromMe, groupSize: row[4],
                note: subject.flatMap { (try? ContactValidation.text($0, field: "subject")) ?? nil },
                source: "mail", sourceID: digest + "/" + address)
            var newPerson: Person?
            if creatable && !known.contains(address) {
                guard (try? ContactValidation.email(address)) != nil else { continue }
                var name = names[address].flatMap { try? ContactValidation.name($0) } ?? address
                if takenNames.contains(name.lowercased()) { name += " (\(address))" }
                takenNames.insert(name.lowercased())
                newPerson = Person(name: name, contactPoints: [ContactPoint(kind: .email, value: address)])
            }
            try importer.add(
                InteractionRecord(
                    interaction: interaction, keys: [.email(address)], newPerson: newPerson, file: row[6], line: row[7])
            )
            known.insert(address)
            try used.execute(arguments: [digest])
        }
        try countLeftOut(&summary, known: known, lists: lists, db)
        try importer.finish()
        summary.interactions = importer.summary
        summary.markedAnswered = try markAnswered(window: options.answerWindow, context: context, db)
        return summary
    }

    /// Counts what was imported and what was left out: messages to lists only, messages with no one in Ties,
    /// and, among those, the addresses that give someone's name.
    private static func countLeftOut(
        _ summary: inout MailImportSummary, known: Set<String>, lists: Set<String>, _ db: Database
    ) throws {
        summary.messagesImported = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM temp.mail_used") ?? 0
        summary.messagesToLists =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM (
                        SELECT digest FROM temp.mail_staged GROUP BY digest
                        HAVING COUNT(*) = SUM(counterpart IN (SELECT address FROM temp.mail_list)))
                    """) ?? 0
        summary.messagesWithNoOne =
            (try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT digest) FROM mail_staged") ?? 0)
            - summary.messagesImported - summary.messagesToLists
        summary.namedLikeSomeone = try namedLikeSomeone(leavingOut: known, lists: lists, db)
    }

    /// The correspondents matching no one (not in `known`, not a list) whose most frequent name in the mail
    /// is, case aside, the name of exactly one person in the store and of no homonym of theirs (`Name (…)`).
    private static func namedLikeSomeone(
        leavingOut known: Set<String>, lists: Set<String>, _ db: Database
    ) throws -> [MailImportSummary.NamedLike] {
        var people: [String: String] = [:]
        var homonyms = Set<String>()
        for name in try String.fetchAll(db, sql: "SELECT name FROM person WHERE archived = 0") {
            people[name.lowercased()] = name
            if let open = name.range(of: " (", options: .backwards), name.hasSuffix(")") {
                homonyms.insert(name[..<open.lowerBound].lowercased())
            }
        }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT counterpart, name, COUNT(*) AS n FROM mail_staged WHERE name IS NOT NULL
                GROUP BY counterpart, name ORDER BY counterpart, n DESC, name
                """)
        var found: [(address: String, person: String, messages: Int)] = []
        var seen = Set<String>()
        for row in rows {
            let address: String = row[0]
            // The name each address gives most often; an address already read, a list, or a person's, skipped.
            guard seen.insert(address).inserted, !known.contains(address), !lists.contains(address) else { continue }
            let name: String = row[1]
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let person = people[key], !homonyms.contains(key) else { continue }
            found.append((address, person, row[2]))
        }
        return found.sorted { $0.messages != $1.messages ? $0.messages > $1.messages : $0.address < $1.address }
            .map { MailImportSummary.NamedLike(address: $0.address, person: $0.person) }
    }

    /// Marks answered every unanswered inbound mail interaction that a later message of the user's answers
    /// (same thread, or to the same person within `window` seconds), and rebuilds those people's states.
    /// - Returns: how many were marked.
    private static func markAnswered(window: TimeInterval, context: ScoringContext, _ db: Database) throws -> Int {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT i.id, i.person_id FROM interaction i
                WHERE i.source = 'mail' AND i.direction = 'in' AND i.answered = 0 AND (
                    EXISTS (
                        SELECT 1 FROM mail_message m JOIN mail_message r
                            ON r.thread = m.thread AND r.from_me = 1 AND r.occurred_at > m.occurred_at
                        WHERE m.digest = substr(i.source_id, 1, 32))
                    OR EXISTS (
                        SELECT 1 FROM interaction o
                        WHERE o.person_id = i.person_id AND o.occurred_at > i.occurred_at
                            AND o.occurred_at <= i.occurred_at + ? AND o.source = 'mail' AND o.direction = 'out'))
                ORDER BY i.id
                """, arguments: [Int64(window)])
        guard !rows.isEmpty else { return 0 }
        let update = try db.makeStatement(sql: "UPDATE interaction SET answered = 1 WHERE id = ?")
        var people = Set<Int64>()
        for row in rows {
            try update.execute(arguments: [row[0] as Int64])
            people.insert(row[1])
        }
        if people.count > 200 {
            try StateCache.rebuildAll(context: context, db)
        } else {
            try StateCache.refresh(context, db)
            for id in people.sorted() { try StateCache.rebuild(id, context: context, db) }
        }
        return rows.count
    }
}

/// Receives the records of a mail import as they are read (see ``Store/importMail(_:context:now:_:)``).
/// Valid only inside the closure it is given to.
public struct MailStaging {
    private let stage: Statement
    private let message: Statement
    /// Records staged so far.
    public private(set) var count = 0
    /// The addresses of mailing lists (``MailReader/mailingLists``), set once the mail is read: no one is
    /// created for them, and no interaction is given to someone who has one.
    public var mailingLists = Set<String>()

    init(_ db: Database) throws {
        stage = try db.makeStatement(
            sql: """
                INSERT INTO temp.mail_staged (digest, counterpart, name, occurred_at, from_me, group_size, subject, file, offset)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        message = try db.makeStatement(
            sql: "INSERT OR IGNORE INTO mail_message (digest, thread, occurred_at, from_me) VALUES (?, ?, ?, ?)")
    }

    /// Stages one message: a row per counterpart, and its thread for the answered marks.
    public mutating func add(_ record: MailRecord) throws(StoreError) {
        let seconds = Int64(record.occurredAt.timeIntervalSince1970.rounded(.down))
        do {
            try run(message, [.text(record.digest), .text(record.thread), .int(seconds), .int(record.fromMe ? 1 : 0)])
            for other in record.counterparts {
                try run(
                    stage,
                    [
                        .text(record.digest), .text(other.address), other.name.map { .text($0) } ?? .null,
                        .int(seconds),
                        .int(record.fromMe ? 1 : 0), .int(Int64(record.groupSize)),
                        record.subject.map { .text($0) } ?? .null, .text(record.file), .int(Int64(record.offset)),
                    ])
            }
            count += 1
        } catch {
            throw StoreError.wrap(error)
        }
    }

    private enum Value {
        case text(String)
        case int(Int64)
        case null
    }

    /// Binds and steps a statement through SQLite's C API: GRDB's argument boxing costs more than the
    /// insert at the rate mail is read.
    private func run(_ statement: Statement, _ values: [Value]) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (k, value) in values.enumerated() {
            switch value {
            case .text(let text): sqlite3_bind_text(handle, Int32(k + 1), text, -1, transient)
            case .int(let n): sqlite3_bind_int64(handle, Int32(k + 1), n)
            case .null: sqlite3_bind_null(handle, Int32(k + 1))
            }
        }
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code),
                message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
        }
    }
}
