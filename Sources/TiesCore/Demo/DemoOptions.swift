import Foundation

/// What `ties demo` should generate: how many people, over how many years, ending on which day.
///
/// Everything the generator produces follows from these values: the same options give the same network on
/// every machine (all randomness comes from ``TiesNumerics/SeededGenerator``, seeded with ``seed``).
public struct DemoOptions: Sendable, Equatable {
    /// Seeds the random stream; different seeds give different networks.
    public var seed: UInt64
    /// How many people (alters) the network holds. Zero gives an empty network.
    public var people: Int
    /// How many years of interaction history to generate, ending on ``endDay`` (at least 1).
    public var years: Int
    /// The demo's "today": no interaction is dated after the end of this day.
    public var endDay: Day
    /// The user's time zone: interactions fall in working hours (08:00–18:00) of this zone.
    public var timeZone: TimeZone

    /// The default "today", fixed so that `ties demo` with no options is reproducible: Friday 2026-03-13.
    public static let defaultEndDay = Day(year: 2026, month: 3, day: 13)!

    /// The default time zone, US Central (a fixed UTC−6 when the system has no time-zone database).
    public static var defaultTimeZone: TimeZone {
        TimeZone(identifier: "America/Chicago") ?? TimeZone(secondsFromGMT: -6 * 3600)!
    }

    /// Creates options; every parameter has the demo's default (seed 1, 150 people, 5 years).
    public init(
        seed: UInt64 = 1, people: Int = 150, years: Int = 5,
        endDay: Day = DemoOptions.defaultEndDay, timeZone: TimeZone = DemoOptions.defaultTimeZone
    ) {
        self.seed = seed
        self.people = people
        self.years = years
        self.endDay = endDay
        self.timeZone = timeZone
    }
}

/// A generated network: organisations, people, the ties between them, and years of interactions.
///
/// The parts refer to each other the way the store expects them: people carry ids `1...n` (in array order)
/// and name their organisation by name; ties and interactions refer to people by id.
public struct DemoNetwork: Sendable, Equatable {
    /// Every organisation at least one person belongs to, with ids `1...m` in array order. Names are unique
    /// (ignoring case).
    public var organisations: [Organisation]
    /// The people, with ids `1...n` in order. Names are unique (ignoring case), disambiguated by a middle
    /// initial and, if that is not enough, a number.
    public var people: [Person]
    /// Alter–alter ties, sorted by `(a, b)`; `a < b`, no pair twice, weights in (0, 1].
    public var ties: [Tie]
    /// Interactions grouped by person (ascending id) and in time order within each person. Each has no id,
    /// source `demo` and a unique, stable source id `demo-<k>`, k = 1, 2, ... in array order.
    public var interactions: [Interaction]

    /// Creates a network from its parts.
    public init(organisations: [Organisation], people: [Person], ties: [Tie], interactions: [Interaction]) {
        self.organisations = organisations
        self.people = people
        self.ties = ties
        self.interactions = interactions
    }

    /// The source name every demo interaction carries.
    public static let source = "demo"
}
