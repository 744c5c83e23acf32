internal import CGSL

/// Descriptive statistics over GSL.
public enum Statistics {
    /// The `p`-quantile (0...1) of `values`, interpolated as GSL's `gsl_stats_quantile_from_sorted_data`
    /// does (the same as numpy's default "linear" method). Returns nil for an empty array.
    /// - Complexity: O(n log n) for the sort.
    public static func quantile(_ values: [Double], _ p: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return quantile(sorted: sorted, p)
    }

    /// The `p`-quantile of already sorted values. Returns nil for an empty array.
    public static func quantile(sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        return sorted.withUnsafeBufferPointer {
            gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, $0.count, min(max(p, 0), 1))
        }
    }
}
