import Foundation
import Testing
import TiesTestSupport

@testable import TiesCore

// Tiny, hand-computed histories for the temporal evaluation (`ties eval temporal`) and the activity
// calibration (`ties calibrate`). No test reads shared data.

private let daySeconds: Int64 = 86_400

@Suite("Evaluation: SNAP temporal edge-list parser")
struct EvaluationParserTests {
    @Test("parses integers with comments, blank lines, tabs, CRLF, signs and a byte-order mark; skips self-loops")
    func parsesValidInput() throws {
        let text = "\u{FEFF}# comment\n\n% konect header\n1 2 100\r\n  3\t4   200  \n5 5 300\n-1 +2 -7"
        let list = try TemporalEdgeList(parsing: text)
        #expect(
            list.edges == [
                TemporalEdge(source: 1, target: 2, seconds: 100),
                TemporalEdge(source: 3, target: 4, seconds: 200),
                TemporalEdge(source: -1, target: 2, seconds: -7),
            ])
        #expect(list.selfLoopsSkipped == 1)
        #expect(list.lineCount == 7)
    }

    @Test("bytes and text parse the same")
    func bytesAndText() throws {
        let text = "1 2 1082040961\n3 4 1082155839\n"
        #expect(try TemporalEdgeList(parsing: Data(text.utf8)) == TemporalEdgeList(parsing: text))
        #expect(try TemporalEdgeList(parsing: Array(text.utf8)) == TemporalEdgeList(parsing: text))
        #expect(try TemporalEdgeList(parsing: "").edges.isEmpty)
    }

    @Test("64-bit extremes are accepted")
    func extremes() throws {
        let list = try TemporalEdgeList(parsing: "9223372036854775807 -9223372036854775808 0\n")
        #expect(list.edges == [TemporalEdge(source: .max, target: .min, seconds: 0)])
    }

    @Test(
        "a malformed line names its line, field, value and what is accepted",
        arguments: [
            (
                "1 2 100\n3 4 abc\n", 2, EdgeListParseError.Field.timestamp, "abc" as String?,
                "line 2, field timestamp: 'abc' is not a whole number of seconds"
            ),
            ("# c\n1 2 1.5\n", 2, .timestamp, "1.5", "line 2, field timestamp: '1.5' is not a whole number of seconds"),
            ("x 2 3\n", 1, .source, "x", "line 1, field src: 'x' is not a whole-number node id"),
            ("1 b2 3\n", 1, .target, "b2", "line 1, field dst: 'b2' is not a whole-number node id"),
            ("1 2\n", 1, .timestamp, nil, "line 1, field timestamp: missing; expected a whole number of seconds"),
            ("\n\n7\n", 3, .target, nil, "line 3, field dst: missing; expected a whole-number node id"),
            ("1 2 - \n", 1, .timestamp, "-", "line 1, field timestamp: '-' is not a whole number of seconds"),
            (
                "1 2 3 4.0\n", 1, .extra, "4.0",
                "line 1, field extra: '4.0' is not expected; a line holds exactly three fields, SRC DST UNIXTS"
            ),
            (
                "1 2 99999999999999999999\n", 1, .timestamp, "99999999999999999999",
                "line 1, field timestamp: '99999999999999999999' is not a whole number of seconds between -62135596800 and 253402300799 (years 1–9999)"
            ),
            (
                "1 2 253402300800\n", 1, .timestamp, "253402300800",
                "line 1, field timestamp: '253402300800' is not a whole number of seconds between -62135596800 and 253402300799 (years 1–9999)"
            ),
            (
                "1 -9223372036854775809 0\n", 1, .target, "-9223372036854775809",
                "line 1, field dst: '-9223372036854775809' is not a whole-number node id between -9223372036854775808 and 9223372036854775807"
            ),
        ])
    func rejects(_ input: String, _ line: Int, _ field: EdgeListParseError.Field, _ value: String?, _ message: String) {
        #expect {
            _ = try TemporalEdgeList(parsing: input)
        } throws: { error in
            guard let error = error as? EdgeListParseError else { return false }
            return error.line == line && error.field == field && error.value == value && error.description == message
        }
    }

    @Test("each message is an outbound event for its sender and an inbound event for its recipient")
    func contactEvents() {
        let list = TemporalEdgeList(edges: [TemporalEdge(source: 7, target: 9, seconds: 50)])
        #expect(
            list.contactEvents() == [
                ContactEvent(ego: 7, alter: 9, seconds: 50, direction: .outbound, weight: 1),
                ContactEvent(ego: 9, alter: 7, seconds: 50, direction: .inbound, weight: 1),
            ])
    }
}

