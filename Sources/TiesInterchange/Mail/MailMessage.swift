import Foundation

/// What the mail import knows of one message, read from its header block alone.
///
/// Build one with ``init(headers:envelope:charsets:)`` from any source's header block; ``MailClassifier``
/// then decides whether it is the user's, someone else's, or left out.
public struct MailMessage: Sendable {
    /// Where a message's date came from.
    public enum DateSource: String, Sendable {
        case header, received, envelope
    }

    public var from: MailAddress?
    /// `Sender:` — who actually sent it on the `From:`'s behalf (a secretary, a list).
    public var sender: MailAddress?
    public var to: [MailAddress] = []
    public var cc: [MailAddress] = []
    public var bcc: [MailAddress] = []
    public var date: Date?
    public var dateSource: DateSource?
    /// The source id: a digest of the Message-ID, or of Date, From, To and Subject when there is none.
    public var digest: String
    /// A digest of the thread: X-GM-THRID, else the first of References, else In-Reply-To, else the
    /// message's own id.
    public var thread: String
    public var subject: String?
    /// X-Gmail-Labels, as written (`Inbox`, `Sent`, `Spam`, `Trash`, `Category Promotions` …).
    public var labels: [String] = []
    /// Why it looks like bulk or automated mail (`List-Id`, `Precedence: bulk` …), or nil.
    public var bulkReason: String?
    /// The addresses of the mailing list it went through, as its headers give them (``listAddresses(_:)``).
    public var listAddresses: [String] = []
    /// Whether raw 8-bit header text had to be read as Windows-1252.
    public var transcoded = false
    /// Whether its From hides the address as Mailman's archives do (`From: ann at example.org (Ann Lee)`):
    /// a list's archived copy, with no recipients kept.
    public var fromListArchive = false

    /// Reads a message's header fields; `envelope` is the date of its mbox `From ` line, when it has one.
    ///
    /// With `recipients` false, To, Cc and Bcc are left for ``readRecipients(of:charsets:)``, so that mail
    /// filtered on its From, labels or bulk headers alone costs no more parsing.
    public init(
        headers h: MailHeaders, envelope: @autoclosure () -> Date? = nil, charsets: MailCharsets,
        recipients: Bool = true
    ) {
        let fromList = h.from.map { MailAddressList.parse($0, charsets: charsets) }
        from = fromList?.addresses.first
        if from == nil, let raw = h.from { fromListArchive = Self.isArchivedAddress(raw) }
        transcoded = fromList?.transcoded ?? false
        sender = h.sender.flatMap { MailAddressList.parse($0, charsets: charsets).addresses.first }
        if let value = h.date, let date = MailDate.parse(value) {
            self.date = date
            dateSource = .header
        } else if let value = h.received, let date = MailDate.parseReceived(value) {
            self.date = date
            dateSource = .received
        } else if let envelope = envelope() {
            date = envelope
            dateSource = .envelope
        }
        let ids = Self.messageIDs(h.references ?? []) + Self.messageIDs(h.inReplyTo ?? [])
        let own = Self.messageIDs(h.messageID ?? []).first
        if let own {
            digest = Self.digest(own)
        } else {
            var key: [UInt8] = []
            for field in [h.date, h.from, h.to, h.subject] { key += (field ?? []) + [0] }
            digest = Self.digest("no-id:" + String(decoding: key, as: UTF8.self))
        }
        if let thread = h.gmailThreadID.map({ Substring(String(decoding: $0, as: UTF8.self)).trimmedWhitespace() }),
            !thread.isEmpty
        {
            self.thread = Self.digest("gm:" + thread)
        } else if let root = ids.first ?? own {
            self.thread = Self.digest(root)
        } else {
            self.thread = digest
        }
        if let raw = h.subject {
            let decoded = EncodedWords.decode(raw, charsets: charsets)
            subject = Substring(decoded.text).trimmedWhitespace()
        }
        if let raw = h.gmailLabels {
            labels = raw.split(separator: 0x2C).map {
                Substring(String(decoding: $0.filter { $0 != 0x22 }, as: UTF8.self)).trimmedWhitespace()
            }
        }
        bulkReason = Self.bulkReason(h)
        if h.listID != nil || h.listPost != nil { listAddresses = Self.listAddresses(h) }
        // Majordomo and LISTSERV write no List-Id: their lists' mail is bulk, sent by `owner-LIST@host`.
        if bulkReason != nil, let sender = sender?.address, sender.hasPrefix("owner-"), sender.count > 7,
            let list = MailAddress.normalised(String(sender.dropFirst(6)))
        {
            listAddresses.append(list)
        }
        if recipients { readRecipients(of: h, charsets: charsets) }
    }

