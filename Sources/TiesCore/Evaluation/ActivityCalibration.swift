import Foundation
import TiesNumerics

/// The outcome of fitting the activity half-life (`ties calibrate`).
public struct HalfLifeCalibration: Sendable, Equatable, Codable {
    /// The half-life the fit started from (the plan's ``ScoringConfiguration/activityHalfLifeDays``).
    public var initialHalfLifeDays: Double
    /// The fitted half-life, in days.
    public var fittedHalfLifeDays: Double
    /// Pooled AUC of the activity score with the initial half-life, on the fitting cutoffs.
    public var objectiveBefore: Double
    /// Pooled AUC of the activity score with the fitted half-life, on the fitting cutoffs.
    public var objectiveAfter: Double
    /// Pooled activity AUC on the held-out cutoffs with the initial half-life (nil without a held-out plan,
    /// or when it is undefined there).
    public var heldOutBefore: Double?
    /// Pooled activity AUC on the held-out cutoffs with the fitted half-life.
    public var heldOutAfter: Double?
    /// How many times the objective was computed.
    public var objectiveEvaluations: Int
    /// The full evaluation on the fitting cutoffs with the fitted half-life.
    public var evaluation: TemporalEvaluationResult

    /// A calibration from its parts.
    public init(
        initialHalfLifeDays: Double, fittedHalfLifeDays: Double, objectiveBefore: Double, objectiveAfter: Double,
        heldOutBefore: Double?, heldOutAfter: Double?, objectiveEvaluations: Int,
        evaluation: TemporalEvaluationResult
    ) {
        self.initialHalfLifeDays = initialHalfLifeDays
        self.fittedHalfLifeDays = fittedHalfLifeDays
        self.objectiveBefore = objectiveBefore
        self.objectiveAfter = objectiveAfter
        self.heldOutBefore = heldOutBefore
        self.heldOutAfter = heldOutAfter
        self.objectiveEvaluations = objectiveEvaluations
        self.evaluation = evaluation
    }
}

/// Fits the activity half-life to a history: the half-life whose activity score best ranks the pairs that
/// will be in contact within the horizon.
///
/// **Objective.** The pooled AUC of the activity score over the plan's cutoffs (as in ``TemporalEvaluation``),
/// maximised over `x = ln h` for `h` in `bounds` (1...365 days by default). AUC is chosen over a smooth proxy
/// such as the log-likelihood of a logistic link `P(contact) = σ(α + β ln activity)` because
/// - it is the criterion the design validates the score by, so "better" means the same thing in both places;
/// - it depends only on the ranking, which is all the product uses activity for, and needs no nuisance
///   parameters: a logistic link would need `α, β` refitted at every `h`, and with the few positives of one
///   user's history they often separate perfectly (`β → ∞`), so the likelihood has no finite maximum.
///
/// AUC is piecewise constant in `h` (it changes only where two pairs swap order), so a derivative-free
/// search is needed and a bare local search could stop on a plateau or a local bump. The fit therefore
/// scans a grid of 25 points uniform in `ln h`, then refines around the best grid point with TiesNumerics'
/// Brent ``Minimizer`` on `-AUC` within the two neighbouring grid cells. Ties between grid points go to the
/// one nearest the initial half-life, so a flat objective leaves the configured value in place.
///
/// With few positives the fitted value is noisy; pass held-out cutoffs to see whether it generalises.
public enum ActivityCalibration {
    /// Number of grid points in `ln h` before the Brent refinement.
    public static let gridPoints = 25