@Suite("Evaluation: ranking metrics")
struct EvaluationMetricTests {
    @Test("AUC counts concordant positive–negative pairs, ties one half")
    func auc() {
        // Positives 0.35, 0.8; negatives 0.1, 0.4: 0.35 beats 0.1 only, 0.8 beats both → 3/4.
        #expect(RankMetrics.auc(scores: [0.1, 0.4, 0.35, 0.8], labels: [false, false, true, true]) == 0.75)
        // Positive 1 ties negative 1 (½) and loses to 2 → ½ / 2.
        #expect(RankMetrics.auc(scores: [1, 1, 2], labels: [true, false, false]) == 0.25)
        #expect(RankMetrics.auc(scores: [3, 1], labels: [true, false]) == 1)
        #expect(RankMetrics.auc(scores: [3, 3, 3, 3], labels: [true, false, true, false]) == 0.5)
    }

    @Test("AUC is undefined without a positive or a negative, and does not depend on order")
    func aucDegenerateAndOrder() {
        #expect(RankMetrics.auc(scores: [1, 2], labels: [false, false]) == nil)
        #expect(RankMetrics.auc(scores: [1, 2], labels: [true, true]) == nil)
        #expect(RankMetrics.auc(scores: [], labels: []) == nil)
        let scores: [Double] = [5, 1, 3, 3, 2, 4, 1]
        let labels = [true, false, true, false, true, false, false]
        // Positives 5, 3, 2 against negatives 1, 3, 4, 1: 4 + 2.5 + 2 = 8.5 of 12.
        #expect(RankMetrics.auc(scores: scores, labels: labels) == 8.5 / 12)
        #expect(RankMetrics.auc(scores: scores.reversed(), labels: labels.reversed()) == 8.5 / 12)
    }

    @Test("precision@k ranks by score, then id, over min(k, n)")
    func precision() {
        let scores: [Double] = [3, 2, 2, 1]
        let labels = [false, true, false, true]
        let ids: [Int64] = [10, 30, 20, 40]
        // Ranked: 10 (no), 20 (no, wins the tie on id), 30 (yes), 40 (yes).
        #expect(RankMetrics.precision(atK: 2, scores: scores, labels: labels, ids: ids) == 0)
        #expect(RankMetrics.precision(atK: 3, scores: scores, labels: labels, ids: ids) == 1.0 / 3)
        #expect(RankMetrics.precision(atK: 5, scores: scores, labels: labels, ids: ids) == 0.5)
        #expect(RankMetrics.precision(atK: 5, scores: [1, 2], labels: [true, true], ids: [1, 2]) == 1)
        #expect(RankMetrics.precision(atK: 5, scores: [], labels: [], ids: []) == nil)
    }
}

/// A message history, as SNAP lines would give it, with the first message at second 1000 of day 0.
///
/// Cutoff 10 is `T = 1000 + 10 d` (day 10); cutoff 13 is `1000 + 13 d` (day 13). Pairs (days before T1):
/// {1,2}: days 0, 3 (both directions), 8 · {1,3}: day 9, then 3→1 on day 12 · {1,4}: day 2, 4→1 one second
/// before T1 (day 10), 1→4 exactly at T1 · {1,5}: day 9 · 1→2 exactly at T1 + 5 d · {2,3}: day 20 only.
private func messageHistory() -> [ContactEvent] {
    let d = daySeconds
    let messages: [(Int64, Int64, Int64)] = [
        (1, 2, 1000), (2, 1, 3 * d + 50), (1, 2, 3 * d + 60), (1, 2, 8 * d + 100),
        (1, 3, 9 * d + 500), (3, 1, 12 * d),
        (1, 4, 2 * d), (4, 1, 10 * d + 999), (1, 4, 10 * d + 1000),
        (1, 5, 9 * d + 10),
        (1, 2, 15 * d + 1000),
        (2, 3, 20 * d),
    ]
    return TemporalEdgeList(edges: messages.map { TemporalEdge(source: $0.0, target: $0.1, seconds: $0.2) })
        .contactEvents()
}

