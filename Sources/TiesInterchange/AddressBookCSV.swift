import Foundation
import TiesCore

/// Reads address books exported as CSV — Google Contacts (both layouts), Outlook, Yahoo! and Thunderbird — as
/// ``VCardContact``s.
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
///   "Birthday",…,"Notes",…,"Categories"`.  From a German Outlook: `Anrede,Vorname,Weitere Vornamen,Nachname,Suffix,
///   Firma,Abteilung,Position,…,E-Mail-Adresse,…,E-Mail 2: Adresse,…,Geburtstag,…,Kategorien,…,Notizen`, with
///   birthdays day first (`14.3.1981`, `0.0.00` for none).
/// - **Yahoo!**: `"First","Middle","Last","Nickname","Email","Category","Distribution Lists","Messenger ID",
///   "Home","Work","Pager","Fax","Mobile","Other","Yahoo! Phone","Primary","Alternate Email 1",…,"Title",
///   "Company",…,"Birthday","Anniversary",…,"Comments"`.
/// - **Thunderbird**: `First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,…,Job Title,
///   Department,Organization,…,Birth Year,Birth Month,Birth Day,…,Notes` — or the same names in the language of
///   the user's Thunderbird (`Vorname,Nachname,Anzeigename,…`; ``ThunderbirdHeaders``), older versions with an
///   empty column at the end; its tab-separated export is read too (``commaSeparated(_:)``).
///
/// Names, emails, phones, web pages, organisation, title, birthday, notes, and groups or categories as tags
/// (Google's own groups lose their `*`: `* starred` is the tag `starred`, as in Google's vCards; the group of
/// every contact, `* myContacts`, or `myContacts` in the "Outlook CSV" Google exports, is no tag). A contact
/// without a name takes its first email that is an address, else its organisation, else its first phone, as
/// its name; one with none of these is left out and listed.
public enum AddressBookCSV {
    /// Which exporter wrote the file.
    public enum Layout: String, Sendable {
        case googleLegacy = "Google Contacts CSV (before 2021)"
        case google = "Google Contacts CSV"
        case outlook = "Outlook contacts CSV"
        case thunderbird = "Thunderbird address book CSV"
        case yahoo = "Yahoo! contacts CSV"
    }

    /// The layout a header row has, or nil when it is none of them.
    public static func layout(of header: [String]) -> Layout? {
        let keys = Set(header.map(CSVTable.key))
        if isThunderbird(keys) { return .thunderbird }
        if keys.contains("given name"), keys.contains("family name"),
            keys.contains("e-mail 1 - value") || keys.contains("group membership") || keys.contains("phone 1 - value")
        {
            return .googleLegacy
        }
        if isGermanOutlook(keys) || isFrenchOutlook(keys) { return .outlook }
        if ["first", "last", "email"].allSatisfy(keys.contains),
            keys.contains("alternate email 1") || keys.contains("yahoo! phone")
        {
            return .yahoo
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

    /// Whether the header is that of a German Outlook's export: `Anrede,Vorname,Weitere Vornamen,Nachname,
    /// Suffix,Firma,Abteilung,Position,…,E-Mail-Adresse,…,Kategorien,…,Notizen`. (Thunderbird's German header
    /// also starts `Vorname,Nachname`, but has no `E-Mail-Adresse`: its is `Primäre E-Mail-Adresse`.)
    static func isGermanOutlook(_ keys: Set<String>) -> Bool {
        keys.contains("vorname") && keys.contains("nachname") && keys.contains("e-mail-adresse")
            && (keys.contains("firma") || keys.contains("telefon geschäftlich"))
    }

    /// Whether the header is that of a French Outlook's export: `Titre,Prénom,Deuxième prénom,Nom,Suffixe,
    /// Société ,Service ,Titre,…,Adresse de messagerie,…,Catégories,…,Notes`.
    static func isFrenchOutlook(_ keys: Set<String>) -> Bool {
        keys.contains("prénom") && keys.contains("nom") && keys.contains("adresse de messagerie")
            && (keys.contains("société") || keys.contains("téléphone (bureau)"))
    }

    /// Whether the header's names (keys) are Thunderbird's, in any of its languages: a first and last name, a
    /// display name and a primary email.
    static func isThunderbird(_ keys: Set<String>) -> Bool {
        [.firstName, .lastName, .displayName, .primaryEmail].allSatisfy { (field: ThunderbirdHeaders.Field) in
            ThunderbirdHeaders.names[field].map { !$0.isDisjoint(with: keys) } ?? false
        }
    }

    /// Thunderbird's tab-separated export as CSV, or nil when `bytes` are not one: their first line, cut at
    /// tabs, is not Thunderbird's header.
    ///
    /// Thunderbird puts in quotes every field that holds a comma, a tab, a quote or a line break, as CSV does,
    /// so turning each tab outside quotes into a comma gives the same fields.
    public static func commaSeparated(_ bytes: [UInt8]) -> [UInt8]? {
        let firstLine = bytes.prefix { $0 != 0x0A && $0 != 0x0D }
        guard firstLine.contains(0x09) else { return nil }
        var header = String(decoding: firstLine, as: UTF8.self)
        if header.hasPrefix("\u{FEFF}") { header.removeFirst() }
        guard isThunderbird(Set(header.split(separator: "\t").map { CSVTable.key(String($0)) })) else { return nil }
        var quoted = false
        return bytes.map { byte in
            if byte == 0x22 { quoted.toggle() }
            return byte == 0x09 && !quoted ? 0x2C : byte
        }
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
                expected: "the header of a Google Contacts, Outlook, Yahoo! or Thunderbird contacts CSV export")
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
