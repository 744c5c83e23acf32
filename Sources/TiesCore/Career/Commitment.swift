import Foundation

/// Something promised: by the user ("send Dana the article", "offer to help with her search") or by the
/// other person ("Dana will send the job description").
///
/// A commitment is kept when it is marked done; logging an interaction with the person does not close it.
/// Unkept promises of the user's are gaps: the recruiter's advice is to offer help and then follow up.
///
/// ```swift
/// let offer = Commitment(personID: 1, text: "Intro to the CFO at Mercy", owner: .me,
///                        createdAt: now, due: Day(year: 2026, month: 6, day: 30))
/// offer.isOverdue(asOf: Day(year: 2026, month: 7, day: 1)!)   // true
/// ```
public struct Commitment: Sendable, Equatable {
    /// Who made the promise.
    public enum Owner: String, CaseIterable, Sendable, Codable {
        /// The user promised it.
        case me
        /// The other person promised it.
        case them
    }

    /// The store's row id.
    public typealias ID = Int64
    /// The store's id; nil until stored.
    public var id: ID?
    /// The person the promise was made to (owner `.me`) or by (owner `.them`).
    public var personID: Person.ID
    /// What was promised.
    public var text: String
    /// Who made the promise: the user (`.me`) or the person (`.them`).
    public var owner: Owner
    /// When the promise was made.
    public var createdAt: Date
    /// The last day on which keeping it is on time; nil for "some time".
    public var due: Day?
    /// When it was kept; nil while open.
    public var doneAt: Date?

    /// A promise; it is open unless `doneAt` is given.
    public init(
        id: ID? = nil, personID: Person.ID, text: String, owner: Owner = .me, createdAt: Date,
        due: Day? = nil, doneAt: Date? = nil
    ) {
        self.id = id
        self.personID = personID
        self.text = text
        self.owner = owner
        self.createdAt = createdAt
        self.due = due
        self.doneAt = doneAt
    }

    /// Whether the promise had been made and not yet kept at `instant`.
    ///
    /// A commitment made after `instant` did not exist yet, so it is not open; one marked done after
    /// `instant` was still open then. This makes past reports reproducible.
    public func isOpen(asOf instant: Date) -> Bool {
        guard createdAt <= instant else { return false }
        guard let doneAt else { return true }
        return doneAt > instant
    }

    /// Whether the promise is not done and its due day is before `day`.
    ///
    /// A commitment is due *on* its due day, so it becomes overdue the day after. Without a due day it is
    /// never overdue. This overload only knows the day, not the time zone, so it treats any commitment with
    /// a done date as kept; use ``isOverdue(asOf:timeZone:)`` to ask about a past moment exactly.
    public func isOverdue(asOf day: Day) -> Bool {
        guard doneAt == nil, let due else { return false }
        return due < day
    }

    /// Whether the promise was open at `instant` and its due day is before the day `instant` falls on in
    /// `timeZone`.
    public func isOverdue(asOf instant: Date, timeZone: TimeZone) -> Bool {
        guard isOpen(asOf: instant), let due else { return false }
        var mapper = DayMapper(timeZone: timeZone)
        return due < mapper.day(for: instant)
    }
}
