import Foundation
import TiesNumerics

/// Where a relationship stands, from the survival of its current silence.
public enum RelationshipStatus: String, Sendable, Codable, CaseIterable {
    /// Contact is within the person's usual rhythm.
    case active
    /// The silence is longer than usual: survival below the overdue threshold (0.10 by default).
    case cooling
    /// The silence is far beyond the usual rhythm: survival below the cold threshold (0.02 by default).
    case cold
    /// No interaction recorded.
    case none
    /// Known of, never in touch: the only interactions are connections or invitations
    /// (``InteractionKind/isContact``). A dormant person is never active, never in a layer, and is counted
    /// apart; for a recruiter, a candidate to warm up.
    case dormant
}

/// Every score of one person as of one day.
public struct PersonScore: Sendable, Equatable, Codable {
    public var personID: Person.ID
    public var name: String
    /// 0–100, normalised within the user's network.
    public var strength: Double
    /// Before normalisation.
    public var rawStrength: Double
    /// Decayed sum of episode weights with the activity half-life.
    public var activity: Double
    /// Dunbar layer: 5, 15, 50 or 150; nil beyond the last layer or with no history.
    public var layer: Int?
    public var firstContact: Day?
    public var lastContact: Day?
    public var episodes: Int
    /// Days since the last contact.
    public var silenceDays: Int?
    /// Median predictive gap from the cadence model, in days.
    public var typicalGapDays: Double?
    /// Probability that the current silence would last this long, S(s).
    public var survival: Double?
    public var status: RelationshipStatus
    public var reciprocity: Double
    /// The day of the first interaction of any kind (for a dormant person, when they connected), or the
    /// day the user says they have known the person since (``Person/knownSince``) when that is earlier.
    public var knownSince: Day?
}

/// The scores of a whole network as of one day.
public struct NetworkScore: Sendable, Equatable {
    public var asOf: Day
    /// Sorted by strength, highest first; ties by name, then id.
    public var scores: [PersonScore]
    /// The raw strength strength is normalised by (`Sp`): the larger of ``percentile`` and ``reference``.
    public var normaliser: Double
    /// The network's ``ScoringConfiguration/normalisationPercentile`` of raw strength; nil with no one in touch.
    public var percentile: Double? = nil
    /// The reference relationship's raw strength (``ScoringConfiguration/referenceRawStrength``), the floor of
    /// ``normaliser``.
    public var reference: Double = 0

    /// Whether the normaliser is the reference relationship (the network's percentile is below it).
    public var normalisedByReference: Bool { normaliser == reference && (percentile ?? 0) < reference }

    /// The score of one person.
    public func score(of id: Person.ID) -> PersonScore? { scores.first { $0.personID == id } }
}

/// Turns relationship states into scores.
public enum NetworkScoring {
    /// The strength normaliser `Sp`: the larger of the network's percentile of raw strength and the reference
    /// relationship's raw strength, with both.
    ///
    /// Dormant people (connections never spoken with) do not set the percentile: ten thousand connections would
    /// otherwise make every real relationship look strong. The floor keeps the scale's meaning when most of the
    /// network is dormant or silent: a percentile near 0 would otherwise call the least faded relationship 100
    /// (see ``ScoringConfiguration/referenceRawStrength``).
    static func scale(raws: [Double], dormant: [Bool], configuration: ScoringConfiguration) -> (
        normaliser: Double, percentile: Double?, reference: Double
    ) {
        let inTouch = raws.indices.filter { raws[$0] > 0 && !dormant[$0] }.map { raws[$0] }
        let positive = inTouch.isEmpty ? raws.filter { $0 > 0 } : inTouch
        let percentile = Statistics.quantile(positive, configuration.normalisationPercentile)
        let reference = configuration.referenceRawStrength
        return (max(percentile ?? 0, reference), percentile, reference)
    }