    /// Fits the activity half-life on the plan's cutoffs.
    ///
    /// - Parameters:
    ///   - events: the history (a message network, or one user's interactions with `ego` constant).
    ///   - plan: cutoffs, horizon and scoring constants; its activity half-life is the starting point.
    ///   - heldOut: optional second plan (typically later cutoffs) on which the initial and fitted
    ///     half-lives are compared without having been fitted there.
    ///   - bounds: the half-lives searched, in days (both ends positive).
    /// - Throws: ``EvaluationError/invalidPlan(_:)`` for a plan or bounds out of range;
    ///   ``EvaluationError/noEvents``; ``EvaluationError/invalidEvent(_:)``; ``EvaluationError/noCandidates``, ``EvaluationError/noPositives(candidates:)``
    ///   or ``EvaluationError/noNegatives(candidates:)`` when the fitting cutoffs leave nothing to rank;
    ///   ``EvaluationError/numerics(_:)`` when the minimiser fails.
    /// - Complexity: O(G (E + C·P log(C·P))) for G ≈ 25 + Brent iterations objective evaluations
    ///   (E events, C cutoffs, P pairs).
    public static func calibrate(
        _ events: [ContactEvent], plan: EvaluationPlan, heldOut: EvaluationPlan? = nil,
        bounds: ClosedRange<Double> = 1...365
    ) throws(EvaluationError) -> HalfLifeCalibration {
        do {
            try plan.validate()
            try heldOut?.validate()
        } catch { throw .invalidPlan(error) }
        guard bounds.lowerBound > 0, bounds.upperBound > bounds.lowerBound, bounds.upperBound.isFinite else {
            throw .invalidPlan(InputError(field: "bounds", value: "\(bounds)", expected: "0 < lower < upper < ∞ days"))
        }
        guard !events.isEmpty else { throw .noEvents }
        try ContactEvent.validate(events)
        let history = PreparedHistory(events: events, timeZone: plan.timeZone)
        let cuts = history.cutoffs(plan: plan)

        // The candidates and labels do not depend on the half-life: check once that there is something to rank.
        let initial = plan.configuration.activityHalfLifeDays
        let first = history.replay(cutoffs: cuts, plan: plan, activityHalfLife: initial, activityOnly: true)
        let positives = first.label.reduce(0) { $0 + ($1 ? 1 : 0) }
        guard !first.label.isEmpty else { throw .noCandidates }
        guard positives > 0 else { throw .noPositives(candidates: first.label.count) }
        guard positives < first.label.count else { throw .noNegatives(candidates: first.label.count) }

        var cache: [Double: Double] = [:]
        func objective(_ x: Double) -> Double {
            if let known = cache[x] { return known }
            let samples = history.replay(cutoffs: cuts, plan: plan, activityHalfLife: exp(x), activityOnly: true)
            let value = -(PreparedHistory.pooledAUC(samples, score: .activity) ?? 0.5)
            cache[x] = value
            return value
        }
        let before = -(PreparedHistory.pooledAUC(first, score: .activity) ?? 0.5)
        cache[log(initial)] = before

        let lower = log(bounds.lowerBound)
        let upper = log(bounds.upperBound)
        let grid = (0..<gridPoints).map { lower + (upper - lower) * Double($0) / Double(gridPoints - 1) }
        let values = grid.map(objective)
        let start = log(initial)
        let best = values.indices.min { a, b in
            if values[a] != values[b] { return values[a] < values[b] }
            return abs(grid[a] - start) < abs(grid[b] - start)
        }!
        var fitted = (x: grid[best], value: values[best])
        let a = grid[max(0, best - 1)]
        let b = grid[min(grid.count - 1, best + 1)]
        do {
            let result = try Minimizer.minimize(
                in: a, b, guess: grid[best], tolerance: 1e-3, maxIterations: 60, objective)
            if result.value < fitted.value { fitted = (result.x, result.value) }
        } catch {
            throw .numerics(error.description)
        }
        // Keep the configured half-life unless something strictly better was found.
        let keepInitial = bounds.contains(initial) && before <= fitted.value
        let fittedHalfLife = keepInitial ? initial : exp(fitted.x)
        if keepInitial { fitted = (start, before) }

        var fittedPlan = plan
        fittedPlan.configuration.activityHalfLifeDays = fittedHalfLife
        let evaluation = history.evaluate(plan: fittedPlan)

        let (heldOutBefore, heldOutAfter) =
            heldOut.map {
                heldOutAUC(events, history, plan: plan, heldOut: $0, halfLives: (initial, fittedHalfLife))
            } ?? (nil, nil)
        return HalfLifeCalibration(
            initialHalfLifeDays: initial, fittedHalfLifeDays: fittedHalfLife,
            objectiveBefore: -before, objectiveAfter: -fitted.value,
            heldOutBefore: heldOutBefore, heldOutAfter: heldOutAfter,
            objectiveEvaluations: cache.count, evaluation: evaluation)
    }

    /// The pooled activity AUC on the held-out cutoffs with the configured and with the fitted half-life.
    private static func heldOutAUC(
        _ events: [ContactEvent], _ history: PreparedHistory, plan: EvaluationPlan, heldOut: EvaluationPlan,
        halfLives: (initial: Double, fitted: Double)
    ) -> (before: Double?, after: Double?) {
        var heldOutBefore: Double?
        var heldOutAfter: Double?
        let other =
            heldOut.timeZone == plan.timeZone
            ? history : PreparedHistory(events: events, timeZone: heldOut.timeZone)
        let otherCuts = other.cutoffs(plan: heldOut)
        for (halfLife, isAfter) in [(halfLives.initial, false), (halfLives.fitted, true)] {
            let samples = other.replay(
                cutoffs: otherCuts, plan: heldOut, activityHalfLife: halfLife, activityOnly: true)
            let auc = PreparedHistory.pooledAUC(samples, score: .activity)
            if isAfter { heldOutAfter = auc } else { heldOutBefore = auc }
        }
        return (heldOutBefore, heldOutAfter)
    }
}