private func tenure(_ days: Double) -> Double { 1 + 0.1 * log1p(days / 365.25) }

@Suite("Evaluation: temporal evaluation on a hand-computed history")
struct EvaluationTemporalTests {
    let plan = EvaluationPlan(fromDay: 10, toDay: 13, stepDays: 3, horizonDays: 5)

    @Test("candidates, labels and every score at the first cutoff")
    func scoresAtFirstCutoff() throws {
        var plan = self.plan
        // Layers of one person each, so the strength rank decides the cadence prior.
        plan.configuration.layerSizes = [1, 1, 1]
        plan.configuration.cadencePriorMeanGapDays = [7, 30, 90, 365]
        let history = PreparedHistory(events: messageHistory(), timeZone: plan.timeZone)
        let cutoffs = history.cutoffs(plan: plan)
        #expect(cutoffs.map(\.day) == [Day(ordinal: 10), Day(ordinal: 13)])
        #expect(cutoffs.map(\.instant) == [1000 + 10 * daySeconds, 1000 + 13 * daySeconds])
        let samples = history.replay(cutoffs: cutoffs, plan: plan, activityHalfLife: 30, activityOnly: false)
        let first = samples.cutoffRanges[0]
        let pairs = first.map { "\(history.egos[samples.pair[$0]])-\(history.alters[samples.pair[$0]])" }
        #expect(pairs == ["1-2", "1-3", "1-4", "1-5", "2-1", "3-1", "4-1", "5-1"])
        #expect(Array(samples.label[first]) == [false, true, true, false, false, true, true, false])

        func column(_ score: EvaluatedScore) -> [Double] {
            Array(samples.scores[EvaluatedScore.allCases.firstIndex(of: score)!][first])
        }
        #expect(column(.recency) == [-2, -1, 0, -1, -2, -1, 0, -1])
        #expect(column(.frequency) == [3, 1, 2, 1, 3, 1, 2, 1])

        let a12 = exp2(-10.0 / 30) + exp2(-7.0 / 30) + exp2(-2.0 / 30)
        let a13 = exp2(-1.0 / 30)
        let a14 = exp2(-8.0 / 30) + 1
        for (got, want) in zip(column(.activity), [a12, a13, a14, a13, a12, a13, a14, a13]) {
            #expect(abs(got - want) < 1e-12)
        }
        // Strength: decayed sum (90 d) × (0.5 + 0.5 r) × tenure. {1,2}: 3 out, 1 in → r = 0.5;
        // {1,3}, {1,5}: one-way → r = 0; {1,4}: one each way → r = 1.
        let s12 = (exp2(-10.0 / 90) + exp2(-7.0 / 90) + exp2(-2.0 / 90)) * 0.75 * tenure(10)
        let s13 = exp2(-1.0 / 90) * 0.5 * tenure(1)
        let s14 = (exp2(-8.0 / 90) + 1) * 1.0 * tenure(8)
        for (got, want) in zip(column(.strength), [s12, s13, s14, s13, s12, s13, s14, s13]) {
            #expect(abs(got - want) < 1e-12)
        }
        // Cadence, horizon 5: 1 - ((b' + s)/(b' + s + 5))^a'. Ego 1 ranks 2 > 4 > 3 = 5 (tie → id 3 first),
        // so b0 = 7, 30, 90, 365 for alters 2, 4, 3, 5; the other egos have one alter each (b0 = 7).
        let c12: Double = 1 - pow(17.0 / 22.0, 3.0)  // a' = 3, b' = 7 + 8, s = 2
        let c14: Double = 1 - pow(38.0 / 43.0, 2.0)  // a' = 2, b' = 30 + 8, s = 0
        let c13: Double = 1 - 91.0 / 96.0  // a' = 1, b' = 90, s = 1
        let c15: Double = 1 - 366.0 / 371.0  // a' = 1, b' = 365, s = 1
        let c41: Double = 1 - pow(15.0 / 20.0, 2.0)  // a' = 2, b' = 7 + 8, s = 0
        let c31: Double = 1 - 8.0 / 13.0  // a' = 1, b' = 7, s = 1
        for (got, want) in zip(column(.cadence), [c12, c13, c14, c15, c12, c31, c41, c31]) {
            #expect(abs(got - want) < 1e-12)
        }
    }

