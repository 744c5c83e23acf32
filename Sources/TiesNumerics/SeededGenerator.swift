internal import CGSL

/// A seedable, portable random number generator: GSL's MT19937.
///
/// The same seed yields the same stream on every machine and operating system, which is what makes
/// `ties demo --seed N` reproducible. It conforms to `RandomNumberGenerator`, so Swift's own
/// `Int.random(in:using:)` and `shuffled(using:)` work with it; note that those standard-library
/// algorithms are not promised to be stable across Swift versions, so code that needs bit-identical
/// output across toolchains should use the distribution methods here.
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let gap = rng.exponential(mean: 14)
/// ```
public final class SeededGenerator: RandomNumberGenerator {
    private let rng: OpaquePointer

    /// Creates a generator seeded with `seed` (GSL maps seed 0 to its default seed 4357).
    public init(seed: UInt64) {
        GSL.prepare()
        rng = OpaquePointer(gsl_rng_alloc(ties_gsl_rng_mt19937()))
        gsl_rng_set(UnsafePointer(rng), UInt(truncatingIfNeeded: seed))
    }

    deinit { gsl_rng_free(UnsafeMutablePointer(rng)) }

    private var raw: UnsafePointer<gsl_rng> { UnsafePointer(rng) }

    /// 64 random bits, from two 32-bit MT19937 outputs.
    public func next() -> UInt64 {
        let high = UInt64(gsl_rng_get(raw)) & 0xFFFF_FFFF
        let low = UInt64(gsl_rng_get(raw)) & 0xFFFF_FFFF
        return high << 32 | low
    }

    /// A double uniformly distributed in [0, 1).
    public func uniform() -> Double { gsl_rng_uniform(raw) }

    /// An integer uniformly distributed in `0..<upperBound`.
    /// - Precondition: `upperBound > 0`.
    public func index(below upperBound: Int) -> Int {
        precondition(upperBound > 0, "index(below:) needs a positive bound")
        return Int(gsl_rng_uniform_int(raw, UInt(upperBound)))
    }

    /// True with probability `p`.
    public func bernoulli(_ p: Double) -> Bool { gsl_rng_uniform(raw) < p }

    /// An exponential variate with the given mean.
    public func exponential(mean: Double) -> Double { gsl_ran_exponential(raw, mean) }

    /// A gamma variate with shape `shape` and scale `scale` (mean `shape * scale`).
    public func gamma(shape: Double, scale: Double) -> Double { gsl_ran_gamma(raw, shape, scale) }

    /// A Poisson variate with mean `mean`.
    public func poisson(mean: Double) -> Int { Int(gsl_ran_poisson(raw, mean)) }

    /// A log-normal variate: `exp(N(mu, sigma))`.
    public func lognormal(mu: Double, sigma: Double) -> Double { gsl_ran_lognormal(raw, mu, sigma) }

    /// One element of `elements`, uniformly.
    /// - Precondition: `elements` is not empty.
    public func element<C: RandomAccessCollection>(of elements: C) -> C.Element where C.Index == Int {
        elements[elements.startIndex + index(below: elements.count)]
    }

    /// An index drawn with probability proportional to `weights[i]`.
    /// - Precondition: the weights are non-negative and not all zero.
    public func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        precondition(total > 0, "weightedIndex needs a positive total weight")
        var target = uniform() * total
        for (i, w) in weights.enumerated() {
            target -= w
            if target < 0 { return i }
        }
        return weights.count - 1
    }
}
