import Foundation
import TiesCore

/// Reads LinkedIn's `Invitations.csv`: `From,To,Sent At,Message,Direction`, since 2023 with
/// `inviterProfileUrl,inviteeProfileUrl` (or `…Urn` columns holding `urn:li:member:` ids, which identify no
/// one outside LinkedIn and are ignored). `Sent At` is `10/21/25, 10:26 PM` (month/day/year, UTC) or any
/// ``LinkedInDate`` form; dates of numbers only in the order the file tells (``LinkedInDateColumn``). Rows without a direction, other person or date are left out and listed.
public enum LinkedInInvitations {
    /// The `source` recorded on what this importer brings in.
    public static let source = "linkedin-invitations"

    /// Whether a header row is that of an invitations file.
    public static func isHeader(_ fields: [String]) -> Bool {
        let keys = Set(fields.map(CSVTable.key))
        return keys.contains("from") && keys.contains("to") && keys.contains("sent at") && keys.contains("direction")
    }

    /// Reads the file's bytes.
    /// - Throws: ``ParseError`` when the header is not an invitations header, or a quoted field never closes.
    public static func read(_ bytes: [UInt8]) throws(ParseError) -> ImportResult<LinkedInInvitation> {
        guard let table = try CSVTable.locate(in: bytes, hint: "sent at", isHeader: isHeader)?.unwrappingWholeLineRows()
        else {
            throw ParseError(
                line: 1, found: "<no header row>", expected: "a header row naming From, To, Sent At, Message, Direction"
            )
        }
        let from = table.column("From")
        let to = table.column("To")
        let sent = table.column("Sent At")
        let direction = table.column("Direction")
        let inviterURL = table.column("inviterProfileUrl")
        let inviteeURL = table.column("inviteeProfileUrl")
        var result = ImportResult<LinkedInInvitation>()
        // A file re-saved by a day-first spreadsheet keeps some of LinkedIn's dates, which tell how to read the
        // ones it rewrote; one whose every date it rewrote tells by them (``LinkedInDateColumn``).
        let dates = LinkedInDateColumn(table.rows.map { CSVTable.value($0, sent) ?? "" })
        for (k, row) in table.rows.enumerated() {
            if row.fields.allSatisfy({ $0.trimmedWhitespace().isEmpty }) { continue }
            let outgoing: Bool
            switch CSVTable.value(row, direction)?.uppercased() {
            case "OUTGOING"?, "SENT"?: outgoing = true
            case "INCOMING"?, "RECEIVED"?: outgoing = false
            default:
                result.skipped.append(
                    SkippedRecord(line: row.line, reason: "the row has no Direction (INCOMING/OUTGOING)"))
                continue
            }
            let name = ImportSupport.nonEmpty(CSVTable.value(row, outgoing ? to : from))
            let url = ImportSupport.nonEmpty(CSVTable.value(row, outgoing ? inviteeURL : inviterURL))
                .flatMap { $0.lowercased().hasPrefix("urn:") ? nil : ImportSupport.profileURL($0) }
            guard name != nil || url != nil else {
                result.skipped.append(SkippedRecord(line: row.line, reason: "the row names no other person"))
                continue
            }
            guard let text = ImportSupport.nonEmpty(CSVTable.value(row, sent)) else {
                result.skipped.append(SkippedRecord(line: row.line, reason: "the row has no Sent At date"))
                continue
            }
            let date: Date
            switch dates.instant(text) {
            case .success(let instant): date = instant
            case .failure(let failure):
                result.problems.append(
                    ParseError(
                        line: row.line, record: k + 1, field: "Sent At", found: text,
                        expected: LinkedInDateColumn.expected(failure, text)))
                continue
            }
            let other = LinkedInParticipant(name: name ?? "", profileURL: url)
            result.records.append(
                LinkedInInvitation(
                    line: row.line, other: other, direction: outgoing ? .outbound : .inbound, sentAt: date,
                    sourceID: "\(outgoing ? "out" : "in")|\(url ?? name ?? "")|\(text)"))
        }
        return result
    }
}
