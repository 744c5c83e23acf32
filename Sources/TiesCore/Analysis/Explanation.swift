import Foundation

/// How one person's scores were computed, step by step: what `ties explain` shows, so the numbers can be trusted.
public struct Explanation: Sendable, Equatable {
    /// One day-episode and what it still contributes.
    public struct Episode: Sendable, Equatable {
        public var day: Day
        /// The interactions of the day.
        public var interactions: Int
        /// The strongest interaction's kind, which set the weight.
        public var kind: InteractionKind
        public var weight: Double
        public var age: Int
        /// w 2^(−age/h), strength half-life.
        public var strengthContribution: Double
        /// w 2^(−age/h), activity half-life.
        public var activityContribution: Double
    }

    public var asOf: Day
    public var episodes: [Episode]
    public var strengthHalfLife: Double
    public var activityHalfLife: Double
    public var decayedSum: Double
    public var outbound: Int
    public var inbound: Int
    public var reciprocityFactor: Double
    public var yearsKnown: Double
    /// The day the years known count from: the first interaction, or the day the user gave when earlier.
    public var knownSince: Day?
    /// Whether ``knownSince`` is the user's word (`person edit --known-since`) rather than the first contact.
    public var knownSinceStated: Bool
    public var tenureFactor: Double
    public var closenessMultiplier: Double
    public var rawStrength: Double
    public var normaliser: Double
    /// The network's percentile of raw strength (nil with no one in touch) and the reference relationship's
    /// raw strength: ``normaliser`` is the larger (see ``NetworkScore/normaliser``).
    public var percentile: Double? = nil
    public var reference: Double = 0
    /// Which percentile ``percentile`` is (``ScoringConfiguration/normalisationPercentile``).
    public var percentileLevel: Double = 0.9
    public var strength: Double
    public var activity: Double
    public var layer: Int?
    public var priorMeanGap: Double
    /// The days of real contact the rhythm is learned from (a connection or an invitation is none), and the
    /// days from the first to the last of them: as the score computes it (``NetworkScoring``).
    public var contactDays: Int = 0
    public var contactSpanDays: Int = 0
    public var cadence: Cadence?
    /// Days since the last real contact: a connection made since does not end the silence.
    public var silence: Int?
    public var survival: Double?
    public var status: RelationshipStatus

    /// Explains `person`'s scores from their `interactions` (any order; later than `asOf` are ignored).
    public static func explain(
        person: Person, interactions: [Interaction], network: NetworkScore, configuration: ScoringConfiguration,
        timeZone: TimeZone
    ) -> Explanation {
        let asOf = network.asOf
        var mapper = DayMapper(timeZone: timeZone)
        let h = configuration.strengthHalfLife(for: person.roles)
        let ha = configuration.activityHalfLifeDays
        var byDay: [Day: (count: Int, kind: InteractionKind, weight: Double)] = [:]
        var contacts = Set<Day>()
        var outbound = 0
        var inbound = 0
        for i in interactions {
            let day = mapper.day(of: i)
            guard day <= asOf else { continue }
            if i.direction != .inbound { outbound += 1 }
            if i.direction != .outbound { inbound += 1 }
            let w = configuration.weight(of: i)
            if i.kind.isContact { contacts.insert(day) }
            let current = byDay[day]
            if current == nil || w > current!.weight {
                byDay[day] = ((current?.count ?? 0) + 1, i.kind, w)
            } else {
                byDay[day]!.count += 1
            }
        }
        let episodes = byDay.keys.sorted().map { day -> Episode in
            let e = byDay[day]!
            let age = asOf - day
            return Episode(
                day: day, interactions: e.count, kind: e.kind, weight: e.weight, age: age,
                strengthContribution: e.weight * exp2(-Double(age) / h),
                activityContribution: e.weight * exp2(-Double(age) / ha))
        }
        let decayed = episodes.map(\.strengthContribution).reduce(0, +)
        let total = outbound + inbound
        let r = total == 0 ? 0 : 2 * Double(min(outbound, inbound)) / Double(total)
        let reciprocityFactor = configuration.reciprocityFloor + (1 - configuration.reciprocityFloor) * r
        let since = NetworkScoring.knownSince(person, firstDay: episodes.first?.day)
        let years = since.map { Double(asOf - $0) / 365.25 } ?? 0
        let tenure = 1 + configuration.tenureCoefficient * log1p(years)
        let closeness = configuration.closenessMultiplier(person.closeness)
        let score = person.id.flatMap { network.score(of: $0) }
        let layerIndex = score?.layer.flatMap { layer in
            var end = 0
            return configuration.layerSizes.firstIndex {
                end += $0
                return end == layer
            }
        }
        let prior = configuration.cadencePriorMeanGapDays[layerIndex ?? configuration.layerSizes.count]
        // Learned from the days of real contact only, as the score is.
        let contactDays = contacts.sorted()
        let span = contactDays.last.map { $0 - contactDays[0] } ?? 0
        let cadence =
            contactDays.isEmpty
            ? nil
            : Cadence(
                priorShape: configuration.cadencePriorShape, priorMeanGap: prior, gaps: contactDays.count - 1,
                totalGapDays: Double(span))
        let silence = contactDays.last.map { asOf - $0 }
        return Explanation(
            asOf: asOf, episodes: episodes, strengthHalfLife: h, activityHalfLife: ha, decayedSum: decayed,
            outbound: outbound, inbound: inbound, reciprocityFactor: reciprocityFactor, yearsKnown: years,
            knownSince: since, knownSinceStated: since != nil && since == person.knownSince,
            tenureFactor: tenure, closenessMultiplier: closeness,
            rawStrength: decayed * reciprocityFactor * tenure * closeness, normaliser: network.normaliser,
            percentile: network.percentile, reference: network.reference,
            percentileLevel: configuration.normalisationPercentile,
            strength: score?.strength ?? 0, activity: episodes.map(\.activityContribution).reduce(0, +),
            layer: score?.layer, priorMeanGap: prior, contactDays: contactDays.count, contactSpanDays: span,
            cadence: cadence, silence: silence,
            survival: cadence.flatMap { c in silence.map { c.survival(silence: Double($0)) } },
            status: score?.status ?? .none)
    }
}
