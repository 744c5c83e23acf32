import Foundation

extension MatchKey {
    /// A profile URL as compared: percent-decoded, lower case, without scheme, `www.`, query, fragment or
    /// trailing slashes; nil for an empty value.
    ///
    /// The raw non-ASCII form of a LinkedIn profile and its percent-encoded form give one key:
    /// `https://www.linkedin.com/in/zoë-reyes/` and `http://linkedin.com/in/zo%C3%AB-reyes` are both
    /// `linkedin.com/in/zoë-reyes`.
    public static func profileURL(_ value: String) -> String? {
        var text = value.trimmingCharacters(in: .whitespacesAndNewlines)
        text = text.removingPercentEncoding ?? text
        text = text.lowercased()
        for prefix in ["https://", "http://"] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        if text.hasPrefix("www.") { text.removeFirst(4) }
        if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = String(text[..<cut]) }
        while text.hasSuffix("/") { text.removeLast() }
        return text.isEmpty ? nil : text
    }
}
