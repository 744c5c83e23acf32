import Foundation
import TiesCore

/// Reads LinkedIn's `messages.csv` (and the older `Messages.csv`), streaming: a million rows are read
/// without holding them.
///
/// Layouts, told apart by their header (columns are found by name, in any order):
/// - **2018**: `From,To,Date,Subject,Content,Direction,Folder`, dates `10/16/18, 8:36 AM`; `Direction`
///   (`INCOMING`/`OUTGOING`) says who wrote; no conversation id (the pair of people stands for it).
/// - **9 columns** (2019–2022): `CONVERSATION ID, CONVERSATION TITLE, FROM, SENDER PROFILE URL, TO, DATE,
///   SUBJECT, CONTENT, FOLDER`.
/// - **10, 11 and 12 columns** (2022–): `RECIPIENT PROFILE URLS` after `TO`, then `ATTACHMENTS` and
///   `IS MESSAGE DRAFT` at the end in later years.
///
/// `DATE` is `2023-06-11 15:33:58 UTC` (UTC), or any form ``LinkedInDate`` reads.
///
/// **Group conversations.** `TO` and `RECIPIENT PROFILE URLS` hold comma lists in one quoted field. A name may
/// itself hold a comma (`Femi O SPHRi, CPHR`, `K M ADARSH ,`), so the list is cut at commas and pieces are
/// joined back when together they spell a name the file shows as a sender; with one URL, the whole field is
/// one name. Names and URLs are paired by position when the counts agree. A group message is one message to
/// each participant other than the user, with the group's size.
///
/// **Left out on purpose, and listed** (never a reason to refuse the file): rows with an empty `FROM`
/// (LinkedIn writes them for notices such as "X left the conversation", sponsored messages and deleted
/// accounts), rows with no participant other than the user, and drafts.
///
/// **Who the user is.** Pass ``LinkedInIdentity`` with the user's LinkedIn name(s) or profile URL. When it is
/// nil or empty, the user is the participant in the most rows, as sender or recipient, compared by name
/// (``MessageSurvey/likelyUser()``): not the most frequent sender, which in real inboxes was LinkedIn's
/// "LinkedIn Member" of sponsored messages or "Liza from LinkedIn Premium". The 2018 layout's `Direction`
/// decides by itself.
public enum LinkedInMessages {
    /// The `source` recorded on what this importer brings in.
    public static let source = "linkedin-messages"

    /// The source id stored for the interaction of `message` with one of its counterparts: the FNV-1a 128-bit
    /// digest (32 hex digits) of `sourceID|counterpart` (the counterpart's profile URL, or name when there is
    /// none). A digest, not the text: the text is ~120 bytes, stored in the row and again in the store's
    /// unique index, and real conversation ids are random, so each insert went to a random place of an index
    /// that outgrew the page cache (a million rows in the `sqlite3` shell: 12.6 s behind a random prefix,
    /// 6.1 s with a random 16-byte key instead, Benchmarks/sqlite-floor.sh). Stores written before hold the text; the store's migration
    /// `v-speed-message-digests` replaces it by this digest of it.
    public static func storedSourceID(of message: LinkedInMessage, with other: LinkedInParticipant) -> String {
        storedSourceID(of: message, other: other.profileURL ?? other.writtenName)
    }

    /// ``storedSourceID(of:with:)`` of `message` with its counterpart `k`, read where the message holds it (a
    /// caller that passed `message.counterparts[k]` copied it first: a retain and a release of each of its
    /// strings, for every interaction of a million messages, `perf`).
    public static func storedSourceID(of message: LinkedInMessage, counterpart k: Int) -> String {
        storedSourceID(of: message, other: message.counterparts[k].profileURL ?? message.counterparts[k].writtenName)
    }

    /// The stored source id of `message` with the counterpart whose profile URL, or name, is `other`.
    private static func storedSourceID(of message: LinkedInMessage, other: String) -> String {
        var digest = message.sourceIDDigest()
        digest.combine("|")
        digest.combine(other)
        return hex(digest)
    }

