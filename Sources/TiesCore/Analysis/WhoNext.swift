import Foundation

/// Facts from the store that turn into reasons and gaps beyond the scores.
public struct NetworkFacts: Sendable, Equatable {
    /// The latest inbound contact with no reply after it, per person.
    public var unanswered: [Person.ID: UnansweredContact]
    /// Commitments not yet done as of the day.
    public var openCommitments: [Commitment]
    /// People holding details of the user's that have changed since.
    public var staleDisclosures: [StaleDisclosure]
    /// The days of the user's career-journal entries.
    public var journalDays: [Day]

    public init(
        unanswered: [Person.ID: UnansweredContact] = [:], openCommitments: [Commitment] = [],
        staleDisclosures: [StaleDisclosure] = [], journalDays: [Day] = []
    ) {
        self.unanswered = unanswered
        self.openCommitments = openCommitments
        self.staleDisclosures = staleDisclosures
        self.journalDays = journalDays
    }
}

/// An inbound contact the user has not answered.
public struct UnansweredContact: Sendable, Equatable {
    public var day: Day
    public var kind: InteractionKind

    public init(day: Day, kind: InteractionKind) {
        self.day = day
        self.kind = kind
    }
}

/// Why a person is on the list.
public struct Reason: Sendable, Equatable {
    /// Stable code, for scripts.
    public var code: ReasonCode
    /// A sentence for a person.
    public var text: String
    /// Hard reasons always surface, above every scored row.
    public var isHard: Bool
}

/// One row of "who should I contact next".
public struct Recommendation: Sendable, Equatable {
    public var personID: Person.ID
    public var name: String
    public var priority: Double
    public var reasons: [Reason]
    /// What to do.
    public var advice: Advice
    public var isHard: Bool { reasons.contains(where: \.isHard) }
}

/// Ranks the people to contact next.
///
/// priority = strength × (1 − S(s)) × (1 + bridgeBonus [bridge]) × (1 + underrepresentedBonus [under-represented
/// role or organisation]), where S(s) is the survival of the current silence: a strong tie whose silence is
/// unusually long ranks high; a weak one or one in rhythm ranks low. Hard reasons always surface first:
/// an unanswered inbound call, email or message from a recruiter, a promise of the user's due within a week
/// or overdue, a recruiter holding out-of-date details, a bridge gone cold within the last
/// ``lostBridgeDays``, and a strong tie
/// (strength ≥ ``strongTie``) that is overdue — in that order of urgency, then by priority. Ties are broken by
/// name, then id.
public enum WhoNext {
    /// Strength from which a relationship counts as strong.
    public static let strongTie = 50.0
    /// A bridge silent for longer than this is treated as lost rather than as this week's must-do
    /// (Burt: nine in ten bridges are gone a year later); it still appears as a cold relationship.
    public static let lostBridgeDays = 365

