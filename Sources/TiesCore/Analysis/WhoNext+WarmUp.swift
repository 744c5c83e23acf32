extension WhoNext {
    /// How many dormant recruiters "who next" proposes at most in one list.
    public static let maximumWarmUps = 3

    /// The rows with the best-placed dormant recruiters to warm up (``RecruiterWarmUp``) added: as many as
    /// active recruiters are missing from the target (at least one, at most ``maximumWarmUps``), right after
    /// the must-do rows when recruiters are missing, else after every scored row.
    static func insertingWarmUps(
        into rows: [Recommendation], hard: Int, _ analysis: NetworkAnalysis, facts: NetworkFacts,
        configuration: ScoringConfiguration
    ) -> [Recommendation] {
        let (active, _) = RecruiterWarmUp.counts(analysis)
        let target = configuration.roleTargets[.recruiter] ?? 3
        let missing = max(0, target - active)
        let warmUps = warmUps(analysis, facts: facts, count: min(maximumWarmUps, max(1, missing)))
        guard !warmUps.isEmpty else { return rows }
        var out = rows
        out.insert(contentsOf: warmUps, at: missing > 0 ? hard : out.count)
        return out
    }

    /// The first `count` dormant recruiters to warm up, best placed first (``RecruiterWarmUp``), as rows of
    /// "who next" each with a first message to send; snoozed people, and people outside the focus, left out.
    /// `ties next --warm-up` lists these alone: once the user has enough active recruiters, ``rank(_:facts:configuration:)``
    /// places them after every scored row.
    public static func warmUps(_ analysis: NetworkAnalysis, facts: NetworkFacts, count: Int) -> [Recommendation] {
        let snoozed = facts.snoozed(on: analysis.score.asOf)
        return RecruiterWarmUp.rank(analysis, field: facts.field)
            .lazy.filter { facts.shows($0.personID, snoozed: snoozed) }
            .prefix(count)
            .map { c in
                Recommendation(
                    personID: c.personID, name: c.name,
                    factors: Priority(strength: 0, overdue: 0, bridge: 1, underrepresented: 1),
                    reasons: [warmUpReason(c, field: facts.field)],
                    advice: .warmUpRecruiter(organisation: c.organisation, field: facts.field, since: c.connectedSince))
            }
    }

    /// Why this dormant recruiter: since when connected, in the field, at an uncovered firm.
    static func warmUpReason(_ c: WarmUpCandidate, field: String?) -> Reason {
        var parts = ["a recruiter among your connections"]
        if let since = c.connectedSince { parts[0] += " since \(since)" }
        parts[0] += " you have never spoken with"
        if c.inField, let field { parts.append("works in \(field)") }
        if c.firmUncovered, let org = c.organisation { parts.append("you have no active contact at \(org)") }
        return Reason(code: .dormantRecruiter, text: parts.joined(separator: "; "), isHard: false)
    }
}
