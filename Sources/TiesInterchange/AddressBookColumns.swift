import Foundation
import TiesCore

/// Where the fields of an address-book CSV are, and how one row becomes a contact.
struct AddressBookColumns {
    var name: [Int] = []
    var fullName: Int?
    var emails: [Int] = []
    var phones: [Int] = []
    var websites: [Int] = []
    var organisation, title, birthday, notes, groups: Int?
    /// Outlook's `Anniversary`; Google's first `Event N - Value` whose `Event N - Type` says Anniversary.
    var anniversary: Int?
    var eventTypes: [(type: Int, value: Int)] = []

    /// Thunderbird's birthday, in three columns (the year may be empty).
    var birthYear, birthMonth, birthDay: Int?
    /// Dates written day first with slashes (`02/05/1984`), as a French Outlook writes them.
    var dayFirst = false

    init(_ table: CSVTable, _ layout: AddressBookCSV.Layout) {
        func matching(_ test: (String) -> Bool) -> [Int] {
            table.header.indices.filter { test(CSVTable.key(table.header[$0])) }
        }
        birthday = table.column("Birthday")
        notes = table.column("Notes")
        anniversary = table.column("Anniversary")
        for n in 1...9 {
            guard let type = table.column("Event \(n) - Type"), let value = table.column("Event \(n) - Value") else {
                break
            }
            eventTypes.append((type, value))
        }
        switch layout {
        case .googleLegacy:
            fullName = table.column("Name")
            name = ["Name Prefix", "Given Name", "Additional Name", "Family Name", "Name Suffix"].compactMap {
                table.column($0)
            }
            organisation = table.column("Organization 1 - Name")
            title = table.column("Organization 1 - Title")
            groups = table.column("Group Membership")
        case .google:
            name = ["Name Prefix", "First Name", "Middle Name", "Last Name", "Name Suffix"].compactMap {
                table.column($0)
            }
            organisation = table.column("Organization Name") ?? table.column("Organization 1 - Name")
            title = table.column("Organization Title") ?? table.column("Organization 1 - Title")
            groups = table.column("Labels") ?? table.column("Group Membership")
        case .outlook:
            if AddressBookCSV.isGermanOutlook(Set(table.header.map(CSVTable.key))) {
                germanOutlook(table, matching)
                return
            }
            if AddressBookCSV.isFrenchOutlook(Set(table.header.map(CSVTable.key))) {
                frenchOutlook(table, matching)
                return
            }
            name = ["First Name", "Middle Name", "Last Name", "Suffix"].compactMap { table.column($0) }
            organisation = table.column("Company")
            title = table.column("Job Title")
            groups = table.column("Categories")
            emails = matching { $0.hasPrefix("e-mail") && $0.hasSuffix("address") }
            phones = matching { $0.hasSuffix("phone") || $0.hasSuffix("phone 2") || $0 == "pager" }
            websites = matching { $0 == "web page" || $0 == "personal web page" }
            return
        case .yahoo:
            // `Primary` names which phone is the main one (`mobile`); `Fax` is no phone.
            name = ["First", "Middle", "Last"].compactMap { table.column($0) }
            organisation = table.column("Company")
            title = table.column("Title")
            groups = table.column("Category")
            notes = table.column("Comments")
            emails = ["Email", "Alternate Email 1", "Alternate Email 2"].compactMap { table.column($0) }
            phones = ["Mobile", "Work", "Home", "Other", "Pager", "Yahoo! Phone"].compactMap { table.column($0) }
            websites = ["Personal Website", "Business Website"].compactMap { table.column($0) }
            return
        case .thunderbird:
            // The columns are named in the language of the user's Thunderbird.
            func columns(_ fields: ThunderbirdHeaders.Field...) -> [Int] {
                fields.compactMap { field in matching { ThunderbirdHeaders.names[field]?.contains($0) == true }.first }
            }
            fullName = columns(.displayName).first
            name = columns(.firstName, .lastName)
            organisation = columns(.organisation).first
            title = columns(.jobTitle).first
            notes = columns(.notes).first
            emails = columns(.primaryEmail, .secondaryEmail)
            phones = columns(.mobile, .workPhone, .homePhone, .pager)
            websites = columns(.webPage1, .webPage2)
            (birthYear, birthMonth, birthDay) =
                (columns(.birthYear).first, columns(.birthMonth).first, columns(.birthDay).first)
            return
        }
        emails = matching { $0.hasPrefix("e-mail ") && $0.hasSuffix(" - value") }
        phones = matching { $0.hasPrefix("phone ") && $0.hasSuffix(" - value") }
        websites = matching { $0.hasPrefix("website ") && $0.hasSuffix(" - value") }
    }