    /// Scores every person as of `asOf`.
    ///
    /// - Parameters:
    ///   - people: the people to score (archived people are left out by the caller if wanted).
    ///   - states: each person's state, built from interactions up to and including `asOf`; people with
    ///     no state have no history.
    /// - Complexity: O(n log n) for n people.
    public static func score(
        people: [Person], states: [Person.ID: RelationshipState], asOf: Day,
        configuration: ScoringConfiguration
    ) -> NetworkScore {
        // Work on indices: sorting 100,000 Person values would move far more memory than sorting Ints.
        let states = people.map { person in person.id.flatMap { states[$0] } }
        let raws = people.indices.map { i in
            states[i].map {
                $0.rawStrength(at: asOf, configuration: configuration, knownSince: people[i].knownSince)
                    * configuration.closenessMultiplier(people[i].closeness)
            } ?? 0
        }
        let (normaliser, percentile, reference) = scale(
            raws: raws, dormant: states.map { $0?.isDormant ?? false }, configuration: configuration)
        let order = people.indices.sorted { a, b in
            if raws[a] != raws[b] { return raws[a] > raws[b] }
            if people[a].name != people[b].name { return people[a].name < people[b].name }
            return (people[a].id ?? 0) < (people[b].id ?? 0)
        }
        var layerBounds: [(end: Int, size: Int)] = []
        var end = 0
        for size in configuration.layerSizes {
            end += size
            layerBounds.append((end, end))
        }
        var scores: [PersonScore] = []
        scores.reserveCapacity(people.count)
        var rank = 0  // among people in touch: dormant people hold no layer
        for i in order {
            let person = people[i]
            let raw = raws[i]
            let strength = normaliser > 0 ? 100 * (1 - exp(-raw / normaliser)) : 0
            guard let state = states[i], raw > 0 else {
                scores.append(
                    PersonScore(
                        personID: person.id ?? 0, name: person.name, strength: 0, rawStrength: 0,
                        activity: 0, layer: nil, firstContact: nil, lastContact: nil, episodes: 0,
                        silenceDays: nil, typicalGapDays: nil, survival: nil, status: .none, reciprocity: 0,
                        knownSince: knownSince(people[i], states[i])))
                continue
            }
            guard let lastContact = state.lastContactDay else {
                scores.append(
                    PersonScore(
                        personID: person.id ?? 0, name: person.name, strength: strength, rawStrength: raw,
                        activity: state.activity(at: asOf), layer: nil, firstContact: nil, lastContact: nil,
                        episodes: state.episodes, silenceDays: nil, typicalGapDays: nil, survival: nil,
                        status: .dormant, reciprocity: state.reciprocity, knownSince: knownSince(person, state)))
                continue
            }
            let layerIndex = layerBounds.firstIndex { rank < $0.end }
            rank += 1
            let cadence = Cadence(
                priorShape: configuration.cadencePriorShape,
                priorMeanGap: configuration.cadencePriorMeanGapDays[layerIndex ?? layerBounds.count],
                // Learned from the days of real contact only: a connection years before the first message
                // is not a gap in a conversation.
                gaps: max(0, state.contactEpisodes - 1),
                totalGapDays: Double(lastContact - (state.firstContactDay ?? lastContact)))
            // Silence runs from the last real contact: a connection made since does not end it.
            let silence = max(0, asOf - lastContact)
            let survival = cadence.survival(silence: Double(silence))
            let status: RelationshipStatus =
                survival < configuration.coldSurvival
                ? .cold
                : survival < configuration.overdueSurvival ? .cooling : .active
            scores.append(
                PersonScore(
                    personID: person.id ?? 0, name: person.name, strength: strength, rawStrength: raw,
                    activity: state.activity(at: asOf), layer: layerIndex.map { layerBounds[$0].size },
                    firstContact: state.firstDay, lastContact: lastContact, episodes: state.episodes,
                    silenceDays: silence, typicalGapDays: cadence.typicalGap, survival: survival, status: status,
                    reciprocity: state.reciprocity, knownSince: knownSince(person, state)))
        }
        return NetworkScore(
            asOf: asOf, scores: scores, normaliser: normaliser, percentile: percentile, reference: reference)
    }

    /// The earlier of the first interaction and the day the user says they have known the person since.
    static func knownSince(_ person: Person, _ state: RelationshipState?) -> Day? {
        knownSince(person, firstDay: state?.firstDay)
    }

    static func knownSince(_ person: Person, firstDay: Day?) -> Day? {
        switch (person.knownSince, firstDay) {
        case (let stated?, let first?): return min(stated, first)
        case (let stated, let first): return stated ?? first
        }
    }
}
