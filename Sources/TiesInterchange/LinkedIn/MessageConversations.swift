import Foundation
import TiesCore

/// One pass over a messages file that keeps each conversation's rows together — every real export does
/// (newest first), and so does the benchmark's generator — for a user who is known: a conversation's
/// messages are built as soon as its last row is read, from what its own rows say. The survey of the two-pass
/// reading (``MessageSurvey``) is there to learn who the user is and when the user last wrote in each
/// conversation; with the user known and the conversation whole, neither needs the rest of the file, and the
/// messages reach the store while the file is still being read (a million messages: 1.5 s of the 9 s was
/// the survey, alone).
///
/// Two things could still need the whole file; when either happens, the pass ends and the caller reads the
/// file again in two passes (``needsTwoPasses``):
/// - a conversation comes back after another one began;
/// - a sender's name read later would have cut a `TO` list read before differently (a list is cut where its
///   pieces spell a sender's name: ``MessageRecipients/participants(names:urls:known:forms:lookups:)``). The
///   names each list looked up in vain are watched. The user's own names count as senders' from the start
///   (a user named `Femi O SPHRi, CPHR` is in group lists before writing: a real export of 3,593 messages);
///   a list cut by one of them needs the file to show it as a sender by its end.
struct MessageConversations {
    let layout: MessageLayout
    let identity: LinkedInIdentity
    private let builder: MessageBuilder
    /// The conversation being read, and its rows.
    private var current: String?
    /// The digest of `current` (``ConversationKey``), made once for the conversation: its rows' messages' ids
    /// go on from it (``LinkedInMessage/idDigest``).
    private var currentKey: ConversationKey?
    /// The first `rowCount` are the conversation's: records of their own, kept from one conversation to the
    /// next and filled with a copy of each row's fields. Holding the reader's record itself made the reader
    /// allocate a new array of fields for every row, and freed each with its fields (`perf`).
    private var rows: [(row: CSVRecord, record: Int, sender: (Int32, Int32), recipients: (Int32, Int32))] = []
    private var rowCount = 0
    /// The sender of each of `rows` and its date when the row counts (``MessageSurvey/sighting(_:_:sender:names:)``),
    /// read once for the survey and the message.
    private var senders: [(sender: ParticipantMemo.Sender, date: (text: String, instant: Date)?)] = []
    /// The conversations already read.
    private var ended = ConversationSet()
    private var names = SenderNames()
    /// Names a `TO` list looked up among the senders' and did not find.
    private var watched = Set<String>()
    private var lookups = NameLookups()
    /// The ordinals of the messages of the conversation being built (``MessageOrdinals``).
    private var ordinals = MessageOrdinals()
    /// The user's names that cut a list before the file showed them as a sender's.
    private var reliedOn = Set<String>()
    /// Whether each sender (by ``MessageSurvey/senderKey(_:)``) is the user, decided on first sight as the
    /// survey decides it: a profile URL seen under two names is one sender, whichever name a later row shows.
    /// By the key's number, which each ``ParticipantMemo/Sender`` keeps (`senderKeys`): not the key hashed twice
    /// a row.
    private var senderIsMe: [Bool?] = []
    private var senderKeys: [String: Int32] = [:]
    /// The values of the rows' numbered fields, when the rows are numbered (``NumberedMessageRow``).
    var interner: FieldStrings?
    /// True once the file was found to need two passes.
    private(set) var needsTwoPasses = false

    init(layout: MessageLayout, identity: LinkedInIdentity) {
        self.layout = layout
        self.identity = identity
        builder = MessageBuilder(layout: layout, identity: identity)
        for name in identity.names { names.expect(name) }
    }

    /// Takes the next row; `emit` gets the outcomes of each conversation when it ends. False when `emit`
    /// said stop, or when the file needs two passes.
    mutating func add(
        _ row: CSVRecord, record: Int, _ emit: (MessageBuilder.Outcome, CSVRecord) -> Bool
    ) -> Bool {
        add(row, record: record, sender: (-1, -1), recipients: (-1, -1), emit)
    }

    /// ``add(_:record:_:)`` with the numbers of the row's sender's and recipients' fields
    /// (``NumberedMessageRow``), or -1.
    mutating func add(
        _ row: CSVRecord, record: Int, sender: (Int32, Int32), recipients: (Int32, Int32),
        _ emit: (MessageBuilder.Outcome, CSVRecord) -> Bool
    ) -> Bool {
        let key = layout.conversationKey(row)
        if key != current {
            guard finishConversation(emit) else { return false }
            if let currentKey { ended.insert(currentKey) }
            let next = ConversationKey(key)
            guard !ended.contains(next) else {
                needsTwoPasses = true
                return false
            }
            current = key
            currentKey = next
        }
        if rowCount == rows.count {
            var fields: [String] = []
            fields.reserveCapacity(row.fields.count)
            rows.append((CSVRecord(line: row.line, fields: fields), record, sender, recipients))
        }
        rows[rowCount].row.line = row.line
        rows[rowCount].row.fields.removeAll(keepingCapacity: true)
        rows[rowCount].row.fields.append(contentsOf: row.fields)
        rows[rowCount].record = record
        rows[rowCount].sender = sender
        rows[rowCount].recipients = recipients
        rowCount += 1
        return true
    }