    @Test("pooled and per-cutoff AUC, precision@k and counts")
    func metrics() throws {
        var plan = self.plan
        plan.precisionK = 1
        let result = try TemporalEvaluation.evaluate(messageHistory(), plan: plan)
        #expect(result.rows.map(\.score) == EvaluatedScore.allCases)
        #expect(result.eventCount == 24)
        #expect(result.pairCount == 10)
        #expect(
            result.cutoffs == [
                CutoffSummary(
                    dayOffset: 10, instantSeconds: 1000 + 10 * daySeconds, day: Day(ordinal: 10),
                    candidatePairs: 8, positivePairs: 4, egos: 5, egosWithPositive: 3),
                CutoffSummary(
                    dayOffset: 13, instantSeconds: 1000 + 13 * daySeconds, day: Day(ordinal: 13),
                    candidatePairs: 8, positivePairs: 2, egos: 5, egosWithPositive: 2),
            ])
        let recency = try #require(result.row(.recency))
        // Cutoff 10: positives -1, 0, -1, 0 vs negatives -2, -1, -2, -1 → 14/16.
        // Cutoff 13: positives (pair {1,2}, last day 8) -5, -5 vs -1, -3, -4 twice → 0.
        // Pooled: positives 0 (×2) beat all 10 negatives, -1 (×2) beat 6 and tie 4, -5 (×2) nothing → 36/60.
        #expect(recency.cutoffAUC == [0.875, 0])
        #expect(recency.pooledAUC == 0.6)
        #expect(recency.candidatePairs == 16 && recency.positivePairs == 6)
        // Frequency, cutoff 10: positives 1, 2, 1, 2 vs 3, 1, 3, 1 → 6/16.
        #expect(try #require(result.row(.frequency)).cutoffAUC[0] == 0.375)
        // Precision@1 at cutoff 10: egos 1, 3, 4 have positives. Ego 1's top alter is 4 by recency (a hit)
        // and 2 by frequency (a miss); egos 3 and 4 have one alter each (hits). At cutoff 13 the positives
        // are egos 1 and 2 with alter 2 / 1: ego 1's top alter by recency is 3 (miss), ego 2's is 1 (hit).
        #expect(recency.cutoffPrecisionAtK == [1, 0.5])
        #expect(recency.precisionAtK == 4.0 / 5)
        let frequency = try #require(result.row(.frequency))
        // Frequency at 13: ego 1 has alter 2 with 3 days on top (hit); ego 2 (hit).
        #expect(frequency.cutoffPrecisionAtK == [2.0 / 3, 1])
        #expect(frequency.precisionAtK == 4.0 / 5)
    }

    @Test("precision@5 divides by the number of candidate alters when there are fewer than five")
    func precisionAtFive() throws {
        let result = try TemporalEvaluation.evaluate(
            messageHistory(), plan: EvaluationPlan(fromDay: 10, toDay: 10, horizonDays: 5))
        // Ego 1: 2 hits of 4 alters; egos 3 and 4: 1 of 1.
        #expect(result.rows.allSatisfy { $0.precisionAtK == (0.5 + 1 + 1) / 3 })
    }

    @Test("the result does not depend on the order of the events, down to the JSON bytes")
    func deterministic() throws {
        var generator = SplitMix64(seed: 42)
        let events = messageHistory()
        let a = try TemporalEvaluation.evaluate(events, plan: plan)
        let b = try TemporalEvaluation.evaluate(events.shuffled(using: &generator), plan: plan)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(a == b)
        #expect(try encoder.encode(a) == encoder.encode(b))
    }

    @Test("a cutoff before any history or without positives has no AUC, and is not an error")
    func emptyCutoffs() throws {
        let result = try TemporalEvaluation.evaluate(
            messageHistory(), plan: EvaluationPlan(fromDay: 0, toDay: 30, stepDays: 30, horizonDays: 5))
        #expect(result.cutoffs.map(\.candidatePairs) == [0, 10])
        #expect(result.cutoffs.map(\.positivePairs) == [0, 0])
        #expect(result.rows.allSatisfy { $0.pooledAUC == nil && $0.precisionAtK == nil && $0.cutoffAUC == [nil, nil] })
    }

    @Test("bad plans and empty histories are errors")
    func errors() {
        #expect(throws: EvaluationError.noEvents) { try TemporalEvaluation.evaluate([], plan: plan) }
        #expect(
            throws: EvaluationError.invalidPlan(
                InputError(field: "horizon", value: "0", expected: "a whole number of days in 1...36500"))
        ) {
            try TemporalEvaluation.evaluate(messageHistory(), plan: EvaluationPlan(horizonDays: 0))
        }
        #expect(throws: EvaluationError.self) {
            try TemporalEvaluation.evaluate(messageHistory(), plan: EvaluationPlan(fromDay: 5, toDay: 4))
        }
        #expect(throws: EvaluationError.self) {
            try TemporalEvaluation.evaluate(messageHistory(), plan: EvaluationPlan(stepDays: 0))
        }
        #expect(throws: EvaluationError.self) {
            try TemporalEvaluation.evaluate(messageHistory(), plan: EvaluationPlan(toDay: .max))
        }
        let late = ContactEvent(
            ego: 1, alter: 2, seconds: ContactEvent.secondsRange.upperBound + 1, direction: .outbound)
        #expect(
            throws: EvaluationError.invalidEvent(
                InputError(
                    field: "event 1 (ego 1, alter 2) time", value: "253402300800",
                    expected: "seconds since 1970 in -62135596800...253402300799"))
        ) {
            try TemporalEvaluation.evaluate(
                [ContactEvent(ego: 1, alter: 2, seconds: 0, direction: .outbound), late], plan: plan)
        }
        let heavy = ContactEvent(ego: 1, alter: 2, seconds: 0, direction: .outbound, weight: .nan)
        #expect(throws: EvaluationError.self) { try TemporalEvaluation.evaluate([heavy], plan: plan) }
        #expect(throws: EvaluationError.self) { try ActivityCalibration.calibrate([heavy], plan: plan) }
    }

    @Test("the user's interactions become one ego's events with the product's weights and alter settings")
    func userHistory() throws {
        var configuration = ScoringConfiguration()
        configuration.strengthHalfLifeDays[.mentor] = 180
        let interactions = [
            Interaction(personID: 5, occurredAt: Date(timeIntervalSince1970: 86_400.7), kind: .meeting),
            Interaction(personID: 6, occurredAt: Date(timeIntervalSince1970: 100), kind: .email, direction: .outbound),
        ]
        #expect(
            ContactEvent.events(from: interactions, configuration: configuration) == [
                ContactEvent(ego: 0, alter: 5, seconds: 86_400, direction: .mutual, weight: 3),
                ContactEvent(ego: 0, alter: 6, seconds: 100, direction: .outbound, weight: 0.5),
            ])
        let mentor = Person(id: 5, name: "M", roles: [.mentor], closeness: 5)
        #expect(
            AlterSettings(person: mentor, configuration: configuration)
                == AlterSettings(strengthHalfLifeDays: 180, strengthMultiplier: 1.5))
    }
}

