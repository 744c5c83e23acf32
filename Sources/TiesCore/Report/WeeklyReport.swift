/// Everything the weekly network-health report shows, as one value: every format (terminal, Markdown,
/// HTML, JSON) is rendered from it, so they cannot disagree.
public struct WeeklyReport: Sendable, Equatable {
    /// The version of the JSON form; it changes when a field changes meaning or disappears.
    /// 2: a trend point's `health` and the headline's `value` are null before the first recorded contact,
    /// and `firstContact` is given.
    public static let schemaVersion = 2

    /// Counts of people by status, for one role or layer.
    public struct StatusCounts: Sendable, Equatable {
        public var label: String
        public var active: Int
        public var cooling: Int
        public var cold: Int
        public var total: Int { active + cooling + cold }
    }

    /// One week of the trend.
    public struct TrendPoint: Sendable, Equatable {
        public var day: Day
        /// Nil before the first recorded contact: there is no network to measure yet.
        public var health: Double?

        public init(day: Day, health: Double?) {
            self.day = day
            self.health = health
        }
    }

    /// A person in a list of the report (the top actions, the coldest strong ties).
    public struct Action: Sendable, Equatable {
        public var personID: Person.ID
        public var name: String
        public var must: Bool
        public var reasons: [String]
        public var advice: Advice
    }

    public var asOf: Day
    /// ISO 8601 week of ``asOf``, e.g. `2026-W48`.
    public var week: String
    /// The index as computed; shown only when ``hasHealth`` (see ``headline``).
    public var health: HealthIndex
    /// The day of the first recorded contact (of any person in the report) up to ``asOf``; nil when none is.
    public var firstContact: Day?
    /// Health a week before, when known.
    public var previousHealth: Double?
    public var people: Int
    /// People in touch: with real contact recorded (dormant people are counted apart).
    public var withHistory: Int
    /// People known of and never spoken with: connections or invitations only (``RelationshipStatus/dormant``).
    public var dormant: Int = 0
    /// Of ``dormant``, the recruiters: candidates to warm up.
    public var dormantRecruiters: Int = 0
    public var byRole: [StatusCounts]
    public var byLayer: [StatusCounts]
    public var gaps: [Gap]
    /// Gap people's names, by id, for rendering.
    public var names: [Person.ID: String]
    public var actions: [Action]
    /// Oldest first, ending with this week.
    public var trend: [TrendPoint]
    /// How many people fall in each tenth of strength (0–10, 10–20, ... 90–100), among those with history.
    public var strengthHistogram: [Int]
    /// The people snoozed on ``asOf`` (`ties snooze`), left out of the actions and the gaps: the day each is
    /// back, soonest first, then by name.
    public var snoozed: [SnoozedPerson] = []
    /// The tags the actions, gaps and snoozed people are limited to (`ties report --tag`), or empty for
    /// everyone. Health, trend and counts are always of the whole network.
    public var focusTags: [String] = []

    /// A person left out of the report until a day (``Snooze``).
    public struct SnoozedPerson: Sendable, Equatable {
        public var personID: Person.ID
        public var name: String
        /// The first day the person is back.
        public var until: Day

        public init(personID: Person.ID, name: String, until: Day) {
            self.personID = personID
            self.name = name
            self.until = until
        }
    }

    /// Whether the week has a health value: a contact is recorded on or before ``asOf``. Before the first
    /// recorded contact there is nothing to measure, and the report says how to start instead.
    public var hasHealth: Bool { firstContact.map { $0 <= asOf } ?? false }

    /// The headline health, 0–100; nil before the first recorded contact.
    public var headline: Double? { hasHealth ? health.value : nil }

    /// Change since last week, when both weeks have a value.
    public var change: Double? { headline.flatMap { now in previousHealth.map { now - $0 } } }

