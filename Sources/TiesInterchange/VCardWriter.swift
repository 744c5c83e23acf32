import Foundation
import TiesCore

/// The user's own contact card: what `ties notify` attaches to every draft.
public struct ContactCard: Sendable, Equatable {
    /// The formatted name (vCard `FN`, required by RFC 6350).
    public var name: String
    /// The current email address (`EMAIL`).
    public var email: String?
    /// The current phone number (`TEL`).
    public var phone: String?
    /// A free-text postal address; line breaks are kept.
    public var address: String?
    /// A LinkedIn profile URL or handle.
    public var linkedin: String?

    /// A card with the given values; nil values are left out of the vCard.
    public init(
        name: String, email: String? = nil, phone: String? = nil, address: String? = nil, linkedin: String? = nil
    ) {
        self.name = name
        self.email = email
        self.phone = phone
        self.address = address
        self.linkedin = linkedin
    }

    /// The card of the user's details current on `day` (``MyDetail/current(of:in:asOf:)``).
    ///
    /// Without a `name` detail the card is named by the email address, then the phone number, since a
    /// vCard must have a formatted name.
    public init(details: [MyDetail], asOf day: Day) {
        func value(_ kind: MyDetailKind) -> String? { MyDetail.current(of: kind, in: details, asOf: day)?.value }
        email = value(.email)
        phone = value(.phone)
        address = value(.address)
        linkedin = value(.linkedin)
        name = value(.name) ?? email ?? phone ?? "Me"
    }

    /// Whether the card holds anything beyond a name.
    public var hasDetails: Bool { email != nil || phone != nil || address != nil || linkedin != nil }

    /// The LinkedIn profile as a URL: the value itself when it has a scheme, else `https://` in front of a
    /// value that names linkedin.com, else a `linkedin.com/in/` profile of that handle.
    public var linkedinURL: String? {
        guard let linkedin = linkedin?.trimmingCharacters(in: .whitespaces), !linkedin.isEmpty else { return nil }
        if linkedin.contains("://") { return linkedin }
        if linkedin.lowercased().contains("linkedin.com") { return "https://" + linkedin }
        return "https://www.linkedin.com/in/" + linkedin
    }
}

/// Writes a ``ContactCard`` as a vCard 4.0 (RFC 6350).
///
/// - Lines end with CRLF and are folded so that no line is longer than 75 octets: the break goes before
///   the octet that would exceed it, never inside a UTF-8 sequence, and the continuation starts with one
///   space (RFC 6350 §3.2).
/// - Text values escape backslash, comma, semicolon and line breaks (§3.4); other control characters
///   become spaces, so a value can never start a new property.
/// - `TEL` is written as text (`VALUE=text`), since the user types numbers in any format; the address
///   goes, whole, in the street component of `ADR`.
///
/// ```swift
/// let vcf = VCardWriter.write(ContactCard(name: "Alex Kim", email: "alex@new.example"))
/// ```
public enum VCardWriter {
    /// The longest line, in octets, excluding CRLF.
    public static let lineLimit = 75

    /// The card as vCard text, CRLF line endings, folded.
    public static func write(_ card: ContactCard) -> String {
        var lines = [
            "BEGIN:VCARD", "VERSION:4.0", "PRODID:-//Ties//Ties//EN", "KIND:individual", "FN:" + escape(card.name),
        ]
        if let email = card.email { lines.append("EMAIL:" + escape(email)) }
        if let phone = card.phone { lines.append("TEL;VALUE=text:" + escape(phone)) }
        if let address = card.address { lines.append("ADR:;;" + escape(address) + ";;;;") }
        if let url = card.linkedinURL { lines.append("URL;TYPE=work:" + escape(url)) }
        lines.append("END:VCARD")
        return lines.map { fold($0) + "\r\n" }.joined()
    }

    /// A text value escaped for a vCard: `\` `,` `;` and line breaks (CRLF, CR or LF become `\n`).
    public static func escape(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ",": out += "\\,"
            case ";": out += "\\;"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// One logical line folded at ``lineLimit`` octets, joined with CRLF + space (no trailing CRLF).
    public static func fold(_ line: String) -> String {
        var out = ""
        var used = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if used + size > lineLimit {
                out += "\r\n "
                used = 1
            }
            out.unicodeScalars.append(scalar)
            used += size
        }
        return out
    }
}
