import Foundation

/// The header fields of one message that the mail import reads, unfolded, as raw bytes.
///
/// Built by ``parse(_:)`` from a header block — the bytes from the first header line up to (not
/// including) the empty line before the body — whatever the source: an mbox, a Maildir file, an `.eml`,
/// or later an IMAP `BODY[HEADER]` fetch. Every other field is skipped without a copy.
///
/// Values are kept as bytes because a header may hold raw 8-bit text in any charset; ``MailMessage``
/// decodes them. Repeated address fields (two `To:` lines) are joined with a comma; of the other fields
/// the first one wins (the first `Received:` is the one the user's own server added).
public struct MailHeaders: Sendable, Equatable {
    public var from: [UInt8]?
    public var sender: [UInt8]?
    public var to: [UInt8]?
    public var cc: [UInt8]?
    public var bcc: [UInt8]?
    public var date: [UInt8]?
    public var messageID: [UInt8]?
    public var inReplyTo: [UInt8]?
    public var references: [UInt8]?
    public var subject: [UInt8]?
    public var listID: [UInt8]?
    public var listUnsubscribe: [UInt8]?
    public var listPost: [UInt8]?
    public var precedence: [UInt8]?
    public var autoSubmitted: [UInt8]?
    public var gmailLabels: [UInt8]?
    public var gmailThreadID: [UInt8]?
    public var received: [UInt8]?
    /// Byte offsets (within the block) of lines that are neither a field nor a continuation.
    public var malformedLines: [Int] = []

    public init() {}

    /// The fields this reader keeps, by lower-cased name.
    enum Field: CaseIterable {
        case from, sender, to, cc, bcc, date, messageID, inReplyTo, references, subject, listID
        case listUnsubscribe, listPost, precedence, autoSubmitted, gmailLabels, gmailThreadID, received

        var name: String {
            switch self {
            case .from: "from"
            case .sender: "sender"
            case .to: "to"
            case .cc: "cc"
            case .bcc: "bcc"
            case .date: "date"
            case .messageID: "message-id"
            case .inReplyTo: "in-reply-to"
            case .references: "references"
            case .subject: "subject"
            case .listID: "list-id"
            case .listUnsubscribe: "list-unsubscribe"
            case .listPost: "list-post"
            case .precedence: "precedence"
            case .autoSubmitted: "auto-submitted"
            case .gmailLabels: "x-gmail-labels"
            case .gmailThreadID: "x-gm-thrid"
            case .received: "received"
            }
        }

        /// The fields by name length, so that a name is compared only with those of its length.
        static let byLength: [[(name: [UInt8], field: Field)]] = {
            var table = Array(repeating: [([UInt8], Field)](), count: 20)
            for field in Field.allCases { table[field.name.utf8.count].append((Array(field.name.utf8), field)) }
            return table
        }()

        /// The field named by `name` (any case), or nil for one this reader skips.
        static func named(_ name: UnsafeRawBufferPointer) -> Field? {
            guard name.count < byLength.count else { return nil }
            for candidate in byLength[name.count] {
                var equal = true
                for k in 0..<name.count
                where candidate.name[k] != (name[k] | (name[k] >= 0x41 && name[k] <= 0x5A ? 0x20 : 0)) {
                    equal = false
                    break
                }
                if equal { return candidate.field }
            }
            return nil
        }
    }

    subscript(field: Field) -> [UInt8]? {
        get {
            switch field {
            case .from: from
            case .sender: sender
            case .to: to
            case .cc: cc
            case .bcc: bcc
            case .date: date
            case .messageID: messageID
            case .inReplyTo: inReplyTo
            case .references: references
            case .subject: subject
            case .listID: listID
            case .listUnsubscribe: listUnsubscribe
            case .listPost: listPost
            case .precedence: precedence
            case .autoSubmitted: autoSubmitted
            case .gmailLabels: gmailLabels
            case .gmailThreadID: gmailThreadID
            case .received: received
            }
        }
        set {
            switch field {
            case .from: from = newValue
            case .sender: sender = newValue
            case .to: to = newValue
            case .cc: cc = newValue
            case .bcc: bcc = newValue
            case .date: date = newValue
            case .messageID: messageID = newValue
            case .inReplyTo: inReplyTo = newValue
            case .references: references = newValue
            case .subject: subject = newValue
            case .listID: listID = newValue
            case .listUnsubscribe: listUnsubscribe = newValue
            case .listPost: listPost = newValue
            case .precedence: precedence = newValue
            case .autoSubmitted: autoSubmitted = newValue
            case .gmailLabels: gmailLabels = newValue
            case .gmailThreadID: gmailThreadID = newValue
            case .received: received = newValue
            }
        }
    }
}

