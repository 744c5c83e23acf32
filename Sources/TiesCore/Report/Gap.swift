/// Something missing or slipping in the network, with who is involved and what to do.
public struct Gap: Sendable, Equatable {
    /// How much it matters; reports list the most severe first.
    public enum Severity: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
        case low = 1
        case medium, high

        public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
        public var description: String { ["low", "medium", "high"][rawValue - 1] }
    }

    /// A stable code, for scripts.
    public var code: GapCode
    public var severity: Severity
    /// One line.
    public var title: String
    /// The people involved, most important first.
    public var people: [Person.ID]
    /// What to do about it.
    public var advice: GapAdvice

}
