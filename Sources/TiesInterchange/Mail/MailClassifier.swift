import Foundation

/// Why a readable message is left out on purpose; each is counted in the import's summary.
public enum MailFilter: String, CaseIterable, Sendable, Comparable {
    case spamOrTrash = "in Spam or Trash"
    case draft = "drafts, templates and unsent mail"
    case beforeSince = "before --since"
    case bulk = "bulk or automated (List-Id, List-Unsubscribe, Precedence, Auto-Submitted)"
    case listArchive = "copies in a mailing list's archive (a From such as `ann at example.org`)"
    case automatedSender = "from a no-reply or notification address"
    case tooManyRecipients = "too many recipients"
    case toYourself = "to yourself only"
    case noRecipients = "sent by you to no one (no To, Cc or Bcc)"
    case toMailingList =
        "with a mailing list only (named by List-Id, List-Post or Sender: owner-…, or at a host of lists)"
    case duplicate = "the same message again (another label, folder or copy)"
    case unknownCorrespondent = "with no one in Ties (add them, or --create-people for those you wrote to)"

    public static func < (a: MailFilter, b: MailFilter) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}

/// What the import does with one message.
public enum MailDecision: Sendable, Equatable {
    /// The user wrote it: an outbound email with each of these others.
    case outbound(recipients: [MailAddress])
    /// Someone else wrote it to the user: an inbound email from them.
    case inbound(from: MailAddress)
    case filtered(MailFilter)
    /// It cannot be used (no date, no sender); listed with its place.
    case problem(String)
}

/// Decides, for each message, whether it is the user's, someone else's, or left out — and why.
public struct MailClassifier: Sendable {
    /// The user's addresses, normalised (``MailAddress/normalised(_:)``).
    public var myAddresses: Set<String>
    /// More recipients than this (To and Cc together) is a mass mailing.
    public var maxRecipients: Int
    /// Messages before this are left out.
    public var since: Date?

    public init(myAddresses: Set<String>, maxRecipients: Int = 20, since: Date? = nil) {
        self.myAddresses = myAddresses
        self.maxRecipients = maxRecipients
        self.since = since
    }

    /// Local parts of addresses that machines send from; `noreply+tag`, `no-reply.eu` and the like too, and
    /// a service's own `googlecommunityteam-noreply`, `drive-shares-dm-noreply`, `calendar-notification`.
    static let automatedLocalParts: Set<Substring> = [
        "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "notifications",
        "notification", "notify", "mailer-daemon", "postmaster", "bounce", "bounces",
    ]

    /// Whether `address` is one machines send from (see ``automatedLocalParts``).
    static func isAutomated(_ address: String) -> Bool {
        let local = address.firstIndex(of: "@").map { address[..<$0] } ?? Substring(address)
        if automatedLocalParts.contains(local) { return true }
        for index in local.indices where "+-._".contains(local[index]) {
            if automatedLocalParts.contains(local[..<index]) { return true }
            if automatedLocalParts.contains(local[local.index(after: index)...]) { return true }
        }
        return false
    }

    /// Whether `address` is at a host that serves mailing lists only: one named `lists.`, `list.`,
    /// `listserv.` or `mailman.` (lists.sourceforge.net, lists.infradead.org, LISTSERV's hosts), or Google
    /// Groups, groups.io and the kernel's vger.kernel.org; and Microsoft Teams' `….teams.ms`, where each address
    /// is a channel's (`8c2d41f0.contoso.com@emea.teams.ms`). Lists elsewhere are known only by the `List-Id` and
    /// `List-Post` of mail through them (``MailReader/mailingLists``).
    /// The command address of a list server (`majordomo@`, `listserv@`, `sympa@`, a list's `…-request@`),
    /// which takes subscribe and unsubscribe mail, is a list's too.
    static func isListHost(_ address: String) -> Bool {
        guard let at = address.lastIndex(of: "@") else { return false }
        let local = address[..<at]
        let servers: Set<Substring> = ["majordomo", "listserv", "listproc", "mailman", "sympa", "ecartis", "lyris"]
        if servers.contains(local) || local.hasSuffix("-request") { return true }
        let domain = address[address.index(after: at)...]
        guard let dot = domain.firstIndex(of: "."), domain[domain.index(after: dot)...].contains(".") else {
            return ["googlegroups.com", "groups.io"].contains(domain)
        }
        return ["lists", "list", "listserv", "mailman"].contains(domain[..<dot]) || domain == "vger.kernel.org"
            || domain.hasSuffix(".teams.ms")
    }

