import Foundation

/// The running summary of one relationship's history, from which every score is read in O(1).
///
/// Because decay is exponential, a decayed sum can be carried forward: a sum `S` known at day `d` is worth
/// `S 2^-(t-d)/h` at day `t`, and a new episode of weight `w` on day `t` makes it `S 2^-(t-d)/h + w`.
/// The state keeps both decayed sums (strength, with the person's half-life, and activity) as of the last
/// episode's day, so logging an interaction updates it without rescanning history. Interactions collapse into
/// day-episodes weighted by the strongest interaction of the day; a stronger interaction later the same day
/// raises the episode's weight by the difference.
///
/// An interaction dated before the last episode cannot be absorbed (the past sums would change); such a
/// state is rebuilt from history with ``init(history:halfLife:activityHalfLife:)``.
public struct RelationshipState: Sendable, Equatable, Codable {
    public var firstDay: Day
    public var lastDay: Day
    /// Number of day-episodes.
    public var episodes: Int
    /// Weight of the episode on ``lastDay``.
    public var lastWeight: Double
    /// Sum of episode weights decayed with ``strengthHalfLife`` to ``lastDay``.
    public var strengthSum: Double
    /// Sum of episode weights decayed with ``activityHalfLife`` to ``lastDay``.
    public var activitySum: Double
    /// Interactions the user started (mutual ones count on both sides).
    public var outbound: Int
    /// Interactions they started (mutual ones count on both sides).
    public var inbound: Int
    public var strengthHalfLife: Double
    public var activityHalfLife: Double
    /// The last day of real contact (``InteractionKind/isContact``); nil when every interaction so far is a
    /// connection or an invitation, which makes the person dormant.
    public var lastContactDay: Day?
    /// The first day of real contact; nil while dormant.
    public var firstContactDay: Day?
    /// Days with real contact: the episodes the cadence is learned from (a connection is not one).
    public var contactEpisodes: Int

    /// A state holding one interaction.
    public init(
        day: Day, weight: Double, direction: Direction, halfLife: Double, activityHalfLife: Double,
        isContact: Bool = true
    ) {
        lastContactDay = isContact ? day : nil
        firstContactDay = isContact ? day : nil
        contactEpisodes = isContact ? 1 : 0
        firstDay = day
        lastDay = day
        episodes = 1
        lastWeight = weight
        strengthSum = weight
        activitySum = weight
        outbound = direction == .inbound ? 0 : 1
        inbound = direction == .outbound ? 0 : 1
        strengthHalfLife = halfLife
        self.activityHalfLife = activityHalfLife
    }

    /// The state after one more interaction, or nil when it is dated before ``lastDay`` (rebuild instead).
    public func absorbing(day: Day, weight: Double, direction: Direction, isContact: Bool = true)
        -> RelationshipState?
    {
        var next = self
        guard next.absorb(day: day, weight: weight, direction: direction, isContact: isContact) else { return nil }
        return next
    }

    /// Adds one interaction dated on or after ``lastDay``; returns false (and changes nothing) otherwise.
    @discardableResult
    public mutating func absorb(day: Day, weight: Double, direction: Direction, isContact: Bool = true) -> Bool {
        guard day >= lastDay else { return false }
        if isContact {
            if lastContactDay != day { contactEpisodes += 1 }
            if firstContactDay == nil { firstContactDay = day }
            lastContactDay = day
        }
        if direction != .inbound { outbound += 1 }
        if direction != .outbound { inbound += 1 }
        if day == lastDay {
            if weight > lastWeight {
                strengthSum += weight - lastWeight
                activitySum += weight - lastWeight
                lastWeight = weight
            }
            return true
        }
        let dt = Double(day - lastDay)
        strengthSum = strengthSum * exp2(-dt / strengthHalfLife) + weight
        activitySum = activitySum * exp2(-dt / activityHalfLife) + weight
        lastDay = day
        lastWeight = weight
        episodes += 1
        return true
    }

    /// Rebuilds a state from a history of `(day, weight, direction)` in any order; nil for an empty history.
    public init?<S: Sequence>(history: S, halfLife: Double, activityHalfLife: Double)
    where S.Element == (day: Day, weight: Double, direction: Direction) {
        self.init(
            contactHistory: history.map { (day: $0.day, weight: $0.weight, direction: $0.direction, isContact: true) },
            halfLife: halfLife,
            activityHalfLife: activityHalfLife)
    }

    /// Rebuilds a state from a history that says which interactions were real contact; nil when empty.
    public init?<S: Sequence>(contactHistory history: S, halfLife: Double, activityHalfLife: Double)
    where S.Element == (day: Day, weight: Double, direction: Direction, isContact: Bool) {
        let sorted = history.sorted { $0.day < $1.day }
        guard let first = sorted.first else { return nil }
        self.init(
            day: first.day, weight: first.weight, direction: first.direction,
            halfLife: halfLife, activityHalfLife: activityHalfLife, isContact: first.isContact)
        for event in sorted.dropFirst() {
            absorb(day: event.day, weight: event.weight, direction: event.direction, isContact: event.isContact)
        }
    }

    /// True when the only interactions so far are connections or invitations: the person is known of, not
    /// yet in touch.
    public var isDormant: Bool { lastContactDay == nil }

    /// Reciprocity `r = 2 min(out, in) / (out + in)`, in 0...1.
    public var reciprocity: Double {
        let total = outbound + inbound
        return total == 0 ? 0 : 2 * Double(min(outbound, inbound)) / Double(total)
    }

    /// Sum of decayed episode weights as of `day` (strength half-life), before reciprocity and tenure.
    public func decayedStrength(at day: Day) -> Double {
        strengthSum * exp2(-Double(max(0, day - lastDay)) / strengthHalfLife)
    }

    /// Activity as of `day`: sum of episode weights decayed with the activity half-life.
    public func activity(at day: Day) -> Double {
        activitySum * exp2(-Double(max(0, day - lastDay)) / activityHalfLife)
    }

    /// Raw strength as of `day`:
    /// `S = sum w 2^-(T-t)/h * (floor + (1-floor) r) * (1 + c ln(1 + years known))`.
    ///
    /// Years known count from the first interaction, or from `knownSince` (the user's word, a person's
    /// field, not part of the state) when that is earlier: applied here, at scoring time, so a stored state
    /// stays a function of the history alone.
    public func rawStrength(at day: Day, configuration: ScoringConfiguration, knownSince: Day? = nil) -> Double {
        let since = min(firstDay, knownSince ?? firstDay)
        let years = Double(max(0, day - since)) / 365.25
        let reciprocityFactor = configuration.reciprocityFloor + (1 - configuration.reciprocityFloor) * reciprocity
        return decayedStrength(at: day) * reciprocityFactor * (1 + configuration.tenureCoefficient * log1p(years))
    }
}
