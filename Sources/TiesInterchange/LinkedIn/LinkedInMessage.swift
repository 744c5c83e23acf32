import Foundation
import TiesCore

/// One message from LinkedIn's `messages.csv`, seen from the user's side.
public struct LinkedInMessage: Sendable, Equatable {
    /// The line where the row starts.
    public var line: Int
    /// `CONVERSATION ID`.
    public var conversationID: String {
        didSet { idDigest = Self.idDigest(conversationID: conversationID, dateText: dateText, from: from, form: form) }
    }
    /// `CONVERSATION TITLE`, when not empty.
    public var conversationTitle: String?
    /// `FROM` and `SENDER PROFILE URL`.
    public var from: LinkedInParticipant {
        didSet { idDigest = Self.idDigest(conversationID: conversationID, dateText: dateText, from: from, form: form) }
    }
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
    /// name as written when there is none); in the 2018 layout, `sender's name>TO as written|date as written`;
    /// then `|2`, `|3`... for the second and later messages of a conversation alike in all that (``ordinal``).
    /// Made from its pieces when asked: the store keeps a digest of it
    /// (``LinkedInMessages/storedSourceID(of:with:)``), which is made from the pieces without the ~120-byte string.
    public var sourceID: String {
        let suffix = ordinal > 1 ? "|\(ordinal)" : ""
        switch form {
        case .current: return "\(conversationID)|\(dateText)|\(from.profileURL ?? from.writtenName)\(suffix)"
        case .old(let to): return "\(from.writtenName)>\(to)|\(dateText)\(suffix)"
        }
    }
    /// The message's place, in file order, among the messages of its conversation that its sender wrote at the
    /// same `DATE` as written: 1 for the first (and for every message that shares its id with no other), 2 for
    /// the next... Two messages one second apart are written so (the same minute in the 2018 layout): a real
    /// export of 3,593 messages holds 2 such pairs (Femi10/Linkedin-Data-Visualization). See ``MessageOrdinals``.
    public internal(set) var ordinal = 1
    /// `DATE` as written.
    let dateText: String
    /// Which of the two forms ``sourceID`` has.
    let form: SourceIDForm
    /// In the current form, the digest of ``sourceID`` without its ordinal (`conversation id|date|sender`),
    /// made with the message: the store's id of each of its interactions goes on from it
    /// (``LinkedInMessages/storedSourceID(of:with:)``), and a reader that made the digest of `conversation id|`
    /// once for a conversation's messages (``MessageConversations``) hashes a message's date and sender only:
    /// hashing the ~60-byte id again for every interaction was ~2 % of the reading thread (`perf`, a million
    /// messages). Nil in the 2018 form.
    private(set) var idDigest: FNV1a128?

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
        form: SourceIDForm, conversationDigest: FNV1a128? = nil
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
        idDigest = Self.idDigest(
            conversationID: conversationID, dateText: dateText, from: from, form: form, conversation: conversationDigest
        )
    }

    /// ``idDigest`` of a message; `conversation` is the digest of `conversationID|`, when known.
    static func idDigest(
        conversationID: String, dateText: String, from: LinkedInParticipant, form: SourceIDForm,
        conversation: FNV1a128? = nil
    ) -> FNV1a128? {
        guard case .current = form else { return nil }
        var digest: FNV1a128
        if let conversation {
            digest = conversation
        } else {
            digest = FNV1a128()
            digest.combine(conversationID)
            digest.combine("|")
        }
        digest.combine(dateText)
        digest.combine("|")
        digest.combine(from.profileURL ?? from.writtenName)
        return digest
    }

    /// The digest of ``sourceID``'s bytes.
    func sourceIDDigest() -> FNV1a128 {
        guard var digest = idDigest else {
            var digest = FNV1a128()
            combineSourceID(into: &digest)
            return digest
        }
        if ordinal > 1 {
            digest.combine("|")
            digest.combine(String(ordinal))
        }
        return digest
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
        if ordinal > 1 {
            digest.combine("|")
            digest.combine(String(ordinal))
        }
    }
}

