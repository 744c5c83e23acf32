/// Something missing or slipping in the network, with who is involved and what to do.
public struct Gap: Sendable, Equatable {
    /// How much it matters; reports list the most severe first.
    public enum Severity: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
        case low = 1
        case medium, high

        public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
        public var description: String { ["low", "medium", "high"][rawValue - 1] }
    }

    /// A stable code, for scripts: see ``Gap/codes``.
    public var code: String
    public var severity: Severity
    /// One line.
    public var title: String
    /// The people involved, most important first.
    public var people: [Person.ID]
    /// What to do about it.
    public var action: String

    /// Every code a gap can have, with its meaning (the README and the JSON schema list them too).
    public static let codes: [(code: String, meaning: String)] = [
        ("recruiter-coverage", "fewer than 3 active recruiters, or all of them at one firm"),
        ("stale-disclosure", "someone holds an old email, phone, address or resume of yours"),
        ("unanswered-inbound", "someone reached out and has no answer (high for a recruiter)"),
        ("commitment-overdue", "a promise past its due date"),
        ("commitment-open", "a promise not yet kept, not yet due"),
        ("cooling-strong-tie", "a strong relationship whose silence is longer than its rhythm"),
        ("cold-bridge", "a bridge between parts of your network gone cold in the last year"),
        ("role-gap", "no active mentor (or sponsor)"),
        ("concentration", "one organisation dominates the network, or everyone knows everyone"),
        ("journal-stale", "nothing in the career journal this quarter"),
        ("contact-unverified", "contact details not verified in a year"),
    ]
}
