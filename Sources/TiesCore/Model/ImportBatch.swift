import Foundation

/// How an imported record names the person it belongs to. The first key that matches someone wins.
public enum PersonKey: Hashable, Sendable {
    case id(Person.ID)
    /// An email address (compared without case).
    case email(String)
    /// A profile URL (LinkedIn or other), compared without case and trailing slash.
    case url(String)
    /// An exact name (compared without case).
    case name(String)
}

/// A person read from a file, to add or to merge into the person they match.
public struct PersonRecord: Sendable {
    /// The person; `id` is the id to keep when it is free (CSV round trips), or nil.
    public var person: Person
    public var file: String
    public var line: Int
    /// The file lists each person once, as LinkedIn's `Connections.csv` and an address book do: another record
    /// of the same file that bears the same name is someone else, never merged into this one by name (an
    /// export without profile URLs has such rows: 7 names in a real one of 5,351 connections; an Android
    /// address book, two cards `Noel` with two numbers).
    public var distinctInFile: Bool
    /// What the same row says happened with this person (a connection's date): it goes to the person the
    /// record becomes or is merged into, whoever else bears the name, and a re-import finds the person by it.
    public var interactions: [Interaction]

    public init(
        person: Person, file: String, line: Int, distinctInFile: Bool = false, interactions: [Interaction] = []
    ) {
        self.person = person
        self.file = file
        self.line = line
        self.distinctInFile = distinctInFile
        self.interactions = interactions
    }
}

/// An interaction read from a file, with the keys of its person.
public struct InteractionRecord: Sendable {
    /// The interaction; its `personID` is set on import. Its `id` is kept when free (CSV round trips).
    public var interaction: Interaction
    public var keys: [PersonKey]
    /// Who to create when no key matches and the import may create people.
    public var newPerson: Person? {
        get { newPersonBox?.person }
        set { newPersonBox = newValue.map(NewPerson.init) }
    }
    /// ``newPerson``, held by reference: a record is copied and freed whole as it goes from the reading
    /// thread to the store, and a `Person` copied by value is a retain and a release of each of its fields
    /// (a million LinkedIn messages, each with the person to create: `perf`). Records of one participant
    /// share one.
    private var newPersonBox: NewPerson?
    public var file: String
    public var line: Int
    /// A number that the records of one participant share, with their keys and person to create, when their
    /// reader gives one (``ParticipantNumber``); -1 otherwise. The importer remembers whom a number's keys
    /// identified, and finds the person of that participant's next records by it instead of looking their
    /// keys up again: a million LinkedIn messages name a few thousand people.
    public var participant: Int32 = -1

    public init(interaction: Interaction, keys: [PersonKey], newPerson: Person? = nil, file: String, line: Int) {
        self.init(
            interaction: interaction, keys: keys, newPerson: newPerson.map(NewPerson.init), file: file, line: line)
    }

    /// A record whose person to create is shared with other records.
    public init(interaction: Interaction, keys: [PersonKey], newPerson: NewPerson?, file: String, line: Int) {
        self.interaction = interaction
        self.keys = keys
        newPersonBox = newPerson
        self.file = file
        self.line = line
    }
}

/// The numbers of ``InteractionRecord/participant``: unique in the process, so that the records of two
/// readers in one import never share one. A reader takes one for each distinct participant it meets.
public enum ParticipantNumber {
    nonisolated(unsafe) private static var last: Int32 = -1
    private static let lock = NSLock()

    /// A number no record has had; -1 once they run out (such records are matched by their keys).
    public static func next() -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        guard last < Int32.max else { return -1 }
        last += 1
        return last
    }
}

/// The person an ``InteractionRecord`` creates when no one matches, shared by reference.
public final class NewPerson: Sendable {
    public let person: Person

    public init(_ person: Person) {
        self.person = person
    }
}

/// What an import did (or, for a dry run, would do).
public struct ImportSummary: Sendable, Equatable {
    public var peopleAdded = 0
    public var peopleUpdated = 0
    public var peopleUnchanged = 0
    public var interactionsAdded = 0
    /// Interactions already in the store (same source and source id, or same id): re-imports change nothing.
    public var interactionsExisting = 0
    /// Records left out because their person matched no one (or a name several people bear), grouped by the
    /// reason, which names the keys no one has: for each, where it was first met and how many records gave
    /// it, in the order first met (``noteUnmatched(file:line:reason:)``). A million messages with people no
    /// one has are as many entries as people: one for each record held 309 MB at the peak, over the 300 MB
    /// of a million-row import.
    public private(set) var unmatched: [UnmatchedRecords] = []
    /// How many records ``unmatched`` stands for.
    public private(set) var unmatchedCount = 0
    /// Where each reason is in ``unmatched``.
    private var unmatchedIndex: [String: Int] = [:]
    /// How many of the ``unmatchedCount`` records name a person the importer could have created (it was told
    /// not to).
    public var unmatchedCreatable = 0
    /// Roles inferred from the titles of the people added or updated (``RoleClassifier``), awaiting review.
    public var rolesInferred = 0

    public init() {}

    public static func == (a: ImportSummary, b: ImportSummary) -> Bool {
        a.peopleAdded == b.peopleAdded && a.peopleUpdated == b.peopleUpdated && a.peopleUnchanged == b.peopleUnchanged
            && a.interactionsAdded == b.interactionsAdded && a.interactionsExisting == b.interactionsExisting
            && a.unmatchedCreatable == b.unmatchedCreatable && a.unmatched == b.unmatched
    }

    /// Counts a record left out because its person is unknown: under its reason, first met at `file`:`line`
    /// unless an earlier record gave the same reason.
    public mutating func noteUnmatched(file: String, line: Int, reason: String) {
        unmatchedCount += 1
        if let k = unmatchedIndex[reason] {
            unmatched[k].count += 1
        } else {
            unmatchedIndex[reason] = unmatched.count
            unmatched.append(UnmatchedRecords(file: file, line: line, reason: reason, count: 1))
        }
    }
}

/// Records an import left out for one reason: their person is unknown (``ImportSummary/unmatched``).
public struct UnmatchedRecords: Sendable, Equatable {
    /// The file and line of the first record left out for this reason.
    public var file: String
    public var line: Int
    /// Why: the keys no one has, or a name that several people bear.
    public var reason: String
    /// How many records were left out for it.
    public var count: Int
}
