import Foundation
import GRDB
internal import GRDBSQLite
import TiesCore

/// Adds records to the store inside ``Store/importing(createPeople:dryRun:context:now:_:)``'s transaction.
///
/// People are matched, in order, by id, by any email, by any URL that can be one person's (not a site's home
/// page: ``ProfileURL/canIdentify(key:)``) and by exact name (all without case).
/// A profile URL or an email identifies a person; a name alone does not: it matches only when one person
/// bears it, and not when the record's LinkedIn profile and that person's differ (two connections with one
/// name and different profiles are two people). A record of a file that lists everyone once
/// (``PersonRecord/distinctInFile``) is never merged by name into the person another record of that file
/// became, and its own interactions go to its person. A name that several people bear is never guessed: the
/// record is reported as unmatched with the reason. A match gains the record's missing roles, tags and contact points and fills an empty organisation,
/// title or closeness; no match is added (with the record's id when it is free). An interaction already
/// present — same source and source id (found by their integer key, ``SourceKeys``), or same id — is left
/// alone, so importing a file twice changes nothing. An interaction whose person matches no one creates its `newPerson` when the import may create
/// people, and is otherwise reported as unmatched.
///
/// Valid only inside the closure it is given to. A struct, so that the per-row work of a million-row import
/// pays for no dynamic exclusivity checks.
public struct StoreImporter {
    /// What the import has done so far.
    public internal(set) var summary = ImportSummary()
    let db: Database
    let createPeople: Bool
    let context: ScoringContext
    let now: Date
    /// Indexes of who is there, kept up to date as people are added.
    var ids: Set<Int64>
    var byEmail: [String: Int64] = [:]
    var byURL: [String: Int64] = [:]
    var byName: [String: Int64] = [:]
    /// Names (lowercased) that more than one person bears: they identify no one.
    var homonyms = Set<String>()
    /// Names that a homonym's `Name (…)` was made from: the plain name may mean either person.
    var suffixedBases = Set<String>()
    /// Who bears each name (lowercased): its holder, and the homonyms named after it (``HomonymName/base(_:suffixes:)``).
    var bearers: [String: [Int64]] = [:]
    /// The people each file's records that list everyone once (``PersonRecord/distinctInFile``) became.
    var takenInFile: [String: Set<Int64>] = [:]
    /// The person the last record of a file listing everyone once matched (``match(_:)-(PersonRecord)``),
    /// with the `source|day` of the record's own events that person holds already: not added twice.
    var metOnDay: (id: Int64, events: Set<String>)?
    /// The days of the date-only events person records brought to each person in this import, by source.
    var importedDays: [Int64: [String: Set<Int64>]] = [:]
    /// Person records' own interactions (``PersonRecord/interactions``) with their people, added together
    /// before the next interactions or at the end: a small batch for each record made importing 10,000
    /// connections 0.03-0.05 s slower (`perf`: the allocator's churn).
    private var ownInteractions: [InteractionRecord] = []
    /// The services each person has a profile on (LinkedIn, Google: ``ProfileService``), to tell a homonym
    /// from the same person. Kept as services, not as the profiles' keys to be told a service each time: with
    /// the keys, telling their services was a fifth of an export of 10,000 connections of many homonyms
    /// (`perf`).
    var profileServices: [Int64: Set<ProfileService>] = [:]
    /// Profile URLs met in records, with their ``ProfileURL/key(_:)``.
    var urlKeys: [String: String] = [:]
    /// Profile URLs met in records that matched someone, with whom: one lookup a record instead of two (a
    /// URL's person never changes during an import: ``indexURL(identityKey:id:)`` keeps the first).
    var urlMatches: [String: Int64] = [:]
    /// Whom each participant number (``InteractionRecord/participant``) was found to be by an id, email or
    /// URL: their next records skip the look-up of their keys (a million messages: ~0.3 s of the importing
    /// thread, much of it in retaining and releasing the keys the reading thread shares between records).
    var participants: [Int32: Int64] = [:]
    /// Everyone whose history, roles or contact points changed; ``touchedBits`` marks those of them with an id
    /// under 2^22, asked first for every new interaction (the set's hashing was ~90 samples of the importing
    /// thread of a million messages, `perf`).
    var touched = Set<Int64>()
    private var touchedBits: [UInt64] = []
    /// The new interactions as scoring columns, so that the states are computed from memory instead of by
    /// reading every interaction back (see ``rebuildStates()``).
    var columns = InteractionColumns()
    /// True when the store held no interaction before the import (a first import of a whole history).
    let firstImport: Bool
    /// The largest interaction id before the import, and whether every new row got a larger one (a record
    /// may bring its own id): then the rows up to it are exactly those that were there before.
    let lastOldID: Int64
    var newRowsAfterOld = true
    private var mapper: DayMapper
    /// The SQL of the interaction table's indexes, dropped while a first import, or one its caller says is
    /// large, loads: building an index once from the loaded rows costs less than keeping it up to date row by
    /// row when the rows come in no particular order (a shuffled million rows: 6.7 s → 5.3 s). Created again,
    /// in the same transaction, before the import ends.
    private var droppedIndexes: [String] = []
    /// The ids of the interactions inserted, as runs of consecutive ids in the order inserted: what the
    /// change log records (``Store/recordingBulkInserts(into:_:newRows:_:)``).
    private(set) var insertedRuns: [ClosedRange<Int64>] = []
    /// While the unique index on the source key is dropped — only by a first import that is not large,
    /// into a table that was empty — the FNV-1a 128 digest of the source and source id of every row inserted
    /// so far: the check for a row already present that the index made, for 32 MB a million rows. Two
    /// different ids share a digest with a chance of about 10^-27 among a million; two that share the 64-bit
    /// key folded from it (about 3 × 10^-8) both go in, and ``finish()`` settles them when the index is built.
    /// (Why a large import keeps the index: see `init`.)
    private var insertedSourceKeys: DigestSet?
    /// The source keys: how a new row is keyed, and what a row that the index turned away met.
    var sourceKeys: SourceKeys
    /// A large import into a store with a history drops the indexes at its first new row, not before: a
    /// re-import that adds nothing (a million messages already there) then has none to build again.
    private var dropIndexesOnInsert = false
    /// Whether the caller said the import is large (see ``Store/importing(createPeople:dryRun:context:now:cacheMiB:large:_:)``).
    private let large: Bool
    /// The search index's trigger on new interactions (its SQL), dropped while the import runs, and the new
    /// interactions with a note, indexed by one cached statement at the end. A trigger that writes to the
    /// full-text table made every insert open savepoints on it and keep a statement journal: a third of the
    /// time of `ties import csv` of a million interactions (measured with `perf`). Created again in the same
    /// transaction, so a rolled-back import leaves it as it was.
    private var searchTrigger: String?
    private var noted: [Int64] = []
    /// A large import's new rows, held until a run of them is inserted in order of person and time
    /// (StoreImporter+Load.swift); nil for the others.
    var pending: HeldRows?
    /// `INSERT OR IGNORE`: a row whose id or source key is already stored is not inserted, found by the
    /// insert's own index lookups instead of a query per row (the source id by ``insertedSourceKeys`` while
    /// its index is dropped). A row turned away is then told apart by ``insert(_:person:key:)``: its id taken
    /// or its source and source id stored is "already present"; its key held by other texts is a collision.
    let insertStatement: Statement
    /// The same insert of ``HeldRows/chunkLength`` rows at once, for a large import's held rows
    /// (``insertHeld()``); nil for the others.
    let chunkStatement: Statement?

