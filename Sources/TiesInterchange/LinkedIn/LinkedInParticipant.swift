import Foundation
import TiesCore

/// Someone named in a LinkedIn message: their name as shown, and their profile URL when the export has it.
public struct LinkedInParticipant: Sendable, Equatable, Hashable {
    /// The name as LinkedIn shows it, single-spaced (``ImportSupport/singleSpaced(_:)``): `Ravi  Patnala` in
    /// messages.csv is the `Ravi Patnala` of Connections.csv.
    public var name: String
    /// The profile URL, normalised, when known.
    public var profileURL: String?
    /// The name as the file writes it, runs of spaces kept: what a message's stored id is made of, as it was
    /// before names were single-spaced, so that importing a file again adds nothing.
    let writtenName: String

    /// Creates a participant.
    public init(name: String, profileURL: String? = nil) {
        self.name = ImportSupport.singleSpaced(name)
        self.profileURL = profileURL
        writtenName = name
    }
}
