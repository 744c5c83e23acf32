import Foundation

/// What a path given to the mail import holds, told from its first bytes.
public enum MailFileKind: Sendable, Equatable {
    /// An mbox: `From ` separator lines.
    case mbox
    /// One message: header fields from the first line.
    case message
    /// Not mail; the string says what the file looks like instead.
    case notMail(String)

    /// Why an empty file is not mail.
    static let emptyReason = "it is empty"

    /// The kind of a file that starts with `head` (its first few kilobytes).
    public static func sniff(_ head: [UInt8]) -> MailFileKind {
        if head.isEmpty { return .notMail(emptyReason) }
        let signatures: [([UInt8], String)] = [
            ([0x50, 0x4B, 0x03, 0x04], "a zip archive (unzip it first: a Takeout zip holds the .mbox)"),
            (CompoundFile.signature, CompoundFile.unknown),
            (
                [0x78, 0x9F, 0x3E, 0x22],
                "an Outlook TNEF attachment (winmail.dat), which Ties does not read; import the message it came with"
            ),
            ([0x25, 0x50, 0x44, 0x46], "a PDF document"), ([0x1F, 0x8B], "a gzip file (gunzip it first)"),
            ([0x21, 0x42, 0x44, 0x4E], "an Outlook .pst/.ost store (export to mbox or .eml first)"),
            (Array("SQLite format 3".utf8), "an SQLite database"), ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
            ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ]
        for (signature, what) in signatures where head.starts(with: signature) { return .notMail("it is \(what)") }
        let text = String(decoding: head.prefix(4096), as: UTF8.self)
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        body = body.drop(while: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        // Apple Mail's .emlx (and .partial.emlx) starts with the message's length on a line of its own.
        if let afterCount = Self.afterLengthLine(body), Self.startsWithHeaders(afterCount) { return .message }
        let upper = body.prefix(64).uppercased()
        if upper.hasPrefix("BEGIN:VCARD") { return .notMail("it is a vCard address book (`ties import vcard`)") }
        if upper.hasPrefix("BEGIN:VCALENDAR") { return .notMail("it is an iCalendar file (`ties import ics`)") }
        if body.hasPrefix("From ") {
            let bytes = Array(body.utf8.prefix(1024))
            if bytes.withUnsafeBytes({ MboxFile.isSeparator($0, at: 0) }) { return .mbox }
        }
        if Self.startsWithHeaders(body) { return .message }
        // What it is instead, as every importer says it (a Thunderbird CSV, a UTF-16 vCard, JSON…), and which
        // importer reads it; prose that merely starts with "From " is text, not a mailbox.
        var (looksLike, importer) = InputSniffer.describe(head)
        if importer == "ties import mail" {
            let firstLine = body.prefix(while: { $0 != "\n" && $0 != "\r\n" }).prefix(60)
            (looksLike, importer) = ("text beginning \"\(firstLine)\"", nil)
        }
        return .notMail(
            "it looks like \(looksLike)\(importer.map { ", which `\($0)` reads" } ?? ""); expected an mbox (lines `From …` between messages) or a message (header lines such as `From:`, `Date:`)"
        )
    }

    /// What follows the first line of `text` when that line is only a number (an `.emlx` file's length of the
    /// message, padded with spaces), else nil.
    static func afterLengthLine(_ text: Substring) -> Substring? {
        let first = text.prefix(while: { $0 != "\n" && $0 != "\r\n" })
        guard first.utf8.count <= 12, first.contains(where: \.isWholeNumber),
            first.allSatisfy({ $0.isASCII && ($0.isWholeNumber || $0 == " " || $0 == "\r") })
        else { return nil }
        return text[first.endIndex...].dropFirst()
    }

    /// Whether `text` opens with mail header fields, one of them From, Date, Received, Message-ID, To or
    /// Return-Path, before the first empty line.
    static func startsWithHeaders(_ text: Substring) -> Bool {
        let known: Set<String> = [
            "from", "date", "received", "message-id", "to", "return-path", "delivered-to", "subject", "mime-version",
            "x-gmail-labels",
        ]
        var sawKnown = false
        // "\r\n" is one Character: split on it too, or a CRLF header block would be one line.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .prefix(40)
        {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.isEmpty { break }
            if line.first == " " || line.first == "\t" { continue }
            guard let colon = line.firstIndex(of: ":"),
                line[..<colon].allSatisfy({ $0.isASCII && $0 > " " && $0 != ":" }) && colon != line.startIndex
            else {
                if line.hasPrefix("From ") { continue }
                return sawKnown  // a malformed line after real fields (CPython's msg_35) is the message's problem
            }
            if known.contains(line[..<colon].lowercased()) { sawKnown = true }
        }
        return sawKnown
    }
}

/// The mail sources under a path: an mbox file, a message file, or a folder walked in name order —
/// Maildir (`cur/`, `new/`; `tmp/` skipped), Apple Mail's `.mbox` folders and its own store (`.emlx` files
/// in `Messages/`; `Attachments/` skipped), Thunderbird's profile folders (`.msf` indexes skipped), folders
/// of `.eml` files.
public enum MailPath {
    /// A file or folder found under a path that is not mail, and what it looks like.
    public struct Skipped: Sendable, Equatable {
        public var path: String
        public var reason: String
        /// What the mail client keeps it for (``clientFile(_:)``), or `empty files`, when the file is one
        /// that every mail folder may hold: nothing to worry about.
        public var clientKind: String?

