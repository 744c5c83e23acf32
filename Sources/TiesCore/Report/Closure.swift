/// How closed the user's active network is — how many pairs of active people know each other — measured only
/// when who knows whom is recorded for enough of them.
///
/// A tie that is not recorded may simply be unknown, so the share of pairs that know each other means
/// something only when most active people have at least one recorded tie. Burt's constraint is not used
/// here: with few contacts it is high from concentration alone, even when no two of them know each other.
struct Closure {
    /// People with the status ``RelationshipStatus/active``.
    var active: Int
    /// Active people with at least one recorded tie to another person.
    var recorded: Int
    /// Pairs of active people tied to each other.
    var tiedPairs: Int

    /// Fewest active people for which closure is worth measuring.
    static let minimumActive = 5
    /// Share of active people with a recorded tie needed to measure.
    static let recordedShare = 2.0 / 3.0
    /// Share of pairs that know each other from which the network counts as closed.
    static let closedShare = 0.5

    /// Nil with fewer than ``minimumActive`` active people.
    init?(_ analysis: NetworkAnalysis) {
        let activeIDs = Set(analysis.score.scores.filter { $0.status == .active }.map(\.personID))
        var activeNodes = Set<Int>()
        for (node, id) in analysis.nodeIDs.enumerated() where node > 0 && activeIDs.contains(id) {
            activeNodes.insert(node)
        }
        guard activeNodes.count >= Self.minimumActive else { return nil }
        active = activeNodes.count
        recorded = activeNodes.filter { (analysis.positions[analysis.nodeIDs[$0]]?.ties ?? 0) > 0 }.count
        tiedPairs =
            analysis.graph.edges.filter { $0.u > 0 && activeNodes.contains($0.u) && activeNodes.contains($0.v) }
            .count
    }

    var pairs: Int { active * (active - 1) / 2 }
    var isMeasurable: Bool { Double(recorded) >= Self.recordedShare * Double(active) }

    /// A closed network (medium), a prompt to record who knows whom (low), or nothing.
    var gap: Gap? {
        guard isMeasurable else {
            return Gap(
                code: .concentration, severity: .low,
                title:
                    "How closed your network is cannot be told yet: who knows whom is recorded for \(recorded) of your \(active) active contacts",
                people: [], advice: .recordWhoKnowsWhom)
        }
        guard Double(tiedPairs) >= Self.closedShare * Double(pairs) else { return nil }
        return Gap(
            code: .concentration, severity: .medium,
            title: "A closed network: \(tiedPairs) of the \(pairs) pairs of your active contacts know each other",
            people: [], advice: .meetOutsideCircle)
    }
}
