import Foundation

/// The second pass over a messages file: one row to one ``LinkedInMessage``, or why it is left out.
struct MessageBuilder {
    let layout: MessageLayout
    let identity: LinkedInIdentity?

    enum Outcome {
        case message(LinkedInMessage)
        case skipped(String)
        case problem(ParseError)
    }

    /// The message of `row`; `lastReply` is the last time the user wrote in its conversation, if ever;
    /// `senders` the names the file shows as senders (see ``MessageRecipients/nameKey(_:)``), which cut a
    /// `TO` list. `lookups` gets the names looked up in `senders`. `from` is the row's sender, when the
    /// caller has it already.
    func message(
        _ row: CSVRecord, record: Int, lastReply: Date?, senders: Set<String>, lookups: inout NameLookups,
        from: LinkedInParticipant? = nil
    ) -> Outcome {
        func problem(_ field: String, _ found: String, _ expected: String) -> Outcome {
            .problem(ParseError(line: row.line, record: record, field: field, found: found, expected: expected))
        }
        if let draft = CSVTable.value(row, layout.draft)?.lowercased(), draft == "yes" || draft == "true" {
            return .skipped("the message is a draft")
        }
        let from = from ?? layout.sender(row)
        guard !from.name.isEmpty || from.profileURL != nil else {
            return .skipped(
                "the row has no sender (LinkedIn writes these for notices such as \"… left the conversation\", sponsored messages and deleted accounts)"
            )
        }
        let conversationID = CSVTable.value(row, layout.conversation) ?? ""
        if !layout.isOld && conversationID.isEmpty { return problem("CONVERSATION ID", "", "the conversation's id") }
        guard let dateText = ImportSupport.nonEmpty(CSVTable.value(row, layout.date)) else {
            return problem("DATE", "", LinkedInMessages.acceptedDates)
        }
        guard let date = LinkedInMessages.parseDate(dateText) else {
            return problem("DATE", dateText, LinkedInMessages.acceptedDates)
        }
        let to = MessageRecipients.participants(
            names: CSVTable.value(row, layout.to), urls: CSVTable.value(row, layout.recipientURLs), known: senders,
            forms: layout.urls, lookups: &lookups)
        let mine = layout.saysOutgoing(row) ?? (identity?.matches(from) ?? false)
        let counterparts =
            mine
            ? to.filter { !(identity?.matches($0) ?? false) || layout.saysOutgoing(row) == true && to.count == 1 }
            : [from]
        if counterparts.isEmpty || counterparts.allSatisfy({ $0.name.isEmpty && $0.profileURL == nil }) {
            return .skipped("the message has no participant other than you")
        }
        let conversation = layout.conversationKey(row)
        let answered = mine || (lastReply.map { $0 > date } ?? false)
        let sender = from.profileURL ?? from.name
        let sourceID =
            layout.isOld
            ? "\(from.name)>\(CSVTable.value(row, layout.to) ?? "")|\(dateText)"
            : "\(conversationID)|\(dateText)|\(sender)"
        return .message(
            LinkedInMessage(
                line: row.line, conversationID: layout.isOld ? conversation : conversationID,
                conversationTitle: ImportSupport.nonEmpty(CSVTable.value(row, layout.title)),
                from: from, to: to, occurredAt: date, direction: mine ? .outbound : .inbound,
                counterparts: counterparts, groupSize: max(1, to.count), answered: answered,
                subject: ImportSupport.nonEmpty(CSVTable.value(row, layout.subject)),
                folder: ImportSupport.nonEmpty(CSVTable.value(row, layout.folder)), sourceID: sourceID))
    }
}
