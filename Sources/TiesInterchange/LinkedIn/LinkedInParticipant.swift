import Foundation
import TiesCore

/// Someone named in a LinkedIn message: their name as shown, and their profile URL when the export has it.
public struct LinkedInParticipant: Sendable, Equatable, Hashable {
    /// The name as LinkedIn shows it, single-spaced (``ImportSupport/singleSpaced(_:)``): `Ravi  Patnala` in
    /// messages.csv is the `Ravi Patnala` of Connections.csv.
    public var name: String {
        didSet {
            hashKey = Self.hashKey(name, profileURL, writtenName)
            number = nil
        }
    }
    /// The profile URL, normalised, when known.
    public var profileURL: String? {
        didSet {
            hashKey = Self.hashKey(name, profileURL, writtenName)
            number = nil
        }
    }
    /// The participant's number among those one reading of a messages file names (``LinkedInMessages``'
    /// readers number them 0, 1, 2... as they first meet them): equal participants of one reading have one
    /// number, so that a caller can keep what it makes of each participant in an array by it rather than in a
    /// dictionary that hashes and compares the participant's text for every message. Nil for a participant
    /// made otherwise, or changed since. Not part of equality: two readings number alike participants apart.
    public internal(set) var number: Int32?
    /// The name as the file writes it, runs of spaces kept: what a message's stored id is made of, as it was
    /// before names were single-spaced, so that importing a file again adds nothing.
    @usableFromInline let writtenName: String
    /// A hash of the three, made with the participant: a reader of a million messages finds each message's
    /// participants in dictionaries (the records' keys and person, made once per participant), and hashing
    /// their ~70 bytes of text with `Hasher` on every lookup was ~2 % of the reading thread (`perf`).
    @usableFromInline var hashKey: UInt64

    /// Whether the participant has a name or a profile URL: a row whose sender has neither is left out, and so
    /// is a message with no other participant that has one.
    var isNamed: Bool { !name.isEmpty || profileURL != nil }

    /// Creates a participant.
    public init(name: String, profileURL: String? = nil) {
        self.name = ImportSupport.singleSpaced(name)
        self.profileURL = profileURL
        writtenName = name
        hashKey = Self.hashKey(self.name, profileURL, name)
    }

    private static func hashKey(_ name: String, _ profileURL: String?, _ writtenName: String) -> UInt64 {
        TextHash.hash(writtenName, into: TextHash.hash(profileURL, into: TextHash.hash(name, into: TextHash.seed)))
    }

    @inlinable
    public static func == (a: LinkedInParticipant, b: LinkedInParticipant) -> Bool {
        a.hashKey == b.hashKey && a.profileURL == b.profileURL && a.name == b.name && a.writtenName == b.writtenName
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(hashKey)
    }
}