    /// `digest.hex`, without the array of digits that makes for each call: a million messages' ids spent 2 % of
    /// the reading thread there (`perf`). A test holds the two alike.
    static func hex(_ digest: FNV1a128) -> String {
        String(unsafeUninitializedCapacity: 32) { buffer in
            for i in 0..<16 {
                let high = UInt8(truncatingIfNeeded: digest.high >> UInt64(60 - 4 * i)) & 0xF
                let low = UInt8(truncatingIfNeeded: digest.low >> UInt64(60 - 4 * i)) & 0xF
                buffer[i] = high < 10 ? 0x30 + high : 0x57 + high
                buffer[16 + i] = low < 10 ? 0x30 + low : 0x57 + low
            }
            return 32
        }
    }

    /// What `DATE` accepts, for error messages.
    public static let acceptedDates = "a date-time such as 2023-06-11 15:33:58 UTC (or 10/16/18, 8:36 AM)"

    /// Whether a header row is that of a messages file (any generation).
    public static func isHeader(_ fields: [String]) -> Bool {
        let keys = Set(fields.map(CSVTable.key))
        guard keys.contains("from"), keys.contains("date") else { return false }
        return keys.contains("conversation id") || (keys.contains("to") && keys.contains("direction"))
    }

    /// Reads the file's bytes; `me` says who the user is (inferred when nil or empty).
    /// - Throws: ``ParseError`` when no header row is found, or a quoted field never closes.
    public static func read(_ bytes: [UInt8], me: LinkedInIdentity? = nil) throws(ParseError) -> LinkedInMessageImport {
        var records: [LinkedInMessage] = []
        var read = try forEach(in: bytes, me: me) { message in
            records.append(message)
            return true
        }
        read.result.records = records
        return read
    }

    /// Reads the file's bytes from `Data`.
    public static func read(_ data: Data, me: LinkedInIdentity? = nil) throws(ParseError) -> LinkedInMessageImport {
        try read([UInt8](data), me: me)
    }

    /// Reads the file, calling `body` with each message in file order instead of collecting them (`body`
    /// returns false to stop). The result holds the problems, the rows left out and the identity used; its
    /// records are empty.
    public static func forEach(
        in bytes: [UInt8], me: LinkedInIdentity? = nil, _ body: (LinkedInMessage) -> Bool
    ) throws(ParseError) -> LinkedInMessageImport {
        try forEach(in: .bytes(bytes), me: me, body)
    }

    /// Reads `input` (a file is read in blocks, never held whole), calling `body` with each message in file
    /// order, as ``forEach(in:me:_:)-([UInt8],_,_)`` does. The input must be UTF-8.
    ///
    /// Two passes over the input: the first keeps, per row, only the conversation, sender and date (to find who
    /// the user is and which messages were answered); the second builds each message. Neither decodes the
    /// columns no message needs (`CONTENT`, the bulk of the file), and each distinct profile URL is normalised
    /// once.
    public static func forEach(
        in input: CSVInput, me: LinkedInIdentity? = nil, _ body: (LinkedInMessage) -> Bool
    ) throws(ParseError) -> LinkedInMessageImport {
        let found = try header(of: input)
        let layout = MessageLayout(header: found.header)
        var survey = MessageSurvey()
        try eachRow(input, found, layout.surveyed) { (row: CSVRecord, _: Int) in
            survey.note(row, layout)
        }
        let identity = me.flatMap { $0.isEmpty ? nil : $0 } ?? survey.likelyUser()
        let inferred = (me?.isEmpty ?? true) && !layout.isOld
        let answered = survey.lastReplies(identity, layout)
        let builder = MessageBuilder(layout: layout, identity: identity)
        let senders = survey.senderNames
        let scattered = survey.scattered
        survey = MessageSurvey()  // its row per message is not needed any more: free it before the second pass
        var lookups = NameLookups()
        var read = LinkedInMessageImport(
            result: ImportResult(), me: identity ?? LinkedInIdentity(), meWasInferred: inferred && identity != nil)
        // The ordinals of the conversation being read; those of a conversation whose rows the file scatters are
        // kept for when it comes back.
        var ordinals = (conversation: ConversationKey?.none, numbers: MessageOrdinals())
        var kept: [ConversationKey: MessageOrdinals] = [:]
        try eachRow(input, found, layout.wanted) { (row: CSVRecord, record: Int) in
            let conversation = ConversationKey(layout.conversationKey(row))
            let lastReply = answered[conversation]
            lookups.removeAll()
            var outcome = builder.message(
                row, record: record, lastReply: lastReply, senders: senders, lookups: &lookups)
            if case .message = outcome {
                if conversation != ordinals.conversation {
                    if let ended = ordinals.conversation, scattered.contains(ended) { kept[ended] = ordinals.numbers }
                    ordinals.conversation = conversation
                    if let again = kept[conversation] { ordinals.numbers = again } else { ordinals.numbers.reset() }
                }
                ordinals.numbers.number(&outcome)
            }
            return read.take(outcome, of: row, body)
        }
        return read
    }

