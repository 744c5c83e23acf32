import TiesCore

/// Profile URLs normalised once each: a reader of a million message rows meets a few thousand distinct
/// URLs, and ``ProfileURL/normalised(_:)`` on every row cost more than a dictionary lookup (measured,
/// Benchmarks/README.md).
///
/// A class so that copies of the layout that holds it share one memo; used by one reader on one thread.
final class URLForms {
    private var memo: [String: String] = [:]
    /// At most this many URLs are remembered (a file of distinct URLs only costs the normalisation).
    static let capacity = 200_000

    /// ``ProfileURL/normalised(_:)`` of `raw`.
    func normalised(_ raw: String) -> String {
        if let known = memo[raw] { return known }
        let form = ProfileURL.normalised(raw)
        if memo.count < Self.capacity { memo[raw] = form }
        return form
    }
}
