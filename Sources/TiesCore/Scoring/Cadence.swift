import Foundation

/// A person's contact rhythm, learned from the gaps between day-episodes with a Gamma–exponential model.
///
/// Gaps are modelled as exponential with an unknown rate `λ`, and `λ` has a Gamma(`a0`, `b0`) prior whose
/// scale `b0` is the prior mean gap of the person's layer. After `n` observed gaps totalling `G` days the
/// posterior is Gamma(`a' = a0 + n`, `b' = b0 + G`), and the probability that a silence lasts at least `s`
/// days (the posterior predictive survival, a Lomax distribution) is
///
///     S(s) = (b' / (b' + s))^a'
///
/// With few gaps the prior dominates, so a new contact is not called "overdue" after one quick exchange.
/// The current silence is right-censored data: it is not counted as a gap, it is what `S` is asked about.
public struct Cadence: Sendable, Equatable, Codable {
    /// Posterior shape `a'`.
    public var shape: Double
    /// Posterior scale `b'`, in days.
    public var scale: Double

    /// The posterior after `gaps` gaps totalling `totalGapDays`, from prior shape `priorShape` and prior
    /// scale (mean gap) `priorMeanGap`.
    public init(priorShape: Double, priorMeanGap: Double, gaps: Int, totalGapDays: Double) {
        shape = priorShape + Double(gaps)
        scale = priorMeanGap + totalGapDays
    }

    /// Probability that a silence lasts at least `silence` days.
    public func survival(silence: Double) -> Double {
        pow(scale / (scale + max(0, silence)), shape)
    }

    /// Probability of a contact within the next `horizon` days, given `silence` days so far:
    /// `1 - S(s + h) / S(s)`.
    public func contactProbability(silence: Double, horizon: Double) -> Double {
        let s = max(0, silence)
        return 1 - pow((scale + s) / (scale + s + horizon), shape)
    }

    /// The typical gap: the median of the predictive gap distribution, `b' (2^(1/a') - 1)`.
    public var typicalGap: Double { scale * (pow(2, 1 / shape) - 1) }

    /// The silence, in days, at which survival falls to `p`: `b' (p^(-1/a') - 1)`.
    public func silence(atSurvival p: Double) -> Double { scale * (pow(p, -1 / shape) - 1) }

    /// A typical gap in words: "every 9 days", "every day" for one that rounds to a day or less (contacts of
    /// one day are one episode, so a rhythm is never shorter), never "every 1 days" or "every 0 days".
    public static func every(days gap: Double) -> String {
        let days = Int(gap.rounded())
        return days <= 1 ? "every day" : "every \(days) days"
    }
}