    /// Builds the report.
    ///
    /// - Parameters:
    ///   - trend: health of the previous weeks, oldest first (this week is appended); nil before `firstContact`.
    ///   - firstContact: the day of the first recorded contact, nil when none is recorded.
    public static func build(
        analysis: NetworkAnalysis, facts: NetworkFacts, gaps: [Gap], recommendations: [Recommendation],
        trend: [TrendPoint], firstContact: Day?, configuration: ScoringConfiguration
    ) -> WeeklyReport {
        let score = analysis.score
        let health = HealthIndex.compute(analysis, facts: facts)
        func counts(_ label: String, _ scores: [PersonScore]) -> StatusCounts {
            StatusCounts(
                label: label, active: scores.filter { $0.status == .active }.count,
                cooling: scores.filter { $0.status == .cooling }.count,
                cold: scores.filter { $0.status == .cold }.count)
        }
        let withHistory = score.scores.filter { $0.status != .none && $0.status != .dormant }
        let dormant = score.scores.filter { $0.status == .dormant }
        let byRole = Role.allCases.compactMap { role -> StatusCounts? in
            let scores = withHistory.filter { analysis.people[$0.personID]?.roles.contains(role) ?? false }
            return scores.isEmpty ? nil : counts(role.rawValue, scores)
        }
        var layers = configuration.layerSizes.reduce(into: [Int]()) { $0.append(($0.last ?? 0) + $1) }
            .map { size in counts("layer \(size)", withHistory.filter { $0.layer == size }) }
        layers.append(counts("beyond", withHistory.filter { $0.layer == nil }))
        var histogram = [Int](repeating: 0, count: 10)
        for s in withHistory { histogram[min(9, Int(s.strength / 10))] += 1 }
        var names: [Person.ID: String] = [:]
        for gap in gaps { for id in gap.people { names[id] = analysis.people[id]?.name } }
        let actions = recommendations.map { r in
            Action(personID: r.personID, name: r.name, must: r.isHard, reasons: r.reasons.map(\.text), advice: r.advice)
        }
        let previous = trend.last { $0.day == score.asOf - 7 }?.health
        let started = firstContact.map { $0 <= score.asOf } ?? false
        var report = WeeklyReport(
            asOf: score.asOf, week: isoWeek(score.asOf), health: health,
            firstContact: started ? firstContact : nil, previousHealth: previous,
            people: score.scores.count, withHistory: withHistory.count, dormant: dormant.count,
            dormantRecruiters: dormant.filter { analysis.people[$0.personID]?.roles.contains(.recruiter) ?? false }
                .count,
            byRole: byRole, byLayer: layers, gaps: gaps,
            names: names, actions: actions,
            trend: trend + [TrendPoint(day: score.asOf, health: started ? health.value : nil)],
            strengthHistogram: histogram)
        report.snoozed = snoozedPeople(analysis, facts: facts)
        return report
    }

    /// The people snoozed on the analysis's day, soonest back first, then by name and id.
    static func snoozedPeople(_ analysis: NetworkAnalysis, facts: NetworkFacts) -> [SnoozedPerson] {
        facts.snoozed(on: analysis.score.asOf).compactMap { id, until in
            guard facts.focus?.contains(id) ?? true else { return nil }
            return analysis.people[id].map { SnoozedPerson(personID: id, name: $0.name, until: until) }
        }.sorted { a, b in
            if a.until != b.until { return a.until < b.until }
            if a.name != b.name { return a.name < b.name }
            return a.personID < b.personID
        }
    }

    /// The ISO 8601 week of a day, `YYYY-Www`.
    public static func isoWeek(_ day: Day) -> String {
        // The ISO year is the year of the Thursday of the day's week.
        let thursday = day + (4 - day.isoWeekday)
        let year = thursday.civil.year
        let week = (thursday - Day(year: year, month: 1, day: 1)!) / 7 + 1
        return "\(year)-W\(week < 10 ? "0" : "")\(week)"
    }

    /// The last day (Sunday) of an ISO week given as `YYYY-Www`, or nil when there is no such week.
    public static func lastDay(ofWeek text: String) -> Day? {
        let parts = text.uppercased().split(separator: "-W")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let week = Int(parts[1]),
            week >= 1, week <= 53, let jan4 = Day(year: year, month: 1, day: 4)
        else { return nil }
        let mondayOfWeek1 = jan4 - (jan4.isoWeekday - 1)
        let sunday = mondayOfWeek1 + (week - 1) * 7 + 6
        return isoWeek(sunday) == "\(year)-W\(parts[1])" ? sunday : nil
    }
}