        public init(path: String, reason: String, clientKind: String? = nil) {
            self.path = path
            self.reason = reason
            self.clientKind = clientKind
        }
    }

    /// What a file named `name` is when a mail client (Thunderbird, Apple Mail, Dovecot, Courier, Evolution)
    /// keeps it beside the mail it stores — an index, filter rules, POP or IMAP state, a log — else nil.
    public static func clientFile(_ name: String) -> String? {
        let lower = name.lowercased()
        if lower.hasSuffix(".msf") { return "folder indexes (.msf)" }
        switch lower {
        case "msgfilterrules.dat", "rules.dat": return "filter rules (msgFilterRules.dat)"
        case "popstate.dat": return "POP state (popstate.dat)"
        case "filterlog.html", "junklog.html": return "filter logs (filterlog.html)"
        case "mailviews.dat", "virtualfolders.dat", "feeds.json", "feeditems.json", "feeds.rdf", "feeditems.rdf":
            return "settings (mailViews.dat, virtualFolders.dat)"
        case "table of contents", "info.plist": return "Apple Mail's indexes (Table of Contents, Info.plist)"
        case "subscriptions", "maildirfolder", "courierimapuiddb", "courierimapacl", "courierimapsubscribed",
            "folders.db":
            return "server state (subscriptions, maildirfolder)"
        default: break
        }
        if lower.hasPrefix("dovecot") { return "server state (subscriptions, maildirfolder)" }
        for suffix in [".ev-summary", ".ev-summary-meta", ".cmeta", ".ibex.index", ".ibex.index.data"]
        where lower.hasSuffix(suffix) {
            return "Evolution's indexes (.ev-summary, .cmeta)"
        }
        return nil
    }

    /// Calls `body` with each mail source under `path` (files in name order), and lists files that are
    /// not mail in `skipped`. A path that is itself a file must be mail.
    /// - Throws: ``MailSourceError`` (`.notMail`, `.unreadable`) for `path` itself, or what `body` throws.
    public static func forEachSource(
        at path: String, skipped: inout [Skipped], _ body: (any MailHeaderSource) throws -> Void
    ) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw MailSourceError(.unreadable, file: path, reason: "no such file or folder")
        }
        if !isDirectory.boolValue {
            switch try kind(of: path) {
            case .mbox: try body(MboxFile(path: path, folder: folderName(of: path)))
            case .message: try body(MessageFile(path: path, folder: folderName(of: path)))
            case .notMail(let what): throw MailSourceError(.notMail, file: path, reason: "not mail: \(what)")
            }
            return
        }
        // A Spam, Trash or Drafts folder given itself is one, as a Trash mbox file given itself is.
        let name = folderName(of: path)
        try walk(path, folder: MailClassifier.folderFilter(name) != nil ? name : nil, skipped: &skipped, body)
    }

    private static func walk(
        _ directory: String, folder: String?, skipped: inout [Skipped], _ body: (any MailHeaderSource) throws -> Void
    ) throws {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        let isMaildir = names.contains("cur") && names.contains("new")
        // Everything under a Spam, Trash or Drafts folder is in it: Thunderbird keeps the folders the user
        // deleted in `Trash.sbd/`, Apple Mail its mailboxes in `Deleted Messages.mbox/`.
        let inherited = MailClassifier.folderFilter(folder) != nil ? folder : nil
        for name in names where !name.hasPrefix(".") || (isMaildir && name.count > 1 && name != "..") {
            if name.hasPrefix(".") && !isMaildir { continue }
            // Apple Mail keeps a message's attachments beside its Messages/ folder, as plain files.
            if name == "tmp" && isMaildir || name == "Attachments" && names.contains("Messages") { continue }
            let child = directory + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue, let what = clientFile(name) {
                skipped.append(Skipped(path: child, reason: "the mail client's own file", clientKind: what))
                continue
            }
            if isDirectory.boolValue {
                let sub =
                    inherited
                    ?? (name == "cur" || name == "new"
                        ? folder : (name.hasPrefix(".") ? String(name.dropFirst()) : name))
                try walk(child, folder: sub, skipped: &skipped, body)
                continue
            }
            let kind: MailFileKind
            do { kind = try Self.kind(of: child) } catch { kind = .notMail("cannot read it") }
            let place = folder ?? folderName(of: directory)
            switch kind {
            case .mbox: try body(MboxFile(path: child, folder: inherited ?? (name == "mbox" ? place : name)))
            case .message: try body(MessageFile(path: child, folder: place))
            case .notMail(let what):
                // An empty file in a mail folder is an empty mailbox (Thunderbird's `Unsent Messages` before any).
                let empty = what == MailFileKind.emptyReason
                skipped.append(Skipped(path: child, reason: what, clientKind: empty ? "empty files" : nil))
            }
        }
    }

    /// The kind of the file at `path`, from its first 4 KB.
    public static func kind(of path: String) throws -> MailFileKind {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw MailSourceError(.unreadable, file: path, reason: "cannot open it")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        if head.starts(with: CompoundFile.signature) { return .notMail("it is " + CompoundFile.describe(handle)) }
        return MailFileKind.sniff([UInt8](head))
    }

    private static func folderName(of path: String) -> String {
        URL(fileURLWithPath: path).lastPathComponent
    }
}
