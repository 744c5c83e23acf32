import Foundation
import TiesCore

// MARK: - Connections.csv

/// One row of LinkedIn's `Connections.csv`: a first-degree connection.
public struct LinkedInConnection: Sendable, Equatable {
    /// The line of the row in the file.
    public var line: Int
    /// `First Name` and `Last Name` joined with a space (either may be empty, not both).
    public var name: String
    /// The profile URL, normalised (see ``LinkedInConnections``), when the row has one.
    public var profileURL: String?
    /// The email address, when the connection lets their connections see it (most do not).
    public var email: String?
    /// `Company`.
    public var organisation: String?
    /// `Position`.
    public var title: String?
    /// `Connected On`, when the row has a date.
    public var connectedOn: Day?
    /// A stable id for re-imports: the normalised profile URL, or `name|YYYY-MM-DD` when there is none.
    public var sourceID: String

    /// Creates a connection record.
    public init(
        line: Int, name: String, profileURL: String? = nil, email: String? = nil, organisation: String? = nil,
        title: String? = nil, connectedOn: Day? = nil, sourceID: String
    ) {
        self.line = line
        self.name = name
        self.profileURL = profileURL
        self.email = email
        self.organisation = organisation
        self.title = title
        self.connectedOn = connectedOn
        self.sourceID = sourceID
    }

    /// The LinkedIn profile (kind `.linkedin`) and the email (kind `.email`), in that order, when present.
    public var contactPoints: [ContactPoint] {
        var points: [ContactPoint] = []
        if let profileURL { points.append(ContactPoint(kind: .linkedin, value: profileURL)) }
        if let email { points.append(ContactPoint(kind: .email, value: email)) }
        return points
    }

    /// The connection as a new ``Person`` (no id, no roles).
    public var person: Person {
        Person(name: name, organisation: organisation, title: title, contactPoints: contactPoints)
    }
}

/// Reads LinkedIn's `Connections.csv` (Settings › Data privacy › Get a copy of your data).
///
/// The file as LinkedIn writes it: a UTF-8 byte-order mark, CRLF line ends, and a `Notes:` preamble of a
/// few lines of prose (quoted, holding commas and sometimes quotes that do not balance) before the header
/// `First Name,Last Name,URL,Email Address,Company,Position,Connected On`. The header is found by its
/// content — the first line naming `First Name`, `Last Name` and `Connected On` or `URL` — never by
/// skipping a fixed number of lines. Columns are found by name, in any order; extra columns are ignored.
///
/// `Connected On` is accepted as `12 Mar 2024` (LinkedIn's form), `12-Mar-24` and `12-Mar-2024` (the same
/// date after a spreadsheet re-saved the file in its `d-mmm-yy` format; a two-digit year is 20yy, since
/// LinkedIn began in 2003), or `2024-03-12`. Anything else, `03/12/2024` included (day and month cannot be
/// told apart), is a problem naming the line. Month names are English, abbreviated or in full.
///
/// Rows with neither a name nor a profile URL (LinkedIn writes these for members who hide their
/// details) are reported in ``ImportResult/skipped``.
public enum LinkedInConnections {
    /// The `source` recorded on what this importer brings in.
    public static let source = "linkedin-connections"

    /// What `Connected On` accepts, for error messages.
    public static let acceptedDates = "a date such as 12 Mar 2024 (also 12-Mar-24, 12-Mar-2024 or 2024-03-12)"

