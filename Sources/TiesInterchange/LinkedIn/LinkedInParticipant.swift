import Foundation
import TiesCore

/// Someone named in a LinkedIn message: their name as shown, and their profile URL when the export has it.
public struct LinkedInParticipant: Sendable, Equatable, Hashable {
    /// The name as LinkedIn shows it.
    public var name: String
    /// The profile URL, normalised, when known.
    public var profileURL: String?

    /// Creates a participant; runs of spaces in `name` become one (``ImportSupport/singleSpaced(_:)``), so
    /// that `Ravi  Patnala` in messages.csv is the `Ravi Patnala` of Connections.csv.
    public init(name: String, profileURL: String? = nil) {
        self.name = ImportSupport.singleSpaced(name)
        self.profileURL = profileURL
    }
}
