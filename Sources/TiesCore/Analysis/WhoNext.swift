import Foundation

/// Why a person is on the list.
public struct Reason: Sendable, Equatable {
    /// Stable code, for scripts.
    public var code: ReasonCode
    /// A sentence for a person.
    public var text: String
    /// Hard reasons always surface, above every scored row.
    public var isHard: Bool
}

/// How a row's priority is made: the product of its factors, on a scale of 0 to 100.
public struct Priority: Sendable, Equatable {
    /// Strength / 100.
    public var strength: Double
    /// 1 − S(s): how unusual the current silence is (0 in rhythm, near 1 far overdue).
    public var overdue: Double
    /// (1 + bridge bonus) / (1 + bridge bonus) for a bridge, 1 / (1 + bridge bonus) otherwise.
    public var bridge: Double
    /// The same for an under-represented role or organisation.
    public var underrepresented: Double

    /// 100 × the product of the factors: 100 only for a strongest tie, far overdue, that is a bridge in an
    /// under-represented role.
    public var value: Double { 100 * strength * overdue * bridge * underrepresented }
}

/// One row of "who next".
public struct Recommendation: Sendable, Equatable {
    public var personID: Person.ID
    public var name: String
    /// How the priority is made; ``priority`` is its value, 0–100.
    public var factors: Priority
    public var reasons: [Reason]
    /// What to do.
    public var advice: Advice
    public var priority: Double { factors.value }
    public var isHard: Bool { reasons.contains(where: \.isHard) }
    /// A dormant recruiter proposed to warm up: not scored (priority 0), placed by ``WhoNext``'s rules.
    public var isWarmUp: Bool { reasons.contains { $0.code == .dormantRecruiter } }
}

/// Ranks the people to contact next.
///
/// priority = 100 × (strength / 100) × (1 − S(s)) × (1 + bridgeBonus [bridge]) / (1 + bridgeBonus)
/// × (1 + underrepresentedBonus [under-represented role or organisation]) / (1 + underrepresentedBonus), where
/// S(s) is the survival of the current silence: a strong tie whose silence is unusually long ranks high; a
/// weak one or one in rhythm ranks low. The scale is 0–100: the bonuses are divided out so that only the
/// strongest tie, far overdue, a bridge in an under-represented role reaches 100. Hard reasons always surface
/// first: a recruiter waiting for an answer, a promise of the user's due within a week or overdue, a recruiter
/// holding out-of-date details, a bridge gone cold within the last ``lostBridgeDays``, and a strong tie
/// (strength ≥ ``strongTie``) that is overdue — in that order of urgency, then by priority. Ties are broken by
/// name, then id. People snoozed on the day (``NetworkFacts/snoozes``) are left out, hard reasons and all, and
/// so is everyone outside ``NetworkFacts/focus`` when it is set.
public enum WhoNext {
    /// Strength from which a relationship counts as strong.
    public static let strongTie = 50.0
    /// A bridge silent for longer than this is treated as lost rather than as this week's must-do
    /// (Burt: nine in ten bridges are gone a year later); it still appears as a cold relationship.
    public static let lostBridgeDays = 365

