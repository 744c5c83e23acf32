import Foundation
import TiesCore

/// One message from LinkedIn's `messages.csv`, seen from the user's side.
public struct LinkedInMessage: Sendable, Equatable {
    /// The line where the row starts.
    public var line: Int
    /// `CONVERSATION ID`.
    public var conversationID: String
    /// `CONVERSATION TITLE`, when not empty.
    public var conversationTitle: String?
    /// `FROM` and `SENDER PROFILE URL`.
    public var from: LinkedInParticipant
    /// `TO` and `RECIPIENT PROFILE URLS`, in the order written.
    public var to: [LinkedInParticipant]
    /// `DATE`, an instant (LinkedIn writes UTC).
    public var occurredAt: Date
    /// Outbound when the user sent it, inbound otherwise.
    public var direction: Direction
    /// The people the interaction is with: the recipients other than the user for an outbound message,
    /// the sender for an inbound one.
    public var counterparts: [LinkedInParticipant]
    /// How many people besides the user took part: the number of recipients (at least 1). For a message
    /// the user sent, those are the others; for one the user received, the sender plus the other
    /// recipients — the same count.
    public var groupSize: Int
    /// For an inbound message: whether the user sent a message later in the same conversation.
    /// Outbound messages are answered.
    public var answered: Bool
    /// `SUBJECT`, when not empty.
    public var subject: String?
    /// `FOLDER`, when present (INBOX, SENT, ...).
    public var folder: String?
    /// A stable id for re-imports: `conversation id|date as written|sender` (the sender's profile URL, or
    /// name as written when there is none); in the 2018 layout, `sender's name>TO as written|date as written`. Made
    /// from its pieces when asked: the store keeps a digest of it (``LinkedInMessages/storedSourceID(of:with:)``),
    /// which is made from the pieces without the ~120-byte string.
    public var sourceID: String {
        switch form {
        case .current: "\(conversationID)|\(dateText)|\(from.profileURL ?? from.writtenName)"
        case .old(let to): "\(from.writtenName)>\(to)|\(dateText)"
        }
    }
    /// `DATE` as written.
    let dateText: String
    /// Which of the two forms ``sourceID`` has.
    let form: SourceIDForm

    enum SourceIDForm: Sendable, Equatable {
        case current
        /// The 2018 layout, with `TO` as written.
        case old(to: String)
    }

    /// Creates a message record.
    init(
        line: Int, conversationID: String, conversationTitle: String? = nil, from: LinkedInParticipant,
        to: [LinkedInParticipant], occurredAt: Date, direction: Direction, counterparts: [LinkedInParticipant],
        groupSize: Int, answered: Bool, subject: String? = nil, folder: String? = nil, dateText: String,
        form: SourceIDForm
    ) {
        self.line = line
        self.conversationID = conversationID
        self.conversationTitle = conversationTitle
        self.from = from
        self.to = to
        self.occurredAt = occurredAt
        self.direction = direction
        self.counterparts = counterparts
        self.groupSize = groupSize
        self.answered = answered
        self.subject = subject
        self.folder = folder
        self.dateText = dateText
        self.form = form
    }

    /// Folds the bytes of ``sourceID`` into `digest`, piece by piece.
    func combineSourceID(into digest: inout FNV1a128) {
        switch form {
        case .current:
            digest.combine(conversationID)
            digest.combine("|")
            digest.combine(dateText)
            digest.combine("|")
            digest.combine(from.profileURL ?? from.writtenName)
        case .old(let to):
            digest.combine(from.writtenName)
            digest.combine(">")
            digest.combine(to)
            digest.combine("|")
            digest.combine(dateText)
        }
    }
}
