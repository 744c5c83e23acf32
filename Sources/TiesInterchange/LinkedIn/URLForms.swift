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
        let hash = FieldPairTable<String>.hash(raw, nil)
        if let known = memo.index(of: raw, nil, hash: hash) { return memo[known] }
        let form = ProfileURL.normalised(raw)
        if memo.count < Self.capacity { memo.append(form, for: raw, nil, hash: hash) }
        return form
    }
}
