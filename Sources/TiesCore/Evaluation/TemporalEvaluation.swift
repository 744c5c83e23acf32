import Foundation

/// The scores a temporal evaluation compares, in the fixed order of its output.
public enum EvaluatedScore: String, CaseIterable, Sendable, Codable {
    /// Minus the days since the last day-episode: `-(d(T) - last)`.
    case recency
    /// The number of distinct active days (day-episodes) before the cutoff.
    case frequency
    /// ``RelationshipState/rawStrength(at:configuration:)`` times the alter's closeness multiplier: the slow score.
    case strength
    /// ``RelationshipState/activity(at:)``: episode weights decayed with the activity half-life, the fast score.
    case activity
    /// ``Cadence/contactProbability(silence:horizon:)`` over the horizon, with the prior of the alter's layer.
    case cadence
}

/// How one score did: pooled and per-cutoff AUC, precision@k, and how many pairs it was judged on.
public struct ScoreEvaluation: Sendable, Equatable, Codable {
    /// Which score.
    public var score: EvaluatedScore
    /// AUC over every candidate pair of every cutoff, nil when there is no positive or no negative.
    public var pooledAUC: Double?
    /// Mean over (cutoff, ego) groups with at least one positive of the ego's precision@k; nil when no group has one.
    public var precisionAtK: Double?
    /// AUC at each cutoff, in the order of ``TemporalEvaluationResult/cutoffs``; nil where undefined.
    public var cutoffAUC: [Double?]
    /// Mean per-ego precision@k at each cutoff; nil where no ego has a positive.
    public var cutoffPrecisionAtK: [Double?]
    /// Candidate pairs over all cutoffs (a pair counts once per cutoff).
    public var candidatePairs: Int
    /// Positive candidate pairs over all cutoffs.
    public var positivePairs: Int

    /// A row from its parts.
    public init(
        score: EvaluatedScore, pooledAUC: Double?, precisionAtK: Double?, cutoffAUC: [Double?],
        cutoffPrecisionAtK: [Double?], candidatePairs: Int, positivePairs: Int
    ) {
        self.score = score
        self.pooledAUC = pooledAUC
        self.precisionAtK = precisionAtK
        self.cutoffAUC = cutoffAUC
        self.cutoffPrecisionAtK = cutoffPrecisionAtK
        self.candidatePairs = candidatePairs
        self.positivePairs = positivePairs
    }
}

/// One cutoff of a temporal evaluation and the pairs judged at it.
public struct CutoffSummary: Sendable, Equatable, Codable {
    /// Days after the first event.
    public var dayOffset: Int
    /// The cutoff instant `T`, in seconds since 1970 UTC.
    public var instantSeconds: Int64
    /// The day on which `T` falls; scores are computed as of this day.
    public var day: Day
    /// Ordered (ego, alter) pairs with at least one event before `T`.
    public var candidatePairs: Int
    /// Candidate pairs with an event in `[T, T + horizon)`.
    public var positivePairs: Int
    /// Egos with at least one candidate pair.
    public var egos: Int
    /// Egos with at least one positive pair (the egos precision@k averages over).
    public var egosWithPositive: Int

    /// A summary from its parts.
    public init(
        dayOffset: Int, instantSeconds: Int64, day: Day, candidatePairs: Int, positivePairs: Int,
        egos: Int, egosWithPositive: Int
    ) {
        self.dayOffset = dayOffset
        self.instantSeconds = instantSeconds
        self.day = day
        self.candidatePairs = candidatePairs
        self.positivePairs = positivePairs
        self.egos = egos
        self.egosWithPositive = egosWithPositive
    }
}

/// The outcome of a temporal evaluation: one row per score, in ``EvaluatedScore`` order, and the cutoffs.
public struct TemporalEvaluationResult: Sendable, Equatable, Codable {
    /// Prediction window in days.
    public var horizonDays: Int
    /// `k` of precision@k.
    public var precisionK: Int
    /// The activity half-life the activity score used.
    public var activityHalfLifeDays: Double
    /// The first event's time, from which cutoffs are counted.
    public var firstEventSeconds: Int64
    /// Events read.
    public var eventCount: Int
    /// Distinct ordered (ego, alter) pairs in the whole history.
    public var pairCount: Int
    /// The cutoffs, earliest first.
    public var cutoffs: [CutoffSummary]
    /// One row per score: recency, frequency, strength, activity, cadence.
    public var rows: [ScoreEvaluation]