/// One ego (0) with two alters, cut 22 days after the first event (day 22). Before the cutoff, alter 2 was
/// seen on days 0, 1, 2 (20–22 days earlier) and alter 1 on day 21 (1 day earlier). Within the next 7 days
/// alter 1 is seen again (positive) and, when asked, alter 2 too.
private func singleEgoHistory(alterOneContactsAfter: Bool = true, alterTwoContactsAfter: Bool = false) -> [ContactEvent]
{
    let d = daySeconds
    var events = [
        ContactEvent(ego: 0, alter: 2, seconds: 0, direction: .mutual),  // day 0
        ContactEvent(ego: 0, alter: 2, seconds: 1 * d, direction: .mutual),  // day 1
        ContactEvent(ego: 0, alter: 2, seconds: 2 * d, direction: .mutual),  // day 2
        ContactEvent(ego: 0, alter: 1, seconds: 21 * d, direction: .mutual),  // day 21
    ]
    if alterOneContactsAfter { events.append(ContactEvent(ego: 0, alter: 1, seconds: 23 * d, direction: .mutual)) }
    if alterTwoContactsAfter { events.append(ContactEvent(ego: 0, alter: 2, seconds: 24 * d, direction: .mutual)) }
    return events
}

@Suite("Evaluation: activity half-life calibration")
struct EvaluationCalibrationTests {
    // Cutoff 22 days after the first event (day 22); horizon 7 days.
    let plan = EvaluationPlan(fromDay: 22, toDay: 22, stepDays: 1, horizonDays: 7)

