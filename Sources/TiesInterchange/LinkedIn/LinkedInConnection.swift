import Foundation
import TiesCore

/// One row of LinkedIn's `Connections.csv`: a first-degree connection.
public struct LinkedInConnection: Sendable, Equatable {
    /// The line of the row in the file.
    public var line: Int
    /// `First Name` and `Last Name` joined with a space (either may be empty, not both).
    public var name: String
    /// The profile URL, normalised (see ``LinkedInConnections``), when the row has one.
    public var profileURL: String?
    /// The email address, when the connection lets their connections see it (most do not).
    public var email: String?
    /// `Company`.
    public var organisation: String?
    /// `Position`.
    public var title: String?
    /// `Connected On`, when the row has a date.
    public var connectedOn: Day?
    /// A stable id for re-imports: the normalised profile URL, or `name|YYYY-MM-DD` when there is none —
    /// `name|YYYY-MM-DD|2`, `|3`... for the second, third row of a file alike in both (an export's rows are
    /// as many connections; a real one of 2021 with its names replaced by one, `geekypandamscit/
    /// linkedin-analysis`, had 41 rows of one name and day).
    public var sourceID: String

    /// Creates a connection record.
    public init(
        line: Int, name: String, profileURL: String? = nil, email: String? = nil, organisation: String? = nil,
        title: String? = nil, connectedOn: Day? = nil, sourceID: String
    ) {
        self.line = line
        self.name = name
        self.profileURL = profileURL
        self.email = email
        self.organisation = organisation
        self.title = title
        self.connectedOn = connectedOn
        self.sourceID = sourceID
    }

    /// The LinkedIn profile (kind `.linkedin`) and the email (kind `.email`), in that order, when present.
    public var contactPoints: [ContactPoint] {
        var points: [ContactPoint] = []
        if let profileURL { points.append(ContactPoint(kind: .linkedin, value: profileURL)) }
        if let email { points.append(ContactPoint(kind: .email, value: email)) }
        return points
    }

    /// The connection as a new ``Person`` (no id, no roles).
    public var person: Person {
        Person(name: name, organisation: organisation, title: title, contactPoints: contactPoints)
    }
}