    /// A result from its parts.
    public init(
        horizonDays: Int, precisionK: Int, activityHalfLifeDays: Double, firstEventSeconds: Int64,
        eventCount: Int, pairCount: Int, cutoffs: [CutoffSummary], rows: [ScoreEvaluation]
    ) {
        self.horizonDays = horizonDays
        self.precisionK = precisionK
        self.activityHalfLifeDays = activityHalfLifeDays
        self.firstEventSeconds = firstEventSeconds
        self.eventCount = eventCount
        self.pairCount = pairCount
        self.cutoffs = cutoffs
        self.rows = rows
    }

    /// The row of one score.
    /// - Complexity: O(1) (five rows).
    public func row(_ score: EvaluatedScore) -> ScoreEvaluation? { rows.first { $0.score == score } }
}

/// Does a relationship score predict who a person will be in contact with next? The validation of the design.
///
/// For each cutoff instant `T` (see ``EvaluationPlan``), every ordered (ego, alter) pair with at least one
/// event strictly before `T` is a candidate; it is positive when the two have an event in
/// `[T, T + h days)`. Each candidate is scored from its history before `T` alone, with days as integers
/// (`d(T)` = the day on which `T` falls, in the plan's time zone), using the product's own
/// ``RelationshipState`` and ``Cadence`` so that the evaluation judges exactly what users see:
///
/// - recency `= -(d(T) - last)`;
/// - frequency `=` number of day-episodes;
/// - strength `= Σ w 2^(-(d(T) - t)/h_s) (f + (1-f) r) (1 + c ln(1 + years known))` times the alter's
///   closeness multiplier, `h_s` the alter's role half-life (no role: 90 days);
/// - activity `= Σ w 2^(-(d(T) - t)/h_a)`, `h_a` = ``ScoringConfiguration/activityHalfLifeDays``;
/// - cadence `= 1 - ((b' + s)/(b' + s + h))^a'`, the probability of a contact within the horizon after a
///   silence of `s` days, with prior mean gap `b0` of the layer the pair's strength rank puts the alter in
///   among the ego's own candidates (ties by alter id).
///
/// In a message network each day-episode weighs 1 (every message has the same kind), so strength and
/// activity are decayed counts of active days. Reported: AUC (Mann–Whitney, ties ½) pooled over all
/// candidates of all cutoffs and per cutoff, and the mean over (cutoff, ego) with a positive of the ego's
/// precision@k (alters ranked by score, ties by alter id; hits over `min(k, candidates)`).
public enum TemporalEvaluation {
    /// Evaluates the five scores on `events` at the plan's cutoffs.
    ///
    /// The result is a pure function of the multiset of events and the plan: events are sorted by ego,
    /// alter, time, direction and weight before use, so their input order does not matter.
    /// - Throws: ``EvaluationError/invalidPlan(_:)`` for a plan out of range, ``EvaluationError/noEvents``
    ///   for no events, ``EvaluationError/invalidEvent(_:)`` for a time or weight out of range. Cutoffs with no candidates or no positives are not errors: their AUC is nil.
    /// - Complexity: O(E log E + C·P log P) for E events, C cutoffs and P pairs.
    public static func evaluate(_ events: [ContactEvent], plan: EvaluationPlan) throws(EvaluationError)
        -> TemporalEvaluationResult
    {
        do { try plan.validate() } catch { throw .invalidPlan(error) }
        guard !events.isEmpty else { throw .noEvents }
        try ContactEvent.validate(events)
        let history = PreparedHistory(events: events, timeZone: plan.timeZone)
        return history.evaluate(plan: plan)
    }
}

// MARK: - Implementation

/// Events sorted by (ego, alter, time) and cut into pairs, with their days, ready to be replayed at cutoffs.
struct PreparedHistory {
    /// Per pair, in (ego, alter) order.
    var egos: [Int64] = []
    var alters: [Int64] = []
    /// Pair `p`'s events are `pairStart[p] ..< pairStart[p + 1]`.
    var pairStart: [Int] = []
    /// Per event, in pair then time order.
    var seconds: [Int64] = []
    var days: [Day] = []
    var directions: [Direction] = []
    var weights: [Double] = []
    var firstSeconds: Int64 = 0
    var timeZone: TimeZone

    var pairCount: Int { egos.count }
    var eventCount: Int { seconds.count }

