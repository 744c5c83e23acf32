import Foundation
import GRDB
import TiesCore

/// A contact point of the dropped person's, and what the merge did with it.
struct ContactPointMove: Codable, Equatable {
    /// The row as it was.
    var row: SQLRow
    /// When the kept person had the same point (the same email in any case, the same phone number in any
    /// format, else the same value): the kept row's value, which stays ...
    var sharedValue: String?
    /// ... that row's `verified_at` before the merge ...
    var sharedVerifiedBefore: SQLValue?
    /// ... and after it (the later of the two). Nil when the row itself moved.
    var sharedVerifiedAfter: SQLValue?
}

/// A tie of the dropped person's, and what the merge did with it.
struct TieMove: Codable, Equatable {
    enum Outcome: String, Codable { case moved, combined, removed }
    /// The tie as it was.
    var row: SQLRow
    /// The person at its other end.
    var other: Int64
    var outcome: Outcome
    /// For `combined`: the kept person's tie with `other` before the merge.
    var keptBefore: SQLRow?
    /// For `moved` and `combined`: the kept person's tie with `other` as the merge left it.
    var keptAfter: SQLRow?
}

/// Everything needed to undo one merge exactly: the `snapshot` column of `merge_log`, as JSON.
struct MergeSnapshot: Codable, Equatable {
    /// The layout of this record; a later version that changes it reads older ones by this number.
    var format = 1
    /// The kept person's row before the merge.
    var kept: SQLRow
    /// The kept person's columns the merge filled, with the values it set.
    var keptChanges: [String: SQLValue] = [:]
    /// The dropped person's row.
    var dropped: SQLRow
    /// The dropped person's `person_role` rows, and the roles the kept person gained.
    var roles: [SQLRow] = []
    var rolesAdded: [String] = []
    /// The dropped person's `person_tag` rows, and the tags the kept person gained.
    var tags: [SQLRow] = []
    var tagsAdded: [String] = []
    /// The dropped person's `person_alias` rows, and the aliases the kept person gained (nil in records
    /// written before aliases existed).
    var aliases: [SQLRow]?
    var aliasesAdded: [String]?
    /// The dropped person's `snooze` row, if any (nil in records written before snoozes existed).
    var snoozes: [SQLRow]?
    var contactPoints: [ContactPointMove] = []
    /// Ids of the rows re-pointed to the kept person, by table (`interaction`, `commitment`, `disclosure`).
    var moved: [String: [Int64]] = [:]
    var ties: [TieMove] = []
    /// The dropped person's `score_snapshot` rows.
    var scoreSnapshots: [SQLRow] = []
    /// The dropped person's `role_inference` rows (nil in records written before they existed).
    var roleInferences: [SQLRow]?
    /// The `person_distinct` rows naming the dropped person (nil in records written before they existed).
    var distinctPairs: [SQLRow]?
    /// The scoring fingerprint the states below were built with.
    var stateFingerprint: String?
    var keptStateBefore: SQLRow?
    var droppedState: SQLRow?
    /// The kept person's state as the merge rebuilt it.
    var keptStateAfter: SQLRow?

    init(kept: SQLRow, dropped: SQLRow) {
        self.kept = kept
        self.dropped = dropped
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    static func decode(_ json: String, id: Int64) throws -> MergeSnapshot {
        let snapshot: MergeSnapshot
        do {
            snapshot = try JSONDecoder().decode(MergeSnapshot.self, from: Data(json.utf8))
        } catch {
            throw StoreError.unreadableMergeRecord(id, reason: "\(error)")
        }
        guard snapshot.format == 1 else {
            throw StoreError.unreadableMergeRecord(id, reason: "newer format", newerFormat: snapshot.format)
        }
        return snapshot
    }

    func summary(id: Int64, mergedAt: Int64) -> MergeSummary {
        MergeSummary(
            id: id, mergedAt: Date(timeIntervalSince1970: TimeInterval(mergedAt)),
            keptID: kept.integer("id"), keptName: kept.text("name"),
            droppedID: dropped.integer("id"), droppedName: dropped.text("name"),
            interactions: moved["interaction"]?.count ?? 0, commitments: moved["commitment"]?.count ?? 0,
            disclosures: moved["disclosure"]?.count ?? 0,
            contactPointsMoved: contactPoints.filter { $0.sharedValue == nil }.count,
            contactPointsShared: contactPoints.filter { $0.sharedValue != nil }.count,
            tiesMoved: ties.filter { $0.outcome == .moved }.count,
            tiesCombined: ties.filter { $0.outcome == .combined }.count,
            selfTieRemoved: ties.contains { $0.outcome == .removed },
            rolesAdded: rolesAdded.compactMap(Role.init).sorted(), tagsAdded: tagsAdded.sorted(),
            filled: MergeRows.fillable.filter { keptChanges[$0.column] != nil }.map(\.label))
    }
}