    /// Every row, ranked: hard rows first. A caller shows a prefix and can count the hard rows it leaves out.
    public static func rank(
        _ analysis: NetworkAnalysis, facts: NetworkFacts, configuration: ScoringConfiguration
    ) -> [Recommendation] {
        let counts = ActiveCounts(analysis)
        // Snoozed people (`ties snooze`) are left out until the day they are back, whatever is waiting.
        let snoozed = facts.snoozed(on: analysis.score.asOf)
        var rows: [Recommendation] = []
        for s in analysis.score.scores where facts.shows(s.personID, snoozed: snoozed) {
            // Dormant people (connections never spoken with) are not relationships to keep up: they are
            // proposed only as recruiters to warm up.
            guard let person = analysis.people[s.personID],
                s.status != .none && s.status != .dormant || facts.unanswered[s.personID] != nil
            else { continue }
            let isBridge = analysis.positions[s.personID]?.isBridge ?? false
            var reasons = hardReasons(person, s, facts: facts, isBridge: isBridge, asOf: analysis.score.asOf)
            reasons += yearlyDateReasons(person, asOf: analysis.score.asOf, configuration: configuration)
            let underrepresented = counts.underrepresented(
                person, isActive: s.status == .active, configuration: configuration, into: &reasons)
            if isBridge && !reasons.contains(where: { $0.code == .coldBridge }) {
                reasons.append(
                    Reason(
                        code: .bridge, text: "links parts of your network that do not otherwise touch", isHard: false))
            }
            let factors = Priority(
                strength: s.strength / 100, overdue: 1 - (s.survival ?? 1),
                bridge: (1 + (isBridge ? configuration.bridgeBonus : 0)) / (1 + configuration.bridgeBonus),
                underrepresented: (1 + (underrepresented ? configuration.underrepresentedBonus : 0))
                    / (1 + configuration.underrepresentedBonus))
            let occasion = occasions(of: person, asOf: analysis.score.asOf, configuration: configuration).first
            guard factors.value > 0 || reasons.contains(where: \.isHard) || occasion != nil else { continue }
            // Every row says why: an active person whose only reason is the time since the last contact
            // (their priority grows with it) is told so.
            if reasons.isEmpty, occasion == nil, let silence = s.silenceDays {
                reasons.append(
                    Reason(
                        code: .sinceLastContact, text: "\(silence) days since the last contact\(rhythmClause(s))",
                        isHard: false))
            }
            var advice = advice(for: person, reasons: reasons.map(\.code), facts: facts)
            // Nothing more pressing: the occasion is what to write about.
            if let occasion, !reasons.contains(where: \.isHard), facts.unanswered[s.personID] == nil {
                advice = .greet(birthday: occasion.kind == .birthday, on: occasion.day)
            }
            rows.append(
                Recommendation(
                    personID: s.personID, name: person.name, factors: factors, reasons: reasons, advice: advice))
        }
        rows.sort { a, b in
            if a.isHard != b.isHard { return a.isHard }
            if a.isHard, urgency(a) != urgency(b) { return urgency(a) < urgency(b) }
            // A birthday or work anniversary this week: after the must-dos, before the other rows.
            if !a.isHard, hasOccasion(a) != hasOccasion(b) { return hasOccasion(a) }
            if a.priority != b.priority { return a.priority > b.priority }
            if a.name != b.name { return a.name < b.name }
            return a.personID < b.personID
        }
        let hard = rows.prefix { $0.isHard }.count
        return insertingWarmUps(into: rows, hard: hard, analysis, facts: facts, configuration: configuration)
    }