    /// Reads the file's bytes.
    /// - Throws: ``ParseError`` when no header row is found, or a quoted field after it never closes.
    public static func read(_ bytes: [UInt8]) throws(ParseError) -> ImportResult<LinkedInConnection> {
        let table = try CSVTable.locate(in: bytes, hint: "first name") { fields in
            let keys = Set(fields.map(CSVTable.key))
            return keys.contains("first name") && keys.contains("last name")
                && (keys.contains("connected on") || keys.contains("url"))
        }
        guard let table else {
            throw ParseError(
                line: 1, found: "<no header row>",
                expected:
                    "a header row naming the columns First Name, Last Name, URL, Email Address, Company, Position, Connected On (is this LinkedIn's Connections.csv?)"
            )
        }
        let first = table.column("First Name")
        let last = table.column("Last Name")
        let url = table.column("URL")
        let email = table.column("Email Address") ?? table.column("Email")
        let company = table.column("Company")
        let position = table.column("Position")
        let connected = table.column("Connected On")

        var result = ImportResult<LinkedInConnection>()
        let ragged = Dictionary(table.raggedRows.map { ($0.line, $0) }, uniquingKeysWith: { a, _ in a })
        for (k, row) in table.rows.enumerated() {
            if var problem = ragged[row.line] {
                problem.record = k + 1
                result.problems.append(problem)
                continue
            }
            let name = [CSVTable.value(row, first), CSVTable.value(row, last)]
                .compactMap { ImportSupport.nonEmpty($0) }.joined(separator: " ")
            let profile = ImportSupport.nonEmpty(CSVTable.value(row, url)).map(ImportSupport.normalisedURL)
            if name.isEmpty {
                result.skipped.append(
                    SkippedRecord(
                        line: row.line,
                        reason: profile == nil
                            ? "the row has neither a name nor a profile URL"
                            : "the row has a profile URL (\(profile!)) but no name"))
                continue
            }
            var day: Day?
            if let text = ImportSupport.nonEmpty(CSVTable.value(row, connected)) {
                guard let parsed = parseDate(text) else {
                    result.problems.append(
                        ParseError(
                            line: row.line, record: k + 1, field: "Connected On", found: text, expected: acceptedDates))
                    continue
                }
                day = parsed
            }
            let sourceID = profile ?? "\(name)|\(day?.description ?? "")"
            result.records.append(
                LinkedInConnection(
                    line: row.line, name: name, profileURL: profile,
                    email: ImportSupport.nonEmpty(CSVTable.value(row, email)),
                    organisation: ImportSupport.nonEmpty(CSVTable.value(row, company)),
                    title: ImportSupport.nonEmpty(CSVTable.value(row, position)),
                    connectedOn: day, sourceID: sourceID))
        }
        return result
    }

    /// Reads the file's bytes from `Data`.
    public static func read(_ data: Data) throws(ParseError) -> ImportResult<LinkedInConnection> {
        try read([UInt8](data))
    }

    /// `12 Mar 2024`, `12-Mar-24`, `12-Mar-2024` or `2024-03-12`; nil for anything else.
    public static func parseDate(_ text: String) -> Day? {
        var b = Array(text.utf8)[...]
        while b.first == 0x20 || b.first == 0x09 { b = b.dropFirst() }
        while b.last == 0x20 || b.last == 0x09 { b = b.dropLast() }
        func number(_ digits: ArraySlice<UInt8>) -> Int? {
            guard !digits.isEmpty, digits.count <= 4 else { return nil }
            var n = 0
            for d in digits {
                guard d >= 0x30 && d <= 0x39 else { return nil }
                n = n * 10 + Int(d - 0x30)
            }
            return n
        }
        let dash: UInt8 = 0x2D
        if b.count == 10, b[b.startIndex + 4] == dash, b[b.startIndex + 7] == dash {  // 2024-03-12
            let s = b.startIndex
            guard let y = number(b[s..<(s + 4)]), let m = number(b[(s + 5)..<(s + 7)]), let d = number(b[(s + 8)...])
            else { return nil }
            return Day(year: y, month: m, day: d)
        }
        let separator: UInt8 = b.contains(dash) ? dash : 0x20
        let parts = b.split(separator: separator, omittingEmptySubsequences: separator == 0x20)
        guard parts.count == 3, parts[0].count <= 2, let d = number(parts[0]),
            parts[1].allSatisfy(ImportSupport.isASCIILetter),
            let m = ImportSupport.month(named: Substring(String(decoding: parts[1], as: UTF8.self))),
            let yy = number(parts[2])
        else { return nil }
        let year: Int
        switch (parts[2].count, separator) {
        case (4, _): year = yy
        case (2, dash): year = 2000 + yy
        default: return nil
        }
        return Day(year: year, month: m, day: d)
    }
}

