import TiesCore

extension VCardWriter {
    /// A person as a vCard 4.0, for `ties export vcard`: FN, ORG, TITLE, every EMAIL and TEL, LinkedIn and
    /// other URLs, tags as CATEGORIES, BDAY and ANNIVERSARY, roles as `X-TIES-ROLE`, and a stable `UID` (`urn:ties:person:ID`) so
    /// that importing the file again matches the same people.
    public static func write(person: Person) -> String {
        var lines = [
            "BEGIN:VCARD", "VERSION:4.0", "PRODID:-//Ties//Ties//EN", "KIND:individual", "FN:" + escape(person.name),
        ]
        if let id = person.id { lines.append("UID:urn:ties:person:\(id)") }
        if let organisation = person.organisation { lines.append("ORG:" + escape(organisation)) }
        if let title = person.title { lines.append("TITLE:" + escape(title)) }
        for point in person.contactPoints {
            switch point.kind {
            case .email: lines.append("EMAIL:" + escape(point.value))
            case .phone: lines.append("TEL;VALUE=text:" + escape(point.value))
            case .url: lines.append("URL:" + escape(point.value))
            case .linkedin: lines.append("URL;TYPE=linkedin:" + escape(point.value))
            }
        }
        if !person.tags.isEmpty {
            lines.append("CATEGORIES:" + person.tags.sorted().map(escape).joined(separator: ","))
        }
        // RFC 6350 §4.3.1 basic form: 19850415, or --0415 without a year.
        let basic = { (d: YearlyDate) in (d.year.map { pad($0, 4) } ?? "--") + pad(d.month, 2) + pad(d.day, 2) }
        if let birthday = person.birthday { lines.append("BDAY:" + basic(birthday)) }
        if let anniversary = person.workAnniversary { lines.append("ANNIVERSARY:" + basic(anniversary)) }
        for role in person.sortedRoles { lines.append("X-TIES-ROLE:" + role.rawValue) }
        lines.append("END:VCARD")
        return lines.map { fold($0) + "\r\n" }.joined()
    }
}
