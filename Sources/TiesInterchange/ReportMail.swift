import Foundation
import TiesCore

/// The weekly report as an email: a short plain-text summary with the report attached, as one MIME message
/// (RFC 5322 headers, RFC 2045/2046 `multipart/mixed`, RFC 2047 subject, CRLF line endings) ready for a
/// `sendmail -t` interface. Pure: the date is a parameter and the boundary is derived from the content, so
/// the same inputs give the same bytes.
///
/// ```swift
/// let mail = ReportMail(
///     from: .init(name: "Ties", address: "me@host.example"), to: [.init(address: "me@work.example")],
///     subject: "Network health — week 2026-W48: 66/100", summary: text,
///     attachment: .init(name: "2026-W48.html", mediaType: "text/html", text: html), date: now)
/// let bytes = mail.message()
/// ```
public struct ReportMail: Sendable, Equatable {
    /// The attached report.
    public struct Attachment: Sendable, Equatable {
        /// The file name the mail client offers, e.g. `2026-W48.html`.
        public var name: String
        /// The media type, e.g. `text/html`, `text/markdown`, `application/json`, `text/plain`.
        public var mediaType: String
        public var text: String

        public init(name: String, mediaType: String, text: String) {
            self.name = name
            self.mediaType = mediaType
            self.text = text
        }
    }

    public var from: EmailDraft.Mailbox
    public var to: [EmailDraft.Mailbox]
    public var subject: String
    /// The message body: a plain-text summary.
    public var summary: String
    public var attachment: Attachment
    public var date: Date
    public var timeZone: TimeZone

    public init(
        from: EmailDraft.Mailbox, to: [EmailDraft.Mailbox], subject: String, summary: String, attachment: Attachment,
        date: Date, timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.summary = summary
        self.attachment = attachment
        self.date = date
        self.timeZone = timeZone
    }

    /// The media type of a report file, from its extension.
    public static func mediaType(forFileName name: String) -> String {
        switch name.split(separator: ".").last.map({ $0.lowercased() }) {
        case "html": return "text/html"
        case "md": return "text/markdown"
        case "json": return "application/json"
        default: return "text/plain"
        }
    }

    /// The whole message: headers, a plain-text part and the attachment, both base64 (76-character lines),
    /// CRLF line endings.
    public func message() -> String {
        let boundary = EmailDraft.boundary(for: [subject, summary, attachment.text])
        let name = attachment.name.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
        // The recipients, each a mailbox, separated by commas (the last token of each but the last gets one).
        var recipients: [String] = []
        for (i, mailbox) in to.enumerated() {
            var tokens = MailHeader.mailbox(name: mailbox.name, address: mailbox.address)
            if i < to.count - 1, let last = tokens.popLast() { tokens.append(last + ",") }
            recipients += tokens
        }
        let headers: [String] = [
            "Date: " + EmailDraft.dateHeader(date, timeZone: timeZone),
            MailHeader.field("From", MailHeader.mailbox(name: from.name, address: from.address)),
            MailHeader.field("To", recipients),
            MailHeader.field("Subject", MailHeader.unstructured(subject)),
            "Message-ID: <\(boundary).\(name)@ties.invalid>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"\(boundary)\"",
            "Auto-Submitted: auto-generated",
        ]
        var out = headers.joined(separator: "\r\n") + "\r\n\r\n"
        out += "This is a multi-part message in MIME format.\r\n"
        out += "--\(boundary)\r\n"
        out += "Content-Type: text/plain; charset=utf-8\r\n"
        out += "Content-Transfer-Encoding: base64\r\n\r\n"
        out += Self.base64Lines(summary)
        out += "--\(boundary)\r\n"
        out += "Content-Type: \(attachment.mediaType); charset=utf-8; name=\"\(name)\"\r\n"
        out += "Content-Disposition: attachment; filename=\"\(name)\"\r\n"
        out += "Content-Transfer-Encoding: base64\r\n\r\n"
        out += Self.base64Lines(attachment.text)
        out += "--\(boundary)--\r\n"
        return out
    }

    /// `text`'s UTF-8 bytes in base64, 76 characters a line, each line ending in CRLF.
    static func base64Lines(_ text: String) -> String {
        let encoded = Data(text.utf8).base64EncodedString()
        var out = ""
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            out += encoded[index..<end] + "\r\n"
            index = end
        }
        return out
    }
}