// MARK: - messages.csv

/// Someone named in a LinkedIn message: their name as shown, and their profile URL when the export has it.
public struct LinkedInParticipant: Sendable, Equatable, Hashable {
    /// The name as LinkedIn shows it.
    public var name: String
    /// The profile URL, normalised, when known.
    public var profileURL: String?

    /// Creates a participant.
    public init(name: String, profileURL: String? = nil) {
        self.name = name
        self.profileURL = profileURL
    }
}

/// Who the user is in a LinkedIn export: any of these names or profile URLs.
public struct LinkedInIdentity: Sendable, Equatable {
    /// Names as LinkedIn shows them (compared trimmed and case-insensitively).
    public var names: [String]
    /// Profile URLs (compared after normalisation).
    public var profileURLs: [String]

    /// Creates an identity.
    public init(names: [String] = [], profileURLs: [String] = []) {
        self.names = names
        self.profileURLs = profileURLs
    }

    /// Whether neither a name nor a URL is given.
    public var isEmpty: Bool { names.isEmpty && profileURLs.isEmpty }

    /// Whether `participant` is the user: by profile URL when both sides have URLs (then names are not
    /// compared, as two people can share a name), otherwise by name.
    public func matches(_ participant: LinkedInParticipant) -> Bool {
        if let url = participant.profileURL, !profileURLs.isEmpty {
            let key = ImportSupport.normalisedURL(url)
            return profileURLs.contains { ImportSupport.normalisedURL($0) == key }
        }
        let name = participant.name.trimmedWhitespace().lowercased()
        return !name.isEmpty && names.contains { $0.trimmedWhitespace().lowercased() == name }
    }
}

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
    /// name when there is none).
    public var sourceID: String

    /// Creates a message record.
    public init(
        line: Int, conversationID: String, conversationTitle: String? = nil, from: LinkedInParticipant,
        to: [LinkedInParticipant], occurredAt: Date, direction: Direction, counterparts: [LinkedInParticipant],
        groupSize: Int, answered: Bool, subject: String? = nil, folder: String? = nil, sourceID: String
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
        self.sourceID = sourceID
    }
}

/// What ``LinkedInMessages/read(_:me:)`` found: the messages, and who it took the user to be.
public struct LinkedInMessageImport: Sendable {
    /// The messages in file order, with problems and skipped rows.
    public var result: ImportResult<LinkedInMessage>
    /// The identity used to decide directions.
    public var me: LinkedInIdentity
    /// True when ``me`` was not given but inferred as the most frequent sender.
    public var meWasInferred: Bool
}

/// Reads LinkedIn's `messages.csv`.
///
/// Columns are found by name (case-insensitive), so missing or extra columns are tolerated; only `FROM`,
/// `DATE` and `CONVERSATION ID` are required. The header is found by content, as in
/// ``LinkedInConnections``. `DATE` is `2023-06-11 15:33:58 UTC`; an ISO 8601 date-time with `T`, `Z` or
/// an offset is also accepted, and a time without a zone is taken as UTC.
///
/// `TO` and `RECIPIENT PROFILE URLS` hold comma-separated lists; names and URLs are paired by position
/// when the two lists have the same length.
///
/// **Who the user is.** Pass ``LinkedInIdentity`` with the user's LinkedIn name(s) or profile URL. When
/// it is nil or empty, the user is taken to be the participant who appears most often as the sender
/// (by profile URL when the row has one, else by name; ties go to the alphabetically first key), since
/// everyone else in an export appears only in the user's conversations. The result says which identity
/// was used and whether it was inferred, so the caller can show it.
///
/// Drafts (`IS MESSAGE DRAFT` yes/true) and notes to self are reported in ``ImportResult/skipped``.
public enum LinkedInMessages {
    /// The `source` recorded on what this importer brings in.
    public static let source = "linkedin-messages"