    @Test("fits a half-life short enough to rank the recent positive above the frequent negative")
    func fitsShortHalfLife() throws {
        // Activity at day 22: alter 1 = 2^(-1/h); alter 2 = 2^(-20/h) + 2^(-21/h) + 2^(-22/h).
        // At h = 30 alter 2 wins (AUC 0); a short half-life puts alter 1 first (AUC 1).
        let calibration = try ActivityCalibration.calibrate(singleEgoHistory(), plan: plan)
        #expect(calibration.initialHalfLifeDays == 30)
        #expect(calibration.objectiveBefore == 0)
        #expect(calibration.objectiveAfter == 1)
        let h = calibration.fittedHalfLifeDays
        #expect(h >= 1 && h <= 365)
        #expect(exp2(-1 / h) > exp2(-20 / h) + exp2(-21 / h) + exp2(-22 / h))
        #expect(calibration.evaluation.activityHalfLifeDays == h)
        #expect(calibration.evaluation.row(.activity)?.pooledAUC == 1)
        #expect(calibration.heldOutBefore == nil && calibration.heldOutAfter == nil)
    }

    @Test("keeps the configured half-life when no other does better")
    func keepsInitialWhenFlat() throws {
        // Alter 1 (positive) is both more recent and as frequent as alter 2 after dropping two of alter 2's days.
        let events = singleEgoHistory().filter { !($0.alter == 2 && $0.seconds > 0) }
        let calibration = try ActivityCalibration.calibrate(events, plan: plan)
        #expect(calibration.fittedHalfLifeDays == 30)
        #expect(calibration.objectiveBefore == 1 && calibration.objectiveAfter == 1)
    }

    @Test("held-out cutoffs are scored with the initial and the fitted half-life")
    func heldOut() throws {
        let held = EvaluationPlan(fromDay: 22, toDay: 22, stepDays: 1, horizonDays: 7)
        let calibration = try ActivityCalibration.calibrate(singleEgoHistory(), plan: plan, heldOut: held)
        #expect(calibration.heldOutBefore == 0)
        #expect(calibration.heldOutAfter == 1)
    }

    @Test("degenerate histories give a clear error, not a crash")
    func degenerate() {
        #expect(throws: EvaluationError.noEvents) { try ActivityCalibration.calibrate([], plan: plan) }
        #expect(throws: EvaluationError.noCandidates) {
            try ActivityCalibration.calibrate(
                singleEgoHistory(), plan: EvaluationPlan(fromDay: 0, toDay: 0, horizonDays: 7))
        }
        #expect(throws: EvaluationError.noPositives(candidates: 2)) {
            try ActivityCalibration.calibrate(singleEgoHistory(alterOneContactsAfter: false), plan: plan)
        }
        #expect(throws: EvaluationError.noNegatives(candidates: 2)) {
            try ActivityCalibration.calibrate(singleEgoHistory(alterTwoContactsAfter: true), plan: plan)
        }
        #expect(throws: EvaluationError.self) {
            try ActivityCalibration.calibrate(singleEgoHistory(), plan: plan, bounds: 0...10)
        }
        #expect(EvaluationError.noPositives(candidates: 2).description.contains("none of the 2 candidate pairs"))
    }
}