    /// The columns of a German Outlook's export, by the names it gives them (the English ones, translated):
    /// `Position` is the job title, `Firma` the company, `Kategorien` the categories; the emails are
    /// `E-Mail-Adresse`, `E-Mail 2: Adresse` and `E-Mail 3: Adresse` (the `E-Mail: Angezeigter Name` beside
    /// them is a display name, no address); the phones every column with `telefon` in its name and `Pager`
    /// (the fax columns are none).
    private mutating func germanOutlook(_ table: CSVTable, _ matching: ((String) -> Bool) -> [Int]) {
        name = ["Vorname", "Weitere Vornamen", "Nachname", "Suffix"].compactMap { table.column($0) }
        organisation = table.column("Firma")
        title = table.column("Position")
        groups = table.column("Kategorien")
        notes = table.column("Notizen")
        birthday = table.column("Geburtstag")
        anniversary = table.column("Jahrestag")
        emails = matching { $0 == "e-mail-adresse" || ($0.hasPrefix("e-mail ") && $0.hasSuffix(": adresse")) }
        phones = matching { $0.contains("telefon") || $0 == "pager" }
        websites = matching { $0 == "webseite" || $0 == "persönliche webseite" }
    }

    /// The columns of a French Outlook's export, by the names it gives them: `Titre` twice, the courtesy title
    /// first and the job title after `Société ` and `Service ` (written with a space before the comma); the
    /// surname `Nom` after `Prénom` (a header that starts with a full name in `Nom` has it twice); the emails
    /// `Adresse de messagerie`, `… 2` and `… 3` (not the `Nom complet de l'adresse de messagerie` beside them);
    /// the phones every `Téléphone`/`Tél.` column and the pager (`Récepteur de radiomessagerie`), the fax
    /// columns (`Télécopie`) none; `Anniversaire`, the birthday, day first (`02/05/1984`).
    private mutating func frenchOutlook(_ table: CSVTable, _ matching: ((String) -> Bool) -> [Int]) {
        let keys = table.header.map(CSVTable.key)
        func column(_ key: String, after: Int?) -> Int? {
            keys.indices.first { keys[$0] == key && $0 > (after ?? -1) }
        }
        let first = column("prénom", after: nil)
        name = [
            first, column("deuxième prénom", after: first), column("nom", after: first),
            column("suffixe", after: first),
        ]
        .compactMap { $0 }
        organisation = column("société", after: nil)
        title = column("titre", after: organisation ?? column("service", after: nil))
        groups = column("catégories", after: nil)
        notes = column("notes", after: nil)
        birthday = column("anniversaire", after: nil)
        anniversary = column("anniversaire de mariage ou fête", after: nil)
        dayFirst = true
        emails = matching { $0.hasPrefix("adresse de messagerie") }
        phones = matching {
            $0.hasPrefix("téléphone") || $0.hasPrefix("tél.") || $0 == "récepteur de radiomessagerie"
                || $0 == "radio téléphone"
        }
        websites = matching { $0 == "page web" || $0 == "page web personnelle" }
    }

    /// The values of `columns` in `row`, each cell split at Google's ` ::: `.
    static func values(_ row: CSVRecord, _ columns: [Int]) -> [String] {
        columns.flatMap { column -> [String] in
            (CSVTable.value(row, column) ?? "").components(separatedBy: ":::").compactMap { ImportSupport.nonEmpty($0) }
        }
    }

