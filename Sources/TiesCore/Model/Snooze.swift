/// A person the user has put aside until a day: left out of "who next" and of the gaps until then
/// (`ties snooze PERSON --for 3w`).
///
/// A snooze is in effect on the days from ``since`` (the day it was made) up to, not including, ``until``:
/// on ``until`` the person is back. A report or a ranking as of a day before the snooze was made does not
/// see it, so the same records and `--as-of` give the same answer whenever they are asked.
public struct Snooze: Sendable, Equatable {
    public var personID: Person.ID
    /// The day the snooze was made (the command's `--as-of`).
    public var since: Day
    /// The first day the person is back.
    public var until: Day

    public init(personID: Person.ID, since: Day, until: Day) {
        self.personID = personID
        self.since = since
        self.until = until
    }

    /// Whether the person is snoozed on `day`.
    public func isInEffect(on day: Day) -> Bool { since <= day && day < until }
}

extension Array where Element == Snooze {
    /// The people snoozed on `day`, with the day each is back.
    public func inEffect(on day: Day) -> [Person.ID: Day] {
        var out: [Person.ID: Day] = [:]
        for snooze in self where snooze.isInEffect(on: day) {
            out[snooze.personID] = Swift.max(out[snooze.personID] ?? snooze.until, snooze.until)
        }
        return out
    }
}
