import Foundation

/// What a career-journal entry records.
public enum JournalKind: String, CaseIterable, Sendable, Codable {
    /// A job: organisation, title, start day and (once it ends) end day.
    case employment
    /// A performance evaluation.
    case review
    /// A salary change; ``JournalEntry/amount`` holds the new salary or the raise.
    case salary
    /// A result, quantified where possible (``JournalEntry/amount``: "cut readmissions by 18" → 18).
    case accomplishment
    /// Notes from a counselling or mentoring session with a boss or mentor.
    case counselling
    /// Anything else worth remembering.
    case note
}

/// One dated entry of the user's career journal: the record that rebuilds a lost resume and sharpens the
/// story told to an employer.
public struct JournalEntry: Sendable, Equatable {
    /// The store's row id.
    public typealias ID = Int64
    /// The store's id; nil until stored.
    public var id: ID?
    /// What the entry records.
    public var kind: JournalKind
    /// What happened, in the user's words.
    public var text: String
    /// When it happened; for employment, the first day.
    public var day: Day
    /// For employment: the last day; nil while it lasts.
    public var endDay: Day?
    /// The employer, or the organisation the entry is about.
    public var organisation: String?
    /// A job title (employment) or a short title for the entry.
    public var title: String?
    /// A number that goes with the entry: a salary, a raise, the size of a result.
    public var amount: Double?
    /// Free-form labels; listings show them sorted.
    public var tags: Set<String>

    /// An entry; `endDay` is meant for employment.
    public init(
        id: ID? = nil, kind: JournalKind, text: String, day: Day, endDay: Day? = nil, organisation: String? = nil,
        title: String? = nil, amount: Double? = nil, tags: Set<String> = []
    ) {
        self.id = id
        self.kind = kind
        self.text = text
        self.day = day
        self.endDay = endDay
        self.organisation = organisation
        self.title = title
        self.amount = amount
        self.tags = tags
    }

    /// Whether `day` falls within this entry's span: from ``day`` to ``endDay`` (open-ended without one).
    public func covers(_ day: Day) -> Bool {
        self.day <= day && endDay.map { day <= $0 } ?? true
    }

    /// Newest first: later day, then larger id. The order of every journal listing and export.
    public static func newestFirst(_ a: JournalEntry, _ b: JournalEntry) -> Bool {
        a.day != b.day ? a.day > b.day : (a.id ?? .min) > (b.id ?? .min)
    }
}

/// A career journal arranged as a resume: positions with their highlights, and awards.
///
/// The mapping (used by the JSON Resume export):
/// - each **employment** entry is a position, newest start first;
/// - each **accomplishment** becomes a highlight of the position it belongs to: one that covers its day
///   and, when the accomplishment names an organisation, is at that organisation (case-insensitive); if
///   several do, the most recently started wins. Highlights are in date order;
/// - accomplishments that belong to no position are **awards**, newest first;
/// - reviews, salary, counselling and note entries stay private: they are not part of a resume (a review's
///   "skills to develop" is not an award).
///
/// ```swift
/// let history = CareerHistory(entries: store.journalEntries())
/// history.positions.first?.highlights.map(\.text)
/// ```
public struct CareerHistory: Sendable, Equatable {
    /// A job and the results achieved in it.
    public struct Position: Sendable, Equatable {
        /// The employment entry.
        public var employment: JournalEntry
        /// Accomplishments in this job, oldest first.
        public var highlights: [JournalEntry]

        /// A job with the given highlights.
        public init(employment: JournalEntry, highlights: [JournalEntry] = []) {
            self.employment = employment
            self.highlights = highlights
        }
    }

    /// Jobs, newest start first.
    public var positions: [Position]
    /// Accomplishments that belong to no position, newest first.
    public var awards: [JournalEntry]

    /// Arranges `entries` as described above.
    /// - Complexity: O(*p* · *a* + *n* log *n*) for *p* positions, *a* accomplishments and *n* entries.
    public init(entries: [JournalEntry]) {
        let sorted = entries.sorted(by: JournalEntry.newestFirst)
        positions = sorted.filter { $0.kind == .employment }.map { Position(employment: $0) }
        var awards: [JournalEntry] = []
        for entry in sorted.reversed() where entry.kind == .accomplishment {
            let organisation = entry.organisation.map(Self.key)
            if let i = positions.firstIndex(where: { position in
                position.employment.covers(entry.day)
                    && (organisation == nil || organisation == position.employment.organisation.map(Self.key))
            }) {
                positions[i].highlights.append(entry)
            } else {
                awards.append(entry)
            }
        }
        self.awards = awards.sorted(by: JournalEntry.newestFirst)
    }

    private static func key(_ organisation: String) -> String {
        organisation.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