    /// What `DATE` accepts, for error messages.
    public static let acceptedDates = "a date-time such as 2023-06-11 15:33:58 UTC"

    /// Reads the file's bytes; `me` says who the user is (inferred when nil or empty).
    /// - Throws: ``ParseError`` when no header row is found, required columns are missing, or a quoted
    ///   field never closes.
    public static func read(_ bytes: [UInt8], me: LinkedInIdentity? = nil) throws(ParseError) -> LinkedInMessageImport {
        let table = try CSVTable.locate(in: bytes, hint: "from") { fields in
            let keys = Set(fields.map(CSVTable.key))
            return keys.contains("from") && keys.contains("date")
        }
        guard let table else {
            throw ParseError(
                line: 1, found: "<no header row>",
                expected:
                    "a header row naming the columns CONVERSATION ID, FROM, DATE (and usually TO, SENDER PROFILE URL, RECIPIENT PROFILE URLS, SUBJECT, CONTENT, FOLDER) — is this LinkedIn's messages.csv?"
            )
        }
        guard let conversationColumn = table.column("CONVERSATION ID") else {
            throw ParseError(
                line: table.headerLine, field: "CONVERSATION ID", found: "<no such column>",
                expected: "a CONVERSATION ID column, which gives each message a stable id for re-imports")
        }
        let fromColumn = table.column("FROM")
        let dateColumn = table.column("DATE")
        let senderURLColumn = table.column("SENDER PROFILE URL")
        let toColumn = table.column("TO")
        let recipientURLsColumn = table.column("RECIPIENT PROFILE URLS")
        let titleColumn = table.column("CONVERSATION TITLE")
        let subjectColumn = table.column("SUBJECT")
        let folderColumn = table.column("FOLDER")
        let draftColumn = table.column("IS MESSAGE DRAFT")

        struct Row {
            var line: Int
            var conversationID: String
            var title: String?
            var from: LinkedInParticipant
            var to: [LinkedInParticipant]
            var date: Date
            var dateText: String
            var subject: String?
            var folder: String?
        }
        var result = ImportResult<LinkedInMessage>()
        var rows: [Row] = []
        let ragged = Dictionary(table.raggedRows.map { ($0.line, $0) }, uniquingKeysWith: { a, _ in a })
        for (k, row) in table.rows.enumerated() {
            if var problem = ragged[row.line] {
                problem.record = k + 1
                result.problems.append(problem)
                continue
            }
            func problem(_ field: String, _ found: String, _ expected: String) {
                result.problems.append(
                    ParseError(line: row.line, record: k + 1, field: field, found: found, expected: expected))
            }
            if let draft = CSVTable.value(row, draftColumn)?.lowercased(), draft == "yes" || draft == "true" {
                result.skipped.append(SkippedRecord(line: row.line, reason: "the message is a draft"))
                continue
            }
            guard let conversation = ImportSupport.nonEmpty(CSVTable.value(row, conversationColumn)) else {
                problem("CONVERSATION ID", "", "the conversation's id")
                continue
            }
            let senderURL = ImportSupport.nonEmpty(CSVTable.value(row, senderURLColumn)).map(
                ImportSupport.normalisedURL)
            let senderName = ImportSupport.nonEmpty(CSVTable.value(row, fromColumn))
            guard senderName != nil || senderURL != nil else {
                problem("FROM", "", "the sender's name")
                continue
            }
            guard let dateText = ImportSupport.nonEmpty(CSVTable.value(row, dateColumn)) else {
                problem("DATE", "", acceptedDates)
                continue
            }
            guard let date = parseDate(dateText) else {
                problem("DATE", dateText, acceptedDates)
                continue
            }
            rows.append(
                Row(
                    line: row.line, conversationID: conversation,
                    title: ImportSupport.nonEmpty(CSVTable.value(row, titleColumn)),
                    from: LinkedInParticipant(name: senderName ?? "", profileURL: senderURL),
                    to: participants(
                        names: CSVTable.value(row, toColumn), urls: CSVTable.value(row, recipientURLsColumn)),
                    date: date, dateText: dateText,
                    subject: ImportSupport.nonEmpty(CSVTable.value(row, subjectColumn)),
                    folder: ImportSupport.nonEmpty(CSVTable.value(row, folderColumn))))
        }

        var identity = me ?? LinkedInIdentity()
        let inferred = identity.isEmpty
        if inferred {
            var counts: [String: (count: Int, participant: LinkedInParticipant)] = [:]
            for row in rows {
                let key = row.from.profileURL ?? row.from.name.lowercased()
                counts[key, default: (0, row.from)].count += 1
            }
            // Most messages first, then the smallest key: dictionary order never decides.
            if let best = counts.max(by: { a, b in
                a.value.count != b.value.count ? a.value.count < b.value.count : a.key > b.key
            }) {
                identity = LinkedInIdentity(
                    names: best.value.participant.name.isEmpty ? [] : [best.value.participant.name],
                    profileURLs: best.value.participant.profileURL.map { [$0] } ?? [])
            }
        }

        // The last time the user wrote in each conversation decides whether earlier inbound ones were answered.
        var lastReply: [String: Date] = [:]
        for row in rows where identity.matches(row.from) {
            lastReply[row.conversationID] = max(lastReply[row.conversationID] ?? row.date, row.date)
        }
        for row in rows {
            let mine = identity.matches(row.from)
            let counterparts = mine ? row.to.filter { !identity.matches($0) } : [row.from]
            if counterparts.isEmpty {
                result.skipped.append(
                    SkippedRecord(line: row.line, reason: "the message has no recipient other than you"))
                continue
            }
            let answered = mine || (lastReply[row.conversationID].map { $0 > row.date } ?? false)
            let sender = row.from.profileURL ?? row.from.name
            result.records.append(
                LinkedInMessage(
                    line: row.line, conversationID: row.conversationID, conversationTitle: row.title,
                    from: row.from, to: row.to, occurredAt: row.date, direction: mine ? .outbound : .inbound,
                    counterparts: counterparts, groupSize: max(1, row.to.count), answered: answered,
                    subject: row.subject, folder: row.folder,
                    sourceID: "\(row.conversationID)|\(row.dateText)|\(sender)"))
        }
        return LinkedInMessageImport(result: result, me: identity, meWasInferred: inferred)
    }

