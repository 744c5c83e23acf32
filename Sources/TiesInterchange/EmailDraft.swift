import Foundation
import TiesCore

/// A draft email telling one person that details of the user's they hold have changed, with the user's
/// current contact card attached: the text of one `.eml` file written by `ties notify --out`.
///
/// The message is RFC 5322 with MIME (RFC 2045–2046): CRLF line endings, a `multipart/mixed` body with a
/// `text/plain` part and a `text/vcard` attachment (``VCardWriter``). Everything that varies comes from the
/// inputs — the `Date` header from ``date`` and ``timeZone``, the boundary from a hash of the parts — so the
/// same inputs give the same bytes. The `X-Unsent: 1` header makes mail programs that know it (Outlook)
/// open the file as a draft to edit and send.
///
/// Headers are written by ``MailHeader``: values are stripped of control characters, so a name or address
/// cannot inject a header; an address is one RFC 5322 `addr-spec` (a local part that is not a dot-atom is
/// quoted, so it can never become two recipients); display names outside US-ASCII are RFC 2047 encoded
/// words; every header line is folded to at most 76 characters. Body parts are `7bit` when ASCII, else `8bit` UTF-8.
///
/// ```swift
/// let draft = EmailDraft(
///     from: .init(name: "Alex Kim", address: "alex@new.example"),
///     to: .init(name: "Dana Reyes", address: "dana@hale.example"), greeting: "Dana",
///     date: asOf, timeZone: .current,
///     changes: [.init(kind: .email, old: "alex@old.example", new: "alex@new.example")], card: card)
/// try draft.message().write(to: url, atomically: true, encoding: .utf8)
/// ```
public struct EmailDraft: Sendable, Equatable {
    /// A display name and an address.
    public struct Mailbox: Sendable, Equatable {
        /// The display name; nil for a bare address.
        public var name: String?
        /// The email address.
        public var address: String

        /// A mailbox, `Name <address>`.
        public init(name: String? = nil, address: String) {
            self.name = name
            self.address = address
        }
    }

    /// One thing the recipient holds that has changed: old value → new value.
    public struct Change: Sendable, Equatable {
        /// What changed.
        public var kind: DisclosureKind
        /// What they hold (for a resume, its version label).
        public var old: String
        /// What is current.
        public var new: String

        /// A change from `old` to `new`.
        public init(kind: DisclosureKind, old: String, new: String) {
            self.kind = kind
            self.old = old
            self.new = new
        }

        /// The change behind a stale disclosure.
        public init(_ stale: StaleDisclosure) {
            self.init(kind: stale.kind, old: stale.held, new: stale.current)
        }
    }

    /// The sender: the user, with their current email.
    public var from: Mailbox
    /// The recipient; nil writes a draft without `To`, for the user to address.
    public var to: Mailbox?
    /// How the body greets them ("Hi Dana,").
    public var greeting: String
    /// The `Date` header's instant.
    public var date: Date
    /// The zone whose UTC offset the `Date` header shows.
    public var timeZone: TimeZone
    /// What changed, in the order given (the body lists contact details before the resume).
    public var changes: [Change]
    /// The user's current card, attached.
    public var card: ContactCard

    /// A draft; nothing is computed until ``message()``.
    public init(
        from: Mailbox, to: Mailbox?, greeting: String, date: Date, timeZone: TimeZone, changes: [Change],
        card: ContactCard
    ) {
        self.from = from
        self.to = to
        self.greeting = greeting
        self.date = date
        self.timeZone = timeZone
        self.changes = changes
        self.card = card
    }

    // MARK: - Parts

    /// "My new contact details", or "My updated resume" when only the resume changed.
    public var subject: String {
        changes.allSatisfy { $0.kind == .resume } ? "My updated resume" : "My new contact details"
    }

    /// The plain-text body, lines ending with CRLF, wrapped at 72 characters.
    public var body: String {
        var paragraphs: [[String]] = []
        paragraphs.append(["Hi \(Self.inline(greeting)),"])
        paragraphs.append(
            Self.wrap(
                "Some of my details have changed since I last shared them with you, and I would like you to have the current ones:"
            ))
        var items: [String] = []
        // Contact details first, then the resume; otherwise in the given order.
        for change in changes.filter({ $0.kind != .resume }) + changes.filter({ $0.kind == .resume }) {
            let old = Self.inline(change.old)
            let new = Self.inline(change.new)
            switch change.kind {
            case .resume:
                items += Self.wrap(
                    "- resume: version \(old) → \(new) (reply and I will send you the new one)", indent: "  ")
            default:
                items += Self.wrap("- \(change.kind.rawValue): \(old) → \(new)", indent: "  ")
            }
        }
        paragraphs.append(items)
        if changes.contains(where: { $0.kind != .resume }) {
            paragraphs.append(Self.wrap("My current contact card is attached, so your records can stay up to date."))
        }
        paragraphs.append(Self.wrap("I hope all is well with you, and I would be glad to catch up soon."))
        var signature = ["Best regards,", Self.inline(card.name)]
        for line in [card.email, card.phone].compactMap({ $0 }) where line != card.name {
            signature.append(Self.inline(line))
        }
        paragraphs.append(signature)
        return paragraphs.map { $0.joined(separator: "\r\n") + "\r\n" }.joined(separator: "\r\n")
    }

