import Foundation

/// One contact between an ego and an alter, seen from the ego's side: the unit a temporal evaluation reads.
///
/// A message network gives two events per message (outbound for the sender, inbound for the recipient;
/// see ``TemporalEdgeList/contactEvents(weight:)``). The user's own store gives one event per interaction,
/// with the user as the only ego (see ``ContactEvent/events(from:ego:configuration:)``).
public struct ContactEvent: Sendable, Equatable, Hashable, Codable {
    /// The person whose relationships are scored.
    public var ego: Int64
    /// The other person.
    public var alter: Int64
    /// When it happened, in seconds since 1970-01-01 UTC.
    public var seconds: Int64
    /// Who started it, from the ego's point of view.
    public var direction: Direction
    /// The interaction's weight (see ``ScoringConfiguration/weight(of:)``); a day-episode weighs its
    /// strongest interaction.
    public var weight: Double

    /// The times an event may have: 0001-01-01 to 9999-12-31 UTC, in seconds since 1970. Keeping times in
    /// this range keeps every cutoff and window end (`t + days × 86 400`) far from 64-bit overflow.
    public static let secondsRange: ClosedRange<Int64> = -62_135_596_800...253_402_300_799

    /// An event from its parts.
    public init(ego: Int64, alter: Int64, seconds: Int64, direction: Direction, weight: Double = 1) {
        self.ego = ego
        self.alter = alter
        self.seconds = seconds
        self.direction = direction
        self.weight = weight
    }

    /// The user's interactions as events of one ego: alter = the person, seconds = the instant rounded down,
    /// weight = `configuration.weight(of:)`, direction as recorded.
    /// - Complexity: O(n).
    public static func events(
        from interactions: [Interaction], ego: Int64 = 0, configuration: ScoringConfiguration
    ) -> [ContactEvent] {
        interactions.map {
            ContactEvent(
                ego: ego, alter: $0.personID,
                seconds: Int64($0.occurredAt.timeIntervalSince1970.rounded(.down)),
                direction: $0.direction, weight: configuration.weight(of: $0))
        }
    }
}

/// What the product knows about an alter that changes their strength: the strength half-life of their
/// roles and the multiplier of the closeness the user stated.
public struct AlterSettings: Sendable, Equatable, Codable {
    /// Strength half-life in days (``ScoringConfiguration/strengthHalfLife(for:)``).
    public var strengthHalfLifeDays: Double
    /// Multiplier on raw strength (``ScoringConfiguration/closenessMultiplier(_:)``).
    public var strengthMultiplier: Double

    /// Settings from their parts.
    public init(strengthHalfLifeDays: Double, strengthMultiplier: Double = 1) {
        self.strengthHalfLifeDays = strengthHalfLifeDays
        self.strengthMultiplier = strengthMultiplier
    }

    /// The settings the product uses for `person`.
    public init(person: Person, configuration: ScoringConfiguration) {
        self.init(
            strengthHalfLifeDays: configuration.strengthHalfLife(for: person.roles),
            strengthMultiplier: configuration.closenessMultiplier(person.closeness))
    }
}

/// How a temporal evaluation is run: the cutoffs, the horizon, the scoring constants and the day boundaries.
///
/// Cutoff `k` is the instant `T = t0 + k × 86 400 s`, `t0` being the first event's time, for
/// `k = fromDay, fromDay + stepDays, ...` up to and including `toDay`. At each cutoff, the history is what
/// happened strictly before `T`, and a pair is positive when its two people are in contact in
/// `[T, T + horizonDays × 86 400 s)`.
public struct EvaluationPlan: Sendable, Equatable {
    /// First cutoff, in days after the first event.
    public var fromDay: Int
    /// Last cutoff (inclusive when the steps land on it), in days after the first event.
    public var toDay: Int
    /// Days between cutoffs.
    public var stepDays: Int
    /// Length of the prediction window, in days.
    public var horizonDays: Int
    /// `k` of precision@k.
    public var precisionK: Int
    /// The time zone whose midnights separate days (UTC for SNAP data).
    public var timeZone: TimeZone
    /// The scoring constants; ``ScoringConfiguration/activityHalfLifeDays`` is the activity score's half-life.
    public var configuration: ScoringConfiguration
    /// Per-alter strength settings; an alter not listed has no role and no stated closeness
    /// (``ScoringConfiguration/defaultStrengthHalfLifeDays``, multiplier 1).
    public var alterSettings: [Int64: AlterSettings]

    /// A plan; the defaults are the design's validation (cutoffs at days 90, 110, 130, 150, horizon 30 days,
    /// precision@5, UTC days, default scoring constants).
    public init(
        fromDay: Int = 90, toDay: Int = 150, stepDays: Int = 20, horizonDays: Int = 30, precisionK: Int = 5,
        timeZone: TimeZone = TimeZone(secondsFromGMT: 0)!, configuration: ScoringConfiguration = ScoringConfiguration(),
        alterSettings: [Int64: AlterSettings] = [:]
    ) {
        self.fromDay = fromDay
        self.toDay = toDay
        self.stepDays = stepDays
        self.horizonDays = horizonDays
        self.precisionK = precisionK
        self.timeZone = timeZone
        self.configuration = configuration
        self.alterSettings = alterSettings
    }

