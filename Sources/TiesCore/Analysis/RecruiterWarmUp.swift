/// A dormant recruiter worth warming up, with why they are well placed.
public struct WarmUpCandidate: Sendable, Equatable {
    public var personID: Person.ID
    public var name: String
    public var organisation: String?
    public var recruiterKind: RecruiterKind?
    /// When the user and they first connected (their first interaction of any kind).
    public var connectedSince: Day?
    /// Their title or organisation is in the user's field.
    public var inField: Bool
    /// The user has no active relationship at their organisation (or it is unknown).
    public var firmUncovered: Bool
}

/// The recruiters among the user's connections they have never spoken with, best placed first.
///
/// "The recruiter's first lesson is to build relationships with several recruiters before you need them":
/// most users already hold those recruiters in their LinkedIn export. Among dormant recruiters
/// (``RelationshipStatus/dormant`` and the recruiter role, inferred or given), the best placed to warm up
/// are, in this order: in the user's field (``ProfessionalField``), at a firm where the user has no active
/// contact, connected longest; then by name and id.
public enum RecruiterWarmUp {
    /// Every dormant recruiter, best placed first.
    ///
    /// - Parameter field: the user's field (`ties me set field`), or nil when unknown (then no one is in it).
    /// - Complexity: O(n log n) for n people.
    public static func rank(_ analysis: NetworkAnalysis, field: String?) -> [WarmUpCandidate] {
        var activeOrganisations = Set<String>()
        for s in analysis.score.scores where s.status == .active {
            if let org = analysis.people[s.personID]?.employer { activeOrganisations.insert(MatchKey.fold(org)) }
        }
        let candidates = analysis.score.scores.compactMap { s -> WarmUpCandidate? in
            guard s.status == .dormant, let person = analysis.people[s.personID], person.roles.contains(.recruiter)
            else { return nil }
            return WarmUpCandidate(
                personID: s.personID, name: person.name, organisation: person.employer,
                recruiterKind: person.recruiterKind, connectedSince: s.knownSince,
                inField: field.map {
                    ProfessionalField.matches($0, title: person.title, organisation: person.organisation)
                }
                    ?? false,
                firmUncovered: person.employer.map { !activeOrganisations.contains(MatchKey.fold($0)) } ?? true)
        }
        return candidates.sorted { a, b in
            if a.inField != b.inField { return a.inField }
            if a.firmUncovered != b.firmUncovered { return a.firmUncovered }
            let (x, y) = (a.connectedSince?.ordinal ?? .max, b.connectedSince?.ordinal ?? .max)
            if x != y { return x < y }
            if a.name != b.name { return a.name < b.name }
            return a.personID < b.personID
        }
    }

    /// How many recruiters are active (the status, as everywhere), and how many are dormant.
    public static func counts(_ analysis: NetworkAnalysis) -> (active: Int, dormant: Int) {
        var active = 0
        var dormant = 0
        for s in analysis.score.scores where analysis.people[s.personID]?.roles.contains(.recruiter) ?? false {
            if s.status == .active { active += 1 }
            if s.status == .dormant { dormant += 1 }
        }
        return (active, dormant)
    }
}