    /// Reads the file's bytes from `Data`.
    public static func read(_ data: Data, me: LinkedInIdentity? = nil) throws(ParseError) -> LinkedInMessageImport {
        try read([UInt8](data), me: me)
    }

    /// `2023-06-11 15:33:58 UTC` (or ISO 8601; no zone means UTC) as an instant, or nil.
    public static func parseDate(_ text: String) -> Date? {
        var trimmed = text.trimmedWhitespace()
        for suffix in [" UTC", " GMT", " utc"] where trimmed.hasSuffix(suffix) {
            trimmed = String(trimmed.dropLast(suffix.count))
        }
        guard case .instant(let date)? = try? DateInput.parse(trimmed, field: "DATE", timeZone: utc) else { return nil }
        return date
    }

    static let utc = TimeZone(identifier: "UTC")!

    /// Pairs a comma-separated list of names with one of URLs.
    static func participants(names: String?, urls: String?) -> [LinkedInParticipant] {
        func split(_ text: String?) -> [String] {
            (text ?? "").split(separator: ",").map { $0.trimmedWhitespace() }.filter { !$0.isEmpty }
        }
        let nameList = split(names)
        let urlList = split(urls).map(ImportSupport.normalisedURL)
        if nameList.count == urlList.count {
            return zip(nameList, urlList).map { LinkedInParticipant(name: $0, profileURL: $1) }
        }
        if nameList.isEmpty { return urlList.map { LinkedInParticipant(name: "", profileURL: $0) } }
        return nameList.map { LinkedInParticipant(name: $0) }
    }
}
