import Foundation
import GRDB
import TiesCore

/// The stored weekly health: a cache, in `network_snapshot`, of the health index the weekly report computes
/// for a day from the records, so that a report need not recompute eleven past weeks every time. The records
/// are the truth; a stored week is only ever what the records give. This type is the whole of it; nothing
/// else writes `network_snapshot` or its basis.
///
/// **What the basis covers.** A week's health depends on nearly every record — the interactions up to the
/// week's end, but also people's roles, organisations and archiving, ties, promises, disclosures, the journal
/// and the user's own details, which are undated and count for past weeks too — and on every scoring
/// constant. The basis (``basis(context:_:)``), stored with the weeks under the `setting` key ``basisKey``,
/// names all of it:
/// - the records: the change log's high-water mark, `max(change_row.seq)`. Every write the store makes runs
///   inside a recorded change in the same transaction (``ChangeLog``) and change rows are never deleted, so
///   any write of a record — a logged or imported interaction, an edit, a removal, a merge, an undo — moves
///   the mark, and nothing else does (storing the weeks records nothing). A write made outside Ties (the
///   `sqlite3` shell) is not seen, as it is not by the change log;
/// - the schema: the number of applied migrations, since a migration may change records without a change;
/// - the scoring context: the time zone and every setting (``ScoringConfiguration/settings``, defaults
///   included, so a new default in a new version counts), as a digest;
/// - the model: ``modelVersion``, changed with any change to how strength or health is computed.
///
/// Why this key and not a digest of the records up to each week's end: health is not a function of dated
/// records alone (a role or an organisation recorded today applies to every past week), and a digest would
/// read every record on every report. The mark costs one indexed lookup and errs on the safe side: after any
/// write every stored week is stale and is recomputed, which costs one scan of the interactions — what a store
/// with no stored weeks costs.
///
/// **When weeks are computed and stored.**
/// - A read never writes. ``Store/healthSnapshots(_:context:)`` returns stored weeks only under the current
///   basis; `ties report` computes the others in memory from the records.
/// - `ties report`'s post-output step stores what it computed (``Store/saveHealthSnapshots(_:basis:)``) in one
///   transaction: under a new basis every stored week is dropped first, so no row of an older basis survives;
///   when the records changed between the report's read and this step (the basis it read is no longer
///   current), nothing is stored.
/// - No day before the first recorded contact has a health value, so none is ever stored.
enum HealthCache {
    /// The `setting` key under which the basis of the stored weeks is kept (a `state.` key: not recorded as a
    /// change, like the state fingerprint).
    static let basisKey = "state.health.basis"

    /// The version of the health model. Change it with any change to how strength, status or health are
    /// computed, so that weeks stored by an older Ties are recomputed.
    /// "2": strength normalised by at least the reference relationship; no health before the first contact.
    /// "3": "Self-employed", "Freelance" and the like are no firm (``SelfEmployment``): breadth and the
    /// recruiters' firms in coverage.
    /// "4": "Confidential", "Stealth Startup" and the like are no firm either.
    static let modelVersion = "4"

    /// What stored weeks computed now would be computed from (see the type's documentation).
    static func basis(context: ScoringContext, _ db: Database) throws -> String {
        let mark = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM change_row") ?? 0
        let migrations =
            try db.tableExists("grdb_migrations")
            ? try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") ?? 0 : 0
        let settings = context.configuration.settings.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
        return "model \(modelVersion); records \(mark); schema \(migrations); zone \(context.timeZone.identifier); "
            + "settings \(FNV1a64.hex(settings))"
    }

    /// The basis the stored weeks were computed from; nil when none were ever stored.
    static func storedBasis(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [basisKey])
    }

    /// The stored health of each of `days` that has a week stored under `basis`.
    static func fetch(_ days: [Day], basis: String, _ db: Database) throws -> [Day: Double] {
        guard !days.isEmpty, try storedBasis(db) == basis else { return [:] }
        var found: [Day: Double] = [:]
        let byText = Dictionary(uniqueKeysWithValues: Set(days).map { ($0.description, $0) })
        let rows = try Row.fetchAll(
            db,
            sql:
                "SELECT day, health FROM network_snapshot WHERE day IN (\(days.map { _ in "?" }.joined(separator: ",")))",
            arguments: StatementArguments(days.map(\.description)))
        for row in rows { if let day = byText[row[0]] { found[day] = row[1] } }
        return found
    }

    /// Stores `weeks`, computed under `basis`, unless the records changed since (see the type's documentation).
    /// - Returns: whether they were stored.
    static func save(_ weeks: [Day: HealthIndex], basis: String, context: ScoringContext, _ db: Database) throws
        -> Bool
    {
        guard !weeks.isEmpty, try self.basis(context: context, db) == basis else { return false }
        if try storedBasis(db) != basis {
            try db.execute(sql: "DELETE FROM network_snapshot")
            try db.execute(
                sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [basisKey, basis])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for (day, health) in weeks.sorted(by: { $0.key < $1.key }) {
            let json = String(decoding: (try? encoder.encode(health.components)) ?? Data("[]".utf8), as: UTF8.self)
            try db.execute(
                sql: "INSERT OR REPLACE INTO network_snapshot (day, health, components) VALUES (?, ?, ?)",
                arguments: [day.description, health.value, json])
        }
        return true
    }
}
