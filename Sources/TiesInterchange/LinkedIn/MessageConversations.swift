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
///   pieces spell a sender's name: ``MessageRecipients/participants(names:urls:known:forms:missed:)``). The
///   names each list looked up in vain are watched.
struct MessageConversations {
    let layout: MessageLayout
    let identity: LinkedInIdentity
    private let builder: MessageBuilder
    /// The conversation being read, and its rows.
    private var current: String?
    private var rows: [(row: CSVRecord, record: Int)] = []
    /// The conversations already read.
    private var ended = Set<ConversationKey>()
    private var names = SenderNames()
    /// Names a `TO` list looked up among the senders' and did not find.
    private var watched = Set<String>()
    private var missed: [String] = []
    /// Whether each sender (by ``MessageSurvey/senderKey(_:)``) is the user, decided on first sight as the
    /// survey decides it.
    private var senderIsMe: [String: Bool] = [:]
    /// True once the file was found to need two passes.
    private(set) var needsTwoPasses = false

    init(layout: MessageLayout, identity: LinkedInIdentity) {
        self.layout = layout
        self.identity = identity
        builder = MessageBuilder(layout: layout, identity: identity)
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
        _ = finishConversation(emit)
    }

    /// Builds the messages of the conversation read so far, each with when the user last wrote in it.
    private mutating func finishConversation(_ emit: (MessageBuilder.Outcome, CSVRecord) -> Bool) -> Bool {
        defer { rows.removeAll(keepingCapacity: true) }
        var lastReply: Date?
        for (row, _) in rows {
            guard let (sender, date, newName) = MessageSurvey.sighting(row, layout, names: &names) else { continue }
            if let newName, watched.contains(newName) {
                needsTwoPasses = true
                return false
            }
            let key = MessageSurvey.senderKey(sender)
            let isMe = senderIsMe[key] ?? identity.matches(sender)
            senderIsMe[key] = isMe
            if layout.saysOutgoing(row) ?? isMe { lastReply = max(lastReply ?? date, date) }
        }
        for (row, record) in rows {
            missed.removeAll(keepingCapacity: true)
            let outcome = builder.message(row, record: record, lastReply: lastReply, senders: names.keys, missed: &missed)
            watched.formUnion(missed)
            guard emit(outcome, row) else { return false }
        }
        return true
    }
}