    /// Whether `raw` is an address written `local at host.domain`, as Mailman's pipermail and HyperKitty
    /// archives write every From (`From: ann at example.org (Ann Lee)`).
    static func isArchivedAddress(_ raw: [UInt8]) -> Bool {
        let words = String(decoding: raw, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard words.count >= 3, words[1] == "at", !words[0].contains("@"), words[2].contains("."),
            !words[2].contains("@"), words[0].allSatisfy({ !"()<>\",;:".contains($0) })
        else { return false }
        return words.count == 3 || words[3].hasPrefix("(")
    }

    /// Reads To, Cc and Bcc.
    public mutating func readRecipients(of h: MailHeaders, charsets: MailCharsets) {
        for (field, value) in [(\MailMessage.to, h.to), (\.cc, h.cc), (\.bcc, h.bcc)] {
            guard let value else { continue }
            let read = MailAddressList.parse(value, charsets: charsets)
            self[keyPath: field] = read.addresses
            transcoded = transcoded || read.transcoded
        }
    }

    /// The mailing list's addresses: each `mailto:` of `List-Post` (`<mailto:dev@lists.example.org>`), and
    /// the address `List-Id` names by the convention of Mailman, Google Groups and Sympa — the id with its
    /// first dot made an `@` (`<dev.lists.example.org>` is dev@lists.example.org; RFC 2919).
    static func listAddresses(_ h: MailHeaders) -> [String] {
        var found: [String] = []
        if let post = h.listPost.map({ String(decoding: $0, as: UTF8.self) }) {
            for part in post.split(separator: "<", omittingEmptySubsequences: false).dropFirst() {
                let target = part.prefix { $0 != ">" && $0 != "?" }
                guard target.lowercased().hasPrefix("mailto:") else { continue }
                if let address = MailAddress.normalised(String(target)) { found.append(address) }
            }
        }
        if let id = h.listID.map({ String(decoding: $0, as: UTF8.self) }) {
            let inside = id.split(separator: "<").last.map { $0.prefix { $0 != ">" } } ?? Substring(id)
            let trimmed = inside.trimmedWhitespace()
            if let dot = trimmed.firstIndex(of: "."), trimmed[trimmed.index(after: dot)...].contains("."),
                let address = MailAddress.normalised(trimmed[..<dot] + "@" + trimmed[trimmed.index(after: dot)...])
            {
                found.append(address)
            }
        }
        return found
    }

    /// Why the headers mark the message as bulk or automated, or nil.
    static func bulkReason(_ h: MailHeaders) -> String? {
        if h.listID != nil { return "List-Id" }
        if h.listUnsubscribe != nil { return "List-Unsubscribe" }
        if let p = h.precedence.map({ String(decoding: $0, as: UTF8.self).lowercased() }),
            p.contains("bulk") || p.contains("list") || p.contains("junk")
        {
            return "Precedence: \(Substring(p).trimmedWhitespace())"
        }
        if let a = h.autoSubmitted.map({
            Substring(String(decoding: $0, as: UTF8.self)).trimmedWhitespace().lowercased()
        }),
            !a.isEmpty, a != "no"
        {
            return "Auto-Submitted: \(a)"
        }
        return nil
    }

    /// The message ids in a Message-ID, In-Reply-To or References value, without angle brackets, in order.
    /// A value without brackets counts as one id.
    static func messageIDs(_ bytes: [UInt8]) -> [String] {
        var ids: [String] = []
        var i = 0
        while let open = bytes[i...].firstIndex(of: 0x3C) {
            guard let close = bytes[open...].firstIndex(of: 0x3E) else { break }
            let id = Substring(String(decoding: bytes[(open + 1)..<close], as: UTF8.self)).trimmedWhitespace()
            if !id.isEmpty { ids.append(id) }
            i = close + 1
        }
        if ids.isEmpty {
            let bare = Substring(String(decoding: bytes, as: UTF8.self)).trimmedWhitespace()
            if !bare.isEmpty && !bare.contains(" ") { ids.append(bare) }
        }
        return ids
    }

    /// A 128-bit digest of `text` as 32 hex digits: two FNV-1a hashes with different bases, the same on
    /// every machine. Message ids are not secret, but the store keeps only this.
    static func digest(_ text: String) -> String {
        var a: UInt64 = 0xCBF2_9CE4_8422_2325
        var b: UInt64 = 0x6C62_272E_07BB_0142
        for byte in text.utf8 {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = b ^ (b >> 29)
        }
        return hex(a) + hex(b)
    }

    private static func hex(_ value: UInt64) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
