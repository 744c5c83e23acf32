import Foundation
import TiesCore

/// Who the user is in a LinkedIn export: any of these names or profile URLs.
public struct LinkedInIdentity: Sendable, Equatable {
    /// Names as LinkedIn shows them (compared trimmed, single-spaced and case-insensitively: `--me` copied
    /// from a file that writes `Atim  Joyce Sandra` is the participant `Atim Joyce Sandra`).
    public var names: [String]
    /// Profile URLs (compared after normalisation).
    public var profileURLs: [String] {
        didSet { urlKeys = Set(profileURLs.map { ProfileURL.key($0) }) }
    }
    /// ``profileURLs`` as compared (``ProfileURL/key(_:)``), computed once.
    private var urlKeys: Set<String>

    /// Creates an identity.
    public init(names: [String] = [], profileURLs: [String] = []) {
        self.names = names
        self.profileURLs = profileURLs
        urlKeys = Set(profileURLs.map { ProfileURL.key($0) })
    }

    /// Whether neither a name nor a URL is given.
    public var isEmpty: Bool { names.isEmpty && profileURLs.isEmpty }

    /// Whether `participant` is the user: by profile URL when both sides have URLs (then names are not
    /// compared, as two people can share a name), otherwise by name.
    public func matches(_ participant: LinkedInParticipant) -> Bool {
        if let url = participant.profileURL, !urlKeys.isEmpty {
            return urlKeys.contains(ProfileURL.key(ofNormalised: url))
        }
        let name = ImportSupport.singleSpaced(participant.name.trimmedWhitespace()).lowercased()
        return !name.isEmpty
            && names.contains { ImportSupport.singleSpaced($0.trimmedWhitespace()).lowercased() == name }
    }
}
