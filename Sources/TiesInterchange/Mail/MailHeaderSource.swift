import Foundation

/// One message's header block as a source hands it over: valid only during the call it is given to.
public struct MailHeaderBlock {
    /// The header bytes, from the first field to the empty line (excluded).
    public var bytes: UnsafeRawBufferPointer
    /// The file (or mailbox) the message is in.
    public var file: String
    /// The byte offset of the message in `file` (its `From ` line in an mbox).
    public var offset: Int
    /// The folder the message was found in (Maildir folder, mbox file name), for Spam/Trash/Drafts.
    public var folder: String?
    /// The mbox `From ` line (without its line break), when there is one: its date is the last fallback.
    public var envelope: UnsafeRawBufferPointer?
    /// True when the source ended in the middle of the header block (a cut-off last message).
    public var truncated: Bool
    /// How far the source has read, in bytes, for a progress line.
    public var bytesRead: Int

    public init(
        bytes: UnsafeRawBufferPointer, file: String, offset: Int, folder: String? = nil,
        envelope: UnsafeRawBufferPointer? = nil, truncated: Bool = false, bytesRead: Int = 0
    ) {
        self.bytes = bytes
        self.file = file
        self.offset = offset
        self.folder = folder
        self.envelope = envelope
        self.truncated = truncated
        self.bytesRead = bytesRead
    }

    /// The date of the mbox `From ` line: what follows the address on it.
    public var envelopeDate: Date? {
        guard let envelope, envelope.count > 5 else { return nil }
        let rest = envelope[5...]
        guard let space = rest.firstIndex(of: 0x20) else { return nil }
        return MailDate.parse(envelope[(space + 1)...])
    }
}

/// Anything that yields the header blocks of messages: an mbox file, a Maildir or `.eml` file, and later
/// an IMAP folder (`BODY.PEEK[HEADER]`) or a mail provider's API. The import reads only what this hands
/// over, so a new source needs no change elsewhere.
public protocol MailHeaderSource {
    /// Calls `body` with each message's header block, in the source's order, until it returns false.
    /// - Throws: ``MailSourceError`` when the source cannot be read, or what `body` throws.
    func forEachHeaderBlock(_ body: (MailHeaderBlock) throws -> Bool) throws
}

/// A mail source that cannot be read at all.
public struct MailSourceError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The file is not mail; the message says what it looks like (exit 65).
        case notMail
        /// The file cannot be opened or read (exit 66 / 74).
        case unreadable
    }

    public var kind: Kind
    public var file: String
    public var reason: String

    public init(_ kind: Kind, file: String, reason: String) {
        self.kind = kind
        self.file = file
        self.reason = reason
    }

    public var description: String { "\(file): \(reason)" }
}

/// A mail source that is one file (an mbox, a message file): the file is opened here, once for all of them.
public protocol MailFileSource: MailHeaderSource {
    /// The file.
    var path: String { get }
    /// ``MailHeaderSource/forEachHeaderBlock(_:)`` over the file open as `fd` (closed by the caller).
    func forEachHeaderBlock(in fd: Int32, _ body: (MailHeaderBlock) throws -> Bool) throws
}

extension MailFileSource {
    public func forEachHeaderBlock(_ body: (MailHeaderBlock) throws -> Bool) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw MailSourceError(.unreadable, file: path, reason: "cannot open it") }
        defer { close(fd) }
        try forEachHeaderBlock(in: fd, body)
    }
}
