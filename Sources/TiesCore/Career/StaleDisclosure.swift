/// A person holding an out-of-date copy of something of the user's: the gap behind `ties notify`.
public struct StaleDisclosure: Sendable, Equatable {
    /// Who holds the out-of-date copy.
    public var personID: Person.ID
    /// What is out of date.
    public var kind: DisclosureKind
    /// What they hold: the old email, phone or address, or the resume version label.
    public var held: String
    /// What is current: the current value, or the latest resume version label.
    public var current: String
    /// The day their copy went out of date: when the current detail took effect, or when the latest
    /// resume version was first given to anyone.
    public var since: Day

    /// A stale copy, as ``Disclosures/stale(disclosures:details:asOf:)`` reports it.
    public init(personID: Person.ID, kind: DisclosureKind, held: String, current: String, since: Day) {
        self.personID = personID
        self.kind = kind
        self.held = held
        self.current = current
        self.since = since
    }
}
