import Foundation

/// What a file looks like, from its first bytes, and which `ties import` reads it: for the error an importer
/// gives when it recognises nothing in its input.
public enum InputSniffer {
    /// A description of the file (`a vCard address book`, `a CSV file with the header "Name,Email"`, `an
    /// empty file`, `binary data`, `text: "..."`) and the command that reads it, when one does.
    public static func describe(_ bytes: [UInt8]) -> (looksLike: String, importer: String?) {
        if let text = UTF16Text.utf8(Array(bytes.prefix(64 * 1024))) { return describe(text) }
        let head = Array(bytes.prefix(64 * 1024))
        if head.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return ("an empty file", nil) }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return ("a zip archive (LinkedIn delivers its export as one)", "ties import linkedin")
        }
        if bytes.starts(with: CompoundFile.signature) { return (CompoundFile.describe(bytes), nil) }
        if head.prefix(1024).contains(0) { return ("binary data", nil) }
        let text = String(decoding: head, as: UTF8.self)
        let upper = text.uppercased()
        let start = upper.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        if start.hasPrefix("BEGIN:VCARD") { return ("a vCard address book", "ties import vcard") }
        if start.hasPrefix("BEGIN:VCALENDAR") { return ("an iCalendar file", "ties import ics") }
        // Thunderbird's third address-book export (RFC 2849): `dn: cn=…` records, or `version: 1` first.
        let firstWords = start.prefix(12)
        if firstWords.hasPrefix("DN:") || firstWords.hasPrefix("VERSION: 1") || firstWords.hasPrefix("VERSION:1") {
            return ("an LDIF address book, which Ties does not read: export it as vCard or CSV instead", nil)
        }
        // Before the vCards and invitations anywhere in it: a message may carry them as attachments.
        if looksLikeMail(text) { return ("a mailbox or email message", "ties import mail") }
        if upper.contains("BEGIN:VCARD") { return ("a vCard address book", "ties import vcard") }
        if upper.contains("BEGIN:VCALENDAR") { return ("an iCalendar file", "ties import ics") }
        // A Connections file's header may come after a preamble; the address books' never does.
        if CSVTable.locateHeader(in: head, hint: LinkedInConnections.headerHint, isHeader: LinkedInConnections.isHeader)
            != nil,
            (try? CSVTable.header(of: head)).map({ AddressBookCSV.layout(of: $0.fields) == nil }) ?? true,
            let kind = LinkedInFileKind.detect(head, name: "")
        {
            return ("a file of a LinkedIn export (\(kind.label))", "ties import linkedin")
        }
        let table = AddressBookCSV.commaSeparated(head) ?? head
        if let header = try? CSVTable.header(of: table), header.fields.count > 1 {
            let shown = header.fields.prefix(6).joined(separator: ",") + (header.fields.count > 6 ? ",…" : "")
            if let layout = AddressBookCSV.layout(of: header.fields) {
                let article = "AEIOU".contains(layout.rawValue.prefix(1)) ? "an" : "a"
                return ("\(article) \(layout.rawValue) file", "ties import csv")
            }
            if let kind = LinkedInFileKind.detect(head, name: "") {
                return ("a file of a LinkedIn export (\(kind.label))", "ties import linkedin")
            }
            // Prose holds commas too: a table of no known layout needs more than one comma in its first line
            // (or Ties's own columns) and as many fields in each of its first lines.
            let keys = Set(header.fields.map(CSVTable.key))
            let ties = keys.contains("name") || keys.contains("occurred_at")
            if header.fields.count > 2 || ties, isTable(table, width: header.fields.count) {
                return ("a CSV file with the header \"\(shown)\"", ties ? "ties import csv" : nil)
            }
        }
        let firstLine = text.split(whereSeparator: \.isNewline).first.map { String($0.prefix(60)) } ?? ""
        return ("text beginning \"\(firstLine)\"", nil)
    }

    /// Whether the first records of `bytes` (at most six) all have `width` fields (or empty ones after them), as
    /// a table's do. Bytes that do not end a line are the start of a longer file: their last record may be cut.
    static func isTable(_ bytes: [UInt8], width: Int) -> Bool {
        let cut = bytes.last.map { $0 != 0x0A && $0 != 0x0D } ?? false
        var rows: [[String]] = []
        do {
            try CSVReader.forEachRecord(in: bytes) { record in
                rows.append(record.fields)
                return rows.count < 6
            }
        } catch {
            if !cut { return false }  // a quote never closed: prose, unless the file goes on
        }
        if cut && rows.count < 6 && !rows.isEmpty { rows.removeLast() }
        return rows.dropFirst().allSatisfy { !CSVTable.isRagged($0, width: width) }
    }

    /// Whether `text` starts as a mailbox or a message does: a `From ` line, or header fields such as
    /// Received, From and Date (after Apple Mail's length line in an `.emlx`).
    static func looksLikeMail(_ text: String) -> Bool {
        let body = Substring(text).drop { $0 == "\u{FEFF}" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        if body.hasPrefix("From ") { return true }
        let upper = body.prefix(16).uppercased()
        if upper.hasPrefix("RETURN-PATH:") || upper.hasPrefix("RECEIVED:") { return true }
        return MailFileKind.startsWithHeaders(MailFileKind.afterLengthLine(body) ?? body)
    }

    /// The sentence an importer ends with when it recognised nothing in `file`.
    public static func refusal(_ file: String, bytes: [UInt8], expected: String) -> String {
        let (looksLike, importer) = describe(bytes)
        return "\(file): nothing here is \(expected); it looks like \(looksLike)"
            + (importer.map { ", which `\($0)` reads" } ?? "")
    }
}
