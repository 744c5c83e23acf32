import Foundation
import TiesCore

/// The second pass over a messages file: one row to one ``LinkedInMessage``, or why it is left out.
struct MessageBuilder {
    let layout: MessageLayout
    let identity: LinkedInIdentity?
    /// What each distinct sender and recipient list comes to, worked out once (see ``ParticipantMemo``).
    let memo = ParticipantMemo()

    enum Outcome {
        case message(LinkedInMessage)
        case skipped(String)
        case problem(ParseError)
    }

    /// The row's sender, and whether that is the user.
    /// `remember` false: a sender the caller remembers by its numbers, not kept by its text as well (the one-pass
    /// reader's memory).
    func sender(_ row: CSVRecord, remember: Bool = true) -> ParticipantMemo.Sender {
        let names = Self.raw(row, layout.from)
        let urls = Self.raw(row, layout.senderURL)
        let hash = FieldPairTable<ParticipantMemo.Sender>.hash(names, urls)
        if let known = memo.senders.index(of: names, urls, hash: hash) { return memo.senders[known] }
        let participant = memo.numbered(
            LinkedInParticipant(
                name: names?.trimmedWhitespace() ?? "",
                profileURL: ImportSupport.nonEmpty(urls).map(layout.urls.normalised)))
        let sender = ParticipantMemo.Sender(
            participant: participant, isMe: identity?.matches(participant) ?? false,
            isLinkedIn: Self.isLinkedInItself(participant))
        if remember { memo.remember(sender, for: names, urls, hash: hash) }
        return sender
    }

    /// The row's sender, found by the numbers of its `FROM` and `SENDER PROFILE URL` (``NumberedMessageRow``,
    /// whose `interner` has their values) when both have one.
    func sender(_ row: CSVRecord, numbers: (Int32, Int32), interner: FieldStrings) -> ParticipantMemo.Sender {
        guard numbers.0 != -1 && numbers.1 != -1 else {
            return sender(interner.resolved(row, [(layout.from, numbers.0), (layout.senderURL, numbers.1)]))
        }
        if let known = memo.numberedSenders.value(numbers.0, numbers.1) { return known }
        let sender = self.sender(
            interner.resolved(row, [(layout.from, numbers.0), (layout.senderURL, numbers.1)]), remember: false)
        memo.remember(sender, numbers)
        return sender
    }

    /// Field `index` of `row` as written (untrimmed), nil when the column is absent or the row short: the
    /// memo's key, which ``CSVTable/value(_:_:)`` trims into what it comes to.
    static func raw(_ row: CSVRecord, _ index: Int?) -> String? {
        guard let index, index < row.fields.count else { return nil }
        return row.fields[index]
    }

