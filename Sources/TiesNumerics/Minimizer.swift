internal import CGSL

/// One-dimensional minimisation with GSL's Brent minimiser.
public enum Minimizer {
    /// The result of a minimisation.
    public struct Result: Sendable, Equatable {
        /// Where the minimum was found.
        public var x: Double
        /// The function's value there.
        public var value: Double
        /// How many iterations it took.
        public var iterations: Int
    }

    /// Finds a local minimum of `f` in `lower...upper`, starting from `guess`.
    ///
    /// GSL's Brent method needs a bracketing triple: `f(guess)` must be below both `f(lower)` and
    /// `f(upper)`. When it is not, the best of a coarse grid over the interval is used as the guess, and
    /// when the best grid point is an end point, that end point is returned as the minimum.
    ///
    /// - Parameters:
    ///   - tolerance: absolute tolerance on `x`.
    /// - Throws: ``GSLError`` when GSL reports a failure.
    /// - Complexity: at most `maxIterations + 17` evaluations of `f`.
    public static func minimize(
        in lower: Double, _ upper: Double, guess: Double? = nil,
        tolerance: Double = 1e-3, maxIterations: Int = 100,
        _ f: (Double) -> Double
    ) throws(GSLError) -> Result {
        precondition(lower < upper, "minimize needs lower < upper")
        GSL.prepare()
        // Find a bracketing guess on a grid if the given one does not bracket.
        let fl = f(lower)
        let fu = f(upper)
        var x0 = guess ?? (lower + upper) / 2
        var f0 = f(x0)
        if !(f0 < fl && f0 < fu) {
            let grid = (0...16).map { lower + (upper - lower) * Double($0) / 16 }
            let values = grid.map(f)
            let best = values.indices.min { values[$0] < values[$1] }!
            if best == 0 || best == grid.count - 1 {
                return Result(x: grid[best], value: values[best], iterations: 0)
            }
            x0 = grid[best]
            f0 = values[best]
        }
        return try withoutActuallyEscaping(f) { (escapable) throws(GSLError) -> Result in
            var box = escapable
            return try withUnsafeMutablePointer(to: &box) { (context) throws(GSLError) -> Result in
                var function = gsl_function(
                    function: { x, params in
                        params!.assumingMemoryBound(to: ((Double) -> Double).self).pointee(x)
                    },
                    params: UnsafeMutableRawPointer(context))
                let minimizer = gsl_min_fminimizer_alloc(ties_gsl_min_brent())!
                defer { gsl_min_fminimizer_free(minimizer) }
                try GSLError.check(
                    gsl_min_fminimizer_set_with_values(minimizer, &function, x0, f0, lower, fl, upper, fu),
                    "gsl_min_fminimizer_set")
                var iterations = 0
                while iterations < maxIterations {
                    iterations += 1
                    try GSLError.check(gsl_min_fminimizer_iterate(minimizer), "gsl_min_fminimizer_iterate")
                    let a = gsl_min_fminimizer_x_lower(minimizer)
                    let b = gsl_min_fminimizer_x_upper(minimizer)
                    if gsl_min_test_interval(a, b, tolerance, 0) == GSL_SUCCESS { break }
                }
                return Result(
                    x: gsl_min_fminimizer_x_minimum(minimizer),
                    value: gsl_min_fminimizer_f_minimum(minimizer),
                    iterations: iterations)
            }
        }
    }
}