    /// The reasons about what is waiting and how the silence compares with the rhythm.
    static func hardReasons(
        _ person: Person, _ s: PersonScore, facts: NetworkFacts, isBridge: Bool, asOf: Day
    ) -> [Reason] {
        var reasons: [Reason] = []
        let name = person.name
        let isRecruiter = person.roles.contains(.recruiter)
        if let open = facts.unanswered[s.personID] {
            let what =
                "\(open.kind == .call || open.kind == .video ? "called" : "wrote") on \(open.day) (\(asOf - open.day) days ago)"
            reasons.append(
                Reason(
                    code: isRecruiter ? .recruiterUnanswered : .unanswered,
                    text: "\(isRecruiter ? "Recruiter " : "")\(name) \(what) and has no answer yet", isHard: isRecruiter
                ))
        }
        for promise in facts.openCommitments where promise.personID == s.personID && promise.owner == .me {
            guard let due = promise.due, due - asOf <= 7 else { continue }
            let when = due < asOf ? "was due \(due)" : "is due \(due)"
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
        guard s.status == .cooling || s.status == .cold else { return reasons }
        let silence = s.silenceDays ?? 0
        let rhythm = rhythmClause(s)
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
                        "a strong tie (\(Table.format(s.strength, digits: 0))) gone quiet: \(silence) days since the last contact\(rhythm)",
                    isHard: true))
        } else {
            reasons.append(
                Reason(
                    code: s.status == .cold ? .cold : .overdue, text: "\(silence) days since the last contact\(rhythm)",
                    isHard: false))
        }
        return reasons
    }

    /// "; usually every N days" when the rhythm rests on at least two observed gaps (three day-episodes);
    /// before that the typical gap is mostly the prior, so it says so.
    static func rhythmClause(_ s: PersonScore) -> String {
        guard s.episodes >= 3, let gap = s.typicalGapDays else { return "; not enough history yet for a rhythm" }
        return "; usually " + Cadence.every(days: gap)
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
    static func advice(for person: Person, reasons codes: [ReasonCode], facts: NetworkFacts) -> Advice {
        let id = person.id ?? 0
        if let open = facts.unanswered[id] {
            return .answer(channel: open.kind, recruiter: person.roles.contains(.recruiter))
        }
        if codes.contains(.commitmentDue) {
            // The promise due first (ties by id): the one the reason is about.
            let dated = facts.openCommitments.filter { $0.personID == id && $0.owner == .me }
                .compactMap { promise in promise.due.map { (promise, $0) } }
            let first = dated.min { ($0.1, $0.0.id ?? 0) < ($1.1, $1.0.id ?? 0) }
            return .keepPromise(commitment: first?.0.id)
        }
        if let stale = facts.staleDisclosures.first(where: { $0.personID == id }), codes.contains(.staleDetails) {
            return .sendNewDetails(PendingDisclosure(stale))
        }
        let roles = person.roles
        if roles.contains(.recruiter) { return .updateRecruiter }
        if roles.contains(.mentor) || roles.contains(.sponsor) || roles.contains(.manager) { return .askForCatchUp }
        if codes.contains(.coldBridge) || codes.contains(.bridge) {
            return .reconnectThroughWork(organisation: person.employer)
        }
        if roles.contains(.friend) { return .call }
        return .suggestCoffee
    }
}

/// How many people are active (status ``RelationshipStatus/active``) per role and per organisation: who is
/// under-represented.
struct ActiveCounts {
    var roles: [Role: Int] = [:]
    var organisations: [String: Int] = [:]

    init(_ analysis: NetworkAnalysis) {
        for s in analysis.score.scores where s.status == .active {
            guard let person = analysis.people[s.personID] else { continue }
            for role in person.roles { roles[role, default: 0] += 1 }
            if let org = person.employer { organisations[org, default: 0] += 1 }
        }
    }

    /// Whether the person holds a role with fewer active people than its target, or is the only active
    /// contact at their organisation — or, not active themselves, works where no one is; appends the reasons.
    func underrepresented(
        _ person: Person, isActive: Bool, configuration: ScoringConfiguration, into reasons: inout [Reason]
    ) -> Bool {
        var under = false
        for role in person.sortedRoles {
            guard let target = configuration.roleTargets[role], roles[role, default: 0] < target else { continue }
            under = true
            let count = roles[role, default: 0]
            let active =
                count == 0
                ? "no active \(role.rawValue)s" : "only \(count) active \(role.rawValue)\(count == 1 ? "" : "s")"
            reasons.append(Reason(code: .fewInRole(role), text: "\(active); aim for \(target)", isHard: false))
        }
        // Said as it is: someone last heard from years ago is no one's "only active contact".
        if let org = person.employer, organisations[org, default: 0] - (isActive ? 1 : 0) <= 0 {
            under = true
            let text =
                isActive ? "your only active contact at \(org)" : "no one at \(org) is an active contact of yours"
            reasons.append(Reason(code: .onlyLink, text: text, isHard: false))
        }
        return under
    }
}