    /// The message of `row`; `lastReply` is the last time the user wrote in its conversation, if ever;
    /// `senders` the names the file shows as senders (see ``MessageRecipients/nameKey(_:)``), which cut a
    /// `TO` list. `lookups` gets the names looked up in `senders`. `from` is the row's sender and `date` its
    /// `DATE` read, when the caller has them already; `conversation` the conversation's id (as
    /// ``MessageLayout/conversationKey(_:)`` gives it) and the digest of the id and a `|`, when the caller made it
    /// for all the conversation's rows (``LinkedInMessage/idDigest``).
    func message(
        _ row: CSVRecord, record: Int, lastReply: Date?, senders: Set<String>, lookups: inout NameLookups,
        from: ParticipantMemo.Sender? = nil, date: (text: String, instant: Date)? = nil,
        conversation: (key: String, digest: FNV1a128)? = nil,
        recipientNumbers: (numbers: (Int32, Int32), interner: FieldStrings)? = nil
    ) -> Outcome {
        func problem(_ field: String, _ found: String, _ expected: String) -> Outcome {
            .problem(ParseError(line: row.line, record: record, field: field, found: found, expected: expected))
        }
        if let draft = CSVTable.value(row, layout.draft)?.lowercased(), draft == "yes" || draft == "true" {
            return .skipped("the message is a draft")
        }
        let sender = from ?? self.sender(row)
        let from = sender.participant
        guard sender.isNamed else {
            return .skipped(
                "the row has no sender (LinkedIn writes these for notices such as \"… left the conversation\", sponsored messages and deleted accounts)"
            )
        }
        let conversationID = CSVTable.value(row, layout.conversation) ?? ""
        if !layout.isOld && conversationID.isEmpty { return problem("CONVERSATION ID", "", "the conversation's id") }
        let dateText: String
        let instant: Date
        if let date {
            (dateText, instant) = date
        } else {
            guard let text = ImportSupport.nonEmpty(CSVTable.value(row, layout.date)) else {
                return problem("DATE", "", LinkedInMessages.acceptedDates)
            }
            guard let parsed = LinkedInMessages.parseDate(text) else {
                return problem("DATE", text, LinkedInMessages.acceptedDates)
            }
            (dateText, instant) = (text, parsed)
        }
        let recipients: ParticipantMemo.Recipients
        if let recipientNumbers {
            recipients = self.recipients(
                row, known: senders, lookups: &lookups, numbers: recipientNumbers.numbers,
                interner: recipientNumbers.interner)
        } else {
            recipients = self.recipients(row, known: senders, lookups: &lookups)
        }
        let to = recipients.participants
        let says = layout.saysOutgoing(row)
        let mine = says ?? sender.isMe
        let (others, facts) = Self.counterparts(mine: mine, says: says, sender: sender, recipients: recipients)
        var counterparts = others
        if facts.withheld { counterparts.removeAll(where: Self.isWithheld) }
        if facts.blank {
            return .skipped(
                facts.withheld
                    ? "the other participant is shown as \"LinkedIn Member\" (LinkedIn withholds the name of someone who left LinkedIn or hides it)"
                    : "the message has no participant other than you")
        }
        if !mine, sender.isLinkedIn {
            return .skipped("the message is from LinkedIn itself (\(from.name)), not from a member")
        }
        // LinkedIn's spam folder, in a conversation the user never wrote in: strangers' unsolicited messages
        // (a real 2026 export: 20 such rows of its 125 in the folder, 7 of them one seller's follow-ups).
        // Taken as messages, each was someone "waiting for your answer". A spam conversation the user
        // answered is a conversation like any other.
        if !mine, lastReply == nil, CSVTable.value(row, layout.folder)?.uppercased() == "SPAM" {
            return .skipped("the message is in LinkedIn's spam folder, in a conversation you never wrote in")
        }
        let answered = mine || (lastReply.map { $0 > instant } ?? false)
        return .message(
            LinkedInMessage(
                line: row.line, conversationID: layout.isOld ? layout.conversationKey(row) : conversationID,
                conversationTitle: ImportSupport.nonEmpty(CSVTable.value(row, layout.title)),
                from: from, to: to, occurredAt: instant, direction: mine ? .outbound : .inbound,
                counterparts: counterparts, groupSize: max(1, to.count), answered: answered,
                subject: ImportSupport.nonEmpty(CSVTable.value(row, layout.subject)),
                folder: ImportSupport.nonEmpty(CSVTable.value(row, layout.folder)), dateText: dateText,
                form: layout.isOld ? .old(to: CSVTable.value(row, layout.to) ?? "") : .current,
                conversationDigest: conversation.flatMap { $0.key == conversationID ? $0.digest : nil }))
    }

    /// Whether `p` is LinkedIn's stand-in for a member whose name it withholds: "LinkedIn Member" without a
    /// profile URL (real exports name it as the other side of whole conversations: 33 in one of 2024). Never
    /// someone to match or create; a user whom the export itself shows so is still the user.
    static func isWithheld(_ p: LinkedInParticipant) -> Bool {
        p.profileURL == nil && p.name.trimmedWhitespace().lowercased() == "linkedin member"
    }

