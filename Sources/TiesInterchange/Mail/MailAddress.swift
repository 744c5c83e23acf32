import Foundation

/// One mailbox of an address list: the address, normalised, and the display name when there is one.
public struct MailAddress: Sendable, Hashable {
    /// The address in the one form people are matched by (see ``normalised(_:)``).
    public var address: String
    /// The display name, decoded (RFC 2047) and unquoted; nil when the list gave none.
    public var name: String?

    public init(address: String, name: String? = nil) {
        self.address = address
        self.name = name
    }

    /// An email address in the form the mail import matches and stores it by: trimmed, angle brackets and a
    /// `mailto:` prefix dropped, lower-cased; nil unless it has one `@` with text on both sides and no
    /// white space.
    ///
    /// The one place the mail import normalises addresses, so that a shared validation can replace it.
    public static func normalised(_ text: String) -> String? {
        var email = Substring(text).trimmedWhitespace()
        if email.hasPrefix("<") && email.hasSuffix(">") { email = String(email.dropFirst().dropLast()) }
        if email.lowercased().hasPrefix("mailto:") { email = String(email.dropFirst(7)) }
        email = email.lowercased()
        guard let at = email.lastIndex(of: "@"), at != email.startIndex, email.index(after: at) != email.endIndex,
            !email.contains(where: { $0 == " " || $0 == "\t" || $0 == "<" || $0 == ">" || $0 == "," }),
            !email[email.index(after: at)...].contains("@") || email.first == "\""
        else { return nil }
        var domain = email[email.index(after: at)...]
        while domain.hasSuffix(".") { domain = domain.dropLast() }
        guard !domain.isEmpty else { return nil }
        return email[..<at] + "@" + domain
    }
}