    /// `INSERT OR IGNORE` of the interaction columns, `rows` rows at a time.
    static func insertSQL(rows: Int) -> String {
        """
        INSERT OR IGNORE INTO interaction (id, person_id, occurred_at, kind, direction, answered, group_size, note, source,
            source_id, date_only, source_key)
        VALUES \(Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", "))
        """
    }

    init(_ db: Database, createPeople: Bool, large: Bool = false, context: ScoringContext, now: Date) throws {
        self.db = db
        self.createPeople = createPeople
        self.context = context
        self.now = now
        self.large = large
        mapper = DayMapper(timeZone: context.timeZone)
        lastOldID = try Int64.fetchOne(db, sql: "SELECT max(id) FROM interaction") ?? 0
        firstImport = try Bool.fetchOne(db, sql: "SELECT 1 FROM interaction LIMIT 1") == nil
        if firstImport {
            // A large import (a streamed messages file) keeps the unique index, into an empty table too: its
            // importing thread was the slower one, and building the index after the load cost it more than
            // keeping it up to date (a million messages into a store with a history: 9.9 → 10.8 s; a whole
            // export with a million messages into a new store: 9.3 → 10.9 s, and 286 → 370 MB with the
            // digests; Benchmarks/README.md).
            // It keeps the partial index of unanswered messages up too: a quarter of the rows go in it, and its
            // upkeep fits in the time the importing thread waits for the reading one, while building it after the
            // load took 0.25-0.5 s with nothing else to do (a million messages: 6.72-7.15 s → 6.46-6.71 s, four
            // alternating rounds).
            droppedIndexes = try Self.dropIndexes(db, unique: !large, partial: !large)
            if !large { insertedSourceKeys = DigestSet() }
        }
        if large { pending = HeldRows() }
        dropIndexesOnInsert = large && !firstImport
        searchTrigger = try String.fetchOne(
            db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'search_interaction_insert'")
        if searchTrigger != nil { try db.execute(sql: "DROP TRIGGER search_interaction_insert") }
        ids = Set(try Int64.fetchAll(db, sql: "SELECT id FROM person"))
        sourceKeys = try SourceKeys(db)
        try sourceKeys.reclaimFreeKeys(db)
        insertStatement = try db.makeStatement(sql: Self.insertSQL(rows: 1))
        chunkStatement = try pending.map { try db.makeStatement(sql: Self.insertSQL(rows: $0.chunkLength)) }
        // Each URL's key is made once, for the index of URLs and for the names of homonyms: made twice, it was
        // 0.05-0.1 s of every import into a store of 10,000 connections (`perf`).
        var personURLKeys: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT person_id, kind, value FROM contact_point ORDER BY id") {
            let value: String = row[2]
            switch row[1] as String {
            case "email": byEmail[value.lowercased()] = byEmail[value.lowercased()] ?? row[0]
            case "url", "linkedin":
                let key = ProfileURL.key(value)
                indexURL(identityKey: ProfileURL.identity(ofKey: key), id: row[0])
                personURLKeys[row[0], default: []].append(key)
            default: break
            }
        }
        let people = try Row.fetchAll(
            db,
            sql: """
                SELECT p.id, p.name, o.name FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id
                ORDER BY p.id
                """)
        for row in people {
            let name: String = row[1]
            indexName(
                name, id: row[0],
                suffixes: HomonymName.suffixes(of: name, organisation: row[2], urlKeys: personURLKeys[row[0]] ?? []))
        }
    }

