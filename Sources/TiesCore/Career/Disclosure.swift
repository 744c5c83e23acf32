import Foundation

/// What of the user's a person can hold.
public enum DisclosureKind: String, CaseIterable, Sendable, Codable {
    /// A resume, identified by a version label the user chooses ("2026-spring", "v3").
    case resume
    /// The user's email address.
    case email
    /// The user's phone number.
    case phone
    /// The user's postal address.
    case address

    /// The kind of the user's own detail a disclosure of this kind copies; nil for a resume.
    public var detailKind: MyDetailKind? {
        switch self {
        case .resume: return nil
        case .email: return .email
        case .phone: return .phone
        case .address: return .address
        }
    }
}

/// A record that a person holds something of the user's — a resume version, or the email, phone or address
/// current on the day it was given to them.
public struct Disclosure: Sendable, Equatable {
    /// The store's row id.
    public typealias ID = Int64
    /// The store's id; nil until stored.
    public var id: ID?
    /// Who holds it.
    public var personID: Person.ID
    /// What they hold.
    public var kind: DisclosureKind
    /// For a resume: its version label. Nil for contact details.
    public var version: String?
    /// For a contact detail: the ``MyDetail`` row that was current when it was given. Nil for a resume.
    public var myDetailID: MyDetail.ID?
    /// The day it was given.
    public var day: Day

    /// A disclosure; the store fills in ``myDetailID`` for contact details (`Store.addDisclosure(personID:kind:version:on:)`).
    public init(
        id: ID? = nil, personID: Person.ID, kind: DisclosureKind, version: String? = nil,
        myDetailID: MyDetail.ID? = nil, day: Day
    ) {
        self.id = id
        self.personID = personID
        self.kind = kind
        self.version = version
        self.myDetailID = myDetailID
        self.day = day
    }
}