    /// The cutoffs' offsets in days after the first event: `fromDay, fromDay + stepDays, ... ≤ toDay`.
    /// Empty when the plan is invalid.
    /// - Complexity: O(number of cutoffs).
    public var cutoffDays: [Int] {
        guard stepDays > 0, fromDay <= toDay else { return [] }
        return Array(stride(from: fromDay, through: toDay, by: stepDays))
    }

    /// Most cutoffs a plan may have.
    public static let maximumCutoffs = 10_000

    /// Latest cutoff a plan may ask for, in days after the first event (about 10 000 years).
    public static let maximumDay = 3_650_000

    /// Checks the plan's numbers and its scoring configuration.
    /// - Throws: ``InputError`` naming the first value out of range.
    /// - Complexity: O(number of alter settings).
    public func validate() throws(InputError) {
        guard fromDay >= 0 else {
            throw InputError(field: "from", value: "\(fromDay)", expected: "a whole number of days ≥ 0")
        }
        guard toDay >= fromDay, toDay <= Self.maximumDay else {
            throw InputError(
                field: "to", value: "\(toDay)",
                expected: "a whole number of days between from (\(fromDay)) and \(Self.maximumDay)")
        }
        guard stepDays >= 1 else {
            throw InputError(field: "step", value: "\(stepDays)", expected: "a whole number of days ≥ 1")
        }
        guard (toDay - fromDay) / stepDays < Self.maximumCutoffs else {
            throw InputError(
                field: "step", value: "\(stepDays)",
                expected: "a step giving at most \(Self.maximumCutoffs) cutoffs between from and to")
        }
        guard horizonDays >= 1, horizonDays <= 36_500 else {
            throw InputError(field: "horizon", value: "\(horizonDays)", expected: "a whole number of days in 1...36500")
        }
        guard precisionK >= 1 else {
            throw InputError(field: "k", value: "\(precisionK)", expected: "a whole number ≥ 1")
        }
        try configuration.validate()
        for alter in alterSettings.keys.sorted() {
            let s = alterSettings[alter]!
            guard s.strengthHalfLifeDays.isFinite, s.strengthHalfLifeDays > 0 else {
                throw InputError(
                    field: "alterSettings.\(alter).strengthHalfLifeDays", value: "\(s.strengthHalfLifeDays)",
                    expected: "a positive number")
            }
            guard s.strengthMultiplier.isFinite, s.strengthMultiplier > 0 else {
                throw InputError(
                    field: "alterSettings.\(alter).strengthMultiplier", value: "\(s.strengthMultiplier)",
                    expected: "a positive number")
            }
        }
    }
}

/// Why an evaluation or a calibration could not produce a result.
extension ContactEvent {
    /// Checks that every event's time is in ``secondsRange`` and every weight is finite and not negative.
    /// - Throws: ``EvaluationError/invalidEvent(_:)`` naming the first bad event by its index.
    /// - Complexity: O(n).
    static func validate(_ events: [ContactEvent]) throws(EvaluationError) {
        for (index, event) in events.enumerated() {
            guard secondsRange.contains(event.seconds) else {
                throw .invalidEvent(
                    InputError(
                        field: "event \(index) (ego \(event.ego), alter \(event.alter)) time",
                        value: "\(event.seconds)",
                        expected: "seconds since 1970 in \(secondsRange.lowerBound)...\(secondsRange.upperBound)"))
            }
            guard event.weight.isFinite, event.weight >= 0 else {
                throw .invalidEvent(
                    InputError(
                        field: "event \(index) (ego \(event.ego), alter \(event.alter)) weight",
                        value: "\(event.weight)", expected: "a finite weight ≥ 0"))
            }
        }
    }
}

public enum EvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A number of the plan is out of range.
    case invalidPlan(InputError)
    /// An event's time is outside ``ContactEvent/secondsRange`` or its weight is negative or not finite.
    case invalidEvent(InputError)
    /// There are no events at all.
    case noEvents
    /// No pair has any history before any cutoff (the cutoffs are too early).
    case noCandidates
    /// No candidate pair is in contact within the horizon after any cutoff, so nothing can be ranked.
    case noPositives(candidates: Int)
    /// Every candidate pair is in contact within the horizon, so nothing can be ranked.
    case noNegatives(candidates: Int)
    /// The minimiser failed (the text is its report).
    case numerics(String)

    /// A sentence saying what went wrong and what to change.
    public var description: String {
        switch self {
        case .invalidPlan(let error): return "invalid evaluation plan: \(error.description)"
        case .invalidEvent(let error): return "invalid interaction: \(error.description)"
        case .noEvents: return "there are no interactions to evaluate"
        case .noCandidates:
            return "no pair has any interaction before the first cutoff; choose later cutoffs (from/to)"
        case .noPositives(let n):
            return "none of the \(n) candidate pairs is in contact within the horizon after a cutoff; "
                + "choose earlier cutoffs or a longer horizon"
        case .noNegatives(let n):
            return "all \(n) candidate pairs are in contact within the horizon after a cutoff; "
                + "choose a shorter horizon"
        case .numerics(let report): return "the minimiser failed: \(report)"
        }
    }
}