    /// Adds a person, or merges them into the person they match; then the record's own interactions, with
    /// that person.
    public mutating func add(_ record: PersonRecord) throws(StoreError) {
        do {
            let id: Int64
            metOnDay = nil
            switch try match(record) {
            case .none:
                let id = try insert(record.person)
                noteTaken(record, id)
                summary.peopleAdded += 1
                add(record.interactions, of: record, to: id)
                return
            case .ambiguous(let name, let count):
                summary.noteUnmatched(
                    file: record.file, line: record.line,
                    reason: Self.ambiguity(name, count) + "; the record was left out")
                return
            case .person(let found):
                id = found
                noteTaken(record, id)
            }
            var existing = try Store.fetchPerson(id, db).record
            let before = existing
            existing.roles.formUnion(record.person.roles)
            existing.tags.formUnion(record.person.tags)
            // A number another card of theirs wrote another way (`+1-903-555-0142`) is the one they have.
            for point in record.person.contactPoints
            where !existing.contactPoints.contains(where: { $0.isSame(as: point) }) {
                existing.contactPoints.append(point)
            }
            if existing.organisation == nil { existing.organisation = record.person.organisation }
            if existing.title == nil { existing.title = record.person.title }
            if existing.closeness == nil { existing.closeness = record.person.closeness }
            if existing.recruiterKind == nil { existing.recruiterKind = record.person.recruiterKind }
            if existing.birthday == nil { existing.birthday = record.person.birthday }
            if existing.workAnniversary == nil { existing.workAnniversary = record.person.workAnniversary }
            if existing.knownSince == nil { existing.knownSince = record.person.knownSince }
            if existing == before {
                summary.peopleUnchanged += 1
            } else {
                try Store.replaceDetails(of: existing, db)
                index(existing, id: id)
                touch(id)
                summary.peopleUpdated += 1
            }
            if let met = metOnDay, met.id == id {
                let new = record.interactions.filter { !heldOnDay($0, met.events) }
                summary.interactionsExisting += record.interactions.count - new.count
                add(new, of: record, to: id)
            } else {
                add(record.interactions, of: record, to: id)
            }
        } catch {
            throw StoreError.wrap(error)
        }
    }