    /// Folder names (of a Maildir folder, an mbox file) that hold spam, trash, drafts or other mail never
    /// sent: a whole part of the name (between `.` or `/`, without `.mbox`) must match, so that Takeout's
    /// `All mail Including Spam and Trash.mbox` is not taken for a trash folder, and a Maildir++ folder in the
    /// Trash (`.Trash.Old project`) is in the Trash.
    static func folderFilter(_ folder: String?) -> MailFilter? {
        guard var name = folder?.lowercased() else { return nil }
        for suffix in [".mbox", ".mbx", ".sbd"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        let parts = Set(name.split(whereSeparator: { $0 == "/" || $0 == "." }).map(String.init))
        let trash: Set<String> = [
            "spam", "junk", "trash", "deleted", "deleted items", "deleted messages", "bin", "junk e-mail",
            "junk email", "bulk mail",
        ]
        if !parts.isDisjoint(with: trash) { return .spamOrTrash }
        // Mail never sent: Thunderbird's `Templates` and `Unsent Messages`, the `Outbox` of Apple Mail and Outlook.
        let unsent: Set<String> = ["drafts", "draft", "templates", "unsent messages", "outbox"]
        return parts.isDisjoint(with: unsent) ? nil : .draft
    }

    /// The decision for `message`, found in `folder` (a Maildir folder or mbox file name, when known).
    public func classify(_ message: MailMessage, folder: String? = nil) -> MailDecision {
        if let early = decisionBeforeRecipients(message, folder: folder) { return early }
        guard let from = message.from else { return .problem("no From address that can be read") }
        let fromMe = myAddresses.contains(from.address)
        if message.to.count + message.cc.count > maxRecipients { return .filtered(.tooManyRecipients) }
        guard fromMe else { return .inbound(from: from) }
        var seen = Set<String>()
        var others: [MailAddress] = []
        var toMe = false
        for recipient in message.to + message.cc + message.bcc {
            if myAddresses.contains(recipient.address) {
                toMe = true
            } else if seen.insert(recipient.address).inserted {
                others.append(recipient)
            }
        }
        if others.isEmpty { return .filtered(toMe ? .toYourself : .noRecipients) }
        return .outbound(recipients: others)
    }

    /// The decision that needs no recipients — a problem, or a filter on labels, folder, date, bulk headers
    /// or the sender — or nil when the recipients decide.
    public func decisionBeforeRecipients(_ message: MailMessage, folder: String?) -> MailDecision? {
        if message.fromListArchive { return .filtered(.listArchive) }
        guard let from = message.from else { return .problem("no From address that can be read") }
        guard let date = message.date else { return .problem("no date that can be read (Date, Received, From line)") }
        let labels = message.labels.map { $0.lowercased() }
        if labels.contains("spam") || labels.contains("trash") { return .filtered(.spamOrTrash) }
        if labels.contains("draft") || labels.contains("drafts") { return .filtered(.draft) }
        if let filter = Self.folderFilter(folder) { return .filtered(filter) }
        if let since, date < since { return .filtered(.beforeSince) }
        let fromMe = myAddresses.contains(from.address)
        if !fromMe {
            if message.bulkReason != nil { return .filtered(.bulk) }
            if Self.isAutomated(from.address) { return .filtered(.automatedSender) }
        }
        return nil
    }
}
