import Foundation
import TiesCore

/// A birthday from a vCard `BDAY`, with or without a year (`--0415` has none).
public struct VCardBirthday: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The year, when the card gives one.
    public var year: Int?
    /// The month, 1–12.
    public var month: Int
    /// The day of the month.
    public var day: Int

    /// Creates a birthday.
    public init(year: Int?, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`, or `--MM-DD` without a year.
    public var description: String {
        let md = pad(month, 2) + "-" + pad(day, 2)
        return year.map { pad($0, 4) + "-" + md } ?? "--" + md
    }

    /// The birthday as a ``Day``, when it has a year.
    public var date: Day? { year.flatMap { Day(year: $0, month: month, day: day) } }

    /// As a yearly date (what a person stores).
    public var yearly: YearlyDate? { YearlyDate(month: month, day: day, year: year) }
}

/// An email, phone or URL from a vCard, with the details a ``ContactPoint`` has no room for.
public struct VCardContactPoint: Sendable, Equatable, Hashable {
    /// Email, phone, URL or LinkedIn (a URL on linkedin.com, an `X-SOCIALPROFILE` of type linkedin, or a
    /// URL labelled LinkedIn).
    public var kind: ContactPoint.Kind
    /// The address, number or URL, trimmed (`mailto:` and `tel:` dropped).
    public var value: String
    /// `TYPE` values, lower-cased, in the order written (work, home, cell, voice, pref...).
    public var types: [String]
    /// The label of a grouped property (`item1.X-ABLabel`), with Apple's `_$!<...>!$_` wrapping removed.
    public var label: String?
    /// Whether the card marks it preferred (`TYPE=pref`, or `PREF=1` in vCard 4.0).
    public var preferred: Bool

    /// Creates a contact point.
    public init(
        kind: ContactPoint.Kind, value: String, types: [String] = [], label: String? = nil, preferred: Bool = false
    ) {
        self.kind = kind
        self.value = value
        self.types = types
        self.label = label
        self.preferred = preferred
    }
}

/// One person read from a vCard.
public struct VCardContact: Sendable, Equatable {
    /// The line of the card's `BEGIN:VCARD`.
    public var line: Int
    /// `VERSION` (2.1, 3.0, 4.0), when the card says.
    public var version: String?
    /// `FN`, or else a name built from `N` (prefix, given, additional, family and suffix, in that order), or
    /// else the first email, the organisation or the first phone.
    public var name: String
    /// The first component of `ORG`.
    public var organisation: String?
    /// `TITLE`.
    public var title: String?
    /// `CATEGORIES`, trimmed, without repeats, sorted; Google's system group (`myContacts`, `My Contacts`) left out.
    public var tags: [String]
    /// `NOTE` (several are joined with a line break).
    public var note: String?
    /// `BDAY`, when it is a date (a malformed one is reported in ``ImportResult/skipped``).
    public var birthday: VCardBirthday?
    /// `ANNIVERSARY` (vCard 4), `X-ANNIVERSARY` (vCard 3: Apple, KDE, Evolution) or Outlook's anniversary,
    /// kept as the person's work anniversary.
    public var anniversary: VCardBirthday?
    /// Emails, phones and URLs in the order written, without repeats.
    public var contactPoints: [VCardContactPoint]
    /// `UID`, when the card has one.
    public var uid: String?
    /// A stable id for re-imports: the `UID`; without one, `fnv1a64:` and the FNV-1a hash of the
    /// lower-cased name, a line break, and the lower-cased first email (empty when there is none).
    public var sourceID: String

    /// Creates a contact.
    public init(
        line: Int, version: String? = nil, name: String, organisation: String? = nil, title: String? = nil,
        tags: [String] = [], note: String? = nil, birthday: VCardBirthday? = nil,
        contactPoints: [VCardContactPoint] = [], uid: String? = nil, sourceID: String,
        anniversary: VCardBirthday? = nil
    ) {
        self.line = line
        self.version = version
        self.name = name
        self.organisation = organisation
        self.title = title
        self.tags = tags
        self.note = note
        self.birthday = birthday
        self.anniversary = anniversary
        self.contactPoints = contactPoints
        self.uid = uid
        self.sourceID = sourceID
    }

    /// The contact as a new ``Person`` (no id, no roles; the note is not part of a person).
    public var person: Person {
        Person(
            name: name, organisation: organisation, title: title, tags: Set(tags),
            contactPoints: ImportSupport.deduplicated(
                contactPoints.map { ContactPoint(kind: $0.kind, value: $0.value) }),
            birthday: birthday?.yearly, workAnniversary: anniversary?.yearly)
    }
}

/// Reads vCard files (`.vcf`): versions 2.1, 3.0 and 4.0, one or many cards per file.
///
/// What it handles, as real exporters (Apple Contacts, Google, Outlook, Android) write them:
/// - line folding (CRLF, LF or CR, then a space or tab), files with LF-only line ends, a byte-order mark;
/// - backslash escapes (`\n`, `\,`, `\;`, `\\`), and structured values (`N`, `ORG`) split at unescaped `;`;
/// - vCard 2.1 `QUOTED-PRINTABLE` with soft line breaks (`=` at the end of a line) and `CHARSET`
///   (UTF-8, ISO-8859-1 and Windows-1252, ISO-8859-15; see ``ContentText``); bare 2.1 parameters
///   (`TEL;WORK;VOICE:`);
/// - grouped properties (`item1.EMAIL` with `item1.X-ABLabel`);
/// - inline photos and other binary values (2.1 `ENCODING=BASE64` ending at a blank line, 3.0
///   `ENCODING=b`, 4.0 `data:` URIs) are skipped without decoding;
/// - `BDAY` with or without a year (`--0415`, `--04-15`, `19850415`, `1985-04-15`, a date-time; Apple's
///   `X-APPLE-OMIT-YEAR` marks a year that stands for none, and year 1604 always does);
/// - property and parameter names in any case.
///
/// A card without a name (no `FN` or `N`, or empty ones, as Google and Android write a contact saved with
/// only an address) takes its first email, else its organisation, else its first phone as its name. A card
/// with none of these, or without `END:VCARD`, is a problem (at its `BEGIN:VCARD` line); a line
/// that is not a property inside a card, or a `BDAY` that is not a date, is noted in
/// ``ImportResult/skipped`` and the rest of the card is kept.
public enum VCardReader {
    /// The `source` recorded on what this importer brings in.
    public static let source = "vcard"

    /// Reads every card in `bytes`, in file order.
    public static func read(_ bytes: [UInt8]) -> ImportResult<VCardContact> {
        var result = ImportResult<VCardContact>()
        var card: Builder?
        var groups: [Builder] = []
        var inBinaryBlock = false
        var cardIndex = 0
        for (line, raw) in UnfoldedLines(bytes, quotedPrintableSoftBreaks: true) {
            if raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                inBinaryBlock = false
                continue
            }
            guard let property = ContentLine.parse(raw, line: line) else {
                // vCard 2.1 base64 data continues on unindented lines until a blank line.
                if inBinaryBlock { continue }
                if card != nil {
                    result.skipped.append(.notAProperty(raw, line: line))
                }
                continue
            }
            inBinaryBlock = property.isBase64
            switch property.name {
            case "BEGIN" where property.decodedValue.trimmingASCIISpaces().uppercased() == "VCARD":
                if let open = card {
                    result.problems.append(
                        ParseError(
                            line: open.line, record: cardIndex, field: "END",
                            found: "<BEGIN:VCARD on line \(line) before this card ended>",
                            expected: "END:VCARD closing each card"))
                }
                cardIndex += 1
                card = Builder(line: line)
            case "END" where property.decodedValue.trimmingASCIISpaces().uppercased() == "VCARD":
                guard let done = card else { continue }
                card = nil
                if done.isGroup {
                    groups.append(done)
                } else if let contact = done.build() {
                    result.records.append(contact)
                } else {
                    result.skipped.append(
                        SkippedRecord(line: done.line, reason: "the card has no name, email, organisation or phone"))
                }
                result.skipped.append(contentsOf: done.skipped)
            default:
                card?.add(property)
            }
        }
        if let open = card {
            result.problems.append(
                ParseError(
                    line: open.line, record: cardIndex, field: "END",
                    found: "<the end of the file before this card ended>", expected: "END:VCARD closing each card"))
            result.skipped.append(contentsOf: open.skipped)
        }
        for group in groups { tag(group, in: &result) }
        result.skipped.sort { $0.line < $1.line }
        return result
    }

    /// A contact group's card (vCard 4's `KIND:group`, Apple's `X-ADDRESSBOOKSERVER-KIND:group`) is no one:
    /// its members in the file — by `UID` (`urn:uuid:…`) or email (`mailto:…`) — get its name as a tag, and
    /// the card is listed as left out.
    static func tag(_ group: Builder, in result: inout ImportResult<VCardContact>) {
        let name = group.formattedName ?? group.structuredName
        func bare(_ id: String) -> String {
            let lower = id.lowercased()
            return lower.hasPrefix("urn:uuid:") ? String(lower.dropFirst(9)) : lower
        }
        var uids = Set<String>()
        var emails = Set<String>()
        for member in group.members {
            if member.lowercased().hasPrefix("mailto:") {
                emails.insert(String(member.dropFirst(7)).lowercased())
            } else {
                uids.insert(bare(member))
            }
        }
        var found = 0
        for i in result.records.indices {
            let record = result.records[i]
            let isMember =
                record.uid.map { uids.contains(bare($0)) } ?? false
                || record.contactPoints.contains { $0.kind == .email && emails.contains($0.value.lowercased()) }
            guard isMember else { continue }
            found += 1
            if let name, !result.records[i].tags.contains(name) {
                result.records[i].tags = (result.records[i].tags + [name]).sorted()
            }
        }
        let named = name.map { " \"\($0)\"" } ?? ""
        let count = group.members.count
        let members: String
        if found == 0 {
            members = count == 1 ? "its one member is not in this file" : "none of its \(count) members is in this file"
        } else if name == nil {
            members =
                found == 1
                ? "one of its members is here, untagged (it has no name)"
                : "\(found) of its members are here, untagged (it has no name)"
        } else {
            members =
                found == 1 ? "its one member here is tagged\(named)" : "its \(found) members here are tagged\(named)"
        }
        result.skipped.append(
            SkippedRecord(line: group.line, reason: "a contact group\(named), not a person: \(members)"))
    }

    /// Reads every card in `data`.
    public static func read(_ data: Data) -> ImportResult<VCardContact> { read([UInt8](data)) }

    /// Reads every card in `text`.
    public static func read(_ text: String) -> ImportResult<VCardContact> { read(Array(text.utf8)) }

    /// `--0415`, `--04-15`, `19850415`, `1985-04-15`, or a date-time starting with one of those; nil otherwise.
    public static func parseBirthday(_ text: String) -> VCardBirthday? {
        var digits = Array(text.trimmingASCIISpaces().utf8)
        // Drop a time part.
        if let t = digits.firstIndex(of: 0x54) ?? digits.firstIndex(of: 0x74) { digits = Array(digits[..<t]) }
        var year: Int?
        var rest = digits[...]
        if rest.starts(with: [0x2D, 0x2D]) {
            rest = rest.dropFirst(2)
        } else {
            guard rest.count >= 8, let y = number(rest.prefix(4)) else { return nil }
            year = y
            rest = rest.dropFirst(4)
            if rest.first == 0x2D { rest = rest.dropFirst() }
        }
        guard rest.count >= 4, let month = number(rest.prefix(2)) else { return nil }
        rest = rest.dropFirst(2)
        if rest.first == 0x2D { rest = rest.dropFirst() }
        guard rest.count == 2, let day = number(rest) else { return nil }
        let check = year ?? 2000  // a leap year, so --0229 is accepted
        guard Day(year: check, month: month, day: day) != nil else { return nil }
        return VCardBirthday(year: year, month: month, day: day)
    }

    static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var n = 0
        for b in bytes {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            n = n * 10 + Int(b - 0x30)
        }
        return n
    }

    /// Collects one card's properties.
    struct Builder {
        let line: Int
        var version: String?
        var formattedName: String?
        var structuredName: String?
        var organisation: String?
        var title: String?
        var tags: [String] = []
        var notes: [String] = []
        var birthday: VCardBirthday?
        var anniversary: VCardBirthday?
        /// Apple's labelled dates (`item2.X-ABDATE` with `item2.X-ABLabel:_$!<Anniversary>!$_`), by group.
        var labelledDates: [(group: String, date: VCardBirthday)] = []
        var points: [(group: String?, point: VCardContactPoint)] = []
        var labels: [String: String] = [:]
        var uid: String?
        var skipped: [SkippedRecord] = []
        /// `KIND:group` (vCard 4) or `X-ADDRESSBOOKSERVER-KIND:group` (Apple): a contact group, not a person.
        var isGroup = false
        /// A group's `MEMBER` (or Apple's `X-ADDRESSBOOKSERVER-MEMBER`) values: `urn:uuid:…` or `mailto:…`.
        var members: [String] = []

        init(line: Int) { self.line = line }

        mutating func add(_ property: ContentLine) {
            switch property.name {
            case "PHOTO", "LOGO", "SOUND", "KEY":
                return  // binary or a URI; never decoded
            default: break
            }
            let value = property.decodedValue
            switch property.name {
            case "VERSION": version = value.trimmingASCIISpaces()
            case "FN": formattedName = ImportSupport.nonEmpty(ContentText.unescaped(value))
            case "N": structuredName = VCardReader.nameFromN(value)
            case "ORG":
                organisation = ImportSupport.nonEmpty(ContentText.unescaped(ContentText.split(value, at: ";")[0]))
            case "TITLE": title = ImportSupport.nonEmpty(ContentText.unescaped(value))
            case "NOTE":
                if let note = ImportSupport.nonEmpty(ContentText.unescaped(value)) { notes.append(note) }
            case "CATEGORIES":
                // 3.0/4.0 separate with commas; some 2.1 exporters use semicolons. Google Contacts puts its
                // system group `myContacts` on every contact, and Android's export writes it `My Contacts`:
                // it says nothing, so it is not a tag.
                for part in ContentText.split(value, at: ",").flatMap({ ContentText.split(String($0), at: ";") }) {
                    if let tag = ImportSupport.nonEmpty(ContentText.unescaped(part)),
                        !ImportSupport.isEveryContactGroup(tag)
                    {
                        tags.append(tag)
                    }
                }
            case "UID": uid = ImportSupport.nonEmpty(ContentText.unescaped(value))
            case "KIND", "X-ADDRESSBOOKSERVER-KIND":
                isGroup = isGroup || value.trimmingASCIISpaces().lowercased() == "group"
            case "MEMBER", "X-ADDRESSBOOKSERVER-MEMBER":
                if let member = ImportSupport.nonEmpty(ContentText.unescaped(value)) { members.append(member) }
            case "BDAY": birthday = yearlyDate(property, value) ?? birthday
            case "ANNIVERSARY", "X-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY", "X-MS-ANNIVERSARY":
                anniversary = yearlyDate(property, value) ?? anniversary
            case "X-ABDATE":
                if let group = property.group, let date = yearlyDate(property, value) {
                    labelledDates.append((group.lowercased(), date))
                }
            case "X-ABLABEL":
                if let group = property.group, let label = ImportSupport.nonEmpty(ContentText.unescaped(value)) {
                    labels[group.lowercased()] = VCardReader.appleLabel(label)
                }
            case "EMAIL":
                addPoint(.email, value, property)
            case "TEL":
                // A fax machine is no way to reach anyone: not a phone, as the address-book CSVs' fax columns
                // are none (`TEL;WORK;FAX:`, `TEL;type=HOME;type=FAX:`; a `FAX,VOICE` line is a phone).
                let types = property.parameterValues("TYPE")
                if !types.contains("fax") || types.contains("voice") || types.contains("cell") {
                    addPoint(.phone, value, property)
                }
            case "URL":
                addPoint(.url, value, property)
            case "X-SOCIALPROFILE":
                let types = property.parameterValues("TYPE")
                if types.contains("linkedin") || value.lowercased().contains("linkedin.com/") {
                    addPoint(.linkedin, value, property)
                }
            default:
                break
            }
        }

        mutating func addPoint(_ kind: ContactPoint.Kind, _ raw: String, _ property: ContentLine) {
            var text = ContentText.unescaped(raw).trimmedWhitespace()
            for prefix in ["mailto:", "tel:"] where text.lowercased().hasPrefix(prefix) {
                text = String(text.dropFirst(prefix.count))
            }
            guard !text.isEmpty else { return }
            var kind = kind
            if kind == .url, text.lowercased().contains("linkedin.com/") { kind = .linkedin }
            let types = property.parameterValues("TYPE").filter { !$0.isEmpty }
            let preferred = types.contains("pref") || property.parameter("PREF") != nil
            points.append(
                (
                    property.group?.lowercased(),
                    VCardContactPoint(
                        kind: kind, value: text, types: types, preferred: preferred)
                ))
        }

        /// The contact, or nil for a card that names no one (no name, email, organisation or phone).
        func build() -> VCardContact? {
            var contactPoints: [VCardContactPoint] = []
            var seen = Set<String>()
            for (group, var point) in points {
                if let group, let label = labels[group] {
                    point.label = label
                    if point.kind == .url, label.lowercased().contains("linkedin") { point.kind = .linkedin }
                }
                let key =
                    point.kind.rawValue + "\u{0}" + (point.kind == .email ? point.value.lowercased() : point.value)
                if seen.insert(key).inserted { contactPoints.append(point) }
            }
            // Google and Android write a contact saved with only an address as `FN:` and `N:;;;;`, or with
            // neither: like a nameless row of an address-book CSV, it takes its email (the first that is one),
            // organisation or phone.
            let email = contactPoints.first { $0.kind == .email && ImportSupport.isEmail($0.value) }?.value
            guard
                let name = formattedName ?? structuredName ?? email ?? organisation
                    ?? contactPoints.first(where: { $0.kind == .phone })?.value
            else { return nil }
            let labelled = labelledDates.first { labels[$0.group]?.lowercased() == "anniversary" }?.date
            let firstEmail = email?.lowercased() ?? ""
            let sourceID = uid ?? "fnv1a64:" + FNV1a64.hex(name.lowercased() + "\n" + firstEmail)
            return VCardContact(
                line: line, version: version, name: name, organisation: organisation, title: title,
                tags: Array(Set(tags)).sorted(), note: notes.isEmpty ? nil : notes.joined(separator: "\n"),
                birthday: birthday, contactPoints: contactPoints, uid: uid, sourceID: sourceID,
                anniversary: anniversary ?? labelled)
        }

        /// A `BDAY` or `ANNIVERSARY` value as a date with or without a year; one that is not a date is noted
        /// in ``skipped`` (the card is kept without it), and a text value (`VALUE=text:circa 1800`) too.
        mutating func yearlyDate(_ property: ContentLine, _ value: String) -> VCardBirthday? {
            guard let text = ImportSupport.nonEmpty(value) else { return nil }
            if var parsed = VCardReader.parseBirthday(text) {
                // Apple writes a date without a year as year 1604 with X-APPLE-OMIT-YEAR=1604; Thunderbird's
                // CardBook writes year 1604 alone (`BDAY:16040101`). No one in an address book was born then.
                let omit = property.parameter("X-APPLE-OMIT-YEAR").flatMap { Int($0.text) }
                if parsed.year == 1604 || omit != nil && parsed.year == omit { parsed.year = nil }
                return parsed
            }
            skipped.append(
                SkippedRecord(
                    line: property.line,
                    reason:
                        "\(property.name) \(ParseError.shown(text)) is not a date such as 1985-04-15, 19850415 or --0415; the card is kept without it"
                ))
            return nil
        }
    }

    /// A display name from `N` (family;given;additional;prefixes;suffixes): prefixes, given, additional,
    /// family, suffixes, joined with spaces; list items inside a component (`Ann,Marie`) also become spaces.
    static func nameFromN(_ value: String) -> String? {
        let parts = ContentText.split(value, at: ";").map { part in
            ContentText.split(String(part), at: ",").map { ContentText.unescaped($0).trimmedWhitespace() }
                .filter { !$0.isEmpty }.joined(separator: " ")
        }
        func part(_ k: Int) -> String { k < parts.count ? parts[k] : "" }
        let name = [part(3), part(1), part(2), part(0), part(4)].filter { !$0.isEmpty }.joined(separator: " ")
        return name.isEmpty ? nil : name
    }

    /// Apple's built-in labels are written `_$!<Work>!$_`; this returns `Work`.
    static func appleLabel(_ label: String) -> String {
        if label.hasPrefix("_$!<") && label.hasSuffix(">!$_") && label.count > 8 {
            return String(label.dropFirst(4).dropLast(4))
        }
        return label
    }
}