    /// The people a message is with, before the withheld are left out: the sender of a message the user
    /// received, the recipients other than the user of one the user sent.
    private static func counterparts(
        mine: Bool, says: Bool?, sender: ParticipantMemo.Sender, recipients: ParticipantMemo.Recipients
    ) -> ([LinkedInParticipant], CounterpartFacts) {
        if !mine { return (sender.alone, sender.aloneFacts) }
        let to = recipients.participants
        if says == true && to.count == 1 || !recipients.anyMe { return (to, recipients.facts) }
        let others = to.indices.filter { !recipients.isMe[$0] }.map { to[$0] }
        return (others, CounterpartFacts(others))
    }

    /// What a message's counterparts come to, worked out once for each sender and recipient list: looking
    /// through the list of every message, each participant was copied (`perf`: a retain and a release of each
    /// of its strings).
    struct CounterpartFacts {
        /// Whether one of them is withheld (``isWithheld(_:)``): those are left out.
        let withheld: Bool
        /// Whether none of the others has a name or a profile URL: then the message has no counterpart.
        let blank: Bool

        init(_ counterparts: [LinkedInParticipant]) {
            withheld = counterparts.contains(where: MessageBuilder.isWithheld)
            blank = counterparts.allSatisfy { MessageBuilder.isWithheld($0) || !$0.isNamed }
        }
    }

    /// Whether `p` is one of LinkedIn's own accounts, which write to members without a profile: "LinkedIn
    /// Talent Solutions", "LinkedIn Marketing Solutions", "Liza from LinkedIn Premium", "Nikita @ LinkedIn
    /// Learning", "Kate at LinkedIn": 187 rows from 24 such names in the messages files of 30 real exports
    /// published by other projects. Never someone to match or create: with `--create-people` each became a
    /// person waiting for an answer.
    static func isLinkedInItself(_ p: LinkedInParticipant) -> Bool {
        guard p.profileURL == nil, !isWithheld(p) else { return false }
        let words = p.name.lowercased().split(whereSeparator: \.isWhitespace)
        guard let at = words.firstIndex(of: "linkedin") else { return false }
        return at == 0 || (at >= 2 && ["from", "at", "@"].contains(words[at - 1]))
    }

    /// The row's `TO` and `RECIPIENT PROFILE URLS` as people (``MessageRecipients``), each with whether it is
    /// the user: from the memo when the list was read before and the names it looked up in `known` are
    /// still found, or still not (`known` only grows); those names go to `lookups` as if looked up again.
    /// By the numbers of `TO` and `RECIPIENT PROFILE URLS` when both have one (``NumberedMessageRow``), else by
    /// their text.
    private func recipients(
        _ row: CSVRecord, known: Set<String>, lookups: inout NameLookups, numbers: (Int32, Int32),
        interner: FieldStrings
    ) -> ParticipantMemo.Recipients {
        guard numbers.0 != -1 && numbers.1 != -1 else {
            let row = interner.resolved(row, [(layout.to, numbers.0), (layout.recipientURLs, numbers.1)])
            return recipients(row, known: known, lookups: &lookups)
        }
        if let remembered = memo.list(numbered: numbers),
            !remembered.missed.contains(where: known.contains)
        {
            // Marked seen here, for the reader that notes these lookups next (``MessageConversations``).
            if lookups.found.isEmpty && lookups.missed.isEmpty {
                lookups.seenBefore = remembered.seen
                remembered.seen = true
            }
            lookups.found += remembered.found
            lookups.missed += remembered.missed
            return remembered
        }
        let row = interner.resolved(row, [(layout.to, numbers.0), (layout.recipientURLs, numbers.1)])
        let recipients = self.recipients(row, known: known, lookups: &lookups, remember: false)
        memo.remember(recipients, numbers)
        return recipients
    }

