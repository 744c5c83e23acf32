import TiesCore

/// Profile URLs normalised once each: a reader of a million message rows meets a few thousand distinct
/// URLs, and ``ProfileURL/normalised(_:)`` on every row cost more than a dictionary lookup (measured,
/// Benchmarks/README.md).
///
/// A class so that copies of the layout that holds it share one memo; used by one reader on one thread.
final class URLForms {
    /// By the URL as written, hashed by its bytes (``FieldPairTable``): `Hasher` over each URL of each new
    /// recipient list was 1 % of the reading thread (`perf`).
    private var memo = FieldPairTable<String>()
    /// At most this many URLs are remembered (a file of distinct URLs only costs the normalisation).
    static let capacity = 200_000

    /// ``ProfileURL/normalised(_:)`` of `raw`.
    func normalised(_ raw: String) -> String {
        if Self.isNormalised(raw) { return raw }
        let hash = FieldPairTable<String>.hash(raw, nil)
        if let known = memo.index(of: raw, nil, hash: hash) { return memo[known] }
        let form = ProfileURL.normalised(raw)
        if memo.count < Self.capacity { memo.append(form, for: raw, nil, hash: hash) }
        return form
    }

    /// Whether `raw` is already what ``ProfileURL/normalised(_:)`` makes of it, told from its bytes: `https://`,
    /// printable ASCII without spaces, `?`, `#` or `%`, no capital letter before the path, no `/` at the end — as
    /// LinkedIn writes every profile URL. Such a URL is its own form; looking it up in the memo, as each URL of
    /// each new recipient list was (a million rows hold 49,290 group lists), cost more than this look at it
    /// (`perf`). A test holds the answer to ``ProfileURL/normalised(_:)``'s.
    static func isNormalised(_ raw: String) -> Bool {
        raw.utf8.withContiguousStorageIfAvailable { b -> Bool in
            guard b.count > 8, b.starts(with: "https://".utf8), b[b.count - 1] != 0x2F else { return false }
            var inHost = true
            for c in b[8...] {
                guard c > 0x20, c < 0x7F, c != 0x3F, c != 0x23, c != 0x25 else { return false }  // ? # %
                if c == 0x2F {
                    inHost = false
                } else if inHost && c >= 0x41 && c <= 0x5A {
                    return false
                }
            }
            return true
        } ?? false
    }
}