    /// Adds an interaction to the person it matches, unless it is already stored.
    public mutating func add(_ record: InteractionRecord) throws(StoreError) {
        try add([record])
    }

    /// Notes that `record`, of a file that lists everyone once, became person `id`: no other record of the
    /// file is merged into them by name.
    private mutating func noteTaken(_ record: PersonRecord, _ id: Int64) {
        if record.distinctInFile { takenInFile[record.file, default: []].insert(id) }
    }

    /// Adds a person record's own interactions to the person `id` it became or was merged into: with the next
    /// interactions, or at the end (``ownInteractions``).
    private mutating func add(_ interactions: [Interaction], of record: PersonRecord, to id: Int64) {
        noteDays(of: interactions, to: id)
        for i in interactions {
            ownInteractions.append(
                InteractionRecord(interaction: i, keys: [.id(id)], file: record.file, line: record.line))
        }
    }

    /// Adds the person records' own interactions kept so far.
    private mutating func addOwnInteractions() throws(StoreError) {
        guard !ownInteractions.isEmpty else { return }
        let own = ownInteractions
        ownInteractions = []
        try addInOrder(own)
    }

    /// Adds interactions as ``add(_:)-(InteractionRecord)`` does, in order. While the unique index is
    /// dropped, each run of 64 looks its digests up in memory together first: the set of a million digests
    /// is 32 MB, a cache miss for nearly every row, and loads that do not wait for one another overlap
    /// (`ties import csv` of a million rows, `perf`: 4.5 % of the samples in the set's insertions before,
    /// 2 % in them and these loads after).
    public mutating func add(_ records: [InteractionRecord]) throws(StoreError) {
        try addOwnInteractions()
        try addInOrder(records)
    }

    private mutating func addInOrder(_ records: [InteractionRecord]) throws(StoreError) {
        guard insertedSourceKeys != nil else {
            for i in records.indices { try add(records, at: i, digest: nil) }
            return
        }
        var keys: [FNV1a128?] = []
        keys.reserveCapacity(64)
        for start in stride(from: 0, to: records.count, by: 64) {
            let run = start..<min(start + 64, records.count)
            keys.removeAll(keepingCapacity: true)
            for i in run { keys.append(Self.digest(of: records[i].interaction)) }
            insertedSourceKeys?.prefetch(keys)
            for i in run { try add(records, at: i, digest: keys[i - start]) }
        }
    }

