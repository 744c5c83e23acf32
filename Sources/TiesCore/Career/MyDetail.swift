import Foundation

/// A kind of contact detail of the user's own, kept with its history (`ties me set`).
public enum MyDetailKind: String, CaseIterable, Sendable, Codable {
    /// The user's name, as it should appear on a contact card and under an email.
    case name
    /// An email address.
    case email
    /// A phone number, as the user writes it.
    case phone
    /// A postal address, free text (several lines allowed).
    case address
    /// A LinkedIn profile URL or handle.
    case linkedin
    /// The field the user works in (healthcare, finance, technology, ...): `ties next` proposes the
    /// recruiters in it to warm up first.
    case field
    /// The user's professional headline (as on LinkedIn); the field is read from it when not set.
    case headline
    /// The industry the user's LinkedIn profile names (`Hospital & Health Care`); the field is read from it
    /// too when not set.
    case industry
}

/// One version of one of the user's contact details: a value, and the day from which it holds.
///
/// Details are never overwritten: a new email is a new row with a later ``since``. The current value of a
/// kind on a day is the row of that kind with the latest ``since`` on or before the day (ties broken by the
/// larger id, the one recorded last); see ``current(of:in:asOf:)``.
public struct MyDetail: Sendable, Equatable {
    /// The store's row id.
    public typealias ID = Int64
    /// The store's id; nil until stored.
    public var id: ID?
    /// Which detail this is a version of.
    public var kind: MyDetailKind
    /// The detail itself: the address, the number, the name.
    public var value: String
    /// The first day this value holds.
    public var since: Day

    /// A version of a detail, holding from `since`.
    public init(id: ID? = nil, kind: MyDetailKind, value: String, since: Day) {
        self.id = id
        self.kind = kind
        self.value = value
        self.since = since
    }

    /// The detail of `kind` current on `day`: the latest ``since`` on or before `day`, then the larger id.
    ///
    /// - Complexity: O(*n*) in the number of details.
    public static func current(of kind: MyDetailKind, in details: [MyDetail], asOf day: Day) -> MyDetail? {
        details.filter { $0.kind == kind && $0.since <= day }.max { a, b in
            a.since != b.since ? a.since < b.since : (a.id ?? .min) < (b.id ?? .min)
        }
    }
}
