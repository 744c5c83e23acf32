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
    /// `TO` fields as written, with how many counted rows hold each: who the user is needs the rows the user
    /// received as well as those the user wrote (a few thousand distinct values in a million rows).
    private var recipients: [String: Int] = [:]
    /// The names the file shows as senders.
    private var names = SenderNames()
    /// The conversations whose rows come back after another conversation's (none in a real export).
    private(set) var scattered = Set<ConversationKey>()
    private var lastConversation: Int32 = -1
    var senderNames: Set<String> { names.keys }

    /// Who wrote `row` (`sender`, when the caller has it already) and when, if the row counts: not a draft,
    /// with a sender and a date. Notes the sender's name in `names`.
    static func sighting(
        _ row: CSVRecord, _ layout: MessageLayout, sender: LinkedInParticipant? = nil, names: inout SenderNames
    ) -> (sender: LinkedInParticipant, date: Date, text: String, newName: String?)? {
        let sender = sender ?? layout.sender(row)
        guard let (date, text) = dated(row, layout, hasSender: sender.isNamed)
        else { return nil }
        return (sender, date, text, names.note(sender.name))
    }

    /// The date of `row` when the row counts (``sighting(_:_:sender:names:)``); `hasSender` says whether its
    /// sender has a name or a profile URL (a flag, not the sender: a participant passed from where a memo
    /// holds it was copied, a retain and a release of each of its strings for every row, `perf`).
    static func dated(_ row: CSVRecord, _ layout: MessageLayout, hasSender: Bool) -> (date: Date, text: String)? {
        if let draft = CSVTable.value(row, layout.draft)?.lowercased(), draft == "yes" || draft == "true" {
            return nil
        }
        guard hasSender,
            let text = CSVTable.value(row, layout.date), let date = LinkedInMessages.parseDate(text)
        else { return nil }
        return (date, text)
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
            if known != lastConversation { scattered.insert(conversation) }
        } else {
            c = Int32(conversations.count)
            conversationIndex[conversation] = c
            conversations.append(conversation)
        }
        lastConversation = c
        rows.append((c, s, date.timeIntervalSince1970, layout.saysOutgoing(row)))
        if let to = CSVTable.value(row, layout.to), !to.isEmpty { recipients[to, default: 0] += 1 }
        return true
    }

    /// The user: the participant in the most rows, as sender or as recipient (the user is on one side of every
    /// message), compared by name (``MessageRecipients/nameKey(_:)``; a sender without a name by profile URL).
    /// Counting only the rows sent was wrong on real inboxes: LinkedIn's stand-in "LinkedIn Member" (sponsored
    /// messages) or "Liza from LinkedIn Premium" wrote more rows than the user, and a user who only received
    /// never sent any. The stand-in can still be the user: an export that hides the user's own name shows
    /// "LinkedIn Member" on one side of every row (nnikita19/Linkedin-Ananlysis, 2021: the `TO` of 64 of its
    /// 66 rows and the `FROM` of 57, against LinkedIn Premium's 3 rows). Ties go to anyone but the stand-in,
    /// then to the most rows sent, then to the smallest key (dictionary order never decides). The identity is
    /// the name and profile URL of the user's most frequent sending row, or the name as `TO` writes it when
    /// the user never wrote; nil when no row has a sender.
    func likelyUser() -> LinkedInIdentity? {
        guard !senders.isEmpty else { return nil }
        func key(_ p: LinkedInParticipant) -> String {
            p.name.isEmpty ? "url:" + (p.profileURL ?? "") : MessageRecipients.nameKey(p.name)
        }
        var sent: [String: Int] = [:]
        for s in senders { sent[key(s.participant), default: 0] += s.count }
        let toFields = recipients.map { (key: MessageRecipients.nameKey($0.key), field: $0.key, count: $0.value) }
        var receivedWhole: [String: Int] = [:]
        for t in toFields { receivedWhole[t.key, default: 0] += t.count }
        let standIn = "linkedin member"
        func top(_ counts: [String: Int], _ allowed: (String) -> Bool) -> [String] {
            counts.filter { allowed($0.key) }
                .sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }.prefix(3).map(\.key)
        }
        // The few who can win: the most frequent senders, and the most frequent single recipients.
        let senderKeys = top(sent, { _ in true })
        let recipientKeys = top(receivedWhole, { !$0.contains(",") || sent[$0] != nil })
        let candidates = Set(senderKeys + recipientKeys)
        func rows(_ k: String) -> Int {
            let inList = ", " + k + ", "
            return (sent[k] ?? 0)
                + toFields.reduce(0) { total, t in
                    t.key == k || (", " + t.key + ", ").contains(inList) ? total + t.count : total
                }
        }
        let scored = candidates.map { (key: $0, rows: rows($0), sent: sent[$0] ?? 0) }
        guard
            let best = scored.max(by: { a, b in
                if a.rows != b.rows { return a.rows < b.rows }
                if (a.key == standIn) != (b.key == standIn) { return a.key == standIn }
                return a.sent != b.sent ? a.sent < b.sent : a.key > b.key
            })
        else { return nil }
        let wrote = senders.filter { key($0.participant) == best.key }
        if let mine = wrote.max(by: { a, b in a.count != b.count ? a.count < b.count : a.key > b.key }) {
            return LinkedInIdentity(
                names: mine.participant.name.isEmpty ? [] : [mine.participant.name],
                profileURLs: mine.participant.profileURL.map { [$0] } ?? [])
        }
        let written = toFields.filter { $0.key == best.key }
            .max { a, b in a.count != b.count ? a.count < b.count : a.field > b.field }
        return written.map { LinkedInIdentity(names: [MessageRecipients.tidy($0.field)]) }
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