    /// Reads `input` in one pass (``MessageConversations``), calling `body` with each message, when it can:
    /// `me` is given, the file is not of the 2018 layout, it keeps each conversation's rows together (as every
    /// real export does), and no `TO` list would have been cut by a sender's name read after it. Then the
    /// messages, skipped rows and problems are those of ``forEach(in:me:_:)-(CSVInput,_,_)``, in the same
    /// order. Nil when it cannot — found out after `body` had the messages before: the caller discards those
    /// and reads the file in two passes.
    public static func forEachInOnePass(
        in input: CSVInput, me: LinkedInIdentity?, _ body: (LinkedInMessage) -> Bool
    ) throws(ParseError) -> LinkedInMessageImport? {
        try forEachInOnePass(in: input, me: me, interner: FieldInterner(), body)
    }

    /// ``forEachInOnePass(in:me:_:)`` with the rows' fields numbered by `interner` (a test gives a small one,
    /// to read a file whose values outnumber it).
    static func forEachInOnePass(
        in input: CSVInput, me: LinkedInIdentity?, interner: FieldInterner, _ body: (LinkedInMessage) -> Bool
    ) throws(ParseError) -> LinkedInMessageImport? {
        guard let me, !me.isEmpty else { return nil }
        let found = try header(of: input)
        let layout = MessageLayout(header: found.header)
        guard !layout.isOld else { return nil }
        var conversations = MessageConversations(layout: layout, identity: me)
        var read = LinkedInMessageImport(result: ImportResult(), me: me, meWasInferred: false)
        var going = true
        func take(_ outcome: MessageBuilder.Outcome, _ row: CSVRecord) -> Bool {
            going = read.take(outcome, of: row, body)
            return going
        }
        var row = NumberedMessageRow(layout: layout, line: found.header.line, interner: interner)
        conversations.interner = row.strings
        try eachRow(input, found, layout, into: &row) { (row: NumberedMessageRow, record: Int) in
            conversations.add(
                row.record, record: record, sender: (row.number(layout.from), row.number(layout.senderURL)),
                recipients: (row.number(layout.to), row.number(layout.recipientURLs)), take)
        }
        if going { conversations.finish(take) }
        return conversations.needsTwoPasses ? nil : read
    }