extension MailHeaders {
    /// Reads the fields of a header block, unfolding continuation lines (a line that starts with a space or
    /// a tab continues the field above it; the line break is dropped, the white space kept).
    ///
    /// A line that is neither a field (`name:` with printable ASCII before the colon) nor a continuation is
    /// skipped and its offset recorded in ``malformedLines``; the fields after it are still read. A first
    /// line that is an mbox `From ` separator (an `.eml` saved with its envelope) is skipped silently.
    /// LF and CRLF line ends are both read.
    ///
    /// - Complexity: O(n) in the block's length; only kept fields are copied.
    public static func parse(_ block: UnsafeRawBufferPointer) -> MailHeaders {
        var headers = MailHeaders()
        var current: Field?
        var value: [UInt8] = []
        var position = 0
        let count = block.count
        func flush(_ headers: inout MailHeaders) {
            guard let field = current else { return }
            while let last = value.last, last == 0x20 || last == 0x09 { value.removeLast() }
            var start = 0
            while start < value.count, value[start] == 0x20 || value[start] == 0x09 { start += 1 }
            let trimmed = Array(value[start...])
            switch field {
            case .to, .cc, .bcc:
                if let existing = headers[field] {
                    headers[field] = existing + [0x2C, 0x20] + trimmed
                } else {
                    headers[field] = trimmed
                }
            default:
                if headers[field] == nil { headers[field] = trimmed }
            }
            current = nil
        }
        while position < count {
            var end = position
            if let base = block.baseAddress,
                let nl = memchr(base + position, 0x0A, count - position)
            {
                end = base.distance(to: UnsafeRawPointer(nl))
            } else {
                end = count
            }
            var lineEnd = end
            if lineEnd > position, block[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            defer { position = end + 1 }
            if lineEnd == position { continue }
            let first = block[position]
            if first == 0x20 || first == 0x09 {
                if current != nil { value += UnsafeRawBufferPointer(rebasing: block[position..<lineEnd]) }
                continue
            }
            flush(&headers)
            var colon = position
            while colon < lineEnd, block[colon] != 0x3A, block[colon] > 0x20, block[colon] < 0x7F { colon += 1 }
            guard colon < lineEnd, block[colon] == 0x3A, colon > position else {
                let isEnvelope =
                    position == 0 && lineEnd - position >= 5 && block[0] == 0x46 && block[1] == 0x72
                    && block[2] == 0x6F && block[3] == 0x6D && block[4] == 0x20
                // A field name followed by spaces before the colon is obsolete syntax (RFC 5322 §4.5.3).
                var spaced = colon
                while spaced < lineEnd, block[spaced] == 0x20 || block[spaced] == 0x09 { spaced += 1 }
                if spaced < lineEnd, block[spaced] == 0x3A, colon > position {
                    current = Field.named(UnsafeRawBufferPointer(rebasing: block[position..<colon]))
                    value = Array(UnsafeRawBufferPointer(rebasing: block[(spaced + 1)..<lineEnd]))
                } else if !isEnvelope {
                    headers.malformedLines.append(position)
                }
                continue
            }
            current = Field.named(UnsafeRawBufferPointer(rebasing: block[position..<colon]))
            if current != nil { value = Array(UnsafeRawBufferPointer(rebasing: block[(colon + 1)..<lineEnd])) }
        }
        flush(&headers)
        return headers
    }

    /// Reads the fields of a header block given as bytes.
    public static func parse(_ bytes: [UInt8]) -> MailHeaders {
        bytes.withUnsafeBytes { parse($0) }
    }
}