    /// The attachment's file name: the user's name as a slug, `.vcf`.
    public var attachmentName: String { Self.slug(card.name, fallback: "contact") + ".vcf" }

    /// The whole message, headers and MIME parts, CRLF line endings.
    public func message() -> String {
        let text = body
        let vcard = VCardWriter.write(card)
        let boundary = Self.boundary(for: [subject, text, vcard])
        var headers = [
            "Date: " + Self.dateHeader(date, timeZone: timeZone),
            MailHeader.field("From", MailHeader.mailbox(name: from.name, address: from.address)),
        ]
        if let to { headers.append(MailHeader.field("To", MailHeader.mailbox(name: to.name, address: to.address))) }
        headers += [
            MailHeader.field("Subject", MailHeader.unstructured(subject)),
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"\(boundary)\"",
            "X-Unsent: 1",
        ]
        let name = attachmentName
        var out = headers.joined(separator: "\r\n") + "\r\n\r\n"
        out += "This is a multi-part message in MIME format.\r\n"
        out += "--\(boundary)\r\n"
        out += "Content-Type: text/plain; charset=utf-8\r\n"
        out += "Content-Transfer-Encoding: \(Self.encoding(of: text))\r\n\r\n"
        out += text
        out += "\r\n--\(boundary)\r\n"
        out += "Content-Type: text/vcard; charset=utf-8; name=\"\(name)\"\r\n"
        out += "Content-Disposition: attachment; filename=\"\(name)\"\r\n"
        out += "Content-Transfer-Encoding: \(Self.encoding(of: vcard))\r\n\r\n"
        out += vcard
        out += "\r\n--\(boundary)--\r\n"
        return out
    }

    // MARK: - Names

    /// A stable, safe file name for a person's draft: `ID-slug.eml` ("12-dana-reyes.eml").
    public static func fileName(personID: Person.ID, name: String) -> String {
        "\(personID)-\(slug(name, fallback: "person")).eml"
    }

    /// `text` as lower-case ASCII letters and digits separated by single dashes, accents removed, at most
    /// 40 characters; `fallback` when nothing is left.
    public static func slug(_ text: String, fallback: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out += String(scalar).lowercased()
            } else {
                pendingDash = true
            }
        }
        if out.count > 40 {
            out = String(out.prefix(40))
            while out.hasSuffix("-") { out.removeLast() }
        }
        return out.isEmpty ? fallback : out
    }

    // MARK: - Header formatting

    /// An RFC 5322 date: `Mon, 15 Jun 2026 12:00:00 +0000`, in `timeZone`'s offset at `date`.
    public static func dateHeader(_ date: Date, timeZone: TimeZone) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        var mapper = DayMapper(timeZone: timeZone)
        let offset = mapper.offset(at: seconds)
        let local = seconds + offset
        let day = Day(ordinal: Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400))
        let time = Int(local - Int64(day.ordinal) * 86_400)
        let (y, m, d) = day.civil
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let sign = offset < 0 ? "-" : "+"
        let minutes = Int(abs(offset) / 60)
        return "\(weekdays[day.isoWeekday - 1]), \(two(d)) \(months[m - 1]) \(y) "
            + "\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60)) \(sign)\(two(minutes / 60))\(two(minutes % 60))"
    }

    // MARK: - Body formatting

    /// `text` on one line: line breaks become ", ", other control characters spaces.
    static func inline(_ text: String) -> String {
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let joined = lines.joined(separator: ", ")
        return String(
            String.UnicodeScalarView(
                joined.unicodeScalars.map {
                    $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) ? " " : $0
                }))
    }

    /// Words wrapped at 72 characters; continuation lines start with `indent`.
    static func wrap(_ text: String, indent: String = "") -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > 72 {
                lines.append(line)
                line = indent
            }
            line += (line.isEmpty || line == indent ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// `7bit` for ASCII text, `8bit` otherwise.
    static func encoding(of text: String) -> String { text.utf8.allSatisfy { $0 < 0x80 } ? "7bit" : "8bit" }

    /// A boundary derived from the parts (FNV-1a), lengthened until no part contains it.
    static func boundary(for parts: [String]) -> String {
        var hash = FNV1a64()
        for part in parts { hash.combine(part) }
        var boundary = "ties-" + String(hash.value, radix: 16)
        while parts.contains(where: { $0.contains(boundary) }) { boundary += "-x" }
        return boundary
    }
}