    func contact(_ row: CSVRecord) -> VCardContact? {
        // An address MatchKey cannot read stays as written, so that validation names it.
        let emails = Self.values(row, emails).map { MatchKey.email($0) ?? $0 }
        let phones = Self.values(row, phones)
        let organisation = ImportSupport.nonEmpty(CSVTable.value(row, organisation))
        let built = name.compactMap { ImportSupport.nonEmpty(CSVTable.value(row, $0)) }.joined(separator: " ")
        guard
            let label = ImportSupport.nonEmpty(CSVTable.value(row, fullName)) ?? ImportSupport.nonEmpty(built)
                ?? emails.first(where: ImportSupport.isEmail) ?? organisation ?? phones.first
        else { return nil }
        // Google: `* myContacts ::: * starred ::: Friends` (its own groups start with `*`: starred, Friends,
        // Family, Coworkers are kept without it); Outlook: `Recruiters;Berlin`, and Google's "Outlook CSV"
        // export writes its groups without the star: `myContacts;starred`. The group of every contact is no tag.
        let tags = Self.values(row, groups.map { [$0] } ?? []).flatMap { $0.split(separator: ";") }
            .compactMap { ImportSupport.nonEmpty(String($0.hasPrefix("*") ? $0.dropFirst() : $0)) }
            .filter { !ImportSupport.isEveryContactGroup($0) }
        var points = emails.map { VCardContactPoint(kind: .email, value: $0) }
        points += phones.map { VCardContactPoint(kind: .phone, value: $0) }
        points += Self.values(row, websites).map { VCardContactPoint(kind: .url, value: $0) }
        let date = { (text: String) in Self.birthday(dayFirst ? text.replacingOccurrences(of: "/", with: ".") : text) }
        let birthday = ImportSupport.nonEmpty(CSVTable.value(row, birthday)).flatMap(date) ?? split(row)
        let event = eventTypes.first {
            CSVTable.value(row, $0.type)?.trimmingCharacters(in: .whitespaces).lowercased() == "anniversary"
        }
        let anniversary = ImportSupport.nonEmpty(CSVTable.value(row, event?.value ?? anniversary)).flatMap(date)
        return VCardContact(
            line: row.line, name: label, organisation: organisation,
            title: ImportSupport.nonEmpty(CSVTable.value(row, title)), tags: Array(Set(tags)).sorted(),
            note: ImportSupport.nonEmpty(CSVTable.value(row, notes)), birthday: birthday, contactPoints: points,
            sourceID: "fnv1a64:" + FNV1a64.hex(label.lowercased() + "\n" + (emails.first ?? "")),
            anniversary: anniversary)
    }

    /// Thunderbird's birthday from its three columns: month and day, and the year when there is one.
    func split(_ row: CSVRecord) -> VCardBirthday? {
        func number(_ column: Int?) -> Int? { CSVTable.value(row, column).flatMap { Int($0) } }
        guard let month = number(birthMonth), let day = number(birthDay) else { return nil }
        let year = number(birthYear).flatMap { $0 > 1900 ? $0 : nil }
        return YearlyDate(month: month, day: day, year: year) == nil
            ? nil : VCardBirthday(year: year, month: month, day: day)
    }

    /// `1985-06-12`, `--06-12` (no year), `6/12/1985` (Outlook, month first) or `0/0/00` (Outlook's none).
    static func birthday(_ text: String) -> VCardBirthday? {
        if text.hasPrefix("--") {
            let parts = text.dropFirst(2).split(separator: "-").compactMap { Int($0) }
            return parts.count == 2 ? VCardBirthday(year: nil, month: parts[0], day: parts[1]) : nil
        }
        guard let day = LinkedInDate.day(text), day.civil.year > 1900 else { return nil }
        let c = day.civil
        return VCardBirthday(year: c.year, month: c.month, day: c.day)
    }
}