    private func recipients(_ row: CSVRecord, known: Set<String>, lookups: inout NameLookups, remember: Bool = true)
        -> ParticipantMemo.Recipients
    {
        let names = Self.raw(row, layout.to)
        let urls = Self.raw(row, layout.recipientURLs)
        let hash = FieldPairTable<ParticipantMemo.Recipients>.hash(names, urls)
        let index = memo.recipients.index(of: names, urls, hash: hash)
        if let index {
            let remembered = memo.recipients[index]
            if !remembered.missed.contains(where: known.contains) {
                lookups.found += remembered.found
                lookups.missed += remembered.missed
                return remembered
            }
        }
        var own = NameLookups()
        let participants = MessageRecipients.participants(
            names: names?.trimmedWhitespace(), urls: urls?.trimmedWhitespace(), known: known, forms: layout.urls,
            lookups: &own
        ).map(memo.numbered)
        let recipients = ParticipantMemo.Recipients(
            participants: participants, isMe: participants.map { identity?.matches($0) ?? false },
            found: own.found, missed: own.missed)
        lookups.found += own.found
        lookups.missed += own.missed
        if let index {
            memo.replace(index, by: recipients)
        } else if remember {
            memo.remember(recipients, for: names, urls, hash: hash)
        }
        return recipients
    }
}

/// What each distinct sender and recipient list of a messages file comes to, for one reader on one thread: a
/// million rows hold a few tens of thousands of distinct ones, and reading each again — trimming, cutting
/// lists, normalising URLs, matching the user — was a fifth of the reading thread (`perf`). A class so that
/// copies of the builder share it.
final class ParticipantMemo {
    /// A sender: a class, so that the rows of a conversation share one without copying its strings (copies of
    /// the struct it was, each retaining four references and releasing them, were 2 % of the reading thread).
    final class Sender {
        let participant: LinkedInParticipant
        let isMe: Bool
        /// `[participant]`, made once.
        let alone: [LinkedInParticipant]
        /// Whether the sender is one of LinkedIn's own accounts (``MessageBuilder/isLinkedInItself(_:)``).
        let isLinkedIn: Bool
        /// ``LinkedInParticipant/isNamed`` of the sender (a row whose sender is not is left out), kept here:
        /// asked of `participant`, it was copied first.
        let isNamed: Bool
        /// ``MessageBuilder/CounterpartFacts`` of `alone`.
        let aloneFacts: MessageBuilder.CounterpartFacts
        /// For the one reader that owns the memo (``MessageConversations``): whether it noted the sender's name
        /// among the senders' (``SenderNames/note(_:)`` says nothing new of a name twice), and its number for
        /// the sender's key (``MessageSurvey/senderKey(_:)``), -1 until given.
        var noted = false
        var keyNumber: Int32 = -1

        init(participant: LinkedInParticipant, isMe: Bool, isLinkedIn: Bool) {
            self.participant = participant
            self.isMe = isMe
            alone = [participant]
            self.isLinkedIn = isLinkedIn
            isNamed = participant.isNamed
            aloneFacts = MessageBuilder.CounterpartFacts(alone)
        }
    }

    /// A recipient list; a class for the reason ``Sender`` is one.
    final class Recipients {
        let participants: [LinkedInParticipant]
        let isMe: [Bool]
        /// The names the list looked up among the senders' (``NameLookups``): its cut holds while these are
        /// found and those not.
        let found: [String]
        let missed: [String]
        /// Whether the one reader that owns the memo (``MessageConversations``) has taken note of the list's
        /// lookups: the names it missed are watched from then on, and the names it found that the reader
        /// relied on are kept, so that noting them again for each row of the list changes nothing (a
        /// million rows: hashing them again was 1 % of the reading thread, `perf`).
        var seen = false
        /// Whether one of them is the user.
        let anyMe: Bool
        /// ``MessageBuilder/CounterpartFacts`` of `participants`.
        let facts: MessageBuilder.CounterpartFacts

        init(participants: [LinkedInParticipant], isMe: [Bool], found: [String], missed: [String]) {
            self.participants = participants
            self.isMe = isMe
            anyMe = isMe.contains(true)
            facts = MessageBuilder.CounterpartFacts(participants)
            self.found = found
            self.missed = missed
        }
    }

