import Foundation
import TiesCore

/// A recommendation or endorsements from LinkedIn's export: a favour, received or given.
public struct LinkedInFavour: Sendable, Equatable {
    /// The line of the (first) row in the file.
    public var line: Int
    /// Who gave the favour (received) or received it (given).
    public var other: LinkedInParticipant
    /// Their company and title, when the file says (recommendations).
    public var organisation: String?
    public var title: String?
    /// Inbound when the user received it, outbound when the user gave it.
    public var direction: Direction
    /// When it was written.
    public var occurredAt: Date
    /// What it was: `recommendation`, or `endorsement: Skill, Skill`.
    public var note: String
    /// A stable id for re-imports.
    public var sourceID: String
    /// How many rows of the file this favour stands for: one, or for endorsements, one per skill the person
    /// endorsed that day. What a listing counts as rows read, so that they add up to the file's rows.
    public var rows: Int = 1
}