    /// ``add(_:)-(InteractionRecord)`` of `records[i]`, with the digest of its source id when the unique index
    /// is dropped (else computed here, for the key). The record is read in place, field by field: a record
    /// passed on its own was copied whole before each call that changes the importer (its strings and arrays
    /// retained, then released: 2.5 % of the samples of a million-row `ties import csv`, `perf`).
    private mutating func add(_ records: [InteractionRecord], at i: Int, digest: FNV1a128?) throws(StoreError) {
        do {
            guard let personID = try person(of: records, at: i) else { return }
            // Without the unique index, the digest is added first (one probe, not a look-up and then an
            // insertion) and taken out again when the row is not stored after all (its id is taken).
            if let digest, insertedSourceKeys?.insert(digest) == false {
                summary.interactionsExisting += 1
                return
            }
            var key: Int64?
            if let sourceID = records[i].interaction.sourceID {
                let source = records[i].interaction.source
                // A collided row (stored without its key) has no key for the index to find: practically never.
                if sourceKeys.collidedID(source: source, sourceID: sourceID) != nil {
                    summary.interactionsExisting += 1
                    return
                }
                key = sourceKeys.key(
                    of: digest ?? SourceKey.digest(source: source, sourceID: sourceID), source: source,
                    sourceID: sourceID)
            }
            if pending != nil {
                try hold(records[i].interaction, person: personID, key: key)
                return
            }
            guard let rowID = try insert(records[i].interaction, person: personID, key: key) else {
                if let digest { insertedSourceKeys?.remove(digest) }
                summary.interactionsExisting += 1
                return
            }
            try noteInserted(
                records[i].interaction, noted: records[i].interaction.note?.isEmpty == false, person: personID,
                rowID: rowID)
        } catch {
            throw StoreError.wrap(error)
        }
    }

    /// Counts a row just inserted (its id), or found already present (nil), and keeps what the end of the
    /// import needs of a new one: `noted` says whether it has a note to index; of `i`, only what scoring
    /// reads is read.
    mutating func noteInserted(_ i: Interaction, noted: Bool, person personID: Int64, rowID: Int64?) throws {
        guard let rowID else {
            summary.interactionsExisting += 1
            return
        }
        summary.interactionsAdded += 1
        if let last = insertedRuns.last, last.upperBound < Int64.max, last.upperBound + 1 == rowID {
            insertedRuns[insertedRuns.count - 1] = last.lowerBound...rowID
        } else {
            insertedRuns.append(rowID...rowID)
        }
        if dropIndexesOnInsert {
            dropIndexesOnInsert = false
            droppedIndexes = try Self.dropIndexes(db, unique: false, partial: false)
        }
        if rowID <= lastOldID { newRowsAfterOld = false }
        if searchTrigger != nil, noted { self.noted.append(rowID) }
        columns.append(
            person: personID, day: mapper.day(of: i), weight: context.configuration.weight(of: i),
            direction: i.direction, isContact: i.kind.isContact)
        touch(personID)
    }

    /// Adds `id` to ``touched``.
    private mutating func touch(_ id: Int64) {
        if id >= 0 && id < 1 << 22 {
            let word = Int(id >> 6)
            let bit = UInt64(1) << UInt64(id & 63)
            if word >= touchedBits.count {
                touchedBits.append(contentsOf: repeatElement(0, count: word + 1 - touchedBits.count))
            }
            if touchedBits[word] & bit != 0 { return }
            touchedBits[word] |= bit
        }
        touched.insert(id)
    }

    /// Inserts `i` for `person` with `key`; returns the new row's id, or nil when the row is already present.
    /// When the insert changed nothing and the unique index is there, the key's holder says why: a row with
    /// the same source and source id (already present), none (the id was taken: already present, as always),
    /// or a row with other texts — a collision: the row goes in without a key, unless a collided row has its
    /// texts already (``SourceKeys/placement(source:sourceID:key:)``).
    mutating func insert(_ i: Interaction, person: Int64, key: Int64?) throws -> Int64? {
        try Store.bind(i, person: person, sourceKey: key, to: insertStatement)
        // GRDB's lastInsertedRowID checks its queue first: 1 % of an import.
        if sqlite3_changes(db.sqliteConnection) > 0 { return sqlite3_last_insert_rowid(db.sqliteConnection) }
        guard let key, let sourceID = i.sourceID, insertedSourceKeys == nil,
            try sourceKeys.placement(source: i.source, sourceID: sourceID, key: key) == .collided
        else { return nil }
        try Store.bind(i, person: person, sourceKey: nil, to: insertStatement)
        guard sqlite3_changes(db.sqliteConnection) > 0 else { return nil }
        let rowID = sqlite3_last_insert_rowid(db.sqliteConnection)
        sourceKeys.noteCollided(rowID, source: i.source, sourceID: sourceID)
        return rowID
    }

