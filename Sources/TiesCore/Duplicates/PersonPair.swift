/// Two different people, smaller id first: the form in which "these are not the same person" is recorded
/// (`ties person distinct`) and looked up.
public struct PersonPair: Sendable, Hashable, Comparable {
    /// The smaller id.
    public let first: Person.ID
    /// The larger id.
    public let second: Person.ID

    /// The pair of `x` and `y`, in either order.
    public init(_ x: Person.ID, _ y: Person.ID) {
        first = min(x, y)
        second = max(x, y)
    }

    public static func < (a: PersonPair, b: PersonPair) -> Bool {
        (a.first, a.second) < (b.first, b.second)
    }
}