/// Numbers the messages of one conversation that share an id (``LinkedInMessage/ordinal``), in file order.
/// Messages of different conversations never share one (the conversation is part of it), so a reader keeps one
/// of these for the conversation being read; the rows of a conversation come together in every real export.
///
/// Two messages of one id were written in one second (one `DATE` as written), and most seconds of a
/// conversation hold one message: the ids' texts are hashed only at a second that holds two. Hashing every
/// message's date and sender cost 2 % of a million-message import, on the reading thread (`perf`).
struct MessageOrdinals {
    /// What, besides the conversation, makes a message's id: its `DATE` as written, its sender, and in the 2018
    /// layout its `TO` as written. In the current layout, the digest the message was made with
    /// (``LinkedInMessage/idDigest``, of the conversation, date and sender): keeping each message's date and
    /// sender instead was a retain and a release of each string per message (`perf`), and two messages of one
    /// conversation have one digest when they have one date and sender (or when 128-bit FNV-1a digests
    /// collide, and then the store, which keeps the digest, could not tell their ids apart either).
    private enum Key: Hashable {
        case digest(high: UInt64, low: UInt64)
        case text(date: String, sender: String, to: String?)
    }

    /// The id of the last message read at each second of the conversation: in a list while the conversation
    /// has read at most ``listed`` seconds, then in `lastAtMap`. Most conversations hold a few messages; hashing
    /// each message's second, and emptying a dictionary (whose kept storage is as large as the longest
    /// conversation's) for each of a million-row file's 333,334 conversations, was 3 % of the reading thread
    /// (`perf`).
    private var lastAtList: [(second: Int64, key: Key)] = []
    private var lastAtMap: [Int64: Key] = [:]
    private var mapped = false
    static let listed = 16
    /// How many messages of each id were read, for the ids read at a second that holds two messages or more.
    private var seen: [Key: Int] = [:]

    /// Forgets the conversation read, for the next (its storage kept: a million messages hold a few hundred
    /// thousand conversations).
    mutating func reset() {
        lastAtList.removeAll(keepingCapacity: true)
        if mapped {
            lastAtMap.removeAll(keepingCapacity: true)
            mapped = false
        }
        if !seen.isEmpty { seen.removeAll(keepingCapacity: true) }
    }

    /// Makes `key` the last id read at `second`; returns the one before, if any.
    private mutating func updateLast(_ key: Key, at second: Int64) -> Key? {
        if mapped { return lastAtMap.updateValue(key, forKey: second) }
        if let k = lastAtList.firstIndex(where: { $0.second == second }) {
            let before = lastAtList[k].key
            lastAtList[k].key = key
            return before
        }
        if lastAtList.count < Self.listed {
            lastAtList.append((second, key))
            return nil
        }
        for entry in lastAtList { lastAtMap[entry.second] = entry.key }
        lastAtList.removeAll(keepingCapacity: true)
        mapped = true
        return lastAtMap.updateValue(key, forKey: second)
    }

    /// Gives the message of `outcome`, if it is one, its ordinal.
    mutating func number(_ outcome: inout MessageBuilder.Outcome) {
        guard case .message(var message) = outcome else { return }
        if number(&message) { outcome = .message(message) }
    }

    /// Gives `message` its ordinal; true when that is not 1.
    @discardableResult
    mutating func number(_ message: inout LinkedInMessage) -> Bool {
        let key: Key
        switch message.form {
        case .current:
            if let digest = message.idDigest {
                key = .digest(high: digest.high, low: digest.low)
            } else {
                key = .text(
                    date: message.dateText, sender: message.from.profileURL ?? message.from.writtenName, to: nil)
            }
        case .old(let to): key = .text(date: message.dateText, sender: message.from.writtenName, to: to)
        }
        // One date as written is one second; messages of one second may still differ in date text or sender.
        let second = Int64(message.occurredAt.timeIntervalSince1970.rounded(.down))
        guard let before = updateLast(key, at: second) else { return false }
        if seen[before] == nil { seen[before] = 1 }
        let n = seen[key, default: 0] + 1
        seen[key] = n
        guard n > 1 else { return false }
        message.ordinal = n
        return true
    }
}
