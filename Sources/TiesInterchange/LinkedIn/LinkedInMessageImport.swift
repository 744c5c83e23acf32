import Foundation
import TiesCore

/// What ``LinkedInMessages/read(_:me:)`` found: the messages, and who it took the user to be.
public struct LinkedInMessageImport: Sendable {
    /// The messages in file order, with problems and skipped rows.
    public var result: ImportResult<LinkedInMessage>
    /// The identity used to decide directions.
    public var me: LinkedInIdentity
    /// True when ``me`` was not given but inferred as the most frequent sender.
    public var meWasInferred: Bool
    /// How many messages were read (whether collected or handed to a caller one by one).
    public var count = 0
}