    init(events: [ContactEvent], timeZone: TimeZone) {
        self.timeZone = timeZone
        func rank(_ d: Direction) -> Int { d == .inbound ? 0 : d == .outbound ? 1 : 2 }
        let sorted = events.sorted { a, b in
            if a.ego != b.ego { return a.ego < b.ego }
            if a.alter != b.alter { return a.alter < b.alter }
            if a.seconds != b.seconds { return a.seconds < b.seconds }
            if a.direction != b.direction { return rank(a.direction) < rank(b.direction) }
            return a.weight < b.weight
        }
        var mapper = DayMapper(timeZone: timeZone)
        seconds.reserveCapacity(sorted.count)
        days.reserveCapacity(sorted.count)
        directions.reserveCapacity(sorted.count)
        weights.reserveCapacity(sorted.count)
        firstSeconds = sorted.first.map(\.seconds) ?? 0
        for (i, event) in sorted.enumerated() {
            if i == 0 || event.ego != sorted[i - 1].ego || event.alter != sorted[i - 1].alter {
                egos.append(event.ego)
                alters.append(event.alter)
                pairStart.append(i)
            }
            seconds.append(event.seconds)
            days.append(mapper.day(forEpochSeconds: event.seconds))
            directions.append(event.direction)
            weights.append(event.weight)
            firstSeconds = min(firstSeconds, event.seconds)
        }
        pairStart.append(sorted.count)
    }

    struct Cutoff {
        var offset: Int
        var instant: Int64
        var day: Day
    }

    func cutoffs(plan: EvaluationPlan) -> [Cutoff] {
        var mapper = DayMapper(timeZone: timeZone)
        return plan.cutoffDays.map { k in
            let instant = firstSeconds + Int64(k) * 86_400
            return Cutoff(offset: k, instant: instant, day: mapper.day(forEpochSeconds: instant))
        }
    }

    /// Candidates of every cutoff, in cutoff then pair order, with labels and scores.
    struct Samples {
        var cutoffRanges: [Range<Int>] = []
        var pair: [Int] = []
        var label: [Bool] = []
        /// Indexed like `EvaluatedScore.allCases`; only activity is filled when the replay asked for it alone.
        var scores: [[Double]] = Array(repeating: [], count: EvaluatedScore.allCases.count)
    }

    /// Replays the history through the cutoffs (earliest first), carrying each pair's state forward.
    /// - Complexity: O(E + C·P log P).
    func replay(cutoffs: [Cutoff], plan: EvaluationPlan, activityHalfLife: Double, activityOnly: Bool) -> Samples {
        let configuration = plan.configuration
        let horizonSeconds = Int64(plan.horizonDays) * 86_400
        var states = [RelationshipState?](repeating: nil, count: pairCount)
        var multipliers = [Double](repeating: 1, count: activityOnly ? 0 : pairCount)
        var next = Array(pairStart.dropLast())
        var samples = Samples()
        let activityIndex = EvaluatedScore.allCases.firstIndex(of: .activity)!
        // Cumulative layer ends (5, 15, 50, 150) and the prior mean gap of each layer, then beyond.
        var layerEnds: [Int] = []
        for size in configuration.layerSizes { layerEnds.append((layerEnds.last ?? 0) + size) }
        let priorGaps = configuration.cadencePriorMeanGapDays

        for cutoff in cutoffs {
            let rangeStart = samples.pair.count
            let dT = cutoff.day
            let labelEnd = cutoff.instant + horizonSeconds
            for p in 0..<pairCount {
                var i = next[p]
                let end = pairStart[p + 1]
                while i < end && seconds[i] < cutoff.instant {
                    if states[p] == nil {
                        let settings = plan.alterSettings[alters[p]]
                        states[p] = RelationshipState(
                            day: days[i], weight: weights[i], direction: directions[i],
                            halfLife: settings?.strengthHalfLifeDays ?? configuration.defaultStrengthHalfLifeDays,
                            activityHalfLife: activityHalfLife)
                        if !activityOnly { multipliers[p] = settings?.strengthMultiplier ?? 1 }
                    } else {
                        states[p]!.absorb(day: days[i], weight: weights[i], direction: directions[i])
                    }
                    i += 1
                }
                next[p] = i
                guard let state = states[p] else { continue }
                samples.pair.append(p)
                samples.label.append(i < end && seconds[i] < labelEnd)
                samples.scores[activityIndex].append(state.activity(at: dT))
                if activityOnly { continue }
                samples.scores[0].append(-Double(dT - state.lastDay))
                samples.scores[1].append(Double(state.episodes))
                samples.scores[2].append(state.rawStrength(at: dT, configuration: configuration) * multipliers[p])
                samples.scores[4].append(0)  // cadence, filled per ego below
            }
            let range = rangeStart..<samples.pair.count
            samples.cutoffRanges.append(range)
            guard !activityOnly else { continue }
            // Cadence: the layer prior comes from the strength rank among the ego's own candidates.
            var groupStart = range.lowerBound
            while groupStart < range.upperBound {
                let ego = egos[samples.pair[groupStart]]
                var groupEnd = groupStart + 1
                while groupEnd < range.upperBound && egos[samples.pair[groupEnd]] == ego { groupEnd += 1 }
                let ranked = (groupStart..<groupEnd).sorted { a, b in
                    let sa = samples.scores[2][a]
                    let sb = samples.scores[2][b]
                    if sa != sb { return sa > sb }
                    return alters[samples.pair[a]] < alters[samples.pair[b]]
                }
                for (rank, s) in ranked.enumerated() {
                    let state = states[samples.pair[s]]!
                    let layer = layerEnds.firstIndex { rank < $0 } ?? layerEnds.count
                    let cadence = Cadence(
                        priorShape: configuration.cadencePriorShape, priorMeanGap: priorGaps[layer],
                        gaps: state.episodes - 1, totalGapDays: Double(state.lastDay - state.firstDay))
                    samples.scores[4][s] = cadence.contactProbability(
                        silence: Double(dT - state.lastDay), horizon: Double(plan.horizonDays))
                }
                groupStart = groupEnd
            }
        }
        return samples
    }

