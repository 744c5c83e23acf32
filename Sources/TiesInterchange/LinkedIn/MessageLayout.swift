import Foundation

/// Where the fields of a LinkedIn messages file are, in whichever layout its header has.
struct MessageLayout {
    var conversation, title, from, senderURL, to, recipientURLs, date, subject, folder, draft, direction: Int?
    /// The columns a message is built from (the first one always, which tells a blank row); the others —
    /// `CONTENT`, `ATTACHMENTS` — are not decoded.
    let wanted: [Bool]
    /// The columns the first pass reads (``MessageSurvey``): who wrote, to whom (`TO`, as written), when, in
    /// which conversation. Not decoding the others there saves a string or two a row (a recipient's profile
    /// URL is ~45 bytes).
    let surveyed: [Bool]
    /// Profile URLs as normalised, each distinct one normalised once (a million rows hold a few thousand).
    let urls = URLForms()

    init(header: CSVRecord) {
        let table = CSVTable(header: header, rows: [])
        conversation = table.column("CONVERSATION ID")
        title = table.column("CONVERSATION TITLE")
        from = table.column("FROM")
        senderURL = table.column("SENDER PROFILE URL")
        to = table.column("TO")
        recipientURLs = table.column("RECIPIENT PROFILE URLS")
        date = table.column("DATE")
        subject = table.column("SUBJECT")
        folder = table.column("FOLDER")
        draft = table.column("IS MESSAGE DRAFT")
        direction = table.column("DIRECTION")
        var wanted = [Bool](repeating: false, count: max(1, header.fields.count))
        wanted[0] = true
        for case let k? in [
            conversation, title, from, senderURL, to, recipientURLs, date, subject, folder, draft, direction,
        ] {
            wanted[k] = true
        }
        self.wanted = wanted
        var surveyed = [Bool](repeating: false, count: wanted.count)
        surveyed[0] = true
        for case let k? in [conversation, from, senderURL, to, date, draft, direction] {
            surveyed[k] = true
        }
        self.surveyed = surveyed
    }

    /// The 2018 layout: no conversation id; `Direction` says who wrote.
    var isOld: Bool { conversation == nil }

    /// The sender as written: name and normalised profile URL (either may be empty).
    func sender(_ row: CSVRecord) -> LinkedInParticipant {
        LinkedInParticipant(
            name: CSVTable.value(row, from) ?? "",
            profileURL: ImportSupport.nonEmpty(CSVTable.value(row, senderURL)).map(urls.normalised))
    }

    /// Whether the row says by itself that the user wrote it (2018 layout: `Direction` is `OUTGOING`);
    /// nil when the row does not say.
    func saysOutgoing(_ row: CSVRecord) -> Bool? {
        guard let direction = CSVTable.value(row, direction)?.uppercased(), !direction.isEmpty else { return nil }
        return direction.hasPrefix("OUT") || direction == "SENT"
    }

    /// The conversation a row belongs to: its id, or in the 2018 layout the other person's name.
    func conversationKey(_ row: CSVRecord) -> String {
        if let id = CSVTable.value(row, conversation) { return id }
        let other = saysOutgoing(row) == true ? CSVTable.value(row, to) : CSVTable.value(row, from)
        return "2018|" + (other ?? "").lowercased()
    }
}