    /// Ends the last conversation.
    mutating func finish(_ emit: (MessageBuilder.Outcome, CSVRecord) -> Bool) {
        guard finishConversation(emit) else { return }
        if !reliedOn.isDisjoint(with: names.expected) { needsTwoPasses = true }
    }

    /// Builds the messages of the conversation read so far, each with when the user last wrote in it.
    private mutating func finishConversation(_ emit: (MessageBuilder.Outcome, CSVRecord) -> Bool) -> Bool {
        defer {
            rowCount = 0
            senders.removeAll(keepingCapacity: true)
        }
        var lastReply: Date?
        // By index: each row read where it lies (a `for` over the tuples copied each record).
        for k in 0..<rowCount {
            let row = rows[k].row
            // Not `interner.map { builder.sender(...) }`: the closure took a copy of the builder for every row.
            let sender: ParticipantMemo.Sender
            if let interner {
                sender = builder.sender(row, numbers: rows[k].sender, interner: interner)
            } else {
                sender = builder.sender(row)
            }
            guard let (date, text) = MessageSurvey.dated(row, layout, hasSender: sender.isNamed) else {
                senders.append((sender, nil))
                continue
            }
            senders.append((sender, (text, date)))
            if !sender.noted {
                sender.noted = true
                if let newName = names.note(sender.participant.name), watched.contains(newName) {
                    needsTwoPasses = true
                    return false
                }
            }
            let isMe = self.isMe(sender)
            if layout.saysOutgoing(row) ?? isMe { lastReply = max(lastReply ?? date, date) }
        }
        var conversation: (key: String, digest: FNV1a128)?
        if !layout.isOld, let current, let currentKey {
            var digest = FNV1a128(high: currentKey.high, low: currentKey.low)
            digest.combine("|")
            conversation = (current, digest)
        }
        ordinals.reset()
        for k in 0..<rowCount {
            lookups.removeAll()
            let row = rows[k].row
            let built = builder.message(
                row, record: rows[k].record, lastReply: lastReply, senders: names.keys, lookups: &lookups,
                from: senders[k].sender, date: senders[k].date, conversation: conversation,
                recipientNumbers: interner.map { (rows[k].recipients, $0) })
            // The message moved out of the outcome and back, not copied (copying it and freeing the copy, a
            // dozen references each, was 2 % of the reading thread).
            let outcome: MessageBuilder.Outcome
            switch consume built {
            case .message(var message):
                ordinals.number(&message)
                outcome = .message(message)
            case let other: outcome = other
            }
            // The names a remembered list looked up were noted when it was first seen: `watched` keeps them, and
            // `names.expected` only loses names, so `reliedOn` would gain none.
            if !lookups.seenBefore {
                watched.formUnion(lookups.missed)
                for key in lookups.found where names.expected.contains(key) { reliedOn.insert(key) }
            }
            guard emit(outcome, row) else { return false }
        }
        return true
    }

    /// Whether `sender` is the user, as decided on the first sight of its key.
    private mutating func isMe(_ sender: ParticipantMemo.Sender) -> Bool {
        if sender.keyNumber < 0 {
            let key = MessageSurvey.senderKey(sender.participant)
            if let known = senderKeys[key] {
                sender.keyNumber = known
            } else {
                sender.keyNumber = Int32(senderIsMe.count)
                senderKeys[key] = sender.keyNumber
                senderIsMe.append(nil)
            }
        }
        let k = Int(sender.keyNumber)
        let isMe = senderIsMe[k] ?? sender.isMe
        senderIsMe[k] = isMe
        return isMe
    }
}

/// A set of conversations by their digests, which are random already: the digest's low bits place it, without
/// `Hasher` (the `Set` it replaces, a lookup and an insert for each of a million-row file's 333,334
/// conversations, was 1.6 % of the reading thread's samples, `perf`). Open addressing, at most half full.
struct ConversationSet {
    private var slots = [ConversationKey?](repeating: nil, count: 1024)
    private(set) var count = 0

    func contains(_ key: ConversationKey) -> Bool {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key.low) & mask
        while let there = slots[slot] {
            if there == key { return true }
            slot = (slot + 1) & mask
        }
        return false
    }

    /// Adds `key`; false when it was there.
    @discardableResult
    mutating func insert(_ key: ConversationKey) -> Bool {
        if (count + 1) * 2 > slots.count {
            let old = slots
            slots = [ConversationKey?](repeating: nil, count: old.count * 2)
            count = 0
            for case let key? in old { insert(key) }
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key.low) & mask
        while let there = slots[slot] {
            if there == key { return false }
            slot = (slot + 1) & mask
        }
        slots[slot] = key
        count += 1
        return true
    }
}
