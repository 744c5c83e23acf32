import Foundation
import TiesCore

/// A conversation, by the 128-bit digest of its key (``MessageLayout/conversationKey(_:)``): a million messages
/// hold a few hundred thousand conversations, whose ids (~60 bytes each) kept as strings cost a heap object
/// each, held until the end of the second pass.
struct ConversationKey: Hashable {
    let high: UInt64
    let low: UInt64

    init(_ key: String) {
        var digest = FNV1a128()
        digest.combine(key)
        high = digest.high
        low = digest.low
    }
}

/// The first pass over a messages file: per row only the conversation, the sender and the date, enough to
/// find who the user is and which inbound messages the user answered later, without holding the rows.
struct MessageSurvey {
    /// Conversations, each stored once; rows refer to them by index.
    private var conversations: [ConversationKey] = []
    private var conversationIndex: [ConversationKey: Int32] = [:]
    /// Distinct senders (by profile URL, else lowercased name), with how many rows each sent.
    private var senders: [(key: String, participant: LinkedInParticipant, count: Int)] = []
    private var senderIndex: [String: Int32] = [:]
    /// One entry per dated row with a sender: (conversation, sender, date, outgoing as the row says).
    private var rows: [(conversation: Int32, sender: Int32, date: Double, outgoing: Bool?)] = []
    /// The names the file shows as senders.
    private var names = SenderNames()
    var senderNames: Set<String> { names.keys }

    /// Who wrote `row` (`sender`, when the caller has it already) and when, if the row counts: not a draft,
    /// with a sender and a date. Notes the sender's name in `names`.
    static func sighting(
        _ row: CSVRecord, _ layout: MessageLayout, sender: LinkedInParticipant? = nil, names: inout SenderNames
    ) -> (sender: LinkedInParticipant, date: Date, text: String, newName: String?)? {
        if let draft = CSVTable.value(row, layout.draft)?.lowercased(), draft == "yes" || draft == "true" {
            return nil
        }
        let sender = sender ?? layout.sender(row)
        guard !sender.name.isEmpty || sender.profileURL != nil,
            let text = CSVTable.value(row, layout.date), let date = LinkedInMessages.parseDate(text)
        else { return nil }
        return (sender, date, text, names.note(sender.name))
    }

    /// The key a sender is counted by: the profile URL, else the lowercased name.
    static func senderKey(_ sender: LinkedInParticipant) -> String { sender.profileURL ?? sender.name.lowercased() }

    mutating func note(_ row: CSVRecord, _ layout: MessageLayout) -> Bool {
        guard let (sender, date, _, _) = Self.sighting(row, layout, names: &names) else { return true }
        let key = Self.senderKey(sender)
        let s: Int32
        if let known = senderIndex[key] {
            s = known
            senders[Int(known)].count += 1
        } else {
            s = Int32(senders.count)
            senderIndex[key] = s
            senders.append((key, sender, 1))
        }
        let conversation = ConversationKey(layout.conversationKey(row))
        let c: Int32
        if let known = conversationIndex[conversation] {
            c = known
        } else {
            c = Int32(conversations.count)
            conversationIndex[conversation] = c
            conversations.append(conversation)
        }
        rows.append((c, s, date.timeIntervalSince1970, layout.saysOutgoing(row)))
        return true
    }

    /// The most frequent sender as the user (ties to the smallest key: dictionary order never decides), or
    /// nil when no row has a sender.
    func mostFrequentSender() -> LinkedInIdentity? {
        guard
            let best = senders.max(by: { a, b in a.count != b.count ? a.count < b.count : a.key > b.key })
        else { return nil }
        return LinkedInIdentity(
            names: best.participant.name.isEmpty ? [] : [best.participant.name],
            profileURLs: best.participant.profileURL.map { [$0] } ?? [])
    }

    /// The last time the user wrote in each conversation.
    func lastReplies(_ identity: LinkedInIdentity?, _ layout: MessageLayout) -> [ConversationKey: Date] {
        let mine = senders.map { identity?.matches($0.participant) ?? false }
        var last: [Int32: Double] = [:]
        for row in rows where row.outgoing ?? mine[Int(row.sender)] {
            last[row.conversation] = max(last[row.conversation] ?? row.date, row.date)
        }
        var out: [ConversationKey: Date] = [:]
        for (c, date) in last { out[conversations[Int(c)]] = Date(timeIntervalSince1970: date) }
        return out
    }
}

/// Every sender name of a file, lowercased with one space after each comma (``MessageRecipients/nameKey(_:)``):
/// the names a `TO` list may hold.
struct SenderNames {
    private(set) var keys = Set<String>()
    /// Names as written, so that each distinct one is keyed once (not on every row).
    private var seen = Set<String>()
    /// Keys given before they were seen (``expect(_:)``), and not seen yet.
    private(set) var expected = Set<String>()

    /// Notes a sender's name; returns its key when it is new (and was not expected).
    @discardableResult
    mutating func note(_ name: String) -> String? {
        guard !name.isEmpty && seen.insert(name).inserted else { return nil }
        let key = MessageRecipients.nameKey(name)
        expected.remove(key)
        return keys.insert(key).inserted ? key : nil
    }

    /// Counts `name` among the senders' before it is seen: the user's, who writes in every real export.
    /// Until it is seen it stays in ``expected``.
    mutating func expect(_ name: String) {
        let key = MessageRecipients.nameKey(name)
        if !key.isEmpty && keys.insert(key).inserted { expected.insert(key) }
    }
}
