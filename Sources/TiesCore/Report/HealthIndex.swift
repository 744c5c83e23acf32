/// The headline number of the weekly report: how well the network is kept, 0–100.
///
/// health = 100 × Σ weight × component, with five components in 0...1:
/// - **rhythm** (0.35): of the relationships in the four Dunbar layers, the strength-weighted share in
///   rhythm — active counts 1, cooling 0.5, cold 0.
/// - **coverage** (0.20): 0.4 × min(active recruiters / 3, 1) + 0.2 if they are at two or more organisations
///   + 0.3 with an active mentor + 0.1 with an active sponsor.
/// - **follow-through** (0.20): 1 − 0.2 per overdue promise of the user's, per recruiter waiting for an
///   answer and per person holding out-of-date details, − 0.1 per anyone else waiting; floored at 0.
/// - **breadth** (0.15): Blau diversity of the organisations of active people.
/// - **journal** (0.10): 1 with an entry this quarter, 0.5 with one last quarter, else 0.
///
/// "Active" means the status ``RelationshipStatus/active``, as everywhere.
public struct HealthIndex: Sendable, Equatable, Codable {
    public struct Component: Sendable, Equatable, Codable {
        public var name: String
        public var weight: Double
        /// 0...1.
        public var value: Double
        /// What the value is made of, in a few words.
        public var detail: String
    }

    /// 0–100.
    public var value: Double
    public var components: [Component]

    /// Computes the index for an analysed network.
    public static func compute(_ analysis: NetworkAnalysis, facts: NetworkFacts) -> HealthIndex {
        let score = analysis.score
        let asOf = score.asOf
        let people = analysis.people
        func isActive(_ s: PersonScore) -> Bool { s.status == .active }

        let layered = score.scores.filter { $0.layer != nil }
        let totalStrength = layered.map(\.strength).reduce(0, +)
        let inRhythm = layered.map { $0.strength * ($0.status == .active ? 1 : $0.status == .cooling ? 0.5 : 0) }
            .reduce(0, +)
        let rhythm = totalStrength > 0 ? inRhythm / totalStrength : 0
        let activeCount = layered.filter { $0.status == .active }.count

        let active = score.scores.filter(isActive)
        let recruiters = active.filter { people[$0.personID]?.roles.contains(.recruiter) ?? false }
        let firms = Set(recruiters.compactMap { people[$0.personID]?.firm })
        let mentor = active.contains { people[$0.personID]?.roles.contains(.mentor) ?? false }
        let sponsor = active.contains { people[$0.personID]?.roles.contains(.sponsor) ?? false }
        // Clamped: 0.4 + 0.2 + 0.3 + 0.1 is 1.0000000000000002 in floating point.
        let coverage = min(
            1,
            0.4 * min(Double(recruiters.count) / 3, 1) + (firms.count >= 2 ? 0.2 : 0) + (mentor ? 0.3 : 0)
                + (sponsor ? 0.1 : 0))

        let overdue = facts.openCommitments.filter { $0.owner == .me && ($0.due.map { $0 < asOf } ?? false) }.count
        let waitingRecruiters = facts.unanswered.keys.filter { people[$0]?.roles.contains(.recruiter) ?? false }.count
        let waitingOthers = facts.unanswered.count - waitingRecruiters
        let staleHolders = Set(facts.staleDisclosures.map(\.personID)).count
        let followThrough = max(
            0, 1 - 0.2 * Double(overdue + waitingRecruiters + staleHolders) - 0.1 * Double(waitingOthers))

        let breadth = Diversity.blauIndex(active.map { people[$0.personID]?.employer }) ?? 0

        let (y, m, _) = asOf.civil
        let quarterStart = Day(year: y, month: (m - 1) / 3 * 3 + 1, day: 1)!
        let previousQuarterStart = Day(year: m <= 3 ? y - 1 : y, month: m <= 3 ? 10 : (m - 1) / 3 * 3 - 2, day: 1)!
        let lastEntry = facts.journalDays.filter { $0 <= asOf }.max()
        let journal = lastEntry.map { $0 >= quarterStart ? 1.0 : ($0 >= previousQuarterStart ? 0.5 : 0) } ?? 0

        let components = [
            Component(
                name: "rhythm", weight: 0.35, value: rhythm,
                detail: "\(activeCount) of \(layered.count) closest relationships in rhythm"),
            Component(
                name: "coverage", weight: 0.20, value: coverage,
                detail:
                    "\(recruiters.count) active recruiter\(recruiters.count == 1 ? "" : "s") at \(firms.count) firm\(firms.count == 1 ? "" : "s"); mentor \(mentor ? "yes" : "no"); sponsor \(sponsor ? "yes" : "no")"
            ),
            Component(
                name: "follow-through", weight: 0.20, value: followThrough,
                detail:
                    "\(overdue) overdue promise\(overdue == 1 ? "" : "s"), \(waitingRecruiters + waitingOthers) waiting for an answer, \(staleHolders) holding old details"
            ),
            Component(
                name: "breadth", weight: 0.15, value: breadth,
                detail: "diversity of organisations \(Table.format(breadth, digits: 2))"),
            Component(
                name: "journal", weight: 0.10, value: journal,
                detail: lastEntry.map { "last entry \($0)" } ?? "no entries"),
        ]
        let value = 100 * components.map { $0.weight * $0.value }.reduce(0, +)
        return HealthIndex(value: value, components: components)
    }
}