    /// Reads `input` as ``forEach(in:me:_:)-(CSVInput,_,_)`` does, but on a thread of its own, where
    /// `transform` turns each message into what the caller stores (appending to the batch it is given); `body` runs on the calling thread with
    /// those in file order, a few thousand at a time (false stops the reading). Reading and storing a large
    /// file overlap on two cores: a million messages spent 4 s of 16 in reading and building messages before
    /// their inserts. `body` takes a whole batch so that the caller's loop over it is compiled for its type
    /// (a loop here, in generic code, copied each record through its type's value witnesses: 2.7 % of the
    /// samples in `perf`).
    ///
    /// With `onePass`, the file is read as ``forEachInOnePass(in:me:_:)`` reads it, and nil is returned when
    /// that cannot be done (`body` may have had batches: the caller discards them).
    public static func forEachBatch<Output: Sendable>(
        in input: CSVInput, me: LinkedInIdentity?, onePass: Bool = false,
        transform: @escaping @Sendable (LinkedInMessage, inout [Output]) -> Void, _ body: ([Output]) -> Bool
    ) throws(ParseError) -> LinkedInMessageImport? {
        try MessageBatches(in: input, me: me, onePass: onePass, transform: transform).consume(body)
    }

    /// How much of a file is searched for the header row: the preamble LinkedIn writes before it is a few lines.
    static let headerSearch = 1 << 20

    /// The header row of a messages file and the offset of its first byte.
    /// - Throws: ``ParseError`` when there is none (saying so more precisely when only a column is missing).
    static func header(of input: CSVInput) throws(ParseError) -> (header: CSVRecord, offset: Int) {
        let bytes: [UInt8]
        switch input.storage {
        case .bytes(let all): bytes = all
        case .file:
            // The first lines only, cut after the last whole line.
            var head = try input.head(headerSearch + 1)
            if head.count > headerSearch, let last = head.lastIndex(where: { $0 == CSVReader.lf || $0 == CSVReader.cr })
            {
                head.removeSubrange((last + 1)...)
            }
            bytes = head
        }
        if let found = CSVTable.locateHeader(in: bytes, hint: "from", isHeader: isHeader) { return found }
        let fromAndDate = CSVTable.locateHeader(in: bytes, hint: "from") { fields in
            let keys = Set(fields.map(CSVTable.key))
            return keys.contains("from") && keys.contains("date")
        }
        if let fromAndDate {
            throw ParseError(
                line: fromAndDate.header.line, field: "CONVERSATION ID", found: "<no such column>",
                expected:
                    "a CONVERSATION ID column, which gives each message a stable id for re-imports (or the 2018 layout's Direction column)"
            )
        }
        throw ParseError(
            line: 1, found: "<no header row>",
            expected:
                "a header row naming the columns CONVERSATION ID, FROM, DATE (and usually TO, SENDER PROFILE URL, RECIPIENT PROFILE URLS, SUBJECT, CONTENT, FOLDER), or the 2018 layout From,To,Date,Subject,Content,Direction,Folder — is this LinkedIn's messages.csv?"
        )
    }

    /// Calls `body` with each data row after the header and its 1-based index, skipping blank rows; only the
    /// layout's wanted fields are decoded. A file's rows are scanned on a thread of their own
    /// (``MessageRowScan``).
    static func eachRow(
        _ input: CSVInput, _ found: (header: CSVRecord, offset: Int), _ layout: MessageLayout,
        into row: inout NumberedMessageRow, _ body: (NumberedMessageRow, Int) -> Bool
    ) throws(ParseError) {
        var first = true
        var index = 0
        func each(_ row: NumberedMessageRow) -> Bool {
            if first {
                first = false
                return true
            }
            if row.isBlank { return true }
            index += 1
            return body(row, index)
        }
        if case .file = input.storage {
            try MessageRowScan.forEachRecord(
                in: input, from: found.offset, line: found.header.line, layout: layout, into: &row, each)
        } else {
            try CSVReader.forEachRecord(
                in: input, from: found.offset, line: found.header.line, wanted: layout.wanted, into: &row, each)
        }
    }

    static func eachRow(
        _ input: CSVInput, _ found: (header: CSVRecord, offset: Int), _ wanted: [Bool],
        _ body: (CSVRecord, Int) -> Bool
    ) throws(ParseError) {
        var first = true
        var index = 0
        try CSVReader.forEachRecord(in: input, from: found.offset, line: found.header.line, wanted: wanted) {
            record in
            if first {
                first = false
                return true
            }
            if record.fields.count == 1 && record.fields[0].isEmpty { return true }
            index += 1
            return body(record, index)
        }
    }