    /// Runs `body` as an attempt: when it returns false, what it added is taken back — its rows (a savepoint)
    /// and the importer's own state — as if it had not run. Returns what `body` returned.
    public mutating func tentatively(_ body: (inout StoreImporter) throws(StoreError) -> Bool) throws(StoreError)
        -> Bool
    {
        let before = self
        var kept = false
        do {
            try db.inSavepoint {
                kept = try body(&self)
                return kept ? .commit : .rollback
            }
        } catch {
            throw StoreError.wrap(error)
        }
        if !kept { self = before }
        return kept
    }

    /// Whether `i` is already stored (same source and source id, or same id), or held to be.
    mutating func isStored(_ i: Interaction) throws -> Bool {
        if let insertedSourceKeys, let digest = Self.digest(of: i) {
            return insertedSourceKeys.contains(digest)  // the table was empty: every row with a source id is there
        }
        if pending?.holds(i, keys: sourceKeys) == true { return true }
        if let sourceID = i.sourceID { return try sourceKeys.storedID(source: i.source, sourceID: sourceID) != nil }
        guard let id = i.id else { return false }
        return try Bool.fetchOne(db, sql: "SELECT 1 FROM interaction WHERE id = ?", arguments: [id]) != nil
    }

    /// The digest that stands for `i`'s source and source id in ``insertedSourceKeys``, and that its key is
    /// folded from; nil without a source id.
    private static func digest(of i: Interaction) -> FNV1a128? {
        i.sourceID.map { SourceKey.digest(source: i.source, sourceID: $0) }
    }

    /// Indexes the new notes for search and creates the dropped trigger and indexes again; rebuilds the states
    /// of everyone touched.
    mutating func finish() throws {
        try addOwnInteractions()
        try insertHeld()
        if let searchTrigger {
            let index = try db.makeStatement(
                sql: "INSERT INTO search_index (rowid, text) SELECT id * 8 + 4, note FROM interaction WHERE id = ?")
            for id in noted { try index.execute(arguments: [id]) }
            try db.execute(sql: searchTrigger)
        }
        // Building an index reads the table once and writes the index once: it needs little page cache. For a
        // large import, a smaller cache lets the pages the load left there go as the sort needs memory (with
        // 16 MiB, a million messages peaked at 260-272 MB instead of 274-289 MB, Benchmarks/README.md), and
        // SQLite's sorter sorts runs of the cache's size on two threads of its own, the other core being idle
        // after the load: a million messages' index on person and time, in the `sqlite3` shell, 0.43-0.54 s
        // in memory on one thread, 0.30-0.31 s so (`Benchmarks/index-sort.sh`). Its runs then go to temporary
        // files: while temp_store is MEMORY, which the load keeps for statement journals, the sorter uses no
        // thread. Not for the other imports: `import csv` of a million rows spilled its pages sooner with the
        // smaller cache and took 0.1-0.2 s longer. `importing` sets the three back.
        let states = try computingStates()
        if large && !droppedIndexes.isEmpty {
            try db.execute(sql: "PRAGMA cache_size = -8192; PRAGMA threads = 2")
            // SQLite refuses it inside a transaction while the connection has a temporary table (a large import
            // opens none): the sort then stays in memory, on one thread, as before.
            try? db.execute(sql: "PRAGMA temp_store = FILE")
        }
        for sql in droppedIndexes {
            do {
                try db.execute(sql: sql)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT && insertedSourceKeys != nil
            {
                // Two different sources and ids of this import share a key, which their 128-bit digests told
                // apart (about 3 × 10^-8 among a million rows): the later row gives the key up, and the index
                // is built again.
                try SourceKeys.assignAll(db)
                try db.execute(sql: sql)
            }
        }
        try rebuildStates(states)
    }
}
