import Foundation
import TiesCore

/// What one merge of two people did: who was kept, who was merged into them, and what moved.
///
/// Returned by ``Store/merge(keep:drop:context:at:)`` and ``Store/unmerge(_:context:)``, and listed by
/// ``Store/merges()``.
public struct MergeSummary: Sendable, Equatable {
    /// The merge log's id.
    public typealias ID = Int64

    /// The entry's id in the merge log.
    public var id: ID
    /// When the merge was made.
    public var mergedAt: Date
    /// The person who was kept.
    public var keptID: Person.ID
    /// The kept person's name at the time of the merge.
    public var keptName: String
    /// The person merged into the kept one (deleted by the merge, restored by an unmerge).
    public var droppedID: Person.ID
    /// The dropped person's name.
    public var droppedName: String
    /// Interactions moved to the kept person.
    public var interactions: Int
    /// Commitments moved to the kept person.
    public var commitments: Int
    /// Disclosures moved to the kept person.
    public var disclosures: Int
    /// Contact points moved to the kept person.
    public var contactPointsMoved: Int
    /// Contact points the kept person already had (the same email in any case, the same phone in any format,
    /// else the same value); the kept person's spelling stays, with the later verification date.
    public var contactPointsShared: Int
    /// Ties moved to the kept person.
    public var tiesMoved: Int
    /// Ties to someone the kept person was tied to already, combined into one with the larger weight.
    public var tiesCombined: Int
    /// Whether the two were tied to each other (that tie is removed: nobody is tied to themselves).
    public var selfTieRemoved: Bool
    /// Roles the kept person gained, in the canonical order.
    public var rolesAdded: [Role]
    /// Tags the kept person gained, sorted.
    public var tagsAdded: [String]
    /// The kept person's empty fields filled from the dropped one: `organisation`, `title`, `closeness`,
    /// `recruiter kind`.
    public var filled: [String]
}
