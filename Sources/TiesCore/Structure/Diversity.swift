/// Diversity and concentration of a network's composition.
public enum Diversity {
    /// Blau's index of heterogeneity, `1 − Σ_k p_k²`, over category labels such as organisations or roles.
    ///
    /// `p_k` is the share of the counted labels that equal category `k`. The index is the probability that
    /// two labels drawn at random (with replacement) differ: 0 when every label is the same, approaching
    /// `1 − 1/K` when the labels are spread evenly over `K` categories.
    ///
    /// Labels are compared exactly (case and spelling matter; normalise them first). A `nil` label, an
    /// empty one and one made only of whitespace mean "unknown" and are left out of the count, so people
    /// with no recorded organisation neither add a category nor dilute the others. A person with several
    /// roles contributes one label per role. A `[String]` is accepted as it is (Swift converts it).
    ///
    /// The sum is computed in integers, `1 − Σ n_k² / N²`, so the result does not depend on the order of
    /// the labels or of any hash table.
    ///
    /// - Returns: the index, or `nil` when no label is counted.
    /// - Complexity: O(n) expected for n labels.
    public static func blauIndex(_ labels: [String?]) -> Double? {
        var counts: [String: Int] = [:]
        var total = 0
        for case let label? in labels where !label.allSatisfy(\.isWhitespace) {
            counts[label, default: 0] += 1
            total += 1
        }
        guard total > 0 else { return nil }
        // Integer sum: exact, so the dictionary's iteration order cannot change the result.
        let sumOfSquares = counts.values.reduce(0) { $0 + $1 * $1 }
        return 1 - Double(sumOfSquares) / (Double(total) * Double(total))
    }

    /// The share of the total held by the `k` largest values: `Σ_{top k} x / Σ x`.
    ///
    /// With relationship strengths as values, `topShare(strengths, k: 5)` says how much of the user's
    /// network rests on five people; with the number of contacts per organisation, how dominated the network
    /// is by a few employers. It is 1 when `k` is at least the number of positive values.
    ///
    /// Values are sorted (descending) before summing, so the result does not depend on their order.
    ///
    /// - Parameters:
    ///   - values: non-negative, finite numbers.
    ///   - k: how many of the largest values to take; at least 1. Default 5.
    /// - Returns: the share in [0, 1], or `nil` when the values are empty or all zero.
    /// - Precondition: `k ≥ 1`; every value is finite and non-negative.
    /// - Complexity: O(n log n).
    public static func topShare(_ values: [Double], k: Int = 5) -> Double? {
        precondition(k >= 1, "topShare needs k >= 1")
        precondition(values.allSatisfy { $0.isFinite && $0 >= 0 }, "topShare needs finite, non-negative values")
        let sorted = values.sorted(by: >)
        let total = sorted.reduce(0, +)
        guard total > 0 else { return nil }
        let top = sorted.prefix(k).reduce(0, +)
        return min(1, top / total)
    }
}
