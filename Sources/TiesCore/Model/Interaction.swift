import Foundation

/// The kind of an interaction; it decides the interaction's weight (see ``ScoringConfiguration``).
public enum InteractionKind: String, CaseIterable, Sendable, Codable {
    case meeting, call, video, email, message, event, intro, referral, favour, reaction
    /// Became connected on a professional network (a LinkedIn connection).
    case connected
}

/// Who started an interaction, from the user's point of view.
public enum Direction: String, CaseIterable, Sendable, Codable {
    /// They reached out to the user.
    case inbound = "in"
    /// The user reached out to them.
    case outbound = "out"
    /// Both took part (a meeting, a two-way thread).
    case mutual
}

/// One recorded contact between the user and a person.
public struct Interaction: Sendable, Equatable, Codable {
    public typealias ID = Int64
    public var id: ID?
    public var personID: Person.ID
    /// When it happened; the user's time zone decides which day that is — unless ``dateOnly``.
    public var occurredAt: Date
    /// Whether only a date was given: then ``occurredAt`` is noon UTC of that date and the record is that
    /// day in every time zone (see ``DateOnly``).
    public var dateOnly: Bool
    public var kind: InteractionKind
    public var direction: Direction
    /// For inbound interactions: whether the user answered. Outbound and mutual ones are answered.
    public var answered: Bool
    /// How many people took part; a group message weighs 1/sqrt(n).
    public var groupSize: Int
    public var note: String?
    /// Where it came from: `manual`, or the importer's name.
    public var source: String
    /// A stable id within `source`, so that re-imports never duplicate (nil for manual entries).
    public var sourceID: String?

    public init(
        id: ID? = nil, personID: Person.ID, occurredAt: Date, kind: InteractionKind,
        direction: Direction = .mutual, answered: Bool = true, groupSize: Int = 1,
        note: String? = nil, source: String = "manual", sourceID: String? = nil, dateOnly: Bool = false
    ) {
        self.id = id
        self.personID = personID
        self.occurredAt = occurredAt
        self.kind = kind
        self.direction = direction
        self.answered = answered
        self.groupSize = groupSize
        self.note = note
        self.source = source
        self.sourceID = sourceID
        self.dateOnly = dateOnly
    }
}