    /// The ranked list, hard reasons first, at most `limit` rows (hard rows are never cut below it).
    public static func rank(
        _ analysis: NetworkAnalysis, facts: NetworkFacts, configuration: ScoringConfiguration, limit: Int
    ) -> [Recommendation] {
        let score = analysis.score
        // Active people per role and per organisation, to find the under-represented.
        var roleCounts: [Role: Int] = [:]
        var organisationCounts: [String: Int] = [:]
        for s in score.scores where s.status == .active {
            guard let person = analysis.people[s.personID] else { continue }
            for role in person.roles { roleCounts[role, default: 0] += 1 }
            if let org = person.organisation { organisationCounts[org, default: 0] += 1 }
        }
        var rows: [Recommendation] = []
        for s in score.scores {
            guard let person = analysis.people[s.personID], s.status != .none || facts.unanswered[s.personID] != nil
            else { continue }
            let position = analysis.positions[s.personID]
            let isBridge = position?.isBridge ?? false
            var reasons: [Reason] = []
            let name = person.name
            let isRecruiter = person.roles.contains(.recruiter)
            if let open = facts.unanswered[s.personID] {
                let ago = score.asOf - open.day
                let what =
                    "\(open.kind == .call || open.kind == .video ? "called" : "wrote") on \(open.day) (\(ago) days ago)"
                reasons.append(
                    Reason(
                        code: isRecruiter ? .recruiterUnanswered : .unanswered,
                        text: "\(isRecruiter ? "Recruiter " : "")\(name) \(what) and has no answer yet",
                        isHard: isRecruiter))
            }
            for promise in facts.openCommitments where promise.personID == s.personID && promise.owner == .me {
                guard let due = promise.due, due - score.asOf <= 7 else { continue }
                let when = due < score.asOf ? "was due \(due)" : "is due \(due)"
                reasons.append(
                    Reason(code: .commitmentDue, text: "you promised \"\(promise.text)\"; it \(when)", isHard: true))
            }
            for stale in facts.staleDisclosures where stale.personID == s.personID {
                reasons.append(
                    Reason(
                        code: .staleDetails,
                        text: "holds your old \(stale.kind.rawValue) (\(stale.held); now \(stale.current))",
                        isHard: isRecruiter))
            }
            let silence = s.silenceDays ?? 0
            let gap = s.typicalGapDays.map { Int($0.rounded()) } ?? 0
            if s.status != .active && s.status != .none {
                if isBridge && s.status == .cold && silence <= lostBridgeDays {
                    reasons.append(
                        Reason(
                            code: .coldBridge,
                            text:
                                "a bridge gone cold: \(name) links you to people you otherwise cannot reach; no contact for \(silence) days",
                            isHard: true))
                } else if s.strength >= strongTie {
                    reasons.append(
                        Reason(
                            code: .strongTieOverdue,
                            text:
                                "a strong tie (\(Table.format(s.strength, digits: 0))) gone quiet: \(silence) days since the last contact, usually every \(gap)",
                            isHard: true))
                } else {
                    reasons.append(
                        Reason(
                            code: s.status == .cold ? .cold : .overdue,
                            text: "\(silence) days since the last contact; usually every \(gap)", isHard: false))
                }
            }
            var underrepresented = false
            for role in person.sortedRoles {
                if let target = configuration.roleTargets[role], roleCounts[role, default: 0] < target {
                    underrepresented = true
                    reasons.append(
                        Reason(
                            code: .fewInRole(role),
                            text:
                                "only \(roleCounts[role, default: 0]) active \(role.rawValue)\(roleCounts[role, default: 0] == 1 ? "" : "s"); aim for \(target)",
                            isHard: false))
                }
            }
            if let org = person.organisation, organisationCounts[org, default: 0] <= 1 {
                underrepresented = true
                reasons.append(Reason(code: .onlyLink, text: "your only active contact at \(org)", isHard: false))
            }
            if isBridge && !reasons.contains(where: { $0.code == .coldBridge }) {
                reasons.append(
                    Reason(
                        code: .bridge, text: "links parts of your network that do not otherwise touch", isHard: false))
            }
            let survival = s.survival ?? 1
            let priority =
                s.strength * (1 - survival) * (1 + (isBridge ? configuration.bridgeBonus : 0))
                * (1 + (underrepresented ? configuration.underrepresentedBonus : 0))
            guard priority > 0 || reasons.contains(where: \.isHard) else { continue }
            rows.append(
                Recommendation(
                    personID: s.personID, name: name, priority: priority, reasons: reasons,
                    advice: advice(for: person, reasons: reasons.map(\.code))))
        }
        rows.sort { a, b in
            if a.isHard != b.isHard { return a.isHard }
            if a.isHard, urgency(a) != urgency(b) { return urgency(a) < urgency(b) }
            if a.priority != b.priority { return a.priority > b.priority }
            if a.name != b.name { return a.name < b.name }
            return a.personID < b.personID
        }
        let hard = rows.prefix { $0.isHard }.count
        return Array(rows.prefix(max(limit, hard)))
    }

    /// Among must-do rows, the recruiter's lessons first: a recruiter waiting for an answer, then promises
    /// due, then a recruiter holding old details, then ties going quiet.
    static func urgency(_ row: Recommendation) -> Int {
        let codes = Set(row.reasons.filter(\.isHard).map(\.code))
        if codes.contains(.recruiterUnanswered) { return 0 }
        if codes.contains(.commitmentDue) { return 1 }
        if codes.contains(.staleDetails) { return 2 }
        return 3
    }

    /// The advice that fits the person and their most urgent reason.
    static func advice(for person: Person, reasons codes: [ReasonCode]) -> Advice {
        if codes.contains(.recruiterUnanswered) { return .returnRecruiterCall }
        if codes.contains(.commitmentDue) { return .keepPromise }
        if codes.contains(.staleDetails) { return .sendNewDetails }
        if codes.contains(.unanswered) { return .reply }
        let roles = person.roles
        if roles.contains(.recruiter) { return .updateRecruiter }
        if roles.contains(.mentor) || roles.contains(.sponsor) || roles.contains(.manager) { return .askForCatchUp }
        if codes.contains(.coldBridge) || codes.contains(.bridge) {
            return .reconnectThroughWork(organisation: person.organisation)
        }
        if roles.contains(.friend) { return .call }
        return .suggestCoffee
    }
}