    /// `2023-06-11 15:33:58 UTC` (or ISO 8601; no zone means UTC), or any ``LinkedInDate`` form, as an
    /// instant; nil for anything else.
    public static func parseDate(_ text: String) -> Date? {
        if let seconds = utcSeconds(text) { return Date(timeIntervalSince1970: Double(seconds)) }
        return anyDate(text)
    }

    /// ``parseDate(_:)`` by the general date parsers alone.
    static func anyDate(_ text: String) -> Date? {
        var trimmed = text.trimmedWhitespace()
        for suffix in [" UTC", " GMT", " utc"] where trimmed.hasSuffix(suffix) {
            trimmed = String(trimmed.dropLast(suffix.count))
        }
        if case .instant(let date)? = try? DateInput.parse(trimmed, field: "DATE", timeZone: utc) { return date }
        return LinkedInDate.instant(text)
    }

    static let utc = TimeZone(identifier: "UTC")!

    /// The form every message of a current export has, `2023-06-11 15:33:58 UTC`, read from its bytes: the
    /// general date parser, run on every row in both passes, was 3.7 % of all samples in `perf`. Nil for
    /// anything else (then the general parser decides); a test checks both agree on every form.
    static func utcSeconds(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { b -> Int64? in
            guard b.count == 23, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x20, b[13] == 0x3A, b[16] == 0x3A,
                b[19] == 0x20, b[20] == 0x55, b[21] == 0x54, b[22] == 0x43
            else { return nil }
            func number(_ from: Int, _ count: Int) -> Int? {
                var n = 0
                for k in from..<(from + count) {
                    let digit = Int(b[k]) - 0x30
                    guard (0...9).contains(digit) else { return nil }
                    n = n * 10 + digit
                }
                return n
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                hour < 24, minute < 60, second < 60, let date = Day(year: year, month: month, day: day)
            else { return nil }
            return Int64(date.ordinal) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        }
    }
}

/// A reading of a messages file on a thread of its own, as ``LinkedInMessages/forEachBatch(in:me:onePass:transform:_:)``
/// reads it, started when this is made: a caller can start it before it is ready to store what it reads (an
/// import whose store indexes its people first), and take the batches with ``consume(_:)``. It waits, a few
/// batches ahead, for them to be taken; when this goes without them taken, the reading stops.
public final class MessageBatches<Output: Sendable> {
    private let pipe = BatchPipe<Output, Result<LinkedInMessageImport?, ParseError>>()

    /// Starts reading `input`; see ``LinkedInMessages/forEachBatch(in:me:onePass:transform:_:)``.
    public init(
        in input: CSVInput, me: LinkedInIdentity?, onePass: Bool = false,
        transform: @escaping @Sendable (LinkedInMessage, inout [Output]) -> Void
    ) {
        let pipe = pipe
        let batchSize = 4096
        Thread {
            var batch = pipe.emptyBatch(capacity: batchSize)
            let outcome = Result { () throws(ParseError) -> LinkedInMessageImport? in
                let each = { (message: LinkedInMessage) -> Bool in
                    transform(message, &batch)
                    return pipe.sendWhenFull(&batch, size: batchSize)
                }
                return onePass
                    ? try LinkedInMessages.forEachInOnePass(in: input, me: me, each)
                    : try LinkedInMessages.forEach(in: input, me: me, each)
            }
            pipe.finish(last: batch, outcome)
        }.start()
    }

    deinit { pipe.cancel() }

    /// Calls `body` with the batches in file order (false stops the reading), then returns what
    /// ``LinkedInMessages/forEachBatch(in:me:onePass:transform:_:)`` returns. Called once.
    public func consume(_ body: ([Output]) -> Bool) throws(ParseError) -> LinkedInMessageImport? {
        try pipe.drain(body).get()
    }
}