    /// By the sender's and the recipients' fields as written (``MessageBuilder/raw(_:_:)``).
    private(set) var senders = FieldPairTable<Sender>()
    private(set) var recipients = FieldPairTable<Recipients>()
    /// At most this many senders are remembered (a file of distinct ones only costs the work).
    static let capacity = 200_000
    /// How many recipient lists a memo of them holds before it starts again. A list of several people is ~760
    /// bytes with the names it looked up, and a file of many group conversations has tens of thousands: a
    /// million messages shaped as real exports (`make-linkedin-export.py ... kept`, 66,537 distinct lists)
    /// peaked at 296 MB when 200,000 were kept. A group's lists come with its conversation's rows, together.
    static let listCapacity = 16_384
    /// For tests only: another ``listCapacity`` for the memos made meanwhile.
    @TaskLocal static var testListCapacity: Int?
    private let listLimit = ParticipantMemo.testListCapacity ?? ParticipantMemo.listCapacity

    func remember(_ sender: Sender, for names: String?, _ urls: String?, hash: UInt64) {
        if senders.count < Self.capacity { senders.append(sender, for: names, urls, hash: hash) }
    }

    func remember(_ list: Recipients, for names: String?, _ urls: String?, hash: UInt64) {
        if recipients.count >= listLimit { recipients = FieldPairTable() }
        recipients.append(list, for: names, urls, hash: hash)
    }

    /// The participants' numbers (``LinkedInParticipant/number``), by name as written and profile URL (which
    /// make the participant: its name is the written one single-spaced); a table of the strings rather than a
    /// dictionary of participants, for memory.
    private var participantNumbers = FieldPairTable<Int32>()
    /// At most this many participants are numbered (then the others have none).
    static let numberCapacity = 1 << 20

    /// `participant`, just made from its name as written, with its number, given on first sight.
    func numbered(_ participant: LinkedInParticipant) -> LinkedInParticipant {
        var participant = participant
        let hash = FieldPairTable<Int32>.hash(participant.writtenName, participant.profileURL)
        if let known = participantNumbers.index(of: participant.writtenName, participant.profileURL, hash: hash) {
            participant.number = participantNumbers[known]
        } else if participantNumbers.count < Self.numberCapacity {
            let number = Int32(participantNumbers.count)
            participantNumbers.append(number, for: participant.writtenName, participant.profileURL, hash: hash)
            participant.number = number
        }
        return participant
    }

    /// By the numbers of the fields (``NumberedMessageRow``).
    private(set) var numberedSenders = NumberPairTable<Sender>()
    /// Recipient lists by their fields' numbers, in two generations of at most ``listCapacity``: when the
    /// newer is full it becomes the older and the one before is dropped, and a list found in the older moves
    /// to the newer. The lists used again and again (one person's, the user's) stay; the lists of groups
    /// read once go. Emptied whole when full instead, the reading thread of a million messages took 300-600
    /// more samples (`perf`), reading each person's list again.
    private var numberedRecipients = NumberPairTable<Recipients>()
    private var olderRecipients = NumberPairTable<Recipients>()

    func remember(_ sender: Sender, _ numbers: (Int32, Int32)) {
        if numberedSenders.count < Self.capacity { numberedSenders.set(sender, numbers.0, numbers.1) }
    }

    /// The list remembered for the fields numbered `numbers`.
    func list(numbered numbers: (Int32, Int32)) -> Recipients? {
        if let list = numberedRecipients.value(numbers.0, numbers.1) { return list }
        guard let list = olderRecipients.value(numbers.0, numbers.1) else { return nil }
        remember(list, numbers)
        return list
    }

    func remember(_ list: Recipients, _ numbers: (Int32, Int32)) {
        if numberedRecipients.count >= listLimit {
            olderRecipients = numberedRecipients
            numberedRecipients = NumberPairTable()
        }
        numberedRecipients.set(list, numbers.0, numbers.1)
    }

    /// Puts `list` in place of the remembered list at `index`, whose cut no longer holds.
    func replace(_ index: Int, by list: Recipients) {
        recipients[index] = list
    }
}
