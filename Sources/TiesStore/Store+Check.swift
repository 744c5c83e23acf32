import Foundation
import GRDB
import TiesCore

/// What ``Store/check(context:)`` found.
public struct StoreCheck: Equatable, Sendable {
    /// Everything that is wrong, one sentence each; empty when the store is sound.
    public var problems: [String] = []
    /// How many stored relationship states were compared with a full recomputation (nil: not compared,
    /// because they were built for another configuration or time zone; the next write rebuilds them).
    public var statesCompared: Int?
    public var ok: Bool { problems.isEmpty }
}

extension Store {
    /// Checks the store: SQLite's integrity and foreign-key checks, every interaction's source key against its
    /// source and source id (``sourceKeyProblems(_:)``), then every stored relationship state against a
    /// recomputation from the whole interaction history. Reads only.
    /// - Complexity: O(size of the file) for the integrity check, O(interactions) for the keys and the states.
    public func check(context: ScoringContext) throws(StoreError) -> StoreCheck {
        try read { db in
            var result = StoreCheck()
            result.problems = try Self.integrityProblems(db) + Self.sourceKeyProblems(db)
            let fingerprint = try StateCache.storedFingerprint(db)
            let hasStates = try Int.fetchOne(db, sql: "SELECT count(*) FROM relationship_state") ?? 0 > 0
            guard fingerprint == context.fingerprint || (fingerprint == nil && !hasStates) else { return result }
            let differences = try Self.stateDifferences(context: context, db)
            result.statesCompared = differences.compared
            result.problems += differences.problems
            return result
        }
    }

    /// Interactions whose `source_key` is not what ``SourceKeys`` gives them: the key of their source and
    /// source id; none without a source id; none for a collided row, whose key a row with other texts holds.
    /// Nothing to check in a store opened read-only before the migration that made the keys.
    static func sourceKeyProblems(_ db: Database) throws -> [String] {
        guard try db.columns(in: "interaction").contains(where: { $0.name == "source_key" }) else { return [] }
        let keys = try SourceKeys(db)
        var problems: [String] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, source, source_id, source_key FROM interaction ORDER BY id")
        while let row = try rows.next() {
            let (id, source, stored): (Int64, String, Int64?) = (row[0], row[1], row[3])
            guard let sourceID = row[2] as String? else {
                if let stored { problems.append("interaction #\(id): source key \(stored), but no source id") }
                continue
            }
            let expected = keys.key(source: source, sourceID: sourceID)
            if let stored {
                if stored != expected {
                    problems.append(
                        "interaction #\(id): source key \(stored), but its source and source id give \(expected)")
                }
                continue
            }
            switch try keys.holder(of: expected, source: source, sourceID: sourceID) {
            case .other: break  // a collided row
            case .none: problems.append("interaction #\(id): no source key, but its key \(expected) is free")
            case .same(let twin):
                problems.append("interaction #\(id): no source key, and #\(twin) has the same source and source id")
            }
        }
        return problems
    }

    /// Stored states that differ from the recomputed ones, by person, and how many were compared.
    static func stateDifferences(context: ScoringContext, _ db: Database) throws -> (
        compared: Int, problems: [String]
    ) {
        var stored: [Int64: RelationshipState] = [:]
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(StateCache.columns) FROM relationship_state")
        while let row = try cursor.next() {
            let (id, state) = StateCache.state(from: row)
            stored[id] = state
        }
        let fresh = try StateCache.computeAll(
            of: try StateCache.readColumns(upTo: nil, context: context, db), context: context, db)
        var expected: [Int64: RelationshipState] = [:]
        for (id, state) in fresh { expected[id] = state }
        var problems: [String] = []
        for id in Set(stored.keys).union(expected.keys).sorted() {
            switch (stored[id], expected[id]) {
            case (nil, _?): problems.append("person #\(id): no stored relationship state, but there is history")
            case (_?, nil): problems.append("person #\(id): a stored relationship state, but no history")
            case (let s?, let e?):
                if let field = differingField(s, e) {
                    problems.append("person #\(id): the stored relationship state differs from the history (\(field))")
                }
            default: break
            }
        }
        return (Set(stored.keys).union(expected.keys).count, problems)
    }

    /// The first field in which two states differ beyond rounding, with both values.
    static func differingField(_ a: RelationshipState, _ b: RelationshipState) -> String? {
        func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= 1e-9 * max(1, abs(x), abs(y)) }
        let exact: [(String, Int, Int)] = [
            ("first day", a.firstDay.ordinal, b.firstDay.ordinal), ("last day", a.lastDay.ordinal, b.lastDay.ordinal),
            ("episodes", a.episodes, b.episodes), ("outbound", a.outbound, b.outbound),
            ("inbound", a.inbound, b.inbound),
        ]
        for (name, x, y) in exact where x != y { return "\(name): stored \(x), recomputed \(y)" }
        let real: [(String, Double, Double)] = [
            ("last weight", a.lastWeight, b.lastWeight), ("strength sum", a.strengthSum, b.strengthSum),
            ("activity sum", a.activitySum, b.activitySum),
            ("strength half-life", a.strengthHalfLife, b.strengthHalfLife),
            ("activity half-life", a.activityHalfLife, b.activityHalfLife),
        ]
        for (name, x, y) in real where !close(x, y) { return "\(name): stored \(x), recomputed \(y)" }
        return nil
    }
}
