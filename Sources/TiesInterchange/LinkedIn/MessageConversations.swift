import Foundation

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
    private var rows: [(row: CSVRecord, record: Int)] = []
    /// The sender of each of `rows` and its date when the row counts (``MessageSurvey/sighting(_:_:sender:names:)``),
    /// read once for the survey and the message.
    private var senders: [(sender: ParticipantMemo.Sender, date: (text: String, instant: Date)?)] = []
    /// The conversations already read.
    private var ended = Set<ConversationKey>()
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
    private var senderIsMe: [String: Bool] = [:]
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
        let key = layout.conversationKey(row)
        if key != current {
            guard finishConversation(emit) else { return false }
            if let current { ended.insert(ConversationKey(current)) }
            guard !ended.contains(ConversationKey(key)) else {
                needsTwoPasses = true
                return false
            }
            current = key
        }
        rows.append((row, record))
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
            rows.removeAll(keepingCapacity: true)
            senders.removeAll(keepingCapacity: true)
        }
        var lastReply: Date?
        for (row, _) in rows {
            let sender = builder.sender(row)
            guard
                let (_, date, text, newName) = MessageSurvey.sighting(
                    row, layout, sender: sender.participant, names: &names)
            else {
                senders.append((sender, nil))
                continue
            }
            senders.append((sender, (text, date)))
            if let newName, watched.contains(newName) {
                needsTwoPasses = true
                return false
            }
            let key = MessageSurvey.senderKey(sender.participant)
            let isMe = senderIsMe[key] ?? sender.isMe
            senderIsMe[key] = isMe
            if layout.saysOutgoing(row) ?? isMe { lastReply = max(lastReply ?? date, date) }
        }
        ordinals.reset()
        for (k, (row, record)) in rows.enumerated() {
            lookups.removeAll()
            var outcome = builder.message(
                row, record: record, lastReply: lastReply, senders: names.keys, lookups: &lookups,
                from: senders[k].sender, date: senders[k].date)
            ordinals.number(&outcome)
            watched.formUnion(lookups.missed)
            for key in lookups.found where names.expected.contains(key) { reliedOn.insert(key) }
            guard emit(outcome, row) else { return false }
        }
        return true
    }
}
