import Foundation
import TiesCore

/// Reads address books exported as CSV — Google Contacts (both layouts) and Outlook — as ``VCardContact``s.
///
/// Told apart by the header:
/// - **Google, before 2021**: `Name,Given Name,Additional Name,Family Name,…,Birthday,…,Notes,Group
///   Membership,E-mail 1 - Type,E-mail 1 - Value,…,Phone 1 - Value,…,Organization 1 - Name,Organization 1 -
///   Title`; groups as `* myContacts ::: Friends`, and several values in one cell joined by ` ::: `.
/// - **Google, 2021–**: `First Name,Middle Name,Last Name,…,Organization Name,Organization Title,…,Birthday,
///   Notes,…,Labels,E-mail 1 - Label,E-mail 1 - Value,…`.
/// - **Outlook** (and LinkedIn's 2012 "Microsoft Outlook CSV", and the "Outlook CSV" Google Contacts
///   exports): `"First Name","Middle Name","Last Name",
///   "Title",…,"Company","Department","Job Title",…,"E-mail Address","E-mail 2 Address",…,"Mobile Phone",…,
///   "Birthday",…,"Notes",…,"Categories"`.
///
/// Names, emails, phones, web pages, organisation, title, birthday, notes, and groups or categories as tags
/// (Google's system groups `* myContacts` and `* starred` are not tags, nor `myContacts` in the "Outlook CSV"
/// Google exports). A contact without a name takes its first email that is an address, else its
/// organisation, else its first phone, as its name; one with none of these is left out and listed.
public enum AddressBookCSV {
    /// Which exporter wrote the file.
    public enum Layout: String, Sendable {
        case googleLegacy = "Google Contacts CSV (before 2021)"
        case google = "Google Contacts CSV"
        case outlook = "Outlook contacts CSV"
    }

    /// The layout a header row has, or nil when it is none of them.
    public static func layout(of header: [String]) -> Layout? {
        let keys = Set(header.map(CSVTable.key))
        if keys.contains("given name"), keys.contains("family name"),
            keys.contains("e-mail 1 - value") || keys.contains("group membership") || keys.contains("phone 1 - value")
        {
            return .googleLegacy
        }
        guard keys.contains("first name"), keys.contains("last name") else { return nil }
        if keys.contains("labels") || keys.contains("e-mail 1 - label") || keys.contains("organization name")
            || keys.contains("e-mail 1 - value")
        {
            return .google
        }
        if keys.contains("e-mail address") && (keys.contains("job title") || keys.contains("business phone")) {
            return .outlook
        }
        return nil
    }

    /// The `source` recorded for these contacts.
    public static let source = "address-book-csv"

    /// Reads the file's bytes (UTF-8; transcode Windows-1252 first, see ``SpreadsheetText``).
    /// - Throws: ``ParseError`` when the header is none of the layouts, or a quoted field never closes.
    public static func read(_ bytes: [UInt8]) throws(ParseError) -> ImportResult<VCardContact> {
        let table = try CSVTable(bytes: bytes)
        guard let layout = layout(of: table.header) else {
            throw ParseError(
                line: table.headerLine, found: table.header.prefix(6).joined(separator: ","),
                expected: "the header of a Google Contacts or Outlook contacts CSV export")
        }
        var result = ImportResult<VCardContact>()
        let columns = AddressBookColumns(table, layout)
        let ragged = Dictionary(table.raggedRows.map { ($0.line, $0) }, uniquingKeysWith: { a, _ in a })
        for row in table.rows {
            if row.fields.allSatisfy({ $0.trimmedWhitespace().isEmpty }) { continue }
            if let problem = ragged[row.line] {
                result.problems.append(problem)
                continue
            }
            if let contact = columns.contact(row) {
                result.records.append(contact)
            } else {
                result.skipped.append(
                    SkippedRecord(line: row.line, reason: "the contact has no name, email, phone or organisation"))
            }
        }
        return result
    }
}
