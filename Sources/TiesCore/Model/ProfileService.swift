/// A service on which a person has one profile, so that a profile URL there identifies them: two people with
/// different profiles on one service are two people, while profiles on different services (or a personal web
/// page) do not contradict each other.
public enum ProfileService: Sendable, Hashable {
    case linkedin
    case google

    /// The service whose profile `key` (``ProfileURL/identityKey(_:)``) is, or nil for any other URL — and
    /// for a page of the service that is no one's (``ProfileURL/canIdentify(key:)``: a company's page).
    public init?(key: String) {
        guard ProfileURL.canIdentify(key: key) else { return nil }
        if key.hasPrefix("linkedin.com/") || key.contains(".linkedin.com/") {
            self = .linkedin
        } else if key.hasPrefix("google.com/profiles/") {
            self = .google
        } else {
            return nil
        }
    }
}

extension ProfileURL {
    /// ``key(_:)`` of `url`, with a Google profile in one form: `google.com/profiles/ID` for
    /// `plus.google.com/ID` and `profiles.google.com/ID` too (Google Contacts' vCards give one or two of them).
    /// The key the store matches people by, and the duplicate detector compares profiles by.
    public static func identityKey(_ url: String) -> String {
        identity(ofKey: key(url))
    }

    /// ``identityKey(_:)`` of a URL whose ``key(_:)`` is `key`: for a caller that needs both keys.
    public static func identity(ofKey key: String) -> String {
        for prefix in ["plus.google.com/", "profiles.google.com/"] where key.hasPrefix(prefix) {
            let id = key.dropFirst(prefix.count)
            if !id.isEmpty && !id.contains("/") { return "google.com/profiles/" + id }
        }
        return key
    }

    /// Whether the URL whose ``identityKey(_:)`` is `key` can be one person's, and so identify them: not a
    /// site's home page (`kestrelworks.example`: an organisation's, which every colleague's card may give —
    /// Outlook's `URL;WORK:`, and two cards of one shop in an address book attached to a KDE bug report,
    /// `KDE/kcontacts` `autotests/data/vcard10.vcf`, were merged into one person by it); on LinkedIn, only a
    /// member's profile — `in/NAME`, `pub/NAME/…`, `profile/view?id=N` — not a company's, school's or
    /// group's page, nor the bare `linkedin.com/in` that Invitations.csv of late 2023 holds in every row
    /// (five exports in `NicoLorDev97/MetricasRedes`). A LinkedIn path of another form is taken as a member's.
    public static func canIdentify(key: String) -> Bool {
        guard let slash = key.firstIndex(of: "/") else { return false }
        let host = key[..<slash]
        guard host == "linkedin.com" || host.hasSuffix(".linkedin.com") else { return true }
        let path = key[key.index(after: slash)...].split(separator: "/")
        switch path.first {
        case nil: return false
        case "in", "pub": return path.count >= 2
        case "profile": return path.count == 2 && path[1].hasPrefix("view?id=")
        case "company", "school", "showcase", "groups", "feed", "jobs": return false
        default: return true  // a form not seen: taken as a member's, as before
        }
    }
}
