import Foundation

/// Someone in the user's network (an *alter*).
public struct Person: Sendable, Equatable, Codable {
    public typealias ID = Int64
    public var id: ID?
    public var name: String
    public var roles: Set<Role>
    /// Set when ``roles`` contains ``Role/recruiter``.
    public var recruiterKind: RecruiterKind?
    public var organisation: String?
    public var title: String?
    /// How close the user says they are, 1 (acquaintance) to 5 (inner circle).
    public var closeness: Int?
    public var tags: Set<String>
    public var archived: Bool
    public var contactPoints: [ContactPoint]
    /// Since when the user says they have known the person (`person edit --known-since`); nil: since the
    /// first recorded contact. The tenure factor uses it when it is earlier than the first contact.
    public var knownSince: Day?
    /// Their birthday, with or without the year.
    public var birthday: YearlyDate?
    /// Their work anniversary (when they started where they work, or any yearly date that matters at work).
    public var workAnniversary: YearlyDate?

    public init(
        id: ID? = nil, name: String, roles: Set<Role> = [], recruiterKind: RecruiterKind? = nil,
        organisation: String? = nil, title: String? = nil, closeness: Int? = nil,
        tags: Set<String> = [], archived: Bool = false, contactPoints: [ContactPoint] = [],
        knownSince: Day? = nil, birthday: YearlyDate? = nil, workAnniversary: YearlyDate? = nil
    ) {
        self.id = id
        self.name = name
        self.roles = roles
        self.recruiterKind = recruiterKind
        self.organisation = organisation
        self.title = title
        self.closeness = closeness
        self.tags = tags
        self.archived = archived
        self.contactPoints = contactPoints
        self.knownSince = knownSince
        self.birthday = birthday
        self.workAnniversary = workAnniversary
    }

    /// The roles in their canonical order.
    public var sortedRoles: [Role] { roles.sorted() }
}

/// A way to reach a person, with when the user last checked it still works.
public struct ContactPoint: Sendable, Equatable, Hashable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case email, phone, url, linkedin
    }
    public var kind: Kind
    public var value: String
    public var verifiedAt: Date?

    public init(kind: Kind, value: String, verifiedAt: Date? = nil) {
        self.kind = kind
        self.value = value
        self.verifiedAt = verifiedAt
    }
}

extension ContactPoint {
    /// Whether `other` is this email or phone number written another way: the same kind, and the same
    /// ``MatchKey/email(_:)`` or ``MatchKey/phone(_:)`` (`(903) 555-0142`, `+1 903-555-0142` and
    /// `+1-903-555-0142` are one number), else the same text but for case.
    public func isSame(as other: ContactPoint) -> Bool {
        guard kind == other.kind else { return false }
        let keys: (String?, String?) =
            switch kind {
            case .email: (MatchKey.email(value), MatchKey.email(other.value))
            case .phone: (MatchKey.phone(value), MatchKey.phone(other.value))
            case .url, .linkedin: (nil, nil)
            }
        if let mine = keys.0, let theirs = keys.1 { return mine == theirs }
        return value.lowercased() == other.value.lowercased()
    }
}

/// An organisation: an employer, a search firm, a professional association.
public struct Organisation: Sendable, Equatable, Codable {
    public typealias ID = Int64
    public var id: ID?
    public var name: String
    public var kind: OrganisationKind

    public init(id: ID? = nil, name: String, kind: OrganisationKind = .other) {
        self.id = id
        self.name = name
        self.kind = kind
    }
}

/// An alter–alter edge: two people in the user's network who know each other.
public struct Tie: Sendable, Equatable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// They work or worked at the same organisation.
        case colleague
        /// The user introduced them, or one introduced the user to the other.
        case introduced
        /// They know each other some other way.
        case knows
    }
    /// The smaller of the two person ids.
    public var a: Person.ID
    /// The larger of the two person ids.
    public var b: Person.ID
    public var kind: Kind
    /// How strong the tie is, in (0, 1]; 1 by default.
    public var weight: Double

    /// Creates a tie; the two ids are stored in ascending order, so a tie has one form.
    public init(_ x: Person.ID, _ y: Person.ID, kind: Kind = .knows, weight: Double = 1) {
        a = min(x, y)
        b = max(x, y)
        self.kind = kind
        self.weight = weight
    }
}