    /// Pooled AUC of one score column.
    static func pooledAUC(_ samples: Samples, score: EvaluatedScore) -> Double? {
        RankMetrics.auc(scores: samples.scores[EvaluatedScore.allCases.firstIndex(of: score)!], labels: samples.label)
    }

    func evaluate(plan: EvaluationPlan) -> TemporalEvaluationResult {
        let cuts = cutoffs(plan: plan)
        let halfLife = plan.configuration.activityHalfLifeDays
        let samples = replay(cutoffs: cuts, plan: plan, activityHalfLife: halfLife, activityOnly: false)
        return summarize(samples, cutoffs: cuts, plan: plan, activityHalfLife: halfLife)
    }

    func summarize(_ samples: Samples, cutoffs cuts: [Cutoff], plan: EvaluationPlan, activityHalfLife: Double)
        -> TemporalEvaluationResult
    {
        // Ego groups per cutoff: candidates are in pair order, so an ego's pairs are contiguous.
        var groups: [[Range<Int>]] = []
        var summaries: [CutoffSummary] = []
        for (c, range) in samples.cutoffRanges.enumerated() {
            var cutoffGroups: [Range<Int>] = []
            var start = range.lowerBound
            var withPositive = 0
            while start < range.upperBound {
                let ego = egos[samples.pair[start]]
                var end = start + 1
                while end < range.upperBound && egos[samples.pair[end]] == ego { end += 1 }
                cutoffGroups.append(start..<end)
                if samples.label[start..<end].contains(true) { withPositive += 1 }
                start = end
            }
            groups.append(cutoffGroups)
            summaries.append(
                CutoffSummary(
                    dayOffset: cuts[c].offset, instantSeconds: cuts[c].instant, day: cuts[c].day,
                    candidatePairs: range.count, positivePairs: samples.label[range].reduce(0) { $0 + ($1 ? 1 : 0) },
                    egos: cutoffGroups.count, egosWithPositive: withPositive))
        }
        let positives = samples.label.reduce(0) { $0 + ($1 ? 1 : 0) }
        var rows: [ScoreEvaluation] = []
        for (index, score) in EvaluatedScore.allCases.enumerated() {
            let column = samples.scores[index]
            var cutoffAUC: [Double?] = []
            var cutoffPrecision: [Double?] = []
            var precisionSum = 0.0
            var precisionCount = 0
            for (c, range) in samples.cutoffRanges.enumerated() {
                cutoffAUC.append(RankMetrics.auc(scores: Array(column[range]), labels: Array(samples.label[range])))
                var sum = 0.0
                var count = 0
                for group in groups[c] where samples.label[group].contains(true) {
                    let precision = RankMetrics.precision(
                        atK: plan.precisionK, scores: Array(column[group]), labels: Array(samples.label[group]),
                        ids: group.map { alters[samples.pair[$0]] })!
                    sum += precision
                    count += 1
                }
                cutoffPrecision.append(count > 0 ? sum / Double(count) : nil)
                precisionSum += sum
                precisionCount += count
            }
            rows.append(
                ScoreEvaluation(
                    score: score, pooledAUC: RankMetrics.auc(scores: column, labels: samples.label),
                    precisionAtK: precisionCount > 0 ? precisionSum / Double(precisionCount) : nil,
                    cutoffAUC: cutoffAUC, cutoffPrecisionAtK: cutoffPrecision,
                    candidatePairs: samples.label.count, positivePairs: positives))
        }
        return TemporalEvaluationResult(
            horizonDays: plan.horizonDays, precisionK: plan.precisionK, activityHalfLifeDays: activityHalfLife,
            firstEventSeconds: firstSeconds, eventCount: eventCount, pairCount: pairCount,
            cutoffs: summaries, rows: rows)
    }
}
