import Foundation
import TiesCore

/// One row of LinkedIn's `Invitations.csv`: an invitation to connect, sent or received.
public struct LinkedInInvitation: Sendable, Equatable {
    /// The line of the row in the file.
    public var line: Int
    /// The other person: the invitee of an invitation the user sent, the inviter of one received.
    public var other: LinkedInParticipant
    /// `OUTGOING` is outbound, `INCOMING` inbound.
    public var direction: Direction
    /// `Sent At`.
    public var sentAt: Date
    /// A stable id for re-imports: `direction|the other's URL or name|Sent At as written`.
    public var sourceID: String
}
