import Foundation
import Testing

@testable import TiesNumerics

@Suite("TiesNumerics over GSL")
struct NumericsTests {
    @Test("the seeded generator gives GSL's MT19937 stream, the same on every machine")
    func seededStream() {
        // gsl_rng_mt19937 with seed 1: first outputs 1791095845, 4282876139 (the reference MT19937 stream
        // for init_genrand(1), also what numpy's RandomState(1).randint(0, 2**32) style draws start from).
        let rng = SeededGenerator(seed: 1)
        #expect(rng.next() == (UInt64(1_791_095_845) << 32 | 4_282_876_139))
        let a = SeededGenerator(seed: 42)
        let b = SeededGenerator(seed: 42)
        let c = SeededGenerator(seed: 43)
        let xs = (0..<100).map { _ in a.uniform() }
        #expect(xs == (0..<100).map { _ in b.uniform() })
        #expect(xs != (0..<100).map { _ in c.uniform() })
        #expect(xs.allSatisfy { $0 >= 0 && $0 < 1 })
    }

    @Test("distribution means are about right over many draws")
    func distributions() {
        let rng = SeededGenerator(seed: 7)
        let n = 20_000
        let exp = (0..<n).map { _ in rng.exponential(mean: 14) }.reduce(0, +) / Double(n)
        #expect(abs(exp - 14) < 0.5)
        let gamma = (0..<n).map { _ in rng.gamma(shape: 2, scale: 3) }.reduce(0, +) / Double(n)
        #expect(abs(gamma - 6) < 0.2)
        let counts = (0..<n).reduce(into: [0, 0, 0]) { c, _ in c[rng.weightedIndex([1, 2, 1])] += 1 }
        #expect(abs(Double(counts[1]) / Double(n) - 0.5) < 0.02)
        #expect((0..<1000).allSatisfy { _ in (0..<7).contains(rng.index(below: 7)) })
    }

    @Test("Brent minimisation finds a known minimum, and an end point when the minimum is outside")
    func minimize() throws {
        let result = try Minimizer.minimize(in: 0, 10) { ($0 - 3.7) * ($0 - 3.7) + 1 }
        #expect(abs(result.x - 3.7) < 1e-3)
        #expect(abs(result.value - 1) < 1e-6)
        let edge = try Minimizer.minimize(in: 0, 10) { -$0 }
        #expect(edge.x == 10)
    }

    @Test("quantiles interpolate linearly, like numpy's default")
    func quantiles() {
        #expect(Statistics.quantile([1, 2, 3, 4, 5], 0.9) == 4.6)
        #expect(Statistics.quantile([5, 1, 3], 0.5) == 3)
        #expect(Statistics.quantile([], 0.5) == nil)
    }

    @Test("GSL errors become Swift errors instead of aborting")
    func errors() {
        let error = GSLError(status: 1, function: "gsl_test")
        #expect(error.description.contains("gsl_test failed"))
        #expect(throws: GSLError.self) { try GSLError.check(1, "gsl_test") }
    }
}
