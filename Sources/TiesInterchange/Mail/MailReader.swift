import Foundation
import TiesCore

/// Turns header blocks from any ``MailHeaderSource`` into ``MailRecord``s, counting what it leaves out.
///
/// Every message read is exactly one of: a record (handed on), filtered (counted by ``MailFilter``), or
/// listed (a problem, with its file and byte offset). So `read = records + filtered + listed` always holds.
/// Memory stays flat: besides the counts it keeps only 8 bytes per message id, to tell copies of one
/// message (Inbox and Sent, two Gmail labels) apart from new ones.
public struct MailReader {
    /// One message that could not be used, or one header line that could not be read.
    public struct Listed: Sendable, Equatable {
        public var file: String
        public var offset: Int
        public var reason: String
    }

    public var classifier: MailClassifier
    /// Keep subjects on the records (`--keep-subjects`).
    public var keepSubjects: Bool
    public private(set) var read = 0
    public private(set) var records = 0
    public private(set) var filtered: [MailFilter: Int] = [:]
    /// Messages left out because they cannot be used (first 200 kept; ``listedCount`` counts all).
    public private(set) var listed: [Listed] = []
    public private(set) var listedCount = 0
    /// Header lines skipped as malformed, in messages otherwise read (first 50 kept).
    public private(set) var malformedLines: [Listed] = []
    public private(set) var malformedCount = 0
    /// Messages whose raw 8-bit headers were read as Windows-1252.
    public private(set) var transcodedCount = 0
    /// The mailing lists' addresses named by the messages read (``MailMessage/listAddresses``), whatever
    /// became of those messages — the user's own copy of a post to a list has no list headers, the list's
    /// copies of it and of others' posts have them — and the correspondents at a host of lists
    /// (``MailClassifier/isListHost(_:)``).
    public private(set) var mailingLists = Set<String>()
    private var seen = Set<UInt64>()
    /// The last folder seen and its filter: a folder's name is looked at once, not once per message.
    private var folder: (name: String?, filter: MailFilter?) = (nil, nil)
    private let charsets = MailCharsets()

    public init(classifier: MailClassifier, keepSubjects: Bool = false) {
        self.classifier = classifier
        self.keepSubjects = keepSubjects
    }

    /// The record for one message, or nil when it is filtered or listed (and counted as such).
    public mutating func record(for block: MailHeaderBlock) -> MailRecord? {
        read += 1
        if block.truncated {
            list(block, "the file ends inside this message's header (cut off)")
            return nil
        }
        let headers = MailHeaders.parse(block.bytes)
        for line in headers.malformedLines {
            malformedCount += 1
            if malformedLines.count < 50 {
                malformedLines.append(
                    Listed(
                        file: block.file, offset: block.offset + line,
                        reason: "header line without a field name skipped"))
            }
        }
        var message = MailMessage(
            headers: headers, envelope: block.envelopeDate, charsets: charsets, recipients: false)
        mailingLists.formUnion(message.listAddresses)
        if block.folder != folder.name { folder = (block.folder, MailClassifier.folderFilter(block.folder)) }
        var decision = classifier.decisionBeforeRecipients(message, folder: nil)
        // The folder weighs as in `classify`: after the sender and labels, before the date and bulk headers (a
        // newsletter in Spam is in Spam).
        if let filter = folder.filter {
            switch decision {
            case nil, .filtered(.beforeSince), .filtered(.bulk), .filtered(.automatedSender):
                decision = .filtered(filter)
            default: break
            }
        }
        if decision == nil {
            message.readRecipients(of: headers, charsets: charsets)
            decision = classifier.classify(message, folder: nil)
        }
        if message.transcoded { transcodedCount += 1 }
        var fromMe = false
        var counterparts: [MailAddress] = []
        switch decision ?? .problem("unclassified") {
        case .problem(let reason):
            list(block, reason)
            return nil
        case .filtered(let filter):
            filtered[filter, default: 0] += 1
            return nil
        case .outbound(let recipients):
            fromMe = true
            counterparts = recipients
        case .inbound(let sender):
            counterparts = [sender]
        }
        guard seen.insert(UInt64(message.digest.prefix(16), radix: 16) ?? 0).inserted else {
            filtered[.duplicate, default: 0] += 1
            return nil
        }
        guard let date = message.date else { return nil }  // classify lists undated messages
        // A list at a host of lists is one too; the store gives it no one (MailStaging.mailingLists).
        for other in counterparts where MailClassifier.isListHost(other.address) { mailingLists.insert(other.address) }
        records += 1
        return MailRecord(
            digest: message.digest, thread: message.thread, occurredAt: date, fromMe: fromMe,
            counterparts: counterparts.map { MailRecord.Counterpart(address: $0.address, name: $0.name) },
            groupSize: max(1, fromMe ? counterparts.count : message.to.count + message.cc.count),
            subject: keepSubjects ? message.subject : nil, file: block.file, offset: block.offset)
    }

    /// Counts records the store then left out as filtered instead: those with no one in Ties to give them
    /// to, and those with mailing lists only.
    public mutating func unimported(noOne: Int, toLists: Int = 0) {
        records -= noOne + toLists
        if noOne > 0 { filtered[.unknownCorrespondent, default: 0] += noOne }
        if toLists > 0 { filtered[.toMailingList, default: 0] += toLists }
    }

    private mutating func list(_ block: MailHeaderBlock, _ reason: String) {
        listedCount += 1
        if listed.count < 200 { listed.append(Listed(file: block.file, offset: block.offset, reason: reason)) }
    }
}
